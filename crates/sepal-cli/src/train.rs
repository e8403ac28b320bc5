//! `train`: one run, logged the way the notebook's `nn_model(...,
//! print_cost=True)` logs it, or reported as one JSON object. With
//! `--epochs` or mini-batches the log is the Optimization notebook's
//! `model()`'s instead: "Cost after epoch i", its epoch cost.

use std::io::{self, Write};

use sepal::trainer::DIVERGENCE_FACTOR;
use sepal::{Divergence, Parameters, Trainer};

use crate::args::{Length, Options};
use crate::json::{ParametersJson, SettingsJson, TrainReport};
use crate::Failure;

pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let mut trainer = Trainer::new(&options.settings);
    let initial_cost = trainer.cost();
    let by_epoch = matches!(options.length, Length::Epochs(_)) || options.settings.batch_size.is_some();
    let (costs, epoch_costs) = match by_epoch {
        true => train_by_epoch(&mut trainer, options, out)?,
        false => (train_logged(&mut trainer, options, out)?, Vec::new()),
    };
    let (test_accuracy, _) = trainer.test_metrics();
    if options.json {
        let report = TrainReport {
            iteration: trainer.iteration(),
            epoch: trainer.epoch(),
            epoch_costs: by_epoch.then_some(&epoch_costs[..]),
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
    let k = options.log_every;
    let n = match options.length {
        Length::Iterations(n) => n,
        Length::Epochs(_) => unreachable!("runs of epochs are logged by epoch"),
    };
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

/// Runs to `options.length` an epoch at a time (the last one cut short
/// when the length is in iterations) and returns the cost J `[iteration,
/// cost]` after epochs 0, K, 2K, … and the notebook's printed cost of
/// epochs 0, K, 2K, … (`if print_cost and i % 1000 == 0` after epoch i, 0
/// the first), which text mode prints as they come.
#[allow(clippy::type_complexity)]
fn train_by_epoch(
    trainer: &mut Trainer,
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<(Vec<(u64, f64)>, Vec<(u64, f64)>)> {
    let k = options.log_every;
    let (mut costs, mut epoch_costs) = (vec![(0, trainer.cost())], Vec::new());
    loop {
        let (iteration, epoch) = (trainer.iteration(), trainer.epoch());
        let left = match options.length {
            Length::Iterations(n) => n - iteration,
            Length::Epochs(n) if epoch < n => u64::MAX,
            Length::Epochs(_) => 0,
        };
        if left == 0 || trainer.divergence().is_some() {
            return Ok((costs, epoch_costs));
        }
        let rest_of_epoch = (trainer.iterations_per_epoch() - trainer.batch_position()) as u64;
        if trainer.step(rest_of_epoch.min(left) as u32) == 0 {
            // No training points: nothing will ever change.
            return Ok((costs, epoch_costs));
        }
        if trainer.epoch() == epoch {
            continue;
        }
        if epoch.is_multiple_of(k) {
            epoch_costs.push((epoch, trainer.epoch_cost()));
            if !options.json {
                writeln!(out, "Cost after epoch {epoch}: {}", fixed6(trainer.epoch_cost()))?;
            }
        }
        if trainer.epoch().is_multiple_of(k) {
            costs.push((trainer.iteration(), trainer.cost()));
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
