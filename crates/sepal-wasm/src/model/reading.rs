//! Reading a model file: every check of its format, settings, points, iteration and optimiser state; nothing built.

use sepal::dataset::{held_out, train_and_test};
use sepal::settings::{number_text, Input, Settings, MAX_POINTS};
use sepal::{Dataset, DatasetKind, Model};

use super::parameters::{check_magnitude, read_parameters};
use super::{Expected, ModelError, ModelFile, Progress, FORMAT, MAX_ITERATION, VERSION};
use crate::json::Json;
use crate::points::{check_point, BadPoint};

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
pub(super) fn read_but_data(json: &Json) -> Result<ModelFile, ModelError> {
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

/// A file's points must be what its settings describe, or the link, a new
/// data seed or New weights would show other points than the file's: for
/// a generated dataset, exactly its points for that seed, count and noise,
/// split as `testFraction` says or with the test set `testPoints` draws
/// (the football: its fixed points); for a person's own points (`custom`), that
/// many held out.
pub(super) fn check_data(settings: &Settings, train: &Dataset, test: &Dataset) -> Result<(), ModelError> {
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
