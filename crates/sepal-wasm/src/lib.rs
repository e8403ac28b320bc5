//! The JS API of Sepal, the only code that knows about the browser.
//!
//! Rust owns the state (a [`Playground`]: settings, the training run, the
//! decision map); JS owns the frame and reads the map's pixels, its contour
//! and the cost curve straight out of wasm memory through the `*Ptr` /
//! `*Len` pairs, without copies.

mod build;
mod convert;
mod derivation;
mod inside;
pub mod json;
mod map;
pub mod model;
mod panic;
mod points;
mod readers;
mod settings;
mod training;

pub use build::PlaygroundBuild;
pub use points::dataset_points;
pub use settings::parse_settings;

use sepal::features::InputMaps;
use sepal::grid::Bounds;
use sepal::settings::Settings;
use sepal::unit_maps::UnitMaps;
use sepal::{Dataset, DecisionMap, Trainer};
use wasm_bindgen::prelude::*;

use map::plot_bounds;

#[wasm_bindgen(start)]
fn start() {
    panic::install_hook();
}

/// A random seed from the browser's crypto, for "new seed".
#[wasm_bindgen(js_name = freshSeed)]
pub fn fresh_seed() -> Result<u32, JsError> {
    let mut bytes = [0u8; 4];
    getrandom::getrandom(&mut bytes).map_err(|e| JsError::new(&format!("no random source: {e}")))?;
    Ok(u32::from_le_bytes(bytes))
}

/// One training run and its picture.
#[wasm_bindgen]
pub struct Playground {
    settings: Settings,
    /// Every point, train and test, in the order they were made or drawn.
    data: Dataset,
    trainer: Trainer,
    bounds: Bounds,
    map: Option<DecisionMap>,
    /// The hidden units' views (see `inside.rs`), made on first use.
    units: Option<UnitMaps>,
    /// The inputs' pictures (see `inside.rs`), made on first use.
    inputs: Option<InputMaps>,
    /// Every W and b, flattened for the network diagram (see `inside.rs`).
    weights: Vec<f64>,
    /// The iterations at which the points changed under a running model
    /// (`replacePoints`), oldest first, at most [`MAX_DATA_CHANGES`]: where
    /// the cost curve is marked.
    data_changes: Vec<f64>,
}

/// Data changes the cost curve marks; older ones are forgotten.
const MAX_DATA_CHANGES: usize = 64;

impl Playground {
    /// The Rust-side constructor, for tests and other Rust callers.
    pub fn from_settings(settings: Settings) -> Self {
        Self::build(settings, false)
    }

    /// The run of `settings`, with its first evaluation whole or, `in_parts`,
    /// left to `advance` (built as `beginBuild` builds it).
    fn build(settings: Settings, in_parts: bool) -> Self {
        if in_parts {
            return PlaygroundBuild::of(settings).finish();
        }
        if settings.has_own_test_set() {
            // Every point: the training points, then the test points.
            let (train, test) = sepal::dataset::train_and_test(&settings);
            let data = train.joined(&test);
            let trainer = Trainer::with_split(&settings, train, test);
            return Self::from_trainer(settings, data, trainer, None);
        }
        let data = settings
            .dataset
            .generate(settings.dataset_seed, settings.points, settings.noise());
        Self::from_data(settings, data, None)
    }

    /// A run on given points (split as the settings say), plotted over
    /// `bounds`, or over the points' own rectangle when `None`.
    pub fn from_data(settings: Settings, data: Dataset, bounds: Option<Bounds>) -> Self {
        let trainer = Trainer::with_data(&settings, &data);
        Self::from_trainer(settings, data, trainer, bounds)
    }

    /// A run already built on `data` (all its points, train and test).
    pub fn from_trainer(settings: Settings, data: Dataset, trainer: Trainer, bounds: Option<Bounds>) -> Self {
        let bounds = bounds.unwrap_or_else(|| plot_bounds(settings.dataset, &data));
        let weights = Vec::with_capacity(trainer.network().parameter_count());
        Self {
            settings,
            data,
            trainer,
            bounds,
            map: None,
            units: None,
            inputs: None,
            weights,
            data_changes: Vec::new(),
        }
    }

    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }
}
