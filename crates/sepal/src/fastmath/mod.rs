//! tanh, the logistic sigmoid and the cross-entropy's log(1 + e^−|z|),
//! written so that a loop over a slice of them vectorises: no branches, no
//! calls, no tables, no float-to-int conversions — only IEEE additions,
//! multiplications, divisions, comparisons with selects, and integer
//! operations on the bits. Every target performs the same operations in the
//! same order on every element, so native and wasm (SIMD or not) agree to
//! the last bit. There is no FMA anywhere (Rust never contracts a·b + c).
//!
//! All three reduce e^y as fdlibm's `exp` (which `libm::exp` is) does:
//!
//! ```text
//! y = k·ln2 + r, r = (y − k·ln2_hi) − k·ln2_lo, p = 2^k
//! e^r = (a + r)/(a − r), a = r·(e^r + 1)/(e^r − 1) = 2 + r²/6 − r⁴/360 + … = 2 + q
//! ```
//!
//! with q = r²·P(r²) a minimax polynomial, k found by rounding against a
//! shifter constant and p built from k's bits. Keeping e^r as the quotient
//! (a + r)/(a − r), with a = 2 + q never rounded, lets each function finish
//! with one division:
//!
//! - tanh |x| with y = 2|x| and k = ⌊y/ln2⌋, so r ∈ [0, ln2] (fdlibm's
//!   polynomial refitted for the wider range, `benches/fit_exp.py`) and no
//!   sum below cancels:
//!   N = p(a + r) − (a − r) = 2(p − 1) + (q(p − 1) + r(p + 1)),
//!   M = p(a + r) + (a − r) = 2(p + 1) + (q(p + 1) + r(p − 1)),
//!   tanh = N/M, or 1 − 2(a − r)/M above |x| = ln3/2 (where tanh = 1/2).
//!   For k = 0 (|x| < ln2/2) N = 2r exactly.
//! - σ(z) with y = −|z|, k rounded to nearest, |r| ≤ ln2/2 (fdlibm's own
//!   polynomial), E = e^y = e/d with e = p(a + r), d = a − r, and M = d + e
//!   as above: σ = e/M for z ≤ 0, 1 − e/M for z > 0.
//! - log(1 + E) = 2·atanh(s) = 2s + s·L(s²) (fdlibm's log polynomial L)
//!   with s = E/(2 + E) = e/(2d + e), or, for E > √2 − 1, ln 2 plus the
//!   same with s = (E − 1)/(E + 3) = (e − d)/(3d + e). σ and this share
//!   everything before their divisions.
//!
//! Measured against exact values (mpmath at 160 bits, `benches/accuracy.py`)
//! over 40 000 arguments of every magnitude: tanh within 1.7 ulp (libm's
//! tanh: 1.75), σ within 2.1 ulp (the course's 1/(1 + libm::exp(−z)): 2.0,
//! and 0 instead of the tiny values below z = −709.78), log(1 + e^−|z|)
//! within 2.6 ulp (libm: 1.5) — it only feeds the reported cost, whose
//! sum of m terms rounds more than that.
//!
//! The f32 versions, for the decision map only, are the same algorithms in
//! single precision with shorter polynomials: `single` (single.rs). The
//! accuracy tests against libm are in tests.rs.

use alloc::vec::Vec;

pub mod single;

const SIGN: u64 = 1 << 63;

/// 1.5·2^52: for |v| < 2^51, (v + SHIFT) − SHIFT is v rounded to an integer
/// (to nearest, ties to even), and the low bits of v + SHIFT hold it.
const SHIFT: f64 = 6755399441055744.0;

const INV_LN2: f64 = core::f64::consts::LOG2_E;
/// ln 2 in two parts: k·LN2_HI is exact for |k| < 2^20.
const LN2_HI: f64 = 0.6931471803691238;
const LN2_LO: f64 = 1.9082149292705877e-10;

/// fdlibm's exp: a = 2 + P1·r² + … + P5·r^10 for |r| ≤ ln2/2 (error below
/// 2^−59).
const P1: f64 = 0.16666666666666602;
const P2: f64 = -0.0027777777777015593;
const P3: f64 = 6.613756321437934e-05;
const P4: f64 = -1.6533902205465252e-06;
const P5: f64 = 4.1381367970572385e-08;

/// The same for |r| ≤ ln2 (error below 2^−55.4; `benches/fit_exp.py`).
const Q1: f64 = 0.16666666666666408;
const Q2: f64 = -0.002777777777672212;
const Q3: f64 = 6.613756471209465e-05;
const Q4: f64 = -1.6534302973655583e-06;
const Q5: f64 = 4.172565173811347e-08;
const Q6: f64 = -1.0135350874483193e-09;

/// fdlibm's log: log(1 + f) = 2s + s·(LG1·s² + … + LG7·s^14), s = f/(2 + f).
const LG1: f64 = 0.6666666666666735;
const LG2: f64 = 0.3999999999940942;
const LG3: f64 = 0.2857142874366239;
const LG4: f64 = 0.22222198432149784;
const LG5: f64 = 0.1818357216161805;
const LG6: f64 = 0.15313837699209373;
const LG7: f64 = 0.14798198605116586;

/// √2 − 1: above it, log(1 + E) takes out a factor 2.
const SQRT2_M1: f64 = 0.41421356237309503;

/// ln 3 / 2, where tanh is 1/2.
const HALF_LN3: f64 = 0.5493061443340548;

/// 2^−537, the second half of a split scaling by 2^k.
const TWO_M537: f64 = f64::from_bits((1023 - 537) << 52);

#[cfg(all(feature = "std", target_arch = "x86_64"))]
extern crate std;

/// Runs `f` — a hot loop, inlined here — compiled for AVX2 where the CPU
/// has it: four f64 lanes instead of SSE2's two, and three-operand
/// instructions. The same IEEE operations on every lane (AVX2 brings no
/// FMA, and Rust never contracts), so the results are the bits SSE2 and
/// wasm compute; the native tests, run this way, check it against the
/// pinned cost. Without `std` (no feature detection) or off x86_64, `f`.
#[inline(always)]
pub(crate) fn wide<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2.
        return unsafe { avx2(f) };
    }
    f()
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "avx2")]
unsafe fn avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// [`wide`] for loops of integer arithmetic only (the fresh dropout masks'
/// SplitMix64 draws): with AVX-512DQ where the CPU has it, whose 64-bit
/// vector multiply AVX2 lacks (emulated there from 32-bit products, about
/// as slow as scalar code). Integer results do not depend on the
/// instructions, so the bits are every target's.
#[inline(always)]
pub(crate) fn wide_integers<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if std::is_x86_feature_detected!("avx512dq") && std::is_x86_feature_detected!("avx512vl") {
        // SAFETY: the CPU has AVX-512F, DQ and VL (DQ implies F).
        return unsafe { avx512dq(f) };
    }
    wide(f)
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[target_feature(enable = "avx2,avx512f,avx512dq,avx512vl")]
unsafe fn avx512dq<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// Every constant the loops use, as one value: `K::VALUES` for single
/// calls, `K::opaque()` for loops. V8 rebuilds each `v128.const` inside a
/// loop, dozens per element here; constants that arrive as a loaded value
/// are splatted once, before the loop, and stay in registers — the same
/// bits either way.
#[derive(Clone, Copy)]
pub(crate) struct K {
    sign: u64,
    bias: u64,
    bias_537: u64,
    shift: f64,
    inv_ln2: f64,
    ln2_hi: f64,
    ln2_lo: f64,
    p: [f64; 5],
    q: [f64; 6],
    lg: [f64; 7],
    sqrt2_m1: f64,
    /// ln3/2 twice, the same number: two comparisons the compiler cannot
    /// merge. Seeing one condition on both selects in `tanh_k`, LLVM moves
    /// the division into each arm and divides twice.
    half_ln3: [f64; 2],
    two_m537: f64,
    min_y: f64,
    max_x: f64,
    zero: f64,
    half: f64,
    one: f64,
    two: f64,
    three: f64,
}

impl K {
    pub(crate) const VALUES: K = K {
        sign: SIGN,
        bias: 1023,
        bias_537: 1023 + 537,
        shift: SHIFT,
        inv_ln2: INV_LN2,
        ln2_hi: LN2_HI,
        ln2_lo: LN2_LO,
        p: [P1, P2, P3, P4, P5],
        q: [Q1, Q2, Q3, Q4, Q5, Q6],
        lg: [LG1, LG2, LG3, LG4, LG5, LG6, LG7],
        sqrt2_m1: SQRT2_M1,
        half_ln3: [HALF_LN3; 2],
        two_m537: TWO_M537,
        // Below −746, e^y rounds to 0 anyway.
        min_y: -746.0,
        // tanh 20 rounds to 1.
        max_x: 20.0,
        zero: 0.0,
        half: 0.5,
        one: 1.0,
        two: 2.0,
        three: 3.0,
    };

    /// `VALUES`, read so that the compiler cannot see the numbers.
    #[inline(always)]
    pub(crate) fn opaque() -> K {
        static VALUES: K = K::VALUES;
        opaque_copy(&VALUES)
    }
}

/// A copy of a static the compiler cannot constant-fold (see `K`).
#[inline(always)]
fn opaque_copy<T: Copy>(value: &'static T) -> T {
    // SAFETY: a valid, aligned, initialised static, only ever read.
    unsafe { core::ptr::read_volatile(value) }
}

/// `if c { a } else { b }` with both already computed: a select LLVM can
/// vectorise, where an `if` with arithmetic in its arms stays a branch.
#[inline(always)]
fn select<T: Copy>(c: bool, a: T, b: T) -> T {
    if c {
        a
    } else {
        b
    }
}

/// y = k·ln2 + r for |y| < 2^20: (k + SHIFT, r), k rounded to nearest or
/// (`floor`) down.
#[inline(always)]
fn reduce(y: f64, floor: bool, k: &K) -> (f64, f64) {
    // ⌊v⌋ is v − 1/2 rounded, but for ties (which round to even, and
    // still leave r in [0, ln2]).
    let v = y * k.inv_ln2;
    let shifted = select(floor, v - k.half, v) + k.shift;
    let n = shifted - k.shift;
    (shifted, (y - n * k.ln2_hi) - n * k.ln2_lo)
}

/// 2^(n + bias − 1023) for the n that `shifted` = n + SHIFT holds.
#[inline(always)]
fn pow2(shifted: f64, bias: u64) -> f64 {
    f64::from_bits(shifted.to_bits().wrapping_add(bias) << 52)
}

/// tanh x, odd to the bit.
#[inline(always)]
pub fn tanh(x: f64) -> f64 {
    tanh_k(x, &K::VALUES)
}

#[inline(always)]
fn tanh_k(x: f64, k: &K) -> f64 {
    let (numerator, denominator) = tanh_quotient(x, k);
    tanh_from_quotient(x, numerator / denominator, k)
}

/// tanh |x| before its one division: (N, M) for |x| ≤ ln3/2, else
/// (2(a − r), M) — see the module's comment.
#[inline(always)]
fn tanh_quotient(x: f64, k: &K) -> (f64, f64) {
    // NaN compares false and stays.
    let ax = f64::from_bits(x.to_bits() & !k.sign);
    let ax = select(ax > k.max_x, k.max_x, ax);
    let (shifted, r) = reduce(k.two * ax, true, k);
    let rr = r * r;
    let r4 = rr * rr;
    let [q1, q2, q3, q4, q5, q6] = k.q;
    let q = rr * ((q1 + rr * q2) + r4 * ((q3 + rr * q4) + r4 * (q5 + rr * q6)));
    let p = pow2(shifted, k.bias);
    let (below, above) = (p - k.one, p + k.one);
    let n = k.two * below + (q * below + r * above);
    let m = k.two * above + (q * above + r * below);
    (select(ax > k.half_ln3[0], k.two * (k.two + (q - r)), n), m)
}

/// tanh x from the quotient of `tanh_quotient`.
#[inline(always)]
fn tanh_from_quotient(x: f64, v: f64, k: &K) -> f64 {
    let ax = f64::from_bits(x.to_bits() & !k.sign);
    let v = select(ax > k.half_ln3[1], k.one - v, v);
    f64::from_bits(v.to_bits() | (x.to_bits() & k.sign))
}

/// e^−|z| in pieces: with p = 2^n, e^−|z| = e/d for e = p·(2 + q + r),
/// d = 2 + q − r. Returns (p, e, r, q), e rounded once: as
/// (2·p′ + (q·p′ + r·p′))·2^−537 with p′ = 2^(n + 537), both factors
/// normal, so only the last product rounds where e is subnormal.
#[inline(always)]
pub(crate) fn exp_neg_abs_parts(z: f64, k: &K) -> (f64, f64, f64, f64) {
    // NaN compares false and stays.
    let y = -f64::from_bits(z.to_bits() & !k.sign);
    let y = select(y < k.min_y, k.min_y, y);
    let (shifted, r) = reduce(y, false, k);
    let rr = r * r;
    let r4 = rr * rr;
    let [p1, p2, p3, p4, p5] = k.p;
    let q = rr * ((p1 + rr * p2) + r4 * (p3 + rr * (p4 + rr * p5)));
    let p_high = pow2(shifted, k.bias_537);
    let e = (k.two * p_high + (q * p_high + r * p_high)) * k.two_m537;
    (p_high * k.two_m537, e, r, q)
}

/// σ(z) from its pieces: E = e/d and M = d + e = 2(p + 1) + (q(p + 1) +
/// r(p − 1)): e/M for z ≤ 0, 1 − e/M for z > 0.
#[inline(always)]
pub(crate) fn sigmoid_from(z: f64, (p, e, r, q): (f64, f64, f64, f64), k: &K) -> f64 {
    let (below, above) = (p - k.one, p + k.one);
    let v = e / (k.two * above + (q * above + r * below));
    select(z > k.zero, k.one - v, v)
}

/// log(1 + E) from E = e^−|z|'s pieces: 2s + s·L(s²) with s = E/(2 + E) =
/// e/(2d + e), or ln 2 plus the same with s = (E − 1)/(E + 3) =
/// (e − d)/(3d + e) for E > √2 − 1 — each sum written as 2c + (q·c + r·c′)
/// with exact c, c′ so that only its last addition rounds much.
#[inline(always)]
pub(crate) fn log1p_from((p, e, r, q): (f64, f64, f64, f64), k: &K) -> f64 {
    let halve = e > k.sqrt2_m1 * (k.two + (q - r));
    let (below, above) = (p - k.one, p + k.one);
    let numerator = select(halve, k.two * below + (q * below + r * above), e);
    let (c1, c2) = (
        select(halve, p + k.three, p + k.two),
        select(halve, p - k.three, p - k.two),
    );
    let s = numerator / (k.two * c1 + (q * c1 + r * c2));
    let z = s * s;
    let w = z * z;
    let [lg1, lg2, lg3, lg4, lg5, lg6, lg7] = k.lg;
    let l = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7))) + w * (lg2 + w * (lg4 + w * lg6));
    let v = s * k.two + s * l;
    select(halve, k.ln2_hi + (v + k.ln2_lo), v)
}

/// σ(z) = 1/(1 + e^−z).
#[inline(always)]
pub fn sigmoid(z: f64) -> f64 {
    let k = &K::VALUES;
    sigmoid_from(z, exp_neg_abs_parts(z, k), k)
}

/// log(1 + e^−|z|), the stable cross-entropy's last term.
#[inline(always)]
pub fn log1p_exp_neg_abs(z: f64) -> f64 {
    let k = &K::VALUES;
    log1p_from(exp_neg_abs_parts(z, k), k)
}

/// One example's cross-entropy from its logit z, its label y and
/// l = log(1 + e^−|z|): max(z, 0) − z·y + l.
#[inline(always)]
pub(crate) fn cross_entropy_term_from(z: f64, y: f64, l: f64, k: &K) -> f64 {
    let positive = select(z > k.zero, z, k.zero);
    positive - z * y + l
}

/// One example's cross-entropy from its logit z and label y:
/// max(z, 0) − z·y + log(1 + e^−|z|).
#[inline(always)]
pub fn cross_entropy_term(z: f64, y: f64) -> f64 {
    cross_entropy_term_k(z, y, &K::VALUES)
}

#[inline(always)]
pub(crate) fn cross_entropy_term_k(z: f64, y: f64, k: &K) -> f64 {
    cross_entropy_term_from(z, y, log1p_from(exp_neg_abs_parts(z, k), k), k)
}

/// e^−|z|'s pieces (see `exp_neg_abs_parts`) for a row of logits, kept by
/// the output layer's σ so that the cost's log(1 + e^−|z|) starts from them
/// instead of computing e^−|z| again. Allocated once, with the workspace.
#[derive(Clone, Debug)]
pub(crate) struct ExpNegAbsParts {
    p: Vec<f64>,
    e: Vec<f64>,
    r: Vec<f64>,
    q: Vec<f64>,
}

impl ExpNegAbsParts {
    pub(crate) fn new(n: usize) -> Self {
        let zeros = || alloc::vec![0.0; n];
        Self {
            p: zeros(),
            e: zeros(),
            r: zeros(),
            q: zeros(),
        }
    }

    /// a = σ(z), elementwise, keeping e^−|z|'s pieces of each element.
    pub(crate) fn sigmoid(&mut self, z: &[f64], a: &mut [f64]) {
        let Self { p, e, r, q } = self;
        wide(
            #[inline(always)]
            || {
                let constants = K::opaque();
                // Slices of one length, so that the loop has no bounds
                // checks and vectorises.
                let n = a.len();
                let (z, p, e, r, q) = (&z[..n], &mut p[..n], &mut e[..n], &mut r[..n], &mut q[..n]);
                for k in 0..n {
                    let parts = exp_neg_abs_parts(z[k], &constants);
                    a[k] = sigmoid_from(z[k], parts, &constants);
                    (p[k], e[k], r[k], q[k]) = parts;
                }
            },
        );
    }

    /// terms[i] = max(z, 0) − z·y + log(1 + e^−|z|) for the logit and label
    /// at `start + i`, the log from the kept pieces: the cost's terms, the
    /// bits of `cross_entropy_term`. For the caller's loop, inside `wide`.
    #[inline(always)]
    pub(crate) fn cross_entropy_terms(&self, z: &[f64], y: &[f64], start: usize, terms: &mut [f64], k: &K) {
        let n = terms.len();
        let range = start..start + n;
        let (z, y) = (&z[range.clone()], &y[range.clone()]);
        let (p, e, r, q) = (
            &self.p[range.clone()],
            &self.e[range.clone()],
            &self.r[range.clone()],
            &self.q[range],
        );
        for (i, t) in terms.iter_mut().enumerate() {
            let l = log1p_from((p[i], e[i], r[i], q[i]), k);
            *t = cross_entropy_term_from(z[i], y[i], l, k);
        }
    }
}

/// a = tanh z, elementwise.
pub fn tanh_slice(z: &[f64], a: &mut [f64]) {
    #[cfg(target_arch = "wasm32")]
    tanh_slice_split(z, a);
    #[cfg(not(target_arch = "wasm32"))]
    map_slice(z, a, tanh_k);
}

/// `tanh_slice` for wasm: per block of 64, first every element's quotient,
/// then the divisions and what follows them — the operations of `tanh` on
/// every element, only interleaved across elements differently. In V8 one
/// loop doing both was bound by the latency of each element's chain (~70
/// cycles up to the division, then the division); split, and four elements
/// (two 2-lane chains) a step, it runs ~10 % faster. Natively (AVX2, four
/// lanes) the one loop is as fast or faster.
#[cfg(target_arch = "wasm32")]
fn tanh_slice_split(z: &[f64], a: &mut [f64]) {
    const BLOCK: usize = 64;
    let k = K::opaque();
    let mut numerators = [0.0; BLOCK];
    let mut denominators = [0.0; BLOCK];
    for (a, z) in a.chunks_mut(BLOCK).zip(z.chunks(BLOCK)) {
        let n = a.len().min(z.len());
        let (a, z) = (&mut a[..n], &z[..n]);
        let (numerators, denominators) = (&mut numerators[..n], &mut denominators[..n]);
        let (z4, _) = z.as_chunks::<4>();
        let (num4, _) = numerators.as_chunks_mut::<4>();
        let (den4, _) = denominators.as_chunks_mut::<4>();
        for ((z, num), den) in z4.iter().zip(num4).zip(den4) {
            let q = z.map(|z| tanh_quotient(z, &k));
            *num = q.map(|q| q.0);
            *den = q.map(|q| q.1);
        }
        for i in n - n % 4..n {
            (numerators[i], denominators[i]) = tanh_quotient(z[i], &k);
        }
        for i in 0..n {
            a[i] = tanh_from_quotient(z[i], numerators[i] / denominators[i], &k);
        }
    }
}

/// a = σ(z), elementwise.
pub fn sigmoid_slice(z: &[f64], a: &mut [f64]) {
    map_slice(z, a, |z, k| sigmoid_from(z, exp_neg_abs_parts(z, k), k))
}

/// a = f(z), elementwise, under `wide` with the constants loaded once.
#[inline(always)]
fn map_slice(z: &[f64], a: &mut [f64], f: impl Fn(f64, &K) -> f64) {
    wide(
        #[inline(always)]
        || {
            let k = K::opaque();
            for (a, &z) in a.iter_mut().zip(z) {
                *a = f(z, &k);
            }
        },
    )
}

#[cfg(test)]
mod tests;
