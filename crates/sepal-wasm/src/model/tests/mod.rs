//! The model file's tests, by what they test; here the helpers that make and bend a file.

use super::*;
use crate::json::Json;
use crate::Playground;

mod errors;
mod in_parts;
mod refusals;
mod round_trip;

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

/// The code and values `json` is rejected with.
fn error(json: &Json) -> (&'static str, Vec<(&'static str, String)>) {
    Playground::from_model(json).err().expect("rejected").describe()
}
