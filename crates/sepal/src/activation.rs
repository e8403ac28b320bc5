//! Hidden-layer activations g and their derivatives g′, as the course writes them.

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

    /// d ⊙= g′(z), using a = g(z) where the course does: 1 − a² for tanh,
    /// a(1 − a) for sigmoid.
    pub fn multiply_derivative(self, z: &[f64], a: &[f64], d: &mut [f64]) {
        match self {
            Self::Tanh => {
                for (d, &a) in d.iter_mut().zip(a) {
                    *d *= 1.0 - a * a;
                }
            }
            Self::Sigmoid => {
                for (d, &a) in d.iter_mut().zip(a) {
                    *d *= a * (1.0 - a);
                }
            }
            Self::Relu => {
                for (d, &z) in d.iter_mut().zip(z) {
                    *d *= if z > 0.0 { 1.0 } else { 0.0 };
                }
            }
            Self::LeakyRelu => {
                for (d, &z) in d.iter_mut().zip(z) {
                    *d *= if z > 0.0 { 1.0 } else { LEAKY_SLOPE };
                }
            }
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
