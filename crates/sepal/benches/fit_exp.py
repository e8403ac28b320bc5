#!/usr/bin/env python3
"""The minimax polynomials behind sepal's fast exp (src/fastmath/mod.rs).

fdlibm's exp writes e^r = (a + r)/(a - r) with a = R(r^2) = r(e^r + 1)/(e^r - 1)
= 2 + r^2/6 - r^4/360 + ..., and approximates (R(z) - 2)/z by a polynomial
P(z) on z = r^2 in [0, (ln2/2)^2]. Sepal's tanh reduces 2|x| by the floor of
its quotient by ln 2, so r lies in [0, ln2] and z in [0, (ln2)^2]: this refits
P there, minimising the absolute error of z*P(z) (that is, of a) with the
Remez exchange algorithm, for the f64 degree (6 coefficients) and the f32
degree (3 coefficients). Run with the original interval to recover fdlibm's
own P1..P5 as a check:

    python3 crates/sepal/benches/fit_exp.py            # the [0, ln2] fits
    python3 crates/sepal/benches/fit_exp.py --fdlibm   # fdlibm's interval

Needs python3 -m pip install mpmath numpy.
"""

import sys

import mpmath as mp
import numpy as np

mp.mp.prec = 200
ZMAX = (mp.log(2) / 2) ** 2 if "--fdlibm" in sys.argv else mp.log(2) ** 2


def target(z):
    """(R(z) - 2)/z with R(r^2) = r (e^r + 1)/(e^r - 1)."""
    if z == 0:
        return mp.mpf(1) / 6
    r = mp.sqrt(z)
    return (r * (mp.exp(r) + 1) / (mp.exp(r) - 1) - 2) / z


def error(c, z):
    return z * (sum(cj * z**j for j, cj in enumerate(c)) - target(z))


def remez(n, iterations=12):
    """n coefficients minimising max |z (P(z) - target(z))| on [0, ZMAX]."""
    points = [ZMAX * (1 - mp.cos(mp.pi * (i + 1) / (n + 1))) / 2 for i in range(n + 1)]
    grid = [ZMAX * k / 2000 for k in range(1, 2001)]
    for _ in range(iterations):
        m = mp.matrix(n + 1, n + 1)
        v = mp.matrix(n + 1, 1)
        for i, z in enumerate(points):
            for j in range(n):
                m[i, j] = z ** (j + 1)
            m[i, n] = (-1) ** i
            v[i] = z * target(z)
        solution = mp.lu_solve(m, v)
        c = [solution[j] for j in range(n)]
        values = [error(c, z) for z in grid]
        extrema = [
            grid[k]
            for k in range(len(grid))
            if (k == 0 or abs(values[k]) >= abs(values[k - 1]))
            and (k + 1 == len(grid) or abs(values[k]) >= abs(values[k + 1]))
        ]
        if len(extrema) >= n + 1:
            points = sorted(sorted(extrema, key=lambda z: -abs(error(c, z)))[: n + 1])
    return c, max(abs(error(c, z)) for z in grid)


for n, kind in [(6, float), (3, np.float32), (5, float)]:
    c, e = remez(n)
    print(f"{n} coefficients: max error 2^{float(mp.log(e, 2)):.1f}")
    for i, x in enumerate(c):
        print(f"  Q{i + 1} = {float(kind(float(x)))!r}")
