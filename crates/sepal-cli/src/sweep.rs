//! `sweep`: the notebook's "Tuning hidden layer size" table — the shallow
//! model with the given settings for each n_h, every run from the same
//! seeded start, so each row is what the notebook prints for that n_h.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use sepal::{Model, Settings, Trainer};

use crate::args::Options;
use crate::json::{SweepReport, SweepRow};
use crate::train::{advice, divergence};
use crate::Failure;

/// The notebook's `hidden_layer_sizes`.
const HIDDEN_UNITS: [usize; 7] = [1, 2, 3, 4, 5, 20, 50];

/// The machines this runs on have two cores; more threads would not help
/// with seven runs of which two take most of the time.
const THREADS: usize = 2;

pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let runs = train_all(&options.settings, options.iterations);
    let rows: Vec<&SweepRow> = runs.iter().map(|run| &run.row).collect();
    if options.json {
        serde_json::to_writer(
            &mut *out,
            &SweepReport {
                iterations: options.iterations,
                rows: &rows,
            },
        )
        .map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        for Run { row, percent, .. } in &runs {
            // The notebook: "Accuracy for {} hidden units: {} %".format(n_h, accuracy).
            write!(
                out,
                "Accuracy for {} hidden units: {} %",
                row.hidden_units,
                python_float(*percent)
            )?;
            match row.diverged {
                false => writeln!(out, " (cost after iteration {}: {:.6})", row.iteration, row.cost)?,
                true => writeln!(out, " (diverged at iteration {}, cost {:.6})", row.iteration, row.cost)?,
            }
        }
    }
    let mut failures: Vec<String> = runs
        .iter()
        .filter_map(|run| {
            run.failure
                .as_ref()
                .map(|f| format!("training diverged with n_h = {}: {f}", run.row.hidden_units))
        })
        .collect();
    if failures.is_empty() {
        return Ok(());
    }
    failures.push(advice(options.settings.learning_rate));
    Err(Failure::Diverged(failures.join("\nerror: ")))
}

/// One row of the table and what only the text shows.
struct Run {
    row: SweepRow,
    /// 100 · correct / m, computed from the count so 251 of 400 prints as
    /// 62.75 rather than 0.6275 · 100 = 62.74999999999999.
    percent: f64,
    /// Where and why the run blew up, if it did.
    failure: Option<String>,
}

/// Trains every size on up to [`THREADS`] threads, handing out the biggest
/// networks first so the two threads finish together; rows come back in n_h
/// order.
fn train_all(settings: &Settings, iterations: u64) -> Vec<Run> {
    let threads = thread::available_parallelism().map_or(1, |n| n.get()).min(THREADS);
    let next = AtomicUsize::new(0);
    let mut runs: Vec<Run> = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while let Some(&n_h) = HIDDEN_UNITS.iter().rev().nth(next.fetch_add(1, Ordering::Relaxed)) {
                        done.push(train_one(settings, n_h, iterations));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    runs.sort_by_key(|run| run.row.hidden_units);
    runs
}

fn train_one(settings: &Settings, hidden_units: usize, iterations: u64) -> Run {
    let mut settings = settings.clone();
    settings.model = Some(Model::Shallow);
    settings.hidden_units = hidden_units;
    let mut trainer = Trainer::new(&settings);
    let initial_cost = trainer.cost();
    // At most MAX_ITERATIONS, so it fits a u32.
    trainer.step(iterations as u32);
    let failure = trainer.divergence().map(|why| divergence(&trainer, why, initial_cost));
    let accuracy = trainer.train_accuracy();
    let m = trainer.train_data().len() as f64;
    Run {
        row: SweepRow {
            hidden_units,
            iteration: trainer.iteration(),
            train_accuracy: accuracy,
            cost: trainer.cost(),
            diverged: failure.is_some(),
        },
        percent: (accuracy * m).round() * 100.0 / m,
        failure,
    }
}

/// Python's `str(float)`: the shortest text that reads back the same, with
/// `.0` on whole numbers (`90.0`, as the notebook prints it).
fn python_float(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::python_float;

    #[test]
    fn floats_print_as_python_prints_them() {
        assert_eq!(python_float(67.5), "67.5");
        assert_eq!(python_float(90.0), "90.0");
        assert_eq!(python_float(0.1 + 0.2), "0.30000000000000004");
    }
}
