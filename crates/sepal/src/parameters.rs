//! The parameters in the shapes the course names them, for the page, the
//! CLI's JSON and model export: `{w, b}` for logistic regression,
//! `{W1, b1, W2, b2}` for the shallow network, `{W: [...], b: [...]}` per
//! layer for a deep one.

use alloc::string::String;
use alloc::vec::Vec;
use ndarray::Array2;

use crate::network::Network;
use crate::settings::Model;

#[derive(Clone, Debug, PartialEq)]
pub enum Parameters {
    /// w has one weight per input (the course's column vector w), b is scalar.
    Logistic { w: Vec<f64>, b: f64 },
    Shallow { w1: Vec<Vec<f64>>, b1: Vec<f64>, w2: Vec<Vec<f64>>, b2: Vec<f64> },
    Deep { w: Vec<Vec<Vec<f64>>>, b: Vec<Vec<f64>> },
}

impl Parameters {
    pub fn of(network: &Network, model: Model) -> Self {
        let layers = &network.layers;
        match model {
            Model::Logistic => Self::Logistic { w: layers[0].w.iter().copied().collect(), b: layers[0].b[0] },
            Model::Shallow => Self::Shallow {
                w1: rows(&layers[0].w),
                b1: layers[0].b.to_vec(),
                w2: rows(&layers[1].w),
                b2: layers[1].b.to_vec(),
            },
            Model::Deep => Self::Deep {
                w: layers.iter().map(|l| rows(&l.w)).collect(),
                b: layers.iter().map(|l| l.b.to_vec()).collect(),
            },
        }
    }
}

fn rows(a: &Array2<f64>) -> Vec<Vec<f64>> {
    a.rows().into_iter().map(|r| r.to_vec()).collect()
}

/// Why imported parameters cannot become the network the settings describe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The parameters are for another model (e.g. `{w, b}` with `model=shallow`).
    WrongModel { expected: Model },
    /// A matrix or vector has the wrong size: which one, expected and found.
    WrongShape { name: String, expected: (usize, usize), found: (usize, usize) },
    /// A value is NaN or infinite.
    NotFinite { name: String },
}

impl core::fmt::Display for ImportError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::WrongModel { expected } => write!(f, "the parameters are not those of a {} model", expected.name()),
            Self::WrongShape { name, expected, found } => write!(
                f,
                "{name} is {}×{} but the settings need {}×{}",
                found.0, found.1, expected.0, expected.1
            ),
            Self::NotFinite { name } => write!(f, "{name} holds a value that is not a finite number"),
        }
    }
}

impl Parameters {
    /// The network these parameters describe, checked against the shapes
    /// the settings ask for: `template` gives the sizes and activations.
    pub fn to_network(&self, template: &Network, model: Model) -> Result<Network, ImportError> {
        let layers = self.layers(model)?;
        if layers.len() != template.layers.len() {
            return Err(ImportError::WrongShape {
                name: String::from("the number of layers"),
                expected: (template.layers.len(), 1),
                found: (layers.len(), 1),
            });
        }
        let mut network = template.clone();
        for (l, ((w_name, w), (b_name, b))) in layers.into_iter().enumerate() {
            let target = &mut network.layers[l];
            let rows = w.len();
            let cols = w.first().map_or(0, |r| r.len());
            let expected = target.w.dim();
            if (rows, cols) != expected || w.iter().any(|r| r.len() != cols) {
                return Err(ImportError::WrongShape { name: w_name, expected, found: (rows, cols) });
            }
            if b.len() != target.b.len() {
                return Err(ImportError::WrongShape { name: b_name, expected: (target.b.len(), 1), found: (b.len(), 1) });
            }
            for (dst, &src) in target.w.iter_mut().zip(w.iter().flatten()) {
                if !src.is_finite() {
                    return Err(ImportError::NotFinite { name: w_name });
                }
                *dst = src;
            }
            for (dst, &src) in target.b.iter_mut().zip(b.iter()) {
                if !src.is_finite() {
                    return Err(ImportError::NotFinite { name: b_name });
                }
                *dst = src;
            }
        }
        Ok(network)
    }

    /// Each layer's (name of W, W as rows, name of b, b), in order.
    #[allow(clippy::type_complexity)]
    fn layers(&self, model: Model) -> Result<Vec<((String, Vec<Vec<f64>>), (String, Vec<f64>))>, ImportError> {
        let name = |s: &str| String::from(s);
        match (self, model) {
            (Self::Logistic { w, b }, Model::Logistic) => {
                Ok(alloc::vec![((name("w"), alloc::vec![w.clone()]), (name("b"), alloc::vec![*b]))])
            }
            (Self::Shallow { w1, b1, w2, b2 }, Model::Shallow) => Ok(alloc::vec![
                ((name("W1"), w1.clone()), (name("b1"), b1.clone())),
                ((name("W2"), w2.clone()), (name("b2"), b2.clone())),
            ]),
            (Self::Deep { w, b }, Model::Deep) => Ok(w
                .iter()
                .zip(b)
                .enumerate()
                .map(|(l, (w, b))| ((alloc::format!("W[{l}]"), w.clone()), (alloc::format!("b[{l}]"), b.clone())))
                .collect()),
            _ => Err(ImportError::WrongModel { expected: model }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;
    use alloc::string::ToString;

    #[test]
    fn parameters_round_trip_into_the_same_network() {
        for (model, sizes) in [(Model::Logistic, &[2, 1][..]), (Model::Shallow, &[2, 4, 1]), (Model::Deep, &[2, 3, 5, 1])] {
            let net = Network::new(sizes, Activation::Relu, Init::He, 9);
            let template = Network::new(sizes, Activation::Relu, Init::Zeros, 0);
            assert_eq!(Parameters::of(&net, model).to_network(&template, model), Ok(net));
        }
    }

    #[test]
    fn mismatches_are_named() {
        let net = Network::new(&[2, 4, 1], Activation::Tanh, Init::Small, 3);
        let other = Network::new(&[2, 5, 1], Activation::Tanh, Init::Small, 3);
        let params = Parameters::of(&net, Model::Shallow);
        let err = params.to_network(&other, Model::Shallow).unwrap_err();
        assert_eq!(err.to_string(), "W1 is 4×2 but the settings need 5×2");
        assert!(matches!(params.to_network(&net, Model::Logistic), Err(ImportError::WrongModel { .. })));
        let mut bad = params.clone();
        if let Parameters::Shallow { b2, .. } = &mut bad {
            b2[0] = f64::NAN;
        }
        assert_eq!(bad.to_network(&net, Model::Shallow), Err(ImportError::NotFinite { name: "b2".into() }));
    }
}
