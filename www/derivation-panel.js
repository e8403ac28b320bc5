// The derivation of one example (`part="derivation"`): the computation
// graph of the point picked on the plot through the current network, in the
// course's notation with the current numbers — the forward pass node by
// node (x, each z and a, the output a = ŷ, the loss L(a, y)), then the
// backward pass by the chain rule (dL/da, da/dz, dz; for a hidden layer dA
// = Wᵀ·dz and g′(z); every dW = a_prev · dz, forward-pass factor times
// backward-pass factor, beside the batch's (1/m) Σᵢ dW⁽ⁱ⁾, and db = dz).
// "All points" shows every term averaged over the training points instead.
// A step-through mode highlights one term at a time (Space or Enter on
// "Next step"). Layers wider than SHOWN_UNITS show the units with the
// largest |dz| and a button for the rest. It only renders what it is given
// (view.js computes it, at most every few hundred ms while training).

import { h } from "./dom.js";
import { format } from "./strings.js";

/** Units shown per layer before "+N more". */
export const SHOWN_UNITS = 4;

/** A number with four significant digits and a true minus. */
export function short(value) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const text =
    magnitude === 0 ? "0" : magnitude >= 0.001 && magnitude < 100000 ? String(Number(value.toPrecision(4))) : value.toExponential(3);
  return text.replace(/-/g, "\u2212");
}

/**
 * A symbol in the course's notation: `prefix` + `letter`, the layer as a
 * superscript [l] (none for logistic regression) and the unit(s) as a
 * subscript, counted from 1 (a string subscript, such as "k", as it is).
 */
function sym(letter, layer, units = [], prefix = "") {
  const parts = [`${prefix}${letter}`];
  if (layer !== null) parts.push(h("sup", {}, [`[${layer}]`]));
  if (units.length > 0) parts.push(h("sub", {}, [units.map((u) => (typeof u === "number" ? u + 1 : u)).join("")]));
  return h("span", { class: "sym" }, parts);
}

/** g in the formulas, by hidden activation (leaky ReLU is g). */
const ACTIVATION_NAMES = { tanh: "tanh", sigmoid: "σ", relu: "ReLU" };

/** g′(z) written from the forward values: 1 − a² for tanh, a(1 − a) for σ; none for the ReLUs (1 or the slope, by the sign of z). */
function derivativeFormula(activation, a) {
  if (activation === "tanh") return ["1 − ", a(), "²"];
  if (activation === "sigmoid") return [a(), "(1 − ", a(), ")"];
  return [];
}

/** The indices of `values` to show: all, or the SHOWN_UNITS largest in magnitude, in order. */
function shownUnits(values, expanded) {
  const all = values.map((_, j) => j);
  if (expanded || values.length <= SHOWN_UNITS) return all;
  return all
    .sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]))
    .slice(0, SHOWN_UNITS)
    .sort((a, b) => a - b);
}

export class DerivationPanel {
  #view = "point"; // "point" or "mean"
  #expanded = new Set(); // layers shown in full
  #stepping = false;
  #step = -1;
  #last = null; // what was rendered last, to render again on a button

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

  close() {
    this.root.hidden = true;
    this.#last = null;
    this.#setStepping(false);
  }

  /**
   * Shows the derivation. `point`: {index, set, label, count}; `d`: the
   * shown derivation (`element.derivation` shape, plus dA and gPrime);
   * `batch`: the batch's per-layer dW and db ([{dW, db}]); `m` training
   * points; `parameters` as layers [{W, b}]; `logistic`: the notes' graph.
   */
  show(data) {
    this.#last = data;
    this.root.hidden = false;
    const { point, d } = data;
    const text = this.text;
    const setName = point.set === "test" ? text.derivationTestPoint : text.derivationTrainPoint;
    const a = d.forward.at(-1).a[0];
    this.subtitle.textContent =
      this.#view === "mean"
        ? format(text.derivationMeanOf, { m: data.m })
        : format(text.derivationPointLine, {
            set: setName,
            index: point.index,
            x1: short(d.x[0]),
            x2: short(d.x[1]),
            y: d.y,
            a: short(a),
          });
    this.body.replaceChildren(this.#graph(data), this.#terms(data));
    this.#highlight();
  }

  /** The graph: input nodes, then each layer's units (z, a; dz under), then the loss. */
  #graph({ d, logistic, parameters }) {
    const text = this.text;
    const layers = d.forward.length;
    const node = (key, lines, kind = "") => h("div", { class: `node ${kind}`, "data-node": key }, lines.map((l) => h("div", {}, l)));
    const columns = [];
    const inputs = [node("x0", [[sym("x", null, [0]), ` = ${short(d.x[0])}`]], "input"), node("x1", [[sym("x", null, [1]), ` = ${short(d.x[1])}`]], "input")];
    if (logistic) {
      const w = parameters[0].W[0];
      inputs.splice(1, 0, node("w0", [[sym("w", null, [0]), ` = ${short(w[0])}`]], "parameter"));
      inputs.push(node("w1", [[sym("w", null, [1]), ` = ${short(w[1])}`]], "parameter"));
      inputs.push(node("b", [["b", ` = ${short(parameters[0].b[0])}`]], "parameter"));
    }
    columns.push(h("div", { class: "column" }, inputs));
    for (let l = 0; l < layers; l += 1) {
      const layer = logistic ? null : l + 1;
      const { z, a } = d.forward[l];
      const { dz } = d.backward[l];
      const shown = shownUnits(dz, this.#expanded.has(l));
      const single = z.length === 1 && (logistic || l === layers - 1);
      const nodes = shown.map((j) =>
        node(`z${l}-${j}`, [
          [sym("z", layer, single ? [] : [j]), ` = ${short(z[j])}`],
          [sym("a", layer, single ? [] : [j]), ` = ${short(a[j])}`],
          [sym("z", layer, single ? [] : [j], "d"), ` = ${short(dz[j])}`],
        ], "unit"),
      );
      const hidden = z.length - shown.length;
      if (hidden > 0 || this.#expanded.has(l)) nodes.push(this.#moreButton(l, hidden));
      columns.push(h("div", { class: "column", "data-layer": String(l + 1) }, nodes));
    }
    const out = d.backward.at(-1);
    columns.push(
      h("div", { class: "column" }, [
        node("loss", [[`L(a, y) = ${short(d.loss)}`], [`y = ${short(d.y)}`], [h("span", { class: "sym" }, ["dL/da"]), ` = ${short(out.dA[0])}`]], "loss"),
      ]),
    );
    return h("div", { class: "graph", role: "group", "aria-label": text.derivationGraphLabel }, columns);
  }

  #moreButton(l, hidden) {
    const expanded = this.#expanded.has(l);
    const button = h("button", { type: "button", class: "more-units", "aria-expanded": String(expanded) }, [
      expanded ? this.text.derivationFewerUnits : format(this.text.derivationMoreUnits, { count: hidden }),
    ]);
    button.addEventListener("click", () => {
      if (expanded) this.#expanded.delete(l);
      else this.#expanded.add(l);
      if (this.#last) this.show(this.#last);
    });
    return button;
  }

  /**
   * The forward then the backward terms, one line each, in the order
   * step-through walks them: symbol = formula = value. In the "all points"
   * view each line is the average (1/m) Σᵢ of that term instead — an
   * average of products is not the product of averages, so the formulas
   * are not written there.
   */
  #terms({ d, batch, logistic, activation, m }) {
    const text = this.text;
    const layers = d.forward.length;
    const mean = this.#view === "mean";
    const L = (l) => (logistic ? null : l + 1);
    const units = (l, j) => (d.forward[l].z.length === 1 && (logistic || l === layers - 1) ? [] : [j]);
    const shown = d.backward.map((b, l) => shownUnits(b.dz, this.#expanded.has(l)));
    const inputsOf = (l) => (l === 0 ? [0, 1] : shown[l - 1]);
    const aPrev = (l, k) => (l === 0 ? sym("x", null, [k]) : sym("a", L(l - 1), units(l - 1, k)));
    const aPrevValue = (l, k) => (l === 0 ? d.x[k] : d.forward[l - 1].a[k]);
    const plain = (name) => h("span", { class: "sym" }, [name]);
    const batchOf = (value) => (mean ? [] : [h("span", { class: "batch" }, [format(text.derivationBatch, { m, value: short(value) })])]);
    /** One term: `symbol` (a function, as a node has one place) = `formula` = `value`, then `extra`. */
    const term = (node, symbol, formula, value, extra = []) => {
      const middle = mean ? ["(1/m) Σ", h("sub", {}, ["i"]), " ", symbol(), h("sup", {}, ["(i)"])] : formula;
      const shownFormula = middle.length > 0 ? [...middle, " = "] : [];
      return h("p", { class: "term", "data-node": node }, [symbol(), " = ", ...shownFormula, short(value), ...extra]);
    };
    const g = ACTIVATION_NAMES[activation] ?? "g";
    const forward = [];
    for (let l = 0; l < layers; l += 1) {
      const last = l === layers - 1;
      for (const j of shown[l]) {
        const sum = logistic
          ? [sym("w", null, [0]), sym("x", null, [0]), " + ", sym("w", null, [1]), sym("x", null, [1]), " + b"]
          : ["Σ", h("sub", {}, ["k"]), " ", sym("W", L(l), [j, "k"]), " ", l === 0 ? sym("x", null, ["k"]) : sym("a", L(l - 1), ["k"]), " + ", sym("b", L(l), units(l, j))];
        forward.push(term(`z${l}-${j}`, () => sym("z", L(l), units(l, j)), sum, d.forward[l].z[j]));
        const act = last ? "σ" : g;
        forward.push(term(`z${l}-${j}`, () => sym("a", L(l), units(l, j)), [`${act}(`, sym("z", L(l), units(l, j)), ")"], d.forward[l].a[j]));
      }
    }
    forward.push(term("loss", () => "L(a, y)", ["−(y log a + (1 − y) log(1 − a))"], d.loss));

    const backward = [];
    const out = d.backward.at(-1);
    const output = `z${layers - 1}-0`;
    backward.push(term("loss", () => plain("dL/da"), ["−y/a + (1 − y)/(1 − a)"], out.dA[0]));
    backward.push(term(output, () => plain("da/dz"), ["a(1 − a)"], out.gPrime[0]));
    backward.push(
      term(output, () => sym("z", L(layers - 1), [], "d"), [plain("dL/da · da/dz"), ` = a − y = ${short(d.forward.at(-1).a[0])} − ${short(d.y)}`], out.dz[0]),
    );
    for (let l = layers - 1; l >= 0; l -= 1) {
      const b = d.backward[l];
      for (const j of shown[l]) {
        const dz = () => sym("z", L(l), units(l, j), "d");
        for (const k of inputsOf(l)) {
          const dwSym = () => (logistic ? sym("w", null, [k], "d") : sym("W", L(l), [j, k], "d"));
          const factors = [
            aPrev(l, k),
            " · ",
            dz(),
            " = ",
            h("span", { class: "factor forward", title: text.derivationForwardFactor }, [short(aPrevValue(l, k))]),
            " × ",
            h("span", { class: "factor backward", title: text.derivationBackwardFactor }, [short(b.dz[j])]),
          ];
          backward.push(term(`z${l}-${j}`, dwSym, factors, b.dW[j][k], batchOf(batch[l].dW[j][k])));
        }
        const dbSym = () => (logistic ? "db" : sym("b", L(l), units(l, j), "d"));
        backward.push(term(`z${l}-${j}`, dbSym, [dz()], b.db[j], batchOf(batch[l].db[j])));
      }
      if (l > 0) {
        const below = d.backward[l - 1];
        for (const k of shown[l - 1]) {
          const node = `z${l - 1}-${k}`;
          const da = () => sym("a", L(l - 1), [k], "d");
          const gPrime = () => h("span", {}, [`${g}′(`, sym("z", L(l - 1), [k]), ")"]);
          backward.push(
            term(node, da, ["Σ", h("sub", {}, ["j"]), " ", sym("W", L(l), ["j", k]), " ", sym("z", L(l), ["j"], "d")], below.dA[k]),
            term(node, gPrime, derivativeFormula(activation, () => sym("a", L(l - 1), [k])), below.gPrime[k]),
            term(node, () => sym("z", L(l - 1), [k], "d"), [da(), " · ", gPrime()], below.dz[k]),
          );
        }
      }
    }
    const legend = mean
      ? []
      : [
          h("p", { class: "factors-legend" }, [
            h("span", { class: "factor forward" }, [text.derivationForwardFactor]),
            " ",
            h("span", { class: "factor backward" }, [text.derivationBackwardFactor]),
          ]),
        ];
    return h("div", { class: "terms" }, [
      h("h3", {}, [text.derivationForward]),
      ...forward,
      h("h3", {}, [text.derivationBackward]),
      ...legend,
      ...backward,
    ]);
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

  /** The next term: the forward pass node by node, then the backward pass; after the last, the first again. */
  #advance() {
    const terms = this.body.querySelectorAll(".term");
    if (terms.length === 0) return;
    this.#step = (this.#step + 1) % terms.length;
    this.#highlight();
  }

  /** Marks the current term and its node in the graph, and says it. */
  #highlight() {
    for (const el of this.body.querySelectorAll(".current")) el.classList.remove("current");
    if (!this.#stepping || this.#step < 0) return;
    const terms = this.body.querySelectorAll(".term");
    const term = terms[Math.min(this.#step, terms.length - 1)];
    if (!term) return;
    term.classList.add("current");
    const node = this.body.querySelector(`.node[data-node="${term.dataset.node}"]`);
    node?.classList.add("current");
    const status = format(this.text.derivationStepStatus, { step: this.#step + 1, count: terms.length, term: term.textContent });
    if (this.stepStatus.textContent !== status) this.stepStatus.textContent = status;
  }
}
