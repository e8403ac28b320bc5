//! Every backward gradient against centred finite differences, for each
//! hidden activation and for networks of 0, 1 and 3 hidden layers.

use sepal::gradcheck::{check, relative_error, EPSILON, THRESHOLD};
use sepal::{Activation, DatasetKind, Init, Network};

#[test]
fn backward_pass_matches_finite_differences() {
    let data = DatasetKind::Flower.generate(1, 40, 0.2);
    for activation in Activation::ALL {
        for sizes in [&[2, 1][..], &[2, 4, 1], &[2, 5, 3, 4, 1]] {
            // He init gives units that are neither saturated nor dead; biases
            // away from 0 keep ReLU's z off its kink (with b = 0, a point that
            // silences a whole layer gives z = 0 exactly in the next one).
            let mut net = Network::new(sizes, activation, Init::He, 3);
            for layer in &mut net.layers {
                layer.b.fill(0.1);
            }
            let error = relative_error(&net, &data, 1e-6);
            assert!(error < 1e-7, "{activation:?} {sizes:?}: relative error {error:e}");
            assert!(error > 0.0, "the check compared something");
        }
    }
}

#[test]
fn the_check_catches_a_wrong_gradient() {
    // With a step far too large, finite differences are no longer the
    // gradient: the check must say so rather than pass anything.
    let data = DatasetKind::Flower.generate(1, 40, 0.2);
    let net = Network::new(&[2, 4, 1], Activation::Tanh, Init::He, 3);
    assert!(relative_error(&net, &data, 1.0) > 1e-4);
}

/// The exercise's test case (`gradient_check_n_test_case`): np.random.seed(1),
/// then x = randn(4, 3), y = [1, 1, 0], W1 = randn(5, 4), b1 = randn(5, 1),
/// W2 = randn(3, 5), b2, W3 = randn(1, 3), b3 — a [4, 5, 3, 1] ReLU network.
fn course_test_case() -> (Network, sepal::Dataset) {
    let mut rng = sepal::rng::NumpyRng::new(1);
    let mut x = ndarray::Array2::zeros((4, 3));
    x.iter_mut().for_each(|v| *v = rng.randn());
    let mut net = Network::new(&[4, 5, 3, 1], Activation::Relu, Init::Zeros, 0);
    for layer in &mut net.layers {
        layer.w.iter_mut().for_each(|v| *v = rng.randn());
        layer.b.iter_mut().for_each(|v| *v = rng.randn());
    }
    (
        net,
        sepal::Dataset {
            x,
            y: vec![1.0, 1.0, 0.0],
        },
    )
}

#[test]
fn the_courses_test_case_gives_its_numbers() {
    // REFERENCE.md and scripts/gradcheck_course.py (the notebook's code in
    // numpy): 0.2850931567761623 with its two planted bugs,
    // 1.1890913024229996e-07 with them fixed.
    let (net, data) = course_test_case();
    let planted = check(&net, &data, EPSILON, true);
    let relative = (planted.difference - 0.2850931567761623).abs() / 0.2850931567761623;
    assert!(relative < 1e-6, "planted bugs: {:e}", planted.difference);
    // Fixed, the difference is only rounding: numpy's subtraction of two
    // costs loses their last bits, which ε = 1e-7 magnifies to 1.19e-7;
    // ours takes J(θ+ε) − J(θ−ε) from the logits without that loss
    // (gradcheck.rs), so it is smaller (7.2e-10), under the course's threshold.
    let fixed = check(&net, &data, EPSILON, false);
    assert!(fixed.difference < THRESHOLD, "fixed: {:e}", fixed.difference);
    assert!(fixed.difference > 0.0, "the check compared something");
    // The rows point at the planted bugs: W2 and b1 are off, W1, b2, W3, b3 agree.
    for row in &planted.rows {
        let off = (row.backprop - row.approx).abs() > 1e-6 * (1.0 + row.approx.abs());
        let planted_here = (row.layer == 1 && row.col.is_some()) || (row.layer == 0 && row.col.is_none());
        if !planted_here {
            assert!(!off, "{row:?} is off without a bug");
        }
    }
    assert!(planted.rows.iter().any(|r| r.layer == 1
        && r.col.is_some()
        && r.approx.abs() > 1e-3
        && (r.backprop - 2.0 * r.approx).abs() < 1e-6));
}

#[test]
fn sepal_models_pass_the_courses_check_during_training() {
    use sepal::settings::Settings;
    use sepal::Trainer;
    for (model, activations) in [
        ("logistic", &["tanh"][..]),
        ("shallow", &["tanh", "sigmoid", "leaky-relu", "relu"]),
        ("deep", &["tanh", "sigmoid", "leaky-relu", "relu"]),
    ] {
        for activation in activations {
            let mut settings = Settings::default();
            settings.set("model", model).unwrap();
            settings.set("activation", activation).unwrap();
            settings.set("points", "100").unwrap();
            if activation.contains("relu") || model == "deep" {
                // From small weights a deep ReLU network's z are ~1e-8, so
                // θ ± ε moves them across the kink, where a difference
                // quotient is not a derivative; and a deep sigmoid
                // network's gradients vanish before W2 and b1, where the
                // bug is planted. He weights avoid both.
                settings.set("init", "he").unwrap();
            }
            let mut run = Trainer::new(&settings);
            // Logistic regression on the flower reaches a gradient of ~1e-17
            // (zero to rounding) within 200 iterations: nothing left to check.
            let steps = if model == "logistic" { [0, 5, 5] } else { [0, 10, 200] };
            for iterations in steps {
                run.step(iterations);
                let net = run.network();
                let ok = check(net, run.train_data(), EPSILON, false);
                assert!(
                    ok.difference < THRESHOLD,
                    "{model} {activation} at {}: {:e}",
                    run.iteration(),
                    ok.difference
                );
                let planted = check(net, run.train_data(), EPSILON, true);
                assert!(
                    planted.difference > 1e-2,
                    "{model} {activation}: planted {:e}",
                    planted.difference
                );
            }
        }
    }
}
