//! Gradient checking, as the course's exercise does it: the backward pass
//! against the two-sided difference gradapprox = (J(θ + ε) − J(θ − ε)) / 2ε,
//! parameter by parameter, and difference = ‖grad − gradapprox‖₂ /
//! (‖grad‖₂ + ‖gradapprox‖₂); above [`THRESHOLD`] the course calls it a
//! mistake. Parameters are counted as the course's `dictionary_to_vector`
//! does: W1 row by row, b1, W2, b2, …
//!
//! J(θ + ε) − J(θ − ε) is computed as the mean of the examples' loss
//! differences straight from the two logits (see `loss_difference`), not
//! as the difference of two costs near 0.69: subtracting those loses the
//! last bits of each, which ε = 1e-7 magnifies to ~5e-10 in every
//! gradapprox — at the course's small initial weights that alone brings
//! a correct backprop to the threshold (numpy's run of the notebook's
//! code: 1.41e-7; the same subtraction of our costs: 3.3e-7).
//!
//! With `bug`, the backprop gradients are broken the way the exercise
//! plants its bugs (dW2 with a factor 2, db1 with 4/m instead of 1/m) —
//! only the copy this check compares; training never sees it.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::activation::sigmoid;
use crate::dataset::Dataset;
use crate::network::{ForwardPass, Gradients, Network};
use crate::settings::Model;

/// The course's ε.
pub const EPSILON: f64 = 1e-7;
/// The course's verdict: a difference above this is a mistake in backprop.
pub const THRESHOLD: f64 = 2e-7;

/// One parameter: W[layer] at (row, col), or b[layer] at row (col = None).
/// `layer` counts from 0 (the course's layer 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CheckRow {
    pub layer: usize,
    pub row: usize,
    pub col: Option<usize>,
    pub backprop: f64,
    pub approx: f64,
}

impl CheckRow {
    /// The parameter's name as the parameters' JSON spells its path: `w[0]`,
    /// `b` for logistic regression, `W1[0][1]`, `b2[0]` otherwise (layers
    /// from 1, as the course numbers them).
    pub fn name(&self, model: Model) -> String {
        match (model, self.col) {
            (Model::Logistic, Some(col)) => format!("w[{col}]"),
            (Model::Logistic, None) => "b".to_string(),
            (_, Some(col)) => format!("W{}[{}][{col}]", self.layer + 1, self.row),
            (_, None) => format!("b{}[{}]", self.layer + 1, self.row),
        }
    }

    /// |backprop − approx|, what the table sorts by.
    pub fn gap(&self) -> f64 {
        (self.backprop - self.approx).abs()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct GradientCheck {
    pub difference: f64,
    pub rows: Vec<CheckRow>,
}

/// The layer (0-based) whose dW the planted bug doubles: the course's W2,
/// or W1 when there is no second layer (logistic regression).
pub fn bug_weight_layer(network: &Network) -> usize {
    usize::min(1, network.layers.len() - 1)
}

/// Checks the backward pass of `network` on `data` (see the module): a
/// [`GradientCheckRun`] run to its end in one go.
pub fn check(network: &Network, data: &Dataset, epsilon: f64, bug: bool) -> GradientCheck {
    let mut run = GradientCheckRun::new(network, data, epsilon, bug);
    while !run.advance(usize::MAX) {}
    run.into_result().expect("a finished run has its result")
}

/// A gradient check in parts, for a page that must not freeze: at the
/// largest network (~21,000 parameters, two forward passes over 10,000
/// points each) it is minutes of work. [`Self::advance`] does about as
/// many multiply-adds as it is given, one unit (row) of one layer at a
/// time, and the result is [`check`]'s to the bit, however it was split
/// (each row of a pass is computed on its own: `Network::forward_rows`).
///
/// It owns copies of the parameters and the points, so training or a new
/// model cannot change what it checks. A parameter of layer l changes only
/// its unit's row of layer l and the layers above it, so those alone are
/// computed (all of layer l at its first parameter), and that row is put
/// back after its two passes.
pub struct GradientCheckRun {
    original: Network,
    probe: Network,
    data: Dataset,
    epsilon: f64,
    grads: Gradients,
    plus: ForwardPass,
    minus: ForwardPass,
    rows: Vec<CheckRow>,
    stage: Stage,
    bug: bool,
}

/// Where a run is: backprop's forward pass, its dW/db rows, its dZ rows
/// (layer `l`, unit `row`), then parameter `i` of layer `layer`, its
/// θ + ε pass or (with `minus`) its θ − ε pass at layer `l`, units from
/// `row` on.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stage {
    Forward {
        l: usize,
        row: usize,
    },
    Weights {
        l: usize,
        row: usize,
    },
    Delta {
        l: usize,
        row: usize,
    },
    Probe {
        layer: usize,
        i: usize,
        minus: bool,
        l: usize,
        row: usize,
    },
    /// Both passes of parameter `i` of `layer` made: its row to record.
    Recorded {
        layer: usize,
        i: usize,
    },
    Done,
}

impl GradientCheckRun {
    pub fn new(network: &Network, data: &Dataset, epsilon: f64, bug: bool) -> Self {
        let m = data.len();
        Self {
            original: network.clone(),
            probe: network.clone(),
            data: data.clone(),
            epsilon,
            // Allocated layer by layer as the passes reach them: at the caps
            // ~150 MB, a long task if zeroed at once.
            grads: Gradients::unallocated(network),
            plus: ForwardPass::unallocated(network, m),
            minus: ForwardPass::unallocated(network, m),
            rows: Vec::with_capacity(network.parameter_count()),
            stage: Stage::Forward { l: 0, row: 0 },
            bug,
        }
    }

    /// Does about `work` multiply-adds (at least one unit's); true when the
    /// check is complete.
    pub fn advance(&mut self, work: usize) -> bool {
        let mut done = 0usize;
        while self.stage != Stage::Done && done < work {
            done = done.saturating_add(self.step(work - done));
        }
        self.stage == Stage::Done
    }

    /// Parameters checked so far.
    pub fn checked(&self) -> usize {
        self.rows.len()
    }

    /// Parameters to check in all.
    pub fn total(&self) -> usize {
        self.original.parameter_count()
    }

    /// The check, once [`Self::advance`] said it is complete.
    pub fn into_result(self) -> Option<GradientCheck> {
        (self.stage == Stage::Done).then(|| GradientCheck {
            difference: difference(&self.rows),
            rows: self.rows,
        })
    }

    /// As many units of one layer of the current stage as `work`
    /// multiply-adds allow (at least one); returns their multiply-adds.
    fn step(&mut self, work: usize) -> usize {
        let m = self.data.len();
        let layers = self.original.layers.len();
        // `k` units from `row` of `n`, each `cost` multiply-adds: as many as `work` allows.
        let k = |row: usize, n: usize, cost: usize| (work / cost.max(1)).clamp(1, n - row);
        let x = self.data.x.view();
        let (next, cost) = match self.stage {
            Stage::Forward { l, row } => {
                let (n, cost) = (self.units(l), self.inputs(l) * m);
                let k = k(row, n, cost);
                self.original.forward_rows(l, row..row + k, x, &mut self.plus);
                let next = if row + k < n {
                    Stage::Forward { l, row: row + k }
                } else if l + 1 < layers {
                    Stage::Forward { l: l + 1, row: 0 }
                } else {
                    Stage::Weights { l: layers - 1, row: 0 }
                };
                (next, k * cost)
            }
            Stage::Weights { l, row } => {
                let (n, cost) = (self.units(l), self.inputs(l) * m);
                let k = k(row, n, cost);
                let y = &self.data.y;
                self.original
                    .backward_weights(l, row..row + k, x, y, &self.plus, &mut self.grads);
                let next = if row + k < n {
                    Stage::Weights { l, row: row + k }
                } else {
                    Stage::Delta { l, row: 0 }
                };
                (next, k * cost)
            }
            Stage::Delta { l, row } => {
                let (n, cost) = (self.inputs(l), self.units(l) * m);
                let k = k(row, n, cost);
                self.original
                    .backward_delta(l, row..row + k, &self.plus, &mut self.grads);
                let next = if l > 0 && row + k < n {
                    Stage::Delta { l, row: row + k }
                } else if l > 0 {
                    Stage::Weights { l: l - 1, row: 0 }
                } else {
                    Stage::Probe {
                        layer: 0,
                        i: 0,
                        minus: false,
                        l: 0,
                        row: 0,
                    }
                };
                (next, k * cost)
            }
            Stage::Probe {
                layer,
                i,
                minus,
                l,
                row,
            } => {
                let original = parameter(&self.original, layer, i);
                let shift = if minus { -self.epsilon } else { self.epsilon };
                *parameter_mut(&mut self.probe, layer, i) = original + shift;
                let (n, cost) = (self.units(l), self.inputs(l) * m);
                // In its own layer a parameter changes its unit's row alone;
                // the others are the unperturbed ones already there, except
                // at the layer's first parameter (the layer above the last one probed).
                let rows = match (l == layer && i > 0).then(|| self.unit_of(layer, i)) {
                    Some(unit) => unit..unit + 1,
                    None => row..row + k(row, n, cost),
                };
                let pass = if minus { &mut self.minus } else { &mut self.plus };
                self.probe.forward_rows(l, rows.clone(), x, pass);
                let next = if rows.end < n && !(l == layer && i > 0) {
                    Stage::Probe {
                        layer,
                        i,
                        minus,
                        l,
                        row: rows.end,
                    }
                } else if l + 1 < layers {
                    Stage::Probe {
                        layer,
                        i,
                        minus,
                        l: l + 1,
                        row: 0,
                    }
                } else if !minus {
                    Stage::Probe {
                        layer,
                        i,
                        minus: true,
                        l: layer,
                        row: 0,
                    }
                } else {
                    *parameter_mut(&mut self.probe, layer, i) = original;
                    Stage::Recorded { layer, i }
                };
                (next, rows.len() * cost)
            }
            Stage::Recorded { layer, i } => {
                self.record(layer, i);
                // Its unit's row back to the unperturbed one in both passes.
                let unit = self.unit_of(layer, i);
                let x = self.data.x.view();
                for pass in [&mut self.plus, &mut self.minus] {
                    self.original.forward_rows(layer, unit..unit + 1, x, pass);
                }
                (self.next_parameter(layer, i), 2 * self.inputs(layer) * m)
            }
            Stage::Done => (Stage::Done, 0),
        };
        if matches!((self.stage, next), (Stage::Delta { l: 0, .. }, Stage::Probe { .. })) {
            self.plant_bug();
        }
        self.stage = next;
        cost.max(1)
    }

    /// The unit (row of Z) that parameter `i` of `layer` feeds.
    fn unit_of(&self, layer: usize, i: usize) -> usize {
        let l = &self.original.layers[layer];
        if i < l.w.len() {
            i / l.inputs()
        } else {
            i - l.w.len()
        }
    }

    fn units(&self, l: usize) -> usize {
        self.original.layers[l].outputs()
    }

    fn inputs(&self, l: usize) -> usize {
        self.original.layers[l].inputs()
    }

    /// dW2 = (1/m)·dZ2·A1ᵀ·2 and db1 = (4/m)·Σ dZ1, the exercise's two bugs.
    fn plant_bug(&mut self) {
        if self.bug {
            self.grads.dw[bug_weight_layer(&self.original)].mapv_inplace(|g| g * 2.0);
            self.grads.db[0].mapv_inplace(|g| g * 4.0);
        }
    }

    /// The row of parameter `i` of `layer`, from its two passes.
    fn record(&mut self, layer: usize, i: usize) {
        let l = &self.original.layers[layer];
        let n = l.w.len();
        let (backprop, row, col) = if i < n {
            let cols = l.inputs();
            (self.grads.dw[layer].as_slice().unwrap()[i], i / cols, Some(i % cols))
        } else {
            (self.grads.db[layer][i - n], i - n, None)
        };
        let j_plus_minus_j_minus = loss_difference(self.plus.output_logits(), self.minus.output_logits(), &self.data.y);
        self.rows.push(CheckRow {
            layer,
            row,
            col,
            backprop,
            approx: j_plus_minus_j_minus / (2.0 * self.epsilon),
        });
    }

    /// The first pass of the parameter after `i` of `layer`.
    fn next_parameter(&self, layer: usize, i: usize) -> Stage {
        let l = &self.original.layers[layer];
        if i + 1 < l.w.len() + l.b.len() {
            Stage::Probe {
                layer,
                i: i + 1,
                minus: false,
                l: layer,
                row: 0,
            }
        } else if layer + 1 < self.original.layers.len() {
            Stage::Probe {
                layer: layer + 1,
                i: 0,
                minus: false,
                l: layer + 1,
                row: 0,
            }
        } else {
            Stage::Done
        }
    }
}

/// The course's ‖grad − approx‖ / (‖grad‖ + ‖approx‖) over all parameters.
pub fn relative_error(network: &Network, data: &Dataset, epsilon: f64) -> f64 {
    check(network, data, epsilon, false).difference
}

/// J(θ⁺) − J(θ⁻) from the logits p = z(θ⁺), q = z(θ⁻): the mean over the
/// examples of L(p) − L(q) = softplus(p) − softplus(q) − y·(p − q), with
/// softplus(p) − softplus(q) = log1p(σ(q)·expm1(p − q)) — exact in real
/// arithmetic, and without cancellation when p and q are close.
fn loss_difference(plus: &[f64], minus: &[f64], y: &[f64]) -> f64 {
    let sum: f64 = plus
        .iter()
        .zip(minus)
        .zip(y)
        .map(|((&p, &q), &y)| {
            let d = p - q;
            libm::log1p(sigmoid(q) * libm::expm1(d)) - y * d
        })
        .sum();
    sum / y.len() as f64
}

fn difference(rows: &[CheckRow]) -> f64 {
    let (mut diff, mut norm_grad, mut norm_approx) = (0.0, 0.0, 0.0);
    for r in rows {
        diff += (r.backprop - r.approx) * (r.backprop - r.approx);
        norm_grad += r.backprop * r.backprop;
        norm_approx += r.approx * r.approx;
    }
    libm::sqrt(diff) / (libm::sqrt(norm_grad) + libm::sqrt(norm_approx))
}

/// Parameter i of layer l, counting W row by row, then b.
fn parameter(network: &Network, l: usize, i: usize) -> f64 {
    let layer = &network.layers[l];
    let n = layer.w.len();
    if i < n {
        layer.w.as_slice().unwrap()[i]
    } else {
        layer.b[i - n]
    }
}

fn parameter_mut(network: &mut Network, l: usize, i: usize) -> &mut f64 {
    let layer = &mut network.layers[l];
    let n = layer.w.len();
    if i < n {
        &mut layer.w.as_slice_mut().unwrap()[i]
    } else {
        &mut layer.b[i - n]
    }
}

#[cfg(test)]
mod tests;
