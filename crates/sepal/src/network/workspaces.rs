//! The passes' workspaces, allocated once: [`ForwardPass`] (Z[l], A[l],
//! the output's e^−|z| pieces and a training pass's dropout) and
//! [`Gradients`] (dW[l], db[l] and their dZ[l] scratch) — whole at once,
//! or (#15) a layer at a time as the first pass reaches it.

use alloc::vec::Vec;
use ndarray::{Array1, Array2, ArrayView2};

use super::dropout::Dropout;
use super::{cross_entropy, slice, Network};
use crate::fastmath::{self, ExpNegAbsParts};
use crate::linalg;

/// Z[l] and A[l] of every layer for a batch of `cols` columns, allocated once.
#[derive(Clone, Debug)]
pub struct ForwardPass {
    pub(super) cols: usize,
    pub(super) z: Vec<Array2<f64>>,
    pub(super) a: Vec<Array2<f64>>,
    /// For a sigmoid output: e^−|z|'s pieces per column, which the cost
    /// shares with σ.
    pub(super) output_parts: ExpNegAbsParts,
    pub(super) output_parts_valid: bool,
    /// A training pass's dropout (`None`: every unit is kept).
    pub(super) dropout: Option<Dropout>,
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

/// dW[l], db[l], and the dZ[l] scratch they are computed from.
#[derive(Clone, Debug)]
pub struct Gradients {
    pub dw: Vec<Array2<f64>>,
    pub db: Vec<Array1<f64>>,
    pub(super) dz: Vec<Array2<f64>>,
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

    pub(super) fn allocate_dz(&mut self, l: usize, m: usize) {
        if self.dz[l].ncols() != m {
            self.dz[l] = Array2::zeros((self.dz[l].nrows(), m));
        }
    }
}
