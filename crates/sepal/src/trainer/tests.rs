//! The run's own tests: dropout's plain pass, mini-batches, the curves,
//! restores, the gradients read and the data replaced.

use alloc::vec::Vec;

use super::*;

fn run_with(pairs: &[(&str, &str)]) -> Trainer {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(pairs.iter().copied()), []);
    Trainer::new(&settings)
}

/// With dropout a step skips the plain pass; whatever reads the
/// accuracy still gets the current parameters' (the curve's too).
#[test]
fn with_dropout_the_accuracy_is_the_current_parameters() {
    let mut run = run_with(&[("model", "deep"), ("keep-prob", "0.8"), ("learning-rate", "0.5")]);
    for n in [1, 39, 400] {
        run.step(n);
        let inputs = run.train_inputs();
        let mut pass = ForwardPass::new(run.network(), inputs.len());
        run.network().forward(inputs.x.view(), &mut pass);
        assert_eq!(
            run.train_accuracy(),
            accuracy(pass.output(), &inputs.y),
            "after {n} more"
        );
    }
    let curve = run.train_accuracy_history();
    assert_eq!(curve.iterations()[..3], [0.0, 4.0, 8.0], "every 4th iteration");
    assert_eq!(run.history().iterations(), curve.iterations(), "aligned");
    assert_eq!(curve.iterations().last(), Some(&(run.iteration() as f64)));
    assert_eq!(
        curve.costs().last(),
        Some(&run.train_accuracy()),
        "the curve's last point"
    );
}

/// With mini-batches every update's batch drops units, the smaller last
/// one too, and J is the plain pass's.
#[test]
fn with_mini_batches_every_batch_drops_units() {
    // The flower's 400 points in batches of 64: six of 64, one of 16.
    let pairs = [("model", "deep"), ("batch-size", "64"), ("dropout-masks", "fixed")];
    for position in 0..7 {
        let mut plain = run_with(&pairs);
        let mut dropout = run_with(&[&pairs[..], &[("keep-prob", "0.5")]].concat());
        for run in [&mut plain, &mut dropout] {
            run.restore_epochs(0, position, 0.0, f64::NAN);
            run.step(1);
        }
        assert_ne!(plain.network(), dropout.network(), "batch {position}");
        let inputs = dropout.train_inputs();
        let mut pass = ForwardPass::new(dropout.network(), inputs.len());
        dropout.network().forward(inputs.x.view(), &mut pass);
        assert_eq!(dropout.cost(), pass.cross_entropy(&inputs.y));
    }
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

/// #15: every bit of dW and db, layer by layer.
fn gradient_bits(grads: &Gradients) -> Vec<u64> {
    let dw = grads.dw.iter().flat_map(|dw| dw.iter());
    let db = grads.db.iter().flat_map(|db| db.iter());
    dw.chain(db).map(|v| v.to_bits()).collect()
}

/// #15: the batch's gradients computed in parts, whatever the budget a
/// part, have every bit of the whole backward pass and penalties
/// (`Regularization::gradients`, as `gradients()` computed them before it
/// came in parts), for shapes, activations, L2, L1, dropout (both masks),
/// mini-batches and features; and `gradients()` is the same.
#[test]
fn gradients_in_parts_have_the_bits_of_the_whole_pass() {
    let kinds: [&[(&str, &str)]; 9] = [
        &[],
        &[("model", "logistic")],
        &[("model", "deep"), ("layers", "5,3,4"), ("activation", "relu")],
        &[("model", "deep"), ("activation", "sigmoid"), ("l2", "0.7")],
        &[
            ("model", "deep"),
            ("activation", "leaky-relu"),
            ("l1", "0.01"),
            ("l2", "0.3"),
        ],
        &[("model", "deep"), ("keep-prob", "0.8")],
        &[
            ("model", "deep"),
            ("keep-prob", "0.86"),
            ("dropout-masks", "fixed"),
            ("l2", "0.1"),
        ],
        &[("model", "deep"), ("keep-prob", "0.8"), ("batch-size", "64")],
        &[("dataset", "circles"), ("features", "x1,x2,x1sq,x2sq,sinx1")],
    ];
    for pairs in kinds {
        let mut run = run_with(pairs);
        run.step(7);
        let m = run.train_inputs().len();
        let mut whole = Gradients::new(run.network(), m);
        run.regularization
            .gradients(&run.network, run.train.x.view(), &run.train.y, &run.pass, &mut whole);
        let expected = gradient_bits(&whole);
        assert_eq!(gradient_bits(run.gradients()), expected, "{pairs:?}: gradients()");
        for work in [1, 2, 50, 999, 4096, 100_000, usize::MAX] {
            // Start over, with another computation's leftovers in the workspace.
            run.changed();
            run.grads.dw.iter_mut().for_each(|dw| dw.fill(f64::NAN));
            let mut calls = 1;
            while !run.gradients_advance(work) {
                calls += 1;
            }
            assert_eq!(gradient_bits(&run.grads), expected, "{pairs:?}: parts of {work}");
            assert_eq!(gradient_bits(run.gradients()), expected, "{pairs:?}: kept");
            if work == 1 {
                assert!(calls > run.network().layers.len(), "{pairs:?}: {calls} parts of 1");
            }
        }
    }
}

/// #15: a run that trains on while its gradients are computed in parts
/// starts them over: what they complete is the current parameters'
/// gradients; complete, they are kept until the run changes.
#[test]
fn gradients_in_parts_start_over_when_the_run_changes() {
    let deep = [("model", "deep"), ("l2", "0.5")];
    let mut run = run_with(&deep);
    assert!(!run.gradients_advance(3000));
    run.step(3);
    while !run.gradients_advance(3000) {}
    let mut other = run_with(&deep);
    other.step(3);
    let expected = gradient_bits(other.gradients());
    assert_eq!(gradient_bits(&run.grads), expected);
    assert!(run.gradients_advance(1), "kept: nothing left to do");
    run.reset();
    assert!(!run.gradients_advance(1), "reset: begun anew");
    while !run.gradients_advance(1) {}
    run.reset_in_parts();
    run.finish_evaluation();
    assert!(!run.gradients_advance(1), "reset in parts: begun anew");
    // Any budget after any part: the rest at once (one point: rows of a single multiply-add).
    let mut settings = Settings::default();
    settings.set("model", "deep").unwrap();
    let mut one = Trainer::with_data(&settings, &Dataset::from_points(&[[-1.0, 0.5, 1.0]]));
    let expected = gradient_bits(one.gradients());
    for parts in 0..40 {
        one.changed();
        for _ in 0..parts {
            one.gradients_advance(1);
        }
        assert!(one.gradients_advance(usize::MAX));
        assert_eq!(gradient_bits(&one.grads), expected, "after {parts} parts");
    }
}
