//! Between Rust values and plain JS objects (serde-wasm-bindgen), in the
//! shapes CONTRACT.md names: JS keys, numbers as numbers; and numbers as
//! text, done by the JS engine for the math crate (its `js-numbers`).

use sepal::grid::Bounds;
use sepal::settings::{Input, Plain, Settings, SPECS};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Plain objects rather than `Map`s, so JS reads `value.key`.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// `[[number, …], …]`: an array of arrays of numbers, or `None`.
pub fn number_lists(value: &JsValue) -> Option<Vec<Vec<f64>>> {
    let lists: &js_sys::Array = value.dyn_ref()?;
    lists
        .iter()
        .map(|list| {
            let list: &js_sys::Array = list.dyn_ref()?;
            list.iter().map(|v| v.as_f64()).collect()
        })
        .collect()
}

/// The number at `key` of an object, or `None`.
pub fn number_at(object: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?.as_f64()
}

/// Why a settings object was refused before any value was looked at.
const NOT_AN_OBJECT: &str = "settings must be an object of numbers, strings and nulls";

/// A settings object (JS keys or kebab names) applied to the defaults:
/// numbers are checked as numbers, strings parsed, `null` unsets. Any
/// rejected value makes the whole object an error, so a `Playground` is
/// only ever built from valid settings.
pub fn settings_from_js(object: &JsValue) -> Result<Settings, JsError> {
    let object: &js_sys::Object = object.dyn_ref().ok_or_else(|| JsError::new(NOT_AN_OBJECT))?;
    let mut settings = Settings::default();
    for entry in js_sys::Object::entries(object).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let (name, value) = (entry.get(0).as_string().unwrap_or_default(), entry.get(1));
        let text = value.as_string();
        let input = match (value.as_f64(), &text) {
            (Some(v), _) => Input::Number(v),
            (None, Some(text)) => Input::Text(text),
            _ if value.is_null() || value.is_undefined() => Input::Unset,
            _ => return Err(JsError::new(NOT_AN_OBJECT)),
        };
        settings
            .set_input(&name, input)
            .map_err(|e| JsError::new(&e.to_string()))?;
    }
    Ok(settings)
}

/// The settings as `{key: value}` in the table's order: numbers as
/// numbers, layer sizes as text, an unset `lang` as `null`.
pub struct SettingsObject<'a>(pub &'a Settings);

impl Serialize for SettingsObject<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(SPECS.len()))?;
        for spec in &SPECS {
            map.serialize_entry(spec.key, &PlainJs(self.0.get(spec).plain()))?;
        }
        map.end()
    }
}

/// A [`Plain`] value as JS holds it.
pub struct PlainJs(pub Plain);

impl Serialize for PlainJs {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Plain::Text(text) => serializer.serialize_str(text),
            Plain::Integer(n) => serializer.serialize_u64(*n),
            Plain::Number(v) => serializer.serialize_f64(*v),
            Plain::Null => serializer.serialize_none(),
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

/// For `sepal::settings::parse_number`: the value of a text it has checked
/// is a decimal number, which `parseFloat` reads exactly as Rust would.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
fn sepal_js_parse_number(text: &str) -> f64 {
    js_sys::parse_float(text)
}

/// For `sepal::settings::number_text`: ECMAScript's text of a number.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
fn sepal_js_number_text(v: f64) -> String {
    js_sys::Number::from(v)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
