//! A training run: the data, the network, full-batch gradient descent, and
//! the state the page shows (iteration, cost, accuracy, divergence, the cost
//! curve). Everything a step needs is allocated when the run is built.

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
        self.evaluate();
        self.initial_cost = self.cost;
        self.history.push(0, self.cost);
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
            self.history.push(self.iteration, self.cost);
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

    pub fn history(&self) -> &CostHistory {
        &self.history
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

    fn check_divergence(&mut self) {
        if !self.cost.is_finite() {
            self.divergence = Some(Divergence::NonFiniteCost);
        } else if self.cost > DIVERGENCE_FACTOR * self.initial_cost {
            self.divergence = Some(Divergence::CostExploded);
        }
    }
}
