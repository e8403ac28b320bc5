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
            run(|o, a, d, n, b| unsafe { fma::quotients_256::<{ fma::PLAIN }>(o, a, d, n, b, core::ptr::null(), 0.0) }),
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
