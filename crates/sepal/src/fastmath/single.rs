//! Single precision, for the decision map: the same algorithms with f32
//! constants and shorter polynomials (tanh within a few f32 ulp).

use super::{opaque_copy, select};

/// The f32 constants, as `super::K` (and for the same reason).
#[derive(Clone, Copy)]
pub struct K {
    sign: u32,
    bias: u32,
    /// 1.5·2^23, the f32 shifter.
    shift: f32,
    inv_ln2: f32,
    /// ln 2 = LN2_HI + LN2_LO, n·LN2_HI exact for |n| < 2^14 (Cephes).
    ln2_hi: f32,
    ln2_lo: f32,
    /// a = 2 + Q1·r² + Q2·r⁴ + Q3·r⁶ for |r| ≤ ln2 (error 2^−30).
    q: [f32; 3],
    /// Twice, as `super::K::half_ln3` (and for the same reason).
    half_ln3: [f32; 2],
    /// tanh 10 rounds to 1; below −87, σ would leave the normal range.
    max_x: f32,
    min_y: f32,
    zero: f32,
    half: f32,
    one: f32,
    two: f32,
}

impl K {
    pub const VALUES: K = K {
        sign: 1 << 31,
        bias: 127,
        shift: 12_582_912.0,
        inv_ln2: core::f32::consts::LOG2_E,
        ln2_hi: 0.693_359_4, // 0.693359375 = 355/512
        ln2_lo: -2.121_944_4e-4,
        q: [0.166_666_63, -0.002_777_362_5, 6.463_718e-5],
        half_ln3: [0.549_306_15; 2],
        max_x: 10.0,
        min_y: -87.0,
        zero: 0.0,
        half: 0.5,
        one: 1.0,
        two: 2.0,
    };

    /// `VALUES`, read so that the compiler cannot see the numbers.
    #[inline(always)]
    pub fn opaque() -> K {
        static VALUES: K = K::VALUES;
        opaque_copy(&VALUES)
    }
}

/// y = n·ln2 + r with n = ⌊y/ln2⌋ for −126 ≤ y ≤ 40: (2^n, r, q).
#[inline(always)]
fn parts(y: f32, k: &K) -> (f32, f32, f32) {
    let shifted = (y * k.inv_ln2 - k.half) + k.shift;
    let n = shifted - k.shift;
    let r = (y - n * k.ln2_hi) - n * k.ln2_lo;
    let rr = r * r;
    let q = rr * (k.q[0] + rr * (k.q[1] + rr * k.q[2]));
    let p = f32::from_bits(shifted.to_bits().wrapping_add(k.bias) << 23);
    (p, r, q)
}

/// tanh x.
#[inline(always)]
pub fn tanh(x: f32, k: &K) -> f32 {
    let ax = f32::from_bits(x.to_bits() & !k.sign);
    let ax = select(ax > k.max_x, k.max_x, ax);
    let (p, r, q) = parts(k.two * ax, k);
    let (below, above) = (p - k.one, p + k.one);
    let n = k.two * below + (q * below + r * above);
    let m = k.two * above + (q * above + r * below);
    let v = select(ax > k.half_ln3[0], k.two * (k.two + (q - r)), n) / m;
    let v = select(ax > k.half_ln3[1], k.one - v, v);
    f32::from_bits(v.to_bits() | (x.to_bits() & k.sign))
}

/// σ(z).
#[inline(always)]
pub fn sigmoid(z: f32, k: &K) -> f32 {
    let y = -f32::from_bits(z.to_bits() & !k.sign);
    let y = select(y < k.min_y, k.min_y, y);
    let (p, r, q) = parts(y, k);
    let (below, above) = (p - k.one, p + k.one);
    let e = k.two * p + (q * p + r * p);
    let v = e / (k.two * above + (q * above + r * below));
    select(z > k.zero, k.one - v, v)
}

#[cfg(test)]
mod tests {
    #[test]
    fn close_to_the_double_precision_functions() {
        let mut worst = (0.0f64, 0.0f64);
        for i in -40_000..=40_000 {
            let x = i as f64 / 1000.0;
            let k = &super::K::VALUES;
            let t = (super::tanh(x as f32, k) as f64 - crate::fastmath::tanh(x)).abs();
            let s = (super::sigmoid(x as f32, k) as f64 - crate::fastmath::sigmoid(x)).abs();
            worst = (worst.0.max(t), worst.1.max(s));
        }
        // f32 arguments round x by up to 2^−24 relative, which moves
        // tanh by as much near 0.5.
        assert!(worst.0 < 3e-7 && worst.1 < 2e-7, "{worst:?}");
        let k = &super::K::opaque();
        assert!(super::tanh(f32::NAN, k).is_nan() && super::sigmoid(f32::NAN, k).is_nan());
        assert_eq!((super::tanh(-30.0, k), super::sigmoid(100.0, k)), (-1.0, 1.0));
        // Clamped at z = −87, where σ is still a normal f32.
        assert!(super::sigmoid(-100.0, k) < 2e-38);
    }
}
