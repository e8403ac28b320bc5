#!/usr/bin/env python3
"""scikit-learn's make_moons / make_circles as the course's second part calls
them, for crates/sepal/tests/sklearn_datasets.rs (bit for bit).

The notebooks call them without `random_state`, so they draw from numpy's
global legacy generator, fixed by `np.random.seed(k)` right before the call:
Optimization methods `np.random.seed(3); make_moons(n_samples=300, noise=.2)`;
Initialization `np.random.seed(1); make_circles(n_samples=300, noise=.05)` to
train on and `np.random.seed(2); make_circles(n_samples=100, noise=.05)` to
test on. Sepal's names: `moons` is make_moons, `rings` make_circles with its
default factor 0.8, `circles` make_circles(factor=0.5).

Run from the repository root (needs numpy and scikit-learn):

    python3 scripts/sklearn_datasets.py

writes crates/sepal/tests/fixtures/sklearn_datasets.txt: lines starting with
`#` are comments; `set NAME POINTS NOISE SEED` starts a dataset, then one
`point x1 x2 label` line per point in scikit-learn's order. Floats are
Python's repr(), the shortest text that reads back to the same double.
"""

import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_circles, make_moons

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "sepal", "tests", "fixtures", "sklearn_datasets.txt")

# (name, points, noise, seed): the notebooks' sets first, then the datasets'
# defaults (400 points, their own noise, seed 1), odd sizes, the smallest
# size, no noise and the largest seed.
CASES = [
    ("moons", 300, 0.2, 3),
    ("rings", 300, 0.05, 1),
    ("rings", 100, 0.05, 2),
    ("moons", 400, 0.2, 1),
    ("circles", 400, 0.3, 1),
    ("rings", 400, 0.05, 1),
    ("circles", 301, 0.3, 7),
    ("circles", 2, 0.1, 0),
    ("moons", 7, 0.1, 11),
    ("moons", 1001, 0.3, 4294967295),
    ("rings", 51, 0.0, 9),
]


def generate(name, points, noise, seed):
    np.random.seed(seed)
    if name == "moons":
        return make_moons(n_samples=points, noise=noise)
    factor = 0.8 if name == "rings" else 0.5
    return make_circles(n_samples=points, noise=noise, factor=factor)


def main():
    lines = ["# made by scripts/sklearn_datasets.py with numpy %s, scikit-learn %s (python %s)"
             % (np.__version__, sklearn.__version__, sys.version.split()[0])]
    for name, points, noise, seed in CASES:
        X, y = generate(name, points, noise, seed)
        lines.append("set %s %d %r %d" % (name, points, noise, seed))
        for (x1, x2), label in zip(X, y):
            lines.append("point %r %r %d" % (float(x1), float(x2), int(label)))
    with open(OUT, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d lines)" % (os.path.relpath(OUT, ROOT), len(lines)))


if __name__ == "__main__":
    main()
