// The live formulas (`part="formulas"`): a collapsible panel with the
// course's forward and backward equations of the model on screen and their
// current shapes (formulas.js), the step being computed highlighted while
// training runs slowly, and on demand the current W, b and their gradients
// dW, db as matrices, for networks small enough to read.

import { h } from "./dom.js";
import { format } from "./strings.js";
import { averaged, buildFormulas, formulaSteps, layered, m, mo, row, stepsUnderWay } from "./formulas.js";

/** The most parameters whose values are shown. */
export const MAX_SHOWN_PARAMETERS = 64;
/** At this many iterations per second or fewer, the current step is highlighted. */
export const HIGHLIGHT_MAX_SPEED = 5;

/** A number as a matrix shows it: three significant digits, a true minus. */
function short(value) {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const text =
    magnitude === 0 ? "0" : magnitude >= 0.001 && magnitude < 10000 ? String(Number(value.toPrecision(3))) : value.toExponential(2);
  return text.replace(/-/g, "\u2212");
}

/**
 * `rows` (arrays of numbers) as a bracketed matrix: an HTML table, so that
 * the numbers line up on the right in any font, with CSS brackets.
 */
function matrix(rows) {
  const table = h("table", { class: "matrix" }, [
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((v) => h("td", {}, [short(v)]))))),
  ]);
  return h("span", { class: "bracketed" }, [h("span", { class: "bracket left" }), table, h("span", { class: "bracket right" })]);
}

/** `name` = `value` on one line: the name typeset, the matrix beside it. */
function named(name, value) {
  const math = m("math", row(name, mo("=")));
  return h("div", { class: "value" }, [math, value]);
}

/** Parameters in the contract's shapes as layers: [{W: rows, b: numbers}]. */
export function layersOf(parameters, prefix = "") {
  const p = (name) => parameters[`${prefix}${name}`];
  if (p("w") !== undefined) return [{ W: [p("w")], b: [p("b")] }];
  if (p("W1") !== undefined) return [{ W: p("W1"), b: p("b1") }, { W: p("W2"), b: p("b2") }];
  return p("W").map((W, l) => ({ W, b: p("b")[l] }));
}

export class FormulasPanel {
  #key = "";
  #steps = [];
  #layers = 0;
  #current = [];
  #showValues = false;

  /** `onToggleValues()` is called when "Show values" (or then "Hide values") is pressed. */
  constructor(text, { onToggleValues }) {
    this.text = text;
    this.body = h("div", { class: "formula-groups" });
    this.valuesButton = h(
      "button",
      { type: "button", "data-action": "show-values", "aria-pressed": "false", title: text.showValuesTitle },
      [text.showValues],
    );
    this.valuesButton.addEventListener("click", () => {
      this.#showValues = !this.#showValues;
      this.valuesButton.setAttribute("aria-pressed", String(this.#showValues));
      // The button says what a press does next.
      this.valuesButton.textContent = this.#showValues ? text.hideValues : text.showValues;
      this.values.hidden = !this.#showValues;
      onToggleValues();
    });
    this.values = h("div", { class: "formula-values", hidden: true, "aria-live": "off" });
    // Folded unless the `folded` attribute says otherwise (view.js opens it).
    this.root = h("details", { part: "formulas", class: "formulas" }, [
      h("summary", {}, [h("h2", {}, [text.formulasHeading])]),
      h("p", { class: "hint" }, [format(text.formulasHint, { max: HIGHLIGHT_MAX_SPEED })]),
      this.body,
      h("div", { class: "buttons" }, [this.valuesButton]),
      this.values,
    ]);
  }

  /** Whether a person can see the equations (the panel is open and shown). */
  get visible() {
    return this.root.open && this.root.isConnected && this.root.offsetParent !== null;
  }

  get showingValues() {
    return this.#showValues && this.visible;
  }

  /**
   * The equations for `sizes` ([n_x, …, 1]), `activation`, `m` examples and the inputs `features`, with
   * the settings' optimiser's update (#16) and regularisation `{l2, l1, keepProb}` (#17).
   */
  setModel(sizes, activation, examples, features, { optimizer = "gd", l2 = 0, l1 = 0, keepProb = 1 } = {}) {
    const key = `${sizes.join(",")}|${activation}|${examples}|${features.join()}|${optimizer}|${l2}|${l1}|${keepProb}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#current = [];
    this.body.replaceChildren(buildFormulas({ sizes, activation, m: examples, features, optimizer, l2, l1, keepProb }, this.text));
    this.#layers = sizes.length - 1;
    this.#steps = formulaSteps(this.#layers);
  }

  /**
   * Highlights the step at `phase` of one iteration: a share of its time
   * (0 ≤ phase < 1), or `{ step }`, the trainer's step under way in an
   * iteration trained in parts (formulas.js `stepsUnderWay`); none when
   * `phase` is null.
   */
  highlight(phase) {
    const steps = this.#steps;
    const current =
      phase === null || steps.length === 0
        ? []
        : typeof phase === "number"
          ? [steps[Math.min(steps.length - 1, Math.floor(phase * steps.length))]]
          : stepsUnderWay(phase.step, this.#layers);
    if (current.join() === this.#current.join()) return;
    this.#current = current;
    for (const line of this.body.querySelectorAll(".equation.current")) {
      line.classList.remove("current");
      line.removeAttribute("aria-current");
    }
    for (const step of current) {
      for (const line of this.body.querySelectorAll(`.equation[data-step="${step}"]`)) {
        line.classList.add("current");
        line.setAttribute("aria-current", "step");
      }
    }
  }

  /** The current step's id (the first, when a part computes several), or null (for tests and the page). */
  get currentStep() {
    return this.#current[0] ?? null;
  }

  /**
   * Shows `parameters` and `gradients` (the contract's shapes, gradients
   * with "d" names) after `iteration`, and the optimiser's running
   * averages v and s when it keeps them (`optimizer`: {v, s} with "v"/"s"
   * names), or says there are too many.
   */
  showValues({ parameters, gradients, optimizer = {}, count, iteration }) {
    const text = this.text;
    if (count > MAX_SHOWN_PARAMETERS) {
      const note = format(text.valuesTooMany, { count, max: MAX_SHOWN_PARAMETERS });
      if (this.values.textContent !== note) this.values.replaceChildren(h("p", { class: "hint" }, [note]));
      return;
    }
    const weights = layersOf(parameters);
    const grads = layersOf(gradients, "d");
    const column = (numbers) => matrix(numbers.map((v) => [v]));
    // #16: momentum's and Adam's v, RMSprop's and Adam's s, beside the gradients they average.
    const averages = ["v", "s"].filter((letter) => optimizer[letter]).map((letter) => [letter, layersOf(optimizer[letter], letter)]);
    const layers = weights.map((layer, i) => {
      const l = i + 1;
      return h("div", { class: "value-layer" }, [
        named(layered("", "W", l), matrix(layer.W)),
        named(layered("", "b", l), column(layer.b)),
        named(layered("d", "W", l), matrix(grads[i].W)),
        named(layered("d", "b", l), column(grads[i].b)),
        ...averages.flatMap(([letter, values]) => [
          named(averaged(letter, "W", l), matrix(values[i].W)),
          named(averaged(letter, "b", l), column(values[i].b)),
        ]),
      ]);
    });
    this.values.replaceChildren(
      h("h3", {}, [format(text.valuesHeading, { iteration })]),
      h("div", { class: "value-layers" }, layers),
      h("p", { class: "hint" }, [text.valuesNote]),
    );
  }
}
