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
use crate::regularization::Regularization;
use crate::settings::Settings;

/// Points kept for the cost curve, however long the run.
pub const HISTORY_POINTS: usize = 1024;

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
    network: Network,
    initial: Network,
    train: Dataset,
    test: Dataset,
    learning_rate: f64,
    pass: ForwardPass,
    test_pass: ForwardPass,
    grads: Gradients,
    /// L2, L1 and dropout: what a step adds to the plain cost and gradients.
    regularization: Regularization,
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
}

impl Trainer {
    /// A run on the dataset the settings describe.
    pub fn new(settings: &Settings) -> Self {
        let data = settings
            .dataset
            .generate(settings.dataset_seed, settings.points, settings.noise());
        Self::with_data(settings, &data)
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
        let network = Network::new(
            &settings.layer_sizes(),
            settings.activation,
            settings.init(),
            settings.seed,
        );
        let mut run = Self {
            pass: ForwardPass::new(&network, train.len()),
            test_pass: ForwardPass::new(&network, test.len()),
            grads: Gradients::new(&network, train.len()),
            regularization: Regularization::new(settings, &network, train.len()),
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
            test_metrics: None,
        };
        run.reset();
        run
    }

    /// Back to iteration 0 with the same data and initial weights.
    pub fn reset(&mut self) {
        self.network.copy_parameters_from(&self.initial);
        self.restart_at(0);
        self.initial_cost = self.cost;
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
        if !self.network.is_finite() {
            self.divergence = Some(Divergence::NonFiniteParameter);
        } else if !self.train.is_empty() {
            self.check_divergence();
        }
        Ok(())
    }

    /// Goes on from the current parameters on other points, already split
    /// (a person added or removed one): the iteration, the curves and what
    /// [`Self::reset`] goes back to stay; the cost and accuracy become those
    /// of the current parameters on the new points, and the divergence
    /// threshold 10× the initial weights' cost on them. The workspaces are
    /// made anew for the new number of points (once per change, not per
    /// step).
    pub fn replace_data(&mut self, train: Dataset, test: Dataset) {
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
    }

    /// dW[l] and db[l] of the current parameters: the gradient the next
    /// update subtracts (α times it). Computed here from the kept forward
    /// pass into the run's own workspace, without allocating; training is
    /// unchanged, since every step computes it afresh. Zero without
    /// training points.
    pub fn gradients(&mut self) -> &Gradients {
        if !self.train.is_empty() {
            self.regularization.gradients(
                &self.network,
                self.train.x.view(),
                &self.train.y,
                &self.pass,
                &mut self.grads,
            );
        }
        &self.grads
    }

    pub fn learning_rate(&self) -> f64 {
        self.learning_rate
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
            self.regularization.gradients(
                &self.network,
                self.train.x.view(),
                &self.train.y,
                &self.pass,
                &mut self.grads,
            );
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

    /// Takes the settings a run can change in place (the table's
    /// `Effect::Retune` rows) from `settings`; they apply from the next
    /// update, and the run goes on.
    pub fn retune(&mut self, settings: &Settings) {
        self.learning_rate = settings.learning_rate;
    }

    pub fn iteration(&self) -> u64 {
        self.iteration
    }

    /// J of the current parameters: after `step(1000)` from a reset, the
    /// course's "Cost after iteration 1000" (with L2 or L1 including the
    /// penalty, with dropout the cost of the dropped-out training pass, as
    /// the Regularization notebook prints it).
    pub fn cost(&self) -> f64 {
        self.cost
    }

    pub fn train_accuracy(&self) -> f64 {
        if self.train.is_empty() {
            return f64::NAN;
        }
        accuracy(self.pass.output(), &self.train.y)
    }

    /// Accuracy and cost on the held-out points (NaN when there are none),
    /// computed once per set of parameters however often they are asked for.
    pub fn test_metrics(&mut self) -> (f64, f64) {
        if let Some(metrics) = self.test_metrics {
            return metrics;
        }
        let metrics = if self.test.is_empty() {
            (f64::NAN, f64::NAN)
        } else {
            self.network.forward(self.test.x.view(), &mut self.test_pass);
            (
                accuracy(self.test_pass.output(), &self.test.y),
                cross_entropy(self.test_pass.output_logits(), &self.test.y),
            )
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

    /// The run's state for the current parameters as at `iteration`: not
    /// diverged, the curves starting afresh there.
    fn restart_at(&mut self, iteration: u64) {
        self.iteration = iteration;
        self.divergence = None;
        self.history.clear();
        self.test_costs.clear();
        self.train_accuracies.clear();
        self.test_accuracies.clear();
        self.evaluate();
        self.record();
    }

    /// The forward pass and cost of the current parameters; every change of
    /// the parameters ends here, so it also forgets the test metrics.
    fn evaluate(&mut self) {
        self.test_metrics = None;
        if self.train.is_empty() {
            self.cost = f64::NAN;
            return;
        }
        self.network.forward(self.train.x.view(), &mut self.pass);
        self.cost = self.regularization.cost(
            &self.network,
            self.train.x.view(),
            &self.train.y,
            &self.pass,
            self.iteration,
        );
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
        assert_eq!(settings.apply(pairs.iter().copied()), []);
        Trainer::new(&settings)
    }

    #[test]
    fn test_curves_are_kept_beside_the_cost_curve() {
        let mut run = run_with(&[("test-fraction", "0.25")]);
        // Long enough for the histories to fill and halve several times.
        run.step(5000);
        let kept = run.history().iterations();
        for series in [
            run.test_cost_history(),
            run.train_accuracy_history(),
            run.test_accuracy_history(),
        ] {
            assert_eq!(series.iterations(), kept, "aligned with the cost curve");
        }
        // The last kept point holds the metrics of that iteration's parameters.
        let mut check = run_with(&[("test-fraction", "0.25")]);
        let last = *kept.last().unwrap() as u32;
        check.step(last);
        let (accuracy, cost) = check.test_metrics();
        assert_eq!(run.test_cost_history().costs().last(), Some(&cost));
        assert_eq!(run.test_accuracy_history().costs().last(), Some(&accuracy));
        assert_eq!(
            run.train_accuracy_history().costs().last(),
            Some(&check.train_accuracy())
        );
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
    fn a_restored_run_continues_bit_for_bit() {
        let settings = Settings::default();
        let mut original = Trainer::new(&settings);
        original.step(700);
        let (train, test) = (original.train_data().clone(), original.test_data().clone());
        let mut copy = Trainer::with_split(&settings, train, test);
        copy.step(3);
        copy.restore(original.network(), original.iteration()).unwrap();
        assert_eq!(copy.iteration(), 700);
        assert_eq!(copy.cost().to_bits(), original.cost().to_bits());
        assert_eq!(copy.history().iterations(), [700.0]);
        original.step(100);
        copy.step(100);
        assert_eq!(copy.cost().to_bits(), original.cost().to_bits());
        assert_eq!(copy.network(), original.network());
        // Reset goes back to the settings' initial weights, as for any run.
        copy.reset();
        assert_eq!(copy.iteration(), 0);
        assert_eq!(copy.cost().to_bits(), Trainer::new(&settings).cost().to_bits());
    }

    #[test]
    fn restoring_another_shape_changes_nothing() {
        let mut run = run_with(&[]);
        run.step(5);
        let other = run_with(&[("hidden-units", "5")]);
        assert_eq!(run.restore(other.network(), 9), Err(ShapeMismatch));
        assert_eq!(run.iteration(), 5);
    }

    #[test]
    fn gradients_are_those_the_next_update_applies() {
        let mut run = run_with(&[]);
        run.step(10);
        let before = run.network().clone();
        let rate = run.learning_rate();
        let grads = run.gradients().clone();
        run.step(1);
        for (l, layer) in run.network().layers.iter().enumerate() {
            for (k, w) in layer.w.iter().enumerate() {
                let expected = before.layers[l].w.iter().nth(k).unwrap() - rate * grads.dw[l].iter().nth(k).unwrap();
                assert_eq!(w.to_bits(), expected.to_bits(), "W[{}] entry {k}", l + 1);
            }
        }
        // Asking for them does not disturb the run.
        let mut plain = run_with(&[]);
        plain.step(11);
        assert_eq!(plain.cost().to_bits(), run.cost().to_bits());
    }

    #[test]
    fn new_points_keep_the_parameters_and_the_iteration() {
        let settings = Settings::default();
        let two = [[-1.0, 0.0, 0.0], [1.0, 0.0, 1.0]];
        let three = [[-1.0, 0.0, 0.0], [1.0, 0.0, 1.0], [2.0, 1.0, 1.0]];
        let mut run = Trainer::with_data(&settings, &Dataset::from_points(&two));
        run.step(50);
        let network = run.network().clone();
        run.replace_data(Dataset::from_points(&three), Dataset::from_points(&[]));
        assert_eq!(run.iteration(), 50);
        assert_eq!(run.network(), &network);
        assert_eq!(run.history().iterations().last(), Some(&50.0), "the curve goes on");
        // The cost is that of the same parameters on the three points.
        let mut fresh = Trainer::with_data(&settings, &Dataset::from_points(&three));
        fresh.restore(&network, 50).unwrap();
        assert_eq!(run.cost().to_bits(), fresh.cost().to_bits());
        run.step(10);
        fresh.step(10);
        assert_eq!(run.cost().to_bits(), fresh.cost().to_bits());
        assert_eq!(run.iteration(), 60);
        // With no points left there is no cost, and nothing trains.
        run.replace_data(Dataset::from_points(&[]), Dataset::from_points(&[]));
        assert!(run.cost().is_nan());
        assert_eq!(run.step(5), 0);
        assert_eq!(run.divergence(), None);
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
