//! `train`: one run, logged the way the notebook's `nn_model(...,
//! print_cost=True)` logs it, or reported as one JSON object.

use std::io::{self, Write};

use sepal::trainer::DIVERGENCE_FACTOR;
use sepal::{Divergence, Parameters, Trainer};

use crate::args::Options;
use crate::json::{ParametersJson, SettingsJson, TrainReport};
use crate::Failure;

pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let mut trainer = Trainer::new(&options.settings);
    let initial_cost = trainer.cost();
    let costs = train_logged(&mut trainer, options, out)?;
    let (test_accuracy, _) = trainer.test_metrics();
    if options.json {
        let report = TrainReport {
            iteration: trainer.iteration(),
            cost: trainer.cost(),
            train_accuracy: trainer.train_accuracy(),
            test_accuracy: (!test_accuracy.is_nan()).then_some(test_accuracy),
            costs: &costs,
            parameters: ParametersJson(Parameters::of(trainer.network(), options.settings.model())),
            settings: SettingsJson(&options.settings),
            diverged: trainer.divergence().is_some(),
        };
        serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
    } else if trainer.divergence().is_none() {
        writeln!(out, "Training accuracy: {:.2}%", trainer.train_accuracy() * 100.0)?;
        if !test_accuracy.is_nan() {
            writeln!(out, "Test accuracy: {:.2}%", test_accuracy * 100.0)?;
        }
    }
    match trainer.divergence() {
        Some(why) => Err(Failure::Diverged(format!(
            "training diverged: {}; {}",
            divergence(&trainer, why, initial_cost),
            advice(options.settings.learning_rate)
        ))),
        None => Ok(()),
    }
}

/// Runs to `options.iterations` (or until divergence), keeping the cost
/// after iterations 0, K, 2K, … below N — the course's `if print_cost and
/// i % 1000 == 0` inside `for i in range(num_iterations)`, where the cost at
/// i is that of the parameters after i updates. Text mode prints each line
/// as it comes, so a long run shows progress.
fn train_logged(trainer: &mut Trainer, options: &Options, out: &mut dyn Write) -> io::Result<Vec<(u64, f64)>> {
    let (n, k) = (options.iterations, options.log_every);
    let mut costs = Vec::new();
    loop {
        let i = trainer.iteration();
        if i < n && i.is_multiple_of(k) {
            costs.push((i, trainer.cost()));
            if !options.json {
                writeln!(out, "Cost after iteration {i}: {}", fixed6(trainer.cost()))?;
            }
        }
        if i >= n || trainer.divergence().is_some() {
            return Ok(costs);
        }
        // At most MAX_ITERATIONS, so it fits a u32.
        let next = ((i / k + 1) * k).min(n);
        if trainer.step((next - i) as u32) == 0 {
            // No training points: nothing will ever change.
            return Ok(costs);
        }
    }
}

/// Python's `"%f" % x`: six decimals, and `nan` / `inf` for the rest.
fn fixed6(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else {
        format!("{x:.6}")
    }
}

/// Where and why a run blew up.
pub fn divergence(trainer: &Trainer, why: Divergence, initial_cost: f64) -> String {
    let i = trainer.iteration();
    match why {
        Divergence::NonFiniteCost => format!("at iteration {i} the cost is no longer a finite number"),
        Divergence::NonFiniteParameter => format!("by iteration {i} a weight is no longer a finite number"),
        Divergence::CostExploded => format!(
            "at iteration {i} the cost rose to {:.6}, more than {DIVERGENCE_FACTOR} times its value at iteration 0 ({initial_cost:.6})",
            trainer.cost()
        ),
    }
}

/// What to do about a blow-up: gradient descent overshoots when the steps
/// are too big.
pub fn advice(learning_rate: f64) -> String {
    format!(
        "the steps are too big: try a smaller learning rate than {learning_rate} \
         (e.g. --learning-rate {}; the course uses 1.2)",
        learning_rate / 10.0
    )
}
