// The derivation's terms in the course's notation (derivation-panel.js shows
// them): the forward then the backward pass, one line a term, with live numbers.

import { h } from "./dom.js";
import { html, inputSymbol, inputsOf, symbol } from "./derivation-graph.js";
import { format } from "./strings.js";

/** Lines of terms in one block, laid out only while on screen. */
const TERM_BLOCK = 40;

/** A number with four significant digits and a true minus. */
export function short(value) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const text =
    magnitude === 0 ? "0" : magnitude >= 0.001 && magnitude < 100000 ? String(Number(value.toPrecision(4))) : value.toExponential(3);
  return text.replace(/-/g, "\u2212");
}

/**
 * A symbol in the course's notation as HTML: `prefix` + `letter`, the layer
 * as a superscript [l] (none for logistic regression) and the unit(s) as a
 * subscript, counted from 1 (a string subscript, such as "k", as it is) —
 * the graph's `symbol` as its HTML.
 */
function sym(letter, layer, units = [], prefix = "") {
  return html([symbol(letter, layer, units, prefix)])[0];
}

/** g in the formulas, by hidden activation (leaky ReLU is g). */
const ACTIVATION_NAMES = { tanh: "tanh", sigmoid: "σ", relu: "ReLU" };

/** g′(z) written from the forward values: 1 − a² for tanh, a(1 − a) for σ; none for the ReLUs (1 or the slope, by the sign of z). */
function derivativeFormula(activation, a) {
  if (activation === "tanh") return ["1 − ", a(), "²"];
  if (activation === "sigmoid") return [a(), "(1 − ", a(), ")"];
  return [];
}

/**
 * The forward then the backward terms, one line each, in the order
 * step-through walks them: symbol = formula = value (a dW only for the
 * weights the graph draws). In the "all points" view each line is the
 * average (1/m) Σᵢ of that term instead — an average of products is not
 * the product of averages, so the formulas are not written there.
 * `live` makes the numbers (live-numbers.js); `mean`: the "all points" view.
 * Returns the list, empty, and its `parts`, each adding a line (#15).
 */
export function buildTerms(text, live, mean, { d, logistic, activation, m }, shown, drawn) {
  const layers = d.forward.length;
  const L = (l) => (logistic ? null : l + 1);
  const units = (l, j) => (d.forward[l].z.length === 1 && (logistic || l === layers - 1) ? [] : [j]);
  const input = (k) => html([inputSymbol(d, k, text)])[0];
  const aPrev = (l, k) => (l === 0 ? input(k) : sym("a", L(l - 1), units(l - 1, k)));
  const aPrevValue = (l, k) => (x) => (l === 0 ? x.d.x[k] : x.d.forward[l - 1].a[k]);
  const plain = (name) => h("span", { class: "sym" }, [name]);
  /** #15: the batch's value beside a dW or db; while it is computed in parts (`batch` null), "computing…", `aria-busy`. */
  const batchOf = (get) => {
    if (mean) return [];
    const span = h("span", { class: "batch" }, [
      live.text((x) => (x.batch ? format(text.derivationBatch, { m, value: short(get(x.batch)) }) : format(text.derivationBatchComputing, { m }))),
    ]);
    live.each((x) => (x.batch ? span.removeAttribute("aria-busy") : span.setAttribute("aria-busy", "true")));
    return [" ", span];
  };
  /** One term, computed at `key` on the graph (a node or an edge): `symbol` (a function, as a node has one place) = `formula` = its value `get(data)`, then `extra`. */
  const term = (key, symbol, formula, get, extra = []) => {
    const middle = mean ? ["(1/m) Σ", h("sub", {}, ["i"]), " ", symbol(), h("sup", {}, ["(i)"])] : formula;
    const shownFormula = middle.length > 0 ? [...middle, " = "] : [];
    return h("p", { class: "term", "data-graph": key }, [symbol(), " = ", ...shownFormula, live.number(get), ...extra]);
  };
  const g = ACTIVATION_NAMES[activation] ?? "g";
  const forward = [];
  for (let l = 0; l < layers; l += 1) {
    const last = l === layers - 1;
    for (const j of shown[l]) {
      const sum = () =>
        logistic
          ? [...d.x.flatMap((_, k) => [sym("w", null, [k]), input(k), " + "]), "b"]
          : ["Σ", h("sub", {}, ["k"]), " ", sym("W", L(l), [j, "k"]), " ", l === 0 ? sym("x", null, ["k"]) : sym("a", L(l - 1), ["k"]), " + ", sym("b", L(l), units(l, j))];
      forward.push(() => term(`z${l}-${j}`, () => sym("z", L(l), units(l, j)), sum(), (x) => x.d.forward[l].z[j]));
      const act = last ? "σ" : g;
      forward.push(() => term(logistic ? "a" : `z${l}-${j}`, () => sym("a", L(l), units(l, j)), [`${act}(`, sym("z", L(l), units(l, j)), ")"], (x) => x.d.forward[l].a[j]));
    }
  }
  forward.push(() => term("loss", () => "L(a, y)", ["−(y log a + (1 − y) log(1 − a))"], (x) => x.d.loss));

  const backward = [];
  const out = (x) => x.d.backward.at(-1);
  const output = `z${layers - 1}-0`;
  backward.push(() => term("aL", () => plain("dL/da"), ["−y/a + (1 − y)/(1 − a)"], (x) => out(x).dA[0]));
  backward.push(() => term(logistic ? "za" : output, () => plain("da/dz"), ["a(1 − a)"], (x) => out(x).gPrime[0]));
  const aMinusY = () => [" = a − y = ", live.number((x) => x.d.forward.at(-1).a[0]), " − ", live.number((x) => x.d.y)];
  backward.push(() => term(output, () => sym("z", L(layers - 1), [], "d"), [plain("dL/da · da/dz"), ...aMinusY()], (x) => out(x).dz[0]));
  for (let l = layers - 1; l >= 0; l -= 1) {
    const sources = inputsOf(shown, l, d.x.length);
    for (const j of shown[l]) {
      const dz = () => sym("z", L(l), units(l, j), "d");
      for (const k of drawn.into(l, j).map((port) => sources[port])) {
        const key = `W${l}-${j}-${k}`;
        const dwSym = () => (logistic ? sym("w", null, [k], "d") : sym("W", L(l), [j, k], "d"));
        const factors = () => [
          aPrev(l, k),
          " · ",
          dz(),
          " = ",
          h("span", { class: "factor forward", title: text.derivationForwardFactor }, [live.number(aPrevValue(l, k))]),
          " × ",
          h("span", { class: "factor backward", title: text.derivationBackwardFactor }, [live.number((x) => x.d.backward[l].dz[j])]),
        ];
        backward.push(() => term(key, dwSym, factors(), (x) => x.d.backward[l].dW[j][k], batchOf((batch) => batch[l].dW[j][k])));
      }
      const dbSym = () => (logistic ? "db" : sym("b", L(l), units(l, j), "d"));
      backward.push(() => term(logistic ? "b0-0" : `z${l}-${j}`, dbSym, [dz()], (x) => x.d.backward[l].db[j], batchOf((batch) => batch[l].db[j])));
    }
    if (l > 0) {
      for (const k of shown[l - 1]) {
        const node = `z${l - 1}-${k}`;
        const da = () => sym("a", L(l - 1), [k], "d");
        const gPrime = () => h("span", {}, [`${g}′(`, sym("z", L(l - 1), [k]), ")"]);
        backward.push(
          () => term(node, da, ["Σ", h("sub", {}, ["j"]), " ", sym("W", L(l), ["j", k]), " ", sym("z", L(l), ["j"], "d")], (x) => x.d.backward[l - 1].dA[k]),
          () => term(node, gPrime, derivativeFormula(activation, () => sym("a", L(l - 1), [k])), (x) => x.d.backward[l - 1].gPrime[k]),
          () => term(node, () => sym("z", L(l - 1), [k], "d"), [da(), " · ", gPrime()], (x) => x.d.backward[l - 1].dz[k]),
        );
      }
    }
  }
  const legend = mean
    ? []
    : [
        () =>
          h("p", { class: "factors-legend" }, [
            h("span", { class: "factor forward" }, [text.derivationForwardFactor]),
            " ",
            h("span", { class: "factor backward" }, [text.derivationBackwardFactor]),
          ]),
      ];
  const element = h("div", { class: "terms" });
  // Consecutive terms go in blocks of TERM_BLOCK lines (laid out only on screen, styles-derivation.js).
  let block = null;
  const put = (line) => () => {
    const made = line();
    if (!made.classList.contains("term")) {
      block = null;
      element.append(made);
      return;
    }
    if (!block || block.childElementCount === TERM_BLOCK) {
      block = h("div", { class: "term-block" });
      element.append(block);
    }
    block.append(made);
  };
  const lines = [() => h("h3", {}, [text.derivationForward]), ...forward, () => h("h3", {}, [text.derivationBackward]), ...legend, ...backward];
  return { element, parts: lines.map(put) };
}
