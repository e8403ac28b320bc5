//! The update rules of the course's "Optimization methods" lesson: gradient
//! descent, momentum, RMSprop and Adam, and the learning-rate decay
//! schedules. The running averages v and s are allocated with the run, one
//! pair of arrays per layer, and updated in place.
//!
//! Each update is written in the order the notebook's numpy code evaluates
//! it, so a rounding is the notebook's rounding:
//! - momentum: v = β₁·v + (1 − β₁)·dW, W = W − α·v;
//! - RMSprop (the lecture's): s = β₂·s + (1 − β₂)·dW², W = W − α·dW/(√s + ε);
//! - Adam: v as momentum, s as RMSprop, v̂ = v/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ),
//!   W = W − α·v̂/(√ŝ + ε), t counting the updates since the start.
//!
//! Gradient descent is [`Network::descend`] itself, so full-batch GD is the
//! first part's run to the bit.

use alloc::vec::Vec;
use ndarray::{Array1, Array2};

use crate::network::{Gradients, Network};

/// Which update rule a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Gd,
    Momentum,
    RmsProp,
    Adam,
}

impl Method {
    pub const ALL: [Method; 4] = [Self::Gd, Self::Momentum, Self::RmsProp, Self::Adam];

    pub fn name(self) -> &'static str {
        match self {
            Self::Gd => "gd",
            Self::Momentum => "momentum",
            Self::RmsProp => "rmsprop",
            Self::Adam => "adam",
        }
    }

    /// Whether the rule keeps v, the average of the gradients (β₁).
    pub fn uses_velocity(self) -> bool {
        matches!(self, Self::Momentum | Self::Adam)
    }

    /// Whether the rule keeps s, the average of the squared gradients (β₂, ε).
    pub fn uses_squares(self) -> bool {
        matches!(self, Self::RmsProp | Self::Adam)
    }
}

/// The hyperparameters of an update rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hyper {
    pub beta1: f64,
    pub beta2: f64,
    pub epsilon: f64,
}

/// The learning-rate schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decay {
    None,
    /// α₀/(1 + rate·epoch), the notebook's `update_lr`.
    Epoch,
    /// α₀/(1 + rate·⌊epoch/interval⌋), the lecture's step schedule.
    Interval,
}

impl Decay {
    pub const ALL: [Decay; 3] = [Self::None, Self::Epoch, Self::Interval];

    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Epoch => "epoch",
            Self::Interval => "interval",
        }
    }
}

/// A schedule: the rule, its rate and its interval (in epochs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    pub decay: Decay,
    pub rate: f64,
    pub interval: u64,
}

impl Schedule {
    /// The learning rate of the next update once `epochs` epochs are
    /// complete, from α₀. As in the notebook's `model()`, the rate is
    /// recomputed after each epoch i (counted from 0) with i itself, so the
    /// first two epochs both use α₀: with `epochs` complete, the formula's
    /// epoch is `epochs − 1` (0 before the first one ends).
    pub fn rate_after(&self, alpha0: f64, epochs: u64) -> f64 {
        let epoch = epochs.saturating_sub(1);
        match self.decay {
            Decay::None => alpha0,
            Decay::Epoch => alpha0 / (1.0 + self.rate * epoch as f64),
            Decay::Interval => alpha0 / (1.0 + self.rate * (epoch / self.interval.max(1)) as f64),
        }
    }
}

/// One layer's running average of dW and of db (or of their squares).
#[derive(Clone, Debug, PartialEq)]
pub struct Moments {
    pub w: Array2<f64>,
    pub b: Array1<f64>,
}

/// An update rule with its state: v and s per layer (zeros at the start,
/// allocated only for the rules that keep them) and t, the updates so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimizer {
    method: Method,
    hyper: Hyper,
    /// Updates applied since the start (Adam's t); counted for every rule.
    t: u64,
    v: Vec<Moments>,
    s: Vec<Moments>,
}

impl Optimizer {
    pub fn new(method: Method, hyper: Hyper, network: &Network) -> Self {
        let zeros = |keep: bool| -> Vec<Moments> {
            if !keep {
                return Vec::new();
            }
            network
                .layers
                .iter()
                .map(|l| Moments {
                    w: Array2::zeros(l.w.dim()),
                    b: Array1::zeros(l.b.dim()),
                })
                .collect()
        };
        Self {
            method,
            hyper,
            t: 0,
            v: zeros(method.uses_velocity()),
            s: zeros(method.uses_squares()),
        }
    }

    pub fn method(&self) -> Method {
        self.method
    }

    pub fn hyper(&self) -> Hyper {
        self.hyper
    }

    /// New β₁, β₂, ε from the next update on; v, s and t go on.
    pub fn retune(&mut self, hyper: Hyper) {
        self.hyper = hyper;
    }

    pub fn t(&self) -> u64 {
        self.t
    }

    /// v per layer (empty for GD and RMSprop).
    pub fn velocity(&self) -> &[Moments] {
        &self.v
    }

    /// s per layer (empty for GD and momentum).
    pub fn squares(&self) -> &[Moments] {
        &self.s
    }

    /// Back to the start: t = 0, v = s = 0.
    pub fn reset(&mut self) {
        self.t = 0;
        for m in self.v.iter_mut().chain(self.s.iter_mut()) {
            m.w.fill(0.0);
            m.b.fill(0.0);
        }
    }

    /// Takes t, v and s from a saved run; false (and nothing changes) when
    /// their shapes are not this optimizer's.
    pub fn restore(&mut self, t: u64, v: &[Moments], s: &[Moments]) -> bool {
        let fits = |mine: &[Moments], theirs: &[Moments]| {
            mine.len() == theirs.len()
                && mine
                    .iter()
                    .zip(theirs)
                    .all(|(a, b)| a.w.dim() == b.w.dim() && a.b.len() == b.b.len())
        };
        if !fits(&self.v, v) || !fits(&self.s, s) {
            return false;
        }
        self.t = t;
        for (mine, theirs) in self.v.iter_mut().zip(v).chain(self.s.iter_mut().zip(s)) {
            mine.w.assign(&theirs.w);
            mine.b.assign(&theirs.b);
        }
        true
    }

    /// One update of every layer with learning rate `alpha`.
    pub fn update(&mut self, network: &mut Network, grads: &Gradients, alpha: f64) {
        self.t += 1;
        let Hyper { beta1, beta2, epsilon } = self.hyper;
        match self.method {
            Method::Gd => network.descend(grads, alpha),
            Method::Momentum => {
                for (l, layer) in network.layers.iter_mut().enumerate() {
                    let v = &mut self.v[l];
                    momentum(flat(&mut layer.w), flat(&mut v.w), grads_w(grads, l), beta1, alpha);
                    momentum(flat1(&mut layer.b), flat1(&mut v.b), grads_b(grads, l), beta1, alpha);
                }
            }
            Method::RmsProp => {
                for (l, layer) in network.layers.iter_mut().enumerate() {
                    let s = &mut self.s[l];
                    let k = (beta2, epsilon, alpha);
                    rmsprop(flat(&mut layer.w), flat(&mut s.w), grads_w(grads, l), k);
                    rmsprop(flat1(&mut layer.b), flat1(&mut s.b), grads_b(grads, l), k);
                }
            }
            Method::Adam => {
                // β^t as numpy's `beta1**t` (C's pow), once per update.
                let t = self.t as f64;
                let k = AdamStep {
                    beta1,
                    beta2,
                    epsilon,
                    alpha,
                    correction1: 1.0 - libm::pow(beta1, t),
                    correction2: 1.0 - libm::pow(beta2, t),
                };
                for (l, layer) in network.layers.iter_mut().enumerate() {
                    let (v, s) = (&mut self.v[l], &mut self.s[l]);
                    adam(
                        flat(&mut layer.w),
                        flat(&mut v.w),
                        flat(&mut s.w),
                        grads_w(grads, l),
                        &k,
                    );
                    adam(
                        flat1(&mut layer.b),
                        flat1(&mut v.b),
                        flat1(&mut s.b),
                        grads_b(grads, l),
                        &k,
                    );
                }
            }
        }
    }
}

/// v = β·v + (1 − β)·g; p = p − α·v.
fn momentum(p: &mut [f64], v: &mut [f64], g: &[f64], beta: f64, alpha: f64) {
    for ((p, v), &g) in p.iter_mut().zip(v.iter_mut()).zip(g) {
        *v = beta * *v + (1.0 - beta) * g;
        *p -= alpha * *v;
    }
}

/// s = β₂·s + (1 − β₂)·g²; p = p − α·g/(√s + ε).
fn rmsprop(p: &mut [f64], s: &mut [f64], g: &[f64], (beta2, epsilon, alpha): (f64, f64, f64)) {
    for ((p, s), &g) in p.iter_mut().zip(s.iter_mut()).zip(g) {
        *s = beta2 * *s + (1.0 - beta2) * (g * g);
        *p -= alpha * g / (libm::sqrt(*s) + epsilon);
    }
}

struct AdamStep {
    beta1: f64,
    beta2: f64,
    epsilon: f64,
    alpha: f64,
    /// 1 − β₁ᵗ and 1 − β₂ᵗ.
    correction1: f64,
    correction2: f64,
}

/// v and s as momentum and RMSprop; p = p − α·(v/(1 − β₁ᵗ))/(√(s/(1 − β₂ᵗ)) + ε).
fn adam(p: &mut [f64], v: &mut [f64], s: &mut [f64], g: &[f64], k: &AdamStep) {
    for (((p, v), s), &g) in p.iter_mut().zip(v.iter_mut()).zip(s.iter_mut()).zip(g) {
        *v = k.beta1 * *v + (1.0 - k.beta1) * g;
        let v_hat = *v / k.correction1;
        *s = k.beta2 * *s + (1.0 - k.beta2) * (g * g);
        let s_hat = *s / k.correction2;
        *p -= k.alpha * v_hat / (libm::sqrt(s_hat) + k.epsilon);
    }
}

fn flat(a: &mut Array2<f64>) -> &mut [f64] {
    a.as_slice_mut().expect("arrays are stored contiguously")
}

fn flat1(a: &mut Array1<f64>) -> &mut [f64] {
    a.as_slice_mut().expect("arrays are stored contiguously")
}

fn grads_w(grads: &Gradients, l: usize) -> &[f64] {
    grads.dw[l].as_slice().expect("arrays are stored contiguously")
}

fn grads_b(grads: &Gradients, l: usize) -> &[f64] {
    grads.db[l].as_slice().expect("arrays are stored contiguously")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    fn one_layer() -> (Network, Gradients) {
        let network = Network::new(&[2, 1], Activation::Tanh, Init::He, 1);
        let mut grads = Gradients::new(&network, 1);
        grads.dw[0][(0, 0)] = 0.5;
        grads.dw[0][(0, 1)] = -2.0;
        grads.db[0][0] = 0.25;
        (network, grads)
    }

    const HYPER: Hyper = Hyper {
        beta1: 0.9,
        beta2: 0.999,
        epsilon: 1e-8,
    };

    #[test]
    fn adams_first_step_moves_every_parameter_by_alpha_against_its_gradient() {
        // v̂ = g and ŝ = g² after one update, so the step is α·g/(|g| + ε).
        let (mut network, grads) = one_layer();
        let before = network.clone();
        let mut adam = Optimizer::new(Method::Adam, HYPER, &network);
        adam.update(&mut network, &grads, 0.01);
        let step = |now: f64, then: f64| ((then - now) / 0.01 * 1e6).round() / 1e6;
        assert_eq!(step(network.layers[0].w[(0, 0)], before.layers[0].w[(0, 0)]), 1.0);
        assert_eq!(step(network.layers[0].w[(0, 1)], before.layers[0].w[(0, 1)]), -1.0);
        assert_eq!(step(network.layers[0].b[0], before.layers[0].b[0]), 1.0);
        assert_eq!(adam.t(), 1);
    }

    #[test]
    fn momentum_builds_up_and_reset_forgets() {
        let (mut network, grads) = one_layer();
        let mut momentum = Optimizer::new(Method::Momentum, HYPER, &network);
        momentum.update(&mut network, &grads, 1.0);
        momentum.update(&mut network, &grads, 1.0);
        // v = 0.1·g, then 0.9·0.1·g + 0.1·g = 0.19·g.
        let v = momentum.velocity()[0].w[(0, 0)];
        assert!((v - 0.19 * 0.5).abs() < 1e-15, "{v}");
        assert!(momentum.squares().is_empty());
        momentum.reset();
        assert_eq!((momentum.t(), momentum.velocity()[0].w[(0, 0)]), (0, 0.0));
    }

    #[test]
    fn gd_is_the_networks_own_descent() {
        let (mut network, grads) = one_layer();
        let mut plain = network.clone();
        Optimizer::new(Method::Gd, HYPER, &network).update(&mut network, &grads, 0.3);
        plain.descend(&grads, 0.3);
        assert_eq!(network, plain);
    }

    #[test]
    fn schedules_follow_the_notebook_after_each_epoch() {
        let every = Schedule {
            decay: Decay::Epoch,
            rate: 1.0,
            interval: 1000,
        };
        // Epochs 0 and 1 both train at α₀; after epoch 2 is done, α₀/2.
        assert_eq!(every.rate_after(0.1, 0), 0.1);
        assert_eq!(every.rate_after(0.1, 1), 0.1);
        assert_eq!(every.rate_after(0.1, 2), 0.1 / 2.0);
        let steps = Schedule {
            decay: Decay::Interval,
            ..every
        };
        assert_eq!(steps.rate_after(0.1, 1000), 0.1);
        assert_eq!(steps.rate_after(0.1, 1001), 0.1 / 2.0);
        assert_eq!(
            Schedule {
                decay: Decay::None,
                ..every
            }
            .rate_after(0.1, 5000),
            0.1
        );
    }
}
