// The course's experiments, as data: what each one runs (its runs' settings,
// how many iterations, which view shows them) and each run's label.

import { format } from "./strings.js";

/** What each experiment runs: the runs' labels and settings, and how long. */
export const EXPERIMENTS = {
  sweep: {
    iterations: 5000,
    view: "multiples",
    runs: (s) => [1, 2, 3, 4, 5, 20, 50].map((n) => ({ value: n, settings: { ...s, model: "shallow", hiddenUnits: n } })),
  },
  "learning-rates": {
    iterations: 3000,
    view: "curves",
    runs: (s) => [0.01, 0.1, 0.5, 1.2, 2, 5].map((r) => ({ value: r, settings: { ...s, learningRate: r } })),
  },
  activations: {
    iterations: 3000,
    view: "curves",
    runs: (s) =>
      ["tanh", "relu", "leaky-relu", "sigmoid"].map((a) => ({ value: a, settings: { ...s, model: hidden(s), activation: a } })),
  },
  inits: {
    iterations: 3000,
    view: "curves",
    runs: (s) => ["zeros", "small", "large", "xavier", "he"].map((i) => ({ value: i, settings: { ...s, model: hidden(s), init: i } })),
  },
  optimizers: {
    iterations: 3000,
    view: "curves",
    runs: (s) => ["gd", "momentum", "rmsprop", "adam"].map((o) => ({ value: o, settings: { ...s, optimizer: o } })),
  },
  "batch-sizes": {
    iterations: 3000,
    view: "curves",
    // A batch no larger than the points (a person's few drawn points train in one batch anyway).
    runs: (s) => [1, 64, "all"].map((b) => ({ value: b, settings: { ...s, batchSize: b } })),
  },
  // #17: the Regularization notebook's table, live: no regularisation, L2
  // with λ = 0.7, dropout keeping 0.86, each with train and test accuracy.
  regularization: {
    iterations: 10000,
    view: "multiples",
    caption: "experiment.regularization.caption",
    runs: (s) =>
      [
        ["none", {}],
        ["l2", { l2: 0.7 }],
        ["dropout", { keepProb: 0.86 }],
      ].map(([value, change]) => ({ value, settings: { ...s, model: hidden(s), l2: 0, l1: 0, keepProb: 1, batchSize: "all", ...change } })),
  },
};

/**
 * Whether `kind` names an experiment: an own key of EXPERIMENTS, never one
 * every object inherits ("constructor", "__proto__", "toString", …).
 */
export function isExperiment(kind) {
  return typeof kind === "string" && Object.hasOwn(EXPERIMENTS, kind);
}

/** Activations and initialisations need a hidden layer to matter. */
const hidden = (settings) => (settings.model === "logistic" ? "shallow" : settings.model);

/** A run's label in the results: the value it changes, in the page's words. */
export function runLabel(text, kind, value) {
  switch (kind) {
    case "sweep":
      return format(text.sweepLabel, { n: value });
    case "learning-rates":
      return format(text.rateLabel, { rate: value });
    case "activations":
      return text[`activation.${value}`];
    case "optimizers":
      return text[`optimizer.${value}`];
    case "batch-sizes":
      return value === "all" ? text["batch-size.all"] : format(text["batch-size.value"], { value });
    case "regularization":
      return text[`experiment.regularization.${value}`];
    default:
      return text[`init.${value}`];
  }
}

