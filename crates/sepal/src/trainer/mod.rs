//! A training run: the data, the network, the update rule (gradient descent
//! by default, or momentum, RMSprop, Adam; full batches or the notebook's
//! mini-batches, with an optional learning-rate decay), and the state the
//! page shows (iteration, epoch, cost, accuracy, divergence, the cost
//! curve). Everything a step needs is allocated when the run is built.
//!
//! One file though over 500 lines: the run's building, the mini-batches'
//! epochs, the curves and the divergence check all move the same run state;
//! the iteration's phases (run whole or in parts) are `parts.rs`, the
//! batch's gradients in parts `gradients.rs`, the tests `tests.rs`.
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

use ndarray::ArrayView2;

use crate::dataset::Dataset;
use crate::features::Features;
use crate::history::CostHistory;
use crate::minibatch::{Batch, MiniBatches};
use crate::network::{accuracy, cross_entropy, ForwardPass, Gradients, Network, NetworkDraw};
use crate::optimizer::{Optimizer, Schedule};
use crate::regularization::Regularization;
use crate::settings::Settings;

mod gradients;
mod parts;

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

impl Trainer {
    /// A run on the dataset the settings describe.
    pub fn new(settings: &Settings) -> Self {
        let (train, test) = crate::dataset::train_and_test(settings);
        Self::with_split(settings, train, test)
    }

    /// A run on given points, split as the settings say.
    pub fn with_data(settings: &Settings, data: &Dataset) -> Self {
        let (train, test) = data.split(settings.test_fraction, settings.dataset_seed);
        Self::with_split(settings, train, test)
    }

    /// A run on points already split into training and held-out ones, used
    /// as they are (an imported model brings its own split). The network is
    /// the one the settings describe, at iteration 0.
    pub fn with_split(settings: &Settings, train: Dataset, test: Dataset) -> Self {
        let mut run = Self::unevaluated(settings, train, test, Self::network_draw(settings).finish(), false);
        run.reset();
        run
    }

    /// [`Self::with_data`] with the first evaluation left to [`Self::advance`]
    /// (see [`Self::reset_in_parts`]).
    pub fn with_data_in_parts(settings: &Settings, data: &Dataset) -> Self {
        let (train, test) = data.split(settings.test_fraction, settings.dataset_seed);
        Self::with_split_in_parts(settings, train, test)
    }

    /// [`Self::with_split`] with the first evaluation left to [`Self::advance`]
    /// (see [`Self::reset_in_parts`]).
    pub fn with_split_in_parts(settings: &Settings, train: Dataset, test: Dataset) -> Self {
        Self::with_network_in_parts(settings, train, test, Self::network_draw(settings).finish())
    }

    /// #15: [`Self::with_split_in_parts`] with the settings' initial network
    /// drawn already ([`Self::network_draw`]: a page draws a large one a
    /// layer a task).
    pub fn with_network_in_parts(settings: &Settings, train: Dataset, test: Dataset, network: Network) -> Self {
        let mut run = Self::unevaluated(settings, train, test, network, true);
        run.reset_in_parts();
        run
    }

    /// The drawing of the settings' initial network, a layer at a time.
    pub fn network_draw(settings: &Settings) -> NetworkDraw {
        NetworkDraw::new(
            &settings.layer_sizes(),
            settings.activation,
            settings.init(),
            settings.seed,
        )
    }

    /// The run's data, `network` and workspaces, before its first
    /// evaluation; `lazy`: the passes' workspaces allocated by the passes,
    /// layer by layer (#15: [`ForwardPass::unallocated`]).
    fn unevaluated(settings: &Settings, train: Dataset, test: Dataset, network: Network, lazy: bool) -> Self {
        let features = settings.features;
        let ((train, test), points) = inputs(features, train, test);
        let regularization = match lazy {
            true => Regularization::unallocated(settings, &network, train.len()),
            false => Regularization::new(settings, &network, train.len()),
        };
        let first_stride = if regularization.drops_out() {
            DROPOUT_FIRST_STRIDE
        } else {
            1
        };
        let history = || CostHistory::with_first_stride(HISTORY_POINTS, first_stride);
        let workspace = match lazy {
            true => ForwardPass::unallocated,
            false => ForwardPass::new,
        };
        Self {
            phase: Phase::Idle,
            optimizer: Optimizer::new(settings.optimizer, settings.hyper(), &network),
            schedule: settings.schedule(),
            batch_size: settings.batch_size,
            batches: mini_batches(settings.batch_size, &network, &regularization, &train),
            epoch: 0,
            epoch_loss: 0.0,
            epoch_cost: f64::NAN,
            pass: workspace(&network, train.len()),
            test_pass: workspace(&network, test.len()),
            grads: match lazy {
                true => Gradients::unallocated(&network),
                false => Gradients::new(&network, train.len()),
            },
            regularization,
            plain_pass_stale: false,
            initial: network.clone(),
            network,
            train,
            test,
            points,
            features,
            learning_rate: settings.learning_rate,
            iteration: 0,
            cost: f64::NAN,
            initial_cost: f64::NAN,
            divergence: None,
            history: history(),
            test_costs: history(),
            train_accuracies: history(),
            test_accuracies: history(),
            test_metrics: None,
            gradients_part: GradientsPart::Start,
        }
    }

    /// Back to iteration 0 with the same data and initial weights.
    pub fn reset(&mut self) {
        self.network.copy_parameters_from(&self.initial);
        self.optimizer.reset();
        self.restart_at(0);
        self.initial_cost = self.cost;
    }

    /// [`Self::reset`] with the first evaluation (the forward passes of the
    /// initial parameters, J, the curves' first point, the test metrics)
    /// left to [`Self::advance`], a bounded part per call, which returns
    /// [`Advance::Evaluated`] when it is done; [`Self::step`] does it whole
    /// first. The same bits as `reset` (#15: a large network's run is built
    /// without blocking a page). Until then the run is at iteration 0 with
    /// its cost, accuracies and curves not known yet (NaN, empty curves).
    pub fn reset_in_parts(&mut self) {
        self.network.copy_parameters_from(&self.initial);
        self.optimizer.reset();
        if self.train.is_empty() {
            self.restart_at(0);
            self.initial_cost = self.cost;
            return;
        }
        self.clear_at(0);
        self.cost = f64::NAN;
        self.initial_cost = f64::NAN;
        self.plain_pass_stale = false;
        self.begin_evaluate();
        self.phase = Phase::InitialForward(0, 0);
    }

    /// Whether the first evaluation of a run reset in parts is still under way.
    pub fn is_evaluating(&self) -> bool {
        matches!(
            self.phase,
            Phase::InitialForward(..) | Phase::InitialCost(..) | Phase::RestoredForward(..)
        ) || self.phase.serves() == Some(AfterPass::FirstEvaluation)
    }

    /// Completes the first evaluation of a run reset in parts, if under way.
    fn finish_evaluation(&mut self) {
        while self.is_evaluating() {
            self.run_phase(false, PART_WORK);
        }
    }

    /// Puts the run where a saved one was in its epochs: `epoch` complete,
    /// `position` batches into the next, `epoch_loss` summed so far, and
    /// the last epoch's cost (after [`Self::restore`], with the optimizer's
    /// state through [`Self::optimizer_mut`]).
    pub fn restore_epochs(&mut self, epoch: u64, position: usize, epoch_loss: f64, epoch_cost: f64) {
        self.epoch = epoch;
        self.epoch_loss = epoch_loss;
        self.epoch_cost = epoch_cost;
        if let Some(batches) = &mut self.batches {
            batches.seek(epoch, position);
        }
    }

    /// Continues from `network`'s parameters as if `iteration` updates had
    /// run: the cost, accuracy and divergence are those of these parameters,
    /// and the curves start at `iteration`. What [`Self::reset`] goes back
    /// to stays the settings' initial weights, and the divergence threshold
    /// stays 10× their cost. Nothing changes when the layer shapes differ
    /// from this run's.
    pub fn restore(&mut self, network: &Network, iteration: u64) -> Result<(), ShapeMismatch> {
        if !self.network.has_shape_of(network) {
            return Err(ShapeMismatch);
        }
        self.network.copy_parameters_from(network);
        self.restart_at(iteration);
        self.check_restored();
        Ok(())
    }

    /// #15: [`Self::with_split`] then [`Self::restore`], on a run built in
    /// parts ([`Self::with_split_in_parts`]; a model file's): the parameters
    /// and iteration are `network`'s and `iteration` at once, and the
    /// evaluation — the initial weights' J, which divergence is measured
    /// against, then these parameters' passes, J and curves' first point —
    /// is the first evaluation [`Self::advance`] does in parts. The same
    /// bits once evaluated; nothing changes when the shapes differ.
    pub fn restore_in_parts(&mut self, network: &Network, iteration: u64) -> Result<(), ShapeMismatch> {
        if !self.network.has_shape_of(network) {
            return Err(ShapeMismatch);
        }
        if self.train.is_empty() {
            self.reset();
            return self.restore(network, iteration);
        }
        self.network.copy_parameters_from(network);
        self.optimizer.reset();
        self.clear_at(iteration);
        self.cost = f64::NAN;
        self.initial_cost = f64::NAN;
        self.plain_pass_stale = false;
        self.test_metrics = None;
        // The initial weights' pass has iteration 0's masks, as `reset`'s.
        self.regularization.draw_own_masks(0);
        self.phase = Phase::InitialCost(0, 0);
        Ok(())
    }

    /// The divergence of restored parameters: not finite, or a cost past
    /// the threshold.
    fn check_restored(&mut self) {
        if !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        } else if !self.train.is_empty() {
            self.check_divergence();
        }
    }

    /// Goes on from the current parameters on other points, already split
    /// (a person added or removed one): the iteration, the curves and what
    /// [`Self::reset`] goes back to stay; the cost and accuracy become those
    /// of the current parameters on the new points, and the divergence
    /// threshold 10× the initial weights' cost on them. The workspaces are
    /// made anew for the new number of points (once per change, not per
    /// step).
    pub fn replace_data(&mut self, train: Dataset, test: Dataset) {
        let ((train, test), points) = inputs(self.features, train, test);
        self.points = points;
        // The epoch goes on with the new points' order, from its first batch.
        self.batches = mini_batches(self.batch_size, &self.network, &self.regularization, &train);
        if let Some(batches) = &mut self.batches {
            batches.seek(self.epoch, 0);
        }
        self.epoch_loss = 0.0;
        // An iteration under way stops where it is: its update stays, the
        // new points' pass and cost follow.
        self.phase = Phase::Idle;
        self.pass = ForwardPass::new(&self.network, train.len());
        self.test_pass = ForwardPass::new(&self.network, test.len());
        self.grads = Gradients::new(&self.network, train.len());
        self.regularization.resize(&self.network, train.len());
        self.train = train;
        self.test = test;
        self.initial_cost = f64::NAN;
        if !self.train.is_empty() {
            self.initial.forward(self.train.x.view(), &mut self.pass);
            self.initial_cost =
                self.regularization
                    .cost(&self.initial, self.train.x.view(), &self.train.y, &self.pass, 0);
        }
        self.evaluate();
        self.refresh_plain_pass();
    }

    /// dW[l] and db[l] of the current parameters on the whole training set:
    /// with full-batch GD, the gradient the next update subtracts (α times
    /// it); with mini-batches, what the batches' gradients average to, and
    /// what the optimizers' v and s average. Computed here from the kept forward
    /// pass into the run's own workspace, without allocating; training is
    /// unchanged, since every step computes it afresh. Zero without
    /// training points.
    pub fn gradients(&mut self) -> &Gradients {
        // #15: the computation in parts done at once (`gradients.rs`).
        self.gradients_advance(usize::MAX);
        &self.grads
    }

    /// α₀, the learning rate before any decay.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The learning rate of the next update: α₀ decayed for the epochs done.
    pub fn current_learning_rate(&self) -> f64 {
        self.schedule.rate_after(self.learning_rate, self.epoch)
    }

    /// Runs up to `n` iterations — an update, then the forward pass of the
    /// new parameters — and stops early if training diverges. Returns how
    /// many ran (an iteration [`Self::advance`] left part way is finished
    /// first, and counts).
    pub fn step(&mut self, n: u32) -> u32 {
        self.finish_evaluation();
        let mut done = 0;
        while done < n {
            match self.run_phase(false, PART_WORK) {
                Advance::Partway | Advance::Evaluated => {}
                Advance::Iterated => done += 1,
                Advance::Stopped => break,
            }
        }
        self.settle();
        done
    }

    /// After iterations: the plain pass of the current parameters (when a
    /// dropout step left it behind) and the check that they are finite.
    fn settle(&mut self) {
        self.refresh_plain_pass();
        if self.divergence.is_none() && !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        }
    }

    /// The network, and the x, y, forward pass and gradients of the update
    /// under way: the whole training set's (its training pass) or the
    /// mini-batch's.
    #[allow(clippy::type_complexity)]
    fn update_workspace(&mut self) -> (&Network, ArrayView2<'_, f64>, &[f64], &ForwardPass, &mut Gradients) {
        match &mut self.batches {
            None => (
                &self.network,
                self.train.x.view(),
                &self.train.y,
                self.regularization.update_pass(&self.pass),
                &mut self.grads,
            ),
            Some(batches) => {
                let Batch { x, y, pass, grads } = batches.current();
                (&self.network, x.view(), y, pass, grads)
            }
        }
    }

    /// The end of an update, its gradient computed: the penalties' terms,
    /// the optimizer's step at the scheduled rate, and the epoch count.
    fn descend(&mut self) {
        let alpha = self.current_learning_rate();
        let m = self.train.len();
        let epoch_cost = match &mut self.batches {
            None => {
                let pass = self.regularization.update_pass(&self.pass);
                self.regularization
                    .add_penalty_gradients(&self.network, pass.cols(), &mut self.grads);
                self.optimizer.update(&mut self.network, &self.grads, alpha);
                // The epoch's one batch is every point: its cost is J before the update.
                Some(self.cost)
            }
            Some(batches) => {
                let batch = batches.current();
                // L2 and L1 with the batch's m (dropout's masks were in the batch's passes).
                self.regularization
                    .add_penalty_gradients(&self.network, batch.pass.cols(), &mut batch.grads);
                self.optimizer.update(&mut self.network, &batch.grads, alpha);
                batches
                    .epoch_done()
                    .then(|| core::mem::take(&mut self.epoch_loss) / m as f64)
            }
        };
        if let Some(cost) = epoch_cost {
            self.epoch_cost = cost;
            self.epoch += 1;
        }
    }

    /// Takes the settings a run can change in place (the table's
    /// `Effect::Retune` rows) from `settings`; they apply from the next
    /// update, and the run goes on.
    pub fn retune(&mut self, settings: &Settings) {
        self.learning_rate = settings.learning_rate;
        self.optimizer.retune(settings.hyper());
        self.schedule = settings.schedule();
    }

    /// Completed iterations (one under way counts once it completes).
    pub fn iteration(&self) -> u64 {
        let updated = matches!(self.phase, Phase::Forward(..) | Phase::Record)
            || matches!(
                self.phase.serves(),
                Some(AfterPass::KeptIteration | AfterPass::ReadableIteration)
            );
        self.iteration - updated as u64
    }

    /// Complete epochs: passes over the training points (= the iteration
    /// with full batches).
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The notebook's printed cost ("Cost after epoch i") of the last
    /// complete epoch: the sum of its batches' losses, each at the
    /// parameters that batch's update started from, ÷ m. NaN before the
    /// first epoch ends.
    pub fn epoch_cost(&self) -> f64 {
        self.epoch_cost
    }

    /// The summed loss of the current epoch's batches so far.
    pub fn epoch_loss(&self) -> f64 {
        self.epoch_loss
    }

    /// Updates per epoch: ⌈m/batch size⌉, 1 with full batches.
    pub fn iterations_per_epoch(&self) -> usize {
        self.batches.as_ref().map_or(1, MiniBatches::per_epoch)
    }

    /// Batches done in the current epoch (0 with full batches).
    pub fn batch_position(&self) -> usize {
        self.batches.as_ref().map_or(0, MiniBatches::position) % self.iterations_per_epoch()
    }

    /// The batch size in use (`None`: full batches).
    pub fn batch_size(&self) -> Option<usize> {
        self.batches.as_ref().map(MiniBatches::size)
    }

    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    /// For a saved run's v, s and t ([`Optimizer::restore`]).
    pub fn optimizer_mut(&mut self) -> &mut Optimizer {
        &mut self.optimizer
    }

    /// J of the current parameters: after `step(1000)` from a reset, the
    /// course's "Cost after iteration 1000" (with L2 or L1 including the
    /// penalty, with dropout and full batches the cost of the dropped-out
    /// training pass, as the Regularization notebook prints it; with
    /// mini-batches the batches drop units and J is the plain pass's).
    pub fn cost(&self) -> f64 {
        self.cost
    }

    pub fn train_accuracy(&self) -> f64 {
        if self.train.is_empty() || self.is_evaluating() {
            return f64::NAN;
        }
        accuracy(self.pass.output(), &self.train.y)
    }

    /// Accuracy and cost on the held-out points (NaN when there are none),
    /// computed once per set of parameters however often they are asked for;
    /// NaN too while the first evaluation of a run reset in parts is under way.
    pub fn test_metrics(&mut self) -> (f64, f64) {
        if let Some(metrics) = self.test_metrics {
            return metrics;
        }
        if self.is_evaluating() {
            return (f64::NAN, f64::NAN);
        }
        let metrics = if self.test.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            self.network.forward(self.test.x.view(), &mut self.test_pass);
            test_metrics_of(&self.test_pass, &self.test.y)
        };
        self.test_metrics = Some(metrics);
        metrics
    }

    pub fn divergence(&self) -> Option<Divergence> {
        self.divergence
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    /// The training points, (x1, x2) and label.
    pub fn train_data(&self) -> &Dataset {
        self.points.as_ref().map_or(&self.train, |p| &p.0)
    }

    pub fn test_data(&self) -> &Dataset {
        self.points.as_ref().map_or(&self.test, |p| &p.1)
    }

    /// The network's inputs for the training points (n_x × m) and their
    /// labels: the points themselves with the default features.
    pub fn train_inputs(&self) -> &Dataset {
        &self.train
    }

    pub fn test_inputs(&self) -> &Dataset {
        &self.test
    }

    pub fn features(&self) -> Features {
        self.features
    }

    /// The training cost after iterations 0, stride, 2·stride, …
    pub fn history(&self) -> &CostHistory {
        &self.history
    }

    /// The test cost at the iterations of [`Self::history`] (NaN without
    /// held-out points).
    pub fn test_cost_history(&self) -> &CostHistory {
        &self.test_costs
    }

    /// The training accuracy at the iterations of [`Self::history`].
    pub fn train_accuracy_history(&self) -> &CostHistory {
        &self.train_accuracies
    }

    /// The test accuracy at the iterations of [`Self::history`] (NaN without
    /// held-out points).
    pub fn test_accuracy_history(&self) -> &CostHistory {
        &self.test_accuracies
    }

    /// The run's state for the current parameters as at `iteration`: not
    /// diverged, the curves starting afresh there. With full batches the
    /// epoch is the iteration; mini-batch runs restart at epoch 0 unless
    /// [`Self::restore_epochs`] says otherwise.
    fn restart_at(&mut self, iteration: u64) {
        self.clear_at(iteration);
        self.evaluate();
        self.refresh_plain_pass();
        self.record();
    }

    /// [`Self::restart_at`] before the evaluation: the counters and curves.
    fn clear_at(&mut self, iteration: u64) {
        self.changed();
        self.phase = Phase::Idle;
        self.iteration = iteration;
        self.epoch = if self.batches.is_none() { iteration } else { 0 };
        self.epoch_loss = 0.0;
        self.epoch_cost = f64::NAN;
        if let Some(batches) = &mut self.batches {
            batches.seek(0, 0);
        }
        self.divergence = None;
        self.history.clear();
        self.test_costs.clear();
        self.train_accuracies.clear();
        self.test_accuracies.clear();
    }

    /// The forward pass and cost of the current parameters; every change of
    /// the parameters ends here, so it also forgets the test metrics.
    fn evaluate(&mut self) {
        self.changed();
        if self.train.is_empty() {
            self.test_metrics = None;
            self.cost = f64::NAN;
            return;
        }
        self.begin_evaluate();
        let x = self.train.x.view();
        let pass = match self.regularization.dropout_pass_mut() {
            Some(pass) => pass,
            None => &mut self.pass,
        };
        self.network.forward(x, pass);
        self.finish_evaluate();
    }

    /// [`Self::evaluate`] before its training pass (the plain pass, or with
    /// dropout the dropped-out one, whose masks this draws).
    fn begin_evaluate(&mut self) {
        self.test_metrics = None;
        self.regularization.draw_own_masks(self.iteration);
    }

    /// [`Self::evaluate`] after its training pass: J. With dropout the
    /// plain pass now lags behind.
    fn finish_evaluate(&mut self) {
        self.plain_pass_stale = self.regularization.drops_out();
        self.cost = self
            .regularization
            .cost_of_passes(&self.network, &self.train.y, &self.pass);
    }

    /// The plain forward pass of the current parameters, when a dropout step
    /// left it behind: before the accuracy is read (after `step`, and where
    /// the curves keep an iteration).
    fn refresh_plain_pass(&mut self) {
        if self.plain_pass_stale && !self.train.is_empty() {
            let first = self.regularization.dropout_pass().expect("stale only with dropout");
            self.network
                .forward_above_first(self.train.x.view(), first, &mut self.pass);
            self.plain_pass_stale = false;
        }
    }

    /// Pushes the cost to the curve and, when the curve kept this
    /// iteration, the other three series at the same iteration. All four
    /// histories get the same pushes, so they halve together and stay
    /// aligned point for point.
    fn record(&mut self) {
        if self.push_cost() {
            self.refresh_plain_pass();
            self.record_metrics();
        }
    }

    /// Pushes the cost to the curve; whether the curve kept this iteration
    /// (the other series are due there too).
    fn push_cost(&mut self) -> bool {
        self.history.push(self.iteration, self.cost);
        self.curve_keeps_iteration()
    }

    /// Whether the cost curve's last point is the current iteration.
    fn curve_keeps_iteration(&self) -> bool {
        self.history.iterations().last() == Some(&(self.iteration as f64))
    }

    /// The kept iteration's training accuracy and test metrics (known by now).
    fn record_metrics(&mut self) {
        let (test_accuracy, test_cost) = self.test_metrics();
        self.train_accuracies.push(self.iteration, self.train_accuracy());
        self.test_costs.push(self.iteration, test_cost);
        self.test_accuracies.push(self.iteration, test_accuracy);
    }

    fn check_divergence(&mut self) {
        if !self.cost.is_finite() {
            self.divergence = Some(Divergence::NonFiniteCost);
        } else if self.cost > DIVERGENCE_FACTOR * self.initial_cost {
            self.divergence = Some(Divergence::CostExploded);
        }
    }
}

/// Accuracy and cost of a pass over the held-out points.
fn test_metrics_of(pass: &ForwardPass, y: &[f64]) -> (f64, f64) {
    (accuracy(pass.output(), y), cross_entropy(pass.output_logits(), y))
}

/// The network's inputs for both sets, and the points when they differ.
fn inputs(features: Features, train: Dataset, test: Dataset) -> ((Dataset, Dataset), Option<(Dataset, Dataset)>) {
    match (features.inputs(train), features.inputs(test)) {
        ((train, Some(train_points)), (test, Some(test_points))) => ((train, test), Some((train_points, test_points))),
        ((train, _), (test, _)) => ((train, test), None),
    }
}

/// The run's mini-batches, when a batch size is set and there are points
/// (a size above m is m: drawn points may be fewer than the size).
fn mini_batches(
    size: Option<usize>,
    network: &Network,
    regularization: &Regularization,
    train: &Dataset,
) -> Option<MiniBatches> {
    let size = size?.min(train.len());
    (size > 0).then(|| MiniBatches::new(network, regularization, train, size))
}

#[cfg(test)]
mod tests;
