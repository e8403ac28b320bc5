#!/usr/bin/env python3
"""Reference fixtures for Sepal's Rust tests, made with numpy (and scikit-learn).

Sepal reimplements the Deep Learning course's Course 1 / Week 3 notebook
("Planar data classification with one hidden layer") in Rust. Its tests
compare against the numbers the course's own numpy code produces. This
script recomputes those numbers with numpy's legacy global generator
(`np.random.seed` / `np.random.randn`, exactly as the notebook uses it) and
writes them as plain-text files that Rust can parse without any crate.

Run from the repository root:

    python3 scripts/make_fixtures.py

It prints the numpy version it used, asserts the course's published values
(see /work/shared/REFERENCE.md) and writes, under
crates/sepal/tests/fixtures/:

  numpy_random.txt      the legacy MT19937 generator: doubles, scalar randn,
                        vector randn, and randn/double interleaved (the gauss
                        cache survives random_sample calls).
  flower.txt            the course's load_planar_dataset() (seed 1, m 400,
                        noise 0.2), one point per line.
  flower_seed7_m100_noise0.3.txt
                        the same generator with seed 7, m 100, noise 0.3.
  course_shallow.txt    nn_model, n_h 4, tanh, lr 1.2, 10000 iterations, seed 3:
                        initial weights, costs, parameters after 1000 updates,
                        accuracies; plus the seed-2 initialize_parameters
                        unit-test weights.
  course_logistic.txt   logistic regression by the same gradient descent, and
                        scikit-learn LogisticRegressionCV's training accuracy.
  course_sweep.txt      the hidden-layer-size table (n_h 1,2,3,4,5,20,50; 5000
                        iterations).
  activations.txt       the n_h 4 model with a relu / leaky relu / sigmoid
                        (and, for comparison, tanh) hidden layer.

File format (all files): lines starting with `#` are comments (the first says
which script and numpy version made the file). Every other line is
whitespace-separated tokens; the first token(s) say what the line is (each
file's header documents its line kinds). Floats are written with Python's
repr(), which is the shortest string that round-trips to the same f64, so
Rust's `str::parse::<f64>()` recovers the exact bits. Matrices are written as
`param NAME ROWS COLS v...` with values in row-major (C) order.

How the numpy code computes (for anyone aiming at bit-exactness in Rust):
  * forward:  Z1 = np.dot(W1, X) + b1; A1 = g(Z1); Z2 = np.dot(W2, A1) + b2;
              A2 = 1/(1+np.exp(-Z2))
  * cost:     -np.sum(np.log(A2)*Y + np.log(1-A2)*(1-Y)) / m
              (np.sum on a contiguous array uses numpy's pairwise summation)
  * backward: dZ2 = A2 - Y; dW2 = 1/m*dZ2@A1.T  (Python precedence:
              (1/m*dZ2) @ A1.T, i.e. scale dZ2 by the double 1/m first,
              then the product);
              db2 = (1/m) * np.sum(dZ2, axis=1, keepdims=True);
              dZ1 = np.dot(W2.T, dZ2) * g'(Z1 or A1);
              dW1 = 1/m*dZ1@X.T  (again: scale first, then the product);
              db1 = (1/m) * np.sum(dZ1, axis=1, keepdims=True)
              The notebook's own text writes (1/m) * np.dot(dZ2, A1.T) (the
              product first). The two orders differ only by ulps and agree
              on every cost to ~1e-15 through iteration 6000, but in the
              chaotic tail this numpy/OpenBLAS build gives final accuracy
              0.9075 (the published 90.75%) with scale-first and 0.905 with
              product-first; these fixtures use scale-first.
  * update:   W = W - lr * dW
  * logistic: dw = 1/m*dZ@X.T (scale first, likewise)
  np.dot goes through OpenBLAS (its summation order is its own) and
  np.tanh / np.exp / np.log may use SIMD kernels, so agreement with a scalar
  Rust implementation is expected to ~1e-15 relative per step, not bit-for-bit.
  At learning rate 1.2 the run is chaotic past roughly iteration 6500: costs
  from 7000 on and the final accuracy (0.9075 vs 0.905) can move with ulp
  differences; compare those loosely.

The script is deterministic: it uses only seeded legacy generators and pins
OpenBLAS to one thread.
"""

import os

# One BLAS thread, so the dot products sum in a fixed order run to run.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import sys  # noqa: E402

import numpy as np  # noqa: E402

SCRIPT = "scripts/make_fixtures.py"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "sepal", "tests", "fixtures")


def header(extra):
    """The header: provenance line, then the file's own description."""
    lines = ["# made by %s with numpy %s (python %s)"
             % (SCRIPT, np.__version__, sys.version.split()[0])]
    for line in extra.strip("\n").split("\n"):
        lines.append(("# " + line).rstrip())
    return lines


def write(name, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d lines)" % (os.path.relpath(path, ROOT), len(lines)))


def r(x):
    return repr(float(x))


def param(name, a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        a = a.reshape(1, 1)
    assert a.ndim == 2
    rows, cols = a.shape
    return "param %s %d %d %s" % (name, rows, cols,
                                  " ".join(r(v) for v in a.ravel(order="C")))


# --------------------------------------------------------------------------
# 1. numpy's legacy generator
# --------------------------------------------------------------------------

RNG_SEEDS = [0, 1, 2, 3, 42, 4294967295]


def make_numpy_random():
    lines = header("""
numpy's legacy global generator (np.random.seed / RandomState: MT19937,
init_genrand(seed), polar-method gauss with one cached value).
For each seed, a block:
  seed S                  starts the block; every group below re-seeds with S
  double v                (x10) np.random.random_sample(), one call each
  randn v                 (x11) np.random.randn(), one call each (odd count:
                          the 11th is a fresh pair's first value)
  randnvec v1 ... v7      np.random.randn(7)
  mixed KIND v            (x4) KIND is randn or double, in call order:
                          randn(), random_sample(), randn(), randn()
                          (the cached gauss survives the random_sample call,
                          so the 3rd value is the 1st pair's cached half)""")
    for s in RNG_SEEDS:
        lines.append("seed %d" % s)
        np.random.seed(s)
        for _ in range(10):
            lines.append("double " + r(np.random.random_sample()))
        np.random.seed(s)
        for _ in range(11):
            lines.append("randn " + r(np.random.randn()))
        np.random.seed(s)
        lines.append("randnvec " + " ".join(r(v) for v in np.random.randn(7)))
        np.random.seed(s)
        for kind in ("randn", "double", "randn", "randn"):
            v = np.random.randn() if kind == "randn" else np.random.random_sample()
            lines.append("mixed %s %s" % (kind, r(v)))
    # Reference checks (REFERENCE.md).
    np.random.seed(1)
    assert r(np.random.random_sample()) == "0.417022004702574"
    np.random.seed(1)
    assert [np.random.randn() for _ in range(3)] == [
        1.6243453636632417, -0.6117564136500754, -0.5281717522634557]
    # The cache claim, checked directly: seed 1, randn, double, randn gives
    # the same second gauss as seed 1, randn, randn.
    np.random.seed(1)
    g1 = np.random.randn(); np.random.random_sample(); g2 = np.random.randn()
    assert (g1, g2) == (1.6243453636632417, -0.6117564136500754)
    write("numpy_random.txt", lines)


# --------------------------------------------------------------------------
# 2. The flower dataset
# --------------------------------------------------------------------------

def load_planar_dataset(seed=1, m=400, noise=0.2):
    """The course's load_planar_dataset, with seed, m and noise as parameters."""
    np.random.seed(seed)
    N = int(m / 2)
    D = 2
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype="uint8")
    a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * noise
        rr = a * np.sin(4 * t) + np.random.randn(N) * noise
        X[ix] = np.c_[rr * np.sin(t), rr * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def write_flower(name, seed, m, noise):
    X, Y = load_planar_dataset(seed, m, noise)
    lines = header("""
load_planar_dataset(seed=%d, m=%d, noise=%r): N = m//2 points per class, a = 4,
class 0 first; t = linspace(j*3.12, (j+1)*3.12, N) + randn(N)*noise,
r = a*sin(4t) + randn(N)*noise, point = (r sin t, r cos t).
One point per line, in the dataset's column order:
  x1 x2 label""" % (seed, m, noise))
    for i in range(X.shape[1]):
        lines.append("%s %s %d" % (r(X[0, i]), r(X[1, i]), int(Y[0, i])))
    write(name, lines)
    return X, Y


def make_flowers():
    X, Y = write_flower("flower.txt", 1, 400, 0.2)
    assert (X[0, 0], X[1, 0]) == (1.204442292254319, 3.5761141481288448)
    assert (X[0, 399], X[1, 399]) == (0.7307808250007513, 3.0683292081876545)
    assert int((Y == 0).sum()) == 200 and int((Y == 1).sum()) == 200
    write_flower("flower_seed7_m100_noise0.3.txt", 7, 100, 0.3)
    return X, Y


# --------------------------------------------------------------------------
# 3.-6. The course's models
# --------------------------------------------------------------------------

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


# hidden activation: (g(Z), g'(Z, A))
ACTIVATIONS = {
    "tanh": (np.tanh, lambda Z, A: 1 - np.power(A, 2)),
    "relu": (lambda Z: np.maximum(0, Z), lambda Z, A: (Z > 0).astype(np.float64)),
    "leaky_relu": (lambda Z: np.where(Z > 0, Z, 0.01 * Z),
                   lambda Z, A: np.where(Z > 0, 1.0, 0.01)),
    "sigmoid": (sigmoid, lambda Z, A: A * (1 - A)),
}


def initialize_parameters(n_x, n_h, n_y):
    """The course's initialize_parameters (the caller seeds)."""
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward(X, p, act="tanh"):
    g = ACTIVATIONS[act][0]
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = g(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = sigmoid(Z2)
    return Z1, A1, A2


def cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    return float(-np.sum(logprobs) / m)


def accuracy(A2, Y):
    return float(np.mean((A2 > 0.5) == Y))


def nn_model(X, Y, n_h, iterations, lr=1.2, act="tanh", seed=3, record=None):
    """The course's nn_model. Returns (params, costs, snapshots).

    costs[i] is J at the parameters after i updates (the forward pass of
    iteration i, before its update); costs[iterations] is J at the final
    parameters. snapshots[i] is a copy of the parameters after i updates,
    for i in `record`.
    """
    record = set(record or ())
    Yf = Y.astype(np.float64)
    m = X.shape[1]
    np.random.seed(seed)
    p = initialize_parameters(X.shape[0], n_h, Y.shape[0])
    dg = ACTIVATIONS[act][1]
    costs = []
    snaps = {}
    for i in range(iterations):
        if i in record:
            snaps[i] = {k: v.copy() for k, v in p.items()}
        Z1, A1, A2 = forward(X, p, act)
        costs.append(cost(A2, Yf))
        dZ2 = A2 - Yf
        dW2 = np.dot((1 / m) * dZ2, A1.T)          # = 1/m*dZ2@A1.T
        db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
        dZ1 = np.dot(p["W2"].T, dZ2) * dg(Z1, A1)
        dW1 = np.dot((1 / m) * dZ1, X.T)           # = 1/m*dZ1@X.T
        db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
        p["W1"] = p["W1"] - lr * dW1
        p["b1"] = p["b1"] - lr * db1
        p["W2"] = p["W2"] - lr * dW2
        p["b2"] = p["b2"] - lr * db2
    if iterations in record:
        snaps[iterations] = {k: v.copy() for k, v in p.items()}
    costs.append(cost(forward(X, p, act)[2], Yf))
    return p, costs, snaps


SHALLOW_COST_AT = [0, 1, 2, 10, 100] + list(range(1000, 10000, 1000))


def make_course_shallow(X, Y):
    iters = 10000
    p, costs, snaps = nn_model(X, Y, 4, iters, record=[0, 1000, 5000])
    lines = header("""
The course's nn_model on flower.txt: n_h 4, tanh hidden, sigmoid output,
lr 1.2, 10000 iterations; np.random.seed(3) right before initialize_parameters
(W1 = randn(4,2)*0.01, b1 = 0, W2 = randn(1,4)*0.01, b2 = 0; randn fills
row-major). Gradients as in the script's docstring: dW2 = 1/m*dZ2@A1.T,
dW1 = 1/m*dZ1@X.T (scale first), db = (1/m)*sum(dZ).  Line kinds:
  param NAME ROWS COLS v...   a matrix, row-major. NAMEs: init_W1 init_b1
                              init_W2 init_b2 (seed 3), after1000_W1 ..
                              after1000_b2 (after 1000 updates), seed2_W1
                              seed2_b1 seed2_W2 seed2_b2 (the course's unit
                              test: np.random.seed(2); initialize_parameters(2,4,1))
  cost I J                    J = -sum(log(A2)*Y + log(1-A2)*(1-Y))/m at the
                              parameters after I updates (what iteration I
                              prints); cost 10000 is J at the final parameters
  accuracy I A                mean((A2 > 0.5) == Y) at the parameters after
                              I updates
Costs from 7000 on, cost 10000 and accuracy 10000 are in the chaotic part of
the run (ulp-level differences can move them; accuracy 10000 is 0.9075 here,
0.905 with the product-first gradient order or under tiny perturbations):
compare them loosely.""")
    for k in ("W1", "b1", "W2", "b2"):
        lines.append(param("init_" + k, snaps[0][k]))
    for i in SHALLOW_COST_AT + [iters]:
        lines.append("cost %d %s" % (i, r(costs[i])))
    for k in ("W1", "b1", "W2", "b2"):
        lines.append(param("after1000_" + k, snaps[1000][k]))
    acc = {}
    for i, params in ((1000, snaps[1000]), (5000, snaps[5000]), (iters, p)):
        acc[i] = accuracy(forward(X, params)[2], Y)
        lines.append("accuracy %d %s" % (i, r(acc[i])))

    np.random.seed(2)
    p2 = initialize_parameters(2, 4, 1)
    for k in ("W1", "b1", "W2", "b2"):
        lines.append(param("seed2_" + k, p2[k]))

    # Published values (REFERENCE.md).
    assert round(costs[0], 6) == 0.693162, costs[0]
    assert round(costs[1000], 6) == 0.258625, costs[1000]
    assert acc[iters] == 0.9075, acc[iters]
    assert np.array_equal(np.round(p2["W1"], 8), np.array(
        [[-0.00416758, -0.00056267], [-0.02136196, 0.01640271],
         [-0.01793436, -0.00841747], [0.00502881, -0.01245288]]))
    assert np.array_equal(np.round(p2["W2"], 8), np.array(
        [[-0.01057952, -0.00909008, 0.00551454, 0.02292208]]))
    write("course_shallow.txt", lines)
    print("shallow: cost0 %.6f cost1000 %.6f acc1000 %s acc5000 %s acc10000 %s"
          % (costs[0], costs[1000], acc[1000], acc[5000], acc[iters]))
    return costs, acc


def make_course_logistic(X, Y):
    iters, lr = 10000, 1.2
    Yf = Y.astype(np.float64)
    m = X.shape[1]
    np.random.seed(3)
    w = np.random.randn(1, 2) * 0.01
    b = np.zeros((1, 1))
    w0 = w.copy()
    costs = []
    for i in range(iters):
        A = sigmoid(np.dot(w, X) + b)
        costs.append(cost(A, Yf))
        dZ = A - Yf
        dw = np.dot((1 / m) * dZ, X.T)             # = 1/m*dZ@X.T
        db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        w = w - lr * dw
        b = b - lr * db
    A = sigmoid(np.dot(w, X) + b)
    costs.append(cost(A, Yf))
    acc_gd = accuracy(A, Y)

    from sklearn import __version__ as skv
    from sklearn.linear_model import LogisticRegressionCV
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # future-default notices only
        clf = LogisticRegressionCV()
        clf.fit(X.T, Y.ravel())
    acc_sk = float(np.mean(clf.predict(X.T) == Y.ravel()))

    lines = header("""
Logistic regression A = sigmoid(w X + b) on flower.txt by full-batch gradient
descent: np.random.seed(3); w = randn(1,2)*0.01; b = 0; lr 1.2; 10000
iterations; dZ = A - Y, dw = 1/m*dZ@X.T (= (1/m*dZ) @ X.T), db = (1/m)*sum(dZ).
And scikit-learn %s LogisticRegressionCV() (defaults) fit on (X.T, Y.ravel()).
Line kinds:
  param NAME ROWS COLS v...   init_w, init_b (seed 3), final_w, final_b
  cost I J                    J at the parameters after I updates (10000 =
                              final parameters)
  accuracy_gd I A             mean((A > 0.5) == Y) after I updates
  accuracy_sklearn A          LogisticRegressionCV training accuracy""" % skv)
    lines.append(param("init_w", w0))
    lines.append(param("init_b", np.zeros((1, 1))))
    for i in list(range(0, iters, 1000)) + [iters]:
        lines.append("cost %d %s" % (i, r(costs[i])))
    lines.append(param("final_w", w))
    lines.append(param("final_b", b))
    lines.append("accuracy_gd %d %s" % (iters, r(acc_gd)))
    lines.append("accuracy_sklearn %s" % r(acc_sk))
    assert round(acc_sk, 2) == 0.47, acc_sk
    write("course_logistic.txt", lines)
    print("logistic: gradient descent acc %s (cost %.6f), sklearn "
          "LogisticRegressionCV acc %s" % (acc_gd, costs[iters], acc_sk))
    return acc_gd, acc_sk


SWEEP = [1, 2, 3, 4, 5, 20, 50]


def make_course_sweep(X, Y):
    iters = 5000
    lines = header("""
The notebook's hidden-layer-size table: nn_model on flower.txt (tanh, lr 1.2,
np.random.seed(3) before initialize_parameters) for 5000 iterations each.
One line per size:
  n_h accuracy cost
accuracy = mean((A2 > 0.5) == Y) and cost = J, both at the parameters after
5000 updates. n_h 20 and 50 can move by one point (0.0025) under ulp-level
perturbations; compare those loosely.""")
    rows = []
    for n_h in SWEEP:
        p, costs, _ = nn_model(X, Y, n_h, iters)
        acc = accuracy(forward(X, p)[2], Y)
        rows.append((n_h, acc, costs[iters]))
        lines.append("%d %s %s" % (n_h, r(acc), r(costs[iters])))
    for n_h, acc, _ in rows:
        if n_h <= 2:
            assert 0.6 < acc < 0.72, (n_h, acc)
        else:
            assert 0.88 < acc < 0.93, (n_h, acc)
    write("course_sweep.txt", lines)
    print("sweep (n_h accuracy cost):")
    for n_h, acc, c in rows:
        print("  %2d %.4f %.6f" % (n_h, acc, c))
    return rows


ACT_COST_AT = [0, 1000, 2000]


def make_activations(X, Y):
    iters = 2000
    lines = header("""
The n_h 4 shallow model (seed 3 init, lr 1.2, sigmoid output) with other hidden
activations, 2000 iterations:
  tanh        g = np.tanh(Z),                      g' = 1 - A**2
  relu        g = np.maximum(0, Z),                g' = 1.0 if Z > 0 else 0.0
  leaky_relu  g = np.where(Z > 0, Z, 0.01*Z),      g' = 1.0 if Z > 0 else 0.01
  sigmoid     g = 1/(1+np.exp(-Z)),                g' = A*(1 - A)
Line kinds (ACT is one of the names above):
  ACT cost I J        J at the parameters after I updates (I = 0, 1000, 2000)
  ACT accuracy I A    mean((A2 > 0.5) == Y) after I = 2000 updates""")
    out = {}
    for act in ("tanh", "relu", "leaky_relu", "sigmoid"):
        p, costs, _ = nn_model(X, Y, 4, iters, act=act)
        acc = accuracy(forward(X, p, act)[2], Y)
        for i in ACT_COST_AT:
            lines.append("%s cost %d %s" % (act, i, r(costs[i])))
        lines.append("%s accuracy %d %s" % (act, iters, r(acc)))
        out[act] = ([costs[i] for i in ACT_COST_AT], acc)
    write("activations.txt", lines)
    print("activations (cost 0 / 1000 / 2000, accuracy 2000):")
    for act, (cs, acc) in out.items():
        print("  %-10s %s  acc %s" % (act, " / ".join("%.6f" % c for c in cs), acc))
    return out


def main():
    print("numpy %s" % np.__version__)
    os.makedirs(OUT, exist_ok=True)
    make_numpy_random()
    X, Y = make_flowers()
    make_course_shallow(X, Y)
    make_course_logistic(X, Y)
    make_course_sweep(X, Y)
    make_activations(X, Y)
    print("all reference checks passed")


if __name__ == "__main__":
    main()
