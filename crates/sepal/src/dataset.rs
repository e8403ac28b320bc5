//! The datasets: points in the plane with labels 0 and 1, stored as the
//! course stores them — X is 2×m (one column per point), Y has m labels.

use alloc::vec::Vec;
use ndarray::Array2;

use crate::rng::NumpyRng;

/// Which generator made the points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetKind {
    Flower,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 1] = [Self::Flower];

    pub fn name(self) -> &'static str {
        match self {
            Self::Flower => "flower",
        }
    }

    /// The noise scale the course uses for this dataset.
    pub fn default_noise(self) -> f64 {
        match self {
            Self::Flower => 0.2,
        }
    }

    pub fn generate(self, seed: u32, points: usize, noise: f64) -> Dataset {
        match self {
            Self::Flower => flower(seed, points, noise),
        }
    }
}

/// Points as columns of `x` (2×m) with labels `y` (0.0 or 1.0).
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub x: Array2<f64>,
    pub y: Vec<f64>,
}

impl Dataset {
    pub fn from_points(points: &[[f64; 3]]) -> Self {
        let m = points.len();
        let mut x = Array2::zeros((2, m));
        for (k, p) in points.iter().enumerate() {
            x[(0, k)] = p[0];
            x[(1, k)] = p[1];
        }
        Self { x, y: points.iter().map(|p| p[2]).collect() }
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Point k as (x1, x2, label).
    pub fn point(&self, k: usize) -> [f64; 3] {
        [self.x[(0, k)], self.x[(1, k)], self.y[k]]
    }

    /// Holds out `round(fraction·m)` points chosen by a shuffle seeded with
    /// `seed`; returns (train, test). A fraction of 0 draws nothing and keeps
    /// the order, so the course's data stays the course's.
    pub fn split(&self, fraction: f64, seed: u32) -> (Dataset, Dataset) {
        let m = self.len();
        let held_out = libm::round(fraction * m as f64) as usize;
        let held_out = held_out.min(m.saturating_sub(1));
        if held_out == 0 {
            return (self.clone(), Dataset::from_points(&[]));
        }
        let mut order: Vec<usize> = (0..m).collect();
        let mut rng = NumpyRng::new(seed);
        for i in (1..m).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let (test, train) = order.split_at(held_out);
        let pick = |ix: &[usize]| {
            let mut ix = ix.to_vec();
            ix.sort_unstable();
            let points: Vec<[f64; 3]> = ix.iter().map(|&k| self.point(k)).collect();
            Dataset::from_points(&points)
        };
        (pick(train), pick(test))
    }
}

/// The course's `load_planar_dataset`: a flower with petals of alternating
/// class. Class 0 takes the first ⌊m/2⌋ points, class 1 the rest; for each
/// class the t-noises are drawn, then the r-noises.
pub fn flower(seed: u32, points: usize, noise: f64) -> Dataset {
    const PETAL_RADIUS: f64 = 4.0;
    const SPAN: f64 = 3.12;
    let mut rng = NumpyRng::new(seed);
    let mut x = Array2::zeros((2, points));
    let mut y = Vec::with_capacity(points);
    let sizes = [points / 2, points - points / 2];
    let mut first = 0;
    let mut t = Vec::new();
    for (class, &n) in sizes.iter().enumerate() {
        let start = class as f64 * SPAN;
        let stop = (class + 1) as f64 * SPAN;
        t.clear();
        t.extend(linspace(start, stop, n));
        for t in t.iter_mut() {
            *t += rng.randn() * noise;
        }
        for (k, &t) in t.iter().enumerate() {
            let r = PETAL_RADIUS * libm::sin(4.0 * t) + rng.randn() * noise;
            x[(0, first + k)] = r * libm::sin(t);
            x[(1, first + k)] = r * libm::cos(t);
            y.push(class as f64);
        }
        first += n;
    }
    Dataset { x, y }
}

/// numpy's `linspace(start, stop, n)`: start + i·step, the last one exactly stop.
fn linspace(start: f64, stop: f64, n: usize) -> impl Iterator<Item = f64> {
    let step = if n > 1 { (stop - start) / (n - 1) as f64 } else { 0.0 };
    (0..n).map(move |i| if i + 1 == n && n > 1 { stop } else { i as f64 * step + start })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks printed in REFERENCE.md for `load_planar_dataset()`.
    #[test]
    fn flower_matches_the_course() {
        let data = flower(1, 400, 0.2);
        assert_eq!(data.point(0)[..2], [1.204442292254319, 3.5761141481288448]);
        assert_eq!(data.point(399)[..2], [0.7307808250007513, 3.0683292081876545]);
        assert_eq!(data.y.iter().filter(|&&y| y == 1.0).count(), 200);
    }

    #[test]
    fn split_holds_out_the_fraction_and_keeps_every_point() {
        let data = flower(1, 400, 0.2);
        let (train, test) = data.split(0.25, 1);
        assert_eq!((train.len(), test.len()), (300, 100));
        let (same, none) = data.split(0.0, 1);
        assert_eq!((same, none.len()), (data, 0));
    }
}
