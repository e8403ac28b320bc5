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
//! [`ModelError`] that has a code and values for the page's string tables
//! as well as an English message. JS parses the text (`JSON.parse`) and
//! hands the object over; the checks here are plain Rust on a [`Json`]
//! tree, so native tests feed them garbage.

use core::fmt;

use sepal::parameters::ImportError;
use sepal::settings::{Effect, Input, Plain, SettingError, Settings, MAX_POINTS, SPECS};
use sepal::{Dataset, Model, Parameters, Trainer};

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

    fn english(self) -> &'static str {
        match self {
            Self::Object => "an object",
            Self::Number => "a number",
            Self::Text => "a string",
            Self::NumberOrText => "a number or a string",
            Self::Points => "a list of points [x1, x2, label]",
            Self::Matrix => "a list of rows of numbers",
            Self::Vector => "a list of numbers",
            Self::Matrices => "a list of matrices, one per layer",
            Self::Vectors => "a list of lists of numbers, one per layer",
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
    /// A stable code for the page's string tables (`modelError.<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAnObject => "not-an-object",
            Self::Unreadable { .. } => "unreadable",
            Self::TooDeep => "too-deep",
            Self::Format { .. } => "format",
            Self::Version { .. } => "version",
            Self::Missing { .. } => "missing",
            Self::WrongType { .. } => "wrong-type",
            Self::Setting(e) if e.problem == sepal::settings::Problem::UnknownSetting => "unknown-setting",
            Self::Setting(_) => "setting",
            Self::TooManyPoints { .. } => "too-many-points",
            Self::PointValues { .. } => "point-values",
            Self::PointCoordinate { .. } => "point-coordinate",
            Self::PointLabel { .. } => "point-label",
            Self::UnknownParameter { .. } => "unknown-parameter",
            Self::Parameters(e) => match e {
                ImportError::WrongModel { .. } => "wrong-model",
                ImportError::WrongShape { .. } => "wrong-shape",
                ImportError::RaggedRow { .. } => "ragged-row",
                ImportError::NotFinite { .. } => "not-finite",
                ImportError::LayerCount { .. } => "layer-count",
                ImportError::UnpairedLayers { .. } => "unpaired-layers",
            },
            Self::Iteration { .. } => "iteration",
        }
    }

    /// The values the message names, for the page's templates.
    pub fn values(&self) -> Vec<(&'static str, String)> {
        let shape = |(r, c): (usize, usize)| format!("{r}×{c}");
        match self {
            Self::NotAnObject | Self::TooDeep => vec![],
            Self::Unreadable { message } => vec![("message", message.clone())],
            Self::Format { found } | Self::Version { found } => vec![("found", found.clone())],
            Self::Missing { field } => vec![("field", field.clone())],
            Self::WrongType { field, expected } => vec![("field", field.clone()), ("expected", expected.code().into())],
            Self::Setting(e) => vec![
                ("setting", e.setting.clone()),
                ("value", e.value.clone()),
                ("problem", e.problem.code().into()),
                ("allowed", e.allowed.clone()),
            ],
            Self::TooManyPoints { count } => vec![("count", count.to_string()), ("max", MAX_POINTS.to_string())],
            Self::PointValues { list, n, count } => {
                vec![
                    ("list", (*list).into()),
                    ("n", n.to_string()),
                    ("count", count.to_string()),
                ]
            }
            Self::PointCoordinate { list, n } => vec![("list", (*list).into()), ("n", n.to_string())],
            Self::PointLabel { list, n, label } => {
                vec![
                    ("list", (*list).into()),
                    ("n", n.to_string()),
                    ("label", label.to_string()),
                ]
            }
            Self::UnknownParameter { name, model } => vec![("name", name.clone()), ("model", model.name().into())],
            Self::Parameters(e) => match e {
                ImportError::WrongModel { expected } => vec![("model", expected.name().into())],
                ImportError::WrongShape { name, expected, found } => {
                    vec![
                        ("name", name.clone()),
                        ("expected", shape(*expected)),
                        ("found", shape(*found)),
                    ]
                }
                ImportError::RaggedRow {
                    name,
                    row,
                    expected,
                    found,
                } => vec![
                    ("name", name.clone()),
                    ("row", row.to_string()),
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ],
                ImportError::NotFinite { name } => vec![("name", name.clone())],
                ImportError::LayerCount { expected, found } => {
                    vec![("expected", expected.to_string()), ("found", found.to_string())]
                }
                ImportError::UnpairedLayers { weights, biases } => {
                    vec![("weights", weights.to_string()), ("biases", biases.to_string())]
                }
            },
            Self::Iteration { value } => vec![("value", value.clone()), ("max", format!("{MAX_ITERATION}"))],
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAnObject => write!(
                f,
                "it is not a Sepal model: a model file is a JSON object with format, version, settings, iteration, parameters and points"
            ),
            Self::Unreadable { message } => write!(f, "it cannot be read: {message}"),
            Self::TooDeep => write!(f, "its values nest too deeply to be a model"),
            Self::Format { found } => write!(f, "format is {found}, not \"{FORMAT}\": this is not a Sepal model file"),
            Self::Version { found } => write!(f, "version {found} is not supported: this playground reads version 1"),
            Self::Missing { field } => write!(f, "{field} is missing"),
            Self::WrongType { field, expected } => write!(f, "{field} must be {}", expected.english()),
            Self::Setting(e) => write!(f, "in its settings, {e}"),
            Self::TooManyPoints { count } => write!(f, "it has {count} points, more than the {MAX_POINTS} allowed"),
            Self::PointValues { list, n, count } => {
                write!(f, "point {n} of {list} has {count} values instead of x1, x2, label")
            }
            Self::PointCoordinate { list, n } => write!(
                f,
                "point {n} of {list} has a coordinate that is not a number from −{MAX_COORDINATE} to {MAX_COORDINATE}"
            ),
            Self::PointLabel { list, n, label } => write!(f, "point {n} of {list} has label {label}; labels are 0 or 1"),
            Self::UnknownParameter { name, model } => {
                write!(f, "parameters.{name} is not a parameter of the {} model", model.name())
            }
            Self::Parameters(e) => write!(f, "{e}"),
            Self::Iteration { value } => {
                write!(f, "iteration {value} is not a whole number from 0 to {MAX_ITERATION}")
            }
        }
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
                field: format!("point {n} of {list}"),
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

    fn error(json: &Json) -> String {
        Playground::from_model(json).err().expect("rejected").to_string()
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
        let cases: Vec<(Json, &str)> = vec![
            (Json::List(vec![]), "it is not a Sepal model"),
            (
                with(&good, &["format"], Json::Text("keras".into())),
                "format is \"keras\", not \"sepal-model\"",
            ),
            (with(&good, &["format"], Json::Number(1.0)), "format must be a string"),
            (without(&good, "format"), "format is missing"),
            (
                with(&good, &["version"], Json::Number(2.0)),
                "version 2 is not supported",
            ),
            (
                with(&good, &["settings", "hiddenUnits"], Json::Number(99.0)),
                "in its settings, hidden-units = \"99\" is out of range",
            ),
            (
                with(&good, &["settings", "bogus"], Json::Number(1.0)),
                "\"bogus\" is not a setting",
            ),
            (
                with(&good, &["settings", "seed"], Json::Null),
                "settings.seed must be a number or a string",
            ),
            (
                with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)),
                "W1 is 4×2 but the settings need 7×2",
            ),
            (
                with(&good, &["points"], Json::Text("x".into())),
                "points must be an object",
            ),
            (
                with(
                    &good,
                    &["points", "train"],
                    Json::List(vec![Json::numbers(&[1.0, 2.0])]),
                ),
                "point 1 of points.train has 2 values",
            ),
            (
                with(
                    &good,
                    &["points", "test"],
                    Json::List(vec![Json::numbers(&[1.0, 2.0, 3.0])]),
                ),
                "point 1 of points.test has label 3",
            ),
            (
                with(
                    &good,
                    &["points", "train"],
                    Json::List(vec![Json::List(vec![Json::Null, Json::Number(0.0), Json::Number(1.0)])]),
                ),
                "point 1 of points.train has a coordinate",
            ),
            (
                with(&good, &["parameters", "W3"], Json::Null),
                "parameters.W3 is not a parameter of the shallow model",
            ),
            (
                with(&good, &["parameters", "b1"], Json::Text("0".into())),
                "parameters.b1 must be a list of numbers",
            ),
            (
                with(
                    &good,
                    &["parameters", "W2"],
                    Json::List(vec![Json::List(vec![Json::Null; 4])]),
                ),
                "parameters.W2 must be a list of rows of numbers",
            ),
            (
                with(&good, &["parameters", "b2"], Json::numbers(&[f64::INFINITY])),
                "b2 holds a value that is not a finite number",
            ),
            (
                with(&good, &["iteration"], Json::Number(-1.0)),
                "iteration -1 is not a whole number",
            ),
            (
                with(&good, &["iteration"], Json::Number(2.5)),
                "iteration 2.5 is not a whole number",
            ),
        ];
        for (json, expected) in cases {
            let message = error(&json);
            assert!(message.contains(expected), "{message:?} should contain {expected:?}");
        }
    }

    #[test]
    fn errors_carry_codes_and_values_for_the_page() {
        let good = playground(&[]).model_json();
        let err = Playground::from_model(&with(&good, &["settings", "learningRate"], Json::Number(-1.0)))
            .err()
            .unwrap();
        assert_eq!(err.code(), "setting");
        assert!(err.values().contains(&("setting", "learning-rate".into())));
        assert!(err.values().contains(&("problem", "out-of-range".into())));
        let err = Playground::from_model(&with(&good, &["settings", "hiddenUnits"], Json::Number(7.0)))
            .err()
            .unwrap();
        assert_eq!(err.code(), "wrong-shape");
        assert_eq!(
            err.values(),
            vec![
                ("name", "W1".into()),
                ("expected", "7×2".into()),
                ("found", "4×2".into())
            ]
        );
    }
}
