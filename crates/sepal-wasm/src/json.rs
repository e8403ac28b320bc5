//! A JSON-like value tree, so that a model file can be checked by plain
//! Rust (and by native tests) after serde-wasm-bindgen has turned the JS
//! object `JSON.parse` made into it. Objects keep their keys in order.
//! No serde_json: the page parses JSON itself, and the wasm stays small.

use core::cell::Cell;
use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

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

/// The message of the size limit (model.rs recognises it).
pub const TOO_MANY: &str = "more values than any model";

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

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let left = Cell::new(MAX_VALUES);
        Depth(0, &left).deserialize(d)
    }
}

/// Deserializes one value `.0` levels below the top, taking it (and its
/// texts) from the values `.1` has left.
struct Depth<'a>(usize, &'a Cell<usize>);

impl Depth<'_> {
    fn take<E: de::Error>(&self, values: usize) -> Result<(), E> {
        let left = self.1.get().checked_sub(values).ok_or_else(|| E::custom(TOO_MANY))?;
        self.1.set(left);
        Ok(())
    }
    fn below(&self) -> Self {
        Depth(self.0 + 1, self.1)
    }
}

impl<'de> DeserializeSeed<'de> for Depth<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        if self.0 > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP));
        }
        self.take(1)?;
        d.deserialize_any(self)
    }
}

/// The message of the depth limit (model.rs recognises it).
pub const TOO_DEEP: &str = "values nest too deeply";

impl<'de> Visitor<'de> for Depth<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        self.take(v.len() / 32)?;
        Ok(Json::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        self.take(v.len() / 32)?;
        Ok(Json::Text(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        // Already counted: `Some` is the same value.
        self.1.set(self.1.get() + 1);
        Depth(self.0, self.1).deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        // A list longer than the values left is refused before it is read.
        let hint = seq.size_hint().unwrap_or(0);
        if hint > self.1.get() {
            return Err(de::Error::custom(TOO_MANY));
        }
        let mut items = Vec::with_capacity(hint.min(4096));
        while let Some(item) = seq.next_element_seed(self.below())? {
            items.push(item);
        }
        Ok(Json::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            self.take(1 + key.len() / 32)?;
            let value = map.next_value_seed(self.below())?;
            pairs.push((key, value));
        }
        Ok(Json::Object(pairs))
    }
}
