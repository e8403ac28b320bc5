//! Inverted dropout's quotients, x·d/keep_prob over a run of cells, each
//! the correctly rounded quotient the course's division gives — the same
//! bits — but without a division where the CPU has a fused multiply-add.
//!
//! A division is the slowest f64 operation (an AVX2 division of four
//! numbers takes several cycles; the Regularization notebook's network
//! divides 2 × 9,200 a step). With FMA, for t = x·d, a divisor b and y = RN(1/b), computed once:
//!
//! ```text
//! q₀ = RN(t·y)                          within ~2 ulp of t/b
//! r₀ = RN(t − b·q₀),  q₁ = RN(q₀ + r₀·y)  within 1 ulp (faithful)
//! r₁ = t − b·q₁ (exact),  q₂ = RN(q₁ + r₁·y) = RN(t/b)
//! ```
//!
//! The last line is Markstein's theorem (P. Markstein, "Computation of
//! elementary functions on the IBM RISC System/6000 processor", IBM J. Res.
//! Dev. 34(1), 1990; Muller et al., Handbook of Floating-Point Arithmetic,
//! its section on Newton–Raphson division with an FMA): in radix 2 with
//! round-to-nearest, if y approximates 1/b with a relative error below
//! 2^−p (RN(1/b) does: at most 2^−53/(1 + 2^−53)) and q₁ approximates t/b
//! within one ulp, then t − b·q₁
//! is a floating-point number (so the FMA computes it exactly) and
//! RN(q₁ + r₁·y) = RN(t/b) — provided nothing overflows or underflows on
//! the way. q₀ alone has a relative error up to ~2^−52 and need not be
//! within one ulp; the first correction leaves an error of ~4·2^−106 before
//! its rounding, so q₁ is. The conditions are met where 2^−200 ≤ |b| ≤
//! 2^200 and 2^−200 ≤ |t| ≤ 2^200: quotients within 2^±400, remainders
//! multiples of ulp(q)·ulp(b) ≥ 2^−704, all normal. Everything else —
//! other divisors (negative ones too), t tiny, huge, infinite or NaN —
//! takes the division itself; for t = ±0 (and b > 0), t is the quotient.
//!
//! wasm's SIMD128 has no fused multiply-add: there, and on CPUs without
//! one, the division. Both are correctly rounded, so the bits are the same
//! everywhere (`tests` checks it against the division).
//!
//! For a ReLU layer (#17) the same loop also does the elementwise step
//! beside the drop — A = ReLU(Z) before it in the forward pass, ⊙ g′(Z)
//! after it in the backward pass — one pass over the cells instead of two,
//! with the two loops' operations in their order, so their bits.
//!
//! One file though over 500 lines: the three loops share one FMA sequence
//! and its range check, and more than half is the tests against the
//! division and the separate loops.

use crate::fastmath;

/// out[k] = a[k]·d[k]/divisor for every k (`a`, `d` and `out` of one length).
pub(crate) fn mask_and_divide(out: &mut [f64], a: &[f64], d: &[f64], divisor: f64) {
    assert!(a.len() == out.len() && d.len() == out.len(), "one length");
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if fma::applies(divisor) {
        // SAFETY: the CPU has AVX2 and FMA; three slices of one length.
        unsafe { fma::mask_and_divide(out.as_mut_ptr(), a.as_ptr(), d.as_ptr(), out.len(), divisor) };
        return;
    }
    fastmath::wide(
        #[inline(always)]
        || {
            for ((out, &a), &d) in out.iter_mut().zip(a).zip(d) {
                *out = a * d / divisor;
            }
        },
    );
}

/// x[k] = x[k]·d[k]/divisor for every k.
pub(crate) fn mask_and_divide_in_place(x: &mut [f64], d: &[f64], divisor: f64) {
    assert_eq!(x.len(), d.len(), "one length");
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if fma::applies(divisor) {
        let x = x.as_mut_ptr();
        // SAFETY: as above; each element is read before it is written.
        unsafe { fma::mask_and_divide(x, x, d.as_ptr(), d.len(), divisor) };
        return;
    }
    fastmath::wide(
        #[inline(always)]
        || {
            for (x, &d) in x.iter_mut().zip(d) {
                *x = *x * d / divisor;
            }
        },
    );
}

/// #17: x[k] = (x[k]·d[k]/divisor)·s(z[k]), s(z) = 1 for z > 0, else
/// `below`: the backward pass's dA·D/keep_prob and then ⊙ g′(Z) for a
/// ReLU (below 0) or leaky ReLU (its slope) — the two loops' operations,
/// in the same order, so their bits, in one loop (one pass less over dA).
pub(crate) fn mask_divide_and_step(x: &mut [f64], d: &[f64], divisor: f64, z: &[f64], below: f64) {
    assert!(d.len() == x.len() && z.len() == x.len(), "one length");
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if fma::applies(divisor) {
        let x = x.as_mut_ptr();
        // SAFETY: as above; each element is read before it is written.
        unsafe { fma::mask_divide_and_step(x, x, d.as_ptr(), d.len(), divisor, z.as_ptr(), below) };
        return;
    }
    fastmath::wide(
        #[inline(always)]
        || {
            for ((x, &d), &z) in x.iter_mut().zip(d).zip(z) {
                *x = *x * d / divisor * if z > 0.0 { 1.0 } else { below };
            }
        },
    );
}

/// #17: a[k] = ReLU(z[k]) (z[k] where z[k] > 0, else 0), then out[k] =
/// a[k]·d[k]/divisor: the forward pass's A = g(Z) and the drop of a ReLU
/// layer — the two loops' operations, so their bits, in one loop.
pub(crate) fn relu_mask_and_divide(out: &mut [f64], a: &mut [f64], z: &[f64], d: &[f64], divisor: f64) {
    let n = out.len();
    assert!(a.len() == n && z.len() == n && d.len() == n, "one length");
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if fma::applies(divisor) {
        // SAFETY: as above; `a` is written, each element before it is read.
        unsafe { fma::relu_mask_and_divide(out.as_mut_ptr(), a.as_mut_ptr(), d.as_ptr(), n, divisor, z.as_ptr()) };
        return;
    }
    fastmath::wide(
        #[inline(always)]
        || {
            for (((out, a), &z), &d) in out.iter_mut().zip(a.iter_mut()).zip(z).zip(d) {
                *a = if z > 0.0 { z } else { 0.0 };
                *out = *a * d / divisor;
            }
        },
    );
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod fma {
    extern crate std;

    use core::arch::x86_64::*;

    /// 2^−200 and 2^200: the magnitudes of divisor and dividend within which
    /// the sequence is exact (see the module's comment).
    const SMALLEST: f64 = f64::from_bits((1023 - 200) << 52);
    const LARGEST: f64 = f64::from_bits((1023 + 200) << 52);

    /// Whether the FMA sequence serves this divisor on this CPU (a positive
    /// one: ±0/b is then ±0, t itself).
    pub(super) fn applies(divisor: f64) -> bool {
        (SMALLEST..=LARGEST).contains(&divisor)
            && std::is_x86_feature_detected!("avx2")
            && std::is_x86_feature_detected!("fma")
    }

    /// out[k] = a[k]·d[k]/b for k < n: eight at a time with AVX-512 where
    /// the CPU has it (half the instructions per quotient; a few per cent
    /// faster, measured), else four with AVX2.
    ///
    /// # Safety
    /// [`applies`]`(b)`; `out`, `a` and `d` hold n elements.
    pub(super) unsafe fn mask_and_divide(out: *mut f64, a: *const f64, d: *const f64, n: usize, b: f64) {
        // SAFETY: the caller's.
        unsafe { quotients::<PLAIN>(out, a, d, n, b, core::ptr::null(), 0.0) }
    }

    /// [`mask_and_divide`], each quotient then times 1 where z[k] > 0,
    /// else `below` (see [`super::mask_divide_and_step`]).
    ///
    /// # Safety
    /// As [`mask_and_divide`]'s; `z` holds n elements too.
    #[allow(clippy::too_many_arguments)]
    pub(super) unsafe fn mask_divide_and_step(
        out: *mut f64,
        a: *const f64,
        d: *const f64,
        n: usize,
        b: f64,
        z: *const f64,
        below: f64,
    ) {
        // SAFETY: the caller's.
        unsafe { quotients::<STEP>(out, a, d, n, b, z, below) }
    }

    /// [`mask_and_divide`] of a[k] = ReLU(z[k]), written to `a` first
    /// (see [`super::relu_mask_and_divide`]).
    ///
    /// # Safety
    /// As [`mask_and_divide`]'s; `a` writable, `z` holds n elements too.
    pub(super) unsafe fn relu_mask_and_divide(
        out: *mut f64,
        a: *mut f64,
        d: *const f64,
        n: usize,
        b: f64,
        z: *const f64,
    ) {
        // SAFETY: the caller's.
        unsafe { quotients::<RELU>(out, a, d, n, b, z, 0.0) }
    }

    /// What a loop does besides out = a·d/b: nothing, then times the step
    /// factor of z ([`mask_divide_and_step`]), or first a = ReLU(z) into
    /// `a` ([`relu_mask_and_divide`]); `z` is read only by these.
    pub(super) const PLAIN: u8 = 0;
    pub(super) const STEP: u8 = 1;
    pub(super) const RELU: u8 = 2;

    /// All three: AVX-512 where the CPU has it, else AVX2 (see `MODE`).
    ///
    /// # Safety
    /// As [`mask_divide_and_step`]'s.
    unsafe fn quotients<const MODE: u8>(
        out: *mut f64,
        a: *const f64,
        d: *const f64,
        n: usize,
        b: f64,
        z: *const f64,
        below: f64,
    ) {
        // SAFETY: the caller's, and the CPU has AVX-512F where it is used.
        unsafe {
            if std::is_x86_feature_detected!("avx512f") {
                quotients_512::<MODE>(out, a, d, n, b, z, below)
            } else {
                quotients_256::<MODE>(out, a, d, n, b, z, below)
            }
        }
    }

    /// [`quotients`] eight at a time; the range check on the bits.
    #[target_feature(enable = "avx2,fma,avx512f")]
    pub(super) unsafe fn quotients_512<const MODE: u8>(
        out: *mut f64,
        a: *const f64,
        d: *const f64,
        n: usize,
        b: f64,
        z: *const f64,
        below: f64,
    ) {
        let y = 1.0 / b;
        let (vb, vy) = (_mm512_set1_pd(b), _mm512_set1_pd(y));
        let magnitude_bits = _mm512_set1_epi64(i64::MAX);
        // |t| ∈ [SMALLEST, LARGEST] ⇔ bits(|t|) − bits(SMALLEST) ≤ the span, unsigned.
        let smallest = _mm512_set1_epi64(SMALLEST.to_bits() as i64);
        let span = _mm512_set1_epi64((LARGEST.to_bits() - SMALLEST.to_bits()) as i64);
        let zero = _mm512_setzero_si512();
        let (ones, vbelow, zero_pd) = (_mm512_set1_pd(1.0), _mm512_set1_pd(below), _mm512_setzero_pd());
        let whole = n - n % 8;
        let mut k = 0;
        while k < whole {
            // SAFETY: k + 8 ≤ n (and `a` writable with RELU).
            let t = unsafe {
                let a = if MODE == RELU {
                    let z = _mm512_loadu_pd(z.add(k));
                    // z where z > 0, else +0.
                    let relu = _mm512_maskz_mov_pd(_mm512_cmp_pd_mask::<_CMP_GT_OQ>(z, zero_pd), z);
                    _mm512_storeu_pd(a.cast_mut().add(k), relu);
                    relu
                } else {
                    _mm512_loadu_pd(a.add(k))
                };
                _mm512_mul_pd(a, _mm512_loadu_pd(d.add(k)))
            };
            let magnitude = _mm512_and_si512(_mm512_castpd_si512(t), magnitude_bits);
            let in_range = _mm512_cmple_epu64_mask(_mm512_sub_epi64(magnitude, smallest), span);
            let is_zero = _mm512_cmpeq_epi64_mask(magnitude, zero);
            // SAFETY: k + 8 ≤ n.
            unsafe {
                if in_range | is_zero == 0xff {
                    let q0 = _mm512_mul_pd(t, vy);
                    let q1 = _mm512_fmadd_pd(_mm512_fnmadd_pd(vb, q0, t), vy, q0);
                    let q2 = _mm512_fmadd_pd(_mm512_fnmadd_pd(vb, q1, t), vy, q1);
                    // ±0/b is ±0: t itself.
                    let mut q = _mm512_mask_blend_pd(is_zero, q2, t);
                    if MODE == STEP {
                        let positive = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(_mm512_loadu_pd(z.add(k)), zero_pd);
                        q = _mm512_mul_pd(q, _mm512_mask_blend_pd(positive, vbelow, ones));
                    }
                    _mm512_storeu_pd(out.add(k), q);
                } else {
                    divide::<MODE>(out, a, d, k..k + 8, b, z, below);
                }
            }
            k += 8;
        }
        // SAFETY: whole ≤ n.
        unsafe { divide::<MODE>(out, a, d, whole..n, b, z, below) };
    }

    /// out[k] = a[k]·d[k]/b by the division (with `STEP`, times the step
    /// factor of z[k]), for k in `range`.
    ///
    /// # Safety
    /// `range` within the n elements `out`, `a`, `d` (and `z`) hold.
    #[inline(always)]
    unsafe fn divide<const MODE: u8>(
        out: *mut f64,
        a: *const f64,
        d: *const f64,
        range: core::ops::Range<usize>,
        b: f64,
        z: *const f64,
        below: f64,
    ) {
        for j in range {
            // SAFETY: j is within the caller's n.
            unsafe {
                let a = if MODE == RELU {
                    let z = *z.add(j);
                    let relu = if z > 0.0 { z } else { 0.0 };
                    *a.cast_mut().add(j) = relu;
                    relu
                } else {
                    *a.add(j)
                };
                let q = a * *d.add(j) / b;
                *out.add(j) = if MODE == STEP {
                    q * if *z.add(j) > 0.0 { 1.0 } else { below }
                } else {
                    q
                };
            }
        }
    }

    /// [`quotients`] four at a time.
    #[target_feature(enable = "avx2,fma")]
    pub(super) unsafe fn quotients_256<const MODE: u8>(
        out: *mut f64,
        a: *const f64,
        d: *const f64,
        n: usize,
        b: f64,
        z: *const f64,
        below: f64,
    ) {
        let y = 1.0 / b;
        let (vb, vy) = (_mm256_set1_pd(b), _mm256_set1_pd(y));
        let magnitude_bits = _mm256_castsi256_pd(_mm256_set1_epi64x(i64::MAX));
        let (smallest, largest) = (_mm256_set1_pd(SMALLEST), _mm256_set1_pd(LARGEST));
        let zero = _mm256_setzero_pd();
        let (ones, vbelow) = (_mm256_set1_pd(1.0), _mm256_set1_pd(below));
        let whole = n - n % 4;
        let mut k = 0;
        while k < whole {
            // SAFETY: k + 4 ≤ n (and `a` writable with RELU).
            let t = unsafe {
                let a = if MODE == RELU {
                    let z = _mm256_loadu_pd(z.add(k));
                    // z where z > 0, else +0.
                    let relu = _mm256_and_pd(z, _mm256_cmp_pd::<_CMP_GT_OQ>(z, zero));
                    _mm256_storeu_pd(a.cast_mut().add(k), relu);
                    relu
                } else {
                    _mm256_loadu_pd(a.add(k))
                };
                _mm256_mul_pd(a, _mm256_loadu_pd(d.add(k)))
            };
            let q0 = _mm256_mul_pd(t, vy);
            let q1 = _mm256_fmadd_pd(_mm256_fnmadd_pd(vb, q0, t), vy, q0);
            let q2 = _mm256_fmadd_pd(_mm256_fnmadd_pd(vb, q1, t), vy, q1);
            let magnitude = _mm256_and_pd(t, magnitude_bits);
            let in_range = _mm256_and_pd(
                _mm256_cmp_pd::<_CMP_GE_OQ>(magnitude, smallest),
                _mm256_cmp_pd::<_CMP_LE_OQ>(magnitude, largest),
            );
            let is_zero = _mm256_cmp_pd::<_CMP_EQ_OQ>(t, zero);
            // ±0/b is ±0: t itself.
            let mut quotient = _mm256_blendv_pd(q2, t, is_zero);
            let exact = _mm256_movemask_pd(_mm256_or_pd(in_range, is_zero));
            // SAFETY: k + 4 ≤ n.
            unsafe {
                if MODE == STEP {
                    let positive = _mm256_cmp_pd::<_CMP_GT_OQ>(_mm256_loadu_pd(z.add(k)), zero);
                    quotient = _mm256_mul_pd(quotient, _mm256_blendv_pd(vbelow, ones, positive));
                }
                if exact == 0b1111 {
                    _mm256_storeu_pd(out.add(k), quotient);
                } else {
                    divide::<MODE>(out, a, d, k..k + 4, b, z, below);
                }
            }
            k += 4;
        }
        // SAFETY: whole ≤ n.
        unsafe { divide::<MODE>(out, a, d, whole..n, b, z, below) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// An f64's sign bit and its 52 significand bits.
    const SIGN_AND_SIGNIFICAND: u64 = (1 << 63) | ((1 << 52) - 1);

    /// xorshift64*: many well-spread bit patterns, cheaply.
    struct Bits(u64);

    impl Bits {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        /// Every exponent (subnormals, ±0, ±∞ and NaNs included), both
        /// signs; most of them as activations and gradients are (within
        /// 2^±30), so that whole blocks of four take the FMA sequence.
        fn dividend(&mut self) -> f64 {
            let bits = self.next();
            match bits % 12 {
                0 => 0.0,
                1 => -0.0,
                2..=9 => {
                    let exponent = 1023 - 30 + (bits >> 4) % 61;
                    f64::from_bits((bits & SIGN_AND_SIGNIFICAND) | exponent << 52)
                }
                _ => f64::from_bits(self.next()),
            }
        }

        /// `n` pre-activations z: ±0 and NaN among dividends of every exponent.
        fn pre_activations(&mut self, n: usize) -> Vec<f64> {
            (0..n)
                .map(|_| match self.next() % 8 {
                    0 => 0.0,
                    1 => -0.0,
                    2 => f64::NAN,
                    _ => self.dividend(),
                })
                .collect()
        }

        /// `n` mask entries, one in about seven dropped (0) and the rest kept (1).
        fn mask(&mut self, n: usize) -> Vec<f64> {
            (0..n).map(|_| (!self.next().is_multiple_of(7)) as u8 as f64).collect()
        }
    }

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// out = a·d/divisor by every way this CPU has: the public function
    /// (out of place and in place), and each FMA loop it may choose.
    fn every_way(a: &[f64], d: &[f64], divisor: f64) -> Vec<(&'static str, Vec<f64>)> {
        let mut out = alloc::vec![0.0; a.len()];
        mask_and_divide(&mut out, a, d, divisor);
        let mut in_place = a.to_vec();
        mask_and_divide_in_place(&mut in_place, d, divisor);
        #[allow(unused_mut)]
        let mut ways = Vec::from([("mask_and_divide", out), ("in place", in_place)]);
        #[cfg(all(feature = "std", target_arch = "x86_64"))]
        if fma::applies(divisor) {
            extern crate std;
            let run = |f: unsafe fn(*mut f64, *const f64, *const f64, usize, f64)| {
                let mut out = alloc::vec![0.0; a.len()];
                // SAFETY: the CPU has what `f` needs (checked by the caller); one length.
                unsafe { f(out.as_mut_ptr(), a.as_ptr(), d.as_ptr(), a.len(), divisor) };
                out
            };
            // SAFETY (both): as `run`'s.
            ways.push((
                "AVX2",
                run(|o, a, d, n, b| unsafe {
                    fma::quotients_256::<{ fma::PLAIN }>(o, a, d, n, b, core::ptr::null(), 0.0)
                }),
            ));
            if std::is_x86_feature_detected!("avx512f") {
                ways.push((
                    "AVX-512",
                    run(|o, a, d, n, b| unsafe {
                        fma::quotients_512::<{ fma::PLAIN }>(o, a, d, n, b, core::ptr::null(), 0.0)
                    }),
                ));
            }
        }
        ways
    }

    fn assert_divisions(a: &[f64], d: &[f64], divisor: f64) {
        for (way, out) in every_way(a, d, divisor) {
            for k in 0..a.len() {
                let expected = a[k] * d[k] / divisor;
                assert!(
                    same(out[k], expected),
                    "{way}: {:e}·{}/{divisor:e} = {:e}",
                    a[k],
                    d[k],
                    out[k]
                );
            }
        }
    }

    /// Against the division, bit for bit, for the course's keep_prob and
    /// others: 0.5 and 1 (powers of two), 0.999999, 1e-3, and random ones in
    /// (0, 1]; masks of 1 and 0.
    #[test]
    fn every_quotient_is_the_divisions() {
        let mut bits = Bits(0x9e37_79b9_7f4a_7c15);
        let mut divisors = Vec::from([0.86, 0.5, 1.0, 0.999999, 1e-3, 0.1, 1.0 - f64::EPSILON / 2.0]);
        for _ in 0..25 {
            // Uniform in (0, 1], significands of every pattern.
            divisors.push(((bits.next() >> 11) + 1) as f64 / (1u64 << 53) as f64);
        }
        let n = 100_003;
        let (mut a, mut d) = (alloc::vec![0.0; n], alloc::vec![0.0; n]);
        for &divisor in &divisors {
            for round in 0..2 {
                for k in 0..n {
                    a[k] = bits.dividend();
                    d[k] = if round == 0 || !bits.next().is_multiple_of(7) {
                        1.0
                    } else {
                        0.0
                    };
                }
                assert_divisions(&a, &d, divisor);
            }
        }
    }

    /// Dividends next to the edges of the exact range, and divisors of every
    /// magnitude and both signs (outside the range, and negative, they take
    /// the division).
    #[test]
    fn edges_of_the_range_are_the_divisions() {
        let mut bits = Bits(12345);
        let edges = [-201i64, -200, -199, 199, 200, 201];
        let n = 4096;
        let (mut a, d) = (alloc::vec![0.0; n], alloc::vec![1.0; n]);
        for (divisor_exponent, sign) in [-1030i64, -300, -201, -200, -10, 0, 200, 201, 1000]
            .iter()
            .zip([1.0, -1.0].iter().cycle())
        {
            let divisor = sign * f64::from_bits(((1023 + divisor_exponent).max(0) as u64) << 52 | bits.next() >> 12);
            for v in a.iter_mut() {
                let exponent = (1023 + edges[(bits.next() % 6) as usize]) as u64;
                *v = match bits.next() % 9 {
                    0 => 0.0,
                    1 => -0.0,
                    _ => f64::from_bits((bits.next() & SIGN_AND_SIGNIFICAND) | exponent << 52),
                };
            }
            assert_divisions(&a, &d, divisor);
        }
    }

    /// #17: the quotient and the ReLUs' g′ in one loop give the two loops'
    /// bits, every way this CPU has: z of both signs, ±0 and NaN; masks of
    /// 1 and 0; the dividends of every exponent; divisors inside and
    /// outside the exact range.
    #[test]
    fn the_step_after_the_quotient_is_the_two_loops() {
        let mut bits = Bits(0xdead_beef);
        let n = 20_011;
        let a: Vec<f64> = (0..n).map(|_| bits.dividend()).collect();
        let d = bits.mask(n);
        let z = bits.pre_activations(n);
        for divisor in [0.86, 0.5, 1.0, 1e-3, 1e-300, -0.7] {
            for below in [0.0, crate::activation::LEAKY_SLOPE] {
                let expected: Vec<f64> = (0..n)
                    .map(|k| a[k] * d[k] / divisor * if z[k] > 0.0 { 1.0 } else { below })
                    .collect();
                let mut fused = a.clone();
                mask_divide_and_step(&mut fused, &d, divisor, &z, below);
                #[allow(unused_mut)]
                let mut ways = Vec::from([("mask_divide_and_step", fused)]);
                #[cfg(all(feature = "std", target_arch = "x86_64"))]
                if fma::applies(divisor) {
                    extern crate std;
                    let run = |f: unsafe fn(*mut f64, *const f64, *const f64, usize, f64, *const f64, f64)| {
                        let mut out = alloc::vec![0.0; n];
                        // SAFETY: the CPU has what `f` needs (checked above); one length.
                        unsafe { f(out.as_mut_ptr(), a.as_ptr(), d.as_ptr(), n, divisor, z.as_ptr(), below) };
                        out
                    };
                    ways.push(("AVX2", run(fma::quotients_256::<{ fma::STEP }>)));
                    if std::is_x86_feature_detected!("avx512f") {
                        ways.push(("AVX-512", run(fma::quotients_512::<{ fma::STEP }>)));
                    }
                }
                for (way, out) in ways {
                    for k in 0..n {
                        assert!(
                            same(out[k], expected[k]),
                            "{way}: {:e}·{}/{divisor:e}, z = {:e}, below {below}: {:e}, not {:e}",
                            a[k],
                            d[k],
                            z[k],
                            out[k],
                            expected[k]
                        );
                    }
                }
            }
        }
    }

    /// #17: A = ReLU(Z) and the drop in one loop give the two loops' bits
    /// (A and the dropped A), every way this CPU has, for z of every
    /// exponent and both signs, ±0 and NaN.
    #[test]
    fn the_relu_before_the_quotient_is_the_two_loops() {
        let mut bits = Bits(0xfeed_f00d);
        let n = 20_011;
        let z = bits.pre_activations(n);
        let d = bits.mask(n);
        for divisor in [0.86, 0.5, 1.0, 1e-3, 1e-300, -0.7] {
            let relu: Vec<f64> = z.iter().map(|&z| if z > 0.0 { z } else { 0.0 }).collect();
            let expected: Vec<f64> = (0..n).map(|k| relu[k] * d[k] / divisor).collect();
            let (mut a, mut out) = (alloc::vec![0.0; n], alloc::vec![0.0; n]);
            relu_mask_and_divide(&mut out, &mut a, &z, &d, divisor);
            #[allow(unused_mut)]
            let mut ways = Vec::from([("relu_mask_and_divide", a, out)]);
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            if fma::applies(divisor) {
                extern crate std;
                let run = |f: unsafe fn(*mut f64, *const f64, *const f64, usize, f64, *const f64, f64)| {
                    let (mut a, mut out) = (alloc::vec![0.0; n], alloc::vec![0.0; n]);
                    // SAFETY: the CPU has what `f` needs (checked above); one length; `a` writable.
                    unsafe {
                        f(
                            out.as_mut_ptr(),
                            a.as_mut_ptr(),
                            d.as_ptr(),
                            n,
                            divisor,
                            z.as_ptr(),
                            0.0,
                        )
                    };
                    (a, out)
                };
                let (a, out) = run(fma::quotients_256::<{ fma::RELU }>);
                ways.push(("AVX2", a, out));
                if std::is_x86_feature_detected!("avx512f") {
                    let (a, out) = run(fma::quotients_512::<{ fma::RELU }>);
                    ways.push(("AVX-512", a, out));
                }
            }
            for (way, a, out) in ways {
                for k in 0..n {
                    assert!(same(a[k], relu[k]), "{way}: ReLU({:e}) = {:e}", z[k], a[k]);
                    assert!(
                        same(out[k], expected[k]),
                        "{way}: ReLU({:e})·{}/{divisor:e} = {:e}, not {:e}",
                        z[k],
                        d[k],
                        out[k],
                        expected[k]
                    );
                }
            }
        }
    }
}
