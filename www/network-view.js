// Inside the network (`part="network"`): the diagram of the layers, one
// labelled node per input (x₁, x₂ or the features chosen, #17: each with
// its picture, the feature's value over the plot, from the wasm), one
// small view per hidden unit (`part="neuron"`: what that unit computes over
// the plane, from the wasm's unit maps), and the weights on the links —
// thicker for a larger |w|, blue for positive, orange for negative. Hovering
// a link or a unit, or focusing a unit, shows its live values.
//
// Over 500 lines: layout, drawing and hover share the node positions and
// the packed weights' offsets, which would otherwise cross a module line.
//
// Units of the first hidden layers are views (at most MAX_UNIT_LAYERS
// layers and MAX_UNIT_VIEWS views); the layers after them are drawn as dots.
// The diagram lays itself out in the box it is given: layers left to right,
// units stacked, the views as large as fit. Above MAX_LINKS links only each
// layer's strongest (largest |w|) are drawn, and a note says so: thousands
// of lines are a tangle, not a picture.

import { h } from "./dom.js";
import { FramePart } from "./frame-part.js";
import { format } from "./strings.js";

/** Cells per side of one unit's view. */
export const UNIT_CELLS = 40;
export const MAX_UNIT_LAYERS = 4;
export const MAX_UNIT_VIEWS = 64;
const GAP = 6;
/** Sides of the views (CSS px): at most, at least; the inputs' and output's at most. */
const MAX_VIEW = 64;
const MIN_VIEW = 12;
const INPUT_SIZE = 44;
const OUTPUT_SIZE = 72;
/** The width of a column of dots (a layer without views). */
const DOT_COLUMN = 20;
/** Room between columns for the links: at least, at most (CSS px). */
const MIN_SPACING = 24;
const MAX_SPACING = 220;
/** Above this many links, each layer draws only its strongest share of them. */
export const MAX_LINKS = 200;
/** Cells per side of an input's picture, and the width of the inputs' names beside them (CSS px). */
const INPUT_CELLS = 32;
/**
 * #15: the most units' pictures drawn in one task; more go on in the
 * frames that follow, the links last (a new diagram and 64 pictures at
 * once were a 0.1 s task on a loaded machine).
 */
const TILES_PER_PART = 16;
const INPUT_NAME = 42;

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

/**
 * `budget` links shared among layers of `counts` links: each the same share,
 * but a layer with fewer links than its share draws all of them and leaves
 * the rest to the others.
 */
function shares(counts, budget) {
  const out = counts.map(() => 0);
  const smallestFirst = counts.map((_, l) => l).sort((a, b) => counts[a] - counts[b]);
  let left = budget;
  smallestFirst.forEach((l, k) => {
    out[l] = Math.min(counts[l], Math.max(1, Math.floor(left / (counts.length - k))));
    left -= out[l];
  });
  return out;
}

const signed = (value) => (Number.isFinite(value) ? value.toFixed(3).replace("-", "\u2212") : String(value));

export class NetworkView {
  #sizes = [];
  #shown = [];
  #features = []; // the inputs' names (x1, x1sq, …)
  #nodes = []; // per column: [{x, y, size, kind, layer, unit, element?}]
  #starts = [];
  #weights = null; // the last packed weights (a copy, for hover)
  #hover = null; // {kind: "link", l, i, j} | {kind: "node", column, unit}
  #inputKey = "";
  #width = 0;
  #height = 0;
  #strongest = []; // per layer of links: how many are drawn (all of them up to MAX_LINKS in all)
  #magnitudes = []; // per layer of links: |w|, sorted, to find the strongest (reused)
  #thresholds = []; // per layer of links: the smallest |w| drawn
  #picturesLeft = null; // {units, count, output, from}: pictures drawn a part a frame (#15), or null
  #pictureParts = new FramePart(() => this.#drawPicturesLeft());

  constructor(text) {
    this.text = text;
    this.links = h("canvas", { class: "links", "aria-hidden": "true" });
    this.nodes = h("div", { class: "nodes" });
    this.diagram = h("div", { class: "diagram" }, [this.links, this.nodes]);
    this.tooltip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
    this.symmetry = h("p", { class: "symmetry", role: "status", hidden: true });
    this.linkNote = h("p", { class: "link-note", hidden: true });
    this.scroller = h("div", { class: "diagram-scroll" }, [this.diagram]);
    // Folded or open (the `folded` attribute); how to read it, folded under one line.
    this.root = h("details", { part: "network", class: "network", open: true }, [
      h("summary", {}, [h("h2", {}, [text.networkHeading])]),
      h("details", { class: "hint how-to" }, [h("summary", {}, [text.networkHowTo]), text.networkHint]),
      this.symmetry,
      this.linkNote,
      this.scroller,
      this.tooltip,
    ]);
    this.unitCanvas = document.createElement("canvas");
    this.diagram.addEventListener("pointermove", (event) => this.#pointer(event));
    this.diagram.addEventListener("pointerleave", () => this.#setHover(null));
  }

  /** The network's sizes [n_x, n_1, …, 1], the units shown per hidden layer and the inputs' names. */
  setShape(sizes, shown, features) {
    const same = sizes.length === this.#sizes.length && sizes.every((n, i) => n === this.#sizes[i])
      && shown.length === this.#shown.length && shown.every((n, i) => n === this.#shown[i])
      && features.join() === this.#features.join();
    if (same) return false;
    this.#sizes = [...sizes];
    this.#shown = [...shown];
    this.#features = [...features];
    this.#starts = offsets(sizes);
    const counts = sizes.slice(1).map((n, l) => n * sizes[l]);
    const total = counts.reduce((sum, n) => sum + n, 0);
    this.#strongest = total > MAX_LINKS ? shares(counts, MAX_LINKS) : counts;
    this.#magnitudes = counts.map((n, l) => new Float64Array(this.#strongest[l] < n ? n : 0));
    this.#thresholds = counts.map(() => 0);
    this.showLinkNote(this.#strongest.reduce((sum, n) => sum + n, 0), total);
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
    const reshaped = this.setShape(sizes, shown, pg.inputFeatures().split(","));
    if (reshaped) this.layout(this.scroller.clientWidth, this.#height, globalThis.devicePixelRatio || 1);
    const identical = pg.identicalUnits();
    const units = shown.reduce((sum, n) => sum + n, 0);
    const pixels = pg.unitPixelsLen();
    // The inputs' pictures change only with the rectangle (or a new layout): made then, not every frame.
    const inputKey = `${bounds.xMin},${bounds.xMax},${bounds.yMin},${bounds.yMax},${this.#width}`;
    const inputsStale = pictures && this.#width > 0 && inputKey !== this.#inputKey;
    if (inputsStale) pg.renderInputs(INPUT_CELLS);
    // Views over wasm memory, made after the last call that could grow it.
    const buffer = memory.buffer;
    const weights = new Float64Array(buffer, pg.weightsPtr(), pg.weightsLen());
    if (pictures) {
      const inputs = inputsStale
        ? new ImageData(new Uint8ClampedArray(buffer, pg.inputPixelsPtr(), pg.inputPixelsLen()), sizes[0] * INPUT_CELLS, INPUT_CELLS)
        : null;
      if (inputsStale) this.#inputKey = inputKey;
      const unitImage = pixels > 0 ? new ImageData(new Uint8ClampedArray(buffer, pg.unitPixelsPtr(), pixels), units * UNIT_CELLS, UNIT_CELLS) : null;
      this.draw({ units: unitImage, inputs, weights, output }, { later: reshaped });
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
    columns.push(
      this.#features.map((name, k) => {
        const label = text[`features.${name}`] ?? name;
        const entry = node("input", 0, k, format(text.inputLabel, { name: label }));
        entry.label = h("span", { class: "input-name", "aria-hidden": "true" }, [label]);
        this.nodes.append(entry.label);
        return entry;
      }),
    );
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

  /** Says how many of the links are drawn, when not all are. */
  showLinkNote(shown, total) {
    this.linkNote.hidden = shown === total;
    this.linkNote.textContent = shown === total ? "" : format(this.text.strongestLinks, { shown, total });
  }

  /**
   * Places the nodes in a box `width` × `height` CSS px: the largest views
   * that let every layer fit its column (a tall layer wraps into more
   * columns) and leave room for the links; returns whether it changed.
   */
  layout(width, height, ratio) {
    const same = width === this.#width && height === this.#height;
    // The height is kept for a network that comes later (update() lays it out).
    this.#height = height;
    if (width <= 0 || same || this.#nodes.length === 0) return false;
    this.#width = width;
    const columns = this.#nodes;
    const kinds = columns.map((c) => c[0].kind);
    const gaps = Math.max(1, columns.length - 1);
    // For a view side s: rows that fit the height, and the width it all takes.
    const rowsFor = (s) => Math.max(1, Math.floor((height + GAP) / (s + GAP)));
    // More than two inputs stack closer and, to fit the height, smaller.
    const inputCount = columns[0].length;
    const inputFit = inputCount > 2 ? Math.max(20, Math.floor((height - (inputCount - 1) * GAP) / inputCount)) : INPUT_SIZE;
    const ends = (s) => [Math.min(INPUT_SIZE, inputFit, Math.max(s, 24)), Math.min(OUTPUT_SIZE, Math.max(s, 40))];
    const needed = (s) => {
      const [input, output] = ends(s);
      return columns.reduce((sum, column, c) => {
        if (kinds[c] === "neuron") return sum + Math.ceil(column.length / rowsFor(s)) * (s + GAP);
        return sum + (kinds[c] === "dot" ? DOT_COLUMN : kinds[c] === "output" ? output : kinds[c] === "input" ? INPUT_NAME + input : input);
      }, 0);
    };
    let size = MAX_VIEW;
    while (size > MIN_VIEW && needed(size) + gaps * MIN_SPACING > width) size -= 2;
    const rows = rowsFor(size);
    const [inputSize, outputSize] = ends(size);
    const inputGap = inputCount > 2 ? GAP : inputCount > 1 ? Math.min(size, 40) : 0;
    const viewRows = Math.max(0, ...columns.filter((c, i) => kinds[i] === "neuron").map((c) => Math.min(c.length, rows)));
    const tall = Math.max(
      2 * inputSize + 3 * GAP,
      inputCount * inputSize + (inputCount - 1) * inputGap,
      outputSize,
      viewRows * (size + GAP),
      ...columns.filter((c, i) => kinds[i] === "dot").map((c) => Math.min(c.length * 8, height)),
    );
    const diagramWidth = Math.max(needed(size) + gaps * MIN_SPACING, Math.min(width, needed(size) + gaps * MAX_SPACING));
    const spacing = (diagramWidth - needed(size)) / gaps;
    let x = 0;
    columns.forEach((column, c) => {
      const kind = kinds[c];
      if (kind === "neuron") {
        const shown = Math.min(column.length, rows);
        const top = (tall - shown * (size + GAP) + GAP) / 2;
        column.forEach((n, u) => {
          Object.assign(n, { x: x + Math.floor(u / rows) * (size + GAP), y: top + (u % rows) * (size + GAP), size });
        });
        x += Math.ceil(column.length / rows) * (size + GAP);
      } else if (kind === "dot") {
        const step = Math.min(size + GAP, tall / column.length);
        const top = (tall - step * column.length) / 2;
        const radius = Math.max(1.5, Math.min(6, step / 2 - 1));
        column.forEach((n, u) => Object.assign(n, { x: x + DOT_COLUMN / 2 - radius, y: top + u * step + step / 2 - radius, size: 2 * radius }));
        x += DOT_COLUMN;
      } else {
        const side = kind === "output" ? outputSize : inputSize;
        const gap = kind === "input" ? inputGap : 0;
        const total = column.length * side + (column.length - 1) * gap;
        if (kind === "input") x += INPUT_NAME;
        column.forEach((n, u) => Object.assign(n, { x, y: (tall - total) / 2 + u * (side + gap), size: side }));
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
        if (n.label) Object.assign(n.label.style, { left: `${n.x - INPUT_NAME}px`, top: `${n.y}px`, width: `${INPUT_NAME - 4}px`, height: `${n.size}px` });
      }
    }
    this.diagram.style.width = `${diagramWidth}px`;
    this.diagram.style.height = `${tall}px`;
    this.links.width = Math.round(diagramWidth * ratio);
    this.links.height = Math.round(tall * ratio);
    this.links.style.width = `${diagramWidth}px`;
    this.links.style.height = `${tall}px`;
    this.ratio = ratio;
    this.#inputKey = "";
    return true;
  }

  /**
   * Draws everything: `units` an ImageData of the unit views side by side
   * (or null), `inputs` the inputs' pictures side by side (null: those
   * drawn stay), `weights` the packed weights (see inside.rs), `output` a
   * canvas with the decision map.
   */
  draw({ units, inputs, weights, output }, { later = false } = {}) {
    this.#pictureParts.cancel();
    if (this.#nodes.length === 0 || !this.#width) return;
    this.#keepWeights(weights);
    if (inputs) this.#drawTiles(inputs, "input");
    const count = units ? units.width / units.height : 0;
    // #15: many pictures (or a diagram just built) are drawn in parts, one a
    // frame, from a copy (the view over wasm memory goes stale).
    if (count > TILES_PER_PART || later) {
      const copy = units && new ImageData(new Uint8ClampedArray(units.data), units.width, units.height);
      this.#drawInParts(copy, count, output, later ? 0 : this.#drawTiles(copy, "neuron", 0, TILES_PER_PART));
      return;
    }
    if (units) this.#drawTiles(units, "neuron");
    this.#drawOutputAndLinks(output);
  }

  /** From the `from`th picture of `units` (`count` of them) on, TILES_PER_PART a frame; then the output and the links. */
  #drawInParts(units, count, output, from) {
    this.#picturesLeft = { units, count, output, from };
    this.#pictureParts.request();
  }

  #drawPicturesLeft() {
    const left = this.#picturesLeft;
    if (left.from < left.count) {
      left.from = this.#drawTiles(left.units, "neuron", left.from, TILES_PER_PART);
      this.#pictureParts.request();
    } else {
      this.#picturesLeft = null;
      this.#drawOutputAndLinks(left.output);
    }
  }

  /** The output node's copy of the map, and the links. */
  #drawOutputAndLinks(output) {
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
    this.#findStrongest();
    this.#refreshTooltip();
  }

  /** Each layer's smallest |w| among its strongest links (0 where all are drawn). */
  #findStrongest() {
    const weights = this.#weights;
    this.#magnitudes.forEach((magnitudes, l) => {
      if (magnitudes.length === 0) return;
      const start = this.#starts[l];
      for (let k = 0; k < magnitudes.length; k += 1) magnitudes[k] = Math.abs(weights[start + k]);
      magnitudes.sort();
      this.#thresholds[l] = magnitudes[magnitudes.length - this.#strongest[l]];
    });
  }

  /** Says (or stops saying) that every hidden unit is the same. */
  showSymmetry(identical, count) {
    // Written only when changed: this runs with every redraw while training.
    if (this.symmetry.hidden === identical) this.symmetry.hidden = !identical;
    if (!identical) return;
    const note = format(this.text.symmetryNote, { count });
    if (this.symmetry.textContent !== note) this.symmetry.textContent = note;
  }

  /**
   * Draws `image`'s tiles, side by side, into the nodes of `kind` in order:
   * `count` of them from the `from`th (all by default); returns the index
   * of the next.
   */
  #drawTiles(image, kind, from = 0, count = Infinity) {
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
        if (n.kind !== kind) continue;
        if (k >= from + count) return k;
        if (k >= from) {
          tileContext.putImageData(image, -k * cells, 0, k * cells, 0, cells, cells);
          const ctx = n.element.getContext("2d");
          ctx.imageSmoothingEnabled = true;
          ctx.drawImage(tile, 0, 0, n.element.width, n.element.height);
        }
        k += 1;
      }
    }
    return k;
  }

  /** Calls `visit(from, to, l, i, j, w)` for every link drawn. */
  #eachLink(visit) {
    const weights = this.#weights;
    const sizes = this.#sizes;
    if (!weights) return;
    for (let l = 0; l + 1 < this.#nodes.length; l += 1) {
      const from = this.#nodes[l];
      const to = this.#nodes[l + 1];
      const start = this.#starts[l];
      const threshold = this.#thresholds[l];
      for (let j = 0; j < to.length; j += 1) {
        for (let i = 0; i < from.length; i += 1) {
          const w = weights[start + j * sizes[l] + i];
          // NaN (a diverged run) is drawn: it is not weaker than the rest.
          if (!(Math.abs(w) < threshold)) visit(from[i], to[j], l, i, j, w);
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
      if (n.kind === "input") return n.label.textContent;
      if (n.kind === "output") return text.outputLabel;
      return format(text.unitLabel, { layer: n.layer, unit: n.unit + 1 });
    };
    let message;
    let anchor;
    if (hover.kind === "link") {
      const w = weights[this.#starts[hover.l] + hover.j * sizes[hover.l] + hover.i];
      message = format(text.weightTooltip, { layer: hover.l + 1, from: name(hover.from), to: name(hover.to), value: signed(w) });
      const x = (hover.from.x + hover.from.size + hover.to.x) / 2;
      const y = (hover.from.y + hover.from.size / 2 + hover.to.y + hover.to.size / 2) / 2;
      anchor = { left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 };
    } else {
      const n = hover.node;
      if (n.kind === "input") {
        message = format(text.inputTooltip, { name: name(n) });
      } else {
        const l = n.layer - 1;
        const b = weights[this.#starts[l] + sizes[l + 1] * sizes[l] + n.unit];
        const incoming = [];
        for (let i = 0; i < sizes[l]; i += 1) incoming.push(signed(weights[this.#starts[l] + n.unit * sizes[l] + i]));
        const shown = incoming.length > 8 ? [...incoming.slice(0, 8), "…"] : incoming;
        message = format(text.unitTooltip, { name: name(n), bias: signed(b), weights: shown.join(", ") });
      }
      anchor = { left: n.x, right: n.x + n.size, top: n.y, bottom: n.y + n.size };
    }
    if (this.tooltip.textContent !== message) this.tooltip.textContent = message;
    this.tooltip.hidden = false;
    this.#place(anchor);
  }

  /**
   * Puts the tooltip beside `anchor` (a box in the diagram's coordinates):
   * to its right, else its left, else under or over it, and always inside
   * the window. It is position: fixed, so no scrolling box clips it.
   */
  #place(anchor) {
    const tip = this.tooltip;
    const diagram = this.diagram.getBoundingClientRect();
    const box = { left: diagram.left + anchor.left, right: diagram.left + anchor.right, top: diagram.top + anchor.top, bottom: diagram.top + anchor.bottom };
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const margin = 6;
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = globalThis.innerHeight;
    const clamp = (value, low, high) => Math.max(low, Math.min(value, high));
    let left;
    let top = clamp((box.top + box.bottom - height) / 2, margin, viewHeight - height - margin);
    if (box.right + margin + width <= viewWidth - margin) left = box.right + margin;
    else if (box.left - margin - width >= margin) left = box.left - margin - width;
    else {
      left = clamp((box.left + box.right - width) / 2, margin, viewWidth - width - margin);
      const below = box.bottom + margin;
      top = below + height <= viewHeight - margin ? below : Math.max(margin, box.top - margin - height);
    }
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
    // The fixed box's origin is the window's unless an ancestor contains it: correct by what it is.
    const placed = tip.getBoundingClientRect();
    if (Math.abs(placed.left - left) > 0.5 || Math.abs(placed.top - top) > 0.5) {
      tip.style.left = `${2 * left - placed.left}px`;
      tip.style.top = `${2 * top - placed.top}px`;
    }
  }
}

function distanceToSegment(px, py, x0, y0, x1, y1) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}
