//! A JSON-like value tree, so that a model file can be checked by plain
//! Rust (and by native tests) after [`Json::from_js`] has read the JS
//! object `JSON.parse` made into it. Objects keep their keys in order.
//! No serde_json: the page parses JSON itself, and the wasm stays small.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use wasm_bindgen::{JsCast, JsValue};

/// How deeply values may nest: a model file needs 4 levels (a deep
/// network's W); anything far deeper is garbage, and recursing into it
/// could overflow the stack.
pub const MAX_DEPTH: usize = 32;

/// How many values a tree read from JS may hold (a text counts one for
/// every 32 bytes, a key as a text): the largest model a page can make
/// (10,000 points, 6 layers of 64 units) has about 61,500 — about 101,500
/// with a drawn test set of another 10,000 — and a tree of
/// this many takes a few MB of wasm memory (a value is 16 bytes on wasm32;
/// tests/model-limits.test.mjs sees the memory grow by under 4 MB). A
/// list longer than the values left is refused before it is read; else
/// reading stops at the first value over.
pub const MAX_VALUES: usize = 150_000;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object (the last one, as JSON.parse keeps).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(pairs) => pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn object(pairs: impl IntoIterator<Item = (impl Into<String>, Json)>) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn numbers(values: &[f64]) -> Json {
        Json::List(values.iter().map(|&v| Json::Number(v)).collect())
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => s.serialize_f64(*n),
            Json::Text(t) => s.serialize_str(t),
            Json::List(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(pairs) => {
                let mut map = s.serialize_map(Some(pairs.len()))?;
                for (k, v) in pairs {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Why a JS value could not be read into a tree.
#[derive(Debug, PartialEq)]
pub enum ReadError {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_VALUES`] values.
    TooMany,
    /// A value JSON does not have (a function, a symbol, a BigInt).
    NotJson,
}

impl Json {
    /// The tree of a JS value (what `JSON.parse` made), read with js-sys
    /// (serde's deserializers would bring core's float printing for their
    /// messages into the wasm): `null` and `undefined` are null, arrays
    /// lists, other objects their own enumerable string keys in order.
    /// Reading stops at the first value over [`MAX_VALUES`] (a text counts
    /// one for every 32 bytes, a key as a text), and a list or object with
    /// more entries than the values left is refused before it is read.
    pub fn from_js(value: &JsValue) -> Result<Json, ReadError> {
        let mut left = MAX_VALUES;
        read(value, 0, &mut left)
    }
}

fn take(left: &mut usize, values: usize) -> Result<(), ReadError> {
    *left = left.checked_sub(values).ok_or(ReadError::TooMany)?;
    Ok(())
}

/// One value `depth` levels below the top, taken from the values `left`.
fn read(value: &JsValue, depth: usize, left: &mut usize) -> Result<Json, ReadError> {
    if depth > MAX_DEPTH {
        return Err(ReadError::TooDeep);
    }
    take(left, 1)?;
    if value.is_null() || value.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(text) = value.as_string() {
        take(left, text.len() / 32)?;
        return Ok(Json::Text(text));
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        if array.length() as usize > *left {
            return Err(ReadError::TooMany);
        }
        let mut items = Vec::with_capacity(array.length().min(4096) as usize);
        for item in array.iter() {
            items.push(read(&item, depth + 1, left)?);
        }
        return Ok(Json::List(items));
    }
    if value.is_object() {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        if entries.length() as usize > *left {
            return Err(ReadError::TooMany);
        }
        let mut pairs = Vec::new();
        for entry in entries.iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            take(left, 1 + key.len() / 32)?;
            pairs.push((key, read(&entry.get(1), depth + 1, left)?));
        }
        return Ok(Json::Object(pairs));
    }
    Err(ReadError::NotJson)
}
