//! Between Rust values and plain JS objects (serde-wasm-bindgen), in the
//! shapes CONTRACT.md names: JS keys, numbers as numbers.

use std::collections::BTreeMap;

use sepal::grid::Bounds;
use sepal::settings::{SettingError, Settings, SPECS};
use sepal::Trainer;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Plain objects rather than `Map`s, so JS reads `value.key`.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// A setting's value as JS holds it: a number or a string.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Number(n) => n.to_string(),
            Value::Text(s) => s.clone(),
        }
    }
}

/// A settings object (JS keys or kebab names) applied to the defaults;
/// any rejected value makes the whole object an error, so a `Playground`
/// is only ever built from valid settings.
pub fn settings_from_js(object: JsValue) -> Result<Settings, JsError> {
    let map: BTreeMap<String, Value> = serde_wasm_bindgen::from_value(object)
        .map_err(|e| JsError::new(&format!("settings must be an object of numbers and strings: {e}")))?;
    let pairs: Vec<(&str, String)> = map.iter().map(|(k, v)| (k.as_str(), v.text())).collect();
    let mut settings = Settings::default();
    let errors = settings.apply(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    match errors.first() {
        Some(e) => Err(JsError::new(&e.to_string())),
        None => Ok(settings),
    }
}

/// The settings as `{key: value}`, numbers as numbers.
pub fn settings_object(settings: &Settings) -> BTreeMap<&'static str, Value> {
    SPECS
        .iter()
        .map(|spec| {
            let text = settings.get(spec);
            let value = match text.parse::<f64>() {
                Ok(n) if spec.numeric => Value::Number(n),
                _ => Value::Text(text),
            };
            (spec.key, value)
        })
        .collect()
}

#[derive(Serialize)]
pub struct SpecRow {
    key: &'static str,
    param: &'static str,
    allowed: &'static str,
    numeric: bool,
    default: Value,
}

pub fn table() -> Vec<SpecRow> {
    let mut defaults = settings_object(&Settings::default());
    SPECS
        .iter()
        .map(|spec| SpecRow {
            key: spec.key,
            param: spec.param,
            allowed: spec.allowed,
            numeric: spec.numeric,
            default: defaults.remove(spec.key).expect("every spec has a value"),
        })
        .collect()
}

#[derive(Serialize)]
pub struct Rejection {
    setting: String,
    value: String,
    problem: &'static str,
    allowed: &'static str,
    message: String,
}

#[derive(Serialize)]
pub struct Parsed {
    settings: BTreeMap<&'static str, Value>,
    errors: Vec<Rejection>,
}

impl Parsed {
    pub fn new(settings: &Settings, errors: &[SettingError]) -> Self {
        Self {
            settings: settings_object(settings),
            errors: errors
                .iter()
                .map(|e| Rejection {
                    setting: e.setting.clone(),
                    value: e.value.clone(),
                    problem: e.problem.code(),
                    allowed: e.allowed,
                    message: e.to_string(),
                })
                .collect(),
        }
    }
}

/// A JS Error for a model file that cannot be loaded: the English message,
/// plus `code` and `values` (an object of strings) for the page's tables.
pub fn model_error(error: &crate::model::ModelError) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    let values = js_sys::Object::new();
    for (key, value) in error.values() {
        let _ = js_sys::Reflect::set(&values, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("code"), &JsValue::from_str(error.code()));
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("values"), &values);
    js.into()
}

#[derive(Serialize)]
pub struct Points {
    train: Vec<[f64; 3]>,
    test: Vec<[f64; 3]>,
}

impl Points {
    pub fn of(trainer: &Trainer) -> Self {
        Self {
            train: crate::points::rows(trainer.train_data()),
            test: crate::points::rows(trainer.test_data()),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BoundsJs {
    x_min: f64,
    x_max: f64,
    y_min: f64,
    y_max: f64,
}

impl From<Bounds> for BoundsJs {
    fn from(b: Bounds) -> Self {
        Self {
            x_min: b.x_min,
            x_max: b.x_max,
            y_min: b.y_min,
            y_max: b.y_max,
        }
    }
}
