// Over 500 lines because it is every English string in one table, so that a
// missing or extra key against strings-zh.js is one comparison.
//
// Every string the <sepal-playground> element shows or throws, by language:
// `en` here, `zh` in strings-zh.js (the course's Chinese terms), which is
// loaded only when a page shows Chinese (`loadStrings`: #15, what a page
// in English downloads and runs before its first frame). Every
// language has every key except the few in NEUTRAL, which read the same in
// any language (tests/strings.test.mjs checks); should one be missing,
// `strings` falls back to English for it. Templates name their values in
// braces, `{setting}`, and are filled in by `format`, never by
// concatenation, so that a translation can put the values where its
// grammar wants them.

const en = {
  locale: "en",
  // Loading and accessible names.
  loading: "Loading the model…",
  plotLabel: "The training points and the model's decision boundary",
  // The plot's text alternative, kept current: {model} is one of summary.*.
  plotSummary: "{dataset} data, {model}, iteration {iteration}: cost {cost}, training accuracy {accuracy}.",
  plotSummaryTest:
    "{dataset} data, {model}, iteration {iteration}: cost {cost}, training accuracy {accuracy}, test accuracy {testAccuracy}.",
  "summary.logistic": "logistic regression",
  "summary.shallow": "one hidden layer of {units} {activation} units",
  "summary.deep": "a deep network with hidden layers of {layers} {activation} units",
  costChartLabel: "The cost after each iteration of this run",
  controlsLabel: "Training controls",
  readoutsLabel: "Training progress",

  // Axes and legend.
  axisX1: "x₁",
  axisX2: "x₂",
  legendClass0: "class 0",
  legendClass1: "class 1",
  legendBoundary: "boundary, p = 0.5",
  legendTest: "held-out points are drawn hollow",
  costChartTitle: "Cost",
  costChartIterations: "iteration",
  accuracyChartTitle: "Accuracy",
  accuracyChartLabel: "The training and test accuracy after each iteration of this run",
  chartModeLabel: "What the chart shows",
  chartTrain: "training",
  chartTest: "test",
  thousands: "{value}k",

  // Readouts.
  iteration: "Iteration",
  cost: "Cost",
  trainAccuracy: "Training accuracy",
  testAccuracy: "Test accuracy",
  testCost: "Test cost",
  percent: "{value}%",
  notANumber: "—",
  noPointsYet: "no points yet",

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
  newSeedTitle: "Start again from different random initial weights (a new seed, shown in the link)",
  copyLink: "Copy link",
  copyLinkTitle: "Copy a link that reproduces these settings",
  linkCopied: "Link copied",
  linkCopyFailed: "Copy this link:",

  // Files: the model, the plot, the costs.
  filesLabel: "Save and load",
  saveModel: "Save model",
  saveModelTitle: "Download the model — settings, points, weights and iteration — as a JSON file",
  loadModel: "Load model",
  loadModelTitle: "Continue from a model JSON file saved here",
  savePlot: "Save plot",
  savePlotTitle: "Download the plot as a PNG image",
  copyCosts: "Copy costs",
  copyCostsTitle: "Copy the cost after each recorded iteration as CSV, to paste into a spreadsheet",
  costsCopied: "Cost history copied as CSV",
  costsCopyFailed: "Copy the cost history:",
  modelFileName: "sepal-model.json",
  plotFileName: "sepal-plot.png",
  modelLoaded: "Loaded the model from {name}.",
  modelFileFailed: "Could not load {name}: {reason}. Nothing was changed.",
  modelRejected: "This model cannot be loaded: {reason}",
  // Why a model file was refused: {field}, {name} are names in the file.
  "modelError.not-json": "it is not JSON ({message})",
  "modelError.not-an-object":
    "it is not a Sepal model: a model file is a JSON object with format, version, settings, iteration, parameters and points",
  "modelError.unreadable": "it cannot be read ({message})",
  "modelError.too-deep": "its values nest too deeply to be a model",
  "modelError.format": "format is {found}, not \"sepal-model\": this is not a Sepal model file",
  "modelError.version": "version {found} is not supported: this playground reads version 1",
  "modelError.missing": "{field} is missing",
  "modelError.wrong-type": "{field} must be {expected}",
  "modelError.setting": "in its settings, {setting} = \"{value}\" {problem}: use {allowed}",
  "modelError.unknown-setting": "in its settings, \"{setting}\" is not a setting",
  "modelError.too-many-points": "it has {count} points, more than the {max} allowed",
  "modelError.point-values": "point {n} of {list} has {count} values instead of x1, x2, label",
  "modelError.point-values.one": "point {n} of {list} has {count} value instead of x1, x2, label",
  "modelError.point-coordinate": "point {n} of {list} has a coordinate that is not a number from −{max} to {max}",
  "modelError.point-label": "point {n} of {list} has label {label}; labels are 0 or 1",
  "modelError.unknown-parameter": "parameters.{name} is not a parameter of {model}",
  "modelError.wrong-model": "the parameters are not those of {model}",
  "modelError.wrong-shape": "{name} is {found} but the settings need {expected}",
  "modelError.ragged-row": "row {row} of {name} has {found} numbers but the settings need {expected}",
  "modelError.not-finite": "{name} holds a value that is not a finite number",
  "modelError.layer-count": "the parameters have {found} layers but the settings need {expected}",
  "modelError.unpaired-layers": "W lists {weights} layers but b lists {biases}",
  "modelError.no-points": "it holds no training points (points.train is empty)",
  "modelError.data-mismatch":
    "its points are not the {dataset} data its settings describe (data seed, points, noise, held-out share): a file keeps the points it was saved with only as your own points",
  "modelError.split-mismatch": "it holds {found} held-out points where its held-out share makes {expected}",
  "modelError.parameter-too-large": "{name} holds a value beyond ±{max}, which no training produces",
  "modelError.too-big": "it is {size} MB, more than the {max} MB a model file may be",
  "modelError.too-many-values": "it holds more than {max} values, more than any model",
  "modelError.iteration": "iteration {value} is not a whole number from 0 to {max}",
  "modelType.object": "an object",
  "modelType.number": "a number",
  "modelType.text": "a string",
  "modelType.number-or-text": "a number or a string",
  "modelType.points": "a list of points [x1, x2, label]",
  "modelType.matrix": "a list of rows of numbers",
  "modelType.vector": "a list of numbers",
  "modelType.matrices": "a list of matrices, one per layer",
  "modelType.vectors": "a list of lists of numbers, one per layer",

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
  "thumb.custom": "draw your own",
  datasetsLabel: "Datasets",
  dataHeading: "Data",
  points: "Points",
  noise: "Noise",
  datasetSeed: "Data seed",
  newData: "New data",
  newDataTitle: "Draw the dataset again from a different random seed",
  testFraction: "Held out for testing",
  // Drawing your own points.
  drawHint: "Click the plot to add a point of the class chosen below (class 0 or class 1); shift-click adds the other class.",
  drawEmpty: "Click anywhere on the plot to add points; class 0 / class 1 below chooses their class, shift-click the other one.",
  drawClassLabel: "Class of new points",
  drawClass0: "class 0",
  drawClass1: "class 1",
  // A count's words: `key.one` for exactly 1 when the language has that form
  // (see counted()), else `key`.
  drawCount: "{count} points",
  "drawCount.one": "{count} point",
  undoPoint: "Undo",
  undoPointTitle: "Remove the last point added",
  clearPoints: "Clear",
  clearPointsTitle: "Remove all your points",
  importCsv: "Import CSV",
  importCsvTitle: "Load points from a CSV file with the columns x1,x2,label",
  exportCsv: "Export CSV",
  exportCsvTitle: "Save these points as a CSV file (x1,x2,label)",
  csvFileName: "sepal-points.csv",
  csvImported: "Imported {count} points from {name}.",
  "csvImported.one": "Imported {count} point from {name}.",
  csvFailed: "Could not import {name}: {message}. Nothing was changed.",
  csvColumns: "line {line} has {count} values instead of three (x1, x2, label)",
  "csvColumns.one": "line {line} has {count} value instead of three (x1, x2, label)",
  csvNumber: "line {line}: \"{value}\" is not a number from −1000000 to 1000000",
  csvLabel: "line {line}: the label must be 0 or 1, not \"{value}\"",
  csvTooMany: "more than {max} points",
  iterationCap: "Training stopped at iteration {max}, the most a model file can hold. Reset to train again.",
  csvEmpty: "it holds no points",
  pointsRejected: "These points cannot be used: {message}",
  model: "Model",
  "model.logistic": "Logistic regression",
  "model.shallow": "One hidden layer",
  "model.deep": "Deep network",
  hiddenUnits: "Hidden units",
  layers: "Hidden layers",
  init: "Initial weights",
  "init.zeros": "zeros",
  "init.small": "small (× 0.01)",
  "init.xavier": "Xavier",
  "init.he": "He",
  seed: "Weight seed",
  activation: "Activation",
  "activation.tanh": "tanh",
  "activation.relu": "ReLU",
  "activation.leaky-relu": "leaky ReLU",
  "activation.sigmoid": "sigmoid",
  learningRate: "Learning rate",
  speed: "Speed",
  "speed.value": "{value} / s",
  "speed.max": "maximum",
  // What each setting does: a control's tooltip, and its description for tools.
  datasetTitle: "The data set to classify",
  datasetSeedTitle: "Seeds the data set's points (and its train/test split)",
  pointsTitle: "How many points, m",
  noiseTitle: "The data set's noise scale",
  testFractionTitle: "The share of the points held out for testing",
  modelTitle: "The model: logistic regression, a shallow network (one hidden layer) or a deep network",
  hiddenUnitsTitle: "The units of the shallow model's hidden layer",
  layersTitle: "The deep model's hidden layer sizes, separated by commas or spaces",
  activationTitle: "The hidden layers' activation",
  initTitle: "How the weights start (small: randn·0.01)",
  learningRateTitle: "The learning rate α",
  seedTitle: "Seeds the initial weights",
  autoplayTitle: "Whether training starts once loaded (1), unless the system asks for reduced motion",
  langTitle: "The interface's language",
  speedTitle: "Iterations of gradient descent per second while playing",

  // Inside the network.
  networkHeading: "Inside the network",
  networkHint:
    "Each square shows what one hidden unit computes over the plane — orange where it is negative, blue where positive. The lines are the weights: thicker for larger, blue positive, orange negative. Hover over a line or a unit, or focus a unit with Tab, to read its values.",
  // #12: layout
  networkHowTo: "How to read it",
  strongestLinks: "Strongest {shown} of {total} links shown (the largest |w| of each layer).",
  dataSettingsHeading: "Data settings",
  modelSettingsLabel: "Model and training settings",
  drawHintTouch: "Tap the plot to add a point of the class chosen below (class 0 or class 1).",
  drawEmptyTouch: "Tap anywhere on the plot to add points; class 0 / class 1 below chooses their class.",
  drawChooseOwn: "This is a built-in dataset: choose “draw your own” to add points.",
  unitLabel: "layer {layer}, unit {unit}",
  outputLabel: "output",
  weightTooltip: "W[{layer}]: {from} → {to} = {value}",
  unitTooltip: "{name}: b = {bias}; weights in: {weights}",
  symmetryNote:
    "All {count} units of the first hidden layer have exactly the same weights. Started from zero, every unit gets the same gradient, so they stay identical however long you train — the layer is no better than a single unit. Try another initialisation.",

  // The formulas.
  formulasHeading: "Formulas",
  formulasHint:
    "What one iteration computes, in the course's notation, with this model's shapes. While it trains at {max} iterations per second or slower, the step being computed is highlighted.",
  "formulas.forward": "Forward propagation",
  "formulas.cost": "Cost function",
  "formulas.backward": "Backward propagation",
  "formulas.update": "Gradient descent",
  "formulas.shapes": "Shapes",
  showValues: "Show values",
  showValuesTitle: "Show the current weights and biases and their gradients",
  valuesHeading: "Values at iteration {iteration}",
  valuesNote: "dW and db are the gradients at these parameters: the next iteration subtracts α times them.",
  valuesTooMany:
    "This network has {count} parameters, too many to show here (at most {max}). Choose fewer hidden units to see every value.",

  // #14: the derivation of one example, and gradient checking
  derivationHeading: "One example: the computation graph",
  derivationClose: "Close the derivation",
  derivationHint:
    "The chain rule for the chosen point: the forward pass gives each weight's input (the forward-pass factor), the backward pass gives ∂L/∂z (the backward-pass factor); dW is their product. Averaged over the m training points, these are the gradients the next update uses.",
  derivationThisPoint: "This point",
  derivationAllPoints: "All points (average)",
  derivationViewLabel: "Which numbers",
  derivationStepThrough: "Step through",
  derivationNextStep: "Next step",
  derivationTrainPoint: "Training point",
  derivationTestPoint: "Held-out point",
  derivationPointLine: "{set} {index}: x = ({x1}, {x2}), y = {y}, prediction a = ŷ = {a}",
  derivationMeanOf: "Every value averaged over the {m} training points: dW here is the batch's (1/m) Σᵢ dW⁽ⁱ⁾",
  derivationGraphLabel: "Computation graph: inputs, each layer's units with z, a and dz, then the loss; each weight an edge with W and dW",
  derivationMoreUnits: "+{count} more",
  derivationFewerUnits: "Show fewer",
  derivationForward: "Forward propagation",
  derivationBackward: "Backward propagation (the chain rule)",
  derivationForwardFactor: "forward-pass factor: the weight's input",
  derivationBackwardFactor: "backward-pass factor: dz of its unit",
  derivationBatch: "batch (1/{m}) Σᵢ: {value}",
  derivationStepStatus: "Step {step} of {count}: {term}",
  pointKeysHint: "Arrow keys choose a point and show its derivation; Escape closes it.",
  pointStatusTrain: "Training point {index} of {count}: x₁ = {x1}, x₂ = {x2}, label {label}; the model's probability of class 1: {probability}. Its derivation is below.",
  pointStatusTest: "Held-out point {index} of {count}: x₁ = {x1}, x₂ = {x2}, label {label}; the model's probability of class 1: {probability}. Its derivation is below.",
  gradcheckHeading: "Gradient checking",
  gradcheckHint:
    "Backprop's dW and db against the two-sided difference gradapprox = (J(θ + ε) − J(θ − ε)) / 2ε for every parameter, at the current parameters, with the course's ε = 1e-7; difference = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂).",
  gradcheckRun: "Check gradients",
  gradcheckBug: "Plant a bug (dW2 × 2, db1 with 4/m, as the course's exercise)",
  gradcheckOk: "difference = {difference}: below {threshold}, backpropagation is correct.",
  gradcheckMistake: "difference = {difference}: above {threshold}, there is a mistake in backpropagation.",
  gradcheckAt: "At iteration {iteration}, {count} parameters, ε = {epsilon}.",
  gradcheckFlagged: "Parameters where backprop and gradapprox disagree: {count}",
  gradcheckParameter: "Parameter",
  gradcheckBackprop: "Backprop",
  gradcheckApprox: "gradapprox",
  gradcheckGap: "|difference|",
  gradcheckAll: "Show all {count}",
  gradcheckFewer: "Show fewer",
  gradcheckOptionsType: "gradientCheck(options): options must be an object like {epsilon: 1e-7, bug: false}, not {value}",
  gradcheckEpsilon: "gradientCheck({epsilon}): epsilon must be a number above 0 and at most 1, not {value}",
  gradcheckTooBig:
    "gradientCheck() would block the page for more than about a second with {count} parameters and {m} training points (at most {max} parameters with {m} points): press Check gradients in the Gradient checking panel, which checks in parts and keeps the page responsive, or run sepal-cli gradcheck.",
  gradcheckBugType: "gradientCheck({bug}): bug must be true or false, not {value}",
  pointSet: "{method}(index, set): set must be \"train\" or \"test\", not {value}",
  pointIndexType: "{method}(index): index must be a whole number, not {value}",
  pointIndexRange: "{method}(index, set): there is no {set} point {index}; they are numbered 0 to {last}",
  pointNone: "{method}(index, set): there are no {set} points",

  // The experiments.
  experimentsHeading: "Experiments",
  experimentsHint:
    "The course's experiments, one click each. Every run starts from the settings above with one thing changed; they train side by side without freezing the page.",
  "experiment.sweep": "Hidden layer sizes",
  "experiment.sweep.title": "Train n_h = 1, 2, 3, 4, 5, 20 and 50 for 5000 iterations each, as in the notebook",
  "experiment.sweep.heading": "Accuracy vs hidden layer size, {iterations} iterations each",
  "experiment.learning-rates": "Learning rates",
  "experiment.learning-rates.title": "The cost curves of learning rates 0.01, 0.1, 0.5, 1.2, 2 and 5",
  "experiment.learning-rates.heading": "Cost for different learning rates, {iterations} iterations",
  "experiment.activations": "Activations",
  "experiment.activations.title": "The cost curves of tanh, ReLU, leaky ReLU and sigmoid hidden units",
  "experiment.activations.heading": "Cost for different activations, {iterations} iterations",
  "experiment.inits": "Initialisations",
  "experiment.inits.title": "The cost curves of zero, small, Xavier and He initial weights",
  "experiment.inits.heading": "Cost for different initialisations, {iterations} iterations",
  sweepLabel: "n_h = {n}",
  rateLabel: "α = {rate}",
  sweepCaption: "{label}: {accuracy} %",
  runResult: "cost {cost}, accuracy {accuracy} %",
  runDiverged: "diverged at iteration {iteration}",
  // #12: teaching details
  hideValues: "Hide values",
  chartAxisIteration: "iteration",
  chartAxisCost: "cost",
  chartAxisAccuracy: "accuracy",
  chartAxes: "{label} (horizontal axis: {x}; vertical axis: {y})",
  useRun: "Use these settings",
  useRunLabel: "Use the settings of {label} in the main plot, from iteration 0",
  runUsed: "The main plot now uses the settings of {label}, from iteration 0.",
  stalled: "The cost has hardly moved: this network is not learning these points.",
  tryNetwork: "Try a deep network: layers {layers}, {init} weights",
  experimentProgress: "Training… {percent}%",
  cancelExperiment: "Cancel",
  experimentCancelled: "The experiment was cancelled",
  unknownExperiment: "There is no experiment \"{kind}\": use {kinds}",

  // The notice: rejected settings. {setting} is the URL/attribute name,
  // {value} the rejected text, {allowed} what would have been accepted.
  "problem.not-a-number": "{setting} = \"{value}\" is not a number: use {allowed}. Using {current} instead.",
  "problem.not-an-integer": "{setting} = \"{value}\" is not a whole number: use {allowed}. Using {current} instead.",
  "problem.out-of-range": "{setting} = \"{value}\" is out of range: use {allowed}. Using {current} instead.",
  "problem.unknown-choice": "{setting} = \"{value}\" is not one of the choices: use {allowed}. Using {current} instead.",
  "problem.empty": "{setting} is empty: use {allowed}. Using {current} instead.",
  // #12: typing mistakes and "run to". A comma in a number is refused in
  // every language (a link must mean the same everywhere), never read as 12.
  "problem.comma": "{setting} = \"{value}\" has a comma: write decimals with a point (1.2) and thousands without a separator (1000). Using {current} instead.",
  "problem.empty-item": "{setting} = \"{value}\" has an empty item between commas: use {allowed}. Using {current} instead.",
  "problemShort.comma": "has a comma (write decimals with a point, 1.2, and thousands without a separator, 1000)",
  "problemShort.empty-item": "has an empty item between commas",
  // Beside a field, for a value typed into it: {label} is the field's label.
  "field.problem": "{label}: “{value}” {problem}. Use {allowed}.",
  "field.empty": "{label} is empty. Use {allowed}.",
  "field.comma.decimal": "{label}: “{value}” has a decimal comma. Use a point: {point}.",
  "field.comma.whole": "{label}: “{value}” has a comma. Write whole numbers without separators: {digits}.",
  "field.empty-item": "{label}: “{value}” has an empty item between commas. Use {allowed}.",
  runTo: "Run to",
  runToLabel: "Run to iteration",
  runToTitle: "Plays and stops exactly at this iteration (Enter starts it)",
  runToAllowed: "a whole number of iterations, e.g. 10000",
  runToTarget: "→ {target}",
  runToReached: "Reached iteration {target}.",
  runToStopped: "Stopped at iteration {iteration}, before {target}.",
  runToPast: "Iteration {target} is already behind: training is at iteration {iteration}. Choose a larger number.",
  runToType: "runTo(n): n must be a whole number of iterations, not {value}",
  problemOther: "{message}",
  // The same problems inside a sentence (a model file's settings).
  "problemShort.not-a-number": "is not a number",
  "problemShort.not-an-integer": "is not a whole number",
  "problemShort.out-of-range": "is out of range",
  "problemShort.unknown-choice": "is not one of the choices",
  "problemShort.empty": "is empty",
  // {allowed}: what a setting accepts, one template per kind of value
  // (setting-fields.js fills them in from the setting's row of the table).
  "allowed.choice": "{choices}",
  "allowed.integer": "a whole number from {min} to {max}",
  "allowed.integer-or-word": "a whole number from {min} to {max}, or {word}",
  "allowed.number.from-to": "a number from {min} to {max}",
  "allowed.number.from-below": "a number from {min} up to (not including) {max}",
  "allowed.number.above-to": "a number above {min} and at most {max}",
  "allowed.number.above-below": "a number above {min} and below {max}",
  "allowed.sizes": "1 to {maxCount} whole numbers from {min} to {max}, separated by commas or spaces, e.g. {example}",
  "allowed.flag": "0 or 1",
  "problem.unknown-setting": "\"{setting}\" is not a setting of this playground, so it was ignored.",
  dismiss: "Dismiss",

  // The notice: divergence. {reason} is one of the divergence.* texts.
  diverged:
    "Training diverged at iteration {iteration}: {reason}. Learning rate {learningRate} is too large — type ≤ {suggestion} in Learning rate and training restarts from the initial weights.",
  "divergence.non-finite-cost": "the cost is no longer finite",
  "divergence.non-finite-parameter": "a weight is no longer finite",
  "divergence.cost-exploded": "the cost rose above 10× its start",

  // #12: plot states, divergence recovery, your own points
  "plotState.no-points": "No points yet — click the plot to add some, or import a CSV.",
  "plotState.diverged": "Training diverged, so the plot shows no trained boundary — type a smaller learning rate and training restarts.",
  "plotState.identical-uniform":
    "Every weight starts at 0, so all hidden units stay identical and the output is the same everywhere — choose small random initial weights.",
  "plotState.identical":
    "All hidden units have the same weights, so the network is no better than one unit and puts the whole view in one class — choose small random initial weights.",
  "plotState.uniform":
    "The model gives every point of the plane the same probability, so there is no boundary to draw — press Play to train, or choose other initial weights or another activation.",
  "plotState.one-class-0":
    "The whole view is class 0: the 0.5 line lies outside it — keep training, or try more hidden units or another learning rate.",
  "plotState.one-class-1":
    "The whole view is class 1: the 0.5 line lies outside it — keep training, or try more hidden units or another learning rate.",
  "plotState.only-class-0": "Every point is class 0, so the whole view is class 0 — add points of class 1 to give it a boundary to learn.",
  "plotState.only-class-1": "Every point is class 1, so the whole view is class 1 — add points of class 0 to give it a boundary to learn.",
  restartedRate: "Learning rate now {learningRate}: training restarted from the initial weights.",
  linkWithoutPoints:
    "A link carries settings, not points: your {count} points travel as a CSV file or in a model file. Export them too and share the file with the link.",
  "linkWithoutPoints.one":
    "A link carries settings, not points: your point travels as a CSV file or in a model file. Export it too and share the file with the link.",
  drawnPoints: "{count} drawn",
  drawnPointsTitle: "Your own points: add them on the plot or import a CSV",

  // The notice: notes for the page's author and reader.
  controlsUnknown:
    "controls: \"{name}\" is not a control, so it was ignored. Use {names}.",
  reducedMotionAutoplay:
    "Training did not start by itself because your device asks for reduced motion. Press Play to train.",
  playDuringExperiment:
    "The training is paused while an experiment runs: Play works again once the experiment finishes or is cancelled.",
  cancelTheExperiment: "Cancel the experiment",

  // The notice: failures.
  crashed: "The model stopped with an internal error: {message}. Training has stopped.",
  rebuild: "Rebuild the model",
  buildFailed: "These settings cannot build a model: {message}",
  loadFailed: "The playground could not load its WebAssembly module: {message}",

  // Errors thrown to scripts.
  notReady: "<sepal-playground> is still loading: await element.ready first",
  stepType: "step(n): n must be a whole number of iterations, not {value}",
  stepRange: "step(n): n must be from 0 to {max}, not {value}",
  // #15: budget
  stepTooLong:
    "step({value}) would block the page for more than about a second with {parameters} parameters and {points} training points (at most {max} iterations here): use train(n), which returns a Promise and keeps the page responsive",
  trainType: "train(n): n must be a whole number of iterations, not {value}",
  trainRange: "train(n): n must be 0 or more, and the iteration stay below {max}, not {value}",
  trainStopped: "train(n): training stopped at iteration {iteration}, before {target}",

  // #14: derivation graph
  derivationGraphForward: "→ forward propagation: node by node, x to L(a, y)",
  derivationGraphBackward: "← backward propagation (the chain rule): dz at each node, dW = a_prev · dz on each edge",
  derivationFactorProduct: "forward-pass factor × backward-pass factor",
  derivationEdgesShown: "The {shown} strongest of these {count} weights are drawn; the terms below list those too.",

  // #17: input features — the network's inputs, functions of the point.
  features: "Input features",
  featuresTitle:
    "What the network takes in: functions of the point (x₁, x₂), one column of W[1] each. With x₁² and x₂², logistic regression can draw a circle.",
  "features.x1": "x₁",
  "features.x2": "x₂",
  "features.x1sq": "x₁²",
  "features.x2sq": "x₂²",
  "features.x1x2": "x₁x₂",
  "features.sinx1": "sin x₁",
  "features.sinx2": "sin x₂",
  "allowed.names": "one or more of {choices}, each once, separated by commas",
  "problem.repeated": "{setting} = \"{value}\" names a value twice: use {allowed}. Using {current} instead.",
  "problemShort.repeated": "names a value twice",
  inputLabel: "input {name}",
  inputTooltip: "input {name}: its value over the plot",
  // #16: optimisers
  epoch: "Epoch",
  notebook: "Notebook",
  "notebook.planar": "Planar data (part 1)",
  "notebook.initialization": "Initialization",
  "notebook.regularization": "Regularization",
  "notebook.optimization": "Optimization methods",
  notebookTitle: "Sets the data, network, initialisation, learning rate and optimiser of one of the course's notebooks; settings after it override it",
  optimizer: "Optimizer",
  "optimizer.gd": "gradient descent",
  "optimizer.momentum": "momentum",
  "optimizer.rmsprop": "RMSprop",
  "optimizer.adam": "Adam",
  optimizerTitle: "The update rule: gradient descent, momentum, RMSprop or Adam (a new one restarts from the initial weights)",
  batchSize: "Batch size",
  "batch-size.all": "all (full batch)",
  "batch-size.value": "{value}",
  batchSizeTitle: "Examples per update: each epoch shuffles the training points and cuts them into batches of this size, or all of them at once",
  beta1: "β₁",
  beta1Title: "Momentum's β and Adam's β₁: how much of the running average of the gradients is kept",
  beta2: "β₂",
  beta2Title: "RMSprop's and Adam's β₂: how much of the running average of the squared gradients is kept",
  epsilon: "ε",
  epsilonTitle: "RMSprop's and Adam's ε, which keeps the division finite",
  decay: "Learning-rate decay",
  "decay.none": "none",
  "decay.epoch": "every epoch",
  "decay.interval": "in steps",
  decayTitle: "α = α₀/(1 + rate·epoch), or in steps α₀/(1 + rate·⌊epoch/interval⌋)",
  decayRate: "Decay rate",
  decayRateTitle: "The decay's rate",
  decayInterval: "Decay interval",
  decayIntervalTitle: "Epochs between the steps of the step schedule",
  "formulas.update.momentum": "Gradient descent with momentum",
  "formulas.update.rmsprop": "RMSprop",
  "formulas.update.adam": "Adam",
  "experiment.optimizers": "Optimizers",
  "experiment.optimizers.title": "Gradient descent, momentum, RMSprop and Adam from the same initial weights: their cost curves",
  "experiment.optimizers.heading": "Cost for different optimizers, {iterations} updates",
  "experiment.batch-sizes": "Batch sizes",
  "experiment.batch-sizes.title": "Batches of 1, 64 and all the points from the same initial weights: their cost curves",
  "experiment.batch-sizes.heading": "Cost for different batch sizes, {iterations} updates",
  // #17: the second part's datasets (rings, football) and a test set of its own
  "dataset.rings": "rings",
  "dataset.football": "football",
  "datasetTitle.rings": "scikit-learn's make_circles with its factor 0.8: the Initialization notebook's two close circles",
  "datasetTitle.football":
    "The Regularization notebook's data: where a goalkeeper's kicks were headed, by a French player (blue) or the other team's (red)",
  testPoints: "Test points",
  testPointsTitle:
    "A test set of this many points drawn on its own, with the data seed + 1 (as the course's notebooks draw theirs); 0 holds out a share instead",
  footballFixed:
    "The football data are the notebook's fixed 211 training and 200 test points: points, noise, data seed and the test set do not apply.",
  "problem.does-not-apply":
    "{setting} = \"{value}\" does not apply to the football data (its 211 training and 200 test points are fixed), so it was ignored.",
  // #17: regularisation
  "init.large": "large (× 10)",
  l2: "L2 λ",
  l2Title: "L2 regularisation λ: J gains λ/(2m)·Σ‖W‖², and each update shrinks the weights by α·λ/m·W (0: off)",
  l1: "L1 λ₁",
  l1Title: "L1 regularisation λ₁: J gains λ₁/m·Σ|W|, and each update moves every weight α·λ₁/m towards 0 (a weight at exactly 0 is pulled by the data only; 0: off)",
  keepProb: "Keep probability",
  keepProbTitle: "Dropout: each training iteration keeps a hidden unit with this probability and scales what is kept by 1/keep-prob; accuracy, test cost and the map use every unit (1: off)",
  dropoutMasks: "Dropout masks",
  "dropout-masks.fresh": "fresh",
  "dropout-masks.fixed": "fixed (the notebook’s)",
  dropoutMasksTitle: "Fresh: new units dropped every iteration. Fixed: the Regularization notebook reseeds numpy with 1 before every pass, so it drops the same units in all iterations",
  "experiment.regularization": "Regularisation",
  "experiment.regularization.title": "Train without regularisation, with L2 (λ = 0.7) and with dropout (keep 0.86), as in the Regularization notebook: train and test accuracy, boundaries side by side",
  "experiment.regularization.heading": "Train and test accuracy with and without regularisation, {iterations} iterations each",
  "experiment.regularization.caption": "{label}: train {train} %, test {test} %",
  "experiment.regularization.none": "none",
  "experiment.regularization.l2": "L2, λ = 0.7",
  "experiment.regularization.dropout": "dropout, keep 0.86",

  // #16/#17: the notebook a run reproduces, and its result beside Sepal's
  notebookDiffers: "These settings differ from the runs of the course's “{notebook}” notebook: its numbers do not apply.",
  notebookReports: "The course's “{notebook}” notebook ({run}) reports {at}: {result}.",
  notebookAtEpoch: "after {count} epochs",
  notebookAtIteration: "after {count} iterations",
  notebookTrain: "training accuracy {train}",
  notebookTrainTest: "training accuracy {train}, test accuracy {test}",
  notebookSepal: "Sepal here: {result}.",
  notebookRunTo: "Run to the notebook's length ({at})",
  "notebookRun.gd": "gradient descent",
  "notebookRun.momentum": "momentum",
  "notebookRun.adam": "Adam",
  "notebookRun.he": "He initialisation",
  "notebookRun.zeros": "zero initialisation",
  "notebookRun.large": "large random initialisation",
  "notebookRun.none": "no regularisation",
  "notebookRun.l2": "L2, λ = 0.7",
  "notebookRun.dropout": "dropout, keep_prob = 0.86",
  // #17: large initial weights saturate the output; dropout masks, fixed or fresh
  "plotState.saturated":
    "The large initial weights (× 10) saturate the sigmoid: its outputs round to exactly 0 or 1, so each wrongly classified point costs a huge but finite amount. The run starts here; it has not diverged — keep training.",
  saturationNote:
    "The large weights saturate the sigmoid (outputs that round to exactly 0 or 1), so wrongly classified points cost huge but finite amounts — the run has not diverged.",
  dropoutMasksNote:
    "Fixed masks: the same units are dropped in every iteration (the Regularization notebook reseeds numpy with 1 before each forward pass; its 0.9289 / 0.95 depend on it). Fresh masks: new random units are dropped each iteration — the usual dropout.",
  // #15: a gradient check too large for one task runs in parts
  gradcheckProgress: "Checked {checked} of {total} parameters…",
  gradcheckCancel: "Cancel",
  gradcheckCancelled: "Check cancelled after {checked} of {total} parameters.",
  gradcheckAbandoned: "The check stopped: training went on or the run changed, and a check is of one iteration's parameters. Check again when it is paused.",
  gradcheckPaused: "Training is paused while the gradients are checked.",
  derivationAveraging: "Averaging over the training points… {done} of {total}",
  // #15: batch gradients in parts
  derivationBatchComputing: "batch (1/{m}) Σᵢ: computing…",
  // #15: rebuilds in parts
  modelSuperseded: "another model or a change of settings replaced it while it loaded",
};

/**
 * Keys that read the same in every language: symbols, numbers, names of
 * methods and file names. A language table need not have them.
 */
export const NEUTRAL = [
  "axisX1",
  "axisX2",
  "thousands",
  "step100",
  "percent",
  "notANumber",
  "activation.tanh",
  "activation.relu",
  "init.xavier",
  "init.he",
  "sweepLabel",
  "rateLabel",
  "problemOther",
  "csvFileName",
  "modelFileName",
  "plotFileName",
];

/** Each language beside English: how its table is loaded (a module of its own). */
const LOADERS = { zh: () => import("./strings-zh.js").then((module) => module.zh) };
/** The tables loaded so far, and the loads under way (a promise per language). */
const tables = { en };
const loading = {};

/**
 * Resolves once the table of `lang` is loaded, so that `strings(lang)` has
 * it: at once for English or a language without a table. A failed load
 * rejects (and a later call tries again).
 */
export function loadStrings(lang) {
  if (tables[lang] || !Object.hasOwn(LOADERS, lang)) return Promise.resolve();
  loading[lang] ??= LOADERS[lang]().then(
    (table) => {
      tables[lang] = { ...en, ...table };
    },
    (error) => {
      delete loading[lang];
      throw error;
    },
  );
  return loading[lang];
}

/**
 * The strings of `lang`, with English for anything it lacks; English
 * whole until `loadStrings(lang)` has loaded its table. The same object
 * for the same language every time.
 */
export function strings(lang) {
  return tables[lang] ?? en;
}

/**
 * `text[key]` filled in with `values`, whose `count` picks the form:
 * `text[key + ".one"]` for a count of exactly 1, else `text[key]`. A
 * language without plurals (Chinese) gives both the same words.
 */
export function counted(text, key, values) {
  const one = values.count === 1 ? text[`${key}.one`] : undefined;
  return format(one ?? text[key], values);
}

/** `template` with each `{name}` replaced by `values[name]`. */
export function format(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
