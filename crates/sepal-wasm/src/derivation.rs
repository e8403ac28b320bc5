//! One example's derivation and the gradient check, as plain JS objects:
//! `derivation(index, test)` → `{x, y, loss, forward: [{z, a}, …],
//! backward: [{dA, gPrime, dz, dW, db}, …]}` (layer by layer, the course's
//! layer 1 first; at the output dA is dL/da and gPrime da/dz = a(1 − a)),
//! `derivationMean()` the same averaged over the training points, and
//! `gradientCheck(epsilon, bug)` → `{difference, threshold, rows: [{name,
//! layer, row, col, backprop, approx}]}`; `gradientCheckBegin(epsilon,
//! bug)` the same check in parts (a `GradientCheckInParts`: `advance(work)`,
//! `checked`, `total`, `result()`), for a network too large to check in one
//! task; `derivationMeanBegin()` the mean in parts likewise;
//! `gradientsAdvance(work)` the batch's gradients (`gradients()`) in parts.

use sepal::derivation::{Derivation, MeanRun};
use sepal::gradcheck::{self, GradientCheck, GradientCheckRun};
use sepal::settings::Model;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::convert;
use crate::Playground;

#[derive(Serialize)]
struct Forward<'a> {
    z: &'a [f64],
    a: &'a [f64],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Backward<'a> {
    #[serde(rename = "dA")]
    da: &'a [f64],
    g_prime: &'a [f64],
    dz: &'a [f64],
    #[serde(rename = "dW")]
    dw: Vec<&'a [f64]>,
    db: &'a [f64],
}

#[derive(Serialize)]
struct DerivationJs<'a> {
    /// The network's inputs: the features of the point, named by `features`.
    x: &'a [f64],
    features: &'a [&'static str],
    y: f64,
    loss: f64,
    forward: Vec<Forward<'a>>,
    backward: Vec<Backward<'a>>,
}

fn derivation_js(d: &Derivation, features: &[&'static str], inputs: &[usize]) -> Result<JsValue, JsError> {
    convert::to_js(&DerivationJs {
        x: &d.x,
        features,
        y: d.y,
        loss: d.loss,
        forward: d.layers.iter().map(|t| Forward { z: &t.z, a: &t.a }).collect(),
        backward: d
            .layers
            .iter()
            .zip(inputs)
            .map(|(t, &n_in)| Backward {
                da: &t.da,
                g_prime: &t.g_prime,
                dz: &t.dz,
                dw: t.dw.chunks(n_in).collect(),
                db: &t.db,
            })
            .collect(),
    })
}

#[derive(Serialize)]
struct Row {
    name: String,
    layer: usize,
    row: usize,
    col: Option<usize>,
    backprop: f64,
    approx: f64,
}

#[derive(Serialize)]
struct CheckJs {
    difference: f64,
    threshold: f64,
    epsilon: f64,
    bug: bool,
    rows: Vec<Row>,
}

#[wasm_bindgen]
impl Playground {
    /// The derivation of training point `index` (test point with `test`),
    /// at the current parameters. Throws for an index out of range.
    pub fn derivation(&self, index: usize, test: bool) -> Result<JsValue, JsError> {
        let inputs = if test {
            self.trainer.test_inputs()
        } else {
            self.trainer.train_inputs()
        };
        if index >= inputs.len() {
            return Err(JsError::new("no such point"));
        }
        let network = self.trainer.network();
        let x = inputs.x.column(index).to_vec();
        let d = Derivation::of(network, &x, inputs.y[index]);
        derivation_js(&d, &self.trainer.features().names(), &self.layer_inputs())
    }

    /// Every term of the derivation averaged over the training points: its
    /// dW and db are the batch gradients (1/m)·Σᵢ dW⁽ⁱ⁾.
    #[wasm_bindgen(js_name = derivationMean)]
    pub fn derivation_mean(&self) -> Result<JsValue, JsError> {
        let mean = Derivation::mean(self.trainer.network(), self.trainer.train_inputs());
        derivation_js(&mean, &self.trainer.features().names(), &self.layer_inputs())
    }

    /// The same mean in parts, of the current parameters and points (the
    /// run keeps copies).
    #[wasm_bindgen(js_name = derivationMeanBegin)]
    pub fn derivation_mean_begin(&self) -> DerivationMeanInParts {
        DerivationMeanInParts {
            run: Some(MeanRun::new(self.trainer.network(), self.trainer.train_inputs())),
            features: self.trainer.features().names(),
            inputs: self.layer_inputs(),
        }
    }

    /// #15: goes on computing the batch's gradients of the current
    /// parameters for about `work` multiply-adds (at least one row's); true
    /// when they are complete: `gradients()` then gives them without
    /// computing anything. Any change of the run (a step, a reset, new
    /// points) starts the computation over.
    #[wasm_bindgen(js_name = gradientsAdvance)]
    pub fn gradients_advance(&mut self, work: f64) -> bool {
        self.trainer.gradients_advance(work as usize)
    }

    /// The course's gradient check on the training points at the current
    /// parameters (see `sepal::gradcheck`).
    #[wasm_bindgen(js_name = gradientCheck)]
    pub fn gradient_check(&self, epsilon: f64, bug: bool) -> Result<JsValue, JsError> {
        let check = gradcheck::check(self.trainer.network(), self.trainer.train_inputs(), epsilon, bug);
        check_js(&check, self.settings.model(), epsilon, bug)
    }

    /// The same check in parts, of the current parameters and points (the
    /// run keeps copies: training on does not change what it checks).
    #[wasm_bindgen(js_name = gradientCheckBegin)]
    pub fn gradient_check_begin(&self, epsilon: f64, bug: bool) -> GradientCheckInParts {
        GradientCheckInParts {
            run: Some(GradientCheckRun::new(
                self.trainer.network(),
                self.trainer.train_inputs(),
                epsilon,
                bug,
            )),
            model: self.settings.model(),
            epsilon,
            bug,
        }
    }
}

/// The "all points" derivation made a part at a time
/// (`Playground.derivationMeanBegin`).
#[wasm_bindgen]
pub struct DerivationMeanInParts {
    /// None once its result was taken.
    run: Option<MeanRun>,
    features: Vec<&'static str>,
    inputs: Vec<usize>,
}

#[wasm_bindgen]
impl DerivationMeanInParts {
    /// Adds the next `points` points; true when every point is in.
    pub fn advance(&mut self, points: usize) -> bool {
        self.run.as_mut().is_none_or(|run| run.advance(points))
    }

    /// Points derived so far.
    #[wasm_bindgen(getter)]
    pub fn done(&self) -> usize {
        self.run.as_ref().map_or(0, |run| run.done())
    }

    /// Points in all.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> usize {
        self.run.as_ref().map_or(0, |run| run.total())
    }

    /// The mean, as `Playground.derivationMean` gives it, once `advance`
    /// said every point is in (it can be taken once); throws before.
    pub fn result(&mut self) -> Result<JsValue, JsError> {
        let run = self.run.take().ok_or_else(|| JsError::new("the result was taken"))?;
        match run.into_result() {
            Some(mean) => derivation_js(&mean, &self.features, &self.inputs),
            None => Err(JsError::new("the mean is not complete")),
        }
    }
}

/// A gradient check made a part at a time (`Playground.gradientCheckBegin`).
#[wasm_bindgen]
pub struct GradientCheckInParts {
    /// None once its result was taken.
    run: Option<GradientCheckRun>,
    model: Model,
    epsilon: f64,
    bug: bool,
}

#[wasm_bindgen]
impl GradientCheckInParts {
    /// Does about `work` multiply-adds of the check (at least one unit's);
    /// true when it is complete.
    pub fn advance(&mut self, work: f64) -> bool {
        self.run.as_mut().is_none_or(|run| run.advance(work as usize))
    }

    /// Parameters checked so far.
    #[wasm_bindgen(getter)]
    pub fn checked(&self) -> usize {
        self.run.as_ref().map_or(0, |run| run.checked())
    }

    /// Parameters to check in all.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> usize {
        self.run.as_ref().map_or(0, |run| run.total())
    }

    /// The check, as `Playground.gradientCheck` gives it, once `advance`
    /// said it is complete (it can be taken once); throws before.
    pub fn result(&mut self) -> Result<JsValue, JsError> {
        let run = self.run.take().ok_or_else(|| JsError::new("the result was taken"))?;
        match run.into_result() {
            Some(check) => check_js(&check, self.model, self.epsilon, self.bug),
            None => Err(JsError::new("the check is not complete")),
        }
    }
}

fn check_js(check: &GradientCheck, model: Model, epsilon: f64, bug: bool) -> Result<JsValue, JsError> {
    convert::to_js(&CheckJs {
        difference: check.difference,
        threshold: gradcheck::THRESHOLD,
        epsilon,
        bug,
        rows: check
            .rows
            .iter()
            .map(|r| Row {
                name: r.name(model),
                layer: r.layer,
                row: r.row,
                col: r.col,
                backprop: r.backprop,
                approx: r.approx,
            })
            .collect(),
    })
}

impl Playground {
    fn layer_inputs(&self) -> Vec<usize> {
        self.trainer.network().layers.iter().map(|l| l.inputs()).collect()
    }
}
