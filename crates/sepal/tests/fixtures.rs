//! Reading the numpy fixtures in `tests/fixtures/`, made by
//! `scripts/make_fixtures.py` (see that script for what each value is).

#![allow(dead_code)] // each test file uses a different part

use std::collections::BTreeMap;

/// The lines of a fixture, without comments, split on whitespace.
pub fn lines(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

pub fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s}"))
}

/// `param NAME ROWS COLS v…` lines, by name, as flat row-major values.
pub fn params(name: &str) -> BTreeMap<String, Vec<f64>> {
    lines(name)
        .into_iter()
        .filter(|l| l[0] == "param")
        .map(|l| (l[1].clone(), l[4..].iter().map(|v| num(v)).collect()))
        .collect()
}

/// `KEY I V` lines (e.g. `cost 1000 0.25…`) as (I, V) pairs.
pub fn series(name: &str, key: &str) -> Vec<(u64, f64)> {
    lines(name)
        .into_iter()
        .filter(|l| l[0] == key)
        .map(|l| (l[1].parse().unwrap(), num(&l[2])))
        .collect()
}

/// Points as `x1 x2 label` lines.
pub fn points(name: &str) -> Vec<[f64; 3]> {
    lines(name).iter().map(|l| [num(&l[0]), num(&l[1]), num(&l[2])]).collect()
}
