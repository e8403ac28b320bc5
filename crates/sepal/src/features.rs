//! The network's inputs: engineered features of a point (x1, x2), as
//! TensorFlow Playground offers them — x1², x2², x1·x2, sin x1, sin x2
//! beside the coordinates themselves. With x1², x2² logistic regression
//! draws a circle, which on the plane's two coordinates it never can.
//!
//! The features of a dataset are computed once, when a run is built, into
//! an n_features × m input matrix that training uses as it uses X; with
//! the default `x1,x2` there is no matrix at all: the input is X itself,
//! so the default run stays bit for bit the course's. The decision map
//! and the unit maps compute the features of each cell (`value_f32`,
//! `fill`) into their own buffers. sin is libm's (f64), the same on every
//! target.

use alloc::vec::Vec;
use ndarray::Array2;

use crate::dataset::Dataset;
use crate::grid::Bounds;
use crate::network::{ForwardPass, Network};
use crate::unit_maps::tile_palette;

/// One input of the network, a function of the point (x1, x2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    X1,
    X2,
    X1Sq,
    X2Sq,
    X1X2,
    SinX1,
    SinX2,
}

impl Feature {
    /// Every feature, in the order the inputs take them.
    pub const ALL: [Feature; 7] = [
        Self::X1,
        Self::X2,
        Self::X1Sq,
        Self::X2Sq,
        Self::X1X2,
        Self::SinX1,
        Self::SinX2,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::X1 => "x1",
            Self::X2 => "x2",
            Self::X1Sq => "x1sq",
            Self::X2Sq => "x2sq",
            Self::X1X2 => "x1x2",
            Self::SinX1 => "sinx1",
            Self::SinX2 => "sinx2",
        }
    }

    /// The feature's value at (x1, x2).
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Self::X1 => x1,
            Self::X2 => x2,
            Self::X1Sq => x1 * x1,
            Self::X2Sq => x2 * x2,
            Self::X1X2 => x1 * x2,
            Self::SinX1 => libm::sin(x1),
            Self::SinX2 => libm::sin(x2),
        }
    }

    /// The same in single precision, for the decision map's cells; sin
    /// goes through the f64 one (rounded once), which training's inputs use
    /// already, rather than bring in libm's `sinf` too.
    #[inline(always)]
    pub fn value_f32(self, x1: f32, x2: f32) -> f32 {
        match self {
            Self::X1 => x1,
            Self::X2 => x2,
            Self::X1Sq => x1 * x1,
            Self::X2Sq => x2 * x2,
            Self::X1X2 => x1 * x2,
            Self::SinX1 => libm::sin(x1 as f64) as f32,
            Self::SinX2 => libm::sin(x2 as f64) as f32,
        }
    }
}

/// The features a network takes, a set kept in [`Feature::ALL`]'s order:
/// `x2,x1` is the same inputs as `x1,x2`, so every set has one link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Features(u8);

impl Default for Features {
    /// The plane's coordinates, the course's inputs.
    fn default() -> Self {
        Self::of(&[Feature::X1, Feature::X2])
    }
}

impl Features {
    pub fn of(features: &[Feature]) -> Self {
        Self(features.iter().fold(0, |bits, &f| bits | 1 << f as u8))
    }

    /// The features named (unknown names are ignored: the settings table
    /// has checked them).
    pub fn named(names: &[&str]) -> Self {
        Self(
            Feature::ALL
                .iter()
                .filter(|f| names.contains(&f.name()))
                .fold(0, |bits, &f| bits | 1 << f as u8),
        )
    }

    pub fn iter(self) -> impl Iterator<Item = Feature> + Clone {
        Feature::ALL.into_iter().filter(move |&f| self.0 & (1 << f as u8) != 0)
    }

    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(Feature::name).collect()
    }

    /// n_x, the network's number of inputs.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the inputs are the points themselves (x1, x2).
    pub fn is_plane(self) -> bool {
        self == Self::default()
    }

    /// One point's inputs into `out` (its first [`Self::len`] entries).
    pub fn fill(self, x1: f64, x2: f64, out: &mut [f64]) {
        for (v, f) in out.iter_mut().zip(self.iter()) {
            *v = f.value(x1, x2);
        }
    }

    /// The probability of class 1 that `network` (whose inputs are these
    /// features) gives the point (x1, x2): one column through the
    /// network's own forward pass, for tests and tooltips.
    pub fn predict_point(self, network: &Network, x1: f64, x2: f64) -> f64 {
        let mut x = Array2::zeros((self.len(), 1));
        for (i, f) in self.iter().enumerate() {
            x[(i, 0)] = f.value(x1, x2);
        }
        let mut pass = ForwardPass::new(network, 1);
        network.forward(x.view(), &mut pass);
        pass.output()[0]
    }

    /// The network's inputs for `points`: `(inputs, None)` when they are the
    /// points themselves (moved, not copied), else the feature matrix with
    /// the same labels and `Some(points)`.
    pub fn inputs(self, points: Dataset) -> (Dataset, Option<Dataset>) {
        if self.is_plane() {
            return (points, None);
        }
        let m = points.len();
        let mut x = Array2::zeros((self.len(), m));
        for (i, f) in self.iter().enumerate() {
            for k in 0..m {
                x[(i, k)] = f.value(points.x[(0, k)], points.x[(1, k)]);
            }
        }
        let inputs = Dataset { x, y: points.y.clone() };
        (inputs, Some(points))
    }
}

/// Each input's picture: the feature's value over the plotted rectangle,
/// one `cells`² tile per feature side by side in one RGBA buffer, coloured
/// like the hidden units' views (orange negative, white 0, blue positive,
/// on the feature's largest |value| over the rectangle). Allocated once;
/// redrawn only when the rectangle changes.
pub struct InputMaps {
    features: Features,
    cells: usize,
    bounds: Option<Bounds>,
    values: Vec<f64>,
    pixels: Vec<u8>,
    palette: [[u8; 4]; 255],
}

impl InputMaps {
    pub fn new(features: Features, cells: usize) -> Self {
        let n = features.len() * cells * cells;
        Self {
            features,
            cells,
            bounds: None,
            values: alloc::vec![0.0; n],
            pixels: alloc::vec![0; 4 * n],
            palette: tile_palette(),
        }
    }

    pub fn cells(&self) -> usize {
        self.cells
    }

    /// Evaluates and colours every tile over `bounds`, unless it shows them.
    pub fn render(&mut self, bounds: Bounds) {
        if self.bounds == Some(bounds) {
            return;
        }
        self.bounds = Some(bounds);
        let (n, count) = (self.cells, self.features.len());
        let dx = (bounds.x_max - bounds.x_min) / n as f64;
        let dy = (bounds.y_max - bounds.y_min) / n as f64;
        for (t, f) in self.features.iter().enumerate() {
            let tile = &mut self.values[t * n * n..(t + 1) * n * n];
            for r in 0..n {
                let x2 = bounds.y_max - (r as f64 + 0.5) * dy;
                for c in 0..n {
                    tile[r * n + c] = f.value(bounds.x_min + (c as f64 + 0.5) * dx, x2);
                }
            }
            let largest = tile.iter().fold(0.0f64, |m, v| m.max(libm::fabs(*v)));
            let scale = if largest > 1e-12 { 1.0 / largest } else { 1.0 };
            for (k, &v) in tile.iter().enumerate() {
                let index = ((v * scale).clamp(-1.0, 1.0) * 127.0 + 127.5) as usize;
                let (r, c) = (k / n, k % n);
                let at = ((r * count + t) * n + c) * 4;
                self.pixels[at..at + 4].copy_from_slice(&self.palette[index.min(254)]);
            }
        }
    }

    /// RGBA of a (features·cells)×cells image, feature k's tile in columns
    /// k·cells … (k+1)·cells − 1; row 0 is the top (largest x2).
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The values behind the pixels, feature by feature (for tests).
    pub fn values(&self) -> &[f64] {
        &self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_feature_is_its_formula() {
        let (x1, x2) = (0.75, -2.0);
        let all = Features::of(&Feature::ALL);
        let mut out = [0.0; 7];
        all.fill(x1, x2, &mut out);
        assert_eq!(out, [x1, x2, x1 * x1, x2 * x2, x1 * x2, libm::sin(x1), libm::sin(x2)]);
        assert_eq!(libm::sin(x1), 0.6816387600233341);
        for f in Feature::ALL {
            assert!((f.value_f32(x1 as f32, x2 as f32) as f64 - f.value(x1, x2)).abs() < 1e-6);
        }
    }

    #[test]
    fn a_set_keeps_the_inputs_order_whatever_order_it_was_named_in() {
        let set = Features::named(&["sinx2", "x1sq", "x1"]);
        assert_eq!(set.names(), ["x1", "x1sq", "sinx2"]);
        assert_eq!(set.len(), 3);
        assert!(Features::named(&["x2", "x1"]).is_plane());
    }

    #[test]
    fn the_default_inputs_are_the_points_themselves_not_a_copy() {
        let data = Dataset::from_points(&[[1.0, 2.0, 0.0], [-3.0, 0.5, 1.0]]);
        let address = data.x.as_ptr();
        let (inputs, points) = Features::default().inputs(data);
        assert!(points.is_none());
        assert_eq!(inputs.x.as_ptr(), address, "moved, not copied");
    }

    #[test]
    fn a_feature_matrix_has_a_row_per_feature_and_keeps_the_points() {
        let data = Dataset::from_points(&[[1.0, 2.0, 0.0], [-3.0, 0.5, 1.0]]);
        let (inputs, points) = Features::named(&["x1sq", "x1x2"]).inputs(data.clone());
        assert_eq!(inputs.x.dim(), (2, 2));
        assert_eq!(inputs.x.row(0).to_vec(), [1.0, 9.0]);
        assert_eq!(inputs.x.row(1).to_vec(), [2.0, -1.5]);
        assert_eq!(inputs.y, data.y);
        assert_eq!(points, Some(data));
    }

    #[test]
    fn input_tiles_hold_each_feature_at_the_cell_centres() {
        let bounds = Bounds {
            x_min: -2.0,
            x_max: 2.0,
            y_min: -2.0,
            y_max: 2.0,
        };
        let mut maps = InputMaps::new(Features::named(&["x1", "x2sq"]), 4);
        maps.render(bounds);
        // Row 0, column 0 is centred at (−1.5, 1.5).
        assert_eq!(maps.values()[0], -1.5);
        assert_eq!(maps.values()[16], 2.25);
        assert_eq!(maps.pixels().len(), 2 * 16 * 4);
        // x1 at its most negative is full orange; x2² at its largest full blue.
        let palette = tile_palette();
        assert_eq!(maps.pixels()[..4], palette[0]);
        assert_eq!(maps.pixels()[16..20], palette[254]);
    }
}
