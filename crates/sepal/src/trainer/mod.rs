//! A training run: the data, the network, the update rule (gradient descent
//! by default, or momentum, RMSprop, Adam; full batches or the notebook's
//! mini-batches, with an optional learning-rate decay), and the state the
//! page shows (iteration, epoch, cost, accuracy, divergence, the cost
//! curve). Everything a step needs is allocated when the run is built.
//!
//! One iteration is one update. With full batches an epoch is an iteration
//! and the gradient comes from the kept forward pass of the current
//! parameters (the first part's loop, to the bit); with mini-batches each
//! update runs its batch's own forward pass, whose summed loss adds up to
//! the notebook's printed epoch cost. Either way `cost` is J of the current
//! parameters on the whole training set.
//!
//! Beside the training cost curve the run keeps, at the same iterations, the
//! training accuracy and — when points are held out — the test cost and test
//! accuracy: the two curves of the course's bias/variance lesson. The test
//! set's forward pass runs only at the iterations the curve keeps (every
//! iteration at first — every 4th with dropout, see
//! [`DROPOUT_FIRST_STRIDE`] —, ever fewer as the run grows), never per step.

use crate::dataset::Dataset;
use crate::features::Features;
use crate::history::CostHistory;
use crate::minibatch::{Batch, MiniBatches};
use crate::network::{accuracy, cross_entropy, ForwardPass, Gradients, Network, NetworkDraw};
use crate::optimizer::{Optimizer, Schedule};
use crate::regularization::Regularization;
use crate::settings::Settings;

mod build;
mod changes;
mod evaluation;
mod gradients;
mod parts;
mod readers;
mod restart;
mod stepping;

use gradients::GradientsPart;
pub use parts::{Advance, IterationStep, PART_WORK};
use parts::{AfterPass, Phase};

/// Points kept for the cost curve, however long the run.
pub const HISTORY_POINTS: usize = 1024;

/// With dropout and full batches the curves keep every 4th iteration from
/// the start (not every one): each kept point's training accuracy needs a
/// plain forward pass besides the dropped-out one J comes from (from layer
/// 2: the two share layer 1), and kept at every 4th iteration it costs a
/// quarter of one per iteration, not a whole one. Rarer would save at most
/// ~1.2 µs of a ~31 µs step at the Regularization notebook's size, for
/// coarser curves where they part (bench/README.md, "L2 and dropout").
/// All four curves keep the same iterations.
pub const DROPOUT_FIRST_STRIDE: u64 = 4;

/// The cost may rise to this many times its starting value before the run
/// counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 10.0;

/// [`Trainer::restore`] was given a network of another shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeMismatch;

/// Why training stopped on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Divergence {
    NonFiniteCost,
    NonFiniteParameter,
    CostExploded,
}

pub struct Trainer {
    /// Where the iteration under way has got to.
    phase: Phase,
    network: Network,
    initial: Network,
    /// The network's inputs (the features of the points, #17) and labels.
    train: Dataset,
    test: Dataset,
    /// The points themselves when the inputs are features of them (`None`:
    /// the inputs are the points, `x1,x2`).
    points: Option<(Dataset, Dataset)>,
    features: Features,
    /// α₀: the learning rate before any decay.
    learning_rate: f64,
    optimizer: Optimizer,
    schedule: Schedule,
    /// The batch size asked for (`None`: full batches); the batches use at
    /// most the number of training points.
    batch_size: Option<usize>,
    batches: Option<MiniBatches>,
    /// Complete epochs (= iteration with full batches).
    epoch: u64,
    /// The summed loss of this epoch's batches so far.
    epoch_loss: f64,
    /// The notebook's printed cost of the last complete epoch: its batches'
    /// summed losses ÷ m (NaN before the first epoch ends).
    epoch_cost: f64,
    pass: ForwardPass,
    test_pass: ForwardPass,
    grads: Gradients,
    /// L2, L1 and dropout: what a step adds to the plain cost and gradients.
    regularization: Regularization,
    /// With dropout, whether `pass` lags behind the parameters: a step's J
    /// comes from the dropped-out pass, so the plain one (accuracy) is
    /// computed only when read ([`Self::refresh_plain_pass`]).
    plain_pass_stale: bool,
    iteration: u64,
    cost: f64,
    initial_cost: f64,
    divergence: Option<Divergence>,
    history: CostHistory,
    /// At the iterations `history` keeps: test cost, training and test
    /// accuracy (NaN for the test ones when nothing is held out).
    test_costs: CostHistory,
    train_accuracies: CostHistory,
    test_accuracies: CostHistory,
    /// (accuracy, cost) on the held-out points for the current parameters,
    /// once computed.
    test_metrics: Option<(f64, f64)>,
    /// #15: how far `grads` holds the current parameters' batch gradients
    /// (computed in parts, `gradients.rs`).
    gradients_part: GradientsPart,
}

#[cfg(test)]
mod tests;
