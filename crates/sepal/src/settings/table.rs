//! Over 500 lines because it is the whole table, a row per setting (30), each
//! with its limits and when it applies: one place to read them all.
//!
//! The settings table: one row per setting, in the order links and
//! exports list them. A row is all Sepal knows about a setting besides its
//! math and its words: names, kind and limits, default (the value of
//! `Settings::default()`), what a change does to a running model, where its
//! control sits, and when it is in use.

use super::kind::{Bound, Kind, Value};
use super::{find, names, pick, Lang, Model, Settings, Speed, MAX_LAYERS, MAX_POINTS, MAX_SPEED, MAX_UNITS};
use super::{Notebook, MAX_BATCH, MAX_LEARNING_RATE, MAX_NOISE, MIN_POINTS};
use crate::activation::Activation;
use crate::dataset::DatasetKind;
use crate::features::{Feature, Features};
use crate::network::Init;
use crate::optimizer::{Decay, Method};
use crate::regularization::{DropoutMasks, MAX_LAMBDA};

/// What changing a setting does to a running model, least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// Only the page showing the model changes (speed, language).
    Page,
    /// The run goes on with the new value (the learning rate).
    Retune,
    /// A new network on the same data.
    Network,
    /// New data, and so a new network.
    Data,
}

impl Effect {
    pub fn name(self) -> &'static str {
        match self {
            Self::Page => "page",
            Self::Retune => "retune",
            Self::Network => "network",
            Self::Data => "data",
        }
    }
}

/// Where the page puts a setting's control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The data panel (`part="data"`).
    Data,
    /// The training controls (`part="controls"`).
    Controls,
    /// No control: set by the URL or an attribute only.
    Nowhere,
}

impl Place {
    pub fn name(self) -> &'static str {
        match self {
            Self::Data => "data",
            Self::Controls => "controls",
            Self::Nowhere => "nowhere",
        }
    }
}

/// One row of the settings table.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// The JS key, e.g. `learningRate`.
    pub key: &'static str,
    /// The URL parameter, attribute and CLI option, e.g. `learning-rate`.
    pub param: &'static str,
    pub kind: Kind,
    pub effect: Effect,
    pub place: Place,
    /// Whether the setting means anything with these settings (hidden units
    /// only for the shallow model, …); the page hides it when not.
    pub applies: fn(&Settings) -> bool,
    pub(super) get: fn(&Settings) -> Value,
    /// Stores a value the kind has checked.
    pub(super) put: fn(&mut Settings, Value),
}

const fn row(key: &'static str, param: &'static str, kind: Kind, effect: Effect, place: Place) -> Spec {
    Spec {
        key,
        param,
        kind,
        effect,
        place,
        applies: |_| true,
        get: |_| Value::Unset,
        put: |_, _| {},
    }
}

const fn inclusive(value: f64) -> Bound {
    Bound { value, inclusive: true }
}

const fn exclusive(value: f64) -> Bound {
    Bound {
        value,
        inclusive: false,
    }
}

const SEED: Kind = Kind::Integer {
    min: 0,
    max: u32::MAX as u64,
};

/// β₁ and β₂: 0 ≤ β < 1 (β = 1 would never move).
const UNIT_INTERVAL: Kind = Kind::Number {
    min: inclusive(0.0),
    max: exclusive(1.0),
};

/// λ of `l2` and `l1`.
const PENALTY: Kind = Kind::Number {
    min: inclusive(0.0),
    max: inclusive(MAX_LAMBDA),
};

fn integer(value: Value) -> u64 {
    match value {
        Value::Integer(n) => n,
        _ => 0,
    }
}

fn number(value: Value) -> f64 {
    match value {
        Value::Number(v) => v,
        _ => f64::NAN,
    }
}

/// The table.
pub const SPECS: [Spec; 30] = [
    // #16: notebook presets. First, so that a link's other settings,
    // which follow it, override its preset.
    Spec {
        get: |s| Value::Name(s.notebook.name()),
        put: |s, v| {
            if let Some(notebook) = find::<Notebook>(v) {
                s.start_notebook(notebook);
            }
        },
        ..row(
            "notebook",
            "notebook",
            Kind::Choice(names::<Notebook>),
            Effect::Data,
            // It sets the data, the model and the training: above them all, a row of its own.
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Name(s.dataset.name()),
        put: |s, v| pick(&mut s.dataset, v),
        ..row(
            "dataset",
            "dataset",
            Kind::Choice(names::<DatasetKind>),
            Effect::Data,
            Place::Data,
        )
    },
    Spec {
        get: |s| Value::Integer(s.dataset_seed as u64),
        put: |s, v| s.dataset_seed = integer(v) as u32,
        // A person's own points use it too: it seeds their split.
        applies: |s| s.dataset != DatasetKind::Football,
        ..row("datasetSeed", "dataset-seed", SEED, Effect::Data, Place::Data)
    },
    Spec {
        get: |s| Value::Integer(s.points as u64),
        put: |s, v| s.points = integer(v) as usize,
        applies: |s| s.dataset.is_generated(),
        ..row(
            "points",
            "points",
            Kind::Integer {
                min: MIN_POINTS as u64,
                max: MAX_POINTS as u64,
            },
            Effect::Data,
            Place::Data,
        )
    },
    Spec {
        // The noise in effect: the dataset's own until one is set.
        get: |s| Value::Number(s.noise()),
        put: |s, v| s.noise = Some(number(v)),
        applies: |s| s.dataset.is_generated(),
        ..row(
            "noise",
            "noise",
            Kind::Number {
                min: inclusive(0.0),
                max: inclusive(MAX_NOISE),
            },
            Effect::Data,
            Place::Data,
        )
    },
    Spec {
        get: |s| Value::Number(s.test_fraction),
        put: |s, v| s.test_fraction = number(v),
        // A separately drawn test set replaces the split.
        applies: |s| !s.has_own_test_set(),
        ..row(
            "testFraction",
            "test-fraction",
            Kind::Number {
                min: inclusive(0.0),
                max: exclusive(1.0),
            },
            Effect::Data,
            Place::Data,
        )
    },
    // #17: a separately drawn test set (the Initialization notebook's).
    Spec {
        get: |s| Value::Integer(s.test_points as u64),
        put: |s, v| s.test_points = integer(v) as usize,
        applies: |s| s.dataset.is_generated(),
        ..row(
            "testPoints",
            "test-points",
            Kind::Integer {
                min: 0,
                max: MAX_POINTS as u64,
            },
            Effect::Data,
            Place::Data,
        )
    },
    Spec {
        get: |s| Value::Name(s.model().name()),
        put: |s, v| s.model = find(v),
        ..row(
            "model",
            "model",
            Kind::Choice(names::<Model>),
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Integer(s.hidden_units as u64),
        put: |s, v| s.hidden_units = integer(v) as usize,
        applies: |s| s.model() == Model::Shallow,
        ..row(
            "hiddenUnits",
            "hidden-units",
            Kind::Integer {
                min: 1,
                max: MAX_UNITS as u64,
            },
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Sizes(s.layers().to_vec()),
        put: |s, v| {
            if let Value::Sizes(sizes) = v {
                s.layers = Some(sizes);
            }
        },
        applies: |s| s.model() == Model::Deep,
        ..row(
            "layers",
            "layers",
            Kind::Sizes {
                min: 1,
                max: MAX_UNITS as u64,
                max_count: MAX_LAYERS,
                example: "8,8,4",
            },
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Name(s.activation.name()),
        put: |s, v| pick(&mut s.activation, v),
        applies: |s| s.model() != Model::Logistic,
        ..row(
            "activation",
            "activation",
            Kind::Choice(names::<Activation>),
            Effect::Network,
            Place::Controls,
        )
    },
    // #17: input features — the network's inputs: a control among the
    // model's (the first layer takes them), after the network's shape, so
    // that a phone's first screen still reaches the hidden units and the
    // checkboxes' full-width row leaves the fields paired; same points.
    Spec {
        get: |s| Value::Names(s.features.names()),
        put: |s, v| {
            if let Value::Names(names) = v {
                s.features = Features::named(&names);
            }
        },
        ..row(
            "features",
            "features",
            Kind::Names {
                names: names::<Feature>,
                example: "x1sq,x2sq",
            },
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Name(s.init().name()),
        put: |s, v| s.init = find(v),
        ..row(
            "init",
            "init",
            Kind::Choice(names::<Init>),
            Effect::Network,
            Place::Controls,
        )
    },
    // #17: regularisation — L2, L1, dropout (crate::regularization). A
    // change starts the run again from the same initial weights.
    Spec {
        get: |s| Value::Number(s.l2),
        put: |s, v| s.l2 = number(v),
        ..row("l2", "l2", PENALTY, Effect::Network, Place::Controls)
    },
    Spec {
        get: |s| Value::Number(s.l1),
        put: |s, v| s.l1 = number(v),
        ..row("l1", "l1", PENALTY, Effect::Network, Place::Controls)
    },
    Spec {
        get: |s| Value::Number(s.keep_prob),
        put: |s, v| s.keep_prob = number(v),
        // Dropout acts on hidden layers; logistic regression has none.
        applies: |s| s.model() != Model::Logistic,
        ..row(
            "keepProb",
            "keep-prob",
            Kind::Number {
                min: exclusive(0.0),
                max: inclusive(1.0),
            },
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Name(s.dropout_masks.name()),
        put: |s, v| pick(&mut s.dropout_masks, v),
        applies: |s| s.model() != Model::Logistic && s.keep_prob < 1.0,
        ..row(
            "dropoutMasks",
            "dropout-masks",
            Kind::Choice(names::<DropoutMasks>),
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Number(s.learning_rate),
        put: |s, v| s.learning_rate = number(v),
        ..row(
            "learningRate",
            "learning-rate",
            Kind::Number {
                min: exclusive(0.0),
                max: inclusive(MAX_LEARNING_RATE),
            },
            Effect::Retune,
            Place::Controls,
        )
    },
    // #16: optimisers. A new update rule or batch size starts again from
    // the initial weights (Network): v and s of one rule mean nothing to
    // another, and the lesson compares rules from the same start. β₁, β₂,
    // ε and the decay go on in the running run (Retune), as the learning
    // rate does: the averages and the epoch count stay meaningful.
    Spec {
        get: |s| Value::Name(s.optimizer.name()),
        put: |s, v| pick(&mut s.optimizer, v),
        ..row(
            "optimizer",
            "optimizer",
            Kind::Choice(names::<Method>),
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| match s.batch_size {
            None => Value::Name("all"),
            Some(n) => Value::Integer(n as u64),
        },
        put: |s, v| {
            s.batch_size = match v {
                Value::Integer(n) => Some(n as usize),
                _ => None,
            }
        },
        ..row(
            "batchSize",
            "batch-size",
            Kind::IntegerOrWord {
                min: 1,
                max: MAX_BATCH as u64,
                word: "all",
            },
            Effect::Network,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Number(s.beta1),
        put: |s, v| s.beta1 = number(v),
        applies: |s| s.optimizer.uses_velocity(),
        ..row("beta1", "beta1", UNIT_INTERVAL, Effect::Retune, Place::Controls)
    },
    Spec {
        get: |s| Value::Number(s.beta2),
        put: |s, v| s.beta2 = number(v),
        applies: |s| s.optimizer.uses_squares(),
        ..row("beta2", "beta2", UNIT_INTERVAL, Effect::Retune, Place::Controls)
    },
    Spec {
        get: |s| Value::Number(s.epsilon),
        put: |s, v| s.epsilon = number(v),
        applies: |s| s.optimizer.uses_squares(),
        ..row(
            "epsilon",
            "epsilon",
            Kind::Number {
                min: exclusive(0.0),
                max: inclusive(1.0),
            },
            Effect::Retune,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Name(s.decay.name()),
        put: |s, v| pick(&mut s.decay, v),
        ..row(
            "decay",
            "decay",
            Kind::Choice(names::<Decay>),
            Effect::Retune,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Number(s.decay_rate),
        put: |s, v| s.decay_rate = number(v),
        applies: |s| s.decay != Decay::None,
        ..row(
            "decayRate",
            "decay-rate",
            Kind::Number {
                min: inclusive(0.0),
                max: inclusive(MAX_LEARNING_RATE),
            },
            Effect::Retune,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Integer(s.decay_interval),
        put: |s, v| s.decay_interval = integer(v),
        applies: |s| s.decay == Decay::Interval,
        ..row(
            "decayInterval",
            "decay-interval",
            Kind::Integer {
                min: 1,
                max: u32::MAX as u64,
            },
            Effect::Retune,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Integer(s.seed as u64),
        put: |s, v| s.seed = integer(v) as u32,
        ..row("seed", "seed", SEED, Effect::Network, Place::Controls)
    },
    Spec {
        get: |s| match s.speed {
            Speed::Max => Value::Name("max"),
            Speed::PerSecond(n) => Value::Integer(n as u64),
        },
        put: |s, v| {
            s.speed = match v {
                Value::Integer(n) => Speed::PerSecond(n as u32),
                _ => Speed::Max,
            }
        },
        ..row(
            "speed",
            "speed",
            Kind::IntegerOrWord {
                min: 1,
                max: MAX_SPEED as u64,
                word: "max",
            },
            Effect::Page,
            Place::Controls,
        )
    },
    Spec {
        get: |s| Value::Flag(s.autoplay),
        put: |s, v| s.autoplay = v == Value::Flag(true),
        ..row("autoplay", "autoplay", Kind::Flag, Effect::Page, Place::Nowhere)
    },
    Spec {
        get: |s| s.lang.map_or(Value::Unset, |l| Value::Name(l.name())),
        put: |s, v| s.lang = find::<Lang>(v),
        ..row(
            "lang",
            "lang",
            Kind::Choice(names::<Lang>),
            Effect::Page,
            Place::Nowhere,
        )
    },
];
