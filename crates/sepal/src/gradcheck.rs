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

/// Checks the backward pass of `network` on `data` (see the module).
pub fn check(network: &Network, data: &Dataset, epsilon: f64, bug: bool) -> GradientCheck {
    let m = data.len();
    let mut pass = ForwardPass::new(network, m);
    let mut grads = Gradients::new(network, m);
    network.forward(data.x.view(), &mut pass);
    network.backward(data.x.view(), &data.y, &pass, &mut grads);
    if bug {
        // dW2 = (1/m)·dZ2·A1ᵀ·2 and db1 = (4/m)·Σ dZ1, the exercise's two bugs.
        grads.dw[bug_weight_layer(network)].mapv_inplace(|g| g * 2.0);
        grads.db[0].mapv_inplace(|g| g * 4.0);
    }

    let mut probe = network.clone();
    let mut minus_pass = ForwardPass::new(network, m);
    let mut rows = Vec::with_capacity(network.parameter_count());
    for (l, layer) in network.layers.iter().enumerate() {
        let cols = layer.inputs();
        let analytic = grads.dw[l].iter().chain(grads.db[l].iter());
        let count = layer.w.len() + layer.b.len();
        for (i, &backprop) in (0..count).zip(analytic) {
            let original = parameter(network, l, i);
            *parameter_mut(&mut probe, l, i) = original + epsilon;
            probe.forward(data.x.view(), &mut pass);
            *parameter_mut(&mut probe, l, i) = original - epsilon;
            probe.forward(data.x.view(), &mut minus_pass);
            *parameter_mut(&mut probe, l, i) = original;
            let j_plus_minus_j_minus = loss_difference(pass.output_logits(), minus_pass.output_logits(), &data.y);
            let (row, col) = if i < layer.w.len() {
                (i / cols, Some(i % cols))
            } else {
                (i - layer.w.len(), None)
            };
            rows.push(CheckRow {
                layer: l,
                row,
                col,
                backprop,
                approx: j_plus_minus_j_minus / (2.0 * epsilon),
            });
        }
    }
    GradientCheck {
        difference: difference(&rows),
        rows,
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
