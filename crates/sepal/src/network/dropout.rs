//! Inverted dropout inside a training pass: the masks, the dropped
//! activations the next layer reads, and the elementwise steps that the
//! forward and backward passes run on L1-sized blocks of a layer.

use alloc::vec::Vec;
use core::ops::Range;
use ndarray::Array2;

use super::{slice, slice_mut};
use crate::quotient;

/// Inverted dropout of a training pass, as the course's
/// `forward_propagation_with_dropout` writes it.
#[derive(Clone, Debug)]
pub(super) struct Dropout {
    pub(super) keep_prob: f64,
    /// D[l] per hidden layer: 1.0 keeps the unit for that example, 0.0 drops it.
    pub(super) masks: Vec<Array2<f64>>,
    /// A[l]·D[l]/keep_prob per hidden layer: what the next layer reads (A[l]
    /// itself stays in the pass for g′).
    pub(super) dropped: Vec<Array2<f64>>,
}

impl Dropout {
    /// A[l] = A[l]·D[l], A[l] = A[l]/keep_prob, over `cells` of layer l
    /// (`a` holds them).
    pub(super) fn drop_units(&mut self, l: usize, cells: Range<usize>, a: &[f64]) {
        let (out, d) = (
            &mut slice_mut(&mut self.dropped[l])[cells.clone()],
            &slice(&self.masks[l])[cells],
        );
        quotient::mask_and_divide(out, a, d, self.keep_prob);
    }

    /// A[l] = ReLU(Z[l]) into `a`, then [`Self::drop_units`], in one loop
    /// (`z` holds the cells' Z).
    pub(super) fn relu_and_drop_units(&mut self, l: usize, cells: Range<usize>, z: &[f64], a: &mut [f64]) {
        let (out, d) = (
            &mut slice_mut(&mut self.dropped[l])[cells.clone()],
            &slice(&self.masks[l])[cells],
        );
        quotient::relu_mask_and_divide(out, a, z, d, self.keep_prob);
    }

    /// dA[l] = dA[l]·D[l], dA[l] = dA[l]/keep_prob: the same units dropped,
    /// over `cells` of layer l (`da` holds them).
    pub(super) fn mask_gradient(&self, l: usize, cells: Range<usize>, da: &mut [f64]) {
        quotient::mask_and_divide_in_place(da, &slice(&self.masks[l])[cells], self.keep_prob);
    }

    /// [`Self::mask_gradient`], then dZ[l] = dA[l] ⊙ g′(Z[l]) for a g′ that
    /// is 1 where z > 0, else `below` (the ReLUs), in one loop.
    pub(super) fn mask_gradient_and_step(&self, l: usize, cells: Range<usize>, da: &mut [f64], z: &[f64], below: f64) {
        quotient::mask_divide_and_step(da, &slice(&self.masks[l])[cells], self.keep_prob, z, below);
    }
}

/// A dropped-out layer's elementwise steps run on few rows at a time,
/// right after the product that makes them: their arrays (Z, A, D, the
/// dropped A; dA, D, Z) then stay in the L1 cache between the loops.
const DROPOUT_BLOCK_CELLS: usize = 1024;

/// `rows` of `cols` cells each, in blocks of about [`DROPOUT_BLOCK_CELLS`].
pub(super) fn blocks(rows: Range<usize>, cols: usize) -> impl Iterator<Item = Range<usize>> {
    let step = (DROPOUT_BLOCK_CELLS / cols.max(1)).max(1);
    let end = rows.end;
    rows.step_by(step).map(move |start| start..(start + step).min(end))
}

/// What layer l + 1 reads: A[l], or what dropout left of it.
pub(super) fn layer_input<'a>(a: &'a Array2<f64>, dropout: &'a Option<Dropout>, l: usize) -> &'a [f64] {
    match dropout {
        Some(dropout) => slice(&dropout.dropped[l]),
        None => slice(a),
    }
}
