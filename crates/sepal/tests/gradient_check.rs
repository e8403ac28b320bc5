//! Every backward gradient against centred finite differences, for each
//! hidden activation and for networks of 0, 1 and 3 hidden layers.

use sepal::gradcheck::relative_error;
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
