//! Why a model file cannot be loaded: a code and its values, for the
//! page's string tables (the words are only in www/strings.js).

use core::fmt;

use sepal::parameters::ImportError;
use sepal::settings::{number_text, Problem, SettingError, MAX_POINTS};
use sepal::Model;
use wasm_bindgen::JsValue;

use super::{MAX_ITERATION, MAX_PARAMETER};
use crate::json::{ReadError, MAX_VALUES};
use crate::points::MAX_COORDINATE;

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
    /// More values than any model file ([`crate::json::MAX_VALUES`]).
    TooManyValues,
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
    /// `points.train` is empty: nothing to train on.
    NoPoints,
    /// The points are not the generated dataset the settings describe.
    DataMismatch {
        dataset: &'static str,
    },
    /// A person's own points, but not split as `testFraction` says.
    SplitMismatch {
        expected: usize,
        found: usize,
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
        /// The label as the file has it, quoted if it is text.
        label: String,
    },
    UnknownParameter {
        name: String,
        model: Model,
    },
    Parameters(ImportError),
    /// A parameter of `name` beyond ±[`MAX_PARAMETER`].
    ParameterTooLarge {
        name: String,
    },
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
            Self::TooManyValues => ("too-many-values", vec![("max", MAX_VALUES.to_string())]),
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
            Self::NoPoints => ("no-points", vec![]),
            Self::DataMismatch { dataset } => ("data-mismatch", vec![("dataset", (*dataset).into())]),
            Self::SplitMismatch { expected, found } => (
                "split-mismatch",
                vec![("expected", expected.to_string()), ("found", found.to_string())],
            ),
            Self::ParameterTooLarge { name } => (
                "parameter-too-large",
                vec![("name", name.clone()), ("max", number_text(MAX_PARAMETER))],
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
                    ("max", number_text(MAX_COORDINATE)),
                ],
            ),
            Self::PointLabel { list, n, label } => (
                "point-label",
                vec![("list", (*list).into()), ("n", n.to_string()), ("label", label.clone())],
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
                vec![("value", value.clone()), ("max", number_text(MAX_ITERATION))],
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

/// A JS value that is not a JSON tree within the limits: what the file is
/// said to be.
impl From<ReadError> for ModelError {
    fn from(error: ReadError) -> ModelError {
        match error {
            ReadError::TooDeep => ModelError::TooDeep,
            ReadError::TooMany => ModelError::TooManyValues,
            ReadError::NotJson => ModelError::Unreadable {
                message: "a value JSON does not have (a function, a symbol, a BigInt)".into(),
            },
        }
    }
}
