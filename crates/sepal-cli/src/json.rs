//! The JSON the commands print, in the shapes the contract names (the page's
//! own: JS keys, the course's parameter names). serde_json writes floats with
//! full round-trip precision and any NaN or infinity as `null`.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde::Serialize as Derive;

use sepal::settings::{Plain, SPECS};
use sepal::{Parameters, Settings};

/// `train --json`.
#[derive(Derive)]
#[serde(rename_all = "camelCase")]
pub struct TrainReport<'a> {
    /// Updates done (fewer than asked if training diverged).
    pub iteration: u64,
    /// Complete epochs (= `iteration` with full batches).
    pub epoch: u64,
    /// J of the final parameters.
    pub cost: f64,
    pub train_accuracy: f64,
    /// `None` (null) when no points are held out.
    pub test_accuracy: Option<f64>,
    /// `[iteration, cost]` as the course prints them (by epoch: J after
    /// epochs 0, K, 2K, …, at the iteration each ended).
    pub costs: &'a [(u64, f64)],
    /// By epoch (`--epochs` or mini-batches): `[epoch, cost]`, the
    /// notebook's printed cost of epochs 0, K, 2K, …; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub epoch_costs: Option<&'a [(u64, f64)]>,
    pub parameters: ParametersJson,
    pub settings: SettingsJson<'a>,
    pub diverged: bool,
}

/// `sweep --json`.
#[derive(Derive)]
#[serde(rename_all = "camelCase")]
pub struct SweepReport<'a> {
    pub iterations: u64,
    pub rows: &'a [&'a SweepRow],
}

#[derive(Derive)]
#[serde(rename_all = "camelCase")]
pub struct SweepRow {
    pub hidden_units: usize,
    /// Updates done (fewer than asked if training diverged).
    pub iteration: u64,
    pub train_accuracy: f64,
    /// J of the parameters after the last update.
    pub cost: f64,
    pub diverged: bool,
}

/// `gradcheck --json`.
#[derive(Derive)]
pub struct GradcheckReport<'a> {
    pub iteration: u64,
    pub epsilon: f64,
    pub threshold: f64,
    pub bug: bool,
    pub difference: f64,
    /// Every parameter in the course's order (W1 row by row, b1, W2, …).
    pub rows: &'a [GradcheckRow],
}

#[derive(Derive)]
pub struct GradcheckRow {
    pub name: String,
    pub backprop: f64,
    pub approx: f64,
}

/// The settings as the page's `settings` object: JS keys in the table's
/// order, numbers as numbers.
pub struct SettingsJson<'a>(pub &'a Settings);

impl Serialize for SettingsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(SPECS.len()))?;
        for spec in &SPECS {
            // Integers stay integers (`400`, not `400.0`).
            match self.0.get(spec).plain() {
                Plain::Integer(n) => map.serialize_entry(spec.key, &n)?,
                Plain::Number(v) => map.serialize_entry(spec.key, &v)?,
                Plain::Text(text) => map.serialize_entry(spec.key, &text)?,
                Plain::Null => map.serialize_entry(spec.key, &())?,
            }
        }
        map.end()
    }
}

/// The parameters under the course's names: `{W1, b1, W2, b2}` (shallow),
/// `{w, b}` (logistic), `{W: [...], b: [...]}` (deep), in that order.
pub struct ParametersJson(pub Parameters);

impl Serialize for ParametersJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        match &self.0 {
            Parameters::Logistic { w, b } => {
                map.serialize_entry("w", w)?;
                map.serialize_entry("b", b)?;
            }
            Parameters::Shallow { w1, b1, w2, b2 } => {
                map.serialize_entry("W1", w1)?;
                map.serialize_entry("b1", b1)?;
                map.serialize_entry("W2", w2)?;
                map.serialize_entry("b2", b2)?;
            }
            Parameters::Deep { w, b } => {
                map.serialize_entry("W", w)?;
                map.serialize_entry("b", b)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_use_js_keys_and_numbers() {
        let mut settings = Settings::default();
        settings.set("learning-rate", "0.5").unwrap();
        let json = serde_json::to_string(&SettingsJson(&settings)).unwrap();
        assert!(
            json.starts_with(r#"{"notebook":"planar","dataset":"flower","datasetSeed":1,"points":400,"noise":0.2,"#),
            "{json}"
        );
        assert!(json.contains(r#""learningRate":0.5,"#), "{json}");
        assert!(json.contains(r#""layers":"8,8","#), "{json}");
    }

    #[test]
    fn parameters_keep_the_courses_names_and_order() {
        let p = Parameters::Shallow {
            w1: vec![vec![1.0, f64::NAN]],
            b1: vec![0.5],
            w2: vec![vec![2.0]],
            b2: vec![0.0],
        };
        let json = serde_json::to_string(&ParametersJson(p)).unwrap();
        assert_eq!(json, r#"{"W1":[[1.0,null]],"b1":[0.5],"W2":[[2.0]],"b2":[0.0]}"#);
    }
}
