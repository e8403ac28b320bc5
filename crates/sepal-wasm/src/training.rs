//! Training: a run made from settings, stepped whole or a part at a time, reset, retuned.

use sepal::settings::{Effect, SPECS};
use sepal::trainer::{Advance, IterationStep};
use wasm_bindgen::prelude::*;

use crate::{convert, model, Playground};

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
}
