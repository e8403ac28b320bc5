use super::*;
use crate::{Activation, DatasetKind, Init};

/// The check as it was made before it came in parts: every parameter's
/// two passes over every layer, in one go.
fn whole_check(network: &Network, data: &Dataset, epsilon: f64, bug: bool) -> GradientCheck {
    let m = data.len();
    let mut pass = ForwardPass::new(network, m);
    let mut grads = Gradients::new(network, m);
    network.forward(data.x.view(), &mut pass);
    network.backward(data.x.view(), &data.y, &pass, &mut grads);
    if bug {
        grads.dw[bug_weight_layer(network)].mapv_inplace(|g| g * 2.0);
        grads.db[0].mapv_inplace(|g| g * 4.0);
    }
    let mut probe = network.clone();
    let mut minus_pass = ForwardPass::new(network, m);
    let mut rows = Vec::new();
    for (l, layer) in network.layers.iter().enumerate() {
        let cols = layer.inputs();
        let analytic = grads.dw[l].iter().chain(grads.db[l].iter());
        for (i, &backprop) in (0..layer.w.len() + layer.b.len()).zip(analytic) {
            let original = parameter(network, l, i);
            *parameter_mut(&mut probe, l, i) = original + epsilon;
            probe.forward(data.x.view(), &mut pass);
            *parameter_mut(&mut probe, l, i) = original - epsilon;
            probe.forward(data.x.view(), &mut minus_pass);
            *parameter_mut(&mut probe, l, i) = original;
            let j = loss_difference(pass.output_logits(), minus_pass.output_logits(), &data.y);
            let (row, col) = if i < layer.w.len() {
                (i / cols, Some(i % cols))
            } else {
                (i - layer.w.len(), None)
            };
            rows.push(CheckRow {
                layer: l,
                row,
                col,
                backprop,
                approx: j / (2.0 * epsilon),
            });
        }
    }
    GradientCheck {
        difference: difference(&rows),
        rows,
    }
}

fn bits(check: &GradientCheck) -> Vec<(usize, usize, Option<usize>, u64, u64)> {
    let mut out: Vec<_> = check
        .rows
        .iter()
        .map(|r| (r.layer, r.row, r.col, r.backprop.to_bits(), r.approx.to_bits()))
        .collect();
    out.push((0, 0, None, check.difference.to_bits(), 0));
    out
}

#[test]
fn a_check_in_parts_has_the_bits_of_the_whole_check() {
    let data = DatasetKind::Flower.generate(1, 37, 0.2);
    let shapes: [&[usize]; 4] = [&[2, 1], &[2, 4, 1], &[2, 5, 3, 4, 1], &[2, 1, 3, 1]];
    for (k, sizes) in shapes.into_iter().enumerate() {
        let activation = Activation::ALL[k % Activation::ALL.len()];
        let net = Network::new(sizes, activation, Init::He, 3);
        for bug in [false, true] {
            let whole = bits(&whole_check(&net, &data, EPSILON, bug));
            assert_eq!(
                bits(&check(&net, &data, EPSILON, bug)),
                whole,
                "{sizes:?} bug={bug}: in one go"
            );
            // Budgets below one unit, of a few units, and of a layer or so.
            for work in [1, 100, 37 * 5 + 1, 5_000] {
                let mut run = GradientCheckRun::new(&net, &data, EPSILON, bug);
                assert_eq!((run.checked(), run.total()), (0, net.parameter_count()));
                let mut advances = 0;
                while !run.advance(work) {
                    advances += 1;
                    assert!(run.checked() < run.total());
                }
                assert!(advances > 0 || work > 100, "{sizes:?}: {work} split the check");
                assert_eq!(run.checked(), run.total());
                let parts = bits(&run.into_result().unwrap());
                assert_eq!(parts, whole, "{sizes:?} bug={bug}: in parts of {work}");
            }
        }
    }
}

#[test]
fn an_unfinished_run_has_no_result() {
    let data = DatasetKind::Flower.generate(1, 20, 0.2);
    let net = Network::new(&[2, 4, 1], Activation::Tanh, Init::He, 3);
    let mut run = GradientCheckRun::new(&net, &data, EPSILON, false);
    assert!(!run.advance(1));
    assert!(run.into_result().is_none());
}
