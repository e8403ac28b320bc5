//! Changes to a running run: new points under the current parameters, retuned settings.

use super::build::{inputs, mini_batches};
use super::*;

impl Trainer {
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

    /// Takes the settings a run can change in place (the table's
    /// `Effect::Retune` rows) from `settings`; they apply from the next
    /// update, and the run goes on.
    pub fn retune(&mut self, settings: &Settings) {
        self.learning_rate = settings.learning_rate;
        self.optimizer.retune(settings.hyper());
        self.schedule = settings.schedule();
    }
}
