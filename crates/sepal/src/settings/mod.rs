//! The one table of settings behind the URL, the element's attributes, the
//! CLI's options and the JSON export: names, defaults, limits, parsing.
//!
//! Every value is validated here; a rejected value leaves the setting as it
//! was and comes back as a [`SettingError`] that says what was wrong.
//! `table.rs` is the table, a row per setting; `kind.rs` the kinds of
//! values with their one parser each; `decimal.rs` numbers as text;
//! `error.rs` the rejected value's message; this module the [`Settings`]
//! the rows read and store.

mod decimal;
mod error;
mod kind;
mod notebooks;
mod table;

use alloc::string::{String, ToString};
use alloc::vec::Vec;

pub use decimal::{is_number, number_text, parse_number};
pub use error::{quoted, SettingError, QUOTED_CHARS};
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
mod tests;
