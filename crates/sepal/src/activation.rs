//! Hidden-layer activations g, as the course writes them (their derivatives
//! g′ are in `Network::backward`, next to the products they multiply).

use crate::fastmath;

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
