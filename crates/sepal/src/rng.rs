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

    #[test]
    fn reseeding_clears_the_cache() {
        let mut rng = NumpyRng::new(1);
        rng.randn();
        rng = NumpyRng::new(1);
        assert_eq!(rng.randn(), 1.6243453636632417);
    }
}
