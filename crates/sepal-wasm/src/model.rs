//! Model files: `exportModel()` and `Playground.fromModel()`.
//!
//! A model file is the JSON object
//!
//! ```json
//! {"format": "sepal-model", "version": 1,
//!  "settings": {"dataset": "flower", "hiddenUnits": 4, ...},
//!  "iteration": 1000,
//!  "parameters": {"W1": [[...], ...], "b1": [...], "W2": [[...]], "b2": [...]},
//!  "points": {"train": [[x1, x2, label], ...], "test": [...]}}
//! ```
//!
//! `settings` has the JS keys of every setting that shapes the model (not
//! `speed`, `autoplay` or `lang`, which belong to the page showing it);
//! `parameters` is what `parameters()` returns. Reading one checks
//! everything before anything is built, and says what is wrong with a
//! [`ModelError`]: a code and values, which the page's string tables
//! (`modelError.<code>` in www/strings.js) put in words. JS parses the
//! text (`JSON.parse`) and hands the object over; the checks here are
//! plain Rust on a [`Json`] tree, so native tests feed them garbage.

use core::fmt;

use sepal::parameters::ImportError;
use sepal::settings::{Effect, Input, Plain, Problem, SettingError, Settings, MAX_POINTS, SPECS};
use sepal::{Dataset, Model, Parameters, Trainer};
use wasm_bindgen::JsValue;

use crate::json::Json;
use crate::points::{check_point, BadPoint, MAX_COORDINATE};
use crate::Playground;

pub const FORMAT: &str = "sepal-model";
pub const VERSION: f64 = 1.0;
/// The largest iteration count a JS number holds exactly (2^53 − 1).
pub const MAX_ITERATION: f64 = 9_007_199_254_740_991.0;

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Number,
    Text,
    NumberOrText,
    Points,
    Matrix,
    Vector,
    Matrices,
    Vectors,
}

impl Expected {
    /// A stable code for the page's string tables (`modelType.<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Object => "object",
            Self::Number => "number",
            Self::Text => "text",
            Self::NumberOrText => "number-or-text",
            Self::Points => "points",
            Self::Matrix => "matrix",
            Self::Vector => "vector",
            Self::Matrices => "matrices",
            Self::Vectors => "vectors",
        }
    }
}

/// Why a model file cannot be loaded.
#[derive(Clone, Debug, PartialEq)]
pub enum ModelError {
    /// Not an object at all.
    NotAnObject,
    /// serde-wasm-bindgen could not read the JS value (e.g. a function in it).
    Unreadable {
        message: String,
    },
    /// Nested deeper than any model file.
    TooDeep,
    Format {
        found: String,
    },
    Version {
        found: String,
    },
    Missing {
        field: String,
    },
    WrongType {
        field: String,
        expected: Expected,
    },
    Setting(SettingError),
    TooManyPoints {
        count: usize,
    },
    /// Point `n` (from 1) of `list` ("points.train" or "points.test").
    PointValues {
        list: &'static str,
        n: usize,
        count: usize,
    },
    PointCoordinate {
        list: &'static str,
        n: usize,
    },
    PointLabel {
        list: &'static str,
        n: usize,
        label: f64,
    },
    UnknownParameter {
        name: String,
        model: Model,
    },
    Parameters(ImportError),
    Iteration {
        value: String,
    },
}

impl ModelError {
    /// A stable code for the page's string tables (`modelError.<code>`,
    /// whose template says it in words) and the values that template names.
    pub fn describe(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let shape = |(r, c): (usize, usize)| format!("{r}×{c}");
        match self {
            Self::NotAnObject => ("not-an-object", vec![]),
            Self::Unreadable { message } => ("unreadable", vec![("message", message.clone())]),
            Self::TooDeep => ("too-deep", vec![]),
            Self::Format { found } => ("format", vec![("found", found.clone())]),
            Self::Version { found } => ("version", vec![("found", found.clone())]),
            Self::Missing { field } => ("missing", vec![("field", field.clone())]),
            Self::WrongType { field, expected } => (
                "wrong-type",
                vec![("field", field.clone()), ("expected", expected.code().into())],
            ),
            Self::Setting(e) => (
                if e.problem == Problem::UnknownSetting {
                    "unknown-setting"
                } else {
                    "setting"
                },
                vec![
                    ("setting", e.setting.clone()),
                    ("value", e.value.clone()),
                    ("problem", e.problem.code().into()),
                    ("allowed", e.allowed.clone()),
                ],
            ),
            Self::TooManyPoints { count } => (
                "too-many-points",
                vec![("count", count.to_string()), ("max", MAX_POINTS.to_string())],
            ),
            Self::PointValues { list, n, count } => (
                "point-values",
                vec![
                    ("list", (*list).into()),
                    ("n", n.to_string()),
                    ("count", count.to_string()),
                ],
            ),
            Self::PointCoordinate { list, n } => (
                "point-coordinate",
                vec![
                    ("list", (*list).into()),
                    ("n", n.to_string()),
                    ("max", MAX_COORDINATE.to_string()),
                ],
            ),
            Self::PointLabel { list, n, label } => (
                "point-label",
                vec![
                    ("list", (*list).into()),
                    ("n", n.to_string()),
                    ("label", label.to_string()),
                ],
            ),
            Self::UnknownParameter { name, model } => (
                "unknown-parameter",
                vec![("name", name.clone()), ("model", model.name().into())],
            ),
            Self::Parameters(e) => match e {
                ImportError::WrongModel { expected } => ("wrong-model", vec![("model", expected.name().into())]),
                ImportError::WrongShape { name, expected, found } => (
                    "wrong-shape",
                    vec![
                        ("name", name.clone()),
                        ("expected", shape(*expected)),
                        ("found", shape(*found)),
                    ],
                ),
                ImportError::RaggedRow {
                    name,
                    row,
                    expected,
                    found,
                } => (
                    "ragged-row",
                    vec![
                        ("name", name.clone()),
                        ("row", row.to_string()),
                        ("expected", expected.to_string()),
                        ("found", found.to_string()),
                    ],
                ),
                ImportError::NotFinite { name } => ("not-finite", vec![("name", name.clone())]),
                ImportError::LayerCount { expected, found } => (
                    "layer-count",
                    vec![("expected", expected.to_string()), ("found", found.to_string())],
                ),
                ImportError::UnpairedLayers { weights, biases } => (
                    "unpaired-layers",
                    vec![("weights", weights.to_string()), ("biases", biases.to_string())],
                ),
            },
            Self::Iteration { value } => (
                "iteration",
                vec![("value", value.clone()), ("max", MAX_ITERATION.to_string())],
            ),
        }
    }
}

/// Language-neutral, the code and its values (`wrong-shape: name=W1,
/// expected=7×2, found=4×2`): the words are the page's, in its strings.
impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (code, values) = self.describe();
        f.write_str(code)?;
        for (k, (name, value)) in values.iter().enumerate() {
            let separator = if k == 0 { ": " } else { ", " };
            write!(f, "{separator}{name}={value}")?;
        }
        Ok(())
    }
}

/// A JS Error for a model file that cannot be loaded: `code` and `values`
/// (an object of strings) for the page's tables, and the same in a
/// language-neutral message.
impl From<ModelError> for JsValue {
    fn from(error: ModelError) -> JsValue {
        let js = js_sys::Error::new(&error.to_string());
        let (code, pairs) = error.describe();
        let values = js_sys::Object::new();
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&values, &JsValue::from_str(key), &JsValue::from_str(&value));
        }
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(code));
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str("values"), &values);
        js.into()
    }
}

/// A model file, checked: everything needed to rebuild the run.
#[derive(Clone, Debug)]
pub struct ModelFile {
    pub settings: Settings,
    pub train: Dataset,
    pub test: Dataset,
    pub parameters: Parameters,
    pub iteration: u64,
}

/// A value as it reads in a message: strings quoted, at most 40 characters.
fn shown(value: &Json) -> String {
    let text = match value {
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => n.to_string(),
        Json::Text(t) => format!("\"{t}\""),
        Json::List(_) => "[…]".to_string(),
        Json::Object(_) => "{…}".to_string(),
    };
    if text.chars().count() > 40 {
        text.chars().take(39).chain(['…']).collect()
    } else {
        text
    }
}

/// Checks a model file; nothing is built.
pub fn read(json: &Json) -> Result<ModelFile, ModelError> {
    let Json::Object(_) = json else {
        return Err(ModelError::NotAnObject);
    };
    let missing = |field: &str| ModelError::Missing { field: field.into() };
    let wrong = |field: &str, expected| ModelError::WrongType {
        field: field.into(),
        expected,
    };

    match json.get("format") {
        None => return Err(missing("format")),
        Some(Json::Text(t)) if t == FORMAT => {}
        Some(Json::Text(_)) => {
            return Err(ModelError::Format {
                found: shown(json.get("format").unwrap()),
            })
        }
        Some(_) => return Err(wrong("format", Expected::Text)),
    }
    match json.get("version") {
        None => return Err(missing("version")),
        Some(&Json::Number(v)) if v == VERSION => {}
        Some(v @ Json::Number(_)) => return Err(ModelError::Version { found: shown(v) }),
        Some(_) => return Err(wrong("version", Expected::Number)),
    }

    let settings = read_settings(json.get("settings"))?;

    let points = json.get("points").ok_or_else(|| missing("points"))?;
    if !matches!(points, Json::Object(_)) {
        return Err(wrong("points", Expected::Object));
    }
    let train = read_points(
        points.get("train").ok_or_else(|| missing("points.train"))?,
        "points.train",
    )?;
    let test = match points.get("test") {
        None => Vec::new(),
        Some(list) => read_points(list, "points.test")?,
    };
    if train.len() + test.len() > MAX_POINTS {
        return Err(ModelError::TooManyPoints {
            count: train.len() + test.len(),
        });
    }

    let parameters = read_parameters(
        json.get("parameters").ok_or_else(|| missing("parameters"))?,
        settings.model,
    )?;

    let iteration = match json.get("iteration") {
        None => 0,
        Some(&Json::Number(n)) if (0.0..=MAX_ITERATION).contains(&n) && n.trunc() == n => n as u64,
        Some(v @ Json::Number(_)) => return Err(ModelError::Iteration { value: shown(v) }),
        Some(_) => return Err(wrong("iteration", Expected::Number)),
    };

    Ok(ModelFile {
        settings,
        train: Dataset::from_points(&train),
        test: Dataset::from_points(&test),
        parameters,
        iteration,
    })
}

/// The settings object applied to the defaults (missing ones keep theirs).
fn read_settings(value: Option<&Json>) -> Result<Settings, ModelError> {
    let mut settings = Settings::default();
    let Some(value) = value else {
        return Ok(settings);
    };
    let Json::Object(pairs) = value else {
        return Err(ModelError::WrongType {
            field: "settings".into(),
            expected: Expected::Object,
        });
    };
    for (key, value) in pairs {
        let input = match value {
            Json::Number(n) => Input::Number(*n),
            Json::Text(t) => Input::Text(t),
            _ => {
                return Err(ModelError::WrongType {
                    field: format!("settings.{key}"),
                    expected: Expected::NumberOrText,
                })
            }
        };
        settings.set_input(key, input).map_err(ModelError::Setting)?;
    }
    Ok(settings)
}

fn read_points(value: &Json, list: &'static str) -> Result<Vec<[f64; 3]>, ModelError> {
    let Json::List(items) = value else {
        return Err(ModelError::WrongType {
            field: list.into(),
            expected: Expected::Points,
        });
    };
    if items.len() > MAX_POINTS {
        return Err(ModelError::TooManyPoints { count: items.len() });
    }
    let mut points = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let n = k + 1;
        let Json::List(values) = item else {
            return Err(ModelError::WrongType {
                // A path in the file, not words: the template has those.
                field: format!("{list}[{k}]"),
                expected: Expected::Vector,
            });
        };
        let numbers: Option<Vec<f64>> = values
            .iter()
            .map(|v| if let Json::Number(x) = v { Some(*x) } else { None })
            .collect();
        let Some(numbers) = numbers else {
            return Err(ModelError::PointCoordinate { list, n });
        };
        let point = check_point(&numbers).map_err(|bad| match bad {
            BadPoint::Values(count) => ModelError::PointValues { list, n, count },
            BadPoint::Coordinate => ModelError::PointCoordinate { list, n },
            BadPoint::Label(label) => ModelError::PointLabel { list, n, label },
        })?;
        points.push(point);
    }
    Ok(points)
}

fn vector(value: &Json, field: &str) -> Result<Vec<f64>, ModelError> {
    let wrong = || ModelError::WrongType {
        field: field.into(),
        expected: Expected::Vector,
    };
    let Json::List(items) = value else { return Err(wrong()) };
    items
        .iter()
        .map(|v| if let Json::Number(x) = v { Ok(*x) } else { Err(wrong()) })
        .collect()
}

fn matrix(value: &Json, field: &str) -> Result<Vec<Vec<f64>>, ModelError> {
    let wrong = || ModelError::WrongType {
        field: field.into(),
        expected: Expected::Matrix,
    };
    let Json::List(rows) = value else { return Err(wrong()) };
    rows.iter().map(|row| vector(row, field).map_err(|_| wrong())).collect()
}

/// `{w, b}`, `{W1, b1, W2, b2}` or `{W: [...], b: [...]}` as the model needs.
fn read_parameters(value: &Json, model: Model) -> Result<Parameters, ModelError> {
    let Json::Object(pairs) = value else {
        return Err(ModelError::WrongType {
            field: "parameters".into(),
            expected: Expected::Object,
        });
    };
    let names: &[&str] = match model {
        Model::Logistic => &["w", "b"],
        Model::Shallow => &["W1", "b1", "W2", "b2"],
        Model::Deep => &["W", "b"],
    };
    if let Some((name, _)) = pairs.iter().find(|(name, _)| !names.contains(&name.as_str())) {
        return Err(ModelError::UnknownParameter {
            name: name.clone(),
            model,
        });
    }
    let get = |name: &str| {
        value.get(name).ok_or_else(|| ModelError::Missing {
            field: format!("parameters.{name}"),
        })
    };
    let field = |name: &str| format!("parameters.{name}");
    Ok(match model {
        Model::Logistic => {
            let w = vector(get("w")?, &field("w"))?;
            let b = match get("b")? {
                Json::Number(b) => *b,
                _ => {
                    return Err(ModelError::WrongType {
                        field: field("b"),
                        expected: Expected::Number,
                    })
                }
            };
            Parameters::Logistic { w, b }
        }
        Model::Shallow => Parameters::Shallow {
            w1: matrix(get("W1")?, &field("W1"))?,
            b1: vector(get("b1")?, &field("b1"))?,
            w2: matrix(get("W2")?, &field("W2"))?,
            b2: vector(get("b2")?, &field("b2"))?,
        },
        Model::Deep => {
            let wrong = |name: &str, expected| ModelError::WrongType {
                field: field(name),
                expected,
            };
            let Json::List(w) = get("W")? else {
                return Err(wrong("W", Expected::Matrices));
            };
            let Json::List(b) = get("b")? else {
                return Err(wrong("b", Expected::Vectors));
            };
            Parameters::Deep {
                w: w.iter()
                    .map(|m| matrix(m, &field("W")).map_err(|_| wrong("W", Expected::Matrices)))
                    .collect::<Result<_, _>>()?,
                b: b.iter()
                    .map(|v| vector(v, &field("b")).map_err(|_| wrong("b", Expected::Vectors)))
                    .collect::<Result<_, _>>()?,
            }
        }
    })
}

/// Parameters (or their gradients, with `prefix` "d") under the course's
/// names: `{w, b}`, `{W1, b1, W2, b2}` or `{W: [...], b: [...]}`.
pub fn parameters_json(params: &Parameters, prefix: &str) -> Json {
    let name = |n: &str| format!("{prefix}{n}");
    let matrix = |m: &[Vec<f64>]| Json::List(m.iter().map(|r| Json::numbers(r)).collect());
    match params {
        Parameters::Logistic { w, b } => Json::object([(name("w"), Json::numbers(w)), (name("b"), Json::Number(*b))]),
        Parameters::Shallow { w1, b1, w2, b2 } => Json::object([
            (name("W1"), matrix(w1)),
            (name("b1"), Json::numbers(b1)),
            (name("W2"), matrix(w2)),
            (name("b2"), Json::numbers(b2)),
        ]),
        Parameters::Deep { w, b } => Json::object([
            (name("W"), Json::List(w.iter().map(|m| matrix(m)).collect())),
            (name("b"), Json::List(b.iter().map(|v| Json::numbers(v)).collect())),
        ]),
    }
}

fn points_json(data: &Dataset) -> Json {
    Json::List((0..data.len()).map(|k| Json::numbers(&data.point(k))).collect())
}

impl Playground {
    /// This run as a model file (see the module's documentation).
    pub fn model_json(&self) -> Json {
        // In the settings table's order, as links list them.
        let settings = SPECS.iter().filter(|spec| spec.effect != Effect::Page).map(|spec| {
            let value = match self.settings.get(spec).plain() {
                Plain::Integer(n) => Json::Number(n as f64),
                Plain::Number(v) => Json::Number(v),
                Plain::Text(text) => Json::Text(text),
                Plain::Null => Json::Null,
            };
            (spec.key, value)
        });
        let trainer = &self.trainer;
        Json::object([
            ("format", Json::Text(FORMAT.into())),
            ("version", Json::Number(VERSION)),
            ("settings", Json::object(settings)),
            ("iteration", Json::Number(trainer.iteration() as f64)),
            (
                "parameters",
                parameters_json(&Parameters::of(trainer.network(), self.settings.model), ""),
            ),
            (
                "points",
                Json::object([
                    ("train", points_json(trainer.train_data())),
                    ("test", points_json(trainer.test_data())),
                ]),
            ),
        ])
    }

    /// The run a model file describes: its settings, its points (split as
    /// the file splits them), its parameters at its iteration. Reset goes
    /// back to the settings' initial weights.
    pub fn from_model(json: &Json) -> Result<Playground, ModelError> {
        let file = read(json)?;
        let mut trainer = Trainer::with_split(&file.settings, file.train.clone(), file.test.clone());
        let network = file
            .parameters
            .to_network(trainer.network(), file.settings.model)
            .map_err(ModelError::Parameters)?;
        // The shapes were just checked against this very trainer's network.
        if trainer.restore(&network, file.iteration).is_err() {
            return Err(ModelError::Parameters(ImportError::WrongModel {
                expected: file.settings.model,
            }));
        }
        let mut all = Vec::with_capacity(file.train.len() + file.test.len());
        all.extend((0..file.train.len()).map(|k| file.train.point(k)));
        all.extend((0..file.test.len()).map(|k| file.test.point(k)));
        Ok(Playground::from_trainer(
            file.settings,
            Dataset::from_points(&all),
            trainer,
            None,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn playground(pairs: &[(&str, &str)]) -> Playground {
        let mut settings = Settings::default();
        assert_eq!(settings.apply(pairs.iter().copied()), []);
        Playground::from_settings(settings)
    }

    /// `json` with the value at `path` (object keys) replaced.
    fn with(json: &Json, path: &[&str], value: Json) -> Json {
        let mut json = json.clone();
        let mut at = &mut json;
        for key in path {
            let Json::Object(pairs) = at else {
                panic!("{key} is not in an object")
            };
            let index = pairs.iter().position(|(k, _)| k == key).unwrap_or_else(|| {
                pairs.push((key.to_string(), Json::Null));
                pairs.len() - 1
            });
            at = &mut pairs[index].1;
        }
        *at = value;
        json
    }

    fn without(json: &Json, key: &str) -> Json {
        let Json::Object(pairs) = json else { panic!() };
        Json::Object(pairs.iter().filter(|(k, _)| k != key).cloned().collect())
    }

    /// The code and values `json` is rejected with.
    fn error(json: &Json) -> (&'static str, Vec<(&'static str, String)>) {
        Playground::from_model(json).err().expect("rejected").describe()
    }

    #[test]
    fn a_model_round_trips_to_the_same_bits_and_goes_on_identically() {
        for pairs in [
            &[][..],
            &[("model", "logistic")],
            &[
                ("model", "deep"),
                ("layers", "5,3"),
                ("activation", "relu"),
                ("test-fraction", "0.25"),
            ],
            &[("dataset", "moons"), ("hidden-units", "7"), ("learning-rate", "0.5")],
        ] {
            let mut original = playground(pairs);
            original.step(321);
            let json = original.model_json();
            let mut copy = Playground::from_model(&json).unwrap();
            assert_eq!(
                copy.trainer().cost().to_bits(),
                original.trainer().cost().to_bits(),
                "{pairs:?}"
            );
            assert_eq!(copy.trainer().iteration(), 321);
            assert_eq!(
                copy.model_json(),
                json,
                "{pairs:?}: export of the import is the same file"
            );
            original.step(100);
            copy.step(100);
            assert_eq!(
                copy.trainer().cost().to_bits(),
                original.trainer().cost().to_bits(),
                "{pairs:?}"
            );
        }
    }

    #[test]
    fn page_settings_stay_out_of_the_file() {
        let json = playground(&[("speed", "5"), ("lang", "zh")]).model_json();
        let settings = json.get("settings").unwrap();
        for spec in SPECS.iter().filter(|spec| spec.effect == Effect::Page) {
            assert!(settings.get(spec.key).is_none(), "{}", spec.key);
        }
        assert_eq!(settings.get("hiddenUnits"), Some(&Json::Number(4.0)));
        assert_eq!(settings.get("layers"), Some(&Json::Text("8,8".into())));
    }

    #[test]
    fn every_setting_that_shapes_the_model_round_trips_through_a_file() {
        let defaults = Settings::default();
        for spec in SPECS.iter().filter(|spec| spec.effect != Effect::Page) {
            let example = spec.kind.example(&defaults.get(spec)).text();
            let json = playground(&[(spec.param, &example)]).model_json();
            let copy = Playground::from_model(&json).unwrap();
            assert_eq!(copy.settings.text(spec), example, "{}", spec.param);
        }
    }

    #[test]
    fn every_problem_is_named() {
        let good = playground(&[]).model_json();
        let point = |list, values: Json| with(&good, &["points", list], Json::List(vec![values]));
        // The file, its error's code and values (some, not necessarily all).
        type Case = (Json, &'static str, &'static [(&'static str, &'static str)]);
        let cases: Vec<Case> = vec![
            (Json::List(vec![]), "not-an-object", &[]),
            (
                with(&good, &["format"], Json::Text("keras".into())),
                "format",
                &[("found", "\"keras\"")],
            ),
            (
                with(&good, &["format"], Json::Number(1.0)),
                "wrong-type",
                &[("field", "format"), ("expected", "text")],
            ),
            (without(&good, "format"), "missing", &[("field", "format")]),
            (
                with(&good, &["version"], Json::Number(2.0)),
                "version",
                &[("found", "2")],
            ),
            (
                with(&good, &["settings", "hiddenUnits"], Json::Number(99.0)),
                "setting",
                &[
                    ("setting", "hidden-units"),
                    ("value", "99"),
                    ("problem", "out-of-range"),
                ],
            ),
            (
                with(&good, &["settings", "learningRate"], Json::Number(-1.0)),
                "setting",
                &[
                    ("setting", "learning-rate"),
                    ("value", "-1"),
                    ("problem", "out-of-range"),
                ],
            ),
            (
                with(&good, &["settings", "bogus"], Json::Number(1.0)),
                "unknown-setting",
                &[("setting", "bogus")],
            ),
            (
                with(&good, &["settings", "seed"], Json::Null),
                "wrong-type",
                &[("field", "settings.seed"), ("expected", "number-or-text")],
            ),
            (
                with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)),
                "wrong-shape",
                &[("name", "W1"), ("expected", "7×2"), ("found", "4×2")],
            ),
            (
                with(&good, &["points"], Json::Text("x".into())),
                "wrong-type",
                &[("field", "points"), ("expected", "object")],
            ),
            (
                point("train", Json::Text("x".into())),
                "wrong-type",
                &[("field", "points.train[0]"), ("expected", "vector")],
            ),
            (
                point("train", Json::numbers(&[1.0, 2.0])),
                "point-values",
                &[("list", "points.train"), ("n", "1"), ("count", "2")],
            ),
            (
                point("test", Json::numbers(&[1.0, 2.0, 3.0])),
                "point-label",
                &[("list", "points.test"), ("n", "1"), ("label", "3")],
            ),
            (
                point(
                    "train",
                    Json::List(vec![Json::Null, Json::Number(0.0), Json::Number(1.0)]),
                ),
                "point-coordinate",
                &[("list", "points.train"), ("n", "1"), ("max", "1000000")],
            ),
            (
                with(&good, &["parameters", "W3"], Json::Null),
                "unknown-parameter",
                &[("name", "W3"), ("model", "shallow")],
            ),
            (
                with(&good, &["parameters", "b1"], Json::Text("0".into())),
                "wrong-type",
                &[("field", "parameters.b1"), ("expected", "vector")],
            ),
            (
                with(
                    &good,
                    &["parameters", "W2"],
                    Json::List(vec![Json::List(vec![Json::Null; 4])]),
                ),
                "wrong-type",
                &[("field", "parameters.W2"), ("expected", "matrix")],
            ),
            (
                with(&good, &["parameters", "b2"], Json::numbers(&[f64::INFINITY])),
                "not-finite",
                &[("name", "b2")],
            ),
            (
                with(&good, &["iteration"], Json::Number(-1.0)),
                "iteration",
                &[("value", "-1"), ("max", "9007199254740991")],
            ),
            (
                with(&good, &["iteration"], Json::Number(2.5)),
                "iteration",
                &[("value", "2.5")],
            ),
        ];
        for (json, code, values) in cases {
            let (found, found_values) = error(&json);
            assert_eq!(found, code, "{found_values:?}");
            for &(name, value) in values {
                let pair = (name, value.to_string());
                assert!(
                    found_values.contains(&pair),
                    "{code}: {pair:?} is not in {found_values:?}"
                );
            }
        }
    }

    #[test]
    fn the_neutral_message_is_the_code_and_its_values() {
        let good = playground(&[]).model_json();
        let err = Playground::from_model(&with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)))
            .err()
            .unwrap();
        assert_eq!(err.to_string(), "wrong-shape: name=W1, expected=7×2, found=4×2");
        assert_eq!(ModelError::TooDeep.to_string(), "too-deep");
    }

    /// One error of each kind.
    fn one_of_each() -> Vec<ModelError> {
        use ModelError::*;
        let text = String::new;
        let setting = |name, value| Settings::default().set(name, value).unwrap_err();
        let all = vec![
            NotAnObject,
            Unreadable { message: text() },
            TooDeep,
            Format { found: text() },
            Version { found: text() },
            Missing { field: text() },
            WrongType {
                field: text(),
                expected: Expected::Object,
            },
            Setting(setting("hidden-units", "0")),
            Setting(setting("bogus", "1")),
            TooManyPoints { count: 0 },
            PointValues {
                list: "points.train",
                n: 1,
                count: 2,
            },
            PointCoordinate {
                list: "points.train",
                n: 1,
            },
            PointLabel {
                list: "points.train",
                n: 1,
                label: 2.0,
            },
            UnknownParameter {
                name: text(),
                model: Model::Shallow,
            },
            Parameters(ImportError::WrongModel { expected: Model::Deep }),
            Parameters(ImportError::WrongShape {
                name: text(),
                expected: (1, 2),
                found: (2, 1),
            }),
            Parameters(ImportError::RaggedRow {
                name: text(),
                row: 1,
                expected: 2,
                found: 3,
            }),
            Parameters(ImportError::NotFinite { name: text() }),
            Parameters(ImportError::LayerCount { expected: 2, found: 3 }),
            Parameters(ImportError::UnpairedLayers { weights: 2, biases: 3 }),
            Iteration { value: text() },
        ];
        for error in &all {
            // No `_` here: a new kind of error does not build until it is
            // in the list above, and so in the test of the strings below.
            match error {
                NotAnObject | Unreadable { .. } | TooDeep | Format { .. } | Version { .. } | Missing { .. } => {}
                WrongType { .. } | Setting(_) | TooManyPoints { .. } | Iteration { .. } => {}
                PointValues { .. } | PointCoordinate { .. } | PointLabel { .. } | UnknownParameter { .. } => {}
                Parameters(
                    ImportError::WrongModel { .. }
                    | ImportError::WrongShape { .. }
                    | ImportError::RaggedRow { .. }
                    | ImportError::NotFinite { .. }
                    | ImportError::LayerCount { .. }
                    | ImportError::UnpairedLayers { .. },
                ) => {}
            }
        }
        all
    }

    /// The string after `"key":` in a strings file (up to its closing quote).
    fn template<'a>(file: &'a str, key: &str) -> Option<&'a str> {
        let quoted = format!("\"{key}\":");
        let rest = file[file.find(&quoted)? + quoted.len()..]
            .trim_start()
            .strip_prefix('"')?;
        let mut escaped = false;
        let (end, _) = rest.char_indices().find(|&(_, c)| {
            let closing = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            closing
        })?;
        Some(&rest[..end])
    }

    #[test]
    fn every_error_has_words_in_every_language_naming_only_its_values() {
        let files = [
            ("strings.js", include_str!("../../../www/strings.js")),
            ("strings-zh.js", include_str!("../../../www/strings-zh.js")),
        ];
        for (file, text) in files {
            for error in one_of_each() {
                let (code, values) = error.describe();
                let key = format!("modelError.{code}");
                let template = template(text, &key).unwrap_or_else(|| panic!("{file} has no {key}"));
                let names = template.split('{').skip(1).filter_map(|part| part.split_once('}'));
                for (name, _) in names {
                    assert!(
                        values.iter().any(|(v, _)| *v == name),
                        "{file}: {key} names {{{name}}}, which {error:?} does not have"
                    );
                }
            }
            let expected = [
                Expected::Object,
                Expected::Number,
                Expected::Text,
                Expected::NumberOrText,
                Expected::Points,
                Expected::Matrix,
                Expected::Vector,
                Expected::Matrices,
                Expected::Vectors,
            ];
            for expected in expected {
                let key = format!("modelType.{}", expected.code());
                assert!(template(text, &key).is_some(), "{file} has no {key}");
            }
        }
    }
}
