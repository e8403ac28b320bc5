//! The settings table and parser for the page: `settingsTable()` hands the
//! page every row as data (it builds its controls, URL names and "allowed"
//! texts from it), and `parseSettings` is the one place a change is parsed.

use sepal::settings::{Bound, Input, Kind, SettingError, Settings, Spec, SPECS};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::{self, PlainJs, SettingsObject};

/// A row of the table as the page reads it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Row {
    key: &'static str,
    param: &'static str,
    /// "choice", "integer", "integer-or-word", "number", "sizes", "flag",
    /// "names" (some of `choices`, each once).
    kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    choices: Vec<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<f64>,
    /// For numbers: whether `min` and `max` themselves are allowed.
    #[serde(skip_serializing_if = "Option::is_none")]
    min_inclusive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_inclusive: Option<bool>,
    /// `max` for `speed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    word: Option<&'static str>,
    /// For sizes: how many at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    max_count: Option<usize>,
    /// "page", "retune", "network" or "data": what a change does.
    effect: &'static str,
    /// "data", "controls" or "nowhere": where its control is.
    place: &'static str,
    default: PlainJs,
    /// A valid value other than the default.
    example: PlainJs,
    /// What is allowed, in English (the page words it from `kind`).
    allowed: String,
}

impl Row {
    fn of(spec: &Spec, defaults: &Settings) -> Self {
        let mut row = Row {
            key: spec.key,
            param: spec.param,
            kind: spec.kind.name(),
            choices: spec.kind.choices().collect(),
            min: None,
            max: None,
            min_inclusive: None,
            max_inclusive: None,
            word: None,
            max_count: None,
            effect: spec.effect.name(),
            place: spec.place.name(),
            default: PlainJs(defaults.get(spec).plain()),
            example: PlainJs(spec.kind.example(&defaults.get(spec)).plain()),
            allowed: spec.kind.allowed(),
        };
        let mut range = |min: f64, max: f64| {
            row.min = Some(min);
            row.max = Some(max);
        };
        match spec.kind {
            Kind::Integer { min, max } => range(min as f64, max as f64),
            Kind::IntegerOrWord { min, max, word } => {
                range(min as f64, max as f64);
                row.word = Some(word);
            }
            Kind::Number { min, max } => {
                let Bound {
                    value: lo,
                    inclusive: lo_in,
                } = min;
                let Bound {
                    value: hi,
                    inclusive: hi_in,
                } = max;
                range(lo, hi);
                (row.min_inclusive, row.max_inclusive) = (Some(lo_in), Some(hi_in));
            }
            Kind::Sizes {
                min, max, max_count, ..
            } => {
                range(min as f64, max as f64);
                row.max_count = Some(max_count);
            }
            Kind::Choice(_) | Kind::Flag | Kind::Names { .. } => {}
        }
        row
    }
}

/// The settings table: one object per row, in the table's order.
#[wasm_bindgen(js_name = settingsTable)]
pub fn settings_table() -> Result<JsValue, JsError> {
    let defaults = Settings::default();
    let rows: Vec<Row> = SPECS.iter().map(|spec| Row::of(spec, &defaults)).collect();
    convert::to_js(&rows)
}

#[derive(Serialize)]
struct Rejection {
    setting: String,
    /// As messages quote it (at most 40 characters).
    value: String,
    /// As given, whole.
    given: String,
    problem: &'static str,
    allowed: String,
    /// A lower maximum than the row's, set by other settings (the training
    /// points for `batch-size`).
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<u64>,
    message: String,
}

impl From<&SettingError> for Rejection {
    fn from(e: &SettingError) -> Self {
        Rejection {
            setting: e.setting.clone(),
            value: e.value.clone(),
            given: e.given.clone(),
            problem: e.problem.code(),
            allowed: e.allowed.clone(),
            limit: e.limit,
            message: e.to_string(),
        }
    }
}

#[derive(Serialize)]
struct Parsed<'a> {
    settings: SettingsObject<'a>,
    errors: Vec<Rejection>,
    /// The JS keys whose value differs from `current`'s.
    changed: Vec<&'static str>,
    /// The largest effect among them, or null when nothing changed.
    effect: Option<&'static str>,
    /// The JS keys that mean nothing with these settings.
    unused: Vec<&'static str>,
    /// `[param, text]` of every setting that differs from its default: the
    /// link's hash.
    link: Vec<(&'static str, String)>,
}

/// A pair's value: text (a URL, an attribute, a field) or a number that is
/// already one (a button's fresh seed, an imported model's settings).
enum PairValue {
    Number(f64),
    Text(String),
}

/// `[[name, value], …]`, or `None` if it is not that.
fn read_pairs(pairs: &JsValue) -> Option<Vec<(String, PairValue)>> {
    let pairs: &js_sys::Array = pairs.dyn_ref()?;
    pairs
        .iter()
        .map(|pair| {
            let pair: &js_sys::Array = pair.dyn_ref()?;
            let (name, value) = (pair.get(0).as_string()?, pair.get(1));
            let value = match value.as_f64() {
                Some(v) => PairValue::Number(v),
                None => PairValue::Text(value.as_string()?),
            };
            Some((name, value))
        })
        .collect()
}

/// Applies `[[name, value], …]` (values text or numbers) to the defaults,
/// in order, and compares the result with `current` (a settings object, or
/// nothing for the first parse): `{settings, errors: [{setting, value,
/// problem, allowed, message}], changed, effect, unused, link}`.
#[wasm_bindgen(js_name = parseSettings)]
pub fn parse_settings(pairs: JsValue, current: JsValue) -> Result<JsValue, JsError> {
    let pairs = read_pairs(&pairs)
        .ok_or_else(|| JsError::new("parseSettings expects [[name, value], …], each value a string or a number"))?;
    let current = match current.is_undefined() || current.is_null() {
        true => None,
        false => Some(convert::settings_from_js(&current)?),
    };
    let mut settings = Settings::default();
    let mut errors: Vec<SettingError> = pairs
        .iter()
        .filter_map(|(name, value)| {
            let input = match value {
                PairValue::Number(v) => Input::Number(*v),
                PairValue::Text(text) => Input::Text(text),
            };
            settings.set_input(name, input).err()
        })
        .collect();
    // Once every pair is in, so that their order does not matter.
    errors.extend(settings.check_together());
    let changed: Vec<&Spec> = match &current {
        Some(current) => settings.differences(current).collect(),
        None => SPECS.iter().collect(),
    };
    convert::to_js(&Parsed {
        settings: SettingsObject(&settings),
        errors: errors.iter().map(Rejection::from).collect(),
        changed: changed.iter().map(|spec| spec.key).collect(),
        effect: changed.iter().map(|spec| spec.effect).max().map(|e| e.name()),
        unused: SPECS
            .iter()
            .filter(|s| !(s.applies)(&settings))
            .map(|s| s.key)
            .collect(),
        link: settings.changed(),
    })
}
