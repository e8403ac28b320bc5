//! A fully connected network as the course builds it: layers l = 1 … L with
//! Z[l] = W[l]·A[l−1] + b[l], A[l] = g[l](Z[l]), a sigmoid output, and the
//! vectorised backward pass of the course's derivation.
//!
//! Logistic regression is the network with no hidden layer, the course's
//! shallow network has one, a deep network has several: one code path.
//!
//! The loops of `forward`, `backward` and `descend` are the course's
//! equations, one call each, quoted in the comment above it. The comments
//! number layers as the course does; in the code, `layers[l]` (and Z, A,
//! dZ, dW, db at index l) is the course's layer l + 1, and A[0] = X.
//!
//! Beside it: `workspaces.rs` (the passes' preallocated Z, A, dZ, dW, db),
//! `dropout.rs` (inverted dropout's masks and steps), `draw.rs` (the initial
//! weights a layer at a time).

use alloc::vec::Vec;
use core::ops::Range;
use ndarray::{Array1, Array2, ArrayView2};

use crate::activation::Activation;
use crate::fastmath;
use crate::linalg;

mod draw;
mod dropout;
mod workspaces;

pub use draw::NetworkDraw;
pub use workspaces::{ForwardPass, Gradients};

use dropout::{blocks, layer_input};

/// How the weights start; biases always start at zero, as in the course.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    Zeros,
    /// randn · 0.01, the course's `initialize_parameters`.
    Small,
    /// randn / √n_in: the Regularization notebook's `initialize_parameters`
    /// (a division, to its bits, not a product with √(1/n_in)).
    Xavier,
    /// randn · √(2/n_in), the Initialization notebook's He weights.
    He,
    /// randn · 10, the Initialization notebook's "random" (too large: the
    /// output saturates and the first costs are enormous).
    Large,
}

impl Init {
    pub const ALL: [Init; 5] = [Self::Zeros, Self::Small, Self::Xavier, Self::He, Self::Large];

    pub fn name(self) -> &'static str {
        match self {
            Self::Zeros => "zeros",
            Self::Small => "small",
            Self::Xavier => "xavier",
            Self::He => "he",
            Self::Large => "large",
        }
    }

    /// One weight from one standard normal draw, as the notebooks write it.
    fn weight(self, randn: f64, n_in: usize) -> f64 {
        match self {
            Self::Zeros => 0.0,
            Self::Small => randn * 0.01,
            Self::Xavier => randn / libm::sqrt(n_in as f64),
            Self::He => randn * libm::sqrt(2.0 / n_in as f64),
            Self::Large => randn * 10.0,
        }
    }
}

/// One layer's parameters: W is n_out×n_in, b has n_out entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
    pub activation: Activation,
}

impl Layer {
    pub fn inputs(&self) -> usize {
        self.w.ncols()
    }

    pub fn outputs(&self) -> usize {
        self.w.nrows()
    }

    fn w(&self) -> &[f64] {
        self.w.as_slice().expect("weights are stored contiguously")
    }

    fn b(&self) -> &[f64] {
        self.b.as_slice().expect("biases are stored contiguously")
    }
}

/// The layers 1 … L; the last one has one sigmoid unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub layers: Vec<Layer>,
}

impl Network {
    /// `initialize_parameters`: for each layer in order, W = randn(n_out, n_in)
    /// filled row by row and scaled, b = 0. With sizes [2, 4, 1], `Small`
    /// and seed 3 these are the course's initial weights.
    pub fn new(sizes: &[usize], hidden: Activation, init: Init, seed: u32) -> Self {
        NetworkDraw::new(sizes, hidden, init, seed).finish()
    }

    /// Input, hidden and output sizes: [n_x, n_1, …, n_L].
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = Vec::with_capacity(self.layers.len() + 1);
        sizes.push(self.layers[0].inputs());
        sizes.extend(self.layers.iter().map(Layer::outputs));
        sizes
    }

    pub fn parameter_count(&self) -> usize {
        self.layers.iter().map(|l| l.w.len() + l.b.len()).sum()
    }

    /// Copies the parameters of a network of the same shape, in place.
    pub fn copy_parameters_from(&mut self, other: &Network) {
        assert!(self.has_shape_of(other), "networks of different shapes");
        for (mine, theirs) in self.layers.iter_mut().zip(&other.layers) {
            mine.w.assign(&theirs.w);
            mine.b.assign(&theirs.b);
        }
    }

    /// Whether `other` has the same layers, W and b of the same sizes.
    pub fn has_shape_of(&self, other: &Network) -> bool {
        self.layers.len() == other.layers.len()
            && self
                .layers
                .iter()
                .zip(&other.layers)
                .all(|(a, b)| a.w.dim() == b.w.dim() && a.b.len() == b.b.len())
    }

    pub fn is_finite(&self) -> bool {
        self.layers
            .iter()
            .all(|l| l.w.iter().chain(l.b.iter()).all(|v| v.is_finite()))
    }

    /// The forward pass over the columns of `x` (n_x × cols), keeping every
    /// Z[l] and A[l] in `pass` for the backward pass (A[0] = X). A pass made
    /// by [`ForwardPass::with_dropout`] also drops the hidden units its
    /// masks say, and the next layer reads what is left.
    pub fn forward(&self, x: ArrayView2<f64>, pass: &mut ForwardPass) {
        for (l, layer) in self.layers.iter().enumerate() {
            self.forward_rows(l, 0..layer.outputs(), x, pass);
        }
    }

    /// Rows `rows` (units) of layer `l` of [`Self::forward`] (0-based),
    /// from the layers below it already in `pass`: each unit's row is
    /// computed on its own, so a pass run a few rows at a time, in order,
    /// is the whole pass to the bit (the trainer spreads a large network's
    /// passes over frames). Dropout, elementwise, comes with each row.
    pub fn forward_rows(&self, l: usize, rows: Range<usize>, x: ArrayView2<f64>, pass: &mut ForwardPass) {
        if l + 1 < self.layers.len() && pass.dropout.is_some() {
            for block in blocks(rows, pass.cols) {
                self.forward_block(l, block, x, None, pass);
            }
        } else {
            self.forward_block(l, rows, x, None, pass);
        }
    }

    /// #17: rows `rows` of layer `l` ≥ 1 of a plain pass (no dropout) over
    /// `x` whose Z[1] and A[1] are `first`'s: a pass of the same parameters
    /// over the same `x` — with dropout, the dropped-out one, whose masks
    /// start above A[1] (the input is never dropped), so its Z[1] and A[1]
    /// are the plain pass's, the same computation. `pass`'s own Z[1] and
    /// A[1] are neither computed nor read (nor allocated, when unallocated);
    /// the output and every layer above the first are the plain pass's to
    /// the bit, a layer cheaper.
    pub fn forward_rows_above_first(
        &self,
        l: usize,
        rows: Range<usize>,
        x: ArrayView2<f64>,
        first: &ForwardPass,
        pass: &mut ForwardPass,
    ) {
        assert!(
            l >= 1 && pass.dropout.is_none(),
            "a plain pass's layers above the first"
        );
        assert_eq!(first.cols, pass.cols, "the same columns");
        self.forward_block(l, rows, x, Some(first), pass);
    }

    /// [`Self::forward_rows_above_first`] for every row of layers 2 … L.
    pub fn forward_above_first(&self, x: ArrayView2<f64>, first: &ForwardPass, pass: &mut ForwardPass) {
        for (l, layer) in self.layers.iter().enumerate().skip(1) {
            self.forward_rows_above_first(l, 0..layer.outputs(), x, first, pass);
        }
    }

    /// [`Self::forward_rows`] in one go (layer 1's A from `first` when given).
    fn forward_block(
        &self,
        l: usize,
        rows: Range<usize>,
        x: ArrayView2<f64>,
        first: Option<&ForwardPass>,
        pass: &mut ForwardPass,
    ) {
        let cols = pass.cols;
        assert_eq!(x.dim(), (self.layers[0].inputs(), cols), "input shape");
        let x = x.as_slice().expect("inputs are stored contiguously");
        let last = self.layers.len() - 1;
        let layer = &self.layers[l];
        let n_in = layer.inputs();
        // The pass's first computed layer: its output is not valid until the last.
        if l == first.is_some() as usize && rows.start == 0 {
            pass.output_parts_valid = false;
        }
        while pass.allocate_layer(l, layer.outputs()) {}
        let (below, rest) = pass.a.split_at_mut(l);
        let a_prev = match (l, first) {
            (0, _) => x,
            (1, Some(first)) => slice(&first.a[0]),
            _ => layer_input(&below[l - 1], &pass.dropout, l - 1),
        };
        let cells = rows.start * cols..rows.end * cols;
        let z = &mut slice_mut(&mut pass.z[l])[cells.clone()];
        let a = &mut slice_mut(&mut rest[0])[cells.clone()];
        let (w, b) = (&layer.w()[rows.start * n_in..rows.end * n_in], &layer.b()[rows.clone()]);
        // Z[l] = W[l]·A[l−1] + b[l]
        linalg::matmul_add_bias(w, a_prev, b, z, cols);
        // A[l] = g[l](Z[l])
        if l == last && layer.activation == Activation::Sigmoid && layer.outputs() == 1 {
            // σ, keeping e^−|z|'s pieces for the cost (`ForwardPass::cross_entropy`).
            pass.output_parts.sigmoid(z, a);
            pass.output_parts_valid = true;
        } else if let (true, Activation::Relu, Some(dropout)) = (l < last, layer.activation, &mut pass.dropout) {
            // A = ReLU(Z) and the drop in one loop (#17).
            dropout.relu_and_drop_units(l, cells, z, a);
        } else {
            layer.activation.apply(z, a);
            if let (true, Some(dropout)) = (l < last, &mut pass.dropout) {
                dropout.drop_units(l, cells, a);
            }
        }
    }

    /// The course's backward pass for a sigmoid output and cross-entropy,
    /// from the forward pass of the same parameters over the same `x` (with
    /// its dropout masks, if it has them).
    pub fn backward(&self, x: ArrayView2<f64>, y: &[f64], pass: &ForwardPass, grads: &mut Gradients) {
        for (l, layer) in self.layers.iter().enumerate().rev() {
            self.backward_weights(l, 0..layer.outputs(), x, y, pass, grads);
            self.backward_delta(l, 0..layer.inputs(), pass, grads);
        }
    }

    /// Rows `rows` of dW[l] and db[l] of [`Self::backward`] (dZ[L] first,
    /// for the output layer), from dZ[l] already in `grads`; each row on
    /// its own, as in the whole pass.
    pub fn backward_weights(
        &self,
        l: usize,
        rows: Range<usize>,
        x: ArrayView2<f64>,
        y: &[f64],
        pass: &ForwardPass,
        grads: &mut Gradients,
    ) {
        let m = pass.cols;
        let one_over_m = 1.0 / m as f64;
        let x = x.as_slice().expect("inputs are stored contiguously");
        let last = self.layers.len() - 1;
        if l == last && rows.start == 0 {
            grads.allocate_dz(last, m);
            // dZ[L] = A[L] − Y
            linalg::subtract(slice(&pass.a[last]), y, slice_mut(&mut grads.dz[last]));
        }
        let a_prev = if l == 0 {
            x
        } else {
            layer_input(&pass.a[l - 1], &pass.dropout, l - 1)
        };
        let n_in = self.layers[l].inputs();
        let dz = &slice(&grads.dz[l])[rows.start * m..rows.end * m];
        let dw = &mut slice_mut(&mut grads.dw[l])[rows.start * n_in..rows.end * n_in];
        let db = &mut slice1_mut(&mut grads.db[l])[rows];
        // dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ, db[l] = (1/m)·Σ dZ[l] (over the examples)
        linalg::scaled_matmul_transpose_and_row_sums(one_over_m, dz, a_prev, dw, db, m);
    }

    /// Rows `rows` of dZ[l−1] of [`Self::backward`], from dZ[l] (nothing
    /// for the first layer); dropout's mask and g′, elementwise, come with
    /// each row (without dropout, with the last row, over the whole layer).
    pub fn backward_delta(&self, l: usize, rows: Range<usize>, pass: &ForwardPass, grads: &mut Gradients) {
        if l == 0 {
            return;
        }
        let m = pass.cols;
        let n_in = self.layers[l].inputs();
        grads.allocate_dz(l - 1, m);
        let (below, rest) = grads.dz.split_at_mut(l);
        let (dz, dz_prev) = (slice(&rest[0]), slice_mut(&mut below[l - 1]));
        let (z_prev, g_prev) = (slice(&pass.z[l - 1]), slice(&pass.a[l - 1]));
        let activation = self.layers[l - 1].activation;
        // dZ[l−1] = W[l]ᵀ·dZ[l] ⊙ g′[l−1](Z[l−1])
        let w = self.layers[l].w();
        if let Some(dropout) = &pass.dropout {
            for block in blocks(rows, m) {
                let cells = block.start * m..block.end * m;
                let part = &mut dz_prev[cells.clone()];
                linalg::transpose_matmul_rows(w, dz, part, m, n_in, block.start);
                match activation.step_below() {
                    // The mask and a ReLU's g′ in one loop (#17).
                    Some(below) => dropout.mask_gradient_and_step(l - 1, cells.clone(), part, &z_prev[cells], below),
                    None => {
                        dropout.mask_gradient(l - 1, cells.clone(), part);
                        activation.times_derivative(&z_prev[cells.clone()], &g_prev[cells], part);
                    }
                }
            }
            return;
        }
        if rows.len() == n_in {
            linalg::transpose_matmul(w, dz, dz_prev, m);
        } else {
            let part = &mut dz_prev[rows.start * m..rows.end * m];
            linalg::transpose_matmul_rows(w, dz, part, m, n_in, rows.start);
            if rows.end < n_in {
                return;
            }
        }
        activation.times_derivative(z_prev, g_prev, dz_prev);
    }

    /// One gradient-descent update of every layer.
    pub fn descend(&mut self, grads: &Gradients, learning_rate: f64) {
        for (l, layer) in self.layers.iter_mut().enumerate() {
            // W[l] = W[l] − α·dW[l]
            linalg::sub_scaled(slice_mut(&mut layer.w), learning_rate, slice(&grads.dw[l]));
            // b[l] = b[l] − α·db[l]
            linalg::sub_scaled(slice1_mut(&mut layer.b), learning_rate, slice1(&grads.db[l]));
        }
    }

    /// The probability of class 1 at one point (a single-column forward
    /// pass without a workspace, for tests and tooltips).
    pub fn predict_point(&self, x1: f64, x2: f64) -> f64 {
        let mut input = [0.0; MAX_POINT_WIDTH];
        let mut output = [0.0; MAX_POINT_WIDTH];
        input[0] = x1;
        input[1] = x2;
        let mut width = 2;
        for layer in &self.layers {
            let n_out = layer.outputs();
            assert!(n_out <= MAX_POINT_WIDTH, "layer too wide for predict_point");
            let z = &mut output[..n_out];
            linalg::matmul_add_bias(layer.w(), &input[..width], layer.b(), z, 1);
            let mut a = [0.0; MAX_POINT_WIDTH];
            layer.activation.apply(z, &mut a[..n_out]);
            input[..n_out].copy_from_slice(&a[..n_out]);
            width = n_out;
        }
        input[0]
    }
}

const MAX_POINT_WIDTH: usize = 256;

/// The mean cross-entropy −(1/m) Σ [y log a + (1 − y) log(1 − a)], computed
/// from the logits z (a = σ(z)) as max(z, 0) − z·y + log(1 + e^−|z|), which
/// equals it exactly in real arithmetic and never takes log(0); summed in
/// `linalg`'s lane order.
pub fn cross_entropy(logits: &[f64], y: &[f64]) -> f64 {
    let sum = fastmath::wide(
        #[inline(always)]
        || {
            let constants = fastmath::K::opaque();
            linalg::sum_map(logits, y, |z, y| fastmath::cross_entropy_term_k(z, y, &constants))
        },
    );
    sum / logits.len() as f64
}

/// The share of columns where the prediction (a > 0.5) equals the label.
pub fn accuracy(output: &[f64], y: &[f64]) -> f64 {
    let correct = output.iter().zip(y).filter(|&(&a, &y)| (a > 0.5) == (y > 0.5)).count();
    correct as f64 / output.len() as f64
}

fn slice(a: &Array2<f64>) -> &[f64] {
    a.as_slice().expect("arrays are stored contiguously")
}

fn slice_mut(a: &mut Array2<f64>) -> &mut [f64] {
    a.as_slice_mut().expect("arrays are stored contiguously")
}

fn slice1(a: &Array1<f64>) -> &[f64] {
    a.as_slice().expect("arrays are stored contiguously")
}

fn slice1_mut(a: &mut Array1<f64>) -> &mut [f64] {
    a.as_slice_mut().expect("arrays are stored contiguously")
}

#[cfg(test)]
mod tests;
