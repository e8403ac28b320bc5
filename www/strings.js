// Every string the <sepal-playground> element shows or throws, by language.
//
// Only `en` exists so far; a language table may leave keys out, and `strings`
// falls back to English for them. Templates name their values in braces,
// `{setting}`, and are filled in by `format`, never by concatenation, so that
// a translation can put the values where its grammar wants them.

const en = {
  // Loading and accessible names.
  loading: "Loading the model…",
  plotLabel: "The training points and the model's decision boundary",
  costChartLabel: "The cost after each iteration of this run",
  controlsLabel: "Training controls",
  readoutsLabel: "Training progress",

  // Axes and legend.
  axisX1: "x₁",
  axisX2: "x₂",
  legendClass0: "class 0",
  legendClass1: "class 1",
  legendBoundary: "p = 0.5",
  legendTest: "held-out points are drawn hollow",
  costChartTitle: "cost",
  costChartIterations: "iteration",
  thousands: "{value}k",

  // Readouts.
  iteration: "Iteration",
  cost: "Cost",
  trainAccuracy: "Training accuracy",
  testAccuracy: "Test accuracy",
  percent: "{value}%",
  notANumber: "—",

  // Buttons.
  play: "Play",
  pause: "Pause",
  playTitle: "Train continuously",
  pauseTitle: "Stop training",
  step: "Step",
  stepTitle: "Run one iteration of gradient descent",
  step100: "+100",
  step100Title: "Run 100 iterations",
  reset: "Reset",
  resetTitle: "Back to iteration 0 with the same data and the same starting weights",
  newSeed: "New weights",
  newSeedTitle: "Start again from different random initial weights",

  // Settings.
  dataset: "Dataset",
  "dataset.flower": "flower",
  "dataset.circles": "circles",
  "dataset.moons": "moons",
  "dataset.blobs": "blobs",
  "dataset.quantiles": "Gaussian quantiles",
  "dataset.xor": "XOR",
  "dataset.spiral": "spiral",
  "dataset.custom": "your own points",
  model: "Model",
  "model.logistic": "Logistic regression",
  "model.shallow": "One hidden layer",
  "model.deep": "Deep network",
  hiddenUnits: "Hidden units",
  layers: "Hidden layers",
  layersHint: "sizes, comma-separated",
  activation: "Activation",
  "activation.tanh": "tanh",
  "activation.relu": "ReLU",
  "activation.leaky-relu": "leaky ReLU",
  "activation.sigmoid": "sigmoid",
  learningRate: "Learning rate",
  speed: "Speed",
  speedPerSecond: "{speed} / s",
  speedMax: "maximum",
  speedTitle: "Iterations of gradient descent per second while playing",

  // The notice: rejected settings. {setting} is the URL/attribute name,
  // {value} the rejected text, {allowed} what would have been accepted.
  "problem.not-a-number": "{setting} = \"{value}\" is not a number: use {allowed}. Using {current} instead.",
  "problem.not-an-integer": "{setting} = \"{value}\" is not a whole number: use {allowed}. Using {current} instead.",
  "problem.out-of-range": "{setting} = \"{value}\" is out of range: use {allowed}. Using {current} instead.",
  "problem.unknown-choice": "{setting} = \"{value}\" is not one of the choices: use {allowed}. Using {current} instead.",
  "problem.empty": "{setting} is empty: use {allowed}. Using {current} instead.",
  problemOther: "{message}",
  "problem.unknown-setting": "\"{setting}\" is not a setting of this playground, so it was ignored.",
  dismiss: "Dismiss",

  // The notice: divergence. {reason} is one of the divergence.* texts.
  diverged:
    "Training diverged at iteration {iteration}: {reason}. Learning rate {learningRate} is too large — try ≤ {suggestion}, then reset.",
  "divergence.non-finite-cost": "the cost is no longer finite",
  "divergence.non-finite-parameter": "a weight is no longer finite",
  "divergence.cost-exploded": "the cost rose above 10× its start",

  // The notice: failures.
  crashed: "The model stopped with an internal error: {message}. Training has stopped.",
  rebuild: "Rebuild the model",
  buildFailed: "These settings cannot build a model: {message}",
  loadFailed: "The playground could not load its WebAssembly module: {message}",

  // Errors thrown to scripts.
  notReady: "<sepal-playground> is still loading: await element.ready first",
  stepType: "step(n): n must be a whole number of iterations, not {value}",
  stepRange: "step(n): n must be from 0 to {max}, not {value}",
};

const TABLES = { en };

/** The strings of `lang`, with English for anything it lacks. */
export function strings(lang) {
  const table = TABLES[lang];
  return table && table !== en ? { ...en, ...table } : en;
}

/** `template` with each `{name}` replaced by `values[name]`. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
