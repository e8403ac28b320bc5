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
mod tests;
