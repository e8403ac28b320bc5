//! A fully connected network as the course builds it: layers l = 1 … L with
//! Z[l] = W[l]·A[l−1] + b[l], A[l] = g[l](Z[l]), a sigmoid output, and the
//! vectorised backward pass of the course's derivation.
//!
//! One file though over 500 lines: forward, backward and the passes' workspaces
//! share the layers' shapes and slicing, and read best beside each other, as
//! the course's equations do.
//!
//! Logistic regression is the network with no hidden layer, the course's
//! shallow network has one, a deep network has several: one code path.
//!
//! The loops of `forward`, `backward` and `descend` are the course's
//! equations, one call each, quoted in the comment above it. The comments
//! number layers as the course does; in the code, `layers[l]` (and Z, A,
//! dZ, dW, db at index l) is the course's layer l + 1, and A[0] = X.

use alloc::vec::Vec;
use core::ops::Range;
use ndarray::{Array1, Array2, ArrayView2};

use crate::activation::Activation;
use crate::fastmath::{self, ExpNegAbsParts};
use crate::linalg;
use crate::quotient;
use crate::rng::NumpyRng;

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

/// #15: [`Network::new`] a layer at a time, for a page that spreads a large
/// network's initial weights over tasks: the same draws in the same order.
pub struct NetworkDraw {
    sizes: Vec<usize>,
    hidden: Activation,
    init: Init,
    rng: NumpyRng,
    layers: Vec<Layer>,
}

impl NetworkDraw {
    pub fn new(sizes: &[usize], hidden: Activation, init: Init, seed: u32) -> Self {
        assert!(sizes.len() >= 2, "a network needs an input and an output size");
        Self {
            sizes: sizes.to_vec(),
            hidden,
            init,
            rng: NumpyRng::new(seed),
            layers: Vec::with_capacity(sizes.len() - 1),
        }
    }

    /// The next layer's weights; whether every layer's are drawn.
    pub fn layer(&mut self) -> bool {
        let l = self.layers.len();
        let count = self.sizes.len() - 1;
        if l < count {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let mut w = Array2::zeros((n_out, n_in));
            if self.init != Init::Zeros {
                for v in w.iter_mut() {
                    *v = self.init.weight(self.rng.randn(), n_in);
                }
            }
            let activation = if l + 1 == count {
                Activation::Sigmoid
            } else {
                self.hidden
            };
            self.layers.push(Layer {
                w,
                b: Array1::zeros(n_out),
                activation,
            });
        }
        self.layers.len() == count
    }

    /// The network (the layers left are drawn first).
    pub fn finish(mut self) -> Network {
        while !self.layer() {}
        Network { layers: self.layers }
    }
}

/// Z[l] and A[l] of every layer for a batch of `cols` columns, allocated once.
#[derive(Clone, Debug)]
pub struct ForwardPass {
    cols: usize,
    z: Vec<Array2<f64>>,
    a: Vec<Array2<f64>>,
    /// For a sigmoid output: e^−|z|'s pieces per column, which the cost
    /// shares with σ.
    output_parts: ExpNegAbsParts,
    output_parts_valid: bool,
    /// A training pass's dropout (`None`: every unit is kept).
    dropout: Option<Dropout>,
}

impl ForwardPass {
    pub fn new(network: &Network, cols: usize) -> Self {
        Self::with_matrices(network, cols, |rows| Array2::zeros((rows, cols)))
    }

    /// A pass whose Z[l] and A[l] are `matrix(n_l)`.
    fn with_matrices(network: &Network, cols: usize, matrix: impl Fn(usize) -> Array2<f64>) -> Self {
        let shapes = || network.layers.iter().map(|l| matrix(l.outputs()));
        Self {
            cols,
            z: shapes().collect(),
            a: shapes().collect(),
            output_parts: ExpNegAbsParts::new(cols),
            output_parts_valid: false,
            dropout: None,
        }
    }

    /// A training pass with inverted dropout on every hidden layer: each
    /// forward pass keeps the units its masks (see [`Self::dropout_masks_mut`])
    /// say, scaled by 1/`keep_prob`.
    pub fn with_dropout(network: &Network, cols: usize, keep_prob: f64) -> Self {
        Self::with_dropout_matrices(network, cols, keep_prob, |rows| Array2::zeros((rows, cols)))
    }

    /// A pass with dropout whose Z[l], A[l] and dropped A[l] are `matrix(n_l)`
    /// (the masks are allocated: they are drawn before a pass).
    fn with_dropout_matrices(
        network: &Network,
        cols: usize,
        keep_prob: f64,
        matrix: impl Fn(usize) -> Array2<f64>,
    ) -> Self {
        let hidden = &network.layers[..network.layers.len() - 1];
        let shapes = |matrix: &dyn Fn(usize) -> Array2<f64>| hidden.iter().map(|l| matrix(l.outputs())).collect();
        Self {
            dropout: Some(Dropout {
                keep_prob,
                masks: shapes(&|rows| Array2::zeros((rows, cols))),
                dropped: shapes(&matrix),
            }),
            ..Self::with_matrices(network, cols, matrix)
        }
    }

    /// D[l] of every hidden layer (n_l × cols, 1 keeps a unit, 0 drops it),
    /// for the next forward pass to use; empty without dropout.
    pub fn dropout_masks_mut(&mut self) -> &mut [Array2<f64>] {
        match &mut self.dropout {
            Some(dropout) => &mut dropout.masks,
            None => &mut [],
        }
    }

    /// The mean cross-entropy of the output against labels `y`: the same
    /// value as `cross_entropy(self.output_logits(), y)`, to the bit, but
    /// reusing e^−|z| from the forward pass's σ.
    pub fn cross_entropy(&self, y: &[f64]) -> f64 {
        let logits = self.output_logits();
        if !self.output_parts_valid {
            return cross_entropy(logits, y);
        }
        let m = logits.len().min(y.len());
        let sum = fastmath::wide(
            #[inline(always)]
            || {
                let k = fastmath::K::opaque();
                linalg::sum_filled(
                    m,
                    #[inline(always)]
                    |start, terms| self.output_parts.cross_entropy_terms(logits, y, start, terms, &k),
                )
            },
        );
        sum / logits.len() as f64
    }

    pub fn cols(&self) -> usize {
        self.cols
    }

    /// Whether this workspace has the layer shapes of `network`.
    pub fn fits(&self, network: &Network) -> bool {
        self.z.len() == network.layers.len()
            && self
                .z
                .iter()
                .zip(&network.layers)
                .all(|(z, l)| z.nrows() == l.outputs())
    }

    /// Z[L], the output layer's pre-activation (1 × cols).
    pub fn output_logits(&self) -> &[f64] {
        slice(self.z.last().expect("at least one layer"))
    }

    /// A[L], the probability of class 1 for each column.
    pub fn output(&self) -> &[f64] {
        slice(self.a.last().expect("at least one layer"))
    }

    /// A[l] for hidden layer l (0-based among all layers).
    pub fn activations(&self, layer: usize) -> ArrayView2<'_, f64> {
        self.a[layer].view()
    }

    /// Z[l] (0-based among all layers), for the derivation of one example.
    pub fn pre_activations(&self, layer: usize) -> ArrayView2<'_, f64> {
        self.z[layer].view()
    }
}

/// Inverted dropout of a training pass, as the course's
/// `forward_propagation_with_dropout` writes it.
#[derive(Clone, Debug)]
struct Dropout {
    keep_prob: f64,
    /// D[l] per hidden layer: 1.0 keeps the unit for that example, 0.0 drops it.
    masks: Vec<Array2<f64>>,
    /// A[l]·D[l]/keep_prob per hidden layer: what the next layer reads (A[l]
    /// itself stays in the pass for g′).
    dropped: Vec<Array2<f64>>,
}

impl Dropout {
    /// A[l] = A[l]·D[l], A[l] = A[l]/keep_prob, over `cells` of layer l
    /// (`a` holds them).
    fn drop_units(&mut self, l: usize, cells: Range<usize>, a: &[f64]) {
        let (out, d) = (
            &mut slice_mut(&mut self.dropped[l])[cells.clone()],
            &slice(&self.masks[l])[cells],
        );
        quotient::mask_and_divide(out, a, d, self.keep_prob);
    }

    /// A[l] = ReLU(Z[l]) into `a`, then [`Self::drop_units`], in one loop
    /// (`z` holds the cells' Z).
    fn relu_and_drop_units(&mut self, l: usize, cells: Range<usize>, z: &[f64], a: &mut [f64]) {
        let (out, d) = (
            &mut slice_mut(&mut self.dropped[l])[cells.clone()],
            &slice(&self.masks[l])[cells],
        );
        quotient::relu_mask_and_divide(out, a, z, d, self.keep_prob);
    }

    /// dA[l] = dA[l]·D[l], dA[l] = dA[l]/keep_prob: the same units dropped,
    /// over `cells` of layer l (`da` holds them).
    fn mask_gradient(&self, l: usize, cells: Range<usize>, da: &mut [f64]) {
        quotient::mask_and_divide_in_place(da, &slice(&self.masks[l])[cells], self.keep_prob);
    }

    /// [`Self::mask_gradient`], then dZ[l] = dA[l] ⊙ g′(Z[l]) for a g′ that
    /// is 1 where z > 0, else `below` (the ReLUs), in one loop.
    fn mask_gradient_and_step(&self, l: usize, cells: Range<usize>, da: &mut [f64], z: &[f64], below: f64) {
        quotient::mask_divide_and_step(da, &slice(&self.masks[l])[cells], self.keep_prob, z, below);
    }
}

/// A dropped-out layer's elementwise steps run on few rows at a time,
/// right after the product that makes them: their arrays (Z, A, D, the
/// dropped A; dA, D, Z) then stay in the L1 cache between the loops.
const DROPOUT_BLOCK_CELLS: usize = 1024;

/// `rows` of `cols` cells each, in blocks of about [`DROPOUT_BLOCK_CELLS`].
fn blocks(rows: Range<usize>, cols: usize) -> impl Iterator<Item = Range<usize>> {
    let step = (DROPOUT_BLOCK_CELLS / cols.max(1)).max(1);
    let end = rows.end;
    rows.step_by(step).map(move |start| start..(start + step).min(end))
}

/// What layer l + 1 reads: A[l], or what dropout left of it.
fn layer_input<'a>(a: &'a Array2<f64>, dropout: &'a Option<Dropout>, l: usize) -> &'a [f64] {
    match dropout {
        Some(dropout) => slice(&dropout.dropped[l]),
        None => slice(a),
    }
}

/// dW[l], db[l], and the dZ[l] scratch they are computed from.
#[derive(Clone, Debug)]
pub struct Gradients {
    pub dw: Vec<Array2<f64>>,
    pub db: Vec<Array1<f64>>,
    dz: Vec<Array2<f64>>,
}

impl Gradients {
    pub fn new(network: &Network, m: usize) -> Self {
        Self {
            dw: network.layers.iter().map(|l| Array2::zeros(l.w.dim())).collect(),
            db: network.layers.iter().map(|l| Array1::zeros(l.b.dim())).collect(),
            dz: network.layers.iter().map(|l| Array2::zeros((l.outputs(), m))).collect(),
        }
    }

    /// dZ[l] (0-based among all layers) of the last backward pass.
    pub fn dz(&self, layer: usize) -> ArrayView2<'_, f64> {
        self.dz[layer].view()
    }
}

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

// #15: workspaces allocated layer by layer
/// A layer's workspace before its first use: no memory (its rows, 0 columns).
fn unallocated(rows: usize) -> Array2<f64> {
    Array2::zeros((rows, 0))
}

impl ForwardPass {
    /// [`Self::new`] with Z[l] and A[l] allocated by the first forward pass
    /// that reaches layer l (at the caps ~100 MB with the gradients: zeroing it
    /// at once is a 0.1–0.25 s task in a page; the first evaluation in parts
    /// spreads it over its parts). Allocated once: passes after the first
    /// allocate nothing.
    pub fn unallocated(network: &Network, cols: usize) -> Self {
        Self::with_matrices(network, cols, unallocated)
    }

    /// #17: [`Self::with_dropout`] with Z[l], A[l] and the dropped A[l]
    /// allocated as [`Self::unallocated`]'s; the masks at once (they are
    /// drawn before the pass: a quarter of its memory).
    pub fn unallocated_with_dropout(network: &Network, cols: usize, keep_prob: f64) -> Self {
        Self::with_dropout_matrices(network, cols, keep_prob, unallocated)
    }

    /// Allocates the first of Z[l], A[l] and the dropped A[l] (`rows` ×
    /// cols) not allocated yet; returns whether there was one (the trainer
    /// makes each a part of its own: zeroing 4 MB of fresh memory is ~10 ms
    /// in a page).
    pub fn allocate_layer(&mut self, l: usize, rows: usize) -> bool {
        let cols = self.cols;
        let dropped = self.dropout.as_mut().and_then(|dropout| dropout.dropped.get_mut(l));
        match [&mut self.z[l], &mut self.a[l]]
            .into_iter()
            .chain(dropped)
            .find(|m| m.ncols() != cols)
        {
            Some(m) => {
                *m = Array2::zeros((rows, cols));
                true
            }
            None => false,
        }
    }
}

impl Gradients {
    /// [`Self::new`] with each dZ[l] allocated by the first backward pass
    /// that writes it (see [`ForwardPass::unallocated`]).
    pub fn unallocated(network: &Network) -> Self {
        Self {
            dz: network.layers.iter().map(|l| unallocated(l.outputs())).collect(),
            ..Self::new(network, 0)
        }
    }

    fn allocate_dz(&mut self, l: usize, m: usize) {
        if self.dz[l].ncols() != m {
            self.dz[l] = Array2::zeros((self.dz[l].nrows(), m));
        }
    }
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
mod tests {
    use super::*;

    #[test]
    fn the_pass_cost_is_the_logits_cost_to_the_bit() {
        for (sizes, m) in [
            (&[2, 4, 1][..], 400),
            (&[2, 1], 7),
            (&[2, 3, 5, 1], 130),
            (&[2, 6, 1], 1),
        ] {
            let net = Network::new(sizes, Activation::Tanh, Init::He, 9);
            let x = Array2::from_shape_fn((2, m), |(i, k)| ((k * 7 + i * 3) % 11) as f64 - 5.0);
            let y: Vec<f64> = (0..m).map(|k| (k % 3 == 0) as u8 as f64).collect();
            let mut pass = ForwardPass::new(&net, m);
            net.forward(x.view(), &mut pass);
            let direct = cross_entropy(pass.output_logits(), &y);
            assert_eq!(pass.cross_entropy(&y).to_bits(), direct.to_bits(), "{sizes:?}, m = {m}");
        }
    }

    /// #17: the plain pass on a dropped-out pass's A[1] (the trainer's,
    /// for the accuracy of a dropout run) is the whole plain pass to the
    /// bit, without its own layer 1.
    #[test]
    fn a_plain_pass_above_a_dropped_out_first_layer_is_the_plain_pass() {
        for (sizes, m) in [(&[2, 20, 3, 1][..], 211), (&[2, 5, 1], 7)] {
            let net = Network::new(sizes, Activation::Relu, Init::He, 3);
            let x = Array2::from_shape_fn((2, m), |(i, k)| libm::sin((k * 5 + i * 3) as f64));
            let y: Vec<f64> = (0..m).map(|k| (k % 2) as f64).collect();
            let mut whole = ForwardPass::new(&net, m);
            net.forward(x.view(), &mut whole);
            let mut dropped = ForwardPass::with_dropout(&net, m, 0.5);
            for mask in dropped.dropout_masks_mut() {
                mask.iter_mut()
                    .enumerate()
                    .for_each(|(k, d)| *d = (k % 3 != 0) as u8 as f64);
            }
            net.forward(x.view(), &mut dropped);
            let mut above = ForwardPass::unallocated(&net, m);
            net.forward_above_first(x.view(), &dropped, &mut above);
            let bits = |a: ArrayView2<f64>| a.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            for l in 1..net.layers.len() {
                assert_eq!(
                    bits(above.pre_activations(l)),
                    bits(whole.pre_activations(l)),
                    "{sizes:?}: Z[{}]",
                    l + 1
                );
                assert_eq!(
                    bits(above.activations(l)),
                    bits(whole.activations(l)),
                    "{sizes:?}: A[{}]",
                    l + 1
                );
            }
            assert_eq!(above.cross_entropy(&y).to_bits(), whole.cross_entropy(&y).to_bits());
            assert_eq!(above.z[0].ncols(), 0, "its own layer 1 is never allocated");
        }
    }
}
