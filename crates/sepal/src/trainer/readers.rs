//! What a run shows: its counters, learning rates, costs, accuracies, data and curves.

use super::*;

impl Trainer {
    /// α₀, the learning rate before any decay.
    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
    }

    /// The learning rate of the next update: α₀ decayed for the epochs done.
    pub fn current_learning_rate(&self) -> f64 {
        self.schedule.rate_after(self.learning_rate, self.epoch)
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
}

/// Accuracy and cost of a pass over the held-out points.
pub(super) fn test_metrics_of(pass: &ForwardPass, y: &[f64]) -> (f64, f64) {
    (accuracy(pass.output(), y), cross_entropy(pass.output_logits(), y))
}
