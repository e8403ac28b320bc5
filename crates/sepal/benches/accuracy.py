#!/usr/bin/env python3
"""How far sepal's fast tanh, σ and log(1 + e^-|z|) are from the exact values.

    cargo test -p sepal --release --lib dump_for_accuracy -- --ignored --nocapture \
        | python3 crates/sepal/benches/accuracy.py

reads the dump (argument and the three values, as hex bits), computes the exact
values with mpmath at 160 bits and prints, per function, the largest error in
ulps and a histogram in half-ulp buckets. Needs python3 -m pip install mpmath.
"""

import struct
import sys
from collections import Counter

import mpmath

mpmath.mp.prec = 160


def as_float(hex_bits):
    return struct.unpack(">d", bytes.fromhex(hex_bits))[0]


def ulp_error(value, exact):
    """|value - exact| in ulps of the binade of `exact`."""
    if exact == 0:
        return 0.0 if value == 0 else float("inf")
    exponent = max(int(mpmath.floor(mpmath.log(abs(exact), 2))), -1022)
    return float(abs(mpmath.mpf(value) - exact) / mpmath.mpf(2) ** (exponent - 52))


FUNCTIONS = [
    ("tanh", mpmath.tanh),
    ("sigmoid", lambda x: 1 / (1 + mpmath.exp(-x))),
    ("log1p(exp(-|z|))", lambda x: mpmath.log1p(mpmath.exp(-abs(x)))),
]

worst = [(0.0, None)] * 3
histograms = [Counter() for _ in FUNCTIONS]
count = 0
for line in sys.stdin:
    fields = line.split()
    if len(fields) != 4 or any(len(f) != 16 for f in fields):
        continue  # the test harness's own lines
    x = as_float(fields[0])
    count += 1
    for i, (_, exact_of) in enumerate(FUNCTIONS):
        e = ulp_error(as_float(fields[i + 1]), exact_of(mpmath.mpf(x)))
        if e > worst[i][0]:
            worst[i] = (e, x)
        histograms[i][min(int(e * 2) / 2, 3.0)] += 1

print(f"{count} arguments")
for (name, _), (e, x), h in zip(FUNCTIONS, worst, histograms):
    buckets = ", ".join(f"<{b + 0.5:g}: {n}" if b < 3 else f"≥3: {n}" for b, n in sorted(h.items()))
    print(f"{name:18} max {e:.3f} ulp (at {x!r}); {buckets}")
