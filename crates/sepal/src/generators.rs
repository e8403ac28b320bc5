//! The dataset generators, all from numpy's seeded generator: the course's
//! flower exactly, scikit-learn's `make_moons` and `make_circles` exactly
//! (moons, circles and rings: the second part's notebooks' data), the
//! notebook's other extra datasets (scikit-learn's blobs and gaussian
//! quantiles) plus XOR and two spirals by the same recipes, drawn from our
//! generator.
//!
//! Each returns plain points `[x1, x2, label]` in drawing order; only
//! `DatasetKind::generate` (in `dataset`) calls them and stores the result
//! as a `Dataset`, so this module knows nothing of how data is kept.

use alloc::vec::Vec;
use core::f64::consts::PI;

use crate::precise_trig;
use crate::rng::NumpyRng;

/// The course's `load_planar_dataset`: a flower with petals of alternating
/// class. Class 0 takes the first ⌊m/2⌋ points, class 1 the rest; for each
/// class the t-noises are drawn, then the r-noises.
pub fn flower(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    FlowerDraw::new(seed, points, noise).finish()
}

/// #15: [`flower`] a number of draws at a time, for a page that spreads a
/// large dataset over tasks: the same draws in the same order.
pub struct FlowerDraw {
    rng: NumpyRng,
    noise: f64,
    points: usize,
    out: Points,
    /// The class being drawn (2: done), its t values, and where it is.
    class: usize,
    t: Vec<f64>,
    stage: FlowerStage,
}

/// Where a class of the flower has got to.
#[derive(Clone, Copy)]
enum FlowerStage {
    /// Its t values not laid out yet.
    Start,
    /// Its t-noises drawn up to this point.
    TNoise(usize),
    /// Its points (with their r-noises) made up to this one.
    Points(usize),
}

impl FlowerDraw {
    pub fn new(seed: u32, points: usize, noise: f64) -> Self {
        Self {
            rng: NumpyRng::new(seed),
            noise,
            points,
            out: Points::with_capacity(points),
            class: 0,
            t: Vec::new(),
            stage: FlowerStage::Start,
        }
    }

    /// Up to `draws` more normal draws (each point takes two); whether the
    /// flower is complete.
    pub fn draw(&mut self, mut draws: usize) -> bool {
        const PETAL_RADIUS: f64 = 4.0;
        const SPAN: f64 = 3.12;
        while self.class < 2 {
            let n = halves(self.points)[self.class];
            self.stage = match self.stage {
                FlowerStage::Start => {
                    let start = self.class as f64 * SPAN;
                    let stop = (self.class + 1) as f64 * SPAN;
                    self.t.clear();
                    self.t.extend(linspace(start, stop, n, true));
                    FlowerStage::TNoise(0)
                }
                FlowerStage::TNoise(i) if i < n && draws > 0 => {
                    self.t[i] += self.rng.randn() * self.noise;
                    draws -= 1;
                    FlowerStage::TNoise(i + 1)
                }
                FlowerStage::TNoise(i) if i == n => FlowerStage::Points(0),
                FlowerStage::Points(i) if i < n && draws > 0 => {
                    let t = self.t[i];
                    let r = PETAL_RADIUS * libm::sin(4.0 * t) + self.rng.randn() * self.noise;
                    self.out.push(r * libm::sin(t), r * libm::cos(t), self.class);
                    draws -= 1;
                    FlowerStage::Points(i + 1)
                }
                FlowerStage::Points(i) if i == n => {
                    self.class += 1;
                    FlowerStage::Start
                }
                _ => return false,
            };
        }
        true
    }

    /// The points (what draws are left are made first).
    pub fn finish(mut self) -> Vec<Point> {
        while !self.draw(usize::MAX) {}
        self.out.0
    }
}

/// scikit-learn's `make_circles(factor=0.5)`: an outer circle of class 0
/// and an inner one of class 1 at half its radius (wider apart than
/// scikit-learn's default 0.8, which is `rings`).
pub fn circles(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    make_circles(seed, points, noise, 0.5)
}

/// scikit-learn's `make_circles()` with its default factor 0.8: the
/// Initialization notebook's two close circles.
pub fn rings(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    make_circles(seed, points, noise, 0.8)
}

/// scikit-learn's `make_circles(n, noise=noise, factor=factor)` after
/// `np.random.seed(seed)`, bit for bit: ⌊n/2⌋ points on the unit circle,
/// the rest on the circle of radius `factor`, each at angles
/// `linspace(0, 2π, count, endpoint=False)`; then shuffled, then noise.
/// Correctly rounded cos and sin, as numpy's (the C library's) are.
fn make_circles(seed: u32, points: usize, noise: f64, factor: f64) -> Vec<Point> {
    let mut out = Points::with_capacity(points);
    let [outer, inner] = halves(points);
    for angle in linspace(0.0, 2.0 * PI, outer, false) {
        out.push(precise_trig::cos(angle), precise_trig::sin(angle), 0);
    }
    for angle in linspace(0.0, 2.0 * PI, inner, false) {
        out.push(precise_trig::cos(angle) * factor, precise_trig::sin(angle) * factor, 1);
    }
    out.shuffle_and_add_noise(seed, noise)
}

/// scikit-learn's `make_moons(n, noise=noise)` after `np.random.seed(seed)`,
/// bit for bit: two interleaving half circles, ⌊n/2⌋ points on the outer
/// one (cos t, sin t) and the rest on the inner one (1 − cos t,
/// 1 − sin t − 0.5), t = `linspace(0, π, count)`; then shuffled, then noise.
/// Correctly rounded cos and sin, as numpy's (the C library's) are.
pub fn moons(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    let mut out = Points::with_capacity(points);
    let [outer, inner] = halves(points);
    for angle in linspace(0.0, PI, outer, true) {
        out.push(precise_trig::cos(angle), precise_trig::sin(angle), 0);
    }
    for angle in linspace(0.0, PI, inner, true) {
        out.push(1.0 - precise_trig::cos(angle), 1.0 - precise_trig::sin(angle) - 0.5, 1);
    }
    out.shuffle_and_add_noise(seed, noise)
}

/// scikit-learn's `make_blobs(centers=6)` with the course's labels
/// (centre mod 2): centres uniform in [−10, 10]², `noise` the spread.
pub fn blobs(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    const CENTRES: usize = 6;
    let mut rng = NumpyRng::new(seed);
    let centres: Vec<[f64; 2]> = (0..CENTRES)
        .map(|_| [rng.next_f64() * 20.0 - 10.0, rng.next_f64() * 20.0 - 10.0])
        .collect();
    let mut out = Points::with_capacity(points);
    for k in 0..points {
        let c = k % CENTRES;
        let [cx, cy] = centres[c];
        out.push(cx + rng.randn() * noise, cy + rng.randn() * noise, c % 2);
    }
    out.0
}

/// scikit-learn's `make_gaussian_quantiles(cov=noise, n_classes=2)`: a
/// gaussian cloud whose inner half (by distance from the centre) is class 0.
pub fn quantiles(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    let mut rng = NumpyRng::new(seed);
    let spread = libm::sqrt(noise);
    let mut cloud: Vec<[f64; 2]> = (0..points)
        .map(|_| [rng.randn() * spread, rng.randn() * spread])
        .collect();
    let distance = |p: &[f64; 2]| p[0] * p[0] + p[1] * p[1];
    merge_sort(&mut cloud, &mut Vec::new(), &|a, b| {
        distance(a).total_cmp(&distance(b)).is_lt()
    });
    let inner = points / 2;
    let mut out = Points::with_capacity(points);
    for (k, p) in cloud.iter().enumerate() {
        out.push(p[0], p[1], (k >= inner) as usize);
    }
    out.0
}

/// Sorts `items` stably (the one order a stable sort can give): a merge
/// sort of a few hundred bytes of wasm, where the standard library's sort
/// is ~6 KB, for at most 10,000 points.
fn merge_sort<T: Copy>(items: &mut [T], buffer: &mut Vec<T>, less: &impl Fn(&T, &T) -> bool) {
    if items.len() < 2 {
        return;
    }
    let middle = items.len() / 2;
    merge_sort(&mut items[..middle], buffer, less);
    merge_sort(&mut items[middle..], buffer, less);
    buffer.clear();
    buffer.extend_from_slice(&items[..middle]);
    let (mut left, mut right) = (0, middle);
    for k in 0..items.len() {
        if left == buffer.len() {
            break; // the rest of the right half is already in place
        }
        // From the left half unless the right's is strictly less: stable.
        if right < items.len() && less(&items[right], &buffer[left]) {
            items[k] = items[right];
            right += 1;
        } else {
            items[k] = buffer[left];
            left += 1;
        }
    }
}

/// XOR: uniform points in [−5, 5]² labelled by the sign of x1·x2 (class 1
/// where they agree), then moved by gaussian noise, labels kept.
pub fn xor(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    const GAP: f64 = 0.3;
    let mut rng = NumpyRng::new(seed);
    let mut out = Points::with_capacity(points);
    for _ in 0..points {
        let mut coordinate = || {
            let v = rng.next_f64() * 10.0 - 5.0;
            // Keep points off the axes so the four squares stay apart.
            if v >= 0.0 {
                v + GAP
            } else {
                v - GAP
            }
        };
        let (x1, x2) = (coordinate(), coordinate());
        out.push(x1, x2, (x1 * x2 > 0.0) as usize);
    }
    out.add_noise(&mut rng, noise);
    out.0
}

/// Two interleaved spirals, one per class (the classic hard case).
pub fn spiral(seed: u32, points: usize, noise: f64) -> Vec<Point> {
    const TURNS: f64 = 1.75;
    const RADIUS: f64 = 5.0;
    let mut rng = NumpyRng::new(seed);
    let mut out = Points::with_capacity(points);
    for (class, n) in halves(points).into_iter().enumerate() {
        for i in 0..n {
            let fraction = i as f64 / n.max(1) as f64;
            let r = RADIUS * fraction;
            let angle = 2.0 * PI * TURNS * fraction + class as f64 * PI;
            out.push(r * libm::sin(angle), r * libm::cos(angle), class);
        }
    }
    out.add_noise(&mut rng, noise);
    out.0
}

/// ⌊m/2⌋ points of class 0, the rest class 1.
fn halves(points: usize) -> [usize; 2] {
    [points / 2, points - points / 2]
}

/// numpy's `linspace`: start + i·step; with `endpoint` the last is exactly
/// `stop` and step = (stop − start)/(n − 1), else step = (stop − start)/n.
fn linspace(start: f64, stop: f64, n: usize, endpoint: bool) -> impl Iterator<Item = f64> {
    let divisions = if endpoint { n.saturating_sub(1) } else { n };
    let step = if divisions > 0 {
        (stop - start) / divisions as f64
    } else {
        0.0
    };
    (0..n).map(move |i| {
        if endpoint && n > 1 && i + 1 == n {
            stop
        } else {
            i as f64 * step + start
        }
    })
}

/// A point and its label: `[x1, x2, label]`, the label 0.0 or 1.0.
pub type Point = [f64; 3];

/// Points collected in drawing order.
struct Points(Vec<Point>);

impl Points {
    fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    fn push(&mut self, x1: f64, x2: f64, class: usize) {
        self.0.push([x1, x2, class as f64]);
    }

    /// The random half of scikit-learn's `make_moons` and `make_circles`
    /// on numpy's global generator seeded with `seed`: `shuffle(X, y)` (a
    /// `RandomState.shuffle` of `arange(n)`, the rows taken in that order),
    /// then the noise from the same generator.
    fn shuffle_and_add_noise(self, seed: u32, noise: f64) -> Vec<Point> {
        let mut rng = NumpyRng::new(seed);
        let mut order: Vec<usize> = (0..self.0.len()).collect();
        rng.shuffle(&mut order);
        let mut out = Points(order.iter().map(|&k| self.0[k]).collect());
        out.add_noise(&mut rng, noise);
        out.0
    }

    /// scikit-learn's `X += normal(scale=noise, size=X.shape)`, row by row.
    fn add_noise(&mut self, rng: &mut NumpyRng, noise: f64) {
        for p in &mut self.0 {
            p[0] += rng.randn() * noise;
            p[1] += rng.randn() * noise;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// #15: the flower drawn a few draws at a time is the flower drawn at once.
    #[test]
    fn the_flower_in_parts_is_the_flower() {
        for (points, part) in [(400, 7), (1001, 1), (10_000, 2500), (3, 1)] {
            let mut parts = FlowerDraw::new(1, points, 0.2);
            let mut calls = 1;
            while !parts.draw(part) {
                calls += 1;
            }
            assert_eq!(calls, (2 * points).div_ceil(part), "{points} in parts of {part}");
            assert_eq!(parts.finish(), flower(1, points, 0.2), "{points} in parts of {part}");
        }
    }

    #[test]
    fn merge_sort_is_the_standard_stable_sort() {
        let mut rng = NumpyRng::new(7);
        for n in [0, 1, 2, 3, 10, 101, 1000] {
            // Few distinct keys, so that stability shows.
            let items: Vec<(u32, usize)> = (0..n).map(|i| ((rng.next_f64() * 8.0) as u32, i)).collect();
            let mut ours = items.clone();
            merge_sort(&mut ours, &mut Vec::new(), &|a, b| a.0 < b.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|item| item.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }
}
