// The derivation of one example (`part="derivation"`): the computation
// graph of the point picked on the plot through the current network
// (derivation-graph.js draws it), then its terms in the course's notation
// with the current numbers — the forward pass node by node (each z and a,
// the output a = ŷ, the loss L(a, y)), then the backward pass by the chain
// rule (dL/da, da/dz, dz; for a hidden layer dA = Wᵀ·dz and g′(z); every
// dW = a_prev · dz, forward-pass factor times backward-pass factor, beside
// the batch's (1/m) Σᵢ dW⁽ⁱ⁾, and db = dz). "All points" shows every term
// averaged over the training points instead. Step-through walks the same
// terms, a step per place on the graph: node by node forward, then edge by
// edge backward (Space or Enter on "Next step"), highlighting the step on
// the graph and in the text. Layers wider than SHOWN_UNITS show the units
// with the largest |dz| and a button for the rest; with a layer expanded
// (#15) the graph and terms are built, and their numbers changed for
// another point, a part a task over the next frames, so that no task is
// long. It only renders what it is given (view.js computes it, at most
// every few hundred ms while training, never while closed).
//
// The terms are derivation-terms.js's, the graph's drawing derivation-graph.js's.

import { h } from "./dom.js";
import { drawGraph, drawnWeights } from "./derivation-graph.js";
import { buildTerms, short } from "./derivation-terms.js";
import { LiveNumbers } from "./live-numbers.js";
import { format } from "./strings.js";

export { short };

/** How long a frame may spend rewriting the open derivation's numbers while training plays (ms). */
const SLICE_MS = 3;

/** Units shown per layer before "+N more". */
export const SHOWN_UNITS = 4;
/**
 * #15: with more units shown than this (a layer expanded), the graph and
 * its terms are built, and their numbers changed for another point, in
 * parts: about PART_MS of work a task, each task after a frame. Two 64-unit
 * layers expanded were one 0.1–0.2 s task of building and laying out ~130
 * units, ~300 edges and ~1,000 lines.
 */
const AT_ONCE_UNITS = 24;
const PART_MS = 6;

/** The indices of `values` to show: all, or the SHOWN_UNITS largest in magnitude, in order. */
function shownUnits(values, expanded) {
  const all = values.map((_, j) => j);
  if (expanded || values.length <= SHOWN_UNITS) return all;
  return all
    .sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]))
    .slice(0, SHOWN_UNITS)
    .sort((a, b) => a - b);
}

/** Whether two drawnWeights draw the same weights. */
function sameWeights(a, b) {
  if (!a || !b || a.count !== b.count || a.total !== b.total) return false;
  return a.keys === null ? b.keys === null : b.keys !== null && [...a.keys].every((key) => b.keys.has(key));
}

export class DerivationPanel {
  #view = "point"; // "point" or "mean"
  #expanded = new Set(); // layers shown in full
  #stepping = false;
  #step = -1;
  #last = null; // what was rendered last, to render again on a button
  #parts = []; // what is still to build of a large graph and its terms (#15), in order
  #large = false; // whether the graph on screen is built and updated in parts
  #sliced = false; // whether its numbers follow training, a slice a frame (`catchUp`)
  #request = null; // the next task of parts, or null
  #graphBox = null; // the graph on screen, and its terms
  #termList = null;
  #retired = []; // what showed a large graph before, hidden, taken apart a part a task (#15)
  #shape = ""; // what the graph and terms were built for (see show)
  #drawn = null; // the weights the graph draws (drawnWeights)
  #live = null; // their numbers (live-numbers.js)

  /** `onClose()`: the close button; `onRefresh()`: a change of view that needs the numbers again. */
  constructor(text, { onClose, onRefresh }) {
    this.text = text;
    this.onRefresh = onRefresh;
    this.title = h("h2", { id: "derivation-title" }, [text.derivationHeading]);
    this.subtitle = h("p", { class: "derivation-point" });
    const close = h("button", { type: "button", class: "close", "data-action": "close-derivation", "aria-label": text.derivationClose }, ["×"]);
    close.addEventListener("click", onClose);
    const viewButton = (name, label) => {
      const button = h("button", { type: "button", class: "toggle", "data-view": name, "aria-pressed": String(name === this.#view) }, [label]);
      button.addEventListener("click", () => {
        this.#view = name;
        for (const b of this.viewButtons) b.setAttribute("aria-pressed", String(b.dataset.view === name));
        this.onRefresh();
      });
      return button;
    };
    this.viewButtons = [viewButton("point", text.derivationThisPoint), viewButton("mean", text.derivationAllPoints)];
    this.stepButton = h("button", { type: "button", "data-action": "step-through", "aria-pressed": "false" }, [text.derivationStepThrough]);
    this.nextButton = h("button", { type: "button", "data-action": "next-step", hidden: true }, [text.derivationNextStep]);
    this.stepButton.addEventListener("click", () => this.#toggleStepping());
    this.nextButton.addEventListener("click", () => this.#advance());
    this.stepStatus = h("p", { class: "step-status", "aria-live": "polite" });
    this.body = h("div", { class: "derivation-body" });
    this.root = h("section", { part: "derivation", class: "derivation", hidden: true, "aria-labelledby": "derivation-title" }, [
      h("div", { class: "derivation-head" }, [this.title, close]),
      this.subtitle,
      h("p", { class: "hint" }, [text.derivationHint]),
      h("div", { class: "buttons" }, [
        h("span", { class: "segmented", role: "group", "aria-label": text.derivationViewLabel }, this.viewButtons),
        this.stepButton,
        this.nextButton,
      ]),
      this.stepStatus,
      this.body,
    ]);
  }

  get open() {
    return !this.root.hidden;
  }

  /** Which numbers to show: this point's ("point") or the average over the training points ("mean"). */
  get view() {
    return this.#view;
  }

  /**
   * #15: what the subtitle says while the "all points" view is averaged in
   * parts; the numbers shown until it is done (another view's, or an
   * earlier state's) are marked busy and dimmed, so that none reads as the
   * mean.
   */
  averaging(line) {
    this.root.hidden = false;
    if (this.subtitle.textContent !== line) this.subtitle.textContent = line;
    this.body.setAttribute("aria-busy", "true");
  }

  close() {
    this.#cancelParts();
    this.#parts = [];
    this.root.hidden = true;
    this.body.removeAttribute("aria-busy");
    this.#last = null;
    this.#live = null;
    this.#retire();
    this.#graphBox = null;
    this.#termList = null;
    this.#setStepping(false);
  }

  /**
   * Shows the derivation. `point`: {index, set, label, count}; `d`: the
   * shown derivation (`element.derivation` shape, plus dA and gPrime);
   * `batch`: the batch's per-layer dW and db ([{dW, db}]); `m` training
   * points; `parameters` as layers [{W, b}]; `logistic`: the notes' graph.
   * The graph and the terms are built again only for a new shape (another
   * view, other units shown) or, with `rebuild` (a new point, the end of a
   * run), other weights drawn; otherwise their numbers change in place —
   * with `sliced` (while training plays) a slice a frame, the rest in the
   * next frames' `catchUp()`, so that a large graph never makes a frame late.
   */
  show(data, { rebuild = true, sliced = false } = {}) {
    this.#last = data;
    this.root.hidden = false;
    this.body.removeAttribute("aria-busy");
    const { point, d } = data;
    const text = this.text;
    const setName = point.set === "test" ? text.derivationTestPoint : text.derivationTrainPoint;
    const a = d.forward.at(-1).a[0];
    const subtitle =
      this.#view === "mean"
        ? format(text.derivationMeanOf, { m: data.m })
        : format(text.derivationPointLine, { set: setName, index: point.index, x1: short(point.x1), x2: short(point.x2), y: d.y, a: short(a) });
    if (this.subtitle.textContent !== subtitle) this.subtitle.textContent = subtitle;
    const shown = d.backward.map((b, l) => shownUnits(b.dz, this.#expanded.has(l)));
    const shape = JSON.stringify([this.#view, data.logistic, data.activation, data.m, shown, d.forward.map((f) => f.z.length), d.features, [...this.#expanded]]);
    const drawn = rebuild || shape !== this.#shape || !this.#live ? drawnWeights(shown, data.parameters) : null;
    this.#sliced = sliced;
    if (drawn && (shape !== this.#shape || !this.#live || !sameWeights(drawn, this.#drawn))) {
      this.#shape = shape;
      this.#drawn = drawn;
      this.#build(data, shown, drawn);
    } else {
      this.#live.update(data);
      if (sliced) this.#live.work(performance.now() + SLICE_MS);
      else if (!this.#large) this.#live.work();
      else this.#nextPart();
    }
    this.#highlight();
  }

  /**
   * The graph and its terms built again for `data`, at once for a few
   * units; for more (#15) from the next frame on, a part a task (`#tick`),
   * `aria-busy` until whole. The new graph shows its top, as it did: its
   * box lays out its content only once on screen (content-visibility), so
   * scrolling it back to where the old one was, in the same task, found
   * nothing to scroll, and only cost a layout of the page (up to 70 ms).
   */
  #build(data, shown, drawn) {
    this.#cancelParts();
    const live = new LiveNumbers(short);
    this.#live = live;
    const graph = drawGraph(this.text, live, { ...data, shown, drawn, expanded: this.#expanded, toggle: (l) => this.#toggleLayer(l) });
    const terms = buildTerms(this.text, live, this.#view === "mean", data, shown, drawn);
    // Every number, made with its part, shows this data from then on.
    live.update(data);
    this.#large = shown.reduce((sum, layer) => sum + layer.length, 0) > AT_ONCE_UNITS;
    if (this.#large) {
      this.#retire();
      this.body.append(graph.box, terms.element);
    } else {
      this.#retired = [];
      this.body.replaceChildren(graph.box, terms.element);
    }
    [this.#graphBox, this.#termList] = [graph.box, terms.element];
    const canvas = graph.box.querySelector(".graph-canvas");
    this.#parts = [...graph.parts, () => canvas.removeAttribute("aria-busy"), ...terms.parts, () => terms.element.removeAttribute("aria-busy")];
    if (this.#large) {
      // Busy until whole (for assistive technology, and tests).
      canvas.setAttribute("aria-busy", "true");
      terms.element.setAttribute("aria-busy", "true");
      this.#nextPart();
    } else {
      for (const part of this.#parts.splice(0)) part();
    }
  }

  /**
   * A task after the next frame, not in it (so that the frame's own layout
   * of what the last part added is not added to this part's work), for the
   * large graph's next parts: its numbers still to change (unless training
   * plays: then `catchUp` does that in the frames), then the parts still to
   * build, PART_MS of work, and so on until done (given up when the graph
   * is built again or the panel closes).
   */
  #nextPart() {
    if (this.#request) return;
    const request = { frame: requestAnimationFrame(() => (request.timer = setTimeout(() => this.#tick()))), timer: 0 };
    this.#request = request;
  }

  #tick() {
    this.#request = null;
    const deadline = performance.now() + PART_MS;
    this.#takeApart(deadline);
    const live = this.#live;
    if (live && !this.#sliced) live.work(deadline);
    let done = 0;
    while (done < this.#parts.length && performance.now() <= deadline) {
      this.#parts[done]();
      done += 1;
    }
    this.#parts.splice(0, done);
    if (this.#retired.length > 0 || this.#parts.length > 0 || (live?.pending && !this.#sliced)) this.#nextPart();
    else if (live) this.#highlight();
  }

  /**
   * What is in the panel's body goes out of sight at once, and out of the
   * page a part a task (#15: removing the ~65,000 nodes of a graph with six
   * 64-unit layers and its terms at once was a task of 0.1 s).
   */
  #retire() {
    for (const element of this.body.children) element.hidden = true;
    this.#retired = [...this.body.children];
    if (this.#retired.length > 0) this.#nextPart();
  }

  /** Removes retired nodes from the last, a subtree of at most two levels at a time, until `deadline`. */
  #takeApart(deadline) {
    const retired = this.#retired;
    while (retired.length > 0 && performance.now() <= deadline) {
      for (let n = 0; n < 64 && retired.length > 0; n += 1) {
        const root = retired.at(-1);
        let node = root;
        while (node.lastChild?.firstElementChild?.firstElementChild) node = node.lastChild;
        if (node.lastChild) node.lastChild.remove();
        else if (node !== root) node.remove();
        else retired.pop().remove();
      }
    }
  }

  #cancelParts() {
    if (!this.#request) return;
    cancelAnimationFrame(this.#request.frame);
    clearTimeout(this.#request.timer);
    this.#request = null;
  }

  /** Goes on with numbers still to rewrite (each frame while training plays). */
  catchUp() {
    if (!this.#live?.pending) return;
    if (this.#live.work(performance.now() + SLICE_MS) && this.#stepping) this.#highlight();
  }

  /** Shows layer l in full, or its strongest units again. */
  #toggleLayer(l) {
    if (this.#expanded.has(l)) this.#expanded.delete(l);
    else this.#expanded.add(l);
    if (this.#last) this.show(this.#last);
  }

  #toggleStepping() {
    this.#setStepping(!this.#stepping);
    if (this.#stepping) this.#advance();
  }

  #setStepping(on) {
    this.#stepping = on;
    this.#step = -1;
    this.stepButton.setAttribute("aria-pressed", String(on));
    this.nextButton.hidden = !on;
    this.stepStatus.textContent = "";
    this.#highlight();
    if (on) this.nextButton.focus();
  }

  /**
   * The steps, in the order of the terms: consecutive terms computed at the
   * same place on the graph are one step — the forward pass node by node
   * (z and a of a unit together), the backward pass edge by edge (each dW on
   * its weight's edge) with each unit's dz and db at its node.
   */
  #steps() {
    const steps = [];
    for (const term of this.#termList?.querySelectorAll(".term") ?? []) {
      const last = steps.at(-1);
      if (last && last[0].dataset.graph === term.dataset.graph) last.push(term);
      else steps.push([term]);
    }
    return steps;
  }

  /** The next step; after the last, the first again. The graph scrolls to show it. */
  #advance() {
    const count = this.#steps().length;
    if (count === 0) return;
    this.#step = (this.#step + 1) % count;
    this.#highlight();
    this.#graphBox?.querySelector(".graph .current")?.scrollIntoView?.({ block: "nearest", inline: "center" });
  }

  /**
   * Marks the current step's terms and its node or edge on the graph (for
   * an edge, also its forward-pass factor, the input's value at the node
   * it comes from, and its backward-pass factor, dz at the unit it goes
   * to), and says it.
   */
  #highlight() {
    for (const el of this.body.querySelectorAll(".current, .forward-factor, .backward-factor")) el.classList.remove("current", "forward-factor", "backward-factor");
    if (!this.#stepping || this.#step < 0) return;
    const steps = this.#steps();
    const step = steps[Math.min(this.#step, steps.length - 1)];
    if (!step) return;
    for (const term of step) term.classList.add("current");
    const places = this.#graphBox.querySelectorAll(`.graph [data-graph="${step[0].dataset.graph}"]`);
    for (const place of places) place.classList.add("current");
    const { from, to, factor } = places[0]?.dataset ?? {};
    if (factor) {
      this.#graphBox.querySelector(`.graph .node[data-graph="${from}"] [data-line="${factor}"]`)?.classList.add("forward-factor");
      this.#graphBox.querySelector(`.graph .node[data-graph="${to}"] [data-line="dz"]`)?.classList.add("backward-factor");
    }
    const terms = step.map((term) => term.textContent).join("; ");
    const status = format(this.text.derivationStepStatus, { step: this.#step + 1, count: steps.length, term: terms });
    if (this.stepStatus.textContent !== status) this.stepStatus.textContent = status;
  }
}
