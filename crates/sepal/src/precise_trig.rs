//! Correctly rounded sin and cos, for scikit-learn's moons and circles:
//! numpy's `np.sin`/`np.cos` give the C library's values. glibc's (2.36,
//! within about 0.55 ulp) differ from the correctly rounded value in about
//! 13 of 10,000 of the angles `linspace` makes for 1 to 1,000 points,
//! `libm::sin`/`cos` in about 3 of 100 — enough to move points of the
//! Optimization notebook's moons, which these reproduce bit for bit (as
//! they do every dataset in `tests/sklearn_datasets.rs`). Where glibc's
//! value is the other neighbour, a point's coordinate can still differ from
//! scikit-learn's by an ulp after the noise: with seed 1 and the datasets'
//! own noise, in about 46 % of the sizes from 2 to 1,000 (one to a few
//! coordinates each; checked with mpmath, not yet in a test). Evaluated in
//! double-double arithmetic with plain operations only, so it is the same
//! on every target; about 2⁻¹⁰⁰ relative error before the final rounding.

use crate::double_double::{add, div, mul, two_prod, Dd};

/// π/2 as three doubles whose sum is within 6e-50 of it.
// The first is FRAC_PI_2's value, written out beside the two that carry
// the digits it rounds off: the three read as one number.
#[allow(clippy::approx_constant)]
const HALF_PI: [f64; 3] = [1.5707963267948966, 6.123233995736766e-17, -1.4973849048591698e-33];

/// Terms of each Taylor series: for |r| ≤ π/4 the first left out is
/// below 1e-35 of the sum.
const TERMS: usize = 16;

/// sin x for finite x of moderate size (the generators' angles, 0 … 2π).
pub fn sin(x: f64) -> f64 {
    sin_cos(x).0
}

/// cos x for finite x of moderate size.
pub fn cos(x: f64) -> f64 {
    sin_cos(x).1
}

/// (sin x, cos x): x = k·π/2 + r with |r| ≤ π/4, the series of r, and the
/// quadrant k mod 4 choosing which is which and its sign.
fn sin_cos(x: f64) -> (f64, f64) {
    debug_assert!(x.is_finite() && x.abs() < 1e6);
    let k = libm::round(x / HALF_PI[0]);
    // r = x − k·π/2, each product exact (Dekker), so that an angle close to
    // a multiple of π/2 keeps its small remainder's digits.
    let mut r = Dd { hi: x, lo: 0.0 };
    for part in HALF_PI {
        let p = two_prod(k, part);
        r = add(r, Dd { hi: -p.hi, lo: -p.lo });
    }
    let r2 = mul(r, r);
    let (sin_r, cos_r) = (mul(r, series(r2, 1)), series(r2, 0));
    let (s, c) = match (k as i64).rem_euclid(4) {
        0 => (sin_r, cos_r),
        1 => (cos_r, negate(sin_r)),
        2 => (negate(sin_r), negate(cos_r)),
        _ => (negate(cos_r), sin_r),
    };
    (s.hi + s.lo, c.hi + c.lo)
}

/// Σᵢ (−1)ⁱ r²ⁱ/(2i + first)!: cos r with `first` 0, sin r / r with 1, by
/// Horner from the smallest term.
fn series(r2: Dd, first: usize) -> Dd {
    let mut coefficients = [Dd { hi: 0.0, lo: 0.0 }; TERMS];
    let mut c = Dd { hi: 1.0, lo: 0.0 };
    for (i, slot) in coefficients.iter_mut().enumerate() {
        if i > 0 {
            let n = (2 * i + first) as f64;
            c = div(
                c,
                Dd {
                    hi: -(n - 1.0) * n,
                    lo: 0.0,
                },
            );
        }
        *slot = c;
    }
    let mut sum = Dd { hi: 0.0, lo: 0.0 };
    for c in coefficients.iter().rev() {
        sum = add(mul(sum, r2), *c);
    }
    sum
}

fn negate(a: Dd) -> Dd {
    Dd { hi: -a.hi, lo: -a.lo }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use core::f64::consts::PI;

    /// std's `sin`/`cos` are the C library's natively, what numpy calls.
    /// On the angles of `linspace(0, 2π, n, endpoint=False)` and
    /// `linspace(0, π, n)` for n up to 1,000 (2,002,000 values), ours
    /// differ from glibc 2.36's in 2,587 (where glibc is the one not
    /// correctly rounded: checked with mpmath at 200 bits), libm's in 3 %.
    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn agrees_with_the_c_library_on_the_generators_angles() {
        let (mut ours, mut libms, mut total) = (0, 0, 0);
        for n in 1..=1000usize {
            for (stop, divisions) in [(2.0 * PI, n), (PI, n - 1)] {
                let step = if divisions > 0 { stop / divisions as f64 } else { 0.0 };
                for i in 0..n {
                    let t = i as f64 * step;
                    let (s, c) = (std::primitive::f64::sin(t), std::primitive::f64::cos(t));
                    ours += (sin(t) != s) as u32 + (cos(t) != c) as u32;
                    libms += (libm::sin(t) != s) as u32 + (libm::cos(t) != c) as u32;
                    total += 2;
                }
            }
        }
        assert!(ours < total / 500, "ours differ in {ours} of {total}");
        assert!(libms > 10 * ours, "libm differs in {libms} of {total}, ours in {ours}");
    }

    #[test]
    fn exact_and_near_multiples_of_a_right_angle() {
        assert_eq!((sin(0.0), cos(0.0)), (0.0, 1.0));
        // The doubles nearest π/2 and π: their distance to it, to the bit.
        assert_eq!(cos(PI / 2.0), 6.123233995736766e-17);
        assert_eq!(sin(PI), 1.2246467991473532e-16);
        assert_eq!(cos(PI), -1.0);
        assert_eq!(sin(-PI / 6.0), -0.49999999999999994);
    }
}
