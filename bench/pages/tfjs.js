// The TensorFlow.js reference for one course iteration: the same network
// (2 → 4 tanh → 1 sigmoid), the same 400 flower points and the same initial
// weights (both taken from Sepal's wasm module, which makes the course's
// data and seed-3 weights), the same learning rate 1.2, full batch, the
// cost computed and read every iteration as the course does. Two ways:
// - "hand": the course's backward pass written out with tf ops in tf.tidy
//   (dZ2 = A2 − Y, dW2 = dZ2·A1ᵀ/m, db2, dZ1 = W2ᵀdZ2 ⊙ (1 − A1²), dW1, db1)
//   and the update W ← W − 1.2·dW as new tensors;
// - "minimize": tf.variable parameters, the course's cost as a function,
//   tf.train.sgd(1.2).minimize(f, true, vars) (autodiff).
// On the CPU backend and on the wasm backend (tfjs-backend-wasm; the page
// is not cross-origin isolated, so it runs its single-threaded SIMD build).

import init, { Playground } from "/pkg/sepal.js";
import { timeBatches } from "./timing.js";

const tf = globalThis.tf;
const LEARNING_RATE = 1.2;

function courseData() {
  const pg = new Playground({});
  // x1, x2, label of each point in turn.
  const train = pg.points().train;
  const params = pg.parameters();
  pg.free();
  const m = train.length / 3;
  const X = [new Float32Array(m), new Float32Array(m)];
  const Y = new Float32Array(m);
  for (let i = 0; i < m; i += 1) {
    X[0][i] = train[3 * i];
    X[1][i] = train[3 * i + 1];
    Y[i] = train[3 * i + 2];
  }
  return { m, X, Y, params };
}

function tensors(data) {
  const { m, X, Y, params } = data;
  const n_h = params.W1.length;
  return {
    m,
    X: tf.tensor2d([...X[0], ...X[1]], [2, m]),
    Y: tf.tensor2d(Y, [1, m]),
    W1: tf.tensor2d(params.W1.flat(), [n_h, 2]),
    b1: tf.tensor2d([params.b1].flat(2), [n_h, 1]),
    W2: tf.tensor2d([params.W2].flat(2), [1, n_h]),
    b2: tf.tensor2d([params.b2].flat(2), [1, 1]),
  };
}

/** The course's cost from A2: −Σ(Y log A2 + (1 − Y) log(1 − A2)) / m. */
function courseCost(A2, Y, m) {
  const logprobs = tf.add(tf.mul(tf.log(A2), Y), tf.mul(tf.log(tf.sub(1, A2)), tf.sub(1, Y)));
  return tf.div(tf.neg(tf.sum(logprobs)), m);
}

/** Hand-written backprop: a function doing n iterations, and the state. */
function handWritten(data) {
  const t = tensors(data);
  const { X, Y, m } = t;
  let p = { W1: t.W1, b1: t.b1, W2: t.W2, b2: t.b2 };
  const initial = { ...p };
  let lastCost = NaN;
  const iterate = () => {
    const next = tf.tidy(() => {
      const { W1, b1, W2, b2 } = p;
      // forward_propagation
      const Z1 = tf.add(tf.matMul(W1, X), b1);
      const A1 = tf.tanh(Z1);
      const Z2 = tf.add(tf.matMul(W2, A1), b2);
      const A2 = tf.sigmoid(Z2);
      // compute_cost
      const cost = courseCost(A2, Y, m);
      // backward_propagation
      const dZ2 = tf.sub(A2, Y);
      const dW2 = tf.div(tf.matMul(dZ2, A1, false, true), m);
      const db2 = tf.div(tf.sum(dZ2, 1, true), m);
      const dZ1 = tf.mul(tf.matMul(W2, dZ2, true, false), tf.sub(1, tf.square(A1)));
      const dW1 = tf.div(tf.matMul(dZ1, X, false, true), m);
      const db1 = tf.div(tf.sum(dZ1, 1, true), m);
      // update_parameters
      return {
        cost,
        W1: tf.sub(W1, tf.mul(LEARNING_RATE, dW1)),
        b1: tf.sub(b1, tf.mul(LEARNING_RATE, db1)),
        W2: tf.sub(W2, tf.mul(LEARNING_RATE, dW2)),
        b2: tf.sub(b2, tf.mul(LEARNING_RATE, db2)),
      };
    });
    lastCost = next.cost.dataSync()[0];
    next.cost.dispose();
    for (const key of ["W1", "b1", "W2", "b2"]) {
      if (p[key] !== initial[key]) p[key].dispose();
      p[key] = next[key];
    }
  };
  return {
    run(n) {
      for (let i = 0; i < n; i++) iterate();
    },
    reset() {
      for (const key of ["W1", "b1", "W2", "b2"]) {
        if (p[key] !== initial[key]) p[key].dispose();
      }
      p = { ...initial };
    },
    cost: () => lastCost,
    dispose() {
      this.reset();
      tf.dispose([X, Y, t.W1, t.b1, t.W2, t.b2]);
    },
  };
}

/** tf.train.sgd(1.2).minimize over tf.variables. */
function minimized(data) {
  const t = tensors(data);
  const { X, Y, m } = t;
  const vars = ["W1", "b1", "W2", "b2"].map((key) => tf.variable(t[key], true, `${key}_${Math.random()}`));
  const [W1, b1, W2, b2] = vars;
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const f = () => {
    const A1 = tf.tanh(tf.add(tf.matMul(W1, X), b1));
    const A2 = tf.sigmoid(tf.add(tf.matMul(W2, A1), b2));
    return courseCost(A2, Y, m);
  };
  let lastCost = NaN;
  return {
    run(n) {
      for (let i = 0; i < n; i++) {
        const cost = optimizer.minimize(f, true, vars);
        lastCost = cost.dataSync()[0];
        cost.dispose();
      }
    },
    reset() {
      ["W1", "b1", "W2", "b2"].forEach((key, i) => vars[i].assign(t[key]));
    },
    cost: () => lastCost,
    dispose() {
      optimizer.dispose();
      tf.dispose([...vars, X, Y, t.W1, t.b1, t.W2, t.b2]);
    },
  };
}

/** The cost after 1000 updates (as the course prints it) and the timing. */
function measure(make, data) {
  const run = make(data);
  run.run(1001);
  const cost1000 = run.cost(); // the cost computed in iteration 1000 (0-based)
  run.reset();
  const result = timeBatches((n) => run.run(n), { batchMs: 250, batches: 5, before: () => run.reset(), start: 8 });
  run.dispose();
  return { ...result, cost1000 };
}

globalThis.bench = {
  async run() {
    await init();
    const data = courseData();
    const out = { version: tf.version.tfjs, backends: {} };
    tf.wasm.setWasmPaths(new URL("../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url).href);
    for (const backend of ["cpu", "wasm"]) {
      const row = {};
      try {
        if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend("${backend}") failed`);
        await tf.ready();
        row.backend = tf.getBackend();
        if (backend === "wasm") row.simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
        if (backend === "wasm") row.threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
        const before = tf.memory().numTensors;
        row.hand = measure(handWritten, data);
        row.minimize = measure(minimized, data);
        row.leakedTensors = tf.memory().numTensors - before;
      } catch (e) {
        row.error = String(e && e.stack ? e.stack : e);
      }
      out.backends[backend] = row;
    }
    return out;
  },
};
