"""The course's "Optimization methods" notebook, its own code, on its own data:
the fixtures of crates/sepal/tests/optimization_notebook.rs.

    python3 scripts/optimization_notebook.py      # writes crates/sepal/tests/fixtures/optimization_*.txt

What it reproduces (../shared/REFERENCE.md, "Optimization methods"):
- data: np.random.seed(3); sklearn.datasets.make_moons(n_samples=300, noise=.2)
  (train_X is 2×300, the points as columns);
- layers [2, 5, 2, 1], ReLU, ReLU, sigmoid (opt_utils' forward/backward);
- initialize_parameters: np.random.seed(3), W = randn(n, n_prev)·√(2/n_prev), b = 0;
- model(): seed = 10 and seed += 1 at the start of every epoch, so epoch i
  (0-based) draws its batches after np.random.seed(11 + i): permutation(m),
  batches of 64 and a smaller last one (4 × 64 + 44);
- compute_cost is a SUM of the losses; the printed cost is the epoch's sum ÷ m;
- GD, momentum (β 0.9), Adam (β₁ 0.9, β₂ 0.999, ε 1e-8, t counting updates
  across epochs, both bias corrections), learning rate 0.0007;
- decay (lr 0.1, rate 1, updated after each epoch i with i, so epoch 1 still
  uses α₀): update_lr α₀/(1 + rate·i); schedule_lr_decay as the notebook
  publishes it, α₀/(1 + rate·i/1000) (no floor), and the lecture's floored
  step schedule α₀/(1 + rate·⌊i/1000⌋).

Files: optimization_permutations.txt (numpy's legacy permutation for a few
seeds and sizes; `--permutations` writes only it and the points),
optimization_moons.txt (the points), optimization_runs.txt (per run:
`epochcost RUN EPOCH COST` every 1000 epochs, `accuracy RUN EPOCHS ACC`, and
the Adam run's cost J of the whole training set after 1000 epochs for the
bit-identity pin, `fullcost RUN EPOCH J`).
"""

import math
import os
import platform
import sys

import numpy as np
import sklearn
from sklearn.datasets import make_moons

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "crates", "sepal", "tests", "fixtures")
HEADER = "# made by scripts/optimization_notebook.py with numpy %s, scikit-learn %s (python %s)\n" % (
    np.__version__,
    sklearn.__version__,
    platform.python_version(),
)


def load_dataset():
    np.random.seed(3)
    train_X, train_Y = make_moons(n_samples=300, noise=0.2)
    return train_X.T, train_Y.reshape((1, train_Y.shape[0]))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0, x)


def initialize_parameters(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    z1 = np.dot(W1, X) + b1
    a1 = relu(z1)
    z2 = np.dot(W2, a1) + b2
    a2 = relu(z2)
    z3 = np.dot(W3, a2) + b3
    a3 = sigmoid(z3)
    return a3, (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)


def backward_propagation(X, Y, cache):
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache
    dz3 = 1.0 / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


def compute_cost(a3, Y):
    logprobs = np.multiply(-np.log(a3), Y) + np.multiply(-np.log(1 - a3), 1 - Y)
    return np.sum(logprobs)


def predict_accuracy(X, y, parameters):
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    return np.mean(p[0, :] == y[0, :])


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete = math.floor(m / mini_batch_size)
    for k in range(0, num_complete):
        mini_batches.append(
            (
                shuffled_X[:, k * mini_batch_size : (k + 1) * mini_batch_size],
                shuffled_Y[:, k * mini_batch_size : (k + 1) * mini_batch_size],
            )
        )
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete * mini_batch_size :], shuffled_Y[:, num_complete * mini_batch_size :]))
    return mini_batches


def update_parameters_with_gd(parameters, grads, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters


def initialize_velocity(parameters):
    return {("d" + k): np.zeros_like(v) for k, v in parameters.items()}


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    for l in range(1, len(parameters) // 2 + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta * v[k] + (1 - beta) * grads[k]
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[k]
    return parameters, v


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    for l in range(1, len(parameters) // 2 + 1):
        for p in ("W", "b"):
            k = "d" + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            v_corrected = v[k] / (1 - beta1**t)
            s[k] = beta2 * s[k] + (1 - beta2) * np.power(grads[k], 2)
            s_corrected = s[k] / (1 - beta2**t)
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def update_lr(learning_rate0, epoch_num, decay_rate):
    return learning_rate0 / (1 + decay_rate * epoch_num)


def schedule_lr_decay_published(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * epoch_num / time_interval)


def schedule_lr_decay_floored(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval))


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9,
          beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1, on_epoch=None):
    """The notebook's model(); yields (epoch index, printed cost, parameters) after every epoch."""
    t = 0
    seed = 10
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters(layers_dims)
    v = initialize_velocity(parameters)
    s = initialize_velocity(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += compute_cost(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == "gd":
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == "momentum":
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == "adam":
                t = t + 1
                parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        yield i, cost_avg, parameters


RUNS = [
    # name, optimizer, learning rate, decay, epochs
    ("gd", "gd", 0.0007, None, 10000),
    ("momentum", "momentum", 0.0007, None, 10000),
    ("adam", "adam", 0.0007, None, 10000),
    ("gd-decay-epoch", "gd", 0.1, update_lr, 5000),
    ("gd-decay-interval-published", "gd", 0.1, schedule_lr_decay_published, 5000),
    ("momentum-decay-interval-published", "momentum", 0.1, schedule_lr_decay_published, 5000),
    ("adam-decay-interval-published", "adam", 0.01, schedule_lr_decay_published, 5000),
    ("gd-decay-interval", "gd", 0.1, schedule_lr_decay_floored, 5000),
    ("momentum-decay-interval", "momentum", 0.1, schedule_lr_decay_floored, 5000),
    ("adam-decay-interval", "adam", 0.01, schedule_lr_decay_floored, 5000),
]


def main():
    X, Y = load_dataset()
    with open(os.path.join(OUT, "optimization_moons.txt"), "w") as f:
        f.write(HEADER)
        f.write("# np.random.seed(3); make_moons(n_samples=300, noise=.2): one point per line, x1 x2 label\n")
        for k in range(X.shape[1]):
            f.write("%r %r %d\n" % (float(X[0, k]), float(X[1, k]), int(Y[0, k])))
    with open(os.path.join(OUT, "optimization_permutations.txt"), "w") as f:
        f.write(HEADER)
        f.write("# np.random.seed(SEED); np.random.permutation(M): SEED M then the permutation\n")
        for seed, m in [(11, 300), (12, 300), (5010, 300), (0, 1), (1, 2), (7, 10), (3, 65), (2**32 - 1, 1000)]:
            np.random.seed(seed)
            f.write("%d %d %s\n" % (seed, m, " ".join(str(int(k)) for k in np.random.permutation(m))))
    only = sys.argv[1:]
    if only == ["--permutations"]:
        return
    with open(os.path.join(OUT, "optimization_runs.txt"), "w") as f:
        f.write(HEADER)
        f.write("# The notebook's model() on optimization_moons.txt, layers [2, 5, 2, 1]; see the script.\n")
        f.write("# epochcost RUN I COST: the printed cost of epoch i (0-based), every 1000 epochs\n")
        f.write("# accuracy RUN EPOCHS ACC: training accuracy after that many epochs\n")
        f.write("# fullcost RUN EPOCHS J: the mean cross-entropy on all 300 points after that many epochs\n")
        for name, optimizer, lr, decay, epochs in RUNS:
            if only and name not in only:
                continue
            for i, cost, parameters in model(X, Y, [2, 5, 2, 1], optimizer, lr, decay=decay, num_epochs=epochs):
                done = i + 1
                if i % 1000 == 0:
                    f.write("epochcost %s %d %r\n" % (name, i, float(cost)))
                if done in (1000, 5000, 10000):
                    f.write("accuracy %s %d %r\n" % (name, done, float(predict_accuracy(X, Y, parameters))))
                    a3, _ = forward_propagation(X, parameters)
                    f.write("fullcost %s %d %r\n" % (name, done, float(compute_cost(a3, Y) / X.shape[1])))
            f.flush()
            print(name, "done", file=sys.stderr)


if __name__ == "__main__":
    main()
