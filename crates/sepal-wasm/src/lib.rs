//! The JS API of Sepal, the only code that knows about the browser.
//!
//! One file though over 500 lines: it is the `Playground` class JS sees, a
//! short method per getter or call, each a thin wrapper over the run, the
//! map or the settings; what has logic of its own lives in the modules.
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
pub mod model;
mod panic;
mod points;
mod settings;

pub use build::PlaygroundBuild;
pub use points::dataset_points;
pub use settings::parse_settings;

use sepal::features::InputMaps;
use sepal::grid::Bounds;
use sepal::settings::{Effect, Settings, SPECS};
use sepal::trainer::{Advance, IterationStep};
use sepal::unit_maps::UnitMaps;
use sepal::{Dataset, DatasetKind, DecisionMap, Divergence, Parameters, Trainer};
use wasm_bindgen::prelude::*;

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

#[wasm_bindgen]
impl Playground {
    /// Builds the data and the network from a settings object (JS keys);
    /// throws on an unknown key or an invalid value.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<Playground, JsError> {
        let settings = convert::settings_from_js(&settings)?;
        Ok(Self::from_settings(settings))
    }

    /// Runs up to `n` iterations; returns how many ran (fewer once diverged).
    /// Never past the largest iteration a model file holds
    /// ([`model::MAX_ITERATION`]): there training stops, so that a saved
    /// run always loads again.
    pub fn step(&mut self, n: u32) -> u32 {
        let room = (model::MAX_ITERATION as u64).saturating_sub(self.trainer.iteration());
        self.trainer.step(n.min(u32::try_from(room).unwrap_or(u32::MAX)))
    }

    // #15: never freeze
    /// One bounded part of the next iteration (a few rows of one layer of
    /// one pass), for a page that spreads an iteration too long for a frame
    /// over several; the same bits as `step`. Returns 1 when it completed
    /// an iteration, else 0 (then `midIteration` says whether one is under
    /// way; if not, nothing can run: diverged, no points, or the largest
    /// iteration a model file holds). Read the run only between iterations.
    ///
    /// A Playground built by `buildInParts` or reset by `resetInParts` does
    /// its first evaluation this way first (`evaluating`); the call that
    /// completes it returns 1 too: the run can be read anew.
    ///
    /// `work`, when given, is the part's size in multiply-adds (at least a
    /// row of a layer; the trainer's own size otherwise): the page sizes
    /// parts by time. Any sizes give the same bits.
    pub fn advance(&mut self, work: Option<f64>) -> u32 {
        if !self.trainer.is_mid_iteration() && self.trainer.iteration() >= model::MAX_ITERATION as u64 {
            return 0;
        }
        // A float's cast saturates (NaN and negatives to 0, a row at least).
        let advance = match work {
            Some(work) => self.trainer.advance_within(work as usize),
            None => self.trainer.advance(),
        };
        matches!(advance, Advance::Iterated | Advance::Evaluated) as u32
    }

    /// `new Playground(settings)` with the first evaluation (the forward
    /// passes of the initial weights, the cost, the curves' first point)
    /// left to `advance`, a bounded part per call: a large network is
    /// built without one long task. The same bits; `step` does it whole first.
    #[wasm_bindgen(js_name = buildInParts)]
    pub fn build_in_parts(settings: JsValue) -> Result<Playground, JsError> {
        let settings = convert::settings_from_js(&settings)?;
        Ok(Self::build(settings, true))
    }

    /// `reset` with the first evaluation left to `advance` (see `buildInParts`).
    #[wasm_bindgen(js_name = resetInParts)]
    pub fn reset_in_parts(&mut self) {
        self.trainer.reset_in_parts();
        self.data_changes.clear();
    }

    /// Whether the first evaluation of `buildInParts` or `resetInParts` is
    /// under way: meanwhile the iteration is 0, the accuracies NaN, the cost
    /// NaN until the training pass is done, the curves empty.
    #[wasm_bindgen(getter)]
    pub fn evaluating(&self) -> bool {
        self.trainer.is_evaluating()
    }

    /// Whether an iteration is under way (`advance` left it part way).
    #[wasm_bindgen(getter, js_name = midIteration)]
    pub fn mid_iteration(&self) -> bool {
        self.trainer.is_mid_iteration()
    }

    /// Which of the course's steps the iteration under way (or the first
    /// evaluation) goes on with, for the formulas' highlight, as one number
    /// `kind + 8 × layer` (layers from 1): kind 1 forward Z[l], A[l] (J with
    /// the output layer), 2 dW[l], db[l] (dZ[L] first at the output), 3
    /// dZ[l], 4 the update (layer 0), 5 the readouts' passes (layer 0);
    /// 0 between iterations.
    #[wasm_bindgen(getter, js_name = iterationStep)]
    pub fn iteration_step(&self) -> u32 {
        let (kind, layer) = match self.trainer.iteration_step() {
            None => return 0,
            Some(IterationStep::Forward(l)) => (1, l),
            Some(IterationStep::Gradients(l)) => (2, l),
            Some(IterationStep::Delta(l)) => (3, l),
            Some(IterationStep::Update) => (4, 0),
            Some(IterationStep::Metrics) => (5, 0),
        };
        kind + 8 * layer as u32
    }

    pub fn reset(&mut self) {
        self.trainer.reset();
        self.data_changes.clear();
    }

    /// Takes from a settings object the settings that change a run in
    /// place (the learning rate: `effect` "retune" in the table); the run
    /// goes on. Throws on an invalid value, changing nothing.
    pub fn retune(&mut self, settings: JsValue) -> Result<(), JsError> {
        let given = convert::settings_from_js(&settings)?;
        for spec in SPECS.iter().filter(|spec| spec.effect == Effect::Retune) {
            self.settings.copy_from(spec, &given);
        }
        self.trainer.retune(&self.settings);
        Ok(())
    }

    #[wasm_bindgen(getter)]
    pub fn iteration(&self) -> f64 {
        self.trainer.iteration() as f64
    }

    // #16: optimisers
    /// Complete epochs (= `iteration` with full batches).
    #[wasm_bindgen(getter)]
    pub fn epoch(&self) -> f64 {
        self.trainer.epoch() as f64
    }

    /// The notebook's printed cost of the last complete epoch (NaN before one).
    #[wasm_bindgen(getter, js_name = epochCost)]
    pub fn epoch_cost(&self) -> f64 {
        self.trainer.epoch_cost()
    }

    /// Updates per epoch (1 with full batches).
    #[wasm_bindgen(getter, js_name = iterationsPerEpoch)]
    pub fn iterations_per_epoch(&self) -> usize {
        self.trainer.iterations_per_epoch()
    }

    #[wasm_bindgen(getter)]
    pub fn cost(&self) -> f64 {
        self.trainer.cost()
    }

    #[wasm_bindgen(getter, js_name = trainAccuracy)]
    pub fn train_accuracy(&self) -> f64 {
        self.trainer.train_accuracy()
    }

    #[wasm_bindgen(getter, js_name = testAccuracy)]
    pub fn test_accuracy(&mut self) -> f64 {
        self.trainer.test_metrics().0
    }

    #[wasm_bindgen(getter, js_name = testCost)]
    pub fn test_cost(&mut self) -> f64 {
        self.trainer.test_metrics().1
    }

    #[wasm_bindgen(getter)]
    pub fn diverged(&self) -> bool {
        self.trainer.divergence().is_some()
    }

    /// Why training stopped: "non-finite-cost", "non-finite-parameter",
    /// "cost-exploded", or undefined.
    #[wasm_bindgen(getter)]
    pub fn divergence(&self) -> Option<String> {
        self.trainer.divergence().map(|d| {
            match d {
                Divergence::NonFiniteCost => "non-finite-cost",
                Divergence::NonFiniteParameter => "non-finite-parameter",
                Divergence::CostExploded => "cost-exploded",
            }
            .to_string()
        })
    }

    /// The current settings as a plain object (JS keys).
    #[wasm_bindgen(getter)]
    pub fn settings(&self) -> Result<JsValue, JsError> {
        convert::to_js(&convert::SettingsObject(&self.settings))
    }

    pub fn parameters(&self) -> Result<JsValue, JsError> {
        let params = Parameters::of(self.trainer.network(), self.settings.model());
        convert::to_js(&model::parameters_json(&params, ""))
    }

    /// dW and db of the current parameters — what the next update
    /// subtracts, times the learning rate — named and shaped as
    /// `parameters()` with a "d" in front: `{dW1, db1, dW2, db2}`, `{dw,
    /// db}` or `{dW: [...], db: [...]}`.
    pub fn gradients(&mut self) -> Result<JsValue, JsError> {
        let model = self.settings.model();
        let grads = Parameters::of_gradients(self.trainer.gradients(), model);
        convert::to_js(&model::parameters_json(&grads, "d"))
    }

    // #16: optimisers
    /// The update rule's running averages, shaped as `parameters()` with a
    /// "v" or "s" in front: `{t, v: {vW1, vb1, …}, s: {sW1, …}}`, v only
    /// for momentum and Adam, s only for RMSprop and Adam.
    #[wasm_bindgen(js_name = optimizerState)]
    pub fn optimizer_state(&self) -> Result<JsValue, JsError> {
        let (optimizer, model) = (self.trainer.optimizer(), self.settings.model());
        let mut fields = vec![("t", json::Json::Number(optimizer.t() as f64))];
        if optimizer.method().uses_velocity() {
            fields.push((
                "v",
                model::moments_json(&self.trainer, optimizer.velocity(), model, "v"),
            ));
        }
        if optimizer.method().uses_squares() {
            fields.push(("s", model::moments_json(&self.trainer, optimizer.squares(), model, "s")));
        }
        convert::to_js(&json::Json::object(fields))
    }

    /// How many weights and biases the network has.
    #[wasm_bindgen(js_name = parameterCount)]
    pub fn parameter_count(&self) -> usize {
        self.trainer.network().parameter_count()
    }

    /// `{train, test}`: each a Float64Array of x1, x2, label of every point
    /// in turn (a copy).
    pub fn points(&self) -> js_sys::Object {
        points::split(&self.trainer)
    }

    /// Every point, train and test together, in the order they were
    /// generated or drawn: `[[x1, x2, label], …]` (what CSV export writes).
    #[wasm_bindgen(js_name = allPoints)]
    pub fn all_points(&self) -> Result<JsValue, JsError> {
        convert::to_js(&points::rows(&self.data))
    }

    /// The plotted rectangle: `{xMin, xMax, yMin, yMax}`.
    pub fn bounds(&self) -> Result<JsValue, JsError> {
        convert::to_js(&convert::BoundsJs::from(self.bounds))
    }

    /// Evaluates and colours the decision map at width×height cells.
    pub fn render(&mut self, width: usize, height: usize) {
        self.render_rows(width, height, usize::MAX);
    }

    /// #15: `render` in bands of `rows` rows of cells, for a still too long
    /// for one frame: true once the map is whole, when its pixels and
    /// contour become the new picture (until then they hold the last one).
    #[wasm_bindgen(js_name = renderRows)]
    pub fn render_rows(&mut self, width: usize, height: usize, rows: usize) -> bool {
        let network = self.trainer.network();
        match &mut self.map {
            Some(map) if map.fits(network) => {
                if map.width() != width || map.height() != height {
                    // Animation at fewer cells, then a still: the same buffers
                    // (new maps at each size fragmented wasm memory until it grew).
                    map.resize(width, height);
                }
            }
            _ => {
                self.map = Some(DecisionMap::with_features(
                    network,
                    self.trainer.features(),
                    width,
                    height,
                ))
            }
        }
        match &mut self.map {
            Some(map) => map.render_rows(self.trainer.network(), self.bounds, rows),
            None => true,
        }
    }

    #[wasm_bindgen(js_name = pixelsPtr)]
    pub fn pixels_ptr(&self) -> *const u8 {
        self.map.as_ref().map_or(core::ptr::null(), |m| m.pixels().as_ptr())
    }

    #[wasm_bindgen(js_name = pixelsLen)]
    pub fn pixels_len(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.pixels().len())
    }

    #[wasm_bindgen(js_name = contourPtr)]
    pub fn contour_ptr(&self) -> *const f32 {
        self.map.as_ref().map_or(core::ptr::null(), |m| m.contour().as_ptr())
    }

    /// The number of f32 values (four per segment).
    #[wasm_bindgen(js_name = contourLen)]
    pub fn contour_len(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.contour().len())
    }

    /// The smallest probability of class 1 on the last rendered map (0.5
    /// before the first render).
    #[wasm_bindgen(js_name = probabilityMin)]
    pub fn probability_min(&self) -> f32 {
        self.map.as_ref().map_or(0.5, |m| m.probability_range().0)
    }

    /// The largest probability of class 1 on the last rendered map.
    #[wasm_bindgen(js_name = probabilityMax)]
    pub fn probability_max(&self) -> f32 {
        self.map.as_ref().map_or(0.5, |m| m.probability_range().1)
    }

    /// The iterations at which the points changed during this run (see
    /// `replacePoints`), as f64.
    #[wasm_bindgen(js_name = dataChangesPtr)]
    pub fn data_changes_ptr(&self) -> *const f64 {
        self.data_changes.as_ptr()
    }

    #[wasm_bindgen(js_name = dataChangesLen)]
    pub fn data_changes_len(&self) -> usize {
        self.data_changes.len()
    }

    #[wasm_bindgen(js_name = historyLen)]
    pub fn history_len(&self) -> usize {
        self.trainer.history().costs().len()
    }

    #[wasm_bindgen(js_name = historyIterationsPtr)]
    pub fn history_iterations_ptr(&self) -> *const f64 {
        self.trainer.history().iterations().as_ptr()
    }

    #[wasm_bindgen(js_name = historyCostsPtr)]
    pub fn history_costs_ptr(&self) -> *const f64 {
        self.trainer.history().costs().as_ptr()
    }

    /// The test cost at the same iterations (NaN without held-out points).
    #[wasm_bindgen(js_name = historyTestCostsPtr)]
    pub fn history_test_costs_ptr(&self) -> *const f64 {
        self.trainer.test_cost_history().costs().as_ptr()
    }

    #[wasm_bindgen(js_name = historyTrainAccuraciesPtr)]
    pub fn history_train_accuracies_ptr(&self) -> *const f64 {
        self.trainer.train_accuracy_history().costs().as_ptr()
    }

    /// The test accuracy at the same iterations (NaN without held-out points).
    #[wasm_bindgen(js_name = historyTestAccuraciesPtr)]
    pub fn history_test_accuracies_ptr(&self) -> *const f64 {
        self.trainer.test_accuracy_history().costs().as_ptr()
    }
}

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

    /// Goes on training from the current parameters on `data` (split as
    /// the settings say), marking the iteration on the cost curve.
    pub fn replace_data(&mut self, data: Dataset) {
        let (train, test) = data.split(self.settings.test_fraction, self.settings.dataset_seed);
        self.trainer.replace_data(train, test);
        self.data = data;
        let iteration = self.trainer.iteration() as f64;
        if self.data_changes.last() != Some(&iteration) {
            if self.data_changes.len() == MAX_DATA_CHANGES {
                self.data_changes.remove(0);
            }
            self.data_changes.push(iteration);
        }
    }

    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }
}

/// The course's `plot_decision_boundary` rectangle — the data's range plus
/// 1 on every side; for the football field the Regularization notebook's own
/// axes — widened to a square so the plot is not stretched. With no points:
/// the square from −5 to 5, room to draw some.
fn plot_bounds(dataset: DatasetKind, data: &Dataset) -> Bounds {
    let (lo, hi, margin) = if dataset == DatasetKind::Football {
        let [x_min, x_max, y_min, y_max] = sepal::football::VIEW;
        ([x_min, y_min], [x_max, y_max], 0.0)
    } else {
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for k in 0..data.len() {
            let p = data.point(k);
            for d in 0..2 {
                lo[d] = lo[d].min(p[d]);
                hi[d] = hi[d].max(p[d]);
            }
        }
        if lo[0] > hi[0] {
            (lo, hi) = ([-4.0; 2], [4.0; 2]);
        }
        (lo, hi, 1.0)
    };
    let half = (0..2).map(|d| (hi[d] - lo[d]) / 2.0 + margin).fold(0.0, f64::max);
    let centre = [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0];
    Bounds {
        x_min: centre[0] - half,
        x_max: centre[0] + half,
        y_min: centre[1] - half,
        y_max: centre[1] + half,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_football_field_is_plotted_as_the_notebook_plots_it() {
        let mut settings = Settings::default();
        assert_eq!(settings.apply([("dataset", "football")]), []);
        let football = Playground::from_settings(settings);
        let b = football.bounds;
        // The notebook's xlim [-0.75, 0.40] and ylim [-0.75, 0.65] with room for
        // the test points below, widened to a square.
        let near = |v: f64, want: f64| (v - want).abs() < 1e-12;
        assert!(near(b.y_min, -0.85) && near(b.y_max, 0.65), "{b:?}");
        assert!(near(b.x_min, -0.925) && near(b.x_max, 0.575), "{b:?}");
        for k in 0..football.data.len() {
            let [x1, x2, _] = football.data.point(k);
            assert!(
                x1 > b.x_min && x1 < b.x_max && x2 > b.y_min && x2 < b.y_max,
                "point {k} outside"
            );
        }
        let flower = Playground::from_settings(Settings::default());
        // Elsewhere the course's rule: the data's range plus 1.
        assert!(flower.bounds.x_max - flower.bounds.x_min > 9.0, "{:?}", flower.bounds);
    }
}
