// The reference for a decision-boundary frame: TensorFlow Playground's
// per-cell approach, re-implemented faithfully in plain JS.
//
// Followed (tensorflow/playground, src/nn.ts, src/playground.ts,
// src/heatmap.ts, and d3 v3, which it uses):
// - nn.ts: a network is Node[][]; a Node object per neuron (id string,
//   inputLinks, bias 0.1, outputs, totalInput, output, the derivative
//   fields, an activation object) and a Link object per weight (source,
//   dest, weight = Math.random() - 0.5, ...). `buildNetwork` wires them;
//   `forwardProp` sets the input nodes' outputs, then calls
//   `node.updateOutput()` layer by layer (totalInput = bias + Σ
//   link.weight · link.source.output; output = activation.output(total)).
//   Hidden activation tanh, output activation tanh (classification).
// - playground.ts `updateDecisionBoundary(network, firstTime=false)`: for
//   each of DENSITY × DENSITY cells (DENSITY = 100), x = xScale(i), y =
//   yScale(j) through d3 linear scales; `constructInput(x, y)` walks the
//   INPUTS table and keeps the enabled features (here x1 and x2, the
//   course's two inputs); `forwardProp`; then `forEachNode(network, true,
//   node => boundary[node.id][i][j] = node.output)`.
// - heatmap.ts `updateBackground(boundary[outputId], discretize=false)`:
//   createImageData(100, 100), then per pixel `d3.rgb(this.color(value))`,
//   where `color` is a d3 quantize scale over 30 + 1 colour *strings*
//   bucketed from a linear scale #f59322 → #e8eaeb → #0877bd; every
//   pixel's colour string is parsed back by d3.rgb (d3_rgb_parse: the
//   functional-notation regex, the named-colour map, then "#rrggbb" via
//   parseInt); alpha 160; putImageData. The canvas is 100×100, scaled up by
//   CSS.
// Left out, which only makes the reference faster: the small per-neuron
// heatmaps TF Playground also redraws each frame (10×10 each), the
// training step, and the loss-curve and link redraw.

import { timeBatches, round } from "./timing.js";

const DENSITY = 100;
const NUM_SHADES = 30;

// ---- nn.ts ---------------------------------------------------------------

const Activations = {
  TANH: {
    output: (x) => Math.tanh(x),
    der: (x) => {
      const output = Activations.TANH.output(x);
      return 1 - output * output;
    },
  },
};

class Node {
  constructor(id, activation, initZero) {
    this.id = id;
    this.inputLinks = [];
    this.bias = initZero ? 0 : 0.1;
    this.outputs = [];
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;
    this.inputDer = 0;
    this.accInputDer = 0;
    this.numAccumulatedDers = 0;
    this.activation = activation;
  }

  updateOutput() {
    this.totalInput = this.bias;
    for (let j = 0; j < this.inputLinks.length; j++) {
      const link = this.inputLinks[j];
      this.totalInput += link.weight * link.source.output;
    }
    this.output = this.activation.output(this.totalInput);
    return this.output;
  }
}

class Link {
  constructor(source, dest, regularization, initZero) {
    this.id = source.id + "-" + dest.id;
    this.source = source;
    this.dest = dest;
    this.weight = initZero ? 0 : Math.random() - 0.5;
    this.isDead = false;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
    this.regularization = regularization;
  }
}

function buildNetwork(networkShape, activation, outputActivation, regularization, inputIds, initZero) {
  const numLayers = networkShape.length;
  let id = 1;
  const network = [];
  for (let layerIdx = 0; layerIdx < numLayers; layerIdx++) {
    const isOutputLayer = layerIdx === numLayers - 1;
    const isInputLayer = layerIdx === 0;
    const currentLayer = [];
    network.push(currentLayer);
    const numNodes = networkShape[layerIdx];
    for (let i = 0; i < numNodes; i++) {
      let nodeId = id.toString();
      if (isInputLayer) nodeId = inputIds[i];
      else id++;
      const node = new Node(nodeId, isOutputLayer ? outputActivation : activation, initZero);
      currentLayer.push(node);
      if (layerIdx >= 1) {
        for (let j = 0; j < network[layerIdx - 1].length; j++) {
          const prevNode = network[layerIdx - 1][j];
          const link = new Link(prevNode, node, regularization, initZero);
          prevNode.outputs.push(link);
          node.inputLinks.push(link);
        }
      }
    }
  }
  return network;
}

function forwardProp(network, inputs) {
  const inputLayer = network[0];
  if (inputs.length !== inputLayer.length) {
    throw new Error("The number of inputs must match the number of nodes in the input layer");
  }
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i].output = inputs[i];
  for (let layerIdx = 1; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) currentLayer[i].updateOutput();
  }
  return network[network.length - 1][0].output;
}

function forEachNode(network, ignoreInputs, accessor) {
  for (let layerIdx = ignoreInputs ? 1 : 0; layerIdx < network.length; layerIdx++) {
    const currentLayer = network[layerIdx];
    for (let i = 0; i < currentLayer.length; i++) accessor(currentLayer[i]);
  }
}

const getOutputNode = (network) => network[network.length - 1][0];

// ---- d3 v3: the pieces playground.ts and heatmap.ts use --------------------

function uninterpolateNumber(a, b) {
  b = (b -= a = +a) || 1 / b;
  return (x) => (x - a) / b;
}
function uninterpolateClamp(a, b) {
  b = (b -= a = +a) || 1 / b;
  return (x) => Math.max(0, Math.min(1, (x - a) / b));
}
function interpolateNumber(a, b) {
  a = +a;
  b = +b;
  return (t) => a * (1 - t) + b * t;
}

class Rgb {
  constructor(r, g, b) {
    this.r = ~~r;
    this.g = ~~g;
    this.b = ~~b;
  }
}
// d3_rgb_names has the 147 CSS names; the lookup is a string-keyed map either way.
const rgbNames = new Map(
  Object.entries({ black: 0x000000, white: 0xffffff, red: 0xff0000, green: 0x008000, blue: 0x0000ff, orange: 0xffa500, steelblue: 0x4682b4 }),
);
function rgbParse(format) {
  let r = 0, g = 0, b = 0, color;
  const m1 = /([a-z]+)\((.*)\)/.exec((format = format.toLowerCase()));
  if (m1) throw new Error("functional colour notation is not used by the heatmap");
  if ((color = rgbNames.get(format)) !== undefined) return new Rgb(color >> 16, (color >> 8) & 0xff, color & 0xff);
  if (format != null && format.charAt(0) === "#" && !isNaN((color = parseInt(format.slice(1), 16)))) {
    if (format.length === 4) {
      r = (color & 0xf00) >> 4; r = (r >> 4) | r;
      g = color & 0xf0; g = (g >> 4) | g;
      b = color & 0xf; b = (b << 4) | b;
    } else if (format.length === 7) {
      r = (color & 0xff0000) >> 16;
      g = (color & 0xff00) >> 8;
      b = color & 0xff;
    }
  }
  return new Rgb(r, g, b);
}
const d3rgb = (value) => (value instanceof Rgb ? new Rgb(value.r, value.g, value.b) : rgbParse("" + value));
const rgbHex = (v) => (v < 16 ? "0" + Math.max(0, v).toString(16) : Math.min(255, v).toString(16));
function interpolateRgb(a, b) {
  a = d3rgb(a);
  b = d3rgb(b);
  const ar = a.r, ag = a.g, ab = a.b, br = b.r - ar, bg = b.g - ag, bb = b.b - ab;
  return (t) => "#" + rgbHex(Math.round(ar + br * t)) + rgbHex(Math.round(ag + bg * t)) + rgbHex(Math.round(ab + bb * t));
}
const interpolate = (a, b) => (typeof b === "string" ? interpolateRgb(a, b) : interpolateNumber(a, b));

function bisectRight(a, x, lo, hi) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** d3.scale.linear().domain(domain).range(range).clamp(clamp) */
function scaleLinear(domain, range, clamp = false) {
  const uninterpolate = clamp ? uninterpolateClamp : uninterpolateNumber;
  if (domain.length === 2) {
    const u = uninterpolate(domain[0], domain[1]);
    const i = interpolate(range[0], range[1]);
    return (x) => i(u(x));
  }
  const k = Math.min(domain.length, range.length) - 1;
  const us = [], is = [];
  for (let j = 0; j < k; j++) {
    us.push(uninterpolate(domain[j], domain[j + 1]));
    is.push(interpolate(range[j], range[j + 1]));
  }
  return (x) => {
    const j = bisectRight(domain, x, 1, k) - 1;
    return is[j](us[j](x));
  };
}

/** d3.scale.quantize().domain([x0, x1]).range(range) */
function scaleQuantize(x0, x1, range) {
  const kx = range.length / (x1 - x0);
  const i = range.length - 1;
  return (x) => range[Math.max(0, Math.min(i, Math.floor(kx * (x - x0))))];
}

function d3range(start, stop, step) {
  const out = [];
  for (let j = 0, x = start; (x = start + j * step) < stop; j++) out.push(x);
  return out;
}

// ---- heatmap.ts ----------------------------------------------------------

class HeatMap {
  constructor(canvas, numSamples) {
    this.canvas = canvas;
    this.numSamples = numSamples;
    const colorScale = scaleLinear([-1, 0, 1], ["#f59322", "#e8eaeb", "#0877bd"], true);
    const colors = d3range(-1, 1 + 1e-9, 2 / NUM_SHADES).map((a) => colorScale(a));
    this.color = scaleQuantize(-1, 1, colors);
  }

  updateBackground(data, discretize) {
    const dx = data[0].length;
    const dy = data.length;
    if (dx !== this.numSamples || dy !== this.numSamples) {
      throw new Error("The provided data matrix must be of size numSamples X numSamples");
    }
    const context = this.canvas.getContext("2d");
    const image = context.createImageData(dx, dy);
    for (let y = 0, p = -1; y < dy; ++y) {
      for (let x = 0; x < dx; ++x) {
        let value = data[x][y];
        if (discretize) value = value >= 0 ? 1 : -1;
        const c = d3rgb(this.color(value));
        image.data[++p] = c.r;
        image.data[++p] = c.g;
        image.data[++p] = c.b;
        image.data[++p] = 160;
      }
    }
    context.putImageData(image, 0, 0);
  }
}

// ---- playground.ts -------------------------------------------------------

// The course's two inputs; TF Playground's other features are off.
const INPUTS = {
  x: { f: (x, y) => x, label: "X_1" },
  y: { f: (x, y) => y, label: "X_2" },
  xSquared: { f: (x, y) => x * x, label: "X_1^2" },
  ySquared: { f: (x, y) => y * y, label: "X_2^2" },
  xTimesY: { f: (x, y) => x * y, label: "X_1X_2" },
  sinX: { f: (x, y) => Math.sin(x), label: "sin(X_1)" },
  sinY: { f: (x, y) => Math.sin(y), label: "sin(X_2)" },
};
const state = { x: true, y: true, xSquared: false, ySquared: false, xTimesY: false, sinX: false, sinY: false };

function constructInputIds() {
  const result = [];
  for (const inputName in INPUTS) if (state[inputName]) result.push(inputName);
  return result;
}
function constructInput(x, y) {
  const input = [];
  for (const inputName in INPUTS) if (state[inputName]) input.push(INPUTS[inputName].f(x, y));
  return input;
}

function makePlayground(hiddenLayers) {
  const xDomain = [-6, 6];
  const network = buildNetwork([2, ...hiddenLayers, 1], Activations.TANH, Activations.TANH, null, constructInputIds(), false);
  let boundary = {};

  function updateDecisionBoundary(firstTime) {
    if (firstTime) {
      boundary = {};
      forEachNode(network, true, (node) => { boundary[node.id] = new Array(DENSITY); });
      for (const nodeId in INPUTS) boundary[nodeId] = new Array(DENSITY);
    }
    const xScale = scaleLinear([0, DENSITY - 1], xDomain);
    const yScale = scaleLinear([DENSITY - 1, 0], xDomain);
    let i = 0, j = 0;
    for (i = 0; i < DENSITY; i++) {
      if (firstTime) {
        forEachNode(network, true, (node) => { boundary[node.id][i] = new Array(DENSITY); });
        for (const nodeId in INPUTS) boundary[nodeId][i] = new Array(DENSITY);
      }
      for (j = 0; j < DENSITY; j++) {
        const x = xScale(i);
        const y = yScale(j);
        const input = constructInput(x, y);
        forwardProp(network, input);
        forEachNode(network, true, (node) => { boundary[node.id][i][j] = node.output; });
        if (firstTime) {
          for (const nodeId in INPUTS) boundary[nodeId][i][j] = INPUTS[nodeId].f(x, y);
        }
      }
    }
  }

  const heatMap = new HeatMap(document.getElementById("heatmap"), DENSITY);
  updateDecisionBoundary(true);
  return {
    /** One frame's heatmap: the grid through the network, then the colours. */
    frame() {
      updateDecisionBoundary(false);
      heatMap.updateBackground(boundary[getOutputNode(network).id], false);
    },
  };
}


globalThis.bench = {
  async run() {
    const out = {};
    for (const [name, layers] of [["frame_100", [4]], ["frame_100_deep88", [8, 8]]]) {
      const playground = makePlayground(layers);
      const result = timeBatches((n) => {
        for (let k = 0; k < n; k++) playground.frame();
      }, { batchMs: 300 });
      out[name] = { ms: round(result.us / 1000, 4), medianMs: round(result.median / 1000, 4), maxMs: round(result.max / 1000, 4), n: result.n, layers };
    }
    return out;
  },
};
