"""The course's gradient-checking exercise (Course 2, Week 1, "Gradient
Checking"), its N-dimensional part as the notebook writes it, on the
notebook's own test case: a [4, 5, 3, 1] ReLU network, 3 examples.

Prints the difference with the notebook's two planted bugs (dW2 with a
factor 2, db1 with 4/m) and with them fixed, as JSON. The numbers in
crates/sepal/tests/gradient_check.rs come from this script:

    python3 scripts/gradcheck_course.py

It also runs the same check, with the same bugs, on Sepal's default model
at iteration 0: the planar notebook's flower (`load_planar_dataset`) and
its network (n_h = 4, tanh, np.random.seed(3) before the weights), the
numbers `sepal-cli gradcheck --json [--bug]` is compared with in
crates/sepal-cli/tests/cli.rs ("flowerBug", "flowerFixed").
"""
import json
import numpy as np


def test_case():
    np.random.seed(1)
    x = np.random.randn(4, 3)
    y = np.array([1, 1, 0])
    names = [("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)), ("b3", (1, 1))]
    return x, y, {name: np.random.randn(*shape) for name, shape in names}


def relu(x):
    return np.maximum(0, x)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def forward(X, Y, p):
    m = X.shape[1]
    Z1 = np.dot(p["W1"], X) + p["b1"]
    A1 = relu(Z1)
    Z2 = np.dot(p["W2"], A1) + p["b2"]
    A2 = relu(Z2)
    Z3 = np.dot(p["W3"], A2) + p["b3"]
    A3 = sigmoid(Z3)
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    cost = 1.0 / m * np.sum(logprobs)
    return cost, (Z1, A1, p["W1"], p["b1"], Z2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"])


def backward(X, Y, cache, bug):
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache
    dZ3 = A3 - Y
    dW3 = 1.0 / m * np.dot(dZ3, A2.T)
    db3 = 1.0 / m * np.sum(dZ3, axis=1, keepdims=True)
    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1.0 / m * np.dot(dZ2, A1.T) * (2 if bug else 1)
    db2 = 1.0 / m * np.sum(dZ2, axis=1, keepdims=True)
    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1.0 / m * np.dot(dZ1, X.T)
    db1 = (4.0 if bug else 1.0) / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2, "dW3": dW3, "db3": db3}


ORDER = ["W1", "b1", "W2", "b2", "W3", "b3"]


def to_vector(d, prefix=""):
    return np.concatenate([d[prefix + k].reshape((-1, 1)) for k in ORDER])


def to_dictionary(theta, shapes):
    out, start = {}, 0
    for k in ORDER:
        n = int(np.prod(shapes[k]))
        out[k] = theta[start:start + n].reshape(shapes[k])
        start += n
    return out


def gradient_check_n(parameters, gradients, X, Y, epsilon=1e-7):
    shapes = {k: v.shape for k, v in parameters.items()}
    values = to_vector(parameters)
    grad = to_vector(gradients, "d")
    n = values.shape[0]
    approx = np.zeros((n, 1))
    for i in range(n):
        plus = np.copy(values)
        plus[i][0] += epsilon
        minus = np.copy(values)
        minus[i][0] -= epsilon
        j_plus, _ = forward(X, Y, to_dictionary(plus, shapes))
        j_minus, _ = forward(X, Y, to_dictionary(minus, shapes))
        approx[i] = (j_plus - j_minus) / (2 * epsilon)
    numerator = np.linalg.norm(grad - approx)
    denominator = np.linalg.norm(grad) + np.linalg.norm(approx)
    return numerator / denominator


def flower():
    """The planar notebook's `load_planar_dataset`."""
    np.random.seed(1)
    m, N, a = 400, 200, 4
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype="uint8")
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    return X.T, Y.T


def shallow_initial():
    """The planar notebook's `initialize_parameters(2, 4, 1)` after np.random.seed(3)."""
    np.random.seed(3)
    return {"W1": np.random.randn(4, 2) * 0.01, "b1": np.zeros((4, 1)), "W2": np.random.randn(1, 4) * 0.01, "b2": np.zeros((1, 1))}


SHALLOW = ["W1", "b1", "W2", "b2"]


def shallow_cost(X, Y, p):
    m = X.shape[1]
    A1 = np.tanh(np.dot(p["W1"], X) + p["b1"])
    A2 = sigmoid(np.dot(p["W2"], A1) + p["b2"])
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    return -np.sum(logprobs) / m, A1, A2


def shallow_gradients(X, Y, p, bug):
    """The planar notebook's `backward_propagation`, with the exercise's bugs when asked."""
    m = X.shape[1]
    _, A1, A2 = shallow_cost(X, Y, p)
    dZ2 = A2 - Y
    dW2 = 1 / m * np.dot(dZ2, A1.T) * (2 if bug else 1)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.dot(p["W2"].T, dZ2) * (1 - np.power(A1, 2))
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = (4 if bug else 1) / m * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def shallow_check(X, Y, p, bug, epsilon=1e-7):
    """`gradient_check_n` over W1, b1, W2, b2."""
    values = np.concatenate([p[k].reshape((-1, 1)) for k in SHALLOW])
    grads = shallow_gradients(X, Y, p, bug)
    grad = np.concatenate([grads["d" + k].reshape((-1, 1)) for k in SHALLOW])
    approx = np.zeros_like(values)

    def params(theta):
        out, start = {}, 0
        for k in SHALLOW:
            n = p[k].size
            out[k] = theta[start:start + n].reshape(p[k].shape)
            start += n
        return out

    for i in range(values.shape[0]):
        plus, minus = np.copy(values), np.copy(values)
        plus[i][0] += epsilon
        minus[i][0] -= epsilon
        approx[i] = (shallow_cost(X, Y, params(plus))[0] - shallow_cost(X, Y, params(minus))[0]) / (2 * epsilon)
    return np.linalg.norm(grad - approx) / (np.linalg.norm(grad) + np.linalg.norm(approx))


if __name__ == "__main__":
    X, Y, parameters = test_case()
    _, cache = forward(X, Y, parameters)
    result = {
        bug: gradient_check_n(parameters, backward(X, Y, cache, bug == "bug"), X, Y)
        for bug in ["bug", "fixed"]
    }
    X, Y = flower()
    p = shallow_initial()
    result["flowerBug"] = shallow_check(X, Y, p, True)
    result["flowerFixed"] = shallow_check(X, Y, p, False)
    print(json.dumps(result))
