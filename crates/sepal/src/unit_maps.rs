//! What each hidden unit computes over the plane: one small map per unit of
//! the first hidden layers, coloured into one RGBA buffer with the units'
//! tiles side by side (layer by layer, unit by unit), for the page's
//! `part="neuron"` views. Like the decision map, everything is allocated
//! when the maps are built, so redrawing never allocates.
//!
//! Only the layers shown are evaluated: the maps keep a copy of that prefix
//! of the network (refreshed in place before each render) and run
//! `Network::forward` over it one row of cells at a time.

use alloc::vec::Vec;
use ndarray::Array2;

use crate::activation::Activation;
use crate::features::Features;
use crate::grid::{Bounds, CLASS_COLOURS};
use crate::network::{ForwardPass, Network};

/// How far a tile goes toward orange (negative) or blue (positive) where the
/// unit is saturated; tiles carry no points, so stronger than the map.
const TILE_STRENGTH: f64 = 0.9;

pub struct UnitMaps {
    cells: usize,
    /// The hidden layers shown, as a network of their own.
    prefix: Network,
    features: Features,
    /// One row of cells' inputs (features × cells) and one cell's.
    inputs: Array2<f64>,
    cell: Vec<f64>,
    pass: ForwardPass,
    /// Activations, unit by unit, each `cells`² row by row.
    values: Vec<f32>,
    pixels: Vec<u8>,
    palette: [[u8; 4]; 255],
}

impl UnitMaps {
    /// Maps of `cells`×`cells` for the first hidden layers of `network`: at
    /// most `max_layers` of them and at most `max_units` units in all (a
    /// layer that would pass that limit, and every layer after it, is left
    /// out). Logistic regression has no hidden layer and gets no maps.
    pub fn new(network: &Network, cells: usize, max_layers: usize, max_units: usize) -> Self {
        Self::with_features(network, Features::default(), cells, max_layers, max_units)
    }

    /// The same for a network whose inputs are `features` of the point.
    pub fn with_features(
        network: &Network,
        features: Features,
        cells: usize,
        max_layers: usize,
        max_units: usize,
    ) -> Self {
        let hidden = network.layers.len().saturating_sub(1);
        let mut shown = 0;
        let mut units = 0;
        while shown < hidden.min(max_layers) && units + network.layers[shown].outputs() <= max_units {
            units += network.layers[shown].outputs();
            shown += 1;
        }
        let prefix = Network {
            layers: network.layers[..shown].to_vec(),
        };
        let pass = ForwardPass::new(&prefix, cells);
        Self {
            cells,
            prefix,
            features,
            inputs: Array2::zeros((features.len(), cells)),
            cell: alloc::vec![0.0; features.len()],
            pass,
            values: alloc::vec![0.0; units * cells * cells],
            pixels: alloc::vec![0; units * cells * cells * 4],
            palette: tile_palette(),
        }
    }

    pub fn cells(&self) -> usize {
        self.cells
    }

    /// The number of units shown in each hidden layer shown.
    pub fn layer_units(&self) -> impl Iterator<Item = usize> + '_ {
        self.prefix.layers.iter().map(|l| l.outputs())
    }

    /// All units shown: the number of tiles.
    pub fn units(&self) -> usize {
        self.prefix.layers.iter().map(|l| l.outputs()).sum()
    }

    /// Whether these maps were made for a network of this shape.
    pub fn fits(&self, network: &Network) -> bool {
        self.prefix.layers.len() <= network.layers.len().saturating_sub(1)
            && self
                .prefix
                .layers
                .iter()
                .zip(&network.layers)
                .all(|(mine, theirs)| mine.w.dim() == theirs.w.dim() && mine.activation == theirs.activation)
    }

    /// Evaluates every shown unit at the centre of every cell of `bounds`
    /// and colours the tiles.
    pub fn render(&mut self, network: &Network, bounds: Bounds) {
        if self.prefix.layers.is_empty() {
            return;
        }
        for (mine, theirs) in self.prefix.layers.iter_mut().zip(&network.layers) {
            mine.w.assign(&theirs.w);
            mine.b.assign(&theirs.b);
        }
        let n = self.cells;
        let dx = (bounds.x_max - bounds.x_min) / n as f64;
        let dy = (bounds.y_max - bounds.y_min) / n as f64;
        for r in 0..n {
            let x2 = bounds.y_max - (r as f64 + 0.5) * dy;
            for c in 0..n {
                self.features
                    .fill(bounds.x_min + (c as f64 + 0.5) * dx, x2, &mut self.cell);
                for (i, &v) in self.cell.iter().enumerate() {
                    self.inputs[(i, c)] = v;
                }
            }
            self.prefix.forward(self.inputs.view(), &mut self.pass);
            let mut unit = 0;
            for l in 0..self.prefix.layers.len() {
                let a = self.pass.activations(l);
                for row in a.rows() {
                    let tile = &mut self.values[unit * n * n + r * n..unit * n * n + (r + 1) * n];
                    for (v, &a) in tile.iter_mut().zip(row.iter()) {
                        *v = a as f32;
                    }
                    unit += 1;
                }
            }
        }
        self.colour();
    }

    /// RGBA pixels of a (units·cells)×cells image: unit k's tile is columns
    /// k·cells … (k+1)·cells − 1; row 0 is the top (largest x2).
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The activations behind the pixels, unit by unit (for tests).
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// Orange for negative, white for 0, blue for positive. tanh and the
    /// sigmoid are drawn on their own scales (−1 … 1, and 0 … 1 with 0.5 as
    /// white); ReLU and leaky ReLU, unbounded, on the unit's largest |a|.
    fn colour(&mut self) {
        let n2 = self.cells * self.cells;
        let total = self.units_total();
        let mut unit = 0;
        for layer in &self.prefix.layers {
            for _ in 0..layer.outputs() {
                let values = &self.values[unit * n2..(unit + 1) * n2];
                let (centre, scale) = match layer.activation {
                    Activation::Tanh => (0.0, 1.0),
                    Activation::Sigmoid => (0.5, 2.0),
                    Activation::Relu | Activation::LeakyRelu => {
                        let largest = values.iter().fold(0.0f32, |m, v| if v.abs() > m { v.abs() } else { m });
                        (0.0, if largest > 1e-12 { 1.0 / largest } else { 1.0 })
                    }
                };
                for (k, &v) in values.iter().enumerate() {
                    let t = if v.is_finite() {
                        ((v - centre) * scale).clamp(-1.0, 1.0)
                    } else {
                        0.0
                    };
                    let index = (t * 127.0 + 127.5) as usize;
                    let (r, c) = (k / self.cells, k % self.cells);
                    let at = ((r * total + unit) * self.cells + c) * 4;
                    self.pixels[at..at + 4].copy_from_slice(&self.palette[index.min(254)]);
                }
                unit += 1;
            }
        }
    }

    fn units_total(&self) -> usize {
        self.values.len() / (self.cells * self.cells).max(1)
    }
}

/// Whether every unit of hidden layer `layer` has the same incoming weights
/// and bias — the symmetry that zero initialisation never breaks.
pub fn identical_units(network: &Network, layer: usize) -> bool {
    let Some(l) = network.layers.get(layer) else {
        return false;
    };
    let first = l.w.row(0);
    l.w.rows().into_iter().all(|row| row == first) && l.b.iter().all(|&b| b == l.b[0])
}

/// 255 colours from orange (index 0, −1) through white (127, 0) to blue
/// (254, +1); the inputs' pictures (`features::InputMaps`) share them.
pub(crate) fn tile_palette() -> [[u8; 4]; 255] {
    let mut table = [[0u8; 4]; 255];
    for (i, entry) in table.iter_mut().enumerate() {
        let t = (i as f64 - 127.0) / 127.0;
        let colour = CLASS_COLOURS[(t > 0.0) as usize];
        let strength = libm::fabs(t) * TILE_STRENGTH;
        for ch in 0..3 {
            entry[ch] = libm::round(255.0 + (colour[ch] as f64 - 255.0) * strength) as u8;
        }
        entry[3] = 255;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Init;

    const BOUNDS: Bounds = Bounds {
        x_min: -2.0,
        x_max: 2.0,
        y_min: -3.0,
        y_max: 3.0,
    };

    #[test]
    fn each_tile_holds_its_units_activation_at_the_cell_centres() {
        let net = Network::new(&[2, 3, 2, 1], Activation::Tanh, Init::He, 7);
        let mut maps = UnitMaps::new(&net, 4, 4, 64);
        assert_eq!(maps.layer_units().collect::<Vec<_>>(), [3, 2]);
        maps.render(&net, BOUNDS);
        assert_eq!(maps.pixels().len(), 5 * 4 * 4 * 4);
        // Unit 1 of layer 1, cell (row 0, column 0), centred at (−1.5, 2.25).
        let l1 = &net.layers[0];
        let z = l1.w[(1, 0)] * -1.5 + l1.w[(1, 1)] * 2.25 + l1.b[1];
        assert!((maps.values()[16] as f64 - libm::tanh(z)).abs() < 1e-6);
        // Unit 0 of layer 2 (the 4th tile) at cell (row 3, column 2) = (0.5, −2.25).
        let mut pass = ForwardPass::new(&net, 1);
        let x = ndarray::arr2(&[[0.5], [-2.25]]);
        net.forward(x.view(), &mut pass);
        let want = pass.activations(1)[(0, 0)];
        assert!((maps.values()[3 * 16 + 3 * 4 + 2] as f64 - want).abs() < 1e-6);
    }

    #[test]
    fn tiles_sit_side_by_side_in_the_pixels() {
        // One unit firing everywhere (blue), one dead (white) under ReLU.
        let mut net = Network::new(&[2, 2, 1], Activation::Relu, Init::Zeros, 0);
        net.layers[0].b[0] = 1.0;
        let mut maps = UnitMaps::new(&net, 3, 4, 64);
        maps.render(&net, BOUNDS);
        let width = 2 * 3;
        let pixel = |r: usize, c: usize| &maps.pixels()[(r * width + c) * 4..(r * width + c) * 4 + 4];
        assert!(pixel(2, 0)[2] > pixel(2, 0)[0], "unit 0 is blue");
        assert_eq!(pixel(2, 4), &[255, 255, 255, 255], "unit 1 is white");
    }

    #[test]
    fn limits_leave_out_later_layers_and_logistic_has_none() {
        let deep = Network::new(&[2, 8, 8, 50, 4, 1], Activation::Relu, Init::He, 1);
        assert_eq!(
            UnitMaps::new(&deep, 8, 4, 64).units(),
            16,
            "the 50-unit layer would pass 64"
        );
        assert_eq!(UnitMaps::new(&deep, 8, 1, 64).units(), 8);
        let logistic = Network::new(&[2, 1], Activation::Tanh, Init::Small, 3);
        let mut maps = UnitMaps::new(&logistic, 8, 4, 64);
        maps.render(&logistic, BOUNDS);
        assert_eq!((maps.units(), maps.pixels().len()), (0, 0));
        assert!(maps.fits(&logistic));
        assert!(!UnitMaps::new(&deep, 8, 4, 64).fits(&logistic));
    }

    #[test]
    fn zero_initialisation_keeps_the_hidden_units_identical() {
        let mut net = Network::new(&[2, 4, 1], Activation::Sigmoid, Init::Zeros, 3);
        assert!(identical_units(&net, 0));
        net.layers[0].w[(2, 1)] = 0.5;
        assert!(!identical_units(&net, 0));
        assert!(!identical_units(&net, 5));
    }
}
