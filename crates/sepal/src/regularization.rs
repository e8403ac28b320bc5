//! Regularisation as the course's "Regularization" notebook writes it, and
//! L1 as TensorFlow Playground offers it: what a training step adds to the
//! plain cost and gradients.
//!
//! - L2 (`l2` = λ): J += λ/(2m)·Σ_l ‖W[l]‖²_F, dW[l] += (λ·W[l])/m.
//! - L1 (`l1` = λ₁): J += λ₁/m·Σ_l Σ|W[l]|, dW[l] += (λ₁·sign(W[l]))/m, with
//!   sign(0) = 0: at a weight of exactly 0 the subgradient taken is 0, so a
//!   weight that is 0 stays 0 unless the data pull it away.
//! - Inverted dropout (`keep-prob` < 1) on every hidden layer: the training
//!   pass keeps a unit where D = rand(n_l, m) < keep_prob and scales what is
//!   kept by 1/keep_prob; the backward pass drops the same units. Masks are
//!   drawn D[1] first, then D[2] …, each row-major over its n_l × m array.
//!   - `dropout-masks=fixed`, the notebook's: numpy's `np.random.rand`
//!     doubles after `np.random.seed(1)`, the same masks at every pass (the
//!     notebook reseeds in each `forward_propagation_with_dropout`, so it
//!     trains with the same masks in all 30,000 iterations). Drawn once.
//!   - `fresh` (the default): new masks at every pass, from SplitMix64
//!     started at seed·2³² + iteration (the pass at the parameters after
//!     `iteration` updates), two units per 64-bit draw (its high 32 bits,
//!     then its low 32 bits; each layer starts on a new draw), a unit kept
//!     where its 32 bits < keep_prob·2³². Not numpy's generator: its 53-bit
//!     doubles cost two Mersenne Twister words per unit, ~18,000 words per
//!     iteration at the notebook's size, several plain iterations' time.
//!     Seeding by the iteration keeps a run reproducible from any iteration
//!     (an imported model goes on as the original would).
//!   - With mini-batches each update's batch drops units: its pass has
//!     masks of its own columns (n_l × the batch's size, the smaller last
//!     batch its own), the fixed ones numpy's `rand` of that shape after
//!     `np.random.seed(1)` (as the notebook's function would draw on that
//!     batch), the fresh ones as above at the update's iteration. J is
//!     then the plain pass's (plus the penalties); the epoch's printed
//!     cost sums the dropped-out batches' losses.
//!
//! The penalties are part of J, as the notebook's
//! `compute_cost_with_regularization` prints it; with dropout and full
//! batches, J is the cost of the dropped-out training pass, as the
//! notebook prints it too.
//! Accuracies, the test cost, the decision map and the derivation are the
//! network without dropout or penalty. With all three off nothing here runs.

use ndarray::{Array2, ArrayView2};

use crate::fresh_masks::draw_fresh_masks;
use crate::network::{ForwardPass, Gradients, Network};
use crate::rng::NumpyRng;
use crate::settings::Settings;

/// The largest λ of `l2` and `l1`.
pub const MAX_LAMBDA: f64 = 1000.0;

/// Where each training pass's dropout masks come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropoutMasks {
    /// New masks every iteration (SplitMix64 from the seed and the iteration).
    Fresh,
    /// The notebook's: the generator seeded with 1 before every pass, so the
    /// same masks in every iteration.
    Fixed,
}

impl DropoutMasks {
    pub const ALL: [DropoutMasks; 2] = [Self::Fresh, Self::Fixed];

    pub fn name(self) -> &'static str {
        match self {
            Self::Fresh => "fresh",
            Self::Fixed => "fixed",
        }
    }
}

/// How a dropped-out pass's workspaces are made: [`ForwardPass::with_dropout`]
/// or [`ForwardPass::unallocated_with_dropout`].
type DropoutPass = fn(&Network, usize, f64) -> ForwardPass;

/// The notebook's `np.random.seed(1)` in `forward_propagation_with_dropout`.
const FIXED_MASK_SEED: u32 = 1;

/// A run's regularisation: the penalties and, with dropout, its own
/// training pass and masks, allocated once.
#[derive(Clone, Debug)]
pub struct Regularization {
    l2: f64,
    l1: f64,
    /// 1 without dropout (also for a network without hidden layers).
    keep_prob: f64,
    masks: DropoutMasks,
    seed: u32,
    /// Whether updates use mini-batches: each batch's own pass then drops
    /// units ([`Self::training_pass`]), and J is the plain pass's.
    mini_batches: bool,
    /// With full batches, the dropped-out forward pass of the whole
    /// training set the next update starts from.
    dropout_pass: Option<ForwardPass>,
}

impl Regularization {
    /// What `settings` ask for, with workspaces for `m` training examples.
    pub fn new(settings: &Settings, network: &Network, m: usize) -> Self {
        Self::with_workspace(settings, network, m, ForwardPass::with_dropout)
    }

    /// #17: [`Self::new`] for a run built in parts: the dropped-out pass's
    /// Z, A and dropped A allocated by its first forward pass, layer by
    /// layer, as the plain pass's ([`ForwardPass::unallocated_with_dropout`]).
    pub fn unallocated(settings: &Settings, network: &Network, m: usize) -> Self {
        Self::with_workspace(settings, network, m, ForwardPass::unallocated_with_dropout)
    }

    fn with_workspace(settings: &Settings, network: &Network, m: usize, dropout: DropoutPass) -> Self {
        let hidden = network.layers.len() > 1;
        let mut regularization = Self {
            l2: settings.l2,
            l1: settings.l1,
            keep_prob: if hidden { settings.keep_prob } else { 1.0 },
            masks: settings.dropout_masks,
            seed: settings.seed,
            mini_batches: settings.batch_size.is_some(),
            dropout_pass: None,
        };
        regularization.resize_with(network, m, dropout);
        regularization
    }

    /// New workspaces for `m` training examples (when the points change).
    pub fn resize(&mut self, network: &Network, m: usize) {
        self.resize_with(network, m, ForwardPass::with_dropout);
    }

    fn resize_with(&mut self, network: &Network, m: usize, dropout: DropoutPass) {
        self.dropout_pass =
            (!self.mini_batches && self.keep_prob < 1.0).then(|| self.training_pass_with(network, m, dropout));
    }

    /// A forward pass over `cols` columns for training updates: with
    /// dropout, with its masks (the fixed ones drawn now, numpy's `rand`
    /// of that shape after `np.random.seed(1)`; fresh ones by
    /// [`Self::draw_masks`] before each pass).
    pub fn training_pass(&self, network: &Network, cols: usize) -> ForwardPass {
        self.training_pass_with(network, cols, ForwardPass::with_dropout)
    }

    fn training_pass_with(&self, network: &Network, cols: usize, dropout: DropoutPass) -> ForwardPass {
        if self.keep_prob == 1.0 {
            return ForwardPass::new(network, cols);
        }
        let mut pass = dropout(network, cols, self.keep_prob);
        if self.masks == DropoutMasks::Fixed {
            draw_numpy_masks(&mut pass, FIXED_MASK_SEED, self.keep_prob);
        }
        pass
    }

    /// The masks of a [`Self::training_pass`] at the parameters after
    /// `iteration` updates: fresh ones drawn, fixed ones kept.
    pub fn draw_masks(&self, pass: &mut ForwardPass, iteration: u64) {
        if self.masks == DropoutMasks::Fresh {
            draw_fresh_masks(pass, self.seed, iteration, self.keep_prob);
        }
    }

    /// Whether J comes from a dropped-out pass of the whole training set
    /// rather than the plain one (dropout with full batches).
    pub fn drops_out(&self) -> bool {
        self.dropout_pass.is_some()
    }

    /// J at `network`'s parameters after `iteration` updates, given its
    /// plain forward pass `plain` over `x`: the cross-entropy (of the
    /// dropped-out pass, which this runs, with dropout and full batches)
    /// plus the penalties.
    pub fn cost(
        &mut self,
        network: &Network,
        x: ArrayView2<f64>,
        y: &[f64],
        plain: &ForwardPass,
        iteration: u64,
    ) -> f64 {
        self.draw_own_masks(iteration);
        if let Some(pass) = self.dropout_pass_mut() {
            network.forward(x, pass);
        }
        self.cost_of_passes(network, y, plain)
    }

    /// With dropout and full batches, draws the fresh masks of the run's own
    /// dropped-out pass after `iteration` updates ([`Self::cost`]'s first
    /// part: the trainer runs the parts apart, to run the dropped-out pass a
    /// layer at a time).
    pub fn draw_own_masks(&mut self, iteration: u64) {
        // Taken out and put back (a move, no copy) to go through the one rule of `draw_masks`.
        if let Some(mut pass) = self.dropout_pass.take() {
            self.draw_masks(&mut pass, iteration);
            self.dropout_pass = Some(pass);
        }
    }

    /// The run's own dropped-out training pass, for a forward pass to fill
    /// after [`Self::draw_own_masks`] (`None` without dropout, or with
    /// mini-batches, whose passes are their own).
    pub fn dropout_pass_mut(&mut self) -> Option<&mut ForwardPass> {
        self.dropout_pass.as_mut()
    }

    /// The run's own dropped-out training pass, as last run (#17: the plain
    /// pass reads its Z[1] and A[1], see [`Network::forward_rows_above_first`]).
    pub fn dropout_pass(&self) -> Option<&ForwardPass> {
        self.dropout_pass.as_ref()
    }

    /// J from the passes already run: the dropped-out one's cross-entropy
    /// with dropout and full batches (else `plain`'s), plus the penalties.
    pub fn cost_of_passes(&self, network: &Network, y: &[f64], plain: &ForwardPass) -> f64 {
        let data_cost = self.update_pass(plain).cross_entropy(y);
        if self.l2 == 0.0 && self.l1 == 0.0 {
            return data_cost;
        }
        data_cost + self.penalty(network, plain.cols())
    }

    /// dW[l], db[l] of J: the backward pass from the pass [`Self::cost`]
    /// last ran (or `plain`, a mini-batch's [`Self::training_pass`] with
    /// its masks), then the penalties' terms — in one go: the reference the
    /// trainer's computation in parts (`trainer/gradients.rs`) is tested
    /// against.
    #[cfg(test)]
    pub fn gradients(
        &self,
        network: &Network,
        x: ArrayView2<f64>,
        y: &[f64],
        plain: &ForwardPass,
        grads: &mut Gradients,
    ) {
        let pass = self.update_pass(plain);
        network.backward(x, y, pass, grads);
        self.add_penalty_gradients(network, pass.cols(), grads);
    }

    /// The pass a full-batch update's backward pass starts from: the
    /// dropped-out one with dropout, else `plain`.
    pub fn update_pass<'a>(&'a self, plain: &'a ForwardPass) -> &'a ForwardPass {
        self.dropout_pass.as_ref().unwrap_or(plain)
    }

    /// The penalties' terms of dW[l], for `m` examples, after the backward
    /// pass (the last part of `Trainer::gradients_advance`).
    pub fn add_penalty_gradients(&self, network: &Network, m: usize, grads: &mut Gradients) {
        if self.l2 == 0.0 && self.l1 == 0.0 {
            return;
        }
        let m = m as f64;
        for (layer, dw) in network.layers.iter().zip(grads.dw.iter_mut()) {
            for (dw, &w) in dw.iter_mut().zip(layer.w.iter()) {
                if self.l2 != 0.0 {
                    // dW[l] += (λ·W[l])/m
                    *dw += self.l2 * w / m;
                }
                if self.l1 != 0.0 {
                    // dW[l] += (λ₁·sign(W[l]))/m, sign(0) = 0
                    *dw += self.l1 * sign(w) / m;
                }
            }
        }
    }

    /// λ/(2m)·Σ‖W‖² + λ₁/m·Σ|W|, each sum over the layers in order, each
    /// layer's over its entries row by row.
    fn penalty(&self, network: &Network, m: usize) -> f64 {
        let m = m as f64;
        let mut penalty = 0.0;
        if self.l2 != 0.0 {
            let squares: f64 = network.layers.iter().map(|l| sum(&l.w, |w| w * w)).sum();
            // (1/m)·(λ/2)·Σ_l ΣW[l]², as `compute_cost_with_regularization`
            penalty += (1.0 / m) * (self.l2 / 2.0) * squares;
        }
        if self.l1 != 0.0 {
            let magnitudes: f64 = network.layers.iter().map(|l| sum(&l.w, libm::fabs)).sum();
            penalty += (1.0 / m) * self.l1 * magnitudes;
        }
        penalty
    }
}

/// Every hidden layer's mask, D = rand(n_l, m) < keep_prob, from numpy's
/// generator seeded with `seed`: D[1] first, each row by row.
fn draw_numpy_masks(pass: &mut ForwardPass, seed: u32, keep_prob: f64) {
    let mut rng = NumpyRng::new(seed);
    for mask in pass.dropout_masks_mut() {
        for d in mask.iter_mut() {
            *d = if rng.next_f64() < keep_prob { 1.0 } else { 0.0 };
        }
    }
}

fn sum(w: &Array2<f64>, term: impl Fn(f64) -> f64) -> f64 {
    w.iter().fold(0.0, |total, &w| total + term(w))
}

/// sign(w), 0 at 0: the subgradient L1 takes there.
fn sign(w: f64) -> f64 {
    if w > 0.0 {
        1.0
    } else if w < 0.0 {
        -1.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    /// dW from [`Regularization::gradients`] is the slope of
    /// [`Regularization::cost`]: with L2, L1 and fixed dropout masks (J is
    /// then one smooth function of the weights away from kinks).
    #[test]
    fn the_gradients_are_the_slope_of_the_cost() {
        let mut settings = Settings::default();
        let pairs = [
            ("l2", "0.7"),
            ("l1", "0.3"),
            ("keep-prob", "0.8"),
            ("dropout-masks", "fixed"),
        ];
        assert_eq!(settings.apply(pairs), []);
        let network = Network::new(&[2, 5, 3, 1], Activation::Tanh, Init::He, 4);
        let m = 30;
        let x = Array2::from_shape_fn((2, m), |(i, k)| libm::sin((k * 3 + i * 7) as f64));
        let y: alloc::vec::Vec<f64> = (0..m).map(|k| (k % 2) as f64).collect();
        let mut regularization = Regularization::new(&settings, &network, m);
        let mut scratch = ForwardPass::new(&network, m);
        let mut cost = |net: &Network| {
            net.forward(x.view(), &mut scratch);
            regularization.cost(net, x.view(), &y, &scratch, 0)
        };
        let j = cost(&network);
        // The gradients read the dropout pass that `cost` runs.
        let (mut at, mut plain) = (
            Regularization::new(&settings, &network, m),
            ForwardPass::new(&network, m),
        );
        network.forward(x.view(), &mut plain);
        at.cost(&network, x.view(), &y, &plain, 0);
        let mut grads = Gradients::new(&network, m);
        at.gradients(&network, x.view(), &y, &plain, &mut grads);
        let eps = 1e-6;
        for l in 0..network.layers.len() {
            for k in 0..network.layers[l].w.len() {
                let mut moved = network.clone();
                *moved.layers[l].w.iter_mut().nth(k).unwrap() += eps;
                let slope = (cost(&moved) - j) / eps;
                let dw = *grads.dw[l].iter().nth(k).unwrap();
                assert!((slope - dw).abs() < 1e-4, "W[{}] entry {k}: {slope} vs {dw}", l + 1);
            }
        }
    }

    #[test]
    fn fixed_masks_are_numpys_rand_after_seed_1() {
        let mut settings = Settings::default();
        assert_eq!(settings.apply([("keep-prob", "0.5"), ("dropout-masks", "fixed")]), []);
        let network = Network::new(&[2, 3, 1], Activation::Relu, Init::He, 3);
        let mut regularization = Regularization::new(&settings, &network, 4);
        let pass = regularization.dropout_pass.as_mut().unwrap();
        // np.random.seed(1); np.random.rand(3, 4) < 0.5, row by row
        // (0.417, 0.720, 0.000114, 0.302, 0.147, 0.0923, 0.186, 0.346, 0.397, 0.539, 0.419, 0.685).
        let expected = [1., 0., 1., 1., 1., 1., 1., 1., 1., 0., 1., 0.];
        assert_eq!(pass.dropout_masks_mut()[0].as_slice().unwrap(), expected);
    }

    /// With mini-batches a batch's fixed masks are numpy's `rand` of the
    /// batch's shape after `seed(1)`, not columns of the whole set's.
    #[test]
    fn a_batchs_fixed_masks_are_numpys_rand_of_its_shape() {
        let mut settings = Settings::default();
        let pairs = [("keep-prob", "0.3"), ("dropout-masks", "fixed"), ("batch-size", "2")];
        assert_eq!(settings.apply(pairs), []);
        let network = Network::new(&[2, 3, 1], Activation::Relu, Init::He, 3);
        let regularization = Regularization::new(&settings, &network, 4);
        assert!(!regularization.drops_out(), "J is the plain pass's");
        let mut pass = regularization.training_pass(&network, 2);
        // np.random.seed(1); np.random.rand(3, 2) < 0.3, row by row
        // (0.417, 0.720, 0.000114, 0.302, 0.147, 0.0923); the first two
        // columns of rand(3, 4) would be 0 0, 1 1, 0 0.
        assert_eq!(
            pass.dropout_masks_mut()[0].as_slice().unwrap(),
            [0., 0., 1., 0., 1., 1.]
        );
    }
}
