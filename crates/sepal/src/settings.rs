//! The one table of settings behind the URL, the element's attributes, the
//! CLI's options and the JSON export: names, defaults, limits, parsing.
//!
//! Every value is validated here; a rejected value leaves the setting as it
//! was and comes back as a [`SettingError`] that says what was wrong.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use crate::activation::Activation;
use crate::dataset::DatasetKind;
use crate::network::Init;

/// Largest number of points a dataset may have.
pub const MAX_POINTS: usize = 10_000;
/// Fewest points a dataset may have (one per class).
pub const MIN_POINTS: usize = 2;
/// Largest hidden layer.
pub const MAX_UNITS: usize = 64;
/// Most hidden layers of a deep network.
pub const MAX_LAYERS: usize = 6;
/// Largest noise scale.
pub const MAX_NOISE: f64 = 10.0;
/// Largest learning rate.
pub const MAX_LEARNING_RATE: f64 = 10_000.0;
/// Fastest finite playing speed, in iterations per second.
pub const MAX_SPEED: u32 = 1_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    Logistic,
    Shallow,
    Deep,
}

impl Model {
    pub const ALL: [Model; 3] = [Self::Logistic, Self::Shallow, Self::Deep];

    pub fn name(self) -> &'static str {
        match self {
            Self::Logistic => "logistic",
            Self::Shallow => "shallow",
            Self::Deep => "deep",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    PerSecond(u32),
    Max,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Self::En, Self::Zh];

    pub fn name(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
        }
    }
}

/// Every setting, with the course's defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub dataset: DatasetKind,
    pub dataset_seed: u32,
    pub points: usize,
    /// `None` means the dataset's own noise.
    pub noise: Option<f64>,
    pub test_fraction: f64,
    pub model: Model,
    pub hidden_units: usize,
    pub layers: Vec<usize>,
    pub activation: Activation,
    pub init: Init,
    pub learning_rate: f64,
    pub seed: u32,
    pub speed: Speed,
    pub autoplay: bool,
    /// `None` means the browser's language (the page decides).
    pub lang: Option<Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            dataset: DatasetKind::Flower,
            dataset_seed: 1,
            points: 400,
            noise: None,
            test_fraction: 0.0,
            model: Model::Shallow,
            hidden_units: 4,
            layers: alloc::vec![8, 8],
            activation: Activation::Tanh,
            init: Init::Small,
            learning_rate: 1.2,
            seed: 3,
            speed: Speed::PerSecond(1000),
            autoplay: false,
            lang: None,
        }
    }
}

/// One row of the settings table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// The JS key, e.g. `learningRate`.
    pub key: &'static str,
    /// The URL parameter, attribute and CLI option, e.g. `learning-rate`.
    pub param: &'static str,
    /// What values are allowed, as shown in error messages.
    pub allowed: &'static str,
    /// Whether the value is a number in JSON (`speed` is, except `"max"`).
    pub numeric: bool,
}

const fn spec(key: &'static str, param: &'static str, allowed: &'static str, numeric: bool) -> Spec {
    Spec {
        key,
        param,
        allowed,
        numeric,
    }
}

/// The table, in the order settings appear in links and exports.
pub const SPECS: [Spec; 15] = [
    spec(
        "dataset",
        "dataset",
        "flower, circles, moons, blobs, quantiles, xor, spiral, custom",
        false,
    ),
    spec("datasetSeed", "dataset-seed", "an integer from 0 to 4294967295", true),
    spec("points", "points", "an integer from 2 to 10000", true),
    spec("noise", "noise", "a number from 0 to 10", true),
    spec(
        "testFraction",
        "test-fraction",
        "a number from 0 up to (not including) 1",
        true,
    ),
    spec("model", "model", "logistic, shallow, deep", false),
    spec("hiddenUnits", "hidden-units", "an integer from 1 to 64", true),
    spec(
        "layers",
        "layers",
        "1 to 6 comma-separated integers from 1 to 64, e.g. 8,8,4",
        false,
    ),
    spec("activation", "activation", "tanh, relu, leaky-relu, sigmoid", false),
    spec("init", "init", "zeros, small, xavier, he", false),
    spec(
        "learningRate",
        "learning-rate",
        "a number above 0 and at most 10000",
        true,
    ),
    spec("seed", "seed", "an integer from 0 to 4294967295", true),
    spec(
        "speed",
        "speed",
        "an integer from 1 to 1000000 (iterations per second), or max",
        true,
    ),
    spec("autoplay", "autoplay", "0 or 1", true),
    spec("lang", "lang", "en, zh", false),
];

/// Finds a setting by its JS key or its kebab-case name.
pub fn find_spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.key == name || s.param == name)
}

/// What was wrong with a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownSetting,
    Empty,
    NotANumber,
    NotAnInteger,
    OutOfRange,
    UnknownChoice,
}

impl Problem {
    /// A stable code for the page's string tables.
    pub fn code(self) -> &'static str {
        match self {
            Self::UnknownSetting => "unknown-setting",
            Self::Empty => "empty",
            Self::NotANumber => "not-a-number",
            Self::NotAnInteger => "not-an-integer",
            Self::OutOfRange => "out-of-range",
            Self::UnknownChoice => "unknown-choice",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Self::UnknownSetting => "is not a setting",
            Self::Empty => "is empty",
            Self::NotANumber => "is not a number",
            Self::NotAnInteger => "is not a whole number",
            Self::OutOfRange => "is out of range",
            Self::UnknownChoice => "is not one of the choices",
        }
    }
}

/// A rejected value: which setting, the value as given, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// The kebab-case name, or the name as given for an unknown setting.
    pub setting: String,
    pub value: String,
    pub problem: Problem,
    /// What is allowed (empty for an unknown setting).
    pub allowed: &'static str,
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.problem == Problem::UnknownSetting {
            return write!(f, "\"{}\" is not a setting", self.setting);
        }
        write!(
            f,
            "{} = \"{}\" {}: use {}",
            self.setting,
            self.value,
            self.problem.describe(),
            self.allowed
        )
    }
}

#[cfg(feature = "std")]
extern crate std;
#[cfg(feature = "std")]
impl std::error::Error for SettingError {}

impl Settings {
    /// Sets one setting from its text form; on error nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        let spec = find_spec(name).ok_or_else(|| SettingError {
            setting: name.to_string(),
            value: value.to_string(),
            problem: Problem::UnknownSetting,
            allowed: "",
        })?;
        let fail = |problem| SettingError {
            setting: spec.param.to_string(),
            value: value.to_string(),
            problem,
            allowed: spec.allowed,
        };
        let text = value.trim();
        if text.is_empty() {
            return Err(fail(Problem::Empty));
        }
        match spec.param {
            "dataset" => {
                self.dataset = choice(text, &DatasetKind::ALL, |d| d.name()).ok_or(fail(Problem::UnknownChoice))?
            }
            "dataset-seed" => self.dataset_seed = integer(text, 0, u32::MAX as u64).map_err(fail)? as u32,
            "points" => self.points = integer(text, MIN_POINTS as u64, MAX_POINTS as u64).map_err(fail)? as usize,
            "noise" => self.noise = Some(number(text, |v| (0.0..=MAX_NOISE).contains(&v)).map_err(fail)?),
            "test-fraction" => self.test_fraction = number(text, |v| (0.0..1.0).contains(&v)).map_err(fail)?,
            "model" => self.model = choice(text, &Model::ALL, |m| m.name()).ok_or(fail(Problem::UnknownChoice))?,
            "hidden-units" => self.hidden_units = integer(text, 1, MAX_UNITS as u64).map_err(fail)? as usize,
            "layers" => self.layers = layer_list(text).map_err(fail)?,
            "activation" => {
                self.activation = choice(text, &Activation::ALL, |a| a.name()).ok_or(fail(Problem::UnknownChoice))?
            }
            "init" => self.init = choice(text, &Init::ALL, |i| i.name()).ok_or(fail(Problem::UnknownChoice))?,
            "learning-rate" => {
                self.learning_rate = number(text, |v| v > 0.0 && v <= MAX_LEARNING_RATE).map_err(fail)?
            }
            "seed" => self.seed = integer(text, 0, u32::MAX as u64).map_err(fail)? as u32,
            "speed" => {
                self.speed = if text == "max" {
                    Speed::Max
                } else {
                    Speed::PerSecond(integer(text, 1, MAX_SPEED as u64).map_err(fail)? as u32)
                }
            }
            "autoplay" => self.autoplay = integer(text, 0, 1).map_err(fail)? == 1,
            "lang" => self.lang = Some(choice(text, &Lang::ALL, |l| l.name()).ok_or(fail(Problem::UnknownChoice))?),
            _ => unreachable!("every row of SPECS is handled"),
        }
        Ok(())
    }

    /// Applies `(name, value)` pairs in order, keeping each good value and
    /// collecting every rejection.
    pub fn apply<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<SettingError> {
        pairs
            .into_iter()
            .filter_map(|(name, value)| self.set(name, value).err())
            .collect()
    }

    /// The text form of a setting (what a link or attribute would hold).
    pub fn get(&self, spec: &Spec) -> String {
        match spec.param {
            "dataset" => self.dataset.name().to_string(),
            "dataset-seed" => self.dataset_seed.to_string(),
            "points" => self.points.to_string(),
            "noise" => format!("{}", self.noise()),
            "test-fraction" => format!("{}", self.test_fraction),
            "model" => self.model.name().to_string(),
            "hidden-units" => self.hidden_units.to_string(),
            "layers" => {
                let parts: Vec<String> = self.layers.iter().map(|n| n.to_string()).collect();
                parts.join(",")
            }
            "activation" => self.activation.name().to_string(),
            "init" => self.init.name().to_string(),
            "learning-rate" => format!("{}", self.learning_rate),
            "seed" => self.seed.to_string(),
            "speed" => match self.speed {
                Speed::Max => "max".to_string(),
                Speed::PerSecond(n) => n.to_string(),
            },
            "autoplay" => (self.autoplay as u8).to_string(),
            "lang" => self.lang.unwrap_or(Lang::En).name().to_string(),
            _ => unreachable!("every row of SPECS is handled"),
        }
    }

    /// The settings that differ from the defaults, as (param, text) pairs:
    /// what a link needs to reproduce this state.
    pub fn changed(&self) -> Vec<(&'static str, String)> {
        let defaults = Settings::default();
        SPECS
            .iter()
            .filter(|spec| self.get(spec) != defaults.get(spec) || (spec.param == "lang" && self.lang.is_some()))
            .map(|spec| (spec.param, self.get(spec)))
            .collect()
    }

    /// The noise scale in effect.
    pub fn noise(&self) -> f64 {
        self.noise.unwrap_or_else(|| self.dataset.default_noise())
    }

    /// [n_x, hidden sizes…, 1] of the chosen model.
    pub fn layer_sizes(&self) -> Vec<usize> {
        let mut sizes = alloc::vec![2];
        match self.model {
            Model::Logistic => {}
            Model::Shallow => sizes.push(self.hidden_units),
            Model::Deep => sizes.extend_from_slice(&self.layers),
        }
        sizes.push(1);
        sizes
    }
}

fn choice<T: Copy>(text: &str, all: &[T], name: impl Fn(T) -> &'static str) -> Option<T> {
    all.iter().copied().find(|&v| name(v) == text)
}

/// A finite number satisfying `ok`.
fn number(text: &str, ok: impl Fn(f64) -> bool) -> Result<f64, Problem> {
    let v: f64 = text.parse().map_err(|_| Problem::NotANumber)?;
    if !v.is_finite() {
        return Err(Problem::NotANumber);
    }
    if ok(v) {
        Ok(v)
    } else {
        Err(Problem::OutOfRange)
    }
}

/// A whole number in min..=max; `1e3` and `1000.0` count as whole numbers.
fn integer(text: &str, min: u64, max: u64) -> Result<u64, Problem> {
    let v = number(text, |_| true)?;
    if libm::trunc(v) != v {
        return Err(Problem::NotAnInteger);
    }
    if v < min as f64 || v > max as f64 {
        return Err(Problem::OutOfRange);
    }
    Ok(v as u64)
}

fn layer_list(text: &str) -> Result<Vec<usize>, Problem> {
    let sizes = text
        .split(',')
        .map(|part| integer(part.trim(), 1, MAX_UNITS as u64).map(|n| n as usize))
        .collect::<Result<Vec<_>, _>>()?;
    if sizes.len() > MAX_LAYERS {
        return Err(Problem::OutOfRange);
    }
    Ok(sizes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_round_trip_through_text() {
        let defaults = Settings::default();
        let mut copy = Settings::default();
        for spec in &SPECS {
            copy.set(spec.param, &defaults.get(spec)).unwrap();
        }
        copy.lang = None;
        copy.noise = None;
        assert_eq!(copy, defaults);
        assert!(defaults.changed().is_empty());
    }

    #[test]
    fn bad_values_are_rejected_and_change_nothing() {
        let mut s = Settings::default();
        for (name, value, problem) in [
            ("learning-rate", "abc", Problem::NotANumber),
            ("learning-rate", "0", Problem::OutOfRange),
            ("learning-rate", "1e400", Problem::NotANumber),
            ("learningRate", "NaN", Problem::NotANumber),
            ("hidden-units", "2.5", Problem::NotAnInteger),
            ("hidden-units", "1e9", Problem::OutOfRange),
            ("points", "", Problem::Empty),
            ("activation", "__proto__", Problem::UnknownChoice),
            ("layers", "8,,8", Problem::NotANumber),
            ("layers", "1,1,1,1,1,1,1", Problem::OutOfRange),
            ("nope", "1", Problem::UnknownSetting),
        ] {
            let err = s.set(name, value).unwrap_err();
            assert_eq!(err.problem, problem, "{name}={value}");
        }
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn messages_name_the_setting_value_and_range() {
        let err = Settings::default().set("learning-rate", "-3").unwrap_err();
        assert_eq!(
            err.to_string(),
            "learning-rate = \"-3\" is out of range: use a number above 0 and at most 10000"
        );
    }

    #[test]
    fn changed_lists_only_what_differs() {
        let mut s = Settings::default();
        s.set("hidden-units", "7").unwrap();
        s.set("speed", "max").unwrap();
        assert_eq!(s.changed(), [("hidden-units", "7".into()), ("speed", "max".into())]);
    }
}
