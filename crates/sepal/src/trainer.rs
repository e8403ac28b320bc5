//! A training run: the data, the network, full-batch gradient descent, and
//! the state the page shows (iteration, cost, accuracy, divergence, the cost
//! curve). Everything a step needs is allocated when the run is built.
//!
//! Beside the training cost curve the run keeps, at the same iterations, the
//! training accuracy and — when points are held out — the test cost and test
//! accuracy: the two curves of the course's bias/variance lesson. The test
//! set's forward pass runs only at the iterations the curve keeps (every
//! iteration at first, ever fewer as the run grows), never per step.

use crate::dataset::Dataset;
use crate::history::CostHistory;
use crate::network::{accuracy, cross_entropy, ForwardPass, Gradients, Network};
use crate::settings::Settings;

/// Points kept for the cost curve, however long the run.
pub const HISTORY_POINTS: usize = 1024;

/// The cost may rise to this many times its starting value before the run
/// counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 10.0;

/// Why training stopped on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Divergence {
    NonFiniteCost,
    NonFiniteParameter,
    CostExploded,
}

pub struct Trainer {
    network: Network,
    initial: Network,
    train: Dataset,
    test: Dataset,
    learning_rate: f64,
    pass: ForwardPass,
    test_pass: ForwardPass,
    grads: Gradients,
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
}

impl Trainer {
    /// A run on the dataset the settings describe.
    pub fn new(settings: &Settings) -> Self {
        let data = settings.dataset.generate(settings.dataset_seed, settings.points, settings.noise());
        Self::with_data(settings, &data)
    }

    /// A run on given points, split as the settings say.
    pub fn with_data(settings: &Settings, data: &Dataset) -> Self {
        let (train, test) = data.split(settings.test_fraction, settings.dataset_seed);
        let network = Network::new(&settings.layer_sizes(), settings.activation, settings.init, settings.seed);
        let mut run = Self {
            pass: ForwardPass::new(&network, train.len()),
            test_pass: ForwardPass::new(&network, test.len()),
            grads: Gradients::new(&network, train.len()),
            initial: network.clone(),
            network,
            train,
            test,
            learning_rate: settings.learning_rate,
            iteration: 0,
            cost: f64::NAN,
            initial_cost: f64::NAN,
            divergence: None,
            history: CostHistory::new(HISTORY_POINTS),
            test_costs: CostHistory::new(HISTORY_POINTS),
            train_accuracies: CostHistory::new(HISTORY_POINTS),
            test_accuracies: CostHistory::new(HISTORY_POINTS),
        };
        run.reset();
        run
    }

    /// Back to iteration 0 with the same data and initial weights.
    pub fn reset(&mut self) {
        self.network.copy_parameters_from(&self.initial);
        self.iteration = 0;
        self.divergence = None;
        self.history.clear();
        self.test_costs.clear();
        self.train_accuracies.clear();
        self.test_accuracies.clear();
        self.evaluate();
        self.initial_cost = self.cost;
        self.record();
    }

    /// Runs up to `n` iterations — backward pass, update, forward pass of the
    /// new parameters — and stops early if training diverges. Returns how
    /// many ran.
    pub fn step(&mut self, n: u32) -> u32 {
        if self.train.is_empty() {
            return 0;
        }
        for done in 0..n {
            if self.divergence.is_some() {
                return done;
            }
            self.network.backward(self.train.x.view(), &self.train.y, &self.pass, &mut self.grads);
            self.network.descend(&self.grads, self.learning_rate);
            self.iteration += 1;
            self.evaluate();
            self.record();
            self.check_divergence();
        }
        if self.divergence.is_none() && !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        }
        n
    }

    /// Takes effect from the next update; the run goes on.
    pub fn set_learning_rate(&mut self, learning_rate: f64) {
        self.learning_rate = learning_rate;
    }

    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// J of the current parameters: after `step(1000)` from a reset, the
    /// course's "Cost after iteration 1000".
    pub fn cost(&self) -> f64 {
        self.cost
    }

    pub fn train_accuracy(&self) -> f64 {
        if self.train.is_empty() {
            return f64::NAN;
        }
        accuracy(self.pass.output(), &self.train.y)
    }

    /// Accuracy and cost on the held-out points (NaN when there are none).
    pub fn test_metrics(&mut self) -> (f64, f64) {
        if self.test.is_empty() {
            return (f64::NAN, f64::NAN);
        }
        self.network.forward(self.test.x.view(), &mut self.test_pass);
        (
            accuracy(self.test_pass.output(), &self.test.y),
            cross_entropy(self.test_pass.output_logits(), &self.test.y),
        )
    }

    pub fn divergence(&self) -> Option<Divergence> {
        self.divergence
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    pub fn train_data(&self) -> &Dataset {
        &self.train
    }

    pub fn test_data(&self) -> &Dataset {
        &self.test
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

    /// The forward pass of the current parameters over the training points.
    pub fn pass(&self) -> &ForwardPass {
        &self.pass
    }

    fn evaluate(&mut self) {
        if self.train.is_empty() {
            return;
        }
        self.network.forward(self.train.x.view(), &mut self.pass);
        self.cost = cross_entropy(self.pass.output_logits(), &self.train.y);
    }

    /// Pushes the cost to the curve and, when the curve kept this
    /// iteration, the other three series at the same iteration. All four
    /// histories get the same pushes, so they halve together and stay
    /// aligned point for point.
    fn record(&mut self) {
        self.history.push(self.iteration, self.cost);
        if self.history.iterations().last() != Some(&(self.iteration as f64)) {
            return;
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with(pairs: &[(&str, &str)]) -> Trainer {
        let mut settings = Settings::default();
        for (name, value) in pairs {
            settings.set(name, value).unwrap();
        }
        Trainer::new(&settings)
    }

    #[test]
    fn test_curves_are_kept_beside_the_cost_curve() {
        let mut run = run_with(&[("test-fraction", "0.25")]);
        // Long enough for the histories to fill and halve several times.
        run.step(5000);
        let kept = run.history().iterations();
        for series in [run.test_cost_history(), run.train_accuracy_history(), run.test_accuracy_history()] {
            assert_eq!(series.iterations(), kept, "aligned with the cost curve");
        }
        // The last kept point holds the metrics of that iteration's parameters.
        let mut check = run_with(&[("test-fraction", "0.25")]);
        let last = *kept.last().unwrap() as u32;
        check.step(last);
        let (accuracy, cost) = check.test_metrics();
        assert_eq!(run.test_cost_history().costs().last(), Some(&cost));
        assert_eq!(run.test_accuracy_history().costs().last(), Some(&accuracy));
        assert_eq!(run.train_accuracy_history().costs().last(), Some(&check.train_accuracy()));
        // The flower's held-out quarter: a real test cost, near the training one.
        assert!(cost.is_finite() && cost > 0.0 && cost < 1.0, "{cost}");
    }

    #[test]
    fn without_held_out_points_the_test_curves_are_nan() {
        let mut run = run_with(&[]);
        run.step(20);
        assert_eq!(run.test_cost_history().costs().len(), 21);
        assert!(run.test_cost_history().costs().iter().all(|c| c.is_nan()));
        assert!(run.test_accuracy_history().costs().iter().all(|c| c.is_nan()));
        let start = run.train_accuracy_history().costs()[0];
        assert!((0.4..=0.6).contains(&start), "near chance before training: {start}");
        run.reset();
        assert_eq!(run.train_accuracy_history().costs().len(), 1);
    }

    #[test]
    fn drawn_points_train_and_none_do_nothing() {
        let settings = Settings::default();
        let mut empty = Trainer::with_data(&settings, &Dataset::from_points(&[]));
        assert_eq!(empty.step(10), 0);
        assert!(empty.cost().is_nan() && empty.train_accuracy().is_nan());
        let points = [[-1.0, 0.0, 0.0], [-2.0, 1.0, 0.0], [1.0, 0.0, 1.0], [2.0, -1.0, 1.0]];
        let mut run = Trainer::with_data(&settings, &Dataset::from_points(&points));
        run.step(200);
        assert_eq!(run.train_accuracy(), 1.0);
    }
}
