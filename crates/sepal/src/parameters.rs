//! The parameters in the shapes the course names them, for the page, the
//! CLI's JSON and model export: `{w, b}` for logistic regression,
//! `{W1, b1, W2, b2}` for the shallow network, `{W: [...], b: [...]}` per
//! layer for a deep one.

use alloc::string::String;
use alloc::vec::Vec;
use ndarray::{Array1, Array2};

use crate::network::{Gradients, Network};
use crate::settings::Model;

#[derive(Clone, Debug, PartialEq)]
pub enum Parameters {
    /// w has one weight per input (the course's column vector w), b is scalar.
    Logistic {
        w: Vec<f64>,
        b: f64,
    },
    Shallow {
        w1: Vec<Vec<f64>>,
        b1: Vec<f64>,
        w2: Vec<Vec<f64>>,
        b2: Vec<f64>,
    },
    Deep {
        w: Vec<Vec<Vec<f64>>>,
        b: Vec<Vec<f64>>,
    },
}

impl Parameters {
    pub fn of(network: &Network, model: Model) -> Self {
        let w: Vec<&Array2<f64>> = network.layers.iter().map(|l| &l.w).collect();
        let b: Vec<&Array1<f64>> = network.layers.iter().map(|l| &l.b).collect();
        Self::from_arrays(&w, &b, model)
    }

    /// The last backward pass's dW[l] and db[l] under the same names and in
    /// the same shapes as the parameters they belong to.
    pub fn of_gradients(grads: &Gradients, model: Model) -> Self {
        let w: Vec<&Array2<f64>> = grads.dw.iter().collect();
        let b: Vec<&Array1<f64>> = grads.db.iter().collect();
        Self::from_arrays(&w, &b, model)
    }

    fn from_arrays(w: &[&Array2<f64>], b: &[&Array1<f64>], model: Model) -> Self {
        match model {
            Model::Logistic => Self::Logistic {
                w: w[0].iter().copied().collect(),
                b: b[0][0],
            },
            Model::Shallow => Self::Shallow {
                w1: rows(w[0]),
                b1: b[0].to_vec(),
                w2: rows(w[1]),
                b2: b[1].to_vec(),
            },
            Model::Deep => Self::Deep {
                w: w.iter().map(|w| rows(w)).collect(),
                b: b.iter().map(|b| b.to_vec()).collect(),
            },
        }
    }

    /// How many numbers there are, weights and biases.
    pub fn count(&self) -> usize {
        match self {
            Self::Logistic { w, .. } => w.len() + 1,
            Self::Shallow { w1, b1, w2, b2 } => {
                w1.iter().map(Vec::len).sum::<usize>() + b1.len() + w2.iter().map(Vec::len).sum::<usize>() + b2.len()
            }
            Self::Deep { w, b } => {
                w.iter().flatten().map(Vec::len).sum::<usize>() + b.iter().map(Vec::len).sum::<usize>()
            }
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
    WrongShape {
        name: String,
        expected: (usize, usize),
        found: (usize, usize),
    },
    /// A row of a matrix has another length than the matrix needs (rows
    /// counted from 1).
    RaggedRow {
        name: String,
        row: usize,
        expected: usize,
        found: usize,
    },
    /// There are more or fewer layers than the settings describe.
    LayerCount { expected: usize, found: usize },
    /// A deep network's `W` and `b` list different numbers of layers.
    UnpairedLayers { weights: usize, biases: usize },
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
            Self::RaggedRow {
                name,
                row,
                expected,
                found,
            } => {
                write!(
                    f,
                    "row {row} of {name} has {found} numbers but the settings need {expected}"
                )
            }
            Self::LayerCount { expected, found } => {
                write!(f, "the parameters have {found} layers but the settings need {expected}")
            }
            Self::UnpairedLayers { weights, biases } => {
                write!(f, "W lists {weights} layers but b lists {biases}")
            }
        }
    }
}

impl Parameters {
    /// The network these parameters describe, checked against the shapes
    /// the settings ask for: `template` gives the sizes and activations.
    pub fn to_network(&self, template: &Network, model: Model) -> Result<Network, ImportError> {
        let layers = self.layers(model)?;
        if layers.len() != template.layers.len() {
            return Err(ImportError::LayerCount {
                expected: template.layers.len(),
                found: layers.len(),
            });
        }
        let mut network = template.clone();
        for (l, ((w_name, w), (b_name, b))) in layers.into_iter().enumerate() {
            let target = &mut network.layers[l];
            let expected = target.w.dim();
            if let Some((k, r)) = w.iter().enumerate().find(|(_, r)| r.len() != expected.1) {
                // A matrix whose rows all have one wrong length is the wrong
                // shape; one with a row unlike the others is ragged.
                if w.iter().all(|other| other.len() == r.len()) {
                    return Err(ImportError::WrongShape {
                        name: w_name,
                        expected,
                        found: (w.len(), r.len()),
                    });
                }
                return Err(ImportError::RaggedRow {
                    name: w_name,
                    row: k + 1,
                    expected: expected.1,
                    found: r.len(),
                });
            }
            if w.len() != expected.0 {
                return Err(ImportError::WrongShape {
                    name: w_name,
                    expected,
                    found: (w.len(), expected.1),
                });
            }
            if b.len() != target.b.len() {
                return Err(ImportError::WrongShape {
                    name: b_name,
                    expected: (target.b.len(), 1),
                    found: (b.len(), 1),
                });
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
            (Self::Logistic { w, b }, Model::Logistic) => Ok(alloc::vec![(
                (name("w"), alloc::vec![w.clone()]),
                (name("b"), alloc::vec![*b])
            )]),
            (Self::Shallow { w1, b1, w2, b2 }, Model::Shallow) => Ok(alloc::vec![
                ((name("W1"), w1.clone()), (name("b1"), b1.clone())),
                ((name("W2"), w2.clone()), (name("b2"), b2.clone())),
            ]),
            (Self::Deep { w, b }, Model::Deep) => {
                if w.len() != b.len() {
                    return Err(ImportError::UnpairedLayers {
                        weights: w.len(),
                        biases: b.len(),
                    });
                }
                // Layers counted from 1, as the course writes W[1].
                Ok(w.iter()
                    .zip(b)
                    .enumerate()
                    .map(|(l, (w, b))| {
                        (
                            (alloc::format!("W[{}]", l + 1), w.clone()),
                            (alloc::format!("b[{}]", l + 1), b.clone()),
                        )
                    })
                    .collect())
            }
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
        for (model, sizes) in [
            (Model::Logistic, &[2, 1][..]),
            (Model::Shallow, &[2, 4, 1]),
            (Model::Deep, &[2, 3, 5, 1]),
        ] {
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
        assert!(matches!(
            params.to_network(&net, Model::Logistic),
            Err(ImportError::WrongModel { .. })
        ));
        let mut bad = params.clone();
        if let Parameters::Shallow { b2, .. } = &mut bad {
            b2[0] = f64::NAN;
        }
        assert_eq!(
            bad.to_network(&net, Model::Shallow),
            Err(ImportError::NotFinite { name: "b2".into() })
        );
    }

    #[test]
    fn ragged_rows_wrong_depths_and_deep_layers_are_named() {
        let net = Network::new(&[2, 4, 1], Activation::Tanh, Init::Small, 3);
        let mut ragged = Parameters::of(&net, Model::Shallow);
        if let Parameters::Shallow { w1, .. } = &mut ragged {
            w1[2].push(1.0);
        }
        assert_eq!(
            ragged.to_network(&net, Model::Shallow).unwrap_err().to_string(),
            "row 3 of W1 has 3 numbers but the settings need 2"
        );
        let deep = Network::new(&[2, 3, 3, 1], Activation::Relu, Init::He, 1);
        let mut params = Parameters::of(&deep, Model::Deep);
        if let Parameters::Deep { w, .. } = &mut params {
            w[1][0].pop();
            w[1][1].pop();
            w[1][2].pop();
        }
        assert_eq!(
            params.to_network(&deep, Model::Deep).unwrap_err().to_string(),
            "W[2] is 3×2 but the settings need 3×3"
        );
        let mut unpaired = Parameters::of(&deep, Model::Deep);
        if let Parameters::Deep { b, .. } = &mut unpaired {
            b.pop();
        }
        assert_eq!(
            unpaired.to_network(&deep, Model::Deep),
            Err(ImportError::UnpairedLayers { weights: 3, biases: 2 })
        );
        let shallower = Network::new(&[2, 3, 1], Activation::Relu, Init::He, 1);
        assert_eq!(
            Parameters::of(&shallower, Model::Deep).to_network(&deep, Model::Deep),
            Err(ImportError::LayerCount { expected: 3, found: 2 })
        );
    }

    #[test]
    fn gradients_have_the_parameters_shape() {
        let net = Network::new(&[2, 5, 1], Activation::Tanh, Init::Small, 3);
        let grads = crate::network::Gradients::new(&net, 10);
        let g = Parameters::of_gradients(&grads, Model::Shallow);
        assert_eq!(g.count(), Parameters::of(&net, Model::Shallow).count());
        assert_eq!(g.count(), 5 * 2 + 5 + 5 + 1);
    }
}
