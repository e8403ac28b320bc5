//! The one table of settings behind the URL, the element's attributes, the
//! CLI's options and the JSON export: names, defaults, limits, parsing.
//!
//! Over 500 lines because `Settings` keeps each dataset's own defaults
//! (noise, the spiral's network) beside the fields they stand in for, the
//! checks that need every value at once (`check_together`: the football's
//! unused data settings, a batch against the training points) beside the
//! fields they read, and the tests of the link between them live with it.
//!
//! Every value is validated here; a rejected value leaves the setting as it
//! was and comes back as a [`SettingError`] that says what was wrong.
//! `table.rs` is the table, a row per setting; `kind.rs` the kinds of
//! values with their one parser each; `decimal.rs` numbers as text; this
//! module the [`Settings`] the rows read and store.

mod decimal;
mod kind;
mod notebooks;
mod table;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

pub use decimal::{is_number, number_text, parse_number};
pub use kind::{Bound, Kind, Plain, Problem, Value};
pub use notebooks::Notebook;
pub use table::{Effect, Place, Spec, SPECS};

use crate::activation::Activation;
use crate::dataset::DatasetKind;
use crate::features::{Feature, Features};
use crate::network::Init;
use crate::optimizer::{Decay, Hyper, Method, Schedule};
use crate::regularization::DropoutMasks;

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
/// Largest mini-batch (a batch cannot exceed the points anyway).
pub const MAX_BATCH: usize = MAX_POINTS;

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

/// The network a dataset comes with until one is set: the course's (a
/// shallow network, `layers` 8,8 should it be made deep, small weights) for
/// every dataset but the spiral. Its 4 tanh units cannot learn the spiral
/// (52 % after 5,000 iterations), and neither can small initial weights in
/// a deeper one (60 %); two layers of 16 tanh units from Xavier weights,
/// at the course's learning rate, learn it (98.5 % after 1,000 iterations,
/// ≥ 95.5 % after 2,000 for every seed tried): `scripts/spiral-network.sh`
/// and its output, `scripts/spiral-network.txt`.
pub fn own_network(dataset: DatasetKind) -> (Model, &'static [usize], Init) {
    match dataset {
        DatasetKind::Spiral => (Model::Deep, &[16, 16], Init::Xavier),
        _ => (Model::Shallow, &[8, 8], Init::Small),
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
    /// The network's inputs (#17).
    pub features: Features,
    /// A separately drawn test set of this many points (0: none).
    pub test_points: usize,
    /// `None` (here and for `layers` and `init`) means the dataset's own
    /// network, [`own_network`].
    pub model: Option<Model>,
    pub hidden_units: usize,
    pub layers: Option<Vec<usize>>,
    pub activation: Activation,
    pub init: Option<Init>,
    pub learning_rate: f64,
    pub seed: u32,
    // #17: regularisation (see `regularization.rs`)
    pub l2: f64,
    pub l1: f64,
    pub keep_prob: f64,
    pub dropout_masks: DropoutMasks,
    pub speed: Speed,
    pub autoplay: bool,
    /// `None` means the browser's language (the page decides).
    pub lang: Option<Lang>,
    // #16: optimisers
    /// The preset last chosen; what a link leaves out.
    pub notebook: Notebook,
    pub optimizer: Method,
    /// `None`: full batches (`all`).
    pub batch_size: Option<usize>,
    pub beta1: f64,
    pub beta2: f64,
    pub epsilon: f64,
    pub decay: Decay,
    pub decay_rate: f64,
    /// In epochs.
    pub decay_interval: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            dataset: DatasetKind::Flower,
            dataset_seed: 1,
            points: 400,
            noise: None,
            test_fraction: 0.0,
            features: Features::default(),
            test_points: 0,
            model: None,
            hidden_units: 4,
            layers: None,
            activation: Activation::Tanh,
            init: None,
            learning_rate: 1.2,
            seed: 3,
            // #17: regularisation: off
            l2: 0.0,
            l1: 0.0,
            keep_prob: 1.0,
            dropout_masks: DropoutMasks::Fresh,
            speed: Speed::PerSecond(1000),
            autoplay: false,
            lang: None,
            notebook: Notebook::Planar,
            optimizer: Method::Gd,
            batch_size: None,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            decay: Decay::None,
            decay_rate: 1.0,
            decay_interval: 1000,
        }
    }
}

/// A closed list of named values, what a [`Kind::Choice`] chooses from.
pub trait Named: Copy + 'static {
    const ALL: &'static [Self];
    fn name(self) -> &'static str;
}

macro_rules! named {
    ($($t:ty),*) => {$(
        impl Named for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn name(self) -> &'static str {
                <$t>::name(self)
            }
        }
    )*};
}
named!(
    DatasetKind,
    Model,
    Activation,
    Init,
    Lang,
    Feature,
    Notebook,
    Method,
    Decay,
    DropoutMasks
);

/// The n-th name of `T`, the function a [`Kind::Choice`] holds.
fn names<T: Named>(i: usize) -> Option<&'static str> {
    T::ALL.get(i).map(|v| v.name())
}

/// The `T` a checked [`Value::Name`] names.
fn find<T: Named>(value: Value) -> Option<T> {
    match value {
        Value::Name(wanted) => T::ALL.iter().copied().find(|v| v.name() == wanted),
        _ => None,
    }
}

fn pick<T: Named>(field: &mut T, value: Value) {
    if let Some(v) = find(value) {
        *field = v;
    }
}

/// Finds a setting by its JS key or its kebab-case name.
pub fn find_spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.key == name || s.param == name)
}

/// The longest value or name a message quotes, in characters.
pub const QUOTED_CHARS: usize = 40;

/// `text` as a message quotes it: whole up to [`QUOTED_CHARS`] characters,
/// else its first 39 and "…", so a 100 KB value makes a one-line message.
pub fn quoted(text: &str) -> String {
    if text.chars().count() > QUOTED_CHARS {
        text.chars().take(QUOTED_CHARS - 1).chain(['…']).collect()
    } else {
        text.to_string()
    }
}

/// A rejected value: which setting, the value as messages quote it, the
/// value as given, and why. Every message (the page's notice, the CLI's,
/// a model file's) quotes `setting` and `value`, both shortened by
/// [`quoted`] here, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// The kebab-case name, or the name as given (shortened) for an
    /// unknown setting.
    pub setting: String,
    /// The value as messages quote it: at most [`QUOTED_CHARS`] characters.
    pub value: String,
    /// The value as given, whole (the page finds the rejected value by it).
    pub given: String,
    pub problem: Problem,
    /// What is allowed, in English (empty for an unknown setting).
    pub allowed: String,
    /// A bound that other settings set, lower than the kind's own (the
    /// training points for `batch-size`); `None` when the kind's limits hold.
    pub limit: Option<u64>,
}

impl SettingError {
    /// `value` rejected by `kind` for the setting or option `setting`.
    pub fn new(setting: &str, kind: &Kind, value: &str, problem: Problem) -> Self {
        Self {
            setting: setting.to_string(),
            value: quoted(value),
            given: value.to_string(),
            problem,
            allowed: kind.allowed(),
            limit: None,
        }
    }
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problem {
            Problem::UnknownSetting => return write!(f, "\"{}\" is not a setting", self.setting),
            Problem::DoesNotApply => {
                return write!(
                    f,
                    "{} = \"{}\" {}: its 211 training and 200 test points are fixed",
                    self.setting,
                    self.value,
                    self.problem.describe()
                )
            }
            _ => {}
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

/// A value as it comes in: text (a URL, an attribute, an option), a number
/// that is already one (a JS object, a model file), or nothing (`null`).
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    Text(&'a str),
    Number(f64),
    Unset,
}

impl Settings {
    /// Sets one setting from its text form; on error nothing changes.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), SettingError> {
        self.set_input(name, Input::Text(value))
    }

    /// Sets one setting from text, a number or nothing; on error nothing
    /// changes. Only a setting whose default is unset (`lang`, which then
    /// follows the browser) may be unset.
    pub fn set_input(&mut self, name: &str, input: Input) -> Result<(), SettingError> {
        let shown = match input {
            Input::Text(text) => text.to_string(),
            Input::Number(v) => number_text(v),
            Input::Unset => String::new(),
        };
        let spec = find_spec(name).ok_or_else(|| SettingError {
            setting: quoted(name),
            value: quoted(&shown),
            given: shown.clone(),
            problem: Problem::UnknownSetting,
            allowed: String::new(),
            limit: None,
        })?;
        let value = match input {
            Input::Text(text) => spec.kind.parse(text),
            Input::Number(v) => spec.kind.check_number(v),
            Input::Unset if Settings::default().get(spec) == Value::Unset => Ok(Value::Unset),
            Input::Unset => Err(Problem::Empty),
        }
        .map_err(|problem| SettingError::new(spec.param, &spec.kind, &shown, problem))?;
        (spec.put)(self, value);
        Ok(())
    }

    /// Applies `(name, value)` pairs in order, keeping each good value and
    /// collecting every rejection (those of [`Self::check_together`] too).
    pub fn apply<'a>(&mut self, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<SettingError> {
        let mut errors: Vec<SettingError> = pairs
            .into_iter()
            .filter_map(|(name, value)| self.set(name, value).err())
            .collect();
        errors.extend(self.check_together());
        errors
    }

    /// The checks no single value can make, once every value is set (so
    /// that the order values came in does not matter): data settings the
    /// dataset does not use, then the batch size against the training
    /// points.
    pub fn check_together(&mut self) -> Vec<SettingError> {
        let mut errors = self.refuse_unused_data();
        errors.extend(self.check_batch_size());
        errors
    }

    /// A batch larger than the generated dataset's training points goes
    /// back to `all` and is reported (a person's own points are counted
    /// when the run is built, which then uses them all in one batch).
    fn check_batch_size(&mut self) -> Option<SettingError> {
        let size = self.batch_size?;
        let train = match self.dataset {
            DatasetKind::Custom => return None,
            DatasetKind::Football => crate::football::TRAIN_POINTS,
            _ if self.has_own_test_set() => self.points,
            _ => self.points - crate::dataset::held_out(self.test_fraction, self.points),
        };
        if size <= train {
            return None;
        }
        self.batch_size = None;
        let spec = find_spec("batch-size").expect("a batch-size row");
        let text = size.to_string();
        let mut error = SettingError::new(spec.param, &spec.kind, &text, Problem::OutOfRange);
        error.allowed = Kind::IntegerOrWord {
            min: 1,
            max: train as u64,
            word: "all",
        }
        .allowed();
        error.limit = Some(train as u64);
        Some(error)
    }

    /// A setting's value.
    pub fn get(&self, spec: &Spec) -> Value {
        (spec.get)(self)
    }

    /// Takes one setting's value from `other`.
    pub fn copy_from(&mut self, spec: &Spec, other: &Settings) {
        (spec.put)(self, other.get(spec));
    }

    /// A setting's text form (what a link or attribute would hold).
    pub fn text(&self, spec: &Spec) -> String {
        self.get(spec).text()
    }

    /// The settings that differ from the defaults, as (param, text) pairs:
    /// what a link needs to reproduce this state. The default noise and
    /// network are the dataset's own.
    pub fn changed(&self) -> Vec<(&'static str, String)> {
        let defaults = self.baseline();
        let own = Settings {
            dataset: self.dataset,
            ..defaults.clone()
        };
        let plain = Settings::default();
        SPECS
            .iter()
            .filter(|spec| {
                let default = match spec.key {
                    "notebook" => &plain,
                    "dataset" => &defaults,
                    _ => &own,
                };
                self.get(spec) != default.get(spec)
            })
            .map(|spec| (spec.param, self.text(spec)))
            .collect()
    }

    /// The rows whose value differs from `other`'s.
    pub fn differences<'a>(&'a self, other: &'a Settings) -> impl Iterator<Item = &'static Spec> + 'a {
        SPECS.iter().filter(move |spec| self.get(spec) != other.get(spec))
    }

    /// The noise scale in effect.
    pub fn noise(&self) -> f64 {
        self.noise.unwrap_or_else(|| self.dataset.default_noise())
    }

    /// Whether the test set is a set of its own (the football's, or drawn
    /// with `test-points`), not split off the training points.
    pub fn has_own_test_set(&self) -> bool {
        self.dataset == DatasetKind::Football || (self.test_points > 0 && self.dataset.is_generated())
    }

    /// The data settings given a value of their own that the dataset does
    /// not use (`points=300` with the football's fixed points), each set
    /// back to its default and returned as a [`Problem::DoesNotApply`]:
    /// nothing else changes. Called once all the settings are in, so the
    /// order they came in does not matter. A person's own points (`custom`)
    /// keep their quiet ways: hidden controls, no notice.
    fn refuse_unused_data(&mut self) -> Vec<SettingError> {
        if self.dataset != DatasetKind::Football {
            return Vec::new();
        }
        let own = Settings {
            dataset: self.dataset,
            ..Settings::default()
        };
        let unused: Vec<&Spec> = SPECS
            .iter()
            .filter(|s| s.place == Place::Data && !(s.applies)(self))
            .collect();
        let mut errors = Vec::new();
        for spec in unused {
            if self.get(spec) != own.get(spec) {
                let text = self.text(spec);
                errors.push(SettingError {
                    setting: spec.param.to_string(),
                    value: quoted(&text),
                    given: text,
                    problem: Problem::DoesNotApply,
                    allowed: String::new(),
                    limit: None,
                });
                self.copy_from(spec, &own);
            }
        }
        errors
    }

    /// The model in effect: the chosen one, else the dataset's own.
    pub fn model(&self) -> Model {
        self.model.unwrap_or(own_network(self.dataset).0)
    }

    /// The hidden layer sizes of `deep` in effect.
    pub fn layers(&self) -> &[usize] {
        self.layers.as_deref().unwrap_or(own_network(self.dataset).1)
    }

    /// β₁, β₂ and ε of the update rule.
    pub fn hyper(&self) -> Hyper {
        Hyper {
            beta1: self.beta1,
            beta2: self.beta2,
            epsilon: self.epsilon,
        }
    }

    /// The learning-rate schedule.
    pub fn schedule(&self) -> Schedule {
        Schedule {
            decay: self.decay,
            rate: self.decay_rate,
            interval: self.decay_interval,
        }
    }

    /// The initial weights in effect.
    pub fn init(&self) -> Init {
        self.init.unwrap_or(own_network(self.dataset).2)
    }

    /// [n_x, hidden sizes…, 1] of the chosen model.
    pub fn layer_sizes(&self) -> Vec<usize> {
        let mut sizes = alloc::vec![self.features.len()];
        match self.model() {
            Model::Logistic => {}
            Model::Shallow => sizes.push(self.hidden_units),
            Model::Deep => sizes.extend_from_slice(self.layers()),
        }
        sizes.push(1);
        sizes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn defaults_round_trip_through_text() {
        let defaults = Settings::default();
        let mut copy = Settings::default();
        for spec in SPECS.iter().filter(|spec| defaults.get(spec) != Value::Unset) {
            copy.set(spec.param, &defaults.text(spec)).unwrap();
        }
        (copy.noise, copy.model, copy.layers, copy.init) = (None, None, None, None);
        assert_eq!(copy, defaults);
        assert!(defaults.changed().is_empty());
    }

    #[test]
    fn bad_values_are_rejected_and_change_nothing() {
        let mut s = Settings::default();
        for (name, value, problem) in [
            ("learning-rate", "abc", Problem::NotANumber),
            ("learning-rate", "0", Problem::OutOfRange),
            ("learning-rate", "1e400", Problem::OutOfRange),
            ("learning-rate", "-1e400", Problem::OutOfRange),
            ("seed", "1e400", Problem::OutOfRange),
            ("learning-rate", "infinity", Problem::NotANumber),
            ("learning-rate", "-inf", Problem::NotANumber),
            ("learning-rate", "0x100", Problem::NotANumber),
            ("learningRate", "NaN", Problem::NotANumber),
            ("hidden-units", "2.5", Problem::NotAnInteger),
            ("hidden-units", "1e9", Problem::OutOfRange),
            ("points", "", Problem::Empty),
            ("activation", "__proto__", Problem::UnknownChoice),
            ("layers", "8,,8", Problem::EmptyItem),
            ("layers", "1,1,1,1,1,1,1", Problem::OutOfRange),
            ("features", "x3", Problem::UnknownChoice),
            ("features", "x1,x1", Problem::Repeated),
            ("features", "", Problem::Empty),
            ("features", "x1,,x2", Problem::EmptyItem),
            ("nope", "1", Problem::UnknownSetting),
        ] {
            let err = s.set(name, value).unwrap_err();
            assert_eq!(err.problem, problem, "{name}={value}");
        }
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn messages_quote_at_most_forty_characters_of_a_value_or_name() {
        let huge = "9".repeat(100_000);
        let err = Settings::default().set("activation", &huge).unwrap_err();
        assert_eq!(err.value, format!("{}…", "9".repeat(39)));
        assert_eq!(err.given, huge);
        assert_eq!(
            err.to_string(),
            format!(
                "activation = \"{}…\" is not one of the choices: use tanh, relu, leaky-relu or sigmoid",
                "9".repeat(39)
            )
        );
        let err = Settings::default().set(&"x".repeat(5000), "1").unwrap_err();
        assert_eq!(err.to_string(), format!("\"{}…\" is not a setting", "x".repeat(39)));
        // Forty characters are quoted whole; characters, not bytes.
        let forty = "é".repeat(40);
        assert_eq!(Settings::default().set("model", &forty).unwrap_err().value, forty);
    }

    #[test]
    fn numbers_too_large_for_a_double_are_out_of_range() {
        let mut s = Settings::default();
        let digits = "1".repeat(100_000);
        let err = s.set("learning-rate", &digits).unwrap_err();
        assert_eq!(err.problem, Problem::OutOfRange);
        assert!(err
            .to_string()
            .starts_with(&format!("learning-rate = \"{}…\" is out of range", "1".repeat(39))));
        assert_eq!(s.set("hidden-units", "1e400").unwrap_err().problem, Problem::OutOfRange);
        assert_eq!(s.set("layers", "4,1e400").unwrap_err().problem, Problem::OutOfRange);
        // A number that underflows is a number (0 here, then checked).
        assert_eq!(
            s.set("learning-rate", "1e-400").unwrap_err().problem,
            Problem::OutOfRange
        );
        assert_eq!(s.set("noise", "1e-400"), Ok(()));
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

    #[test]
    fn every_choice_of_every_row_round_trips_through_its_row() {
        for spec in &SPECS {
            for name in spec.kind.choices() {
                let mut s = Settings::default();
                s.set(spec.param, name).unwrap();
                assert_eq!(s.text(spec), name, "{}", spec.param);
            }
        }
    }

    #[test]
    fn numbers_that_are_numbers_are_checked_without_text() {
        let mut s = Settings::default();
        s.set_input("learningRate", Input::Number(0.1 + 0.2)).unwrap();
        assert_eq!(s.learning_rate.to_bits(), (0.1f64 + 0.2).to_bits());
        let err = s.set_input("hiddenUnits", Input::Number(2.5)).unwrap_err();
        assert_eq!((err.problem, err.value.as_str()), (Problem::NotAnInteger, "2.5"));
        assert_eq!(s.set_input("lang", Input::Unset), Ok(()));
        assert_eq!(s.set_input("seed", Input::Unset).unwrap_err().problem, Problem::Empty);
    }

    #[test]
    fn the_default_noise_is_the_datasets_own() {
        let mut s = Settings::default();
        s.set("dataset", "blobs").unwrap();
        s.set("noise", "1").unwrap();
        assert_eq!(s.changed(), [("dataset", "blobs".into())]);
        s.set("lang", "en").unwrap();
        assert_eq!(s.changed().last(), Some(&("lang", "en".into())));
    }

    #[test]
    fn the_spiral_comes_with_its_own_network_unless_one_is_set() {
        let mut s = Settings::default();
        s.set("dataset", "spiral").unwrap();
        assert_eq!(
            (s.model(), s.layers(), s.init()),
            (Model::Deep, &[16, 16][..], Init::Xavier)
        );
        assert_eq!(s.changed(), [("dataset", "spiral".into())]);
        s.set("init", "he").unwrap();
        s.set("model", "shallow").unwrap();
        assert_eq!(s.layer_sizes(), [2, 4, 1]);
        assert_eq!(
            s.changed(),
            [
                ("dataset", "spiral".into()),
                ("model", "shallow".into()),
                ("init", "he".into())
            ]
        );
        // Set ones stay when the dataset changes; the others follow it.
        let mut s = Settings::default();
        s.set("init", "xavier").unwrap();
        s.set("dataset", "spiral").unwrap();
        s.set("dataset", "flower").unwrap();
        assert_eq!(
            (s.model(), s.layers(), s.init()),
            (Model::Shallow, &[8, 8][..], Init::Xavier)
        );
        assert_eq!(s.changed(), [("init", "xavier".into())]);
    }

    #[test]
    fn data_settings_given_for_the_football_are_refused_whatever_their_order() {
        for pairs in [
            [("points", "300"), ("dataset", "football"), ("learning-rate", "0.3")],
            [("dataset", "football"), ("points", "300"), ("learning-rate", "0.3")],
        ] {
            let mut s = Settings::default();
            let errors = s.apply(pairs);
            assert_eq!(errors.len(), 1);
            assert_eq!(
                (errors[0].setting.as_str(), errors[0].value.as_str()),
                ("points", "300")
            );
            assert_eq!(errors[0].problem, Problem::DoesNotApply);
            assert_eq!(
                errors[0].to_string(),
                "points = \"300\" does not apply to the football data: its 211 training and 200 test points are fixed"
            );
            // Only that value is dropped.
            assert_eq!((s.points, s.learning_rate), (400, 0.3));
            assert_eq!(
                s.changed(),
                [("dataset", "football".into()), ("learning-rate", "0.3".into())]
            );
        }
        // Its own defaults and other datasets say nothing.
        let mut s = Settings::default();
        s.set("dataset", "football").unwrap();
        assert!(s.refuse_unused_data().is_empty());
        s.set("dataset", "moons").unwrap();
        s.set("points", "300").unwrap();
        assert!(s.refuse_unused_data().is_empty());
    }

    #[test]
    fn a_drawn_test_set_replaces_the_split() {
        let mut s = Settings::default();
        let applies = |s: &Settings, key| (find_spec(key).unwrap().applies)(s);
        assert!(applies(&s, "test-fraction") && applies(&s, "test-points"));
        s.set("test-points", "100").unwrap();
        assert!(s.has_own_test_set() && !applies(&s, "test-fraction"));
        s.set("dataset", "football").unwrap();
        assert!(s.has_own_test_set() && !applies(&s, "test-fraction") && !applies(&s, "test-points"));
        s.set("dataset", "custom").unwrap();
        assert!(!s.has_own_test_set() && applies(&s, "test-fraction") && !applies(&s, "test-points"));
        assert_eq!(s.set("test-points", "10001").unwrap_err().problem, Problem::OutOfRange);
        assert_eq!(s.set("test-points", "-1").unwrap_err().problem, Problem::OutOfRange);
    }

    #[test]
    fn differences_say_what_a_change_does() {
        let mut s = Settings::default();
        s.set("learning-rate", "0.5").unwrap();
        s.set("speed", "max").unwrap();
        let effect = s.differences(&Settings::default()).map(|spec| spec.effect).max();
        assert_eq!(effect, Some(Effect::Retune));
        s.set("points", "100").unwrap();
        let effect = s.differences(&Settings::default()).map(|spec| spec.effect).max();
        assert_eq!(effect, Some(Effect::Data));
    }

    #[test]
    fn every_row_has_a_valid_example_other_than_its_default() {
        let defaults = Settings::default();
        for spec in &SPECS {
            let example = spec.kind.example(&defaults.get(spec));
            assert_ne!(example, defaults.get(spec), "{}", spec.param);
            let mut s = Settings::default();
            s.set(spec.param, &example.text()).unwrap();
            assert_eq!(s.get(spec), example, "{}", spec.param);
        }
    }
}
