//! The course's "Optimization methods" notebook: its mini-batches, GD,
//! momentum, Adam and learning-rate decay on its moons, against the numbers
//! of the notebook's own numpy code. Expected values:
//! `tests/fixtures/optimization_runs.txt` and the points
//! `optimization_moons.txt` (np.random.seed(3); make_moons(300, noise=.2)),
//! both made by `scripts/optimization_notebook.py`; the accuracies are also
//! the notebook's printed ones (REFERENCE.md: GD 0.7167, momentum 0.7167,
//! Adam 0.9433 after 5,000 epochs, the older notebook's 0.7967 / 0.7967 /
//! 0.94 after 10,000, on the way; decay=epoch 0.6533; the floored interval
//! schedule 0.9433 / 0.9533 / 0.94).
//!
//! The runs start from `notebook=optimization`, whose moons must be the
//! fixture's points (the notebook's, from scikit-learn).

mod fixtures;

use fixtures::{lines, num, points};
use sepal::network::{ForwardPass, Network};
use sepal::rng::NumpyRng;
use sepal::{Activation, Dataset, Init, Settings, Trainer};

fn notebook_run(extra: &[(&str, &str)]) -> Trainer {
    let mut settings = Settings::default();
    let mut pairs = vec![("notebook", "optimization")];
    pairs.extend_from_slice(extra);
    assert_eq!(settings.apply(pairs), []);
    let trainer = Trainer::new(&settings);
    // The preset draws the notebook's moons (scikit-learn's, to the bit).
    assert_eq!(
        trainer.train_data(),
        &Dataset::from_points(&points("optimization_moons.txt"))
    );
    trainer
}

/// `KEY RUN I V` lines of the runs fixture for one run.
fn expected(key: &str, run: &str) -> Vec<(u64, f64)> {
    lines("optimization_runs.txt")
        .into_iter()
        .filter(|l| l[0] == key && l[1] == run)
        .map(|l| (l[2].parse().unwrap(), num(&l[3])))
        .collect()
}

/// Trains `epochs` epochs, checking each printed epoch cost on the way and
/// the accuracy at each epoch count the fixture has.
fn check_run(run_name: &str, extra: &[(&str, &str)], epochs: u64) {
    let mut run = notebook_run(extra);
    let costs = expected("epochcost", run_name);
    let accuracies = expected("accuracy", run_name);
    let full_costs = expected("fullcost", run_name);
    assert!(
        !costs.is_empty() && !accuracies.is_empty(),
        "{run_name} is in the fixture"
    );
    let per_epoch = run.iterations_per_epoch() as u32;
    assert_eq!(per_epoch, 5, "4 batches of 64 and one of 44");
    let mut checked = 0;
    while run.epoch() < epochs {
        run.step(per_epoch);
        let i = run.epoch() - 1;
        if let Some(&(_, cost)) = costs.iter().find(|&&(e, _)| e == i) {
            let got = run.epoch_cost();
            assert!((got - cost).abs() < 1e-6, "{run_name}: epoch {i} cost {got} vs {cost}");
            checked += 1;
        }
        // J on all the points: our ReLU, σ and stable cost against numpy's
        // log(σ(z)), after thousands of updates in other arithmetic.
        if let Some(&(_, cost)) = full_costs.iter().find(|&&(e, _)| e == run.epoch()) {
            let got = run.cost();
            assert!(
                (got - cost).abs() < 1e-9,
                "{run_name}: J after {} epochs {got} vs {cost}",
                run.epoch()
            );
        }
        if let Some(&(_, accuracy)) = accuracies.iter().find(|&&(e, _)| e == run.epoch()) {
            assert_eq!(
                run.train_accuracy(),
                accuracy,
                "{run_name} after {} epochs",
                run.epoch()
            );
            checked += 1;
        }
    }
    assert_eq!(run.iteration(), epochs * 5);
    assert!(checked >= 3, "{run_name}: {checked} values checked");
}

#[test]
fn gradient_descent_lands_on_the_notebooks_numbers() {
    check_run("gd", &[], 10000);
}

#[test]
fn momentum_lands_on_the_notebooks_numbers() {
    check_run("momentum", &[("optimizer", "momentum")], 10000);
}

#[test]
fn adam_lands_on_the_notebooks_numbers() {
    check_run("adam", &[("optimizer", "adam")], 10000);
}

#[test]
fn decay_every_epoch_lands_on_the_notebooks_numbers() {
    check_run("gd-decay-epoch", &[("learning-rate", "0.1"), ("decay", "epoch")], 5000);
}

#[test]
fn the_floored_interval_schedule_lands_on_the_lectures_numbers() {
    let interval = [("decay", "interval"), ("decay-interval", "1000")];
    check_run(
        "gd-decay-interval",
        &[&[("learning-rate", "0.1")], &interval[..]].concat(),
        5000,
    );
    check_run(
        "momentum-decay-interval",
        &[&[("learning-rate", "0.1"), ("optimizer", "momentum")], &interval[..]].concat(),
        5000,
    );
    check_run(
        "adam-decay-interval",
        &[&[("learning-rate", "0.01"), ("optimizer", "adam")], &interval[..]].concat(),
        5000,
    );
}

#[test]
fn the_epochs_draw_numpys_permutations() {
    for line in lines("optimization_permutations.txt") {
        let (seed, m): (u32, usize) = (line[0].parse().unwrap(), line[1].parse().unwrap());
        let expected: Vec<usize> = line[2..].iter().map(|v| v.parse().unwrap()).collect();
        let mut got = vec![0; m];
        NumpyRng::new(seed).permutation(&mut got);
        assert_eq!(got, expected, "seed {seed}, m = {m}");
    }
}

#[test]
fn the_he_weights_and_the_first_cost_are_the_notebooks() {
    // The notebook's initialize_parameters: seed 3, randn(n, n_prev)·√(2/n_prev).
    let run = notebook_run(&[]);
    let mut rng = NumpyRng::new(3);
    let mine = Network::new(&[2, 5, 2, 1], Activation::Relu, Init::He, 3);
    for (layer, n_prev) in mine.layers.iter().zip([2.0f64, 5.0, 2.0]) {
        for &w in layer.w.iter() {
            assert_eq!(w, rng.randn() * (2.0 / n_prev).sqrt());
        }
    }
    assert_eq!(run.network(), &mine, "the preset builds the notebook's network");
    // Epoch 0's printed cost sums the 5 batches' losses at the parameters
    // each started from; the first batch's is the initial weights' own.
    let mut pass = ForwardPass::new(&mine, 300);
    let data = Dataset::from_points(&points("optimization_moons.txt"));
    mine.forward(data.x.view(), &mut pass);
    let j0 = expected("epochcost", "gd")[0].1;
    assert!(
        (pass.cross_entropy(&data.y) - j0).abs() < 1e-3,
        "near the first epoch's cost"
    );
}
