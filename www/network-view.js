// Inside the network (`part="network"`): the diagram of the layers, one
// labelled node per input (x₁, x₂ or the features chosen, #17: each with
// its picture, the feature's value over the plot, from the wasm), one
// small view per hidden unit (`part="neuron"`: what that unit computes over
// the plane, from the wasm's unit maps), and the weights on the links —
// thicker for a larger |w|, blue for positive, orange for negative. Hovering
// a link or a unit, or focusing a unit, shows its live values.
//
// Units of the first hidden layers are views (at most MAX_UNIT_LAYERS
// layers and MAX_UNIT_VIEWS views); the layers after them are drawn as dots.
// The diagram lays itself out in the box it is given (network-layout.js).
// Above MAX_LINKS links only each layer's strongest (largest |w|) are drawn
// (network-links.js), and a note says so: thousands of lines are a tangle,
// not a picture. The pictures are network-tiles.js's, the hover's tooltip
// network-hover.js's.

import { h } from "./dom.js";
import { FramePart } from "./frame-part.js";
import { format } from "./strings.js";
import { INPUT_NAME, placeNodes } from "./network-layout.js";
import { MAX_LINKS, drawLinks, eachLink, findStrongest, offsets, shares } from "./network-links.js";
import { hoverAt, showTooltip } from "./network-hover.js";
import { drawTiles } from "./network-tiles.js";

export { MAX_LINKS };

/** Cells per side of one unit's view. */
export const UNIT_CELLS = 40;
export const MAX_UNIT_LAYERS = 4;
export const MAX_UNIT_VIEWS = 64;
/** Cells per side of an input's picture. */
const INPUT_CELLS = 32;
/**
 * #15: the most units' pictures drawn in one task; more go on in the
 * frames that follow, the links last (a new diagram and 64 pictures at
 * once were a 0.1 s task on a loaded machine).
 */
const TILES_PER_PART = 16;

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
   * Places the nodes in a box `width` × `height` CSS px (placeNodes) and
   * sizes their canvases; returns whether it changed.
   */
  layout(width, height, ratio) {
    const same = width === this.#width && height === this.#height;
    // The height is kept for a network that comes later (update() lays it out).
    this.#height = height;
    if (width <= 0 || same || this.#nodes.length === 0) return false;
    this.#width = width;
    const columns = this.#nodes;
    const { diagramWidth, tall } = placeNodes(columns, width, height);
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
    findStrongest(this.#weights, this.#starts, this.#magnitudes, this.#strongest, this.#thresholds);
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

  /** Draws `image`'s tiles into the nodes of `kind` (network-tiles.js); returns the index of the next. */
  #drawTiles(image, kind, from, count) {
    return drawTiles(this.#nodes, this.unitCanvas, image, kind, from, count);
  }

  /** Calls `visit(from, to, l, i, j, w)` for every link drawn. */
  #eachLink = (visit) => {
    eachLink({ nodes: this.#nodes, sizes: this.#sizes, starts: this.#starts, thresholds: this.#thresholds, weights: this.#weights }, visit);
  };

  #drawLinks() {
    drawLinks(this.links, this.ratio ?? 1, this.#nodes, this.#eachLink, this.#hover);
  }

  #pointer(event) {
    const box = this.diagram.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    this.#setHover(hoverAt(this.#nodes, this.#eachLink, px, py));
  }

  #setHover(hover) {
    this.#hover = hover;
    this.#drawLinks();
    this.#refreshTooltip();
  }

  #refreshTooltip() {
    showTooltip(this.tooltip, this.diagram, this.text, this.#hover, { weights: this.#weights, sizes: this.#sizes, starts: this.#starts });
  }
}
