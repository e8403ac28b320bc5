//! `gradcheck`: the gradient-checking notebook's `gradient_check_n` on the
//! playground's network and training points, at the parameters after
//! `--iterations` updates (0: the initial ones). Prints each parameter's
//! backprop gradient and gradapprox, worst first, then the notebook's
//! verdict; `--bug` plants the notebook's two bugs in the checked copy.

use std::io::{self, Write};

use sepal::gradcheck::{self, EPSILON, THRESHOLD};
use sepal::Trainer;

use crate::args::Options;
use crate::json::{GradcheckReport, GradcheckRow};
use crate::train::divergence;
use crate::Failure;

pub fn run(options: &Options, out: &mut dyn Write) -> Result<(), Failure> {
    let mut trainer = Trainer::new(&options.settings);
    let initial_cost = trainer.cost();
    trainer.step(u32::try_from(options.iterations).unwrap_or(u32::MAX));
    if let Some(why) = trainer.divergence() {
        return Err(Failure::Diverged(format!(
            "training diverged before the check: {}",
            divergence(&trainer, why, initial_cost)
        )));
    }
    let model = options.settings.model();
    let check = gradcheck::check(trainer.network(), trainer.train_inputs(), EPSILON, options.bug);
    if options.json {
        let rows: Vec<GradcheckRow> = check
            .rows
            .iter()
            .map(|r| GradcheckRow {
                name: r.name(model),
                backprop: r.backprop,
                approx: r.approx,
            })
            .collect();
        let report = GradcheckReport {
            iteration: trainer.iteration(),
            epsilon: EPSILON,
            threshold: THRESHOLD,
            bug: options.bug,
            difference: check.difference,
            rows: &rows,
        };
        serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "Gradient check at iteration {} (epsilon = {EPSILON:e}, {} parameters{})",
        trainer.iteration(),
        check.rows.len(),
        if options.bug {
            ", with the course's planted bugs"
        } else {
            ""
        }
    )?;
    let mut rows: Vec<_> = check.rows.iter().collect();
    rows.sort_by(|a, b| b.gap().total_cmp(&a.gap()));
    writeln!(out, "{:<12} {:>24} {:>24}", "parameter", "backprop", "gradapprox")?;
    for r in rows {
        writeln!(out, "{:<12} {:>24e} {:>24e}", r.name(model), r.backprop, r.approx)?;
    }
    // The notebook's two messages.
    if check.difference > THRESHOLD {
        writeln!(
            out,
            "There is a mistake in the backward propagation! difference = {:e}",
            check.difference
        )?;
    } else {
        writeln!(
            out,
            "Your backward propagation works perfectly fine! difference = {:e}",
            check.difference
        )?;
    }
    Ok(())
}
