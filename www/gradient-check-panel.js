// Gradient checking (`part="gradient-check"`), the course's lesson after
// backpropagation: "Check gradients" compares backprop's dW, db at the
// current parameters with gradapprox = (J(θ + ε) − J(θ − ε)) / 2ε for every
// parameter (ε = 1e-7), shows the course's difference ‖grad − gradapprox‖ /
// (‖grad‖ + ‖gradapprox‖) and its verdict against 2e-7, and the parameters
// worst first, the ones that disagree flagged. "Plant a bug" breaks the
// checked backprop the way the exercise does (dW2 × 2, db1 with 4/m);
// training never uses it. The check runs only on a press (element.js's
// `gradientCheck`), and says at which iteration it was made.

import { h } from "./dom.js";
import { format } from "./strings.js";
import { short } from "./derivation-panel.js";

/** Rows shown before "Show all". */
const SHOWN_ROWS = 12;
/** A row disagrees when |backprop − approx| exceeds this share of |backprop| + |approx| (and rounding). */
const ROW_TOLERANCE = 1e-4;

/** Whether one parameter's backprop and gradapprox disagree beyond rounding. */
export function disagrees({ backprop, approx }) {
  const gap = Math.abs(backprop - approx);
  return gap > ROW_TOLERANCE * (Math.abs(backprop) + Math.abs(approx)) && gap > 1e-9;
}

export class GradientCheckPanel {
  #all = false;
  #result = null;

  /** `onCheck({bug})` runs the check and returns `{difference, threshold, rows, iteration}` (or null). */
  constructor(text, { onCheck }) {
    this.text = text;
    this.onCheck = onCheck;
    this.button = h("button", { type: "button", "data-action": "check-gradients" }, [text.gradcheckRun]);
    this.bug = h("input", { type: "checkbox", "data-setting": "plant-bug" });
    this.result = h("div", { class: "gradcheck-result", "aria-live": "polite" });
    this.button.addEventListener("click", () => this.run());
    this.bug.addEventListener("change", () => {
      if (this.#result) this.run();
    });
    this.root = h("details", { part: "gradient-check", class: "gradient-check" }, [
      h("summary", {}, [h("h2", {}, [text.gradcheckHeading])]),
      h("p", { class: "hint" }, [text.gradcheckHint]),
      h("div", { class: "buttons" }, [
        this.button,
        h("label", { class: "check" }, [this.bug, text.gradcheckBug]),
      ]),
      this.result,
    ]);
  }

  /** Runs the check now and shows it. */
  run() {
    this.#all = false;
    try {
      this.#result = this.onCheck({ bug: this.bug.checked });
    } catch (error) {
      this.#result = null;
      this.result.replaceChildren(h("p", { class: "verdict mistake" }, [error.message]));
      return;
    }
    this.#show();
  }

  /** The model changed: a result shown is of older parameters, and says so. */
  stale(iteration) {
    const note = this.result.querySelector(".at");
    if (!note || !this.#result) return;
    const old = iteration !== this.#result.iteration;
    note.classList.toggle("old", old);
  }

  #show() {
    const text = this.text;
    const r = this.#result;
    if (!r) {
      this.result.replaceChildren();
      return;
    }
    const ok = r.difference <= r.threshold;
    const verdict = h("p", { class: `verdict ${ok ? "ok" : "mistake"}` }, [
      format(ok ? text.gradcheckOk : text.gradcheckMistake, { difference: r.difference.toExponential(3), threshold: r.threshold }),
    ]);
    const at = h("p", { class: "at" }, [format(text.gradcheckAt, { iteration: r.iteration, count: r.rows.length, epsilon: r.epsilon })]);
    const rows = [...r.rows].sort((a, b) => Math.abs(b.backprop - b.approx) - Math.abs(a.backprop - a.approx));
    const shown = this.#all ? rows : rows.slice(0, SHOWN_ROWS);
    const flagged = rows.filter(disagrees).length;
    const table = h("table", { class: "gradcheck-table" }, [
      h("thead", {}, [
        h("tr", {}, [text.gradcheckParameter, text.gradcheckBackprop, text.gradcheckApprox, text.gradcheckGap].map((t) => h("th", { scope: "col" }, [t]))),
      ]),
      h(
        "tbody",
        {},
        shown.map((row) => {
          const bad = disagrees(row);
          return h("tr", { class: bad ? "flagged" : "", "data-name": row.name }, [
            h("th", { scope: "row" }, [bad ? `✗ ${row.name}` : row.name]),
            h("td", {}, [short(row.backprop)]),
            h("td", {}, [short(row.approx)]),
            h("td", {}, [short(Math.abs(row.backprop - row.approx))]),
          ]);
        }),
      ),
    ]);
    const parts = [verdict, at, h("p", { class: "flag-count" }, [format(text.gradcheckFlagged, { count: flagged })]), table];
    if (rows.length > SHOWN_ROWS) {
      const more = h("button", { type: "button", class: "show-all" }, [
        this.#all ? text.gradcheckFewer : format(text.gradcheckAll, { count: rows.length }),
      ]);
      more.addEventListener("click", () => {
        this.#all = !this.#all;
        this.#show();
      });
      parts.push(more);
    }
    this.result.replaceChildren(...parts);
  }
}
