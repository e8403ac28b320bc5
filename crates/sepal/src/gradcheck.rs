//! Gradient checking: the backward pass against centred finite differences
//! of the cost, parameter by parameter, as the course's exercise does it.

use crate::dataset::Dataset;
use crate::network::{cross_entropy, ForwardPass, Gradients, Network};

/// The course's ‖grad − approx‖ / (‖grad‖ + ‖approx‖) over all parameters,
/// with approx = (J(θ + ε) − J(θ − ε)) / 2ε.
pub fn relative_error(network: &Network, data: &Dataset, epsilon: f64) -> f64 {
    let m = data.len();
    let mut pass = ForwardPass::new(network, m);
    let mut grads = Gradients::new(network, m);
    network.forward(data.x.view(), &mut pass);
    network.backward(data.x.view(), &data.y, &pass, &mut grads);

    let mut probe = network.clone();
    let mut cost_at = |probe: &Network| {
        probe.forward(data.x.view(), &mut pass);
        cross_entropy(pass.output_logits(), &data.y)
    };
    let (mut diff, mut norm_grad, mut norm_approx) = (0.0, 0.0, 0.0);
    for l in 0..network.layers.len() {
        let analytic = grads.dw[l].iter().chain(grads.db[l].iter());
        let count = network.layers[l].w.len() + network.layers[l].b.len();
        for (i, &grad) in (0..count).zip(analytic) {
            let original = parameter(network, l, i);
            *parameter_mut(&mut probe, l, i) = original + epsilon;
            let plus = cost_at(&probe);
            *parameter_mut(&mut probe, l, i) = original - epsilon;
            let minus = cost_at(&probe);
            *parameter_mut(&mut probe, l, i) = original;
            let approx = (plus - minus) / (2.0 * epsilon);
            diff += (grad - approx) * (grad - approx);
            norm_grad += grad * grad;
            norm_approx += approx * approx;
        }
    }
    libm::sqrt(diff) / (libm::sqrt(norm_grad) + libm::sqrt(norm_approx))
}

/// Parameter i of layer l, counting W row by row, then b.
fn parameter(network: &Network, l: usize, i: usize) -> f64 {
    let layer = &network.layers[l];
    let n = layer.w.len();
    if i < n {
        layer.w.as_slice().unwrap()[i]
    } else {
        layer.b[i - n]
    }
}

fn parameter_mut(network: &mut Network, l: usize, i: usize) -> &mut f64 {
    let layer = &mut network.layers[l];
    let n = layer.w.len();
    if i < n {
        &mut layer.w.as_slice_mut().unwrap()[i]
    } else {
        &mut layer.b[i - n]
    }
}
