//! Numbers as text, both ways, by ECMAScript's rules, so that the page, the
//! links it writes and the CLI agree: which texts are numbers (the grammar
//! below, checked here on every target), the value of one (the correctly
//! rounded f64, which is unique), and a number's text (ECMAScript's
//! `Number::toString`: `1.2`, `400`, `0.000001`, `1e-7`, `1e+21`).
//!
//! Natively Rust computes both (`str::parse`, and the shortest digits of
//! `{:e}` laid out as ECMAScript lays them out). In the wasm, with the
//! `js-numbers` feature, the JS engine does (`parseFloat` of a text already
//! checked here, `Number.prototype.toString`): the same results, without
//! core's float parsing and printing and their tables in the download
//! (~30 KB). `sepal-wasm` provides the two functions declared below.

use alloc::string::String;

#[cfg(all(feature = "js-numbers", target_arch = "wasm32"))]
extern "Rust" {
    /// The value of a text that [`is_number`] accepts (JS `parseFloat`).
    fn sepal_js_parse_number(text: &str) -> f64;
    /// ECMAScript's text of a finite, non-zero number.
    fn sepal_js_number_text(v: f64) -> String;
}

/// Whether `text` is a number in decimal: an optional sign, digits with an
/// optional fraction (`1`, `1.`, `.5`), then optionally `e` or `E`, a sign
/// and digits (`1e3`, `-2.5E-3`). Nothing else: no spaces, no `inf`,
/// `Infinity` or `nan`, no hexadecimal, no digit separators.
pub fn is_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at - start
    };
    let mut mantissa = digits(&mut at);
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        mantissa += digits(&mut at);
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        at += usize::from(matches!(bytes.get(at), Some(b'+' | b'-')));
        if digits(&mut at) == 0 {
            return false;
        }
    }
    at == bytes.len()
}

/// The value of a text [`is_number`] accepts, correctly rounded (infinite
/// when too large for an f64); `None` for any other text.
pub fn parse_number(text: &str) -> Option<f64> {
    if !is_number(text) {
        return None;
    }
    #[cfg(all(feature = "js-numbers", target_arch = "wasm32"))]
    // SAFETY: defined by sepal-wasm, which enables the feature.
    return Some(unsafe { sepal_js_parse_number(text) });
    #[cfg(not(all(feature = "js-numbers", target_arch = "wasm32")))]
    text.parse().ok()
}

/// ECMAScript's text of a number (`String(v)` in JS), except that −0 is
/// `-0`, so that every text reads back to the same bits.
pub fn number_text(v: f64) -> String {
    if v == 0.0 {
        return String::from(if v.is_sign_negative() { "-0" } else { "0" });
    }
    #[cfg(all(feature = "js-numbers", target_arch = "wasm32"))]
    // SAFETY: defined by sepal-wasm, which enables the feature.
    return unsafe { sepal_js_number_text(v) };
    #[cfg(not(all(feature = "js-numbers", target_arch = "wasm32")))]
    ecmascript_text(v)
}

/// ECMAScript's Number::toString(v) for a non-zero v, from Rust's shortest
/// round-trip digits.
#[cfg(any(test, not(all(feature = "js-numbers", target_arch = "wasm32"))))]
fn ecmascript_text(v: f64) -> String {
    use alloc::format;
    if v.is_nan() {
        return String::from("NaN");
    }
    let sign = if v < 0.0 { "-" } else { "" };
    if v.is_infinite() {
        return format!("{sign}Infinity");
    }
    // `{:e}` is `d.ddde-x`: the digits s (k of them) and n, with
    // v = 0.s × 10^n, as the specification names them.
    let scientific = format!("{:e}", v.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let s: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let (k, n) = (s.len() as i32, exponent.parse::<i32>().unwrap_or(0) + 1);
    let zeros = |count: i32| "0".repeat(count.max(0) as usize);
    let text = if k <= n && n <= 21 {
        format!("{s}{}", zeros(n - k))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &s[..n as usize], &s[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{s}", zeros(-n))
    } else {
        let e = n - 1;
        let e_sign = if e < 0 { '-' } else { '+' };
        let (first, rest) = s.split_at(1);
        let point = if rest.is_empty() { "" } else { "." };
        format!("{first}{point}{rest}e{e_sign}{}", e.abs())
    };
    format!("{sign}{text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_decimal_numbers_only() {
        for text in [
            "1", "-1", "+1", "1.", ".5", "-.5", "1.25", "1e3", "1E3", "-2.5E-3", "1e+3", "007", "1e400",
        ] {
            assert!(is_number(text), "{text:?}");
        }
        let refused = [
            "", "+", "-", ".", "e3", ".e3", "1e", "1e+", "1.2.3", " 1", "1 ", "inf", "-inf", "infinity", "Infinity",
            "NaN", "nan", "0x10", "1_000", "1,5", "1e3.5", "--1", "+-1", "١",
        ];
        for text in refused {
            assert!(!is_number(text), "{text:?}");
            assert_eq!(parse_number(text), None, "{text:?}");
        }
        assert_eq!(parse_number("-2.5E-3"), Some(-0.0025));
        assert_eq!(parse_number("1e400"), Some(f64::INFINITY));
    }

    /// Values and the texts JS's `String(v)` gives for them (node 22).
    #[test]
    fn numbers_print_as_javascript_prints_them() {
        for (v, text) in [
            (1.2, "1.2"),
            (400.0, "400"),
            (-0.5, "-0.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e-6, "0.000001"),
            (1.5e-6, "0.0000015"),
            (1e-7, "1e-7"),
            (1.25e-7, "1.25e-7"),
            (1e-8, "1e-8"),
            (123456789012345680000.0, "123456789012345680000"),
            (1e21, "1e+21"),
            (1.5e300, "1.5e+300"),
            (9_007_199_254_740_991.0, "9007199254740991"),
            (4294967295.0, "4294967295"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(ecmascript_text(v), text);
            assert_eq!(number_text(v), text);
            if v.is_finite() {
                assert_eq!(
                    parse_number(text).map(f64::to_bits),
                    Some(v.to_bits()),
                    "{text} reads back"
                );
            }
        }
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(-0.0), "-0");
        assert_eq!(parse_number("-0").map(f64::to_bits), Some((-0.0f64).to_bits()));
    }
}
