//! #15: an iteration run in parts (`Trainer::advance`, one layer of one pass
//! per call, as the page spreads a large network's iteration over frames)
//! has the bits of the same iterations run whole by `step`, for every kind
//! of run: the parameters, the cost, the epochs and every curve.

use sepal::settings::Settings;
use sepal::trainer::{Advance, IterationStep};
use sepal::Trainer;

fn run_with(pairs: &[(&str, &str)]) -> Trainer {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(pairs.iter().copied()), [], "{pairs:?}");
    Trainer::new(&settings)
}

/// Every fact a page shows about a run, as bits.
fn fingerprint(run: &mut Trainer) -> Vec<u64> {
    let mut bits = vec![
        run.iteration(),
        run.epoch(),
        run.epoch_cost().to_bits(),
        run.cost().to_bits(),
    ];
    bits.push(run.train_accuracy().to_bits());
    let (accuracy, cost) = run.test_metrics();
    bits.extend([accuracy.to_bits(), cost.to_bits(), run.divergence().is_some() as u64]);
    for layer in &run.network().layers {
        bits.extend(layer.w.iter().chain(layer.b.iter()).map(|v| v.to_bits()));
    }
    for curve in [
        run.history(),
        run.test_cost_history(),
        run.train_accuracy_history(),
        run.test_accuracy_history(),
    ] {
        bits.extend(curve.iterations().iter().chain(curve.costs()).map(|v| v.to_bits()));
    }
    bits
}

/// `n` iterations by `advance` alone; returns the calls it took.
fn advance_iterations(run: &mut Trainer, n: u32) -> usize {
    let (mut done, mut calls) = (0, 0);
    while done < n {
        calls += 1;
        match run.advance() {
            Advance::Partway => assert!(run.is_mid_iteration()),
            Advance::Iterated => done += 1,
            Advance::Stopped => break,
            Advance::Evaluated => panic!("no first evaluation was under way"),
        }
    }
    calls
}

/// A run built with its first evaluation left to `advance`.
fn run_in_parts(pairs: &[(&str, &str)]) -> Trainer {
    let mut settings = Settings::default();
    assert_eq!(settings.apply(pairs.iter().copied()), [], "{pairs:?}");
    let (train, test) = sepal::dataset::train_and_test(&settings);
    Trainer::with_split_in_parts(&settings, train, test)
}

/// The first evaluation by `advance` alone; returns the calls it took.
fn advance_evaluation(run: &mut Trainer) -> usize {
    let mut calls = 0;
    loop {
        calls += 1;
        match run.advance() {
            Advance::Partway => {
                assert!(run.is_evaluating() && run.is_mid_iteration());
                // Readers meanwhile: iteration 0, the accuracies not known
                // yet (the cost once the training pass is done).
                assert_eq!(run.iteration(), 0);
                assert!(run.train_accuracy().is_nan());
                assert!(run.test_metrics().0.is_nan());
            }
            Advance::Evaluated => break,
            other => panic!("{other:?} during the first evaluation"),
        }
    }
    assert!(!run.is_evaluating() && !run.is_mid_iteration());
    calls
}

const KINDS: [&[(&str, &str)]; 11] = [
    &[],
    &[("test-fraction", "0.25")],
    &[("model", "deep"), ("activation", "relu"), ("test-fraction", "0.2")],
    &[
        ("notebook", "optimization"),
        ("optimizer", "adam"),
        ("batch-size", "64"),
    ],
    &[
        ("model", "deep"),
        ("optimizer", "momentum"),
        ("batch-size", "300"),
        ("decay", "interval"),
    ],
    &[("model", "deep"), ("l2", "0.7"), ("l1", "0.01")],
    &[("model", "deep"), ("keep-prob", "0.86"), ("dropout-masks", "fixed")],
    &[("model", "deep"), ("keep-prob", "0.8"), ("test-fraction", "0.3")],
    &[("dataset", "circles"), ("features", "x1,x2,x1sq,x2sq,sinx1")],
    // Dropout with mini-batches: each batch's pass with its own masks.
    &[("model", "deep"), ("keep-prob", "0.8"), ("batch-size", "64")],
    &[
        ("notebook", "regularization"),
        ("keep-prob", "0.86"),
        ("batch-size", "50"),
    ],
];

/// Layers large enough to be split by rows (several phases a layer), plain,
/// with dropout, with held-out points and with mini-batches as large as the
/// set, at the caps' width and points.
const LARGE: [&[(&str, &str)]; 3] = [
    &[
        ("model", "deep"),
        ("layers", "64,64"),
        ("points", "10000"),
        ("test-fraction", "0.4"),
    ],
    &[
        ("model", "deep"),
        ("layers", "64,64"),
        ("points", "10000"),
        ("keep-prob", "0.8"),
        ("activation", "relu"),
    ],
    &[
        ("model", "deep"),
        ("layers", "64,64"),
        ("points", "10000"),
        ("batch-size", "8000"),
        ("l2", "0.1"),
    ],
];

#[test]
fn large_layers_in_row_parts_have_the_bits_of_whole_ones() {
    for pairs in LARGE {
        let mut whole = run_with(pairs);
        let mut parts = run_with(pairs);
        whole.step(3);
        let calls = advance_iterations(&mut parts, 3);
        // dW of 64 rows over 10,000 examples: several phases a layer.
        assert!(calls > 3 * 30, "{pairs:?}: {calls} parts for 3 iterations");
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?}");
    }
}

/// Split by rows, the trainer's passes are the whole-layer passes of
/// `Network::forward` and `backward` to the bit: gradient descent written
/// out with them, at the caps' width and points.
#[test]
fn row_parts_are_the_whole_layer_passes() {
    use sepal::network::{cross_entropy, ForwardPass, Gradients};
    for activation in ["tanh", "relu"] {
        let pairs = [
            ("model", "deep"),
            ("layers", "64,64,64"),
            ("points", "10000"),
            ("activation", activation),
        ];
        let mut run = run_with(&pairs);
        let mut network = run.network().clone();
        let data = run.train_inputs().clone();
        let rate = run.learning_rate();
        let mut pass = ForwardPass::new(&network, data.len());
        let mut grads = Gradients::new(&network, data.len());
        network.forward(data.x.view(), &mut pass);
        for _ in 0..3 {
            network.backward(data.x.view(), &data.y, &pass, &mut grads);
            network.descend(&grads, rate);
            network.forward(data.x.view(), &mut pass);
        }
        advance_iterations(&mut run, 3);
        assert_eq!(run.network(), &network, "{activation}");
        let cost = cross_entropy(pass.output_logits(), &data.y);
        assert_eq!(run.cost().to_bits(), cost.to_bits(), "{activation}");
    }
}

#[test]
fn iterations_in_parts_have_the_bits_of_whole_ones() {
    for pairs in KINDS {
        let mut whole = run_with(pairs);
        let mut parts = run_with(pairs);
        // Past where the curves start to keep every other point.
        for n in [1, 2, 40, 1100] {
            whole.step(n);
            let calls = advance_iterations(&mut parts, n);
            assert!(calls > n as usize, "{pairs:?}: an iteration is several parts");
            assert!(!parts.is_mid_iteration());
            assert_eq!(
                fingerprint(&mut parts),
                fingerprint(&mut whole),
                "{pairs:?} after {n} more"
            );
        }
    }
}

/// Parts of any size, changing from call to call (a page sizes them by
/// time, #15), have the bits of whole iterations: a first evaluation and
/// iterations, large and small runs.
#[test]
fn parts_of_any_size_have_the_bits_of_whole_ones() {
    let sizes = [1, 1 << 20, 5_000, usize::MAX, 300_000, 1 << 22];
    for pairs in KINDS.iter().chain(&LARGE) {
        let mut whole = run_with(pairs);
        let mut parts = run_in_parts(pairs);
        whole.step(3);
        let (mut done, mut calls) = (0, 0);
        while done < 3 {
            match parts.advance_within(sizes[calls % sizes.len()]) {
                Advance::Iterated => done += 1,
                Advance::Stopped => break,
                Advance::Partway | Advance::Evaluated => {}
            }
            calls += 1;
        }
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?}");
    }
}

/// `step` finishes an iteration left part way and counts it; mid-way the
/// iteration counter has not moved yet as far as the page is concerned.
#[test]
fn step_finishes_an_iteration_left_part_way() {
    for pairs in KINDS {
        let mut whole = run_with(pairs);
        let mut parts = run_with(pairs);
        whole.step(3);
        parts.advance();
        parts.advance();
        assert!(parts.is_mid_iteration(), "{pairs:?}");
        assert_eq!(parts.step(3), 3);
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?}");
    }
}

/// A reset while an iteration is under way forgets it.
#[test]
fn a_reset_abandons_the_iteration_under_way() {
    let mut run = run_with(&[("model", "deep")]);
    run.advance();
    run.reset();
    assert!(!run.is_mid_iteration());
    let mut fresh = run_with(&[("model", "deep")]);
    run.step(5);
    fresh.step(5);
    assert_eq!(fingerprint(&mut run), fingerprint(&mut fresh));
}

/// The decision map in bands (a large network's still, over frames) is the
/// map rendered whole, and shows the previous picture until it is whole.
#[test]
fn a_map_in_bands_is_the_whole_map() {
    use sepal::grid::Bounds;
    use sepal::DecisionMap;
    let bounds = Bounds {
        x_min: -4.0,
        x_max: 4.0,
        y_min: -4.0,
        y_max: 4.0,
    };
    let mut run = run_with(&[("model", "deep")]);
    let mut whole = DecisionMap::new(run.network(), 90, 70);
    let mut bands = DecisionMap::new(run.network(), 90, 70);
    bands.render(run.network(), bounds);
    let before = bands.pixels().to_vec();
    run.step(300);
    whole.render(run.network(), bounds);
    let mut calls = 1;
    while !bands.render_rows(run.network(), bounds, 8) {
        assert_eq!(
            bands.pixels(),
            &before[..],
            "the last picture stays until the new one is whole"
        );
        calls += 1;
    }
    assert_eq!(calls, 9, "70 rows in bands of 8");
    assert_eq!(bands.pixels(), whole.pixels());
    let bits = |lines: &[f32]| lines.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    assert_eq!(
        bits(bands.contour()),
        bits(whole.contour()),
        "NaN pairs between the lines"
    );
    assert_eq!(bands.probability_range(), whole.probability_range());
    assert!(
        bands.render_rows(run.network(), bounds, 8),
        "a whole picture of the same parameters stays"
    );
}

/// #15: a run built, or reset, with its first evaluation in parts (the
/// page's build of a large network) has the bits of one built whole, then
/// and after training; `step` does a pending evaluation whole first.
#[test]
fn a_first_evaluation_in_parts_has_the_bits_of_a_whole_one() {
    for pairs in KINDS.iter().chain(&LARGE) {
        let mut whole = run_with(pairs);
        let mut parts = run_in_parts(pairs);
        assert!(parts.is_evaluating(), "{pairs:?}");
        advance_evaluation(&mut parts);
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?} built");
        whole.step(3);
        advance_iterations(&mut parts, 3);
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?} trained");
        whole.reset();
        parts.reset_in_parts();
        advance_evaluation(&mut parts);
        assert_eq!(fingerprint(&mut parts), fingerprint(&mut whole), "{pairs:?} reset");
        let mut stepped = run_in_parts(pairs);
        assert_eq!(stepped.step(3), 3);
        whole.step(3);
        assert_eq!(fingerprint(&mut stepped), fingerprint(&mut whole), "{pairs:?} stepped");
    }
}

/// At the caps' width and points the first evaluation is many bounded
/// parts, as an iteration is.
#[test]
fn a_large_first_evaluation_is_many_parts() {
    for pairs in LARGE {
        let calls = advance_evaluation(&mut run_in_parts(pairs));
        // The 64 × 64 layer over 10,000 points alone is several parts.
        assert!(calls > 4, "{pairs:?}: {calls} parts");
    }
}

/// The steps one iteration's parts leave under way, as a page sees them
/// between its parts (`iteration_step` after each), each once however many
/// parts it takes; and how many parts saw a step under way.
fn steps_of_one_iteration(run: &mut Trainer) -> (Vec<IterationStep>, usize) {
    assert_eq!(run.iteration_step(), None, "between iterations");
    let (mut steps, mut parts) = (Vec::new(), 0);
    while run.advance() == Advance::Partway {
        let step = run.iteration_step().expect("a step under way");
        parts += 1;
        if steps.last() != Some(&step) {
            steps.push(step);
        }
    }
    assert_eq!(run.iteration_step(), None, "between iterations");
    (steps, parts)
}

/// #15: what an iteration in parts is computing (the formulas' highlight):
/// the backward pass from the output layer down, the update, the new
/// parameters' forward pass from the input layer up (J with the output
/// layer), the metrics the page reads; a mini-batch's forward pass first.
/// (The first part, from between iterations, runs at once: dW[L], db[L].)
#[test]
fn an_iteration_in_parts_says_which_step_is_under_way() {
    use IterationStep::*;
    let mut run = run_with(&[("model", "deep"), ("layers", "5,3")]);
    let course = [
        Delta(2),
        Gradients(2),
        Delta(1),
        Gradients(1),
        Update,
        Forward(1),
        Forward(2),
        Forward(3),
    ];
    // The first iteration: its curves' points need the metrics.
    let (steps, parts) = steps_of_one_iteration(&mut run);
    assert_eq!(steps, [&course[..], &[Metrics]].concat());
    assert_eq!(parts, steps.len(), "a small layer is one part");
    // Past where the curves keep every other iteration: one they skip
    // ends with the forward pass.
    run.step(1100);
    let (a, b) = (steps_of_one_iteration(&mut run).0, steps_of_one_iteration(&mut run).0);
    assert!(a == course || b == course, "{a:?} {b:?}");
    // At the caps' width and points a layer is several parts, each saying its layer.
    let mut large = run_with(&[("model", "deep"), ("layers", "64,64"), ("points", "10000")]);
    let (steps, parts) = steps_of_one_iteration(&mut large);
    assert_eq!(steps, [&course[..], &[Metrics]].concat());
    assert!(parts > 2 * steps.len(), "{parts} parts");
    let mut batches = run_with(&[("model", "deep"), ("layers", "5,3"), ("batch-size", "64")]);
    let (steps, _) = steps_of_one_iteration(&mut batches);
    assert_eq!(steps[..2], [Forward(2), Forward(3)], "the batch's forward pass");
    assert_eq!(steps[2], Gradients(3), "then its backward pass");
    assert_eq!(steps[3..11], course);
    // A run built in parts: its first evaluation is a forward pass.
    let mut fresh = run_in_parts(&[("model", "deep"), ("layers", "5,3")]);
    assert_eq!(fresh.iteration_step(), Some(Forward(1)));
    advance_evaluation(&mut fresh);
    assert_eq!(fresh.iteration_step(), None);
}
