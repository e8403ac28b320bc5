//! One example's derivation, as the course derives backpropagation before
//! vectorising it: the forward pass of a single point x through the
//! network (z, a of every layer, the output a = ŷ and the loss L(a, y)),
//! then the backward pass by the chain rule (dL/da, da/dz, dz; for a
//! hidden layer dA = W[l+1]ᵀ·dz[l+1] and g′(z); dW = dz·a_prevᵀ, db = dz).
//!
//! The numbers come from the network's own `forward` and `backward` on a
//! batch of one column, so they are the same code as training; averaged
//! over the training points, dW and db are the batch gradients.
//! Nothing here runs during training: a `Deriver` is made on demand and
//! reuses its workspace from point to point.

use alloc::vec;
use alloc::vec::Vec;
use ndarray::Array2;

use crate::dataset::Dataset;
use crate::network::{cross_entropy, ForwardPass, Gradients, Network};

/// The terms of one layer for one example. The course's layer l is
/// `layers[l − 1]`; for the output layer `da` is dL/da and `g_prime` is
/// da/dz = a(1 − a).
#[derive(Clone, Debug, PartialEq)]
pub struct LayerTerms {
    pub z: Vec<f64>,
    pub a: Vec<f64>,
    /// ∂L/∂a of each unit: W[l+1]ᵀ·dz[l+1] for a hidden layer, dL/da at the output.
    pub da: Vec<f64>,
    /// g′(z) of each unit, from the forward values.
    pub g_prime: Vec<f64>,
    pub dz: Vec<f64>,
    /// dW = dz·a_prevᵀ, n_out × n_in row by row: dW[j][k] = a_prev[k]·dz[j].
    pub dw: Vec<f64>,
    pub db: Vec<f64>,
}

/// Everything the course writes for one example (x, y) at the current
/// parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    pub x: Vec<f64>,
    pub y: f64,
    pub loss: f64,
    pub layers: Vec<LayerTerms>,
}

impl Derivation {
    /// All zeros, shaped for `network`.
    pub fn zeros(network: &Network) -> Self {
        let layers = network
            .layers
            .iter()
            .map(|l| {
                let n = l.outputs();
                LayerTerms {
                    z: vec![0.0; n],
                    a: vec![0.0; n],
                    da: vec![0.0; n],
                    g_prime: vec![0.0; n],
                    dz: vec![0.0; n],
                    dw: vec![0.0; l.w.len()],
                    db: vec![0.0; n],
                }
            })
            .collect();
        Self {
            x: vec![0.0; network.layers[0].inputs()],
            y: 0.0,
            loss: 0.0,
            layers,
        }
    }

    /// The derivation of one example (x, y).
    pub fn of(network: &Network, x: &[f64], y: f64) -> Self {
        let mut out = Self::zeros(network);
        Deriver::new(network).derive(network, x, y, &mut out);
        out
    }

    /// Every term averaged over the points of `data` — the "all points"
    /// view: its dW and db are the batch's (1/m)·Σᵢ dW⁽ⁱ⁾, the gradients of
    /// J. All zeros without points. A [`MeanRun`] run to its end.
    pub fn mean(network: &Network, data: &Dataset) -> Self {
        let mut run = MeanRun::new(network, data);
        run.advance(data.len());
        run.into_result().expect("a finished run has its result")
    }

    fn values_mut(&mut self) -> impl Iterator<Item = &mut f64> {
        let layers = self.layers.iter_mut().flat_map(|l| {
            l.z.iter_mut()
                .chain(l.a.iter_mut())
                .chain(l.da.iter_mut())
                .chain(l.g_prime.iter_mut())
                .chain(l.dz.iter_mut())
                .chain(l.dw.iter_mut())
                .chain(l.db.iter_mut())
        });
        self.x.iter_mut().chain([&mut self.y, &mut self.loss]).chain(layers)
    }

    fn values(&self) -> impl Iterator<Item = f64> + '_ {
        let layers = self.layers.iter().flat_map(|l| {
            l.z.iter()
                .chain(&l.a)
                .chain(&l.da)
                .chain(&l.g_prime)
                .chain(&l.dz)
                .chain(&l.dw)
                .chain(&l.db)
                .copied()
        });
        self.x.iter().copied().chain([self.y, self.loss]).chain(layers)
    }

    fn add(&mut self, other: &Derivation) {
        for (mine, theirs) in self.values_mut().zip(other.values()) {
            *mine += theirs;
        }
    }

    fn scale(&mut self, factor: f64) {
        for v in self.values_mut() {
            *v *= factor;
        }
    }
}

/// [`Derivation::mean`] in parts, for a page that must not freeze (at six
/// 64-unit layers and 10,000 points it is seconds): [`Self::advance`]
/// derives a number of points, in order, and the sum is the whole mean's
/// to the bit however it is split. It keeps copies of the parameters and
/// the points, so training on does not change what it averages.
pub struct MeanRun {
    network: Network,
    data: Dataset,
    sum: Derivation,
    one: Derivation,
    deriver: Deriver,
    x: Vec<f64>,
    next: usize,
}

impl MeanRun {
    pub fn new(network: &Network, data: &Dataset) -> Self {
        Self {
            sum: Derivation::zeros(network),
            one: Derivation::zeros(network),
            deriver: Deriver::new(network),
            x: vec![0.0; data.x.nrows()],
            network: network.clone(),
            data: data.clone(),
            next: 0,
        }
    }

    /// Adds the derivations of the next `points` points; true when every
    /// point is in.
    pub fn advance(&mut self, points: usize) -> bool {
        let end = self.data.len().min(self.next.saturating_add(points));
        for k in self.next..end {
            for (i, v) in self.x.iter_mut().enumerate() {
                *v = self.data.x[(i, k)];
            }
            self.deriver
                .derive(&self.network, &self.x, self.data.y[k], &mut self.one);
            self.sum.add(&self.one);
        }
        self.next = end;
        self.next == self.data.len()
    }

    /// Points derived so far.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Points in all.
    pub fn total(&self) -> usize {
        self.data.len()
    }

    /// The mean, once every point is in.
    pub fn into_result(mut self) -> Option<Derivation> {
        if self.next < self.data.len() {
            return None;
        }
        if !self.data.is_empty() {
            self.sum.scale(1.0 / self.data.len() as f64);
        }
        Some(self.sum)
    }
}

/// The one-column workspaces a derivation runs in, kept between points.
pub struct Deriver {
    pass: ForwardPass,
    grads: Gradients,
    x: Array2<f64>,
}

impl Deriver {
    pub fn new(network: &Network) -> Self {
        Self {
            pass: ForwardPass::new(network, 1),
            grads: Gradients::new(network, 1),
            x: Array2::zeros((network.layers[0].inputs(), 1)),
        }
    }

    /// Fills `out` (shaped by `Derivation::zeros(network)`) with the
    /// derivation of (x, y).
    pub fn derive(&mut self, network: &Network, x: &[f64], y: f64, out: &mut Derivation) {
        for (cell, &v) in self.x.iter_mut().zip(x) {
            *cell = v;
        }
        out.x.copy_from_slice(x);
        out.y = y;
        // The course's own passes, with m = 1: dZ[L] = a − y, dW = dz·a_prevᵀ, db = dz.
        network.forward(self.x.view(), &mut self.pass);
        network.backward(self.x.view(), &[y], &self.pass, &mut self.grads);
        out.loss = cross_entropy(self.pass.output_logits(), &[y]);
        let last = network.layers.len() - 1;
        for (l, terms) in out.layers.iter_mut().enumerate() {
            copy(&mut terms.z, self.pass.pre_activations(l).iter());
            copy(&mut terms.a, self.pass.activations(l).iter());
            copy(&mut terms.dz, self.grads.dz(l).iter());
            copy(&mut terms.dw, self.grads.dw[l].iter());
            copy(&mut terms.db, self.grads.db[l].iter());
            if l == last {
                // dL/da = −y/a + (1 − y)/(1 − a); da/dz = σ′(z) = a(1 − a).
                let a = terms.a[0];
                terms.da[0] = -y / a + (1.0 - y) / (1.0 - a);
                terms.g_prime[0] = a * (1.0 - a);
            } else {
                // g′(z), from what the backward pass multiplies by.
                terms.g_prime.fill(1.0);
                network.layers[l]
                    .activation
                    .times_derivative(&terms.z, &terms.a, &mut terms.g_prime);
            }
        }
        // dA[l] = W[l+1]ᵀ·dz[l+1] for each hidden layer.
        for l in 0..last {
            let above = &network.layers[l + 1];
            let (below, rest) = out.layers.split_at_mut(l + 1);
            let dz_above = &rest[0].dz;
            for (k, da) in below[l].da.iter_mut().enumerate() {
                *da = (0..above.outputs()).map(|j| above.w[(j, k)] * dz_above[j]).sum();
            }
        }
    }
}

fn copy<'a>(to: &mut [f64], from: impl Iterator<Item = &'a f64>) {
    for (t, &f) in to.iter_mut().zip(from) {
        *t = f;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gradcheck;
    use crate::{Activation, DatasetKind, Init};

    fn networks() -> Vec<Network> {
        let mut nets = Vec::new();
        for activation in Activation::ALL {
            for sizes in [&[2, 1][..], &[2, 4, 1], &[2, 5, 3, 4, 1]] {
                let mut net = Network::new(sizes, activation, Init::He, 3);
                for layer in &mut net.layers {
                    layer.b.fill(0.1);
                }
                nets.push(net);
            }
        }
        nets
    }

    #[test]
    fn the_mean_of_the_points_is_the_batch_gradient() {
        let data = DatasetKind::Flower.generate(1, 400, 0.2);
        for net in networks() {
            let mut pass = ForwardPass::new(&net, data.len());
            let mut grads = Gradients::new(&net, data.len());
            net.forward(data.x.view(), &mut pass);
            net.backward(data.x.view(), &data.y, &pass, &mut grads);
            let mean = Derivation::mean(&net, &data);
            for (l, terms) in mean.layers.iter().enumerate() {
                let batch = grads.dw[l].iter().chain(grads.db[l].iter());
                let scale = batch.clone().fold(0.0f64, |s, g| s.max(g.abs()));
                for (got, want) in terms.dw.iter().chain(&terms.db).zip(batch) {
                    assert!(
                        (got - want).abs() <= 1e-12 * scale,
                        "{:?} layer {l}: {got} vs {want}",
                        net.sizes()
                    );
                }
            }
            let cost = pass.cross_entropy(&data.y);
            assert!((mean.loss - cost).abs() <= 1e-12 * cost, "mean loss is J");
        }
    }

    #[test]
    fn each_points_gradient_is_the_derivative_of_its_loss() {
        let data = DatasetKind::Flower.generate(1, 40, 0.2);
        for net in networks() {
            for k in [0, 7, 33] {
                let one = Dataset::from_points(&[data.point(k)]);
                let d = Derivation::of(&net, &[data.x[(0, k)], data.x[(1, k)]], data.y[k]);
                let check = gradcheck::check(&net, &one, 1e-6, false);
                let ours: Vec<f64> = d
                    .layers
                    .iter()
                    .flat_map(|l| l.dw.iter().chain(&l.db).copied())
                    .collect();
                let (mut diff, mut norm) = (0.0, 0.0);
                for (row, &g) in check.rows.iter().zip(&ours) {
                    diff += (row.approx - g) * (row.approx - g);
                    norm += g * g;
                }
                let relative = libm::sqrt(diff) / libm::sqrt(norm);
                assert!(relative < 1e-6, "{:?} point {k}: {relative:e}", net.sizes());
            }
        }
    }

    #[test]
    fn logistic_regression_is_the_notes_graph() {
        // z = w₁x₁ + w₂x₂ + b → a = σ(z) → L(a, y); dz = a − y, dw₁ = x₁·dz, dw₂ = x₂·dz, db = dz.
        let mut net = Network::new(&[2, 1], Activation::Tanh, Init::He, 5);
        net.layers[0].b[0] = 0.3;
        for (x, y) in [([1.5, -0.25], 1.0), ([-2.0, 0.75], 0.0)] {
            let d = Derivation::of(&net, &x, y);
            let out = &d.layers[0];
            let a = out.a[0];
            assert_eq!(out.dz[0], a - y);
            assert_eq!(out.dw, [x[0] * out.dz[0], x[1] * out.dz[0]]);
            assert_eq!(out.db[0], out.dz[0]);
            let dz_by_chain = out.da[0] * out.g_prime[0];
            assert!((dz_by_chain - (a - y)).abs() < 1e-12, "dL/da · da/dz = a − y");
            let loss = -(y * libm::log(a) + (1.0 - y) * libm::log(1.0 - a));
            assert!((d.loss - loss).abs() < 1e-12);
        }
    }

    #[test]
    fn hidden_dz_is_the_chain_rule() {
        let net = Network::new(&[2, 5, 3, 1], Activation::Tanh, Init::He, 4);
        let d = Derivation::of(&net, &[0.4, -1.1], 1.0);
        for l in 0..2 {
            let t = &d.layers[l];
            for j in 0..t.dz.len() {
                assert!((t.dz[j] - t.da[j] * t.g_prime[j]).abs() < 1e-15);
                assert!((t.g_prime[j] - (1.0 - t.a[j] * t.a[j])).abs() < 1e-15);
            }
        }
    }

    #[test]
    fn a_mean_in_parts_has_the_bits_of_the_whole_mean() {
        let data = DatasetKind::Flower.generate(2, 23, 0.2);
        for net in networks() {
            // The whole mean as it was computed before it came in parts.
            let mut sum = Derivation::zeros(&net);
            let mut deriver = Deriver::new(&net);
            let mut one = Derivation::zeros(&net);
            for k in 0..data.len() {
                let x = [data.x[(0, k)], data.x[(1, k)]];
                deriver.derive(&net, &x, data.y[k], &mut one);
                sum.add(&one);
            }
            sum.scale(1.0 / data.len() as f64);
            let whole: Vec<u64> = sum.values().map(f64::to_bits).collect();
            let bits = |d: &Derivation| d.values().map(f64::to_bits).collect::<Vec<_>>();
            assert_eq!(bits(&Derivation::mean(&net, &data)), whole);
            for points in [1, 4, 22] {
                let mut run = MeanRun::new(&net, &data);
                let mut parts = 1;
                while !run.advance(points) {
                    assert!(run.done() < run.total());
                    parts += 1;
                }
                assert_eq!(parts, data.len().div_ceil(points));
                assert_eq!(bits(&run.into_result().unwrap()), whole, "in parts of {points}");
            }
            let mut unfinished = MeanRun::new(&net, &data);
            unfinished.advance(5);
            assert!(unfinished.into_result().is_none());
        }
    }
}
