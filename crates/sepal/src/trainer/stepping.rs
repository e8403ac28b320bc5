//! Whole iterations (`step`), and an update's workspace, descent and settling.

use super::*;
use ndarray::ArrayView2;

impl Trainer {
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
    pub(super) fn settle(&mut self) {
        self.refresh_plain_pass();
        if self.divergence.is_none() && !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        }
    }

    /// The network, and the x, y, forward pass and gradients of the update
    /// under way: the whole training set's (its training pass) or the
    /// mini-batch's.
    #[allow(clippy::type_complexity)]
    pub(super) fn update_workspace(&mut self) -> (&Network, ArrayView2<'_, f64>, &[f64], &ForwardPass, &mut Gradients) {
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
    pub(super) fn descend(&mut self) {
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
}
