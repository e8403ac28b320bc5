extern crate std;

use super::*;

/// The distance in units in the last place (0 for equal values, NaN or
/// not).
fn ulps(a: f64, b: f64) -> u64 {
    if a == b || (a.is_nan() && b.is_nan()) {
        return 0;
    }
    let key = |v: f64| {
        let bits = v.to_bits() as i64;
        if bits < 0 {
            i64::MIN - bits
        } else {
            bits
        }
    };
    key(a).abs_diff(key(b))
}

/// Arguments of every magnitude, both signs: uniform on ±2 and ±25,
/// log-uniform down to 3·2^−60 and up to ~2900.
fn arguments(n: usize) -> impl Iterator<Item = f64> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..n).map(move |i| {
        let u = (next() >> 11) as f64 / (1u64 << 53) as f64;
        let sign = if next() & 1 == 0 { 1.0 } else { -1.0 };
        sign * match i % 4 {
            0 => u * 2.0,
            1 => u * 25.0,
            2 => libm::exp2(-60.0 * u) * 3.0,
            _ => libm::exp2(10.5 * u - 1.0) * 2.0,
        }
    })
}

/// The largest distance from `reference`, and where.
fn worst(f: impl Fn(f64) -> f64, reference: impl Fn(f64) -> f64) -> (u64, f64) {
    arguments(1_000_000)
        .map(|x| (ulps(f(x), reference(x)), x))
        .fold((0, 0.0), |a, b| if b.0 > a.0 { b } else { a })
}

// Against libm, whose own tanh and σ (the course's formula) are up to
// 1.75 and 2.0 ulp from the exact values on these arguments, as are
// these (benches/accuracy.py): the two can round to opposite sides, and
// below 1/2 an ulp of σ is half an ulp of 1 − σ.

#[test]
fn tanh_is_within_3_ulp_of_libm() {
    let (d, x) = worst(tanh, libm::tanh);
    std::println!("tanh: max {d} ulp from libm, at {x:e}");
    assert!(d <= 3, "{d} ulp at {x:e}");
}

#[test]
fn sigmoid_is_within_4_ulp_of_the_course_formula() {
    // Where libm::exp(−z) overflows the course's formula gives 0.
    let course = |z: f64| 1.0 / (1.0 + libm::exp(-z));
    let (d, x) = worst(|z| if libm::exp(-z).is_infinite() { 0.0 } else { sigmoid(z) }, course);
    std::println!("sigmoid: max {d} ulp from libm, at {x:e}");
    assert!(d <= 4, "{d} ulp at {x:e}");
}

#[test]
fn log1p_exp_is_within_3_ulp_of_libm() {
    let (d, x) = worst(log1p_exp_neg_abs, |z| libm::log1p(libm::exp(-libm::fabs(z))));
    std::println!("log1p(exp(-|z|)): max {d} ulp from libm, at {x:e}");
    assert!(d <= 3, "{d} ulp at {x:e}");
}

#[test]
fn special_values() {
    for (x, t, s) in [
        (0.0, 0.0, 0.5),
        (f64::INFINITY, 1.0, 1.0),
        (f64::NEG_INFINITY, -1.0, 0.0),
        (1000.0, 1.0, 1.0),
        (-1000.0, -1.0, 0.0),
        (19.1, 1.0, 0.999_999_994_930_380_2),
        (-1.0, -0.761_594_155_955_764_9, 0.268_941_421_369_995_1),
        (5e-324, 5e-324, 0.5),
    ] {
        assert_eq!(tanh(x), t, "tanh {x}");
        assert_eq!(sigmoid(x), s, "σ {x}");
    }
    assert_eq!(tanh(-0.0).to_bits(), (-0.0f64).to_bits());
    assert!(sigmoid(-745.0) > 0.0 && sigmoid(-745.0) < 1e-323);
    assert!(tanh(f64::NAN).is_nan() && sigmoid(f64::NAN).is_nan());
    assert!(log1p_exp_neg_abs(f64::NAN).is_nan());
    assert_eq!(log1p_exp_neg_abs(0.0), core::f64::consts::LN_2);
    assert_eq!(log1p_exp_neg_abs(f64::INFINITY), 0.0);
    assert_eq!(cross_entropy_term(-800.0, 1.0), 800.0);
    assert_eq!(cross_entropy_term(800.0, 1.0), 0.0);
}

#[test]
fn slices_and_single_values_agree_to_the_bit() {
    let x: std::vec::Vec<f64> = arguments(10_000).collect();
    let mut t = std::vec![0.0; x.len()];
    let mut s = std::vec![0.0; x.len()];
    tanh_slice(&x, &mut t);
    sigmoid_slice(&x, &mut s);
    for ((&x, t), s) in x.iter().zip(t).zip(s) {
        assert_eq!(t.to_bits(), tanh(x).to_bits(), "tanh {x:e}");
        assert_eq!(s.to_bits(), sigmoid(x).to_bits(), "σ {x:e}");
    }
}

/// `cargo test -p sepal --release --lib dump_for_accuracy -- --ignored
/// --nocapture | python3 crates/sepal/benches/accuracy.py`: the
/// arguments and values, for a check against exact values.
#[test]
#[ignore]
fn dump_for_accuracy() {
    for x in arguments(40_000) {
        std::println!(
            "{:016x} {:016x} {:016x} {:016x}",
            x.to_bits(),
            tanh(x).to_bits(),
            sigmoid(x).to_bits(),
            log1p_exp_neg_abs(x).to_bits()
        );
    }
}
