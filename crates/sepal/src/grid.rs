//! The decision map: the model's probability of class 1 over a rectangle of
//! the plane, coloured into RGBA pixels, and its 0.5 contour — all into
//! buffers allocated once, so redrawing a frame never allocates.

use alloc::vec::Vec;
use ndarray::Array2;

use crate::network::{ForwardPass, Network};

/// A rectangle of the plane: x1 from `x_min` to `x_max`, x2 likewise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

/// Class 0's colour (Okabe–Ito orange) and class 1's (Okabe–Ito blue):
/// a pair told apart with every common colour-blindness.
pub const CLASS_COLOURS: [[u8; 3]; 2] = [[230, 159, 0], [0, 114, 178]];

/// How far the map goes toward a class colour where the model is certain;
/// less than 1 so the points drawn on top stay visible.
const MAP_STRENGTH: f64 = 0.55;

/// `width`×`height` cells; row 0 is the top (largest x2).
pub struct DecisionMap {
    width: usize,
    height: usize,
    inputs: Array2<f64>,
    pass: ForwardPass,
    probabilities: Vec<f32>,
    pixels: Vec<u8>,
    palette: [[u8; 4]; 256],
    contour: Vec<f32>,
}

impl DecisionMap {
    pub fn new(network: &Network, width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            inputs: Array2::zeros((2, width)),
            pass: ForwardPass::new(network, width),
            probabilities: alloc::vec![0.0; width * height],
            pixels: alloc::vec![0; width * height * 4],
            palette: palette(),
            // At most two segments of four coordinates per cell.
            contour: Vec::with_capacity(width * height * 8),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// Whether this map's workspace fits `network` (else make a new map).
    pub fn fits(&self, network: &Network) -> bool {
        self.pass.fits(network)
    }

    /// Evaluates the network at the centre of every cell, one row of cells
    /// per forward pass, then colours the pixels and traces the contour.
    pub fn render(&mut self, network: &Network, bounds: Bounds) {
        let dx = (bounds.x_max - bounds.x_min) / self.width as f64;
        let dy = (bounds.y_max - bounds.y_min) / self.height as f64;
        for c in 0..self.width {
            self.inputs[(0, c)] = bounds.x_min + (c as f64 + 0.5) * dx;
        }
        for r in 0..self.height {
            let y = bounds.y_max - (r as f64 + 0.5) * dy;
            self.inputs.row_mut(1).fill(y);
            network.forward(self.inputs.view(), &mut self.pass);
            let row = &mut self.probabilities[r * self.width..(r + 1) * self.width];
            for (p, &a) in row.iter_mut().zip(self.pass.output()) {
                // A diverged network has nothing to show: draw it as unsure.
                *p = if a.is_finite() { a as f32 } else { 0.5 };
            }
        }
        self.colour();
        self.trace_contour();
    }

    /// The probability of class 1 per cell, row by row.
    pub fn probabilities(&self) -> &[f32] {
        &self.probabilities
    }

    /// RGBA pixels, row by row: what JS wraps as `ImageData` without a copy.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The 0.5 contour as line segments (x0, y0, x1, y1) in cell units:
    /// (0, 0) is the top-left corner of the map, (width, height) the
    /// bottom-right.
    pub fn contour(&self) -> &[f32] {
        &self.contour
    }

    fn colour(&mut self) {
        for (px, &p) in self.pixels.chunks_exact_mut(4).zip(&self.probabilities) {
            px.copy_from_slice(&self.palette[(p * 255.0 + 0.5) as usize]);
        }
    }

    /// Marching squares over cell centres at level 0.5, with the crossing
    /// placed by linear interpolation along each cell edge.
    fn trace_contour(&mut self) {
        self.contour.clear();
        let (w, p) = (self.width, &self.probabilities);
        for r in 0..self.height.saturating_sub(1) {
            for c in 0..w.saturating_sub(1) {
                // Corners clockwise from top-left, at cell centres.
                let v = [p[r * w + c], p[r * w + c + 1], p[(r + 1) * w + c + 1], p[(r + 1) * w + c]];
                let (x, y) = (c as f32 + 0.5, r as f32 + 0.5);
                let corner = [(x, y), (x + 1.0, y), (x + 1.0, y + 1.0), (x, y + 1.0)];
                let mut crossings = [(0.0f32, 0.0f32); 4];
                let mut n = 0;
                for e in 0..4 {
                    let (a, b) = (v[e] - 0.5, v[(e + 1) % 4] - 0.5);
                    if (a > 0.0) != (b > 0.0) {
                        let t = a / (a - b);
                        let (p0, p1) = (corner[e], corner[(e + 1) % 4]);
                        crossings[n] = (p0.0 + t * (p1.0 - p0.0), p0.1 + t * (p1.1 - p0.1));
                        n += 1;
                    }
                }
                // Two crossings give one segment; four (a saddle) give two.
                for pair in crossings[..n].chunks_exact(2) {
                    self.contour.extend_from_slice(&[pair[0].0, pair[0].1, pair[1].0, pair[1].1]);
                }
            }
        }
    }
}

/// Probability (0…255) → RGBA: white at 0.5, toward class 0's colour below,
/// class 1's above, by how sure the model is.
fn palette() -> [[u8; 4]; 256] {
    let mut table = [[0u8; 4]; 256];
    for (i, entry) in table.iter_mut().enumerate() {
        let p = i as f64 / 255.0;
        let colour = CLASS_COLOURS[(p > 0.5) as usize];
        let certainty = libm::fabs(2.0 * p - 1.0) * MAP_STRENGTH;
        for ch in 0..3 {
            let v = 255.0 + (colour[ch] as f64 - 255.0) * certainty;
            entry[ch] = libm::round(v) as u8;
        }
        entry[3] = 255;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::network::Init;

    #[test]
    fn cells_hold_the_network_at_their_centres() {
        let net = Network::new(&[2, 3, 1], Activation::Tanh, Init::He, 5);
        let mut map = DecisionMap::new(&net, 4, 3);
        let bounds = Bounds { x_min: -2.0, x_max: 2.0, y_min: -3.0, y_max: 3.0 };
        map.render(&net, bounds);
        // Cell (row 0, column 0) is centred at (−1.5, 2).
        assert_eq!(map.probabilities()[0], net.predict_point(-1.5, 2.0) as f32);
        // Cell (row 2, column 3) is centred at (1.5, −2).
        assert_eq!(map.probabilities()[11], net.predict_point(1.5, -2.0) as f32);
        assert_eq!(map.pixels().len(), 4 * 3 * 4);
    }

    #[test]
    fn contour_separates_the_two_sides_of_a_line() {
        // Logistic regression σ(10·x1): the boundary is the line x1 = 0.
        let mut net = Network::new(&[2, 1], Activation::Tanh, Init::Zeros, 0);
        net.layers[0].w[(0, 0)] = 10.0;
        let mut map = DecisionMap::new(&net, 10, 10);
        map.render(&net, Bounds { x_min: -1.0, x_max: 1.0, y_min: -1.0, y_max: 1.0 });
        let segments = map.contour();
        assert_eq!(segments.len(), 9 * 4, "one segment per row of cell squares");
        for s in segments.chunks_exact(4) {
            assert!((s[0] - 5.0).abs() < 1e-6 && (s[2] - 5.0).abs() < 1e-6, "{s:?}");
        }
        // Orange-ish on the left (class 0), blue-ish on the right.
        let left = &map.pixels()[..4];
        let right = &map.pixels()[9 * 4..10 * 4];
        assert!(left[0] > left[2] && right[2] > right[0]);
    }
}
