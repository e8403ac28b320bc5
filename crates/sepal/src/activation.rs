//! Hidden-layer activations g and their derivatives g′, as the course
//! writes them: A = g(Z) in the forward pass, dZ = dA ⊙ g′(Z) in the
//! backward pass.

use crate::fastmath::{self, wide};

/// The slope of leaky ReLU for z ≤ 0.
pub const LEAKY_SLOPE: f64 = 0.01;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    Tanh,
    Relu,
    LeakyRelu,
    Sigmoid,
}

impl Activation {
    pub const ALL: [Activation; 4] = [Self::Tanh, Self::Relu, Self::LeakyRelu, Self::Sigmoid];

    pub fn name(self) -> &'static str {
        match self {
            Self::Tanh => "tanh",
            Self::Relu => "relu",
            Self::LeakyRelu => "leaky-relu",
            Self::Sigmoid => "sigmoid",
        }
    }

    /// a = g(z), elementwise.
    pub fn apply(self, z: &[f64], a: &mut [f64]) {
        match self {
            Self::Tanh => fastmath::tanh_slice(z, a),
            Self::Relu => zip_map(z, a, |z| if z > 0.0 { z } else { 0.0 }),
            Self::LeakyRelu => zip_map(z, a, |z| if z > 0.0 { z } else { LEAKY_SLOPE * z }),
            Self::Sigmoid => fastmath::sigmoid_slice(z, a),
        }
    }

    /// dz = dz ⊙ g′(z), elementwise: on entry dz holds dA = Wᵀ·dZ of the
    /// layer above, on return this layer's dZ. g′ is written from what is
    /// cheapest to hand: from a = g(z) for tanh and σ, from z for the ReLUs.
    pub fn times_derivative(self, z: &[f64], a: &[f64], dz: &mut [f64]) {
        match self {
            // tanh′(z) = 1 − tanh²(z) = 1 − a²
            Self::Tanh => times(dz, a, |a| 1.0 - a * a),
            // σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)
            Self::Sigmoid => times(dz, a, |a| a * (1.0 - a)),
            // ReLU′(z) = 1 for z > 0, else 0
            Self::Relu => times(dz, z, |z| if z > 0.0 { 1.0 } else { 0.0 }),
            // leaky ReLU′(z) = 1 for z > 0, else the slope
            Self::LeakyRelu => times(dz, z, |z| if z > 0.0 { 1.0 } else { LEAKY_SLOPE }),
        }
    }

    /// For the ReLUs, whose g′ is a step from z: 1 for z > 0, else this
    /// (#17: the backward pass takes it in dropout's loop). The constants
    /// stay written out in [`Self::times_derivative`] (its loops, which
    /// runs without dropout use, unchanged); a test checks that both agree.
    pub fn step_below(self) -> Option<f64> {
        match self {
            Self::Relu => Some(0.0),
            Self::LeakyRelu => Some(LEAKY_SLOPE),
            Self::Tanh | Self::Sigmoid => None,
        }
    }
}

/// d = d ⊙ g′(v), one loop per g′ (so that each vectorises).
#[inline(always)]
fn times(d: &mut [f64], v: &[f64], derivative: impl Fn(f64) -> f64) {
    wide(
        #[inline(always)]
        || {
            for (d, &v) in d.iter_mut().zip(v) {
                *d *= derivative(v);
            }
        },
    );
}

/// σ(z) = 1 / (1 + e^−z), the course's formula (within 2.1 ulp of the
/// exact value, as the formula with libm's exp; see `fastmath`).
pub fn sigmoid(z: f64) -> f64 {
    fastmath::sigmoid(z)
}

fn zip_map(z: &[f64], a: &mut [f64], f: impl Fn(f64) -> f64) {
    for (a, &z) in a.iter_mut().zip(z) {
        *a = f(z);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// #17: `step_below` is the g′ `times_derivative` applies (the
    /// backward pass with dropout uses the one, without the other), for z
    /// of both signs, ±0 and NaN.
    #[test]
    fn the_steps_are_the_derivatives() {
        let z = [-2.0, -0.0, 0.0, 1e-300, 3.0, f64::NAN];
        let steps: alloc::vec::Vec<_> = Activation::ALL
            .into_iter()
            .filter(|a| a.step_below().is_some())
            .collect();
        assert_eq!(steps, [Activation::Relu, Activation::LeakyRelu]);
        for activation in steps {
            let below = activation.step_below().unwrap();
            let mut dz = [1.5; 6];
            activation.times_derivative(&z, &[0.0; 6], &mut dz);
            let expected = z.map(|z| 1.5 * if z > 0.0 { 1.0 } else { below });
            assert_eq!(
                dz.map(f64::to_bits),
                expected.map(f64::to_bits),
                "{}",
                activation.name()
            );
        }
    }
}
