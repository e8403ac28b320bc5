//! The current parameters' evaluation: J, the plain pass, the divergence check, the curves' points.

use super::*;

impl Trainer {
    /// The forward pass and cost of the current parameters; every change of
    /// the parameters ends here, so it also forgets the test metrics.
    pub(super) fn evaluate(&mut self) {
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
    pub(super) fn begin_evaluate(&mut self) {
        self.test_metrics = None;
        self.regularization.draw_own_masks(self.iteration);
    }

    /// [`Self::evaluate`] after its training pass: J. With dropout the
    /// plain pass now lags behind.
    pub(super) fn finish_evaluate(&mut self) {
        self.plain_pass_stale = self.regularization.drops_out();
        self.cost = self
            .regularization
            .cost_of_passes(&self.network, &self.train.y, &self.pass);
    }

    /// The plain forward pass of the current parameters, when a dropout step
    /// left it behind: before the accuracy is read (after `step`, and where
    /// the curves keep an iteration).
    pub(super) fn refresh_plain_pass(&mut self) {
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
    pub(super) fn record(&mut self) {
        if self.push_cost() {
            self.refresh_plain_pass();
            self.record_metrics();
        }
    }

    /// Pushes the cost to the curve; whether the curve kept this iteration
    /// (the other series are due there too).
    pub(super) fn push_cost(&mut self) -> bool {
        self.history.push(self.iteration, self.cost);
        self.curve_keeps_iteration()
    }

    /// Whether the cost curve's last point is the current iteration.
    pub(super) fn curve_keeps_iteration(&self) -> bool {
        self.history.iterations().last() == Some(&(self.iteration as f64))
    }

    /// The kept iteration's training accuracy and test metrics (known by now).
    pub(super) fn record_metrics(&mut self) {
        let (test_accuracy, test_cost) = self.test_metrics();
        self.train_accuracies.push(self.iteration, self.train_accuracy());
        self.test_costs.push(self.iteration, test_cost);
        self.test_accuracies.push(self.iteration, test_accuracy);
    }

    pub(super) fn check_divergence(&mut self) {
        if !self.cost.is_finite() {
            self.divergence = Some(Divergence::NonFiniteCost);
        } else if self.cost > DIVERGENCE_FACTOR * self.initial_cost {
            self.divergence = Some(Divergence::CostExploded);
        }
    }
}
