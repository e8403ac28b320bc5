//! The datasets: points in the plane with labels 0 and 1, stored as the
//! course stores them — X is 2×m (one column per point), Y has m labels.

use alloc::boxed::Box;
use alloc::vec::Vec;
use ndarray::Array2;

use crate::football;
use crate::generators::{self, Point};
use crate::rng::NumpyRng;
use crate::settings::Settings;

/// Which generator made the points; `Custom` is the points a person drew.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatasetKind {
    Flower,
    Circles,
    Moons,
    Blobs,
    Quantiles,
    Xor,
    Spiral,
    Rings,
    Football,
    Custom,
}

impl DatasetKind {
    pub const ALL: [DatasetKind; 10] = [
        Self::Flower,
        Self::Circles,
        Self::Moons,
        Self::Blobs,
        Self::Quantiles,
        Self::Xor,
        Self::Spiral,
        Self::Rings,
        Self::Football,
        Self::Custom,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Flower => "flower",
            Self::Circles => "circles",
            Self::Moons => "moons",
            Self::Blobs => "blobs",
            Self::Quantiles => "quantiles",
            Self::Xor => "xor",
            Self::Spiral => "spiral",
            Self::Rings => "rings",
            Self::Football => "football",
            Self::Custom => "custom",
        }
    }

    /// Whether the points are drawn from a seed, a count and a noise scale
    /// (not the football's fixed points, nor a person's own).
    pub fn is_generated(self) -> bool {
        !matches!(self, Self::Football | Self::Custom)
    }

    /// The dataset's own noise scale: the course notebook's where it has one
    /// (flower 0.2, circles 0.3, moons 0.2, blobs' spread 1, quantiles'
    /// covariance 0.5, rings 0.05 as the Initialization notebook's).
    pub fn default_noise(self) -> f64 {
        match self {
            Self::Flower | Self::Moons | Self::Xor | Self::Spiral => 0.2,
            Self::Circles => 0.3,
            Self::Rings => 0.05,
            Self::Blobs => 1.0,
            Self::Quantiles => 0.5,
            Self::Football | Self::Custom => 0.0,
        }
    }

    /// The points of this dataset; `Custom` has none until a person adds
    /// them, `Football` is always its 211 training points.
    pub fn generate(self, seed: u32, points: usize, noise: f64) -> Dataset {
        let generate = match self {
            Self::Flower => generators::flower,
            Self::Circles => generators::circles,
            Self::Moons => generators::moons,
            Self::Blobs => generators::blobs,
            Self::Quantiles => generators::quantiles,
            Self::Xor => generators::xor,
            Self::Spiral => generators::spiral,
            Self::Rings => generators::rings,
            Self::Football => return Dataset::from_points(&football::train()),
            Self::Custom => return Dataset::from_points(&[]),
        };
        Dataset::from_points(&generate(seed, points, noise))
    }

    /// #15: [`Self::generate`] a part at a time: the flower (the caps'
    /// dataset) [`GENERATION_PART_DRAWS`] normal draws a part, the others at
    /// once. The same points.
    pub fn generation(self, seed: u32, points: usize, noise: f64) -> Generation {
        Generation(match self {
            Self::Flower => Drawing::Flower(Box::new(generators::FlowerDraw::new(seed, points, noise))),
            _ => Drawing::Drawn(self.generate(seed, points, noise)),
        })
    }
}

/// Normal draws in a part of [`DatasetKind::generation`] (about 1 ms of a
/// page's task; 10,000 points are 20,000).
pub const GENERATION_PART_DRAWS: usize = 2500;

/// A dataset being generated ([`DatasetKind::generation`]).
pub struct Generation(Drawing);

enum Drawing {
    /// Boxed: the generator's state (Mersenne Twister's 2.5 KB) moves with it.
    Flower(Box<generators::FlowerDraw>),
    Drawn(Dataset),
}

impl Generation {
    /// The next part; whether the points are all drawn.
    pub fn advance(&mut self) -> bool {
        match &mut self.0 {
            Drawing::Flower(flower) => flower.draw(GENERATION_PART_DRAWS),
            Drawing::Drawn(_) => true,
        }
    }

    /// The points (what parts are left are drawn first).
    pub fn finish(self) -> Dataset {
        match self.0 {
            Drawing::Flower(flower) => Dataset::from_points(&flower.finish()),
            Drawing::Drawn(data) => data,
        }
    }
}

/// The training and test points the settings describe: the football's
/// fixed 211 and 200; with `test-points` > 0, `points` drawn with
/// `dataset-seed` and a separate test set of `test-points` from the same
/// generator with `dataset-seed + 1` (as the Initialization notebook draws
/// its test set; 2³² − 1 wraps to 0), `test-fraction` then unused; else the
/// points split as `test-fraction` says.
pub fn train_and_test(settings: &Settings) -> (Dataset, Dataset) {
    let kind = settings.dataset;
    if kind == DatasetKind::Football {
        return (
            Dataset::from_points(&football::train()),
            Dataset::from_points(&football::test()),
        );
    }
    let (seed, noise) = (settings.dataset_seed, settings.noise());
    let data = kind.generate(seed, settings.points, noise);
    if settings.has_own_test_set() {
        return (data, kind.generate(seed.wrapping_add(1), settings.test_points, noise));
    }
    data.split(settings.test_fraction, seed)
}

/// Points as columns of `x` (2×m) with labels `y` (0.0 or 1.0).
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub x: Array2<f64>,
    pub y: Vec<f64>,
}

impl Dataset {
    /// The points `[x1, x2, label]` as columns, in their order.
    pub fn from_points(points: &[Point]) -> Self {
        let m = points.len();
        let mut x = Array2::zeros((2, m));
        for (k, p) in points.iter().enumerate() {
            x[(0, k)] = p[0];
            x[(1, k)] = p[1];
        }
        Self {
            x,
            y: points.iter().map(|p| p[2]).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.y.len()
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// These points, then `other`'s.
    pub fn joined(&self, other: &Dataset) -> Dataset {
        let points: Vec<Point> = (0..self.len())
            .map(|k| self.point(k))
            .chain((0..other.len()).map(|k| other.point(k)))
            .collect();
        Dataset::from_points(&points)
    }

    /// Point k as (x1, x2, label).
    pub fn point(&self, k: usize) -> Point {
        [self.x[(0, k)], self.x[(1, k)], self.y[k]]
    }

    /// Holds out `round(fraction·m)` points chosen by a shuffle seeded with
    /// `seed`; returns (train, test). A fraction of 0 draws nothing and keeps
    /// the order, so the course's data stays the course's.
    pub fn split(&self, fraction: f64, seed: u32) -> (Dataset, Dataset) {
        let m = self.len();
        let held_out = held_out(fraction, m);
        if held_out == 0 {
            return (self.clone(), Dataset::from_points(&[]));
        }
        let mut order: Vec<usize> = (0..m).collect();
        let mut rng = NumpyRng::new(seed);
        for i in (1..m).rev() {
            order.swap(i, rng.below(i + 1));
        }
        // Both sets keep the points' order.
        let mut held = alloc::vec![false; m];
        for &k in &order[..held_out] {
            held[k] = true;
        }
        let pick = |test: bool| {
            let points: Vec<Point> = (0..m).filter(|&k| held[k] == test).map(|k| self.point(k)).collect();
            Dataset::from_points(&points)
        };
        (pick(false), pick(true))
    }
}

/// How many of `m` points a split with `fraction` holds out: `round(fraction·m)`,
/// leaving at least one to train on.
pub fn held_out(fraction: f64, m: usize) -> usize {
    (libm::round(fraction * m as f64) as usize).min(m.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks printed in REFERENCE.md for `load_planar_dataset()`.
    #[test]
    fn flower_matches_the_course() {
        let data = DatasetKind::Flower.generate(1, 400, 0.2);
        assert_eq!(data.point(0)[..2], [1.204442292254319, 3.5761141481288448]);
        assert_eq!(data.point(399)[..2], [0.7307808250007513, 3.0683292081876545]);
        assert_eq!(data.y.iter().filter(|&&y| y == 1.0).count(), 200);
    }

    #[test]
    fn every_generator_gives_the_asked_count_both_labels_and_is_seeded() {
        for kind in DatasetKind::ALL.into_iter().filter(|k| k.is_generated()) {
            for points in [2, 7, 400] {
                let data = kind.generate(5, points, kind.default_noise());
                assert_eq!(data.len(), points, "{kind:?}");
                let ones = data.y.iter().filter(|&&y| y == 1.0).count();
                let zeros = data.y.iter().filter(|&&y| y == 0.0).count();
                assert_eq!(ones + zeros, points, "{kind:?}: labels are 0 or 1");
                if points >= 7 {
                    assert!(ones > 0 && zeros > 0, "{kind:?}: both classes");
                }
                assert!(data.x.iter().all(|v| v.is_finite()));
                assert_eq!(data, kind.generate(5, points, kind.default_noise()), "{kind:?}");
                if points == 400 {
                    assert_ne!(
                        data,
                        kind.generate(6, points, kind.default_noise()),
                        "{kind:?}: the seed matters"
                    );
                    // Balanced classes, as scikit-learn's generators make them.
                    assert!((150..=250).contains(&ones), "{kind:?}: {ones} of class 1");
                }
            }
        }
        assert!(DatasetKind::Custom.generate(1, 400, 0.0).is_empty());
    }

    #[test]
    fn split_holds_out_the_fraction_and_keeps_every_point() {
        let data = DatasetKind::Flower.generate(1, 400, 0.2);
        let (train, test) = data.split(0.25, 1);
        assert_eq!((train.len(), test.len()), (300, 100));
        // Every point in exactly one set, each set in the data's order.
        let (mut a, mut b) = (0, 0);
        for k in 0..data.len() {
            if a < train.len() && train.point(a) == data.point(k) {
                a += 1;
            } else {
                assert_eq!(test.point(b), data.point(k), "point {k}");
                b += 1;
            }
        }
        assert_eq!((a, b), (300, 100));
        let (same, none) = data.split(0.0, 1);
        assert_eq!((same, none.len()), (data, 0));
    }
}
