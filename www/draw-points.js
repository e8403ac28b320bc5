// Drawing your own points on the plot. With `dataset=custom` a click on the
// map adds a point of the chosen class (class 1 unless the toggle says
// otherwise) and a shift-click one of the other class; the toggle is there
// for touch screens, which have no shift key. The bar under the plot holds
// the toggle, the count, undo and clear; its hint speaks of taps on a touch
// screen and of clicks with a mouse (the last pointer used, else what the
// device's main pointer is). On a built-in dataset a click on the plot adds
// nothing, and a line under the plot says how to draw. The points
// themselves live in the element; this only reports what the person did.

import { h } from "./dom.js";
import { counted } from "./strings.js";

/** How long the "choose draw your own" line stays (ms). */
const REFUSAL_MS = 4000;

export class DrawTool {
  #label = 1;
  #active = false;
  #count = 0;
  #touch = globalThis.matchMedia?.("(pointer: coarse)").matches ?? false;
  #refusalTimer = 0;
  /** Whether "draw your own" is there to choose (the data panel is shown). */
  offersOwn = true;

  /** `onAdd([x1, x2, label])`, `onUndo()`, `onClear()`. */
  constructor(text, { onAdd, onUndo, onClear }) {
    this.text = text;
    this.onAdd = onAdd;
    const classButton = (label, name) => {
      const button = h("button", { type: "button", class: "toggle", "data-class": String(label), "aria-pressed": String(label === 1) }, [
        h("i", { class: `swatch class${label}` }),
        name,
      ]);
      button.addEventListener("click", () => this.#choose(label));
      return button;
    };
    this.classButtons = [classButton(0, text.drawClass0), classButton(1, text.drawClass1)];
    this.hint = h("p", { class: "draw-hint" }, [text.drawHint]);
    this.refusal = h("p", { class: "draw-refusal", role: "status" });
    this.count = h("span", { class: "draw-count", "aria-live": "polite" });
    this.undo = h("button", { type: "button", "data-action": "undo-point", title: text.undoPointTitle }, [text.undoPoint]);
    this.clear = h("button", { type: "button", "data-action": "clear-points", title: text.clearPointsTitle }, [text.clearPoints]);
    this.undo.addEventListener("click", onUndo);
    this.clear.addEventListener("click", onClear);
    this.bar = h("div", { class: "draw-bar", hidden: true }, [
      this.hint,
      h("div", { class: "draw-tools" }, [
        h("span", { class: "segmented", role: "group", "aria-label": text.drawClassLabel }, this.classButtons),
        this.count,
        this.undo,
        this.clear,
      ]),
    ]);
  }

  /** The class a plain click adds (0 or 1). */
  get label() {
    return this.#label;
  }

  /** Listens for clicks on `canvas`; `toData(event)` gives [x1, x2] or null outside the map. */
  attach(canvas, toData) {
    canvas.addEventListener("pointerdown", (event) => {
      const touch = event.pointerType === "touch" || event.pointerType === "pen";
      if (touch === this.#touch) return;
      this.#touch = touch;
      this.#showHint();
    });
    canvas.addEventListener("click", (event) => {
      if (!this.#active) {
        this.#refuse();
        return;
      }
      const point = toData(event);
      if (!point) return;
      const label = event.shiftKey ? 1 - this.#label : this.#label;
      this.onAdd([point[0], point[1], label]);
    });
    this.canvas = canvas;
  }

  /** Shows or hides the bar: `active` in custom mode, with `count` points. */
  show({ active, count }) {
    this.#active = active;
    this.bar.hidden = !active;
    this.canvas?.classList.toggle("drawing", active);
    this.#count = count;
    this.#showHint();
    if (active) this.#clearRefusal();
    this.count.textContent = counted(this.text, "drawCount", { count });
    this.undo.disabled = count === 0;
    this.clear.disabled = count === 0;
  }

  #showHint() {
    const text = this.text;
    const empty = this.#count === 0;
    const hint = this.#touch ? (empty ? text.drawEmptyTouch : text.drawHintTouch) : empty ? text.drawEmpty : text.drawHint;
    if (this.hint.textContent !== hint) this.hint.textContent = hint;
  }

  /** A click on a built-in dataset's plot: says how to add points, for a moment. */
  #refuse() {
    if (!this.offersOwn) {
      this.#clearRefusal();
      return;
    }
    this.refusal.textContent = this.text.drawChooseOwn;
    clearTimeout(this.#refusalTimer);
    this.#refusalTimer = setTimeout(() => this.#clearRefusal(), REFUSAL_MS);
  }

  #clearRefusal() {
    clearTimeout(this.#refusalTimer);
    this.refusal.textContent = "";
  }

  #choose(label) {
    this.#label = label;
    for (const button of this.classButtons) {
      button.setAttribute("aria-pressed", String(Number(button.dataset.class) === label));
    }
  }
}
