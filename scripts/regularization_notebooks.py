#!/usr/bin/env python3
"""Reference values for the course's "Initialization" and "Regularization"
notebooks (Course 2, Week 1), made with the notebooks' own numpy code.

The functions below are the notebooks' helpers (init_utils.py, reg_utils.py)
and their `model` loops, copied in substance: ReLU, ReLU, sigmoid;
cross-entropy from the probabilities with `np.nansum`; L2 as
`compute_cost_with_regularization` / `backward_propagation_with_regularization`;
dropout as `forward_propagation_with_dropout` (which starts with
`np.random.seed(1)`, so every iteration uses the same masks) and
`backward_propagation_with_dropout`.

Run from the repository root:

    python3 scripts/regularization_notebooks.py

It asserts the published numbers (/work/shared/REFERENCE.md) and writes to
crates/sepal/tests/fixtures/:

  rings_train.txt, rings_test.txt   make_circles(300, noise .05) after
                                    np.random.seed(1), and (100) after seed(2):
                                    one `x1 x2 label` line per point, in order.
  football_train.txt, football_test.txt
                                    the notebook's data.mat (from
                                    /work/shared/data/football_*.csv).
  initialization.txt                the three inits: cost and accuracy lines.
  regularization.txt                baseline, L2 0.7, dropout 0.86.

Line kinds of initialization.txt and regularization.txt:
  cost RUN I J        the cost the notebook prints at iteration I (the
                      parameters after I updates; with dropout, the cost of
                      the dropped-out forward pass; with L2, including the
                      penalty). `inf` when numpy's log hit an exact 0.
  accuracy RUN SET A  mean((A3 > 0.5) == Y) after the last update, SET being
                      train or test, without dropout.
"""

import os
import sys

import numpy as np
import sklearn
import sklearn.datasets

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "crates", "sepal", "tests", "fixtures")
SHARED_DATA = "/work/shared/data"


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def forward_propagation(X, p):
    z1 = np.dot(p["W1"], X) + p["b1"]
    a1 = relu(z1)
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = relu(z2)
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = sigmoid(z3)
    return a3, (z1, a1, z2, a2, z3, a3)


def forward_propagation_with_dropout(X, p, keep_prob):
    np.random.seed(1)
    z1 = np.dot(p["W1"], X) + p["b1"]
    a1 = relu(z1)
    d1 = np.random.rand(a1.shape[0], a1.shape[1])
    d1 = (d1 < keep_prob).astype(int)
    a1 = a1 * d1
    a1 = a1 / keep_prob
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = relu(z2)
    d2 = np.random.rand(a2.shape[0], a2.shape[1])
    d2 = (d2 < keep_prob).astype(int)
    a2 = a2 * d2
    a2 = a2 / keep_prob
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = sigmoid(z3)
    return a3, (z1, d1, a1, z2, d2, a2, z3, a3)


def init_utils_backward(X, Y, cache):
    """init_utils.backward_propagation: 1/m applied to dz3 first."""
    m = X.shape[1]
    z1, a1, z2, a2, z3, a3 = cache
    dz3 = 1.0 / m * (a3 - Y)
    g = {"dW3": np.dot(dz3, a2.T), "db3": np.sum(dz3, axis=1, keepdims=True)}
    da2 = np.dot(P["W3"].T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    g["dW2"] = np.dot(dz2, a1.T)
    g["db2"] = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(P["W2"].T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    g["dW1"] = np.dot(dz1, X.T)
    g["db1"] = np.sum(dz1, axis=1, keepdims=True)
    return g


def reg_utils_backward(X, Y, cache, lambd=0.0, keep_prob=1.0):
    """reg_utils.backward_propagation, and the notebook's _with_regularization
    and _with_dropout versions (one of lambd, keep_prob at a time)."""
    m = X.shape[1]
    if keep_prob < 1:
        z1, d1, a1, z2, d2, a2, z3, a3 = cache
    else:
        z1, a1, z2, a2, z3, a3 = cache
    dZ3 = a3 - Y
    g = {"dW3": 1.0 / m * np.dot(dZ3, a2.T), "db3": 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)}
    dA2 = np.dot(P["W3"].T, dZ3)
    if keep_prob < 1:
        dA2 = dA2 * d2
        dA2 = dA2 / keep_prob
    dZ2 = np.multiply(dA2, np.int64(a2 > 0))
    g["dW2"] = 1.0 / m * np.dot(dZ2, a1.T)
    g["db2"] = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(P["W2"].T, dZ2)
    if keep_prob < 1:
        dA1 = dA1 * d1
        dA1 = dA1 / keep_prob
    dZ1 = np.multiply(dA1, np.int64(a1 > 0))
    g["dW1"] = 1.0 / m * np.dot(dZ1, X.T)
    g["db1"] = 1.0 / m * np.sum(dZ1, axis=1, keepdims=True)
    if lambd != 0:
        for l in (1, 2, 3):
            g["dW%d" % l] = g["dW%d" % l] + (lambd * P["W%d" % l]) / m
    return g


def compute_cost(a3, Y):
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return 1.0 / m * np.nansum(logprobs)


def compute_cost_with_regularization(a3, Y, lambd):
    m = Y.shape[1]
    l2 = (1 / m) * (lambd / 2) * (np.sum(np.square(P["W1"])) + np.sum(np.square(P["W2"])) + np.sum(np.square(P["W3"])))
    return compute_cost(a3, Y) + l2


def update_parameters(g, learning_rate):
    for l in (1, 2, 3):
        P["W%d" % l] = P["W%d" % l] - learning_rate * g["dW%d" % l]
        P["b%d" % l] = P["b%d" % l] - learning_rate * g["db%d" % l]


def initialize(dims, how):
    np.random.seed(3)
    p = {}
    for l in range(1, len(dims)):
        if how == "zeros":
            w = np.zeros((dims[l], dims[l - 1]))
        elif how == "large":
            w = np.random.randn(dims[l], dims[l - 1]) * 10
        elif how == "he":
            w = np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2.0 / dims[l - 1])
        else:  # reg_utils.initialize_parameters
            w = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p["W%d" % l] = w
        p["b%d" % l] = np.zeros((dims[l], 1))
    return p


def accuracy(X, Y):
    a3, _ = forward_propagation(X, P)
    return np.mean((a3[0, :] > 0.5) == (Y[0, :] > 0.5))


P = {}


def initialization_model(X, Y, init):
    global P
    P = initialize([X.shape[0], 10, 5, 1], init)
    costs = []
    for i in range(15000):
        a3, cache = forward_propagation(X, P)
        cost = compute_cost(a3, Y)
        g = init_utils_backward(X, Y, cache)
        update_parameters(g, 0.01)
        if i % 1000 == 0:
            costs.append((i, cost))
    return costs


def regularization_model(X, Y, lambd=0.0, keep_prob=1.0):
    global P
    P = initialize([X.shape[0], 20, 3, 1], "reg")
    costs = []
    for i in range(30000):
        if keep_prob == 1:
            a3, cache = forward_propagation(X, P)
        else:
            a3, cache = forward_propagation_with_dropout(X, P, keep_prob)
        cost = compute_cost(a3, Y) if lambd == 0 else compute_cost_with_regularization(a3, Y, lambd)
        g = reg_utils_backward(X, Y, cache, lambd, keep_prob)
        update_parameters(g, 0.3)
        if i % 10000 == 0 or i % 1000 == 0:
            costs.append((i, cost))
    return costs


def as_columns(points):
    return points[:, :2].T.copy(), points[:, 2:].T.copy()


def write_points(name, X, y):
    with open(os.path.join(FIXTURES, name), "w") as f:
        f.write(HEADER)
        for k in range(X.shape[0]):
            f.write("%r %r %d\n" % (float(X[k, 0]), float(X[k, 1]), int(y[k])))


HEADER = "# made by scripts/regularization_notebooks.py with numpy %s, scikit-learn %s (python %s)\n" % (
    np.__version__,
    sklearn.__version__,
    sys.version.split()[0],
)


def main():
    # The Initialization notebook's load_dataset.
    np.random.seed(1)
    train_X, train_y = sklearn.datasets.make_circles(n_samples=300, noise=0.05)
    np.random.seed(2)
    test_X, test_y = sklearn.datasets.make_circles(n_samples=100, noise=0.05)
    write_points("rings_train.txt", train_X, train_y)
    write_points("rings_test.txt", test_X, test_y)
    rings = {
        "train": (train_X.T, train_y.reshape(1, -1).astype(float)),
        "test": (test_X.T, test_y.reshape(1, -1).astype(float)),
    }

    # The Regularization notebook's data.mat.
    football = {}
    for part in ("train", "test"):
        pts = np.loadtxt(os.path.join(SHARED_DATA, "football_%s.csv" % part), delimiter=",", skiprows=1)
        write_points("football_%s.txt" % part, pts[:, :2], pts[:, 2])
        football[part] = as_columns(pts)

    lines = []
    expected_init = {"zeros": (0.5, 0.5), "large": (0.83, 0.86), "he": (0.9933333333333333, 0.96)}
    for init in ("zeros", "large", "he"):
        costs = initialization_model(*rings["train"], init)
        lines += ["cost %s %d %r" % (init, i, float(c)) for i, c in costs]
        acc = (accuracy(*rings["train"]), accuracy(*rings["test"]))
        lines += ["accuracy %s train %r" % (init, float(acc[0])), "accuracy %s test %r" % (init, float(acc[1]))]
        print(init, costs[0], costs[1], costs[-1], acc)
        assert acc == expected_init[init], (init, acc)
    he = dict(l.split()[2:] for l in lines if l.startswith("cost he"))
    assert float(he["1000"]) == 0.6879825919728063 or abs(float(he["1000"]) - 0.6879825919728063) < 1e-12
    write("initialization.txt", "The Initialization notebook: layers [2, 10, 5, 1] ReLU ReLU sigmoid,\n"
          "# lr 0.01, 15000 iterations, np.random.seed(3) before initialising; runs zeros, large (randn*10), he.", lines)

    lines = []
    expected_reg = {
        "baseline": ({}, (200 / 211, 0.915)),
        "l2": ({"lambd": 0.7}, (0.9383886255924171, 0.93)),
        "dropout": ({"keep_prob": 0.86}, (0.9289099526066351, 0.95)),
    }
    for run, (kwargs, expected) in expected_reg.items():
        costs = regularization_model(*football["train"], **kwargs)
        lines += ["cost %s %d %r" % (run, i, float(c)) for i, c in costs]
        acc = (accuracy(*football["train"]), accuracy(*football["test"]))
        lines += ["accuracy %s train %r" % (run, float(acc[0])), "accuracy %s test %r" % (run, float(acc[1]))]
        print(run, costs[0], costs[10], costs[-1], acc)
        assert acc == expected, (run, acc)
    write("regularization.txt", "The Regularization notebook: data.mat, layers [2, 20, 3, 1] ReLU ReLU sigmoid,\n"
          "# W = randn/sqrt(n_prev) after np.random.seed(3), lr 0.3, 30000 iterations; runs baseline,\n"
          "# l2 (lambd 0.7), dropout (keep_prob 0.86, np.random.seed(1) at every forward pass).", lines)


def write(name, what, lines):
    with open(os.path.join(FIXTURES, name), "w") as f:
        f.write(HEADER)
        f.write("# " + what + "\n")
        f.write("# Line kinds: cost RUN I J (printed at iteration I), accuracy RUN train|test A.\n")
        for line in lines:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
