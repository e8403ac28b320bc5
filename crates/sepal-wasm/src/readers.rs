//! The run as the page reads it: its numbers, parameters, gradients, optimiser state, points, and its curves.

use sepal::{Divergence, Parameters};
use wasm_bindgen::prelude::*;

use crate::{convert, json, model, points, Playground};

#[wasm_bindgen]
impl Playground {
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
