//! A correctly rounded natural logarithm, for numpy's `randn`: numpy calls
//! the C library's `log`, which glibc rounds correctly in all but about 3
//! of 10,000 values, while `libm::log` is one unit in the last place off in
//! about 3 of 100 — enough to change the course's initial weights for seed 3.
//! Evaluated in double-double arithmetic with plain operations only, so it
//! is the same on every target.

use crate::double_double::{add, div, mul, two_sum, Dd};

const LN2: Dd = Dd {
    hi: core::f64::consts::LN_2,
    lo: 2.319_046_813_846_299_6e-17,
};

/// 1/(2i + 1) for i in 0..24, the terms of atanh(s)/s, in double-double:
/// the same divisions, done once when compiling rather than in every call
/// (#15: `randn` for 10,000 points and a network's weights is most of a
/// large build).
const SERIES: [Dd; 24] = {
    let mut terms = [Dd { hi: 0.0, lo: 0.0 }; 24];
    let mut i = 0;
    while i < 24 {
        terms[i] = div(
            Dd { hi: 1.0, lo: 0.0 },
            Dd {
                hi: (2 * i + 1) as f64,
                lo: 0.0,
            },
        );
        i += 1;
    }
    terms
};

/// ln(x) for finite x > 0.
pub fn ln(x: f64) -> f64 {
    debug_assert!(x > 0.0 && x.is_finite());
    let (mut m, mut k) = split_exponent(x);
    if m > core::f64::consts::SQRT_2 {
        m *= 0.5;
        k += 1;
    }
    // ln m = 2 atanh(s) with s = (m − 1)/(m + 1), |s| < 0.172.
    let s = div(Dd { hi: m - 1.0, lo: 0.0 }, two_sum(m, 1.0));
    let s2 = mul(s, s);
    // atanh(s)/s = Σ s^2i / (2i + 1): 24 terms reach 1e-36.
    let mut series = Dd { hi: 0.0, lo: 0.0 };
    for term in SERIES.iter().rev() {
        series = add(mul(series, s2), *term);
    }
    let ln_m = mul(
        Dd {
            hi: 2.0 * s.hi,
            lo: 2.0 * s.lo,
        },
        series,
    );
    let k_ln2 = mul(LN2, Dd { hi: k as f64, lo: 0.0 });
    let sum = add(k_ln2, ln_m);
    sum.hi + sum.lo
}

/// x = m · 2^k with m in [1, 2).
fn split_exponent(x: f64) -> (f64, i64) {
    let (x, bias) = if x < f64::MIN_POSITIVE {
        (x * 18_014_398_509_481_984.0, 54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let k = ((bits >> 52) & 0x7ff) as i64 - 1023 - bias;
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    (m, k)
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use crate::rng::NumpyRng;

    /// The terms computed when compiling are those the divisions give when running.
    #[test]
    fn the_series_terms_are_the_divisions_at_run_time() {
        for (i, term) in SERIES.iter().enumerate() {
            let odd = core::hint::black_box((2 * i + 1) as f64);
            let at_run_time = div(Dd { hi: 1.0, lo: 0.0 }, Dd { hi: odd, lo: 0.0 });
            assert_eq!(term.hi.to_bits(), at_run_time.hi.to_bits(), "term {i}");
            assert_eq!(term.lo.to_bits(), at_run_time.lo.to_bits(), "term {i}");
        }
    }

    /// std's `ln` is the C library's `log` natively, what numpy's `randn`
    /// calls. glibc's is within 0.52 ulp, not always correctly rounded, so
    /// a correctly rounded `ln` may differ from it, but rarely.
    #[test]
    fn agrees_with_the_c_library_far_more_often_than_libm() {
        let mut rng = NumpyRng::new(7);
        let (mut bad, mut bad_libm) = (0, 0);
        for i in 0..300_000 {
            let u = rng.next_f64();
            let x = if i % 3 == 0 {
                u
            } else if i % 3 == 1 {
                u * 1e-200 + 1e-300
            } else {
                1.0 + u * 1e6
            };
            if x > 0.0 {
                let reference = std::primitive::f64::ln(x);
                bad += (ln(x) != reference) as u32;
                bad_libm += (libm::log(x) != reference) as u32;
            }
        }
        assert!(bad < 300, "{bad} of 300,000 differ from the C library");
        assert!(bad_libm > 10 * bad, "libm::log differs in {bad_libm}, ours in {bad}");
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(core::f64::consts::E), 1.0);
    }
}
