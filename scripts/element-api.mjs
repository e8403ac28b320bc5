// The element's API for tools: writes www/sepal-playground.d.ts (TypeScript
// declarations) and www/custom-elements.json (a Custom Elements Manifest,
// schema 2.1.0, the format editors and documentation tools read).
//
// Over 500 lines because it is the element's whole API described once —
// every member, event and part with its documentation — and both files are
// written from that one description.
//
//   node scripts/generate.mjs          (after `cargo xtask build`)
//
// The attributes and the settings' types come from the settings table, the
// wasm's `settingsTable()`, loaded here without a browser, and what each
// setting does from its help string in www/strings.js; the members,
// events and parts are described once, in the lists below, and
// tests/element-api.test.mjs checks them against the element in a page (and
// that the committed files are what this script writes).

import { CONTROL_NAMES, FOLDABLE } from "../www/shown.js";
import { EXPERIMENTS } from "../www/experiments.js";
import { strings } from "../www/strings.js";
import { loadWasm, WWW } from "./wasm-in-node.mjs";

export const DTS_FILE = new URL("sepal-playground.d.ts", WWW);
export const MANIFEST_FILE = new URL("custom-elements.json", WWW);

const TAG = "sepal-playground";
const CLASS = "SepalPlayground";
const MODULE = "sepal-playground.js";

// ------------------------------------------------------------ the settings

/** What the element does for a setting whose table default is null (unset). */
const UNSET_DEFAULTS = {
  lang: "the browser's language (zh when it prefers Chinese, else en)",
};

/** What a change to a setting does, by the table's `effect`. */
const EFFECTS = {
  page: "A change leaves the model as it is.",
  retune: "A change takes effect in the running training.",
  network: "A change starts a new network on the same data.",
  data: "A change makes new data and a new network.",
};

/** The TypeScript type of a setting's value in `el.settings`. */
export function settingType(row) {
  const literal = (text) => JSON.stringify(text);
  const types = {
    choice: () => row.choices.map(literal).join(" | "),
    integer: () => "number",
    number: () => "number",
    "integer-or-word": () => `number | ${literal(row.word)}`,
    sizes: () => "string",
    // #17: a comma list of names, e.g. "x1sq,x2sq".
    names: () => "string",
    flag: () => "0 | 1",
  };
  const type = types[row.kind];
  if (!type) throw new Error(`setting ${row.param}: kind "${row.kind}" has no TypeScript type in scripts/element-api.mjs`);
  return row.default === null ? `${type()} | null` : type();
}

/** The type of the attribute's text: what editors offer as its values. */
function attributeType(row) {
  return row.kind === "flag" ? `"0" | "1"` : settingType(row).replace(" | null", "");
}

/**
 * The default as the description says it: the table's, and the data sets'
 * own for a setting whose default follows the data set (noise, the spiral's
 * network), or what the
 * element does when it is unset (lang).
 */
function defaultText(row, table, perDataset) {
  if (row.default === null) {
    const text = UNSET_DEFAULTS[row.param];
    if (!text) throw new Error(`setting ${row.param} defaults to null: say what that means in UNSET_DEFAULTS in scripts/element-api.mjs`);
    return text;
  }
  const dataset = table.find((r) => r.key === "dataset");
  if (row === dataset) return String(row.default);
  // The data sets whose own value is not the table's (custom has no data of its own).
  const own = dataset.choices
    .filter((name) => name !== "custom" && perDataset[name][row.key] !== row.default)
    .map((name) => `${name} ${perDataset[name][row.key]}`);
  return own.length > 0 ? `${row.default}, or the data set's own (${own.join(", ")})` : String(row.default);
}

function meaning(row) {
  // What it does is its help string, the tooltip of its control.
  const text = strings("en")[`${row.key}Title`];
  if (!text) throw new Error(`setting ${row.param} is new: say what it does in www/strings.js (${row.key}Title) and www/strings-zh.js`);
  return text;
}

/** One setting, described for the attribute and the settings type. */
function describeSetting(row, table, perDataset) {
  const effect = EFFECTS[row.effect];
  if (!effect) throw new Error(`setting ${row.param}: effect "${row.effect}" is not described in EFFECTS in scripts/element-api.mjs`);
  return `${meaning(row)}. Values: ${row.allowed}. Default: ${defaultText(row, table, perDataset)}. ${effect}`;
}

// ------------------------------------------------------------ the element

const field = (name, type, description) => ({ kind: "field", name, type, readonly: true, description });
const method = (name, params, returns, description) => ({ kind: "method", name, params, returns, description });
const param = (name, type, description, extra = {}) => ({ name, type, description, ...extra });

/** runExperiment's kinds: experiments.js's. */
export const EXPERIMENT_KINDS = Object.keys(EXPERIMENTS);

/** The `detail` of `progress` and `diverged`: the state after the change. */
export const PROGRESS_DETAIL = [
  ["iteration", "number", "Completed iterations."],
  ["epoch", "number", "Completed epochs (passes over the training points); the iteration with full batches."],
  ["epochCost", "number", "The notebook's printed cost of the last epoch: its mini-batches' summed losses ÷ m; NaN before one."],
  ["cost", "number", "J of the current parameters."],
  ["trainAccuracy", "number", "The share of training points classified right, 0 to 1."],
  ["testAccuracy", "number", "The same for the held-out points; NaN with none."],
  ["testCost", "number", "J on the held-out points; NaN with none."],
  ["diverged", "boolean", "Whether training has blown up."],
];

/** The `detail` of `link`. */
const LINK_DETAIL = [
  ["link", "string", "The link that reproduces the settings on screen."],
  ["copied", "boolean", "Whether it reached the clipboard (if not, the element shows it to copy by hand)."],
];

/**
 * The parameters' names and types by model (`parameters`; `gradients` has
 * the same with a "d" in front): the interface's name and description, then
 * [name, type] pairs.
 */
export const PARAMETERS = {
  logistic: ["SepalLogisticParameters", "Logistic regression's weights (one per input) and bias.", [["w", "number[]"], ["b", "number"]]],
  shallow: [
    "SepalShallowParameters",
    "The shallow network's weights as rows (W1 is units × inputs, W2 1 × units) and biases.",
    [["W1", "number[][]"], ["b1", "number[]"], ["W2", "number[][]"], ["b2", "number[]"]],
  ],
  deep: ["SepalDeepParameters", "The deep network's weights and biases, one matrix (rows) and one vector per layer.", [["W", "number[][][]"], ["b", "number[][]"]]],
};

/** The parameter types and the gradients' type, one of each per model in the table. */
function parameterTypes(table) {
  const models = table.find((row) => row.key === "model").choices;
  const shapes = models.map((model) => {
    const shape = PARAMETERS[model];
    if (!shape) throw new Error(`model ${model} is new: give its parameters in PARAMETERS in scripts/element-api.mjs`);
    return shape;
  });
  const interfaces = shapes.map(([name, description, fields]) => {
    const body = fields.map(([key, type]) => `  ${key}: ${type};\n`).join("");
    return `${doc(description)}export interface ${name} {\n${body}}\n`;
  });
  const gradients = shapes.map(([, , fields]) => `  | { ${fields.map(([key, type]) => `d${key}: ${type}`).join("; ")} }`);
  return `${interfaces.join("\n")}
/** The parameters, in the shape of the model (see \`settings.model\`). */
export type SepalParameters = ${shapes.map(([name]) => name).join(" | ")};

/** The gradients: named and shaped as the parameters, with a "d" in front. */
export type SepalGradients =
${gradients.join("\n")};
`;
}

/** The element's public members, in the README's order. */
const MEMBERS = [
  field("ready", "Promise<void>", "Resolves once the wasm is loaded and the first frame is drawn; rejects if the wasm cannot be loaded."),
  field(
    "settings",
    "SepalPlaygroundSettings | null",
    "A copy of the settings in effect (JS keys, numbers as numbers); null until loaded. Set them through the attributes.",
  ),
  method(
    "play",
    [],
    "void",
    "Starts the animated training (once loaded, if called before). Does nothing after divergence; while an experiment runs it is refused (running stays false, the notice says why).",
  ),
  method("pause", [], "void", "Stops the animated training."),
  field("running", "boolean", "Whether the animated training is running."),
  method(
    "step",
    [param("n", "number", "An integer from 0 to 100000.", { optional: true, default: "1" })],
    "void",
    "Runs n full-batch iterations now, synchronously, then redraws. A non-number, NaN or a fraction throws a TypeError, a whole number out of range a RangeError, and nothing changes; before the model is loaded it throws an Error. So that it never blocks the page for much more than a second, n × parameters × training points may be at most 1e9 (the course's model: step(100000)); beyond that it throws a RangeError that says to use train(n).",
  ),
  method(
    "train",
    [param("n", "number", "A whole number of iterations, 0 or more.")],
    "Promise<SepalProgressDetail>",
    "Runs n more iterations without blocking the page: plays at full speed, in chunks per animation frame within the page's shared budget, and stops exactly n iterations on; resolves with the state there (the same numbers as step(n)). A non-whole n rejects with a TypeError, a negative one with a RangeError, changing nothing; it also rejects when training stops first (pause(), reset(), a divergence, runTo or another train).",
  ),
  method(
    "runTo",
    [param("n", "number", "A whole number above the current iteration.")],
    "Promise<SepalProgressDetail>",
    "Plays until iteration n and stops exactly there (no frame steps past it), as the Run to control does; resolves with the state there. A non-whole n rejects with a TypeError, one not above the current iteration with a RangeError, changing nothing; it also rejects when training stops first (pause(), a divergence, another runTo).",
  ),
  method("reset", [], "void", "Back to iteration 0 with the same data and the same initial weights."),
  field("iteration", "number", "Completed iterations; 0 until loaded."),
  field("epoch", "number", "Completed epochs (passes over the training points); equals iteration with full batches."),
  field(
    "epochCost",
    "number",
    "The Optimization notebook's printed cost (\"Cost after epoch i\") of the last complete epoch: its mini-batches' summed losses ÷ m; NaN before one.",
  ),
  field(
    "cost",
    "number",
    "J of the current parameters: after step(1000) from a reset, the course's \"Cost after iteration 1000\"; NaN until loaded.",
  ),
  field("trainAccuracy", "number", "The share of training points classified right, 0 to 1; NaN until loaded."),
  field("testAccuracy", "number", "The same for the held-out points; NaN with none."),
  field(
    "diverged",
    "boolean",
    "True once training has blown up (the cost or a parameter is not finite, or the cost rose above 10× its value at iteration 0); training stops.",
  ),
  field("points", "SepalPoints | null", "{train: [[x1, x2, label], ...], test: [...]}; null until loaded."),
  field(
    "parameters",
    "SepalParameters | null",
    "The current weights: {w, b} for logistic, {W1, b1, W2, b2} for shallow, {W: [...], b: [...]} (one per layer) for deep; null until loaded.",
  ),
  field(
    "gradients",
    "SepalGradients | null",
    "dW and db of the current parameters (what the next update subtracts, times the learning rate), named and shaped as `parameters` with a \"d\" in front; null until loaded.",
  ),
  method(
    "derivation",
    [
      param("index", "number", "The point's index in its set, from 0."),
      param("set", '"train" | "test"', "Which points.", { optional: true, default: '"train"' }),
    ],
    "SepalDerivation",
    "One example's forward and backward pass at the current parameters, one entry per layer (the course's layer 1 first): {x, y, loss, forward: [{z, a}], backward: [{dA, gPrime, dz, dW, db}]}; at the output dA is dL/da and gPrime da/dz = a(1 − a). Averaged over the training points, dW and db are `gradients`. A bad index or set throws a TypeError or RangeError.",
  ),
  method(
    "selectPoint",
    [
      param("index", "number | null", "The point's index in its set, or null to close."),
      param("set", '"train" | "test"', "Which points.", { optional: true, default: '"train"' }),
    ],
    "void",
    "What a click on that point does: opens part=\"derivation\" for it and rings it on the plot; selectPoint(null) closes it. A bad index or set throws a TypeError or RangeError and changes nothing.",
  ),
  method(
    "gradientCheck",
    [param("options", "{ epsilon?: number; bug?: boolean }", "epsilon (default 1e-7, above 0 and at most 1); bug: plant the course's bugs (dW2 × 2, db1 with 4/m) in the checked backprop.", { optional: true, default: "{}" })],
    "SepalGradientCheck",
    "The course's gradient check at the current parameters: gradapprox = (J(θ + ε) − J(θ − ε)) / 2ε for every parameter against backprop, difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖), threshold 2e-7. Training never uses the planted bug. A bad option throws a TypeError or RangeError; a network too big to check in the page (parameters² × points above 1e9) an Error.",
  ),
  method(
    "exportModel",
    [],
    "string | null",
    "The model as JSON text: {format: \"sepal-model\", version: 1, settings, iteration, parameters, points}; null until loaded.",
  ),
  method(
    "importModel",
    [param("json", "string | SepalModelFile", "A model file's text, or the object it parses to.")],
    "Promise<void>",
    "Loads a model: its settings, points, parameters and iteration replace the current ones (the page's own speed, autoplay and language stay). Resolves once it is on screen; bad input rejects with a SepalModelError and changes nothing, as does a change of settings or another model while a large one is still being built (code \"superseded\").",
  ),
  method(
    "exportCosts",
    [],
    "string | null",
    "The cost history as CSV text (iteration,cost,train_accuracy, plus test_cost,test_accuracy with held-out points); null until loaded.",
  ),
  method(
    "exportPoints",
    [],
    "string | null",
    "All points, train and test, in their order, as CSV text (x1,x2,label, header first); null until loaded.",
  ),
  method(
    "importPoints",
    [param("csv", "string", "CSV text: x1,x2,label, with a header.")],
    "number",
    "Makes the points your own (dataset=custom) and shows them; returns how many there are. Bad CSV throws an Error that names the line, and changes nothing.",
  ),
  method(
    "runExperiment",
    [param("kind", "SepalExperimentKind", "Which of the course's experiments.")],
    "Promise<SepalExperimentRow[]>",
    "Runs one of the course's experiments from the current settings and shows it in part=\"experiments\"; the main training pauses and play() is refused until it is over. Resolves with one row per run; rejects if cancelled (by another experiment), or with a RangeError listing the kinds, changing nothing, if the kind is unknown.",
  ),
  field("link", "string | null", "A link that reproduces the settings on screen (drawn points travel as CSV); null until loaded."),
];

/** The element's events. */
const EVENTS = [
  {
    name: "progress",
    detail: "SepalProgressDetail",
    description: "After the model changed and was redrawn: each frame that trained, step(), reset(), a new model. detail is the state.",
  },
  { name: "diverged", detail: "SepalProgressDetail", description: "Once, when training blows up; training has stopped. detail is the state." },
  { name: "link", detail: "SepalLinkDetail", description: "After the \"Copy link\" button: the link, and whether it was copied." },
];

/** The element's parts, for page styles: `sepal-playground::part(plot)`. */
const PARTS = [
  ["data", "The data panel: the data sets' pictures, the data settings, CSV."],
  ["plot", "The canvas with the points and the decision boundary."],
  ["cost-chart", "The training (and test) cost and accuracy curves."],
  ["controls", "The training controls: play, step, reset, model and training settings, link and model files."],
  ["notice", "Rejected settings, divergence and failures, said in words."],
  ["formulas", "The course's equations, live."],
  ["network", "The network diagram beside the plot: the hidden units' views and the weights (a panel that folds)."],
  ["neuron", "One hidden unit's view (one per unit)."],
  ["experiments", "The course's experiments, several runs side by side."],
  ["derivation", "One example's computation graph: its forward and backward pass with the current numbers (open after a click on a point or selectPoint)."],
  ["gradient-check", "Gradient checking: backprop against the two-sided difference, with the course's verdict (a panel that folds)."],
];

/** Attributes besides the settings. */
function otherAttributes() {
  return [
    {
      name: "controls",
      type: "string",
      description:
        `What readers may change: names separated by spaces or commas, from ${CONTROL_NAMES.join(", ")}; ` +
        "\"experiments\" means every experiment. No attribute (or \"all\") shows everything, an empty one (or \"none\") only the plot and the numbers.",
    },
    {
      name: "folded",
      type: "string",
      description:
        `The panels that start folded: names separated by spaces or commas, from ${FOLDABLE.join(", ")}. ` +
        "No attribute folds the formulas; an empty one (or \"none\") starts every panel open. Readers open and fold them anyway.",
    },
    {
      name: "url-settings",
      type: "boolean",
      description:
        "Present: the element also reads settings from the page's query string and hash (the hash wins, both over the attributes), keeps the hash current and follows it when it is edited. Read when the element is connected.",
    },
  ];
}

// ------------------------------------------------------------ the manifest

function manifestOf(table, perDataset) {
  const attributes = [
    ...table.map((row) => {
      const attribute = { name: row.param, type: { text: attributeType(row) }, description: describeSetting(row, table, perDataset) };
      const shown = defaultText(row, table, perDataset);
      if (row.default !== null && shown === String(row.default)) attribute.default = shown;
      return attribute;
    }),
    ...otherAttributes().map(({ name, type, description }) => ({ name, type: { text: type }, description })),
  ];
  const members = MEMBERS.map((m) =>
    m.kind === "field"
      ? { kind: "field", name: m.name, type: { text: m.type }, readonly: true, description: m.description }
      : {
          kind: "method",
          name: m.name,
          ...(m.params.length > 0 && {
            parameters: m.params.map((p) => ({
              name: p.name,
              type: { text: p.type },
              ...(p.optional && { optional: true }),
              ...(p.default && { default: p.default }),
              description: p.description,
            })),
          }),
          return: { type: { text: m.returns } },
          description: m.description,
        },
  );
  const reference = { name: CLASS, module: MODULE };
  return {
    schemaVersion: "2.1.0",
    modules: [
      {
        kind: "javascript-module",
        path: MODULE,
        declarations: [
          {
            kind: "class",
            customElement: true,
            tagName: TAG,
            name: CLASS,
            description:
              "A neural-network playground: the course's planar data classification, trained live in the page. Types: sepal-playground.d.ts.",
            superclass: { name: "HTMLElement", package: "global:" },
            attributes,
            members,
            events: EVENTS.map((e) => ({ name: e.name, type: { text: `CustomEvent<${e.detail}>` }, description: e.description })),
            cssParts: PARTS.map(([name, description]) => ({ name, description })),
          },
        ],
        exports: [
          { kind: "js", name: CLASS, declaration: reference },
          { kind: "custom-element-definition", name: TAG, declaration: reference },
        ],
      },
    ],
  };
}

// ------------------------------------------------------------ the declarations

/** A doc comment, wrapped to fit `width` at `indent`. */
function doc(text, indent = "", lines = []) {
  const width = 100 - indent.length - 3;
  const wrapped = [];
  for (const paragraph of [text, ...lines]) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        wrapped.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    wrapped.push(line);
  }
  if (wrapped.length === 1 && indent.length + wrapped[0].length + 7 <= 100) return `${indent}/** ${wrapped[0]} */\n`;
  return `${indent}/**\n${wrapped.map((l) => `${indent} * ${l}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

function objectType(name, description, fields) {
  const body = fields.map(([key, type, text]) => `${doc(text, "  ")}  ${key}: ${type};\n`).join("");
  return `${doc(description)}export interface ${name} {\n${body}}\n`;
}

function dtsOf(table, perDataset) {
  const settings = table.map((row) => [
    row.key,
    settingType(row),
    `${describeSetting(row, table, perDataset)} Attribute and URL parameter: \`${row.param}\`.`,
  ]);
  const pageKeys = table.filter((row) => row.effect === "page").map((row) => JSON.stringify(row.key));
  const members = MEMBERS.map((m) => {
    if (m.kind === "field") return `${doc(m.description, "  ")}  readonly ${m.name}: ${m.type};\n`;
    const params = m.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
    const tags = m.params.map((p) => `@param ${p.name} ${p.description}${p.default ? ` Default: ${p.default}.` : ""}`);
    return `${doc(m.description, "  ", tags)}  ${m.name}(${params}): ${m.returns};\n`;
  }).join("\n");
  const listener = (map) =>
    ["add", "remove"]
      .map((verb) => {
        const options = verb === "add" ? "boolean | AddEventListenerOptions" : "boolean | EventListenerOptions";
        const overload = (generic, listener) =>
          `  ${verb}EventListener${generic}(\n    type: ${generic ? "K" : "string"},\n    listener: ${listener},\n    options?: ${options},\n  ): void;\n`;
        return [
          overload(`<K extends keyof ${map}>`, `(this: ${CLASS}, event: ${map}[K]) => unknown`),
          overload("<K extends keyof HTMLElementEventMap>", `(this: ${CLASS}, event: HTMLElementEventMap[K]) => unknown`),
          overload("", "EventListenerOrEventListenerObject"),
        ].join("");
      })
      .join("");
  return `// Generated by scripts/element-api.mjs from the settings table and the
// element's documented members: do not edit; run \`node scripts/element-api.mjs\`.
//
// import type { SepalPlayground } from "./sepal-playground.js";

${objectType(
  "SepalPlaygroundSettings",
  "The settings in effect, by JS key (`el.settings`); each is also an attribute (kebab-case).",
  settings,
)}
/** The settings a model file carries: all but the page's own (${pageKeys.join(", ")}); a missing one takes its default. */
export type SepalModelSettings = Partial<Omit<SepalPlaygroundSettings, ${pageKeys.join(" | ")}>>;

/** A point: its coordinates and its class. */
export type SepalPoint = [x1: number, x2: number, label: 0 | 1];

/** The training points and the held-out ones. */
export interface SepalPoints {
  train: SepalPoint[];
  test: SepalPoint[];
}

${parameterTypes(table)}
/** What \`exportModel()\` writes (as JSON text) and \`importModel()\` reads. */
export interface SepalModelFile {
  format: "sepal-model";
  version: 1;
  settings: SepalModelSettings;
  iteration: number;
  parameters: SepalParameters;
  points: SepalPoints;
  /** Where the run is in its epochs and the update rule's state (v, s shaped as the parameters). */
  optimizer?: {
    t: number;
    epoch: number;
    batch: number;
    epochLoss: number;
    epochCost: number | null;
    v?: SepalParameters;
    s?: SepalParameters;
  };
}

/** How \`importModel()\` rejects: \`message\` in the page's language. */
export interface SepalModelError extends Error {
  /** What is wrong, in words. */
  reason: string;
  /** A stable code for scripts, e.g. "not-json". */
  code: string;
}

/** One example's derivation (\`derivation()\`), one entry per layer, the course's layer 1 first. */
export interface SepalDerivation {
  x: number[];
  y: number;
  loss: number;
  forward: { z: number[]; a: number[] }[];
  /** At the output, dA is dL/da and gPrime da/dz = a(1 − a); dW[j][k] = a_prev[k] · dz[j], db = dz. */
  backward: { dA: number[]; gPrime: number[]; dz: number[]; dW: number[][]; db: number[] }[];
}

/** What \`gradientCheck()\` returns; rows in the course's order (W1 row by row, b1, W2, …). */
export interface SepalGradientCheck {
  difference: number;
  threshold: number;
  epsilon: number;
  bug: boolean;
  rows: { name: string; layer: number; row: number; col: number | null; backprop: number; approx: number }[];
}

/** The course's experiments, for \`runExperiment()\`. */
export type SepalExperimentKind = ${EXPERIMENT_KINDS.map((k) => JSON.stringify(k)).join(" | ")};

/** One run of an experiment, when it finished. */
export interface SepalExperimentRow {
  /** The value the run tried: hidden units, a learning rate, an activation, an initialisation, an optimizer or a batch size. */
  value: number | string;
  /** The value as the legend says it. */
  label: string;
  iteration: number;
  cost: number;
  trainAccuracy: number;
  testAccuracy: number;
  diverged: boolean;
}

${objectType("SepalProgressDetail", "The `detail` of `progress` and `diverged`: the state after the change.", PROGRESS_DETAIL)}
${objectType("SepalLinkDetail", "The `detail` of `link`.", LINK_DETAIL)}
/** The element's own events. */
export interface SepalPlaygroundEventMap {
${EVENTS.map((e) => `${doc(e.description, "  ")}  ${e.name}: CustomEvent<${e.detail}>;\n`).join("")}}

${doc(
  `\`<${TAG}>\`: a neural-network playground, the course's planar data classification trained live in the page. Attributes: the settings (kebab-case), \`controls\`, \`folded\` and \`url-settings\`. Parts: ${PARTS.map(([name]) => name).join(", ")}.`,
)}export class ${CLASS} extends HTMLElement {
  static readonly observedAttributes: string[];

${members}
${listener(`${CLASS}EventMap`)}}

declare global {
  interface HTMLElementTagNameMap {
    "${TAG}": ${CLASS};
  }
}
`;
}

// ------------------------------------------------------------ the table

/** The settings table, and the defaults under each data set, from the wasm in www/pkg. */
export async function loadTable() {
  const wasm = await loadWasm();
  const table = wasm.settingsTable();
  const datasets = table.find((row) => row.key === "dataset").choices;
  const perDataset = Object.fromEntries(datasets.map((name) => [name, wasm.parseSettings([["dataset", name]]).settings]));
  return { table, perDataset };
}

/** Both files' text, as this script writes them. */
export async function elementApi() {
  const { table, perDataset } = await loadTable();
  return {
    dts: dtsOf(table, perDataset),
    manifest: `${JSON.stringify(manifestOf(table, perDataset), null, 2)}\n`,
  };
}
