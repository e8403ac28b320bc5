//! Model files: `exportModel()` and `Playground.fromModelInParts()`.
//!
//! One file though over 500 lines: writing a file and checking one read back
//! share the format's keys and shapes, and every check of a file (settings,
//! points, parameters, the optimiser's state) ends in the one `ModelError`.
//!
//! A model file is the JSON object
//!
//! ```json
//! {"format": "sepal-model", "version": 1,
//!  "settings": {"dataset": "flower", "hiddenUnits": 4, ...},
//!  "iteration": 1000,
//!  "parameters": {"W1": [[...], ...], "b1": [...], "W2": [[...]], "b2": [...]},
//!  "points": {"train": [[x1, x2, label], ...], "test": [...]},
//!  "optimizer": {"t": 25, "epoch": 5, "batch": 0, "epochLoss": 0, "epochCost": 0.7,
//!                "v": {parameters' shape}, "s": {…}}}
//! ```
//!
//! `settings` has the JS keys of every setting that shapes the model (not
//! `speed`, `autoplay` or `lang`, which belong to the page showing it);
//! `parameters` is what `parameters()` returns. `optimizer` (optional: a
//! fresh state without it) is where the run is in its epochs and the
//! update rule's state, so that a loaded run goes on with the same bits:
//! Adam's t, the epochs done, the batches done in the next, the summed loss
//! of those, the last epoch's printed cost (null before one), and v and s
//! in the parameters' shape (only for the rules that keep them). Reading one checks
//! everything before anything is built, and says what is wrong with a
//! [`ModelError`]: a code and values, which the page's string tables
//! (`modelError.<code>` in www/strings.js) put in words. JS parses the
//! text (`JSON.parse`) and hands the object over; the checks here are
//! plain Rust on a [`Json`] tree, so native tests feed them garbage.

use sepal::dataset::{held_out, train_and_test};
use sepal::optimizer::Moments;
use sepal::parameters::ImportError;
use sepal::settings::{number_text, Effect, Input, Plain, Settings, MAX_POINTS, SPECS};
use sepal::{Dataset, DatasetKind, Model, Network, Parameters, Trainer};

use crate::json::Json;
use crate::points::{check_point, BadPoint};
use crate::Playground;

pub const FORMAT: &str = "sepal-model";
pub const VERSION: f64 = 1.0;
/// The largest iteration count a JS number holds exactly (2^53 − 1): a
/// file may say no more, and training stops there (see `Playground::step`),
/// so that every run can be saved and loaded again.
pub const MAX_ITERATION: f64 = 9_007_199_254_740_991.0;
/// The largest magnitude a parameter in a file may have. Training keeps
/// parameters within a few hundred (a run whose weights grow far beyond
/// is diverging); with every parameter within ±1e6 and coordinates within
/// ±1e6, a forward pass through the largest network (6 layers of 64
/// units) stays below 1e100, so an imported model cannot overflow before
/// it has been trained.
pub const MAX_PARAMETER: f64 = 1e6;

mod error;
mod parts;

pub use error::{Expected, ModelError};
pub use parts::ModelBuild;

/// A model file, checked: everything needed to rebuild the run.
#[derive(Clone, Debug)]
pub struct ModelFile {
    pub settings: Settings,
    pub train: Dataset,
    pub test: Dataset,
    pub parameters: Parameters,
    pub iteration: u64,
    pub progress: Option<Progress>,
}

/// Where a run is in its epochs, and its update rule's state.
#[derive(Clone, Debug)]
pub struct Progress {
    pub t: u64,
    pub epoch: u64,
    pub batch: u64,
    pub epoch_loss: f64,
    pub epoch_cost: f64,
    pub v: Option<Parameters>,
    pub s: Option<Parameters>,
}

/// A value as it reads in a message: strings quoted, at most 40 characters.
fn shown(value: &Json) -> String {
    let text = match value {
        Json::Null => "null".to_string(),
        Json::Bool(b) => b.to_string(),
        Json::Number(n) => number_text(*n),
        Json::Text(t) => format!("\"{t}\""),
        Json::List(_) => "[…]".to_string(),
        Json::Object(_) => "{…}".to_string(),
    };
    sepal::settings::quoted(&text)
}

/// Checks a model file; nothing is built.
pub fn read(json: &Json) -> Result<ModelFile, ModelError> {
    let file = read_but_data(json)?;
    check_data(&file.settings, &file.train, &file.test)?;
    Ok(file)
}

/// [`read`] but for whether its points are what its settings describe
/// (#15: a file built in parts draws those points in parts, `parts.rs`).
fn read_but_data(json: &Json) -> Result<ModelFile, ModelError> {
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
    if train.is_empty() {
        // Nothing to train on: the cost would be NaN (CSV import refuses
        // an empty file the same way).
        return Err(ModelError::NoPoints);
    }
    // Each list holds at most MAX_POINTS (read_points): a split's two sets
    // add up to at most that, a drawn test set (`testPoints`) is one of its
    // own beside as many training points.

    let parameters = read_parameters(
        json.get("parameters").ok_or_else(|| missing("parameters"))?,
        settings.model(),
    )?;
    check_magnitude(&parameters)?;

    let (train, test) = (Dataset::from_points(&train), Dataset::from_points(&test));

    let iteration = match json.get("iteration") {
        None => 0,
        Some(&Json::Number(n)) if (0.0..=MAX_ITERATION).contains(&n) && n.trunc() == n => n as u64,
        Some(v @ Json::Number(_)) => return Err(ModelError::Iteration { value: shown(v) }),
        Some(_) => return Err(wrong("iteration", Expected::Number)),
    };

    let progress = match json.get("optimizer") {
        None => None,
        Some(value) => Some(read_progress(value, settings.model())?),
    };

    Ok(ModelFile {
        settings,
        train,
        test,
        parameters,
        iteration,
        progress,
    })
}

/// The `optimizer` object (see the module's documentation).
fn read_progress(value: &Json, model: Model) -> Result<Progress, ModelError> {
    let wrong = |field: &str, expected| ModelError::WrongType {
        field: format!("optimizer.{field}"),
        expected,
    };
    if !matches!(value, Json::Object(_)) {
        return Err(ModelError::WrongType {
            field: "optimizer".into(),
            expected: Expected::Object,
        });
    }
    let count = |field: &str| match value.get(field) {
        None => Ok(0),
        Some(&Json::Number(n)) if (0.0..=MAX_ITERATION).contains(&n) && n.trunc() == n => Ok(n as u64),
        Some(_) => Err(wrong(field, Expected::Number)),
    };
    let number = |field: &str| match value.get(field) {
        None | Some(Json::Null) => Ok(f64::NAN),
        Some(&Json::Number(n)) => Ok(n),
        Some(_) => Err(wrong(field, Expected::Number)),
    };
    let moments = |field: &str| match value.get(field) {
        None => Ok(None),
        Some(v) => read_parameters(v, model).map(Some),
    };
    Ok(Progress {
        t: count("t")?,
        epoch: count("epoch")?,
        batch: count("batch")?,
        epoch_loss: number("epochLoss").map(|v| if v.is_nan() { 0.0 } else { v })?,
        epoch_cost: number("epochCost")?,
        v: moments("v")?,
        s: moments("s")?,
    })
}

/// The run's progress and update rule's state as the `optimizer` object.
fn progress_json(trainer: &Trainer, model: Model) -> Json {
    let optimizer = trainer.optimizer();
    let moments = |moments: &[Moments]| moments_json(trainer, moments, model, "");
    let finite = |v: f64| if v.is_finite() { Json::Number(v) } else { Json::Null };
    let mut fields = vec![
        ("t", Json::Number(optimizer.t() as f64)),
        ("epoch", Json::Number(trainer.epoch() as f64)),
        ("batch", Json::Number(trainer.batch_position() as f64)),
        ("epochLoss", finite(trainer.epoch_loss())),
        ("epochCost", finite(trainer.epoch_cost())),
    ];
    if optimizer.method().uses_velocity() {
        fields.push(("v", moments(optimizer.velocity())));
    }
    if optimizer.method().uses_squares() {
        fields.push(("s", moments(optimizer.squares())));
    }
    Json::object(fields)
}

/// v or s per layer, named and shaped as the parameters (`prefix` before
/// each name).
pub fn moments_json(trainer: &Trainer, moments: &[Moments], model: Model, prefix: &str) -> Json {
    let mut network = trainer.network().clone();
    for (layer, m) in network.layers.iter_mut().zip(moments) {
        layer.w.assign(&m.w);
        layer.b.assign(&m.b);
    }
    parameters_json(&Parameters::of(&network, model), prefix)
}

/// v or s from a file, in the run's layer shapes.
fn moments_of(parameters: &Parameters, template: &Network, model: Model) -> Result<Vec<Moments>, ModelError> {
    let network = parameters.to_network(template, model).map_err(ModelError::Parameters)?;
    Ok(network.layers.into_iter().map(|l| Moments { w: l.w, b: l.b }).collect())
}

/// Puts a loaded run where the file's was in its epochs, with its v, s, t.
fn restore_progress(trainer: &mut Trainer, progress: &Progress, model: Model) -> Result<(), ModelError> {
    let template = trainer.network().clone();
    let v = match &progress.v {
        Some(v) => moments_of(v, &template, model)?,
        None => Vec::new(),
    };
    let s = match &progress.s {
        Some(s) => moments_of(s, &template, model)?,
        None => Vec::new(),
    };
    let method = trainer.optimizer().method();
    // A rule that keeps v or s needs them; others take none.
    let (v, s) = (
        if method.uses_velocity() { v } else { Vec::new() },
        if method.uses_squares() { s } else { Vec::new() },
    );
    if !trainer.optimizer_mut().restore(progress.t, &v, &s) {
        return Err(ModelError::Missing {
            field: if method.uses_velocity() && progress.v.is_none() {
                "optimizer.v".into()
            } else {
                "optimizer.s".into()
            },
        });
    }
    let batch = usize::try_from(progress.batch).unwrap_or(usize::MAX);
    trainer.restore_epochs(progress.epoch, batch, progress.epoch_loss, progress.epoch_cost);
    Ok(())
}

/// A file's points must be what its settings describe, or the link, a new
/// data seed or New weights would show other points than the file's: for
/// a generated dataset, exactly its points for that seed, count and noise,
/// split as `testFraction` says or with the test set `testPoints` draws
/// (the football: its fixed points); for a person's own points (`custom`), that
/// many held out.
fn check_data(settings: &Settings, train: &Dataset, test: &Dataset) -> Result<(), ModelError> {
    if settings.dataset == DatasetKind::Custom {
        let expected = held_out(settings.test_fraction, train.len() + test.len());
        return match test.len() == expected {
            true => Ok(()),
            false => Err(ModelError::SplitMismatch {
                expected,
                found: test.len(),
            }),
        };
    }
    if train_and_test(settings) != (train.clone(), test.clone()) {
        return Err(ModelError::DataMismatch {
            dataset: settings.dataset.name(),
        });
    }
    Ok(())
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
    if let Some(error) = settings.check_together().into_iter().next() {
        return Err(ModelError::Setting(error));
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
            // Numbers for x1 and x2 and something else as the label: a bad label.
            return Err(match values.as_slice() {
                [Json::Number(_), Json::Number(_), label] => ModelError::PointLabel {
                    list,
                    n,
                    label: shown(label),
                },
                _ => ModelError::PointCoordinate { list, n },
            });
        };
        let point = check_point(&numbers).map_err(|bad| match bad {
            BadPoint::Values(count) => ModelError::PointValues { list, n, count },
            BadPoint::Coordinate => ModelError::PointCoordinate { list, n },
            BadPoint::Label(label) => ModelError::PointLabel {
                list,
                n,
                label: number_text(label),
            },
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

/// Every parameter within ±[`MAX_PARAMETER`] (values that are not finite
/// are left to the shape checks, which say so).
fn check_magnitude(parameters: &Parameters) -> Result<(), ModelError> {
    let too_large = |v: &f64| v.is_finite() && v.abs() > MAX_PARAMETER;
    let refuse = |name: &str| Err(ModelError::ParameterTooLarge { name: name.to_string() });
    let vectors: Vec<(String, &[f64])> = match parameters {
        Parameters::Logistic { w, b } => vec![("w".into(), &w[..]), ("b".into(), core::slice::from_ref(b))],
        Parameters::Shallow { w1, b1, w2, b2 } => w1
            .iter()
            .map(|r| ("W1".to_string(), &r[..]))
            .chain([("b1".to_string(), &b1[..])])
            .chain(w2.iter().map(|r| ("W2".to_string(), &r[..])))
            .chain([("b2".to_string(), &b2[..])])
            .collect(),
        Parameters::Deep { w, b } => w
            .iter()
            .enumerate()
            .flat_map(|(l, m)| m.iter().map(move |r| (format!("W[{l}]"), &r[..])))
            .chain(b.iter().enumerate().map(|(l, v)| (format!("b[{l}]"), &v[..])))
            .collect(),
    };
    for (name, values) in vectors {
        if values.iter().any(too_large) {
            return refuse(&name);
        }
    }
    Ok(())
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
                parameters_json(&Parameters::of(trainer.network(), self.settings.model()), ""),
            ),
            (
                "points",
                Json::object([
                    ("train", points_json(trainer.train_data())),
                    ("test", points_json(trainer.test_data())),
                ]),
            ),
            ("optimizer", progress_json(trainer, self.settings.model())),
        ])
    }

    /// The run a model file describes: its settings, its points (split as
    /// the file splits them), its parameters at its iteration. Reset goes
    /// back to the settings' initial weights.
    pub fn from_model(json: &Json) -> Result<Playground, ModelError> {
        Self::import(json, false)
    }

    /// [`Self::from_model`] with the run's evaluation (the initial weights'
    /// cost, then the file's parameters' passes and cost) left to `advance`
    /// as a first evaluation (#15: a large model loads without one long
    /// task). The same bits once evaluated.
    pub fn from_model_in_parts(json: &Json) -> Result<Playground, ModelError> {
        Self::import(json, true)
    }

    /// The run of a model file, evaluated whole or, `in_parts`, left to `advance`.
    fn import(json: &Json, in_parts: bool) -> Result<Playground, ModelError> {
        let file = read(json)?;
        let (train, test) = (file.train.clone(), file.test.clone());
        let trainer = match in_parts {
            true => Trainer::with_split_in_parts(&file.settings, train, test),
            false => Trainer::with_split(&file.settings, train, test),
        };
        Self::restored(file, trainer, in_parts)
    }

    /// The run of a checked model `file` on `trainer` (built for its
    /// settings and points, at iteration 0): the file's parameters,
    /// iteration and optimiser state restored, the evaluation whole or,
    /// `in_parts`, left to `advance`.
    fn restored(file: ModelFile, mut trainer: Trainer, in_parts: bool) -> Result<Playground, ModelError> {
        let network = file
            .parameters
            .to_network(trainer.network(), file.settings.model())
            .map_err(ModelError::Parameters)?;
        let restored = match in_parts {
            true => trainer.restore_in_parts(&network, file.iteration),
            false => trainer.restore(&network, file.iteration),
        };
        // The shapes were just checked against this very trainer's network.
        if restored.is_err() {
            return Err(ModelError::Parameters(ImportError::WrongModel {
                expected: file.settings.model(),
            }));
        }
        if let Some(progress) = &file.progress {
            restore_progress(&mut trainer, progress, file.settings.model())?;
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
mod tests;
