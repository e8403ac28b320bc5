//! Parameters and the optimiser's v and s in a file: read in the model's names, bounded, written.

use sepal::optimizer::Moments;
use sepal::{Model, Network, Parameters, Trainer};

use super::{Expected, ModelError, MAX_PARAMETER};
use crate::json::Json;

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
pub(super) fn moments_of(
    parameters: &Parameters,
    template: &Network,
    model: Model,
) -> Result<Vec<Moments>, ModelError> {
    let network = parameters.to_network(template, model).map_err(ModelError::Parameters)?;
    Ok(network.layers.into_iter().map(|l| Moments { w: l.w, b: l.b }).collect())
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
pub(super) fn read_parameters(value: &Json, model: Model) -> Result<Parameters, ModelError> {
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
pub(super) fn check_magnitude(parameters: &Parameters) -> Result<(), ModelError> {
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
