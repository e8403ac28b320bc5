//! The decision map: the model's probability of class 1 over a rectangle of
//! the plane, coloured into RGBA pixels, and its 0.5 contour — all into
//! buffers allocated once, so redrawing a frame never allocates.
//!
//! The map is a picture: it evaluates the network in single precision (a
//! copy of the weights rounded to f32, with `fastmath::single`'s tanh and
//! σ), so four cells share each SIMD operation where training's f64 has
//! two. The same IEEE operations run in the same order on every target, so
//! pixels and contour are identical natively and in the browser. Cells go
//! through the layers in blocks of 64, whose activations stay in the L1
//! cache; a render with the parameters and bounds of the previous one keeps
//! the previous picture.

use alloc::vec::Vec;

use crate::activation::{Activation, LEAKY_SLOPE};
use crate::contour::Contour;
use crate::fastmath::single;
use crate::features::Features;
use crate::network::Network;

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

/// Cells per pass through the layers.
const BLOCK: usize = 64;

/// One layer of the f32 copy: W (n_out×n_in) at `offset` in `weights`,
/// then b.
#[derive(Clone, Copy)]
struct LayerShape {
    inputs: usize,
    outputs: usize,
    activation: Activation,
    offset: usize,
}

/// `width`×`height` cells; row 0 is the top (largest x2).
pub struct DecisionMap {
    width: usize,
    height: usize,
    /// The network's inputs, computed per cell.
    features: Features,
    layers: Vec<LayerShape>,
    weights: Vec<f32>,
    /// What the current picture shows: the parameters and bounds it was
    /// rendered from.
    shown: Vec<f64>,
    shown_bounds: Option<Bounds>,
    /// Rows of `probabilities` computed for the parameters in `shown`: a
    /// render in bands ([`Self::render_rows`]) is whole at `height`; until
    /// then `pixels` and the contour still hold the previous picture.
    rows_done: usize,
    /// The smallest and largest probability of the rows done so far.
    rows_range: (f32, f32),
    /// Activations of a block of cells, unit after unit, BLOCK apart.
    buffers: [Vec<f32>; 2],
    column_x: Vec<f32>,
    probabilities: Vec<f32>,
    /// The smallest and largest of `probabilities`, found as they are made.
    range: (f32, f32),
    pixels: Vec<u8>,
    palette: [[u8; 4]; 256],
    contour: Contour,
}

impl DecisionMap {
    pub fn new(network: &Network, width: usize, height: usize) -> Self {
        Self::with_features(network, Features::default(), width, height)
    }

    /// The map of a network whose inputs are `features` of the point.
    pub fn with_features(network: &Network, features: Features, width: usize, height: usize) -> Self {
        let mut offset = 0;
        let layers: Vec<LayerShape> = network
            .layers
            .iter()
            .map(|l| {
                let shape = LayerShape {
                    inputs: l.inputs(),
                    outputs: l.outputs(),
                    activation: l.activation,
                    offset,
                };
                offset += l.w.len() + l.b.len();
                shape
            })
            .collect();
        let widest = network
            .layers
            .iter()
            .map(|l| l.outputs().max(l.inputs()))
            .max()
            .unwrap_or(1);
        Self {
            width,
            height,
            features,
            layers,
            weights: alloc::vec![0.0; offset],
            shown: alloc::vec![0.0; offset],
            shown_bounds: None,
            rows_done: 0,
            rows_range: (f32::INFINITY, f32::NEG_INFINITY),
            buffers: [alloc::vec![0.0; widest * BLOCK], alloc::vec![0.0; widest * BLOCK]],
            column_x: alloc::vec![0.0; width],
            probabilities: alloc::vec![0.0; width * height],
            range: (0.5, 0.5),
            pixels: alloc::vec![0; width * height * 4],
            palette: palette(),
            contour: Contour::new(width, height),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn height(&self) -> usize {
        self.height
    }

    /// Another number of cells, in the buffers already there when they are
    /// large enough (the page animates a large network at fewer cells than
    /// its stills); the next render draws afresh.
    pub fn resize(&mut self, width: usize, height: usize) {
        self.width = width;
        self.height = height;
        self.column_x.resize(width, 0.0);
        self.probabilities.resize(width * height, 0.5);
        self.pixels.resize(width * height * 4, 0);
        self.contour.resize(width, height);
        self.shown_bounds = None;
    }

    /// Whether this map's workspace fits `network` (else make a new map).
    pub fn fits(&self, network: &Network) -> bool {
        self.layers.len() == network.layers.len()
            && self
                .layers
                .iter()
                .zip(&network.layers)
                .all(|(s, l)| s.inputs == l.inputs() && s.outputs == l.outputs() && s.activation == l.activation)
    }

    /// Evaluates the network at the centre of every cell, then colours the
    /// pixels and traces the contour — unless the parameters and bounds
    /// are those of the previous render, whose picture stays.
    pub fn render(&mut self, network: &Network, bounds: Bounds) {
        self.render_rows(network, bounds, usize::MAX);
    }

    /// [`Self::render`] in bands (#15: a large network's still is too long
    /// for one frame): evaluates up to `rows` more rows of cells; returns
    /// true once the picture is whole, when it replaces the previous one
    /// (which `pixels` and `contour` hold until then). Each cell is
    /// computed as in one render, so the bands give the same picture. New
    /// parameters or bounds start the bands again.
    pub fn render_rows(&mut self, network: &Network, bounds: Bounds, rows: usize) -> bool {
        assert!(self.fits(network), "a map made for another network shape");
        if self.take(network, bounds) {
            self.rows_done = 0;
            self.rows_range = (f32::INFINITY, f32::NEG_INFINITY);
        } else if self.rows_done == self.height {
            return true;
        }
        let dx = (bounds.x_max - bounds.x_min) / self.width as f64;
        let dy = (bounds.y_max - bounds.y_min) / self.height as f64;
        for (c, x) in self.column_x.iter_mut().enumerate() {
            *x = (bounds.x_min + (c as f64 + 0.5) * dx) as f32;
        }
        let (mut low, mut high) = self.rows_range;
        let first = self.rows_done;
        self.rows_done = first.saturating_add(rows).min(self.height);
        for r in first..self.rows_done {
            let y = (bounds.y_max - (r as f64 + 0.5) * dy) as f32;
            for start in (0..self.width).step_by(BLOCK) {
                let n = BLOCK.min(self.width - start);
                self.evaluate(start, n, y);
                let row = &mut self.probabilities[r * self.width + start..][..n];
                for (p, &a) in row.iter_mut().zip(&self.buffers[0][..n]) {
                    // A diverged network has nothing to show: draw it as unsure.
                    *p = if a.is_finite() { a } else { 0.5 };
                    low = low.min(*p);
                    high = high.max(*p);
                }
            }
        }
        self.rows_range = (low, high);
        if self.rows_done < self.height {
            return false;
        }
        self.range = if low <= high { (low, high) } else { (0.5, 0.5) };
        self.colour();
        self.contour.trace(&self.probabilities);
        true
    }

    /// The probability of class 1 per cell, row by row.
    pub fn probabilities(&self) -> &[f32] {
        &self.probabilities
    }

    /// The smallest and largest probability of the last render: equal when
    /// the model says the same everywhere (zero weights, say).
    pub fn probability_range(&self) -> (f32, f32) {
        self.range
    }

    /// RGBA pixels, row by row: what JS wraps as `ImageData` without a copy.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The 0.5 contour as polylines in cell units (see [`Contour::lines`]):
    /// (0, 0) is the top-left corner of the map, (width, height) the
    /// bottom-right.
    pub fn contour(&self) -> &[f32] {
        self.contour.lines()
    }

    /// Copies the network's parameters (f64 into `shown`, f32 into
    /// `weights`) and the bounds; false if they are what is shown already.
    fn take(&mut self, network: &Network, bounds: Bounds) -> bool {
        let parameters = network.layers.iter().flat_map(|l| l.w.iter().chain(l.b.iter()));
        let same = self.shown_bounds == Some(bounds) && self.shown.iter().zip(parameters.clone()).all(|(a, b)| a == b);
        if same {
            return false;
        }
        for ((shown, weight), &v) in self.shown.iter_mut().zip(self.weights.iter_mut()).zip(parameters) {
            *shown = v;
            *weight = v as f32;
        }
        self.shown_bounds = Some(bounds);
        true
    }

    /// The network over `n` cells from column `start` of the row at x2 = y;
    /// the probabilities end in `buffers[0]`.
    fn evaluate(&mut self, start: usize, n: usize, y: f32) {
        crate::fastmath::wide(
            #[inline(always)]
            || self.evaluate_block(start, n, y),
        );
    }

    #[inline(always)]
    fn evaluate_block(&mut self, start: usize, n: usize, y: f32) {
        let [a, b] = &mut self.buffers;
        let (mut input, mut output) = (a, b);
        let x = &self.column_x[start..start + n];
        for (l, layer) in self.layers.iter().enumerate() {
            let w = &self.weights[layer.offset..][..layer.outputs * layer.inputs];
            let bias = &self.weights[layer.offset + w.len()..][..layer.outputs];
            let plane = l == 0 && self.features.is_plane();
            if l == 0 && !plane {
                // #17: input features — each cell's features, a row per
                // feature, BLOCK apart; the layer is then any other's.
                for (row, f) in input.chunks_exact_mut(BLOCK).zip(self.features.iter()) {
                    for (v, &x) in row[..n].iter_mut().zip(x) {
                        *v = f.value_f32(x, y);
                    }
                }
            }
            if plane {
                // The inputs are (x1, x2) with x2 the same across the row:
                // z = w0·x1 + (w1·x2 + b).
                assert_eq!(layer.inputs, 2, "the map's inputs are the plane's two coordinates");
                for (i, o) in output.chunks_exact_mut(BLOCK).take(layer.outputs).enumerate() {
                    let (w0, c) = (w[2 * i], w[2 * i + 1] * y + bias[i]);
                    for (o, &x) in o[..n].iter_mut().zip(x) {
                        *o = w0 * x + c;
                    }
                }
            } else {
                affine(
                    w,
                    bias,
                    layer.inputs,
                    &input[..layer.inputs * BLOCK],
                    &mut output[..layer.outputs * BLOCK],
                    n,
                );
            }
            for o in output.chunks_exact_mut(BLOCK).take(layer.outputs) {
                activate(layer.activation, &mut o[..n]);
            }
            core::mem::swap(&mut input, &mut output);
        }
        // The last layer's output is in `input` after the swap.
        if !core::ptr::eq(input.as_ptr(), self.buffers[0].as_ptr()) {
            let [a, b] = &mut self.buffers;
            a[..n].copy_from_slice(&b[..n]);
        }
    }

    fn colour(&mut self) {
        for (px, &p) in self.pixels.chunks_exact_mut(4).zip(&self.probabilities) {
            px.copy_from_slice(&self.palette[(p * 255.0 + 0.5) as usize]);
        }
    }
}

/// out[i] = ((0 + w[i,0]·x[0]) + w[i,1]·x[1] + …) + b[i] over the first `n`
/// cells, rows BLOCK apart, up to four inputs per pass.
#[inline(always)]
fn affine(w: &[f32], b: &[f32], n_in: usize, x: &[f32], out: &mut [f32], n: usize) {
    // Four outputs at a time share their inputs' loads, for the wide
    // layers of deep networks; each output's sum keeps the order below.
    let quads = if n_in.is_multiple_of(4) {
        out.len() / BLOCK / 4
    } else {
        0
    };
    let (four, rest) = out.split_at_mut(quads * 4 * BLOCK);
    for (q, o) in four.chunks_exact_mut(4 * BLOCK).enumerate() {
        let (o0, o) = o.split_at_mut(BLOCK);
        let (o1, o) = o.split_at_mut(BLOCK);
        let (o2, o3) = o.split_at_mut(BLOCK);
        let (o0, o1, o2, o3) = (&mut o0[..n], &mut o1[..n], &mut o2[..n], &mut o3[..n]);
        let i = 4 * q;
        let wr = |r: usize, j: usize| w[(i + r) * n_in + j];
        for j in (0..n_in).step_by(4) {
            let first = j == 0;
            let (x0, x1, x2, x3) = (
                &x[j * BLOCK..][..n],
                &x[(j + 1) * BLOCK..][..n],
                &x[(j + 2) * BLOCK..][..n],
                &x[(j + 3) * BLOCK..][..n],
            );
            let w0 = [wr(0, j), wr(0, j + 1), wr(0, j + 2), wr(0, j + 3)];
            let w1 = [wr(1, j), wr(1, j + 1), wr(1, j + 2), wr(1, j + 3)];
            let w2 = [wr(2, j), wr(2, j + 1), wr(2, j + 2), wr(2, j + 3)];
            let w3 = [wr(3, j), wr(3, j + 1), wr(3, j + 2), wr(3, j + 3)];
            for k in 0..n {
                let (a, b, c, d) = (x0[k], x1[k], x2[k], x3[k]);
                let start = |o: f32| if first { 0.0 } else { o };
                o0[k] = start(o0[k]) + w0[0] * a + w0[1] * b + w0[2] * c + w0[3] * d;
                o1[k] = start(o1[k]) + w1[0] * a + w1[1] * b + w1[2] * c + w1[3] * d;
                o2[k] = start(o2[k]) + w2[0] * a + w2[1] * b + w2[2] * c + w2[3] * d;
                o3[k] = start(o3[k]) + w3[0] * a + w3[1] * b + w3[2] * c + w3[3] * d;
            }
        }
        for (o, &b) in [o0, o1, o2, o3].into_iter().zip(&b[i..i + 4]) {
            for o in o.iter_mut() {
                *o += b;
            }
        }
    }
    for (i, o) in rest.chunks_exact_mut(BLOCK).enumerate() {
        let i = i + 4 * quads;
        let o = &mut o[..n];
        let w = &w[i * n_in..(i + 1) * n_in];
        let row = |j: usize| &x[j * BLOCK..j * BLOCK + n];
        let mut j = 0;
        while j < n_in {
            let first = j == 0;
            match n_in - j {
                1 => {
                    let (w0, x0) = (w[j], row(j));
                    for (k, o) in o.iter_mut().enumerate() {
                        *o = if first { 0.0 } else { *o } + w0 * x0[k];
                    }
                    j += 1;
                }
                2 => {
                    let (w0, w1, x0, x1) = (w[j], w[j + 1], row(j), row(j + 1));
                    for (k, o) in o.iter_mut().enumerate() {
                        *o = if first { 0.0 } else { *o } + w0 * x0[k] + w1 * x1[k];
                    }
                    j += 2;
                }
                3 => {
                    let (w0, w1, w2, x0, x1, x2) = (w[j], w[j + 1], w[j + 2], row(j), row(j + 1), row(j + 2));
                    for (k, o) in o.iter_mut().enumerate() {
                        *o = if first { 0.0 } else { *o } + w0 * x0[k] + w1 * x1[k] + w2 * x2[k];
                    }
                    j += 3;
                }
                _ => {
                    let (w0, w1, w2, w3) = (w[j], w[j + 1], w[j + 2], w[j + 3]);
                    let (x0, x1, x2, x3) = (row(j), row(j + 1), row(j + 2), row(j + 3));
                    for (k, o) in o.iter_mut().enumerate() {
                        *o = if first { 0.0 } else { *o } + w0 * x0[k] + w1 * x1[k] + w2 * x2[k] + w3 * x3[k];
                    }
                    j += 4;
                }
            }
        }
        let b = b[i];
        for o in o.iter_mut() {
            *o += b;
        }
    }
}

#[inline(always)]
fn activate(activation: Activation, a: &mut [f32]) {
    let k = single::K::opaque();
    match activation {
        Activation::Tanh => a.iter_mut().for_each(|a| *a = single::tanh(*a, &k)),
        Activation::Sigmoid => a.iter_mut().for_each(|a| *a = single::sigmoid(*a, &k)),
        Activation::Relu => a.iter_mut().for_each(|a| *a = if *a > 0.0 { *a } else { 0.0 }),
        Activation::LeakyRelu => a
            .iter_mut()
            .for_each(|a| *a = if *a > 0.0 { *a } else { LEAKY_SLOPE as f32 * *a }),
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
mod tests;
