#!/usr/bin/env python3
"""The course's numpy code, timed: the reference for Sepal's iteration time.

This is the Deep Learning course's Course 1 / Week 3 notebook ("Planar data
classification with one hidden layer") as written there: `load_planar_dataset`,
`initialize_parameters`, `forward_propagation`, `compute_cost`,
`backward_propagation`, `update_parameters` and the loop of `nn_model` -
forward, the cost (as a Python float) every iteration, backward, update. The
only changes are the two knobs the scaling rows need (the number of points m
and the hidden layer size n_h) and the timing around the loop.

One timed "iteration" is one pass of nn_model's loop body. Each configuration
first checks (for the course's n_h 4, m 400) that the costs after iterations
0 and 1000 are the course's published 0.693162 and 0.258625, warms up, then
times batches of iterations with time.perf_counter and reports the fastest
batch's time per iteration, in microseconds (as timeit advises: other
processes only ever add time), with the median next to it.

numpy runs with its defaults (whatever BLAS threading this numpy build uses),
as a student running the notebook would.

Run from anywhere:  python3 bench/numpy_course.py [--quick]
Prints progress to stderr and, as its last stdout line, one JSON object.
"""

import copy
import json
import platform
import statistics
import sys
import time

import numpy as np


def load_planar_dataset(m=400):
    # The course's planar_utils.load_planar_dataset, with m as a parameter.
    np.random.seed(1)
    N = int(m / 2)  # number of points per class
    D = 2  # dimensionality
    X = np.zeros((m, D))  # data matrix where each row is a single example
    Y = np.zeros((m, 1), dtype="uint8")  # labels vector (0 for red, 1 for blue)
    a = 4  # maximum ray of the flower

    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2  # theta
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j

    X = X.T
    Y = Y.T
    return X, Y


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def layer_sizes(X, Y):
    n_x = X.shape[0]
    n_y = Y.shape[0]
    return (n_x, n_y)


def initialize_parameters(n_x, n_h, n_y):
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    return cost


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = copy.deepcopy(parameters["W1"])
    b1 = parameters["b1"]
    W2 = copy.deepcopy(parameters["W2"])
    b2 = parameters["b2"]
    W1 = W1 - learning_rate * grads["dW1"]
    b1 = b1 - learning_rate * grads["db1"]
    W2 = W2 - learning_rate * grads["dW2"]
    b2 = b2 - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def nn_model(X, Y, n_h, num_iterations, parameters=None, costs=None):
    """nn_model's loop; returns the parameters (and appends costs if asked)."""
    if parameters is None:
        np.random.seed(3)
        n_x, n_y = layer_sizes(X, Y)
        parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate=1.2)
        if costs is not None:
            costs.append(cost)
    return parameters


def time_config(m, n_h, batch_seconds, batches):
    """Microseconds per iteration: the fastest of `batches` timed batches."""
    X, Y = load_planar_dataset(m)
    parameters = nn_model(X, Y, n_h, 20)  # warm-up (and first allocations)
    # Calibrate the batch so that it takes about batch_seconds.
    start = time.perf_counter()
    parameters = nn_model(X, Y, n_h, 20, parameters)
    per = (time.perf_counter() - start) / 20
    iterations = max(10, int(batch_seconds / per))
    samples = []
    for _ in range(batches):
        start = time.perf_counter()
        parameters = nn_model(X, Y, n_h, iterations, parameters)
        samples.append((time.perf_counter() - start) / iterations * 1e6)
    return {
        "m": m,
        "n_h": n_h,
        "iterations_per_batch": iterations,
        "batches_us": [round(s, 3) for s in samples],
        "us": round(min(samples), 3),
        "median_us": round(statistics.median(samples), 3),
    }


def main():
    quick = "--quick" in sys.argv
    batch_seconds = 0.1 if quick else 0.4
    batches = 3 if quick else 5

    # The course's numbers first: this really is the course's computation.
    X, Y = load_planar_dataset()
    costs = []
    nn_model(X, Y, 4, 1001, costs=costs)
    check = {"cost_0": costs[0], "cost_1000": costs[1000]}
    if round(costs[0], 6) != 0.693162 or round(costs[1000], 6) != 0.258625:
        print(f"numpy_course.py: the costs are not the course's: {check}", file=sys.stderr)
        sys.exit(1)

    results = {}
    for name, m, n_h in [
        ("iteration", 400, 4),
        ("iteration_m4000", 4000, 4),
        ("iteration_m40000", 40000, 4),
        ("iteration_nh16", 400, 16),
        ("iteration_nh64", 400, 64),
    ]:
        row = time_config(m, n_h, batch_seconds, batches)
        print(f"numpy {name}: {row['us']:.1f} us/iteration", file=sys.stderr)
        results[name] = row

    out = {
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "course_check": check,
    }
    for name, row in results.items():
        out[f"numpy_{name}_us"] = row["us"]
    out["details"] = results
    print(json.dumps(out))


if __name__ == "__main__":
    main()
