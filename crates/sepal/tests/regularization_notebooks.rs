//! The course's "Initialization" and "Regularization" notebooks (Course 2,
//! Week 1) through Sepal's settings and trainer, against the notebooks' own
//! numpy code: every expected value comes from
//! `scripts/regularization_notebooks.py`, which writes the fixtures read
//! here (the data points too) and asserts the notebooks' published
//! accuracies (/work/shared/REFERENCE.md).
//!
//! Costs are compared to 1e-6 (numpy's costs come from the probabilities
//! and its own exp and log, ours from the logits), accuracies exactly.

mod fixtures;

use sepal::{Dataset, Divergence, Settings, Trainer};

/// A run with these settings on top of the defaults, whose points must be
/// the notebook's (`data`: the fixture's train and test points).
fn run(settings: &[(&str, &str)], data: &str) -> Trainer {
    let mut s = Settings::default();
    assert_eq!(s.apply(settings.iter().copied()), []);
    let trainer = Trainer::new(&s);
    let points = |set: &str| Dataset::from_points(&fixtures::points(&format!("{data}_{set}.txt")));
    assert_eq!(trainer.train_data(), &points("train"), "the notebook's training points");
    assert_eq!(trainer.test_data(), &points("test"), "the notebook's test points");
    trainer
}

/// `cost RUN I J` lines of a fixture.
fn costs(fixture: &str, run: &str) -> Vec<(u64, f64)> {
    fixtures::lines(fixture)
        .into_iter()
        .filter(|l| l[0] == "cost" && l[1] == run)
        .map(|l| (l[2].parse().unwrap(), fixtures::num(&l[3])))
        .collect()
}

/// `accuracy RUN train|test A` lines: (train, test).
fn accuracies(fixture: &str, run: &str) -> (f64, f64) {
    let lines = fixtures::lines(fixture);
    let find = |set: &str| {
        let line = lines.iter().find(|l| l[0] == "accuracy" && l[1] == run && l[2] == set);
        fixtures::num(&line.unwrap_or_else(|| panic!("{run} {set}"))[3])
    };
    (find("train"), find("test"))
}

/// Trains to `iterations`, checking the cost the notebook printed at each of
/// its iterations on the way (to `tolerance`), then the accuracies exactly.
fn check(mut trainer: Trainer, fixture: &str, name: &str, iterations: u64, tolerance: f64) {
    for (i, expected) in costs(fixture, name) {
        trainer.step((i - trainer.iteration()) as u32);
        let cost = trainer.cost();
        assert!(
            (cost - expected).abs() <= tolerance,
            "{name}: cost after iteration {i} is {cost}, the notebook's {expected}"
        );
    }
    trainer.step((iterations - trainer.iteration()) as u32);
    assert_eq!(trainer.iteration(), iterations);
    assert_eq!(trainer.divergence(), None, "{name}");
    let (train, test) = (trainer.train_accuracy(), trainer.test_metrics().0);
    assert_eq!(
        (train, test),
        accuracies(fixture, name),
        "{name}: train and test accuracy"
    );
}

/// The preset's He weights give way to each run's.
const INITIALIZATION: [(&str, &str); 1] = [("notebook", "initialization")];

fn initialization(init: &str) -> Trainer {
    let mut settings = INITIALIZATION.to_vec();
    settings.push(("init", init));
    run(&settings, "rings")
}

#[test]
fn zeros_never_break_the_symmetry_cost_ln2_and_half_right() {
    // Every unit of a layer computes the same: the output is 0.5 everywhere.
    check(initialization("zeros"), "initialization.txt", "zeros", 15_000, 1e-15);
}

#[test]
fn he_weights_learn_the_rings() {
    check(initialization("he"), "initialization.txt", "he", 15_000, 1e-6);
}

#[test]
fn large_weights_start_saturated_with_a_finite_cost_and_never_count_as_diverged() {
    let mut trainer = initialization("large");
    // numpy prints inf (log of an exact 0); from the logits the cost is
    // finite, and enormous: some outputs are confidently wrong by a mile.
    let start = trainer.cost();
    assert!(start.is_finite() && start > 100.0, "{start}");
    let fixture_start = costs("initialization.txt", "large")[0].1;
    assert_eq!(fixture_start, f64::INFINITY, "numpy's own line");
    // The run falls from there (chaotically: the costs on the way may differ
    // from numpy's in the 4th digit), and never diverges.
    trainer.step(1000);
    let after_1000 = trainer.cost();
    assert!(after_1000 < 1.0, "{after_1000}");
    trainer.step(14_000);
    assert_eq!(trainer.divergence(), None::<Divergence>);
    let (train, test) = (trainer.train_accuracy(), trainer.test_metrics().0);
    assert_eq!((train, test), accuracies("initialization.txt", "large"));
    assert_eq!((train, test), (0.83, 0.86), "the notebook's printed accuracies");
}

const REGULARIZATION: [(&str, &str); 1] = [("notebook", "regularization")];

fn regularization(extra: &[(&str, &str)]) -> Trainer {
    run(&[&REGULARIZATION[..], extra].concat(), "football")
}

#[test]
fn the_regularization_notebooks_baseline_overfits() {
    check(regularization(&[]), "regularization.txt", "baseline", 30_000, 1e-6);
}

#[test]
fn l2_with_lambda_0_7_fits_less_and_generalises_better() {
    check(
        regularization(&[("l2", "0.7")]),
        "regularization.txt",
        "l2",
        30_000,
        1e-6,
    );
}

#[test]
fn dropout_0_86_with_the_notebooks_fixed_masks() {
    let trainer = regularization(&[("keep-prob", "0.86"), ("dropout-masks", "fixed")]);
    check(trainer, "regularization.txt", "dropout", 30_000, 1e-6);
}

#[test]
fn fresh_dropout_masks_differ_from_iteration_to_iteration_and_replay_exactly() {
    let fresh = || regularization(&[("keep-prob", "0.86"), ("dropout-masks", "fresh")]);
    let fixed = regularization(&[("keep-prob", "0.86"), ("dropout-masks", "fixed")]);
    let (mut a, mut b) = (fresh(), fresh());
    // Seed 3's masks at iteration 0 are not seed 1's.
    assert_ne!(a.cost().to_bits(), fixed.cost().to_bits());
    a.step(500);
    b.step(500);
    assert_eq!(a.cost().to_bits(), b.cost().to_bits(), "the same run twice");
    // Not the fixed masks' run, and still learning.
    let mut fixed = fixed;
    fixed.step(500);
    assert_ne!(a.cost().to_bits(), fixed.cost().to_bits());
    assert!(a.train_accuracy() > 0.85, "{}", a.train_accuracy());
    // An imported run goes on as the original does: the masks depend on
    // the seed and the iteration only.
    let mut copy = fresh();
    copy.restore(a.network(), a.iteration()).unwrap();
    a.step(100);
    copy.step(100);
    assert_eq!(a.cost().to_bits(), copy.cost().to_bits());
    assert_eq!(a.network(), copy.network());
}

#[test]
fn l1_pushes_weights_to_zero() {
    let mut plain = regularization(&[]);
    let mut l1 = regularization(&[("l1", "0.05")]);
    plain.step(3000);
    l1.step(3000);
    let small = |t: &Trainer| {
        t.network()
            .layers
            .iter()
            .flat_map(|l| l.w.iter())
            .filter(|w| w.abs() < 1e-2)
            .count()
    };
    assert!(small(&l1) > small(&plain) + 10, "{} vs {}", small(&l1), small(&plain));
    // The penalty is part of J: the cost is above the cross-entropy alone.
    let sum_abs: f64 = l1
        .network()
        .layers
        .iter()
        .flat_map(|l| l.w.iter())
        .map(|w| w.abs())
        .sum();
    assert!(l1.cost() > 0.05 / 211.0 * sum_abs * 0.999);
}
