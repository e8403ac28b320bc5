//! numpy's legacy random numbers (`np.random.seed`, `random_sample`, `randn`),
//! bit for bit, so seed 1 gives the course's flower and seed 3 its weights.

use rand_mt::Mt;

/// MT19937 with numpy's single-integer seeding, its 53-bit doubles and its
/// cached polar-method normal deviates.
#[derive(Clone)]
pub struct NumpyRng {
    mt: Mt,
    /// The second value of the last polar pair, as numpy's `has_gauss` keeps it.
    cached_gauss: Option<f64>,
}

impl NumpyRng {
    /// `np.random.seed(seed)`: `init_genrand(seed)`, with an empty gauss cache.
    pub fn new(seed: u32) -> Self {
        Self {
            mt: Mt::new(seed),
            cached_gauss: None,
        }
    }

    /// `np.random.random_sample()`: a double in [0, 1) from two 32-bit draws.
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.mt.next_u32() >> 5) as f64;
        let b = (self.mt.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `np.random.randn()`: the polar method, returning `f·x2` and keeping
    /// `f·x1` for the next call.
    pub fn randn(&mut self) -> f64 {
        if let Some(g) = self.cached_gauss.take() {
            return g;
        }
        loop {
            let x1 = 2.0 * self.next_f64() - 1.0;
            let x2 = 2.0 * self.next_f64() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                let f = libm::sqrt(-2.0 * crate::precise_ln::ln(r2) / r2);
                self.cached_gauss = Some(f * x1);
                return f * x2;
            }
        }
    }

    /// `np.random.randn(n)` written into `out`, in order.
    pub fn fill_randn(&mut self, out: &mut [f64]) {
        for v in out {
            *v = self.randn();
        }
    }

    /// `random_interval(max)` of numpy's legacy generator: a uniform integer
    /// in `0..=max`, drawn as 32-bit integers masked to the smallest
    /// all-ones mask covering `max` and rejected while above it (64-bit
    /// draws past `u32::MAX`, as numpy).
    pub fn interval(&mut self, max: u64) -> u64 {
        if max == 0 {
            return 0;
        }
        let mask = u64::MAX >> max.leading_zeros();
        loop {
            let value = if max <= u32::MAX as u64 {
                self.mt.next_u32() as u64 & mask
            } else {
                let high = self.mt.next_u32() as u64;
                ((high << 32) | self.mt.next_u32() as u64) & mask
            };
            if value <= max {
                return value;
            }
        }
    }

    /// `RandomState.shuffle(x)` for a 1-D array: Fisher–Yates from the end,
    /// swapping x[i] with x[interval(i)] for i = n−1 … 1.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.interval(i as u64) as usize;
            items.swap(i, j);
        }
    }

    /// `np.random.permutation(n)` written into `out` (n = its length):
    /// 0 … n−1, shuffled.
    pub fn permutation(&mut self, out: &mut [usize]) {
        for (k, v) in out.iter_mut().enumerate() {
            *v = k;
        }
        self.shuffle(out);
    }

    /// A uniform integer in `0..n` (n > 0), for shuffles. Not numpy's
    /// `randint` algorithm; only used where the course has no counterpart.
    pub fn below(&mut self, n: usize) -> usize {
        let v = (self.next_f64() * n as f64) as usize;
        v.min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checks printed in REFERENCE.md (numpy's `np.random.seed(1)`).
    #[test]
    fn seed_one_matches_numpy() {
        let mut rng = NumpyRng::new(1);
        assert_eq!(rng.next_f64(), 0.417022004702574);
        let mut rng = NumpyRng::new(1);
        assert_eq!(rng.randn(), 1.6243453636632417);
        assert_eq!(rng.randn(), -0.6117564136500754);
        assert_eq!(rng.randn(), -0.5281717522634557);
    }

    /// numpy: `np.random.seed(1); np.random.permutation(10)`.
    #[test]
    fn permutation_matches_numpy() {
        let mut out = [0; 10];
        NumpyRng::new(1).permutation(&mut out);
        assert_eq!(out, [2, 9, 6, 4, 0, 3, 1, 7, 8, 5]);
    }

    #[test]
    fn reseeding_clears_the_cache() {
        let mut rng = NumpyRng::new(1);
        rng.randn();
        rng = NumpyRng::new(1);
        assert_eq!(rng.randn(), 1.6243453636632417);
    }
}

#[cfg(test)]
mod shuffle_tests {
    use super::*;

    /// numpy: `r = np.random.RandomState(3); a = np.arange(10); r.shuffle(a)`
    /// gives [5 4 1 2 9 6 7 0 3 8], and the next `r.randn()` is
    /// -0.46004212066268363 (the shuffle leaves the gauss cache alone).
    #[test]
    fn shuffle_matches_numpy() {
        let mut rng = NumpyRng::new(3);
        let mut a: [usize; 10] = core::array::from_fn(|i| i);
        rng.shuffle(&mut a);
        assert_eq!(a, [5, 4, 1, 2, 9, 6, 7, 0, 3, 8]);
        assert_eq!(rng.randn(), -0.46004212066268363);
    }
}
