// Gradient checking (`part="gradient-check"`), the course's lesson after
// backpropagation: "Check gradients" compares backprop's dW, db at the
// current parameters with gradapprox = (J(θ + ε) − J(θ − ε)) / 2ε for every
// parameter (ε = 1e-7), shows the course's difference ‖grad − gradapprox‖ /
// (‖grad‖ + ‖gradapprox‖) and its verdict against 2e-7, and the parameters
// worst first, the ones that disagree flagged. "Plant a bug" breaks the
// checked backprop the way the exercise does (dW2 × 2, db1 with 4/m);
// training never uses it. The check runs only on a press (the element's
// `gradientCheck`), and says at which iteration it was made.
//
// #15: a network too large to check in one task (api-arguments.js's limit,
// e.g. 6 × 64 units on 10,000 points: minutes of work) is checked in parts
// (work-in-parts.js), with a progress line and Cancel. Training
// is paused for it; if it goes on anyway (Play) or the run changes (reset,
// a rebuild), the check is abandoned with a note — a check is of one
// iteration's parameters.

import { h } from "./dom.js";
import { format } from "./strings.js";
import { short } from "./derivation-panel.js";
import { grouped } from "./readouts.js";
import { advancePart } from "./work-in-parts.js";

/** Rows shown before "Show all". */
const SHOWN_ROWS = 12;
/** A row disagrees when |backprop − approx| exceeds this share of |backprop| + |approx| (and rounding). */
const ROW_TOLERANCE = 1e-4;
/** The first call's multiply-adds, when in parts (the next ones are sized by the rate seen). */
const FIRST_WORK = 1e5;

/** Whether one parameter's backprop and gradapprox disagree beyond rounding. */
export function disagrees({ backprop, approx }) {
  const gap = Math.abs(backprop - approx);
  return gap > ROW_TOLERANCE * (Math.abs(backprop) + Math.abs(approx)) && gap > 1e-9;
}

export class GradientCheckPanel {
  #all = false;
  #result = null;
  /** The check in parts under way: `{bug, run, work, unchanged, timer}`, or null. */
  #parts = null;

  /**
   * `engine`: `fits()` whether the check fits in one task; `check({bug})`
   * runs it and returns `{difference, threshold, rows, iteration}` (or
   * null); `begin({bug})` pauses training and starts it in parts: `{run,
   * iteration, unchanged()}`, or null while an iteration is finishing.
   */
  constructor(text, engine) {
    this.text = text;
    this.engine = engine;
    this.button = h("button", { type: "button", "data-action": "check-gradients" }, [text.gradcheckRun]);
    this.cancelButton = h("button", { type: "button", "data-action": "cancel-gradient-check", hidden: true }, [text.gradcheckCancel]);
    this.bug = h("input", { type: "checkbox", "data-setting": "plant-bug" });
    this.meter = h("progress", { class: "gradcheck-meter", max: 1, value: 0 });
    this.progressLine = h("span", {});
    this.progress = h("p", { class: "gradcheck-progress", role: "status", hidden: true }, [this.meter, this.progressLine]);
    this.result = h("div", { class: "gradcheck-result", "aria-live": "polite" });
    this.button.addEventListener("click", () => this.run());
    this.cancelButton.addEventListener("click", () => this.cancel());
    // A result shown, or a check under way (#15: in parts, its bug fixed when it began), is checked again with the bug as ticked.
    this.bug.addEventListener("change", () => {
      if (this.#result || this.#parts) this.run();
    });
    this.root = h("details", { part: "gradient-check", class: "gradient-check" }, [
      h("summary", {}, [h("h2", {}, [text.gradcheckHeading])]),
      h("p", { class: "hint" }, [text.gradcheckHint]),
      h("div", { class: "buttons" }, [
        this.button,
        this.cancelButton,
        h("label", { class: "check" }, [this.bug, text.gradcheckBug]),
      ]),
      this.progress,
      this.result,
    ]);
  }

  /** Runs the check now and shows it; a large network's in parts. */
  run() {
    this.#stopParts();
    this.#all = false;
    try {
      if (!this.engine.fits()) {
        this.#startParts();
        return;
      }
      this.#result = this.engine.check({ bug: this.bug.checked });
    } catch (error) {
      this.#fail(error.message);
      return;
    }
    this.#show();
  }

  /** Stops a check in parts, saying how far it got (nothing when none runs). */
  cancel() {
    const parts = this.#parts;
    if (!parts) return;
    const note = parts.run ? format(this.text.gradcheckCancelled, this.#counts(parts.run)) : null;
    this.#stopParts();
    this.result.replaceChildren(...(note ? [h("p", { class: "at" }, [note])] : []));
  }

  #startParts() {
    this.#result = null;
    this.result.replaceChildren(h("p", { class: "at" }, [this.text.gradcheckPaused]));
    this.#parts = { bug: this.bug.checked, run: null, work: FIRST_WORK, unchanged: null, timer: 0 };
    this.button.disabled = true;
    this.cancelButton.hidden = false;
    this.meter.removeAttribute("value");
    this.progressLine.textContent = "";
    this.progress.hidden = false;
    this.#next();
  }

  /** The next part, in a task of its own (input and frames come between). */
  #next() {
    const parts = this.#parts;
    parts.timer = setTimeout(() => this.#part(parts), 0);
  }

  #part(parts) {
    if (this.#parts !== parts) return;
    try {
      if (!parts.run) {
        const begun = this.engine.begin({ bug: parts.bug });
        if (!begun) {
          this.#next();
          return;
        }
        Object.assign(parts, begun);
      } else if (!parts.unchanged()) {
        this.#stopParts();
        this.result.replaceChildren(h("p", { class: "verdict mistake" }, [this.text.gradcheckAbandoned]));
        return;
      }
      const { done, size } = advancePart((work) => parts.run.advance(work), parts.work);
      parts.work = size;
      if (done) {
        const result = { ...parts.run.result(), iteration: parts.iteration };
        this.#stopParts();
        this.#result = result;
        this.#show();
        return;
      }
      const counts = this.#counts(parts.run);
      this.meter.max = parts.run.total;
      this.meter.value = parts.run.checked;
      this.progressLine.textContent = format(this.text.gradcheckProgress, counts);
      this.#next();
    } catch (error) {
      this.#fail(error.message);
    }
  }

  #counts(run) {
    return { checked: grouped(run.checked, this.text), total: grouped(run.total, this.text) };
  }

  /** Ends a check in parts, if one runs, and frees its copy of the model. */
  #stopParts() {
    const parts = this.#parts;
    if (!parts) return;
    this.#parts = null;
    clearTimeout(parts.timer);
    parts.run?.free();
    this.button.disabled = false;
    this.cancelButton.hidden = true;
    this.progress.hidden = true;
  }

  #fail(message) {
    this.#stopParts();
    this.#result = null;
    this.result.replaceChildren(h("p", { class: "verdict mistake" }, [message]));
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
