//! Starting a run over: reset, a saved run's parameters and epochs restored, the first evaluation in parts.

use super::*;

impl Trainer {
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
    pub(super) fn finish_evaluation(&mut self) {
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
    pub(super) fn check_restored(&mut self) {
        if !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        } else if !self.train.is_empty() {
            self.check_divergence();
        }
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
}
