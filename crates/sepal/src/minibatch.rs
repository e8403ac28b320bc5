//! Mini-batches the notebook's way (`random_mini_batches`): at the start of
//! each epoch a permutation of the m training examples from numpy's
//! generator, then batches of `size` columns in that order, the last one
//! smaller when `size` does not divide m.
//!
//! The notebook's `model()` sets `seed = 10` and adds 1 before each epoch,
//! so epoch e (counted from 0) shuffles after `np.random.seed(11 + e)`. The
//! seed is derived the same way here, whatever the `seed` setting (which
//! seeds the initial weights only): the batches are the notebook's for
//! every network.
//!
//! Both batch shapes (full and last) get their columns, forward pass and
//! gradients when the run is built, so a step allocates nothing. With
//! dropout each shape's pass has its own masks, of the batch's columns.

use alloc::vec::Vec;
use ndarray::Array2;

use crate::dataset::Dataset;
use crate::network::{ForwardPass, Gradients, Network};
use crate::regularization::Regularization;
use crate::rng::NumpyRng;

/// The numpy seed of epoch 0's permutation: the notebook's 10, plus the 1
/// its loop adds before the first epoch.
pub const FIRST_EPOCH_SEED: u32 = 11;

/// One batch shape's workspace: its columns X, labels Y, forward pass (a
/// training pass: with dropout, with masks for these columns) and
/// gradients.
#[derive(Clone, Debug)]
pub struct Batch {
    pub x: Array2<f64>,
    pub y: Vec<f64>,
    pub pass: ForwardPass,
    pub grads: Gradients,
}

impl Batch {
    fn new(network: &Network, regularization: &Regularization, rows: usize, cols: usize) -> Self {
        Self {
            x: Array2::zeros((rows, cols)),
            y: alloc::vec![0.0; cols],
            pass: regularization.training_pass(network, cols),
            grads: Gradients::new(network, cols),
        }
    }
}

/// The epoch's order and where in it the next batch starts.
#[derive(Clone, Debug)]
pub struct MiniBatches {
    size: usize,
    order: Vec<usize>,
    /// Batches already taken this epoch.
    position: usize,
    /// The permutation of the epoch being trained (the one in `order`).
    epoch: u64,
    full: Batch,
    /// The smaller last batch, when `size` does not divide m.
    last: Option<Batch>,
}

impl MiniBatches {
    /// Batches of `size` (1 ≤ size ≤ m) over `data`'s m > 0 columns,
    /// positioned at the start of epoch 0, their passes `regularization`'s.
    pub fn new(network: &Network, regularization: &Regularization, data: &Dataset, size: usize) -> Self {
        let m = data.len();
        assert!(size >= 1 && size <= m, "a batch size from 1 to m");
        let rows = data.x.nrows();
        let rest = m % size;
        let mut batches = Self {
            size,
            order: alloc::vec![0; m],
            position: 0,
            epoch: 0,
            full: Batch::new(network, regularization, rows, size),
            last: (rest > 0).then(|| Batch::new(network, regularization, rows, rest)),
        };
        batches.seek(0, 0);
        batches
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Updates per epoch: ⌈m/size⌉.
    pub fn per_epoch(&self) -> usize {
        self.order.len().div_ceil(self.size)
    }

    /// Batches already taken in the current epoch.
    pub fn position(&self) -> usize {
        self.position
    }

    /// Goes to batch `position` of epoch `epoch` (as a saved run left it):
    /// that epoch's permutation is drawn again.
    pub fn seek(&mut self, epoch: u64, position: usize) {
        self.epoch = epoch;
        self.position = position.min(self.per_epoch());
        let seed = FIRST_EPOCH_SEED.wrapping_add(epoch as u32);
        NumpyRng::new(seed).permutation(&mut self.order);
    }

    /// The next batch of epoch `epoch` (the run's count of complete epochs),
    /// its columns copied out of `data`; a new epoch's permutation is drawn
    /// when the last one is used up.
    pub fn next(&mut self, data: &Dataset, epoch: u64) -> &mut Batch {
        if self.position >= self.per_epoch() || self.epoch != epoch {
            self.seek(epoch, 0);
        }
        let (start, end) = self.columns(self.position);
        self.position += 1;
        let batch = batch_of(&mut self.full, &mut self.last, end - start < self.size);
        for (col, &k) in self.order[start..end].iter().enumerate() {
            for row in 0..data.x.nrows() {
                batch.x[(row, col)] = data.x[(row, k)];
            }
            batch.y[col] = data.y[k];
        }
        batch
    }

    /// The batch [`Self::next`] last returned (for an update run in parts).
    pub fn current(&mut self) -> &mut Batch {
        let (start, end) = self.columns(self.position.saturating_sub(1));
        batch_of(&mut self.full, &mut self.last, end - start < self.size)
    }

    /// Where batch `position` of the epoch's order starts and ends.
    fn columns(&self, position: usize) -> (usize, usize) {
        let start = position * self.size;
        (start, (start + self.size).min(self.order.len()))
    }

    /// Whether the batch just taken was the epoch's last.
    pub fn epoch_done(&self) -> bool {
        self.position >= self.per_epoch()
    }
}

/// The workspace for a batch: the smaller last one when `short`.
fn batch_of<'a>(full: &'a mut Batch, last: &'a mut Option<Batch>, short: bool) -> &'a mut Batch {
    match last {
        Some(last) if short => last,
        _ => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    #[test]
    fn an_epoch_visits_every_example_once_in_the_seeded_order() {
        let points: Vec<[f64; 3]> = (0..10).map(|k| [k as f64, 0.0, (k % 2) as f64]).collect();
        let data = Dataset::from_points(&points);
        let network = Network::new(&[2, 1], Activation::Tanh, Init::He, 1);
        let plain = Regularization::new(&crate::settings::Settings::default(), &network, 10);
        let mut batches = MiniBatches::new(&network, &plain, &data, 4);
        assert_eq!(batches.per_epoch(), 3);
        let mut seen = Vec::new();
        for _ in 0..3 {
            let batch = batches.next(&data, 0);
            seen.extend(batch.x.row(0).iter().map(|&v| v as usize));
        }
        assert!(batches.epoch_done());
        // The 4 + 4 + 2 columns are np.random.seed(11); permutation(10).
        let mut expected = [0; 10];
        NumpyRng::new(11).permutation(&mut expected);
        assert_eq!(seen, expected);
        // The next call starts epoch 1 with seed 12's order.
        let first = batches.next(&data, 1).x[(0, 0)] as usize;
        NumpyRng::new(12).permutation(&mut expected);
        assert_eq!(first, expected[0]);
    }
}
