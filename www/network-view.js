// Inside the network (`part="network"`): the diagram of the layers, one
// small view per hidden unit (`part="neuron"`: what that unit computes over
// the plane, from the wasm's unit maps), and the weights on the links —
// thicker for a larger |w|, blue for positive, orange for negative. Hovering
// a link or a unit, or focusing a unit, shows its live values.
//
// Units of the first hidden layers are views (at most MAX_UNIT_LAYERS
// layers and MAX_UNIT_VIEWS views); the layers after them are drawn as dots.

import { h } from "./dom.js";
import { format } from "./strings.js";

/** Cells per side of one unit's view. */
export const UNIT_CELLS = 40;
export const MAX_UNIT_LAYERS = 4;
export const MAX_UNIT_VIEWS = 64;
/** Units per column of views before a layer wraps into another column. */
const ROWS = 16;
const GAP = 6;
const INPUT_SIZE = 44;
const OUTPUT_SIZE = 72;
const DIAGRAM_HEIGHT = 380;
/** Room between columns for the links: at least, at most (CSS px). */
const MIN_SPACING = 36;
const MAX_SPACING = 220;

const POSITIVE = [0, 114, 178];
const NEGATIVE = [230, 159, 0];
/** Link widths are bucketed so that thousands of links are a few paths. */
const BUCKETS = 8;
const MAX_LINK_WIDTH = 6;

/** Where W[l][j][i] and b[l][j] are in the packed weights of `sizes`. */
function offsets(sizes) {
  const starts = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    starts.push(at);
    at += sizes[l + 1] * sizes[l] + sizes[l + 1];
  }
  return starts;
}

const signed = (value) => (Number.isFinite(value) ? value.toFixed(3).replace("-", "\u2212") : String(value));

export class NetworkView {
  #sizes = [];
  #shown = [];
  #nodes = []; // per column: [{x, y, size, kind, layer, unit, element?}]
  #starts = [];
  #weights = null; // the last packed weights (a copy, for hover)
  #hover = null; // {kind: "link", l, i, j} | {kind: "node", column, unit}
  #inputKey = "";
  #width = 0;

  constructor(text) {
    this.text = text;
    this.links = h("canvas", { class: "links", "aria-hidden": "true" });
    this.nodes = h("div", { class: "nodes" });
    this.diagram = h("div", { class: "diagram" }, [this.links, this.nodes]);
    this.tooltip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
    this.symmetry = h("p", { class: "symmetry", role: "status", hidden: true });
    this.scroller = h("div", { class: "diagram-scroll" }, [this.diagram, this.tooltip]);
    this.root = h("section", { part: "network", class: "network", "aria-label": text.networkHeading }, [
      h("h2", {}, [text.networkHeading]),
      h("p", { class: "hint" }, [text.networkHint]),
      this.symmetry,
      this.scroller,
    ]);
    this.unitCanvas = document.createElement("canvas");
    this.diagram.addEventListener("pointermove", (event) => this.#pointer(event));
    this.diagram.addEventListener("pointerleave", () => this.#setHover(null));
  }

  /** The network's sizes [2, n_1, …, 1] and the units shown per hidden layer. */
  setShape(sizes, shown) {
    const same = sizes.length === this.#sizes.length && sizes.every((n, i) => n === this.#sizes[i])
      && shown.length === this.#shown.length && shown.every((n, i) => n === this.#shown[i]);
    if (same) return false;
    this.#sizes = [...sizes];
    this.#shown = [...shown];
    this.#starts = offsets(sizes);
    this.#weights = null;
    this.#hover = null;
    this.#inputKey = "";
    this.#build();
    return true;
  }

  /**
   * Reads the network of wasm Playground `pg` (its unit views, rendered
   * here, and its packed weights, views over `memory`) and draws it, with
   * `output` (a canvas of the decision map) as the output node.
   */
  update(pg, memory, output, bounds, pictures = true) {
    const sizes = [...pg.layerSizes()];
    // Which units have a view comes with the unit maps: a new Playground
    // has none yet (and logistic regression never has any).
    let shown = [...pg.unitLayers()];
    if (pictures || shown.length === 0) {
      pg.renderUnits(UNIT_CELLS, MAX_UNIT_LAYERS, MAX_UNIT_VIEWS);
      shown = [...pg.unitLayers()];
    }
    pg.packWeights();
    if (this.setShape(sizes, shown)) this.layout(this.scroller.clientWidth, globalThis.devicePixelRatio || 1);
    const identical = pg.identicalUnits();
    const units = shown.reduce((sum, n) => sum + n, 0);
    const pixels = pg.unitPixelsLen();
    // Views over wasm memory, made after the last call that could grow it.
    const buffer = memory.buffer;
    const weights = new Float64Array(buffer, pg.weightsPtr(), pg.weightsLen());
    if (pictures) {
      this.draw({
        units: pixels > 0 ? new ImageData(new Uint8ClampedArray(buffer, pg.unitPixelsPtr(), pixels), units * UNIT_CELLS, UNIT_CELLS) : null,
        weights,
        output,
        bounds,
      });
    } else {
      this.#keepWeights(weights);
    }
    this.showSymmetry(identical, sizes[1]);
  }

  /** The neuron views, in layer then unit order. */
  get neurons() {
    return [...this.nodes.querySelectorAll('[part="neuron"]')];
  }

  #build() {
    const text = this.text;
    this.nodes.replaceChildren();
    this.tooltip.hidden = true;
    const sizes = this.#sizes;
    const columns = [];
    const node = (kind, layer, unit, label) => {
      const attributes = { class: `node ${kind}`, "aria-label": label, role: "img" };
      if (kind === "neuron") Object.assign(attributes, { part: "neuron", tabindex: 0 });
      if (kind === "dot") return { kind, layer, unit };
      const element = h("canvas", attributes);
      this.nodes.append(element);
      const entry = { kind, layer, unit, element };
      if (kind === "neuron") {
        element.addEventListener("focus", () => this.#setHover({ kind: "node", node: entry }));
        element.addEventListener("blur", () => this.#setHover(null));
      }
      return entry;
    };
    columns.push([node("input", 0, 0, text.axisX1), node("input", 0, 1, text.axisX2)]);
    for (let l = 1; l + 1 < sizes.length; l += 1) {
      const asViews = l - 1 < this.#shown.length;
      const column = [];
      for (let u = 0; u < sizes[l]; u += 1) {
        column.push(node(asViews ? "neuron" : "dot", l, u, format(text.unitLabel, { layer: l, unit: u + 1 })));
      }
      columns.push(column);
    }
    columns.push([node("output", sizes.length - 1, 0, text.outputLabel)]);
    this.#nodes = columns;
    this.#width = 0;
  }

  /** Places the nodes for a diagram `width` CSS px wide; returns whether it changed. */
  layout(width, ratio) {
    if (width === this.#width || this.#nodes.length === 0) return false;
    this.#width = width;
    const columns = this.#nodes;
    const viewRows = Math.max(1, ...columns.filter((c) => c[0].kind === "neuron").map((c) => Math.min(c.length, ROWS)));
    let size = Math.max(18, Math.min(64, Math.floor(DIAGRAM_HEIGHT / viewRows) - GAP));
    // Many layers on a narrow screen: smaller views rather than no room for links.
    const subColumns = columns.map((c) => (c[0].kind === "neuron" ? Math.ceil(c.length / ROWS) : 1));
    const widthOf = (kind, s) => (kind === "neuron" ? s + GAP : kind === "output" ? OUTPUT_SIZE : INPUT_SIZE);
    const needed = (s) => subColumns.reduce((sum, k, i) => sum + k * widthOf(columns[i][0].kind, s), 0);
    while (size > 18 && needed(size) + (columns.length - 1) * MIN_SPACING > width) size -= 2;
    const height = Math.max(
      2 * INPUT_SIZE + 3 * GAP,
      OUTPUT_SIZE,
      viewRows * (size + GAP),
      ...columns.filter((c) => c[0].kind === "dot").map((c) => Math.min(c.length * 8, DIAGRAM_HEIGHT)),
    );
    const gaps = Math.max(1, columns.length - 1);
    const diagramWidth = Math.max(
      needed(size) + gaps * MIN_SPACING,
      Math.min(width, needed(size) + gaps * MAX_SPACING),
    );
    const spacing = (diagramWidth - needed(size)) / gaps;
    let x = 0;
    columns.forEach((column, c) => {
      const kind = column[0].kind;
      if (kind === "neuron") {
        const rows = Math.min(column.length, ROWS);
        const top = (height - rows * (size + GAP) + GAP) / 2;
        column.forEach((n, u) => {
          Object.assign(n, { x: x + Math.floor(u / ROWS) * (size + GAP), y: top + (u % ROWS) * (size + GAP), size });
        });
        x += subColumns[c] * (size + GAP);
      } else if (kind === "dot") {
        const step = Math.min(size + GAP, height / column.length);
        const top = (height - step * column.length) / 2;
        const radius = Math.max(1.5, Math.min(6, step / 2 - 1));
        column.forEach((n, u) => Object.assign(n, { x: x + INPUT_SIZE / 2 - radius, y: top + u * step + step / 2 - radius, size: 2 * radius }));
        x += INPUT_SIZE;
      } else {
        const side = kind === "output" ? OUTPUT_SIZE : INPUT_SIZE;
        const gap = column.length > 1 ? Math.min(size, 40) : 0;
        const total = column.length * side + (column.length - 1) * gap;
        column.forEach((n, u) => Object.assign(n, { x, y: (height - total) / 2 + u * (side + gap), size: side }));
        x += side;
      }
      x += spacing;
    });
    for (const column of columns) {
      for (const n of column) {
        if (!n.element) continue;
        const pixels = Math.round(n.size * ratio);
        n.element.width = pixels;
        n.element.height = pixels;
        Object.assign(n.element.style, { left: `${n.x}px`, top: `${n.y}px`, width: `${n.size}px`, height: `${n.size}px` });
      }
    }
    this.diagram.style.width = `${diagramWidth}px`;
    this.diagram.style.height = `${height}px`;
    this.links.width = Math.round(diagramWidth * ratio);
    this.links.height = Math.round(height * ratio);
    this.links.style.width = `${diagramWidth}px`;
    this.links.style.height = `${height}px`;
    this.ratio = ratio;
    this.#inputKey = "";
    return true;
  }

  /**
   * Draws everything: `units` an ImageData of the unit views side by side
   * (or null), `weights` the packed weights (see inside.rs), `output` a
   * canvas with the decision map, `bounds` the plotted rectangle.
   */
  draw({ units, weights, output, bounds }) {
    if (this.#nodes.length === 0 || !this.#width) return;
    this.#keepWeights(weights);
    this.#drawInputs(bounds);
    if (units) this.#drawUnits(units);
    const out = this.#nodes.at(-1)[0];
    if (output && out.element) {
      const ctx = out.element.getContext("2d");
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(output, 0, 0, out.element.width, out.element.height);
    }
    this.#drawLinks();
    this.#refreshTooltip();
  }

  /** A copy of the weights for hovering (the view over wasm memory goes stale), reused while the size holds. */
  #keepWeights(weights) {
    if (this.#weights?.length !== weights.length) this.#weights = new Float64Array(weights.length);
    this.#weights.set(weights);
    this.#refreshTooltip();
  }

  /** Says (or stops saying) that every hidden unit is the same. */
  showSymmetry(identical, count) {
    // Written only when changed: this runs with every redraw while training.
    if (this.symmetry.hidden === identical) this.symmetry.hidden = !identical;
    if (!identical) return;
    const note = format(this.text.symmetryNote, { count });
    if (this.symmetry.textContent !== note) this.symmetry.textContent = note;
  }

  #drawInputs(bounds) {
    const key = `${bounds.xMin},${bounds.xMax},${bounds.yMin},${bounds.yMax},${this.#width}`;
    if (key === this.#inputKey) return;
    this.#inputKey = key;
    this.#nodes[0].forEach((n, axis) => {
      const ctx = n.element.getContext("2d");
      const w = n.element.width;
      const [lo, hi] = axis === 0 ? [bounds.xMin, bounds.xMax] : [bounds.yMax, bounds.yMin];
      const scale = Math.max(Math.abs(lo), Math.abs(hi));
      const gradient = axis === 0 ? ctx.createLinearGradient(0, 0, w, 0) : ctx.createLinearGradient(0, 0, 0, w);
      for (let k = 0; k <= 8; k += 1) {
        const value = (lo + ((hi - lo) * k) / 8) / scale;
        gradient.addColorStop(k / 8, tint(value, 0.9));
      }
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, w, w);
    });
  }

  #drawUnits(image) {
    // Each tile goes through a canvas of its own size, so that smoothing
    // while scaling it up cannot pick up its neighbour's edge.
    const cells = image.height;
    const tile = this.unitCanvas;
    if (tile.width !== cells) {
      tile.width = cells;
      tile.height = cells;
    }
    const tileContext = tile.getContext("2d");
    let k = 0;
    for (const column of this.#nodes) {
      for (const n of column) {
        if (n.kind !== "neuron") continue;
        tileContext.putImageData(image, -k * cells, 0, k * cells, 0, cells, cells);
        const ctx = n.element.getContext("2d");
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(tile, 0, 0, n.element.width, n.element.height);
        k += 1;
      }
    }
  }

  /** Calls `visit(from, to, l, i, j, w)` for every link. */
  #eachLink(visit) {
    const weights = this.#weights;
    const sizes = this.#sizes;
    if (!weights) return;
    for (let l = 0; l + 1 < this.#nodes.length; l += 1) {
      const from = this.#nodes[l];
      const to = this.#nodes[l + 1];
      const start = this.#starts[l];
      for (let j = 0; j < to.length; j += 1) {
        for (let i = 0; i < from.length; i += 1) {
          visit(from[i], to[j], l, i, j, weights[start + j * sizes[l] + i]);
        }
      }
    }
  }

  #drawLinks() {
    const ctx = this.links.getContext("2d");
    const ratio = this.ratio ?? 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, this.links.width, this.links.height);
    const paths = Array.from({ length: 2 * BUCKETS }, () => new Path2D());
    const ends = (n, side) => [side > 0 ? n.x + n.size : n.x, n.y + n.size / 2];
    this.#eachLink((a, b, _l, _i, _j, w) => {
      const bucket = Math.min(BUCKETS - 1, Math.floor(Math.min(Math.abs(w) / 4, 1) * BUCKETS - 1e-9));
      const path = paths[(w < 0 ? BUCKETS : 0) + Math.max(0, bucket)];
      const [x0, y0] = ends(a, 1);
      const [x1, y1] = ends(b, -1);
      path.moveTo(x0, y0);
      path.lineTo(x1, y1);
    });
    paths.forEach((path, k) => {
      const bucket = k % BUCKETS;
      const share = (bucket + 1) / BUCKETS;
      const [r, g, b] = k < BUCKETS ? POSITIVE : NEGATIVE;
      ctx.strokeStyle = `rgba(${r}, ${g}, ${b}, ${0.25 + 0.6 * share})`;
      ctx.lineWidth = 0.6 + (MAX_LINK_WIDTH - 0.6) * (bucket / (BUCKETS - 1));
      ctx.stroke(path);
    });
    // The dots of layers shown without views.
    ctx.fillStyle = "#57606a";
    for (const column of this.#nodes) {
      for (const n of column) {
        if (n.kind !== "dot") continue;
        ctx.beginPath();
        ctx.arc(n.x + n.size / 2, n.y + n.size / 2, n.size / 2, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    const hover = this.#hover;
    if (hover?.kind === "link") {
      const [x0, y0] = ends(hover.from, 1);
      const [x1, y1] = ends(hover.to, -1);
      ctx.strokeStyle = "#0969da";
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }

  #pointer(event) {
    const box = this.diagram.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    for (const column of this.#nodes) {
      for (const n of column) {
        if (n.kind !== "dot" && px >= n.x && px <= n.x + n.size && py >= n.y && py <= n.y + n.size) {
          this.#setHover({ kind: "node", node: n });
          return;
        }
      }
    }
    let best = null;
    let bestDistance = 5;
    this.#eachLink((from, to, l, i, j) => {
      const x0 = from.x + from.size;
      const y0 = from.y + from.size / 2;
      const x1 = to.x;
      const y1 = to.y + to.size / 2;
      const d = distanceToSegment(px, py, x0, y0, x1, y1);
      if (d < bestDistance) {
        bestDistance = d;
        best = { kind: "link", from, to, l, i, j };
      }
    });
    this.#setHover(best);
  }

  #setHover(hover) {
    this.#hover = hover;
    this.#drawLinks();
    this.#refreshTooltip();
  }

  #refreshTooltip() {
    const hover = this.#hover;
    const weights = this.#weights;
    if (!hover || !weights) {
      if (!this.tooltip.hidden) this.tooltip.hidden = true;
      return;
    }
    const text = this.text;
    const sizes = this.#sizes;
    const name = (n) => {
      if (n.kind === "input") return n.unit === 0 ? text.axisX1 : text.axisX2;
      if (n.kind === "output") return text.outputLabel;
      return format(text.unitLabel, { layer: n.layer, unit: n.unit + 1 });
    };
    let message;
    let anchor;
    if (hover.kind === "link") {
      const w = weights[this.#starts[hover.l] + hover.j * sizes[hover.l] + hover.i];
      message = format(text.weightTooltip, { layer: hover.l + 1, from: name(hover.from), to: name(hover.to), value: signed(w) });
      anchor = { x: (hover.from.x + hover.from.size + hover.to.x) / 2, y: (hover.from.y + hover.to.y) / 2 + hover.to.size / 2 };
    } else {
      const n = hover.node;
      if (n.kind === "input") {
        message = name(n);
      } else {
        const l = n.layer - 1;
        const b = weights[this.#starts[l] + sizes[l + 1] * sizes[l] + n.unit];
        const incoming = [];
        for (let i = 0; i < sizes[l]; i += 1) incoming.push(signed(weights[this.#starts[l] + n.unit * sizes[l] + i]));
        const shown = incoming.length > 8 ? [...incoming.slice(0, 8), "…"] : incoming;
        message = format(text.unitTooltip, { name: name(n), bias: signed(b), weights: shown.join(", ") });
      }
      anchor = { x: n.x + n.size / 2, y: n.y + n.size };
    }
    if (this.tooltip.textContent !== message) this.tooltip.textContent = message;
    this.tooltip.hidden = false;
    const width = this.tooltip.offsetWidth;
    const left = Math.max(0, Math.min(anchor.x - width / 2, this.diagram.offsetWidth - width));
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${anchor.y + 6}px`;
  }
}

/** The CSS colour of a value from −1 (orange) through 0 (white) to 1 (blue). */
function tint(value, strength) {
  const t = Math.max(-1, Math.min(1, value)) * strength;
  const colour = t < 0 ? NEGATIVE : POSITIVE;
  const mix = (c) => Math.round(255 + (c - 255) * Math.abs(t));
  return `rgb(${mix(colour[0])}, ${mix(colour[1])}, ${mix(colour[2])})`;
}

function distanceToSegment(px, py, x0, y0, x1, y1) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}
