//! #15: a network's initial weights drawn a layer at a time, for a page
//! that spreads a large network's build over tasks.

use alloc::vec::Vec;
use ndarray::{Array1, Array2};

use super::{Init, Layer, Network};
use crate::activation::Activation;
use crate::rng::NumpyRng;

/// #15: [`Network::new`] a layer at a time, for a page that spreads a large
/// network's initial weights over tasks: the same draws in the same order.
pub struct NetworkDraw {
    sizes: Vec<usize>,
    hidden: Activation,
    init: Init,
    rng: NumpyRng,
    layers: Vec<Layer>,
}

impl NetworkDraw {
    pub fn new(sizes: &[usize], hidden: Activation, init: Init, seed: u32) -> Self {
        assert!(sizes.len() >= 2, "a network needs an input and an output size");
        Self {
            sizes: sizes.to_vec(),
            hidden,
            init,
            rng: NumpyRng::new(seed),
            layers: Vec::with_capacity(sizes.len() - 1),
        }
    }

    /// The next layer's weights; whether every layer's are drawn.
    pub fn layer(&mut self) -> bool {
        let l = self.layers.len();
        let count = self.sizes.len() - 1;
        if l < count {
            let (n_in, n_out) = (self.sizes[l], self.sizes[l + 1]);
            let mut w = Array2::zeros((n_out, n_in));
            if self.init != Init::Zeros {
                for v in w.iter_mut() {
                    *v = self.init.weight(self.rng.randn(), n_in);
                }
            }
            let activation = if l + 1 == count {
                Activation::Sigmoid
            } else {
                self.hidden
            };
            self.layers.push(Layer {
                w,
                b: Array1::zeros(n_out),
                activation,
            });
        }
        self.layers.len() == count
    }

    /// The network (the layers left are drawn first).
    pub fn finish(mut self) -> Network {
        while !self.layer() {}
        Network { layers: self.layers }
    }
}
