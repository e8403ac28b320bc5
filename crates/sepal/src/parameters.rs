//! The parameters in the shapes the course names them, for the page, the
//! CLI's JSON and model export: `{w, b}` for logistic regression,
//! `{W1, b1, W2, b2}` for the shallow network, `{W: [...], b: [...]}` per
//! layer for a deep one.

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
