// Choosing a point on the plot for its derivation: a click near a point
// (on a built-in dataset; with your own points, where a click adds one, an
// Alt-click), or the keyboard on the focused plot — the arrow keys move
// through the training points and then the held-out ones, Home and End
// jump to the first and last, Escape lets go. A line under the plot (a
// polite live region) says which point it is: coordinates, label and the
// model's probability of class 1.

import { h } from "./dom.js";

export class PointPicker {
  /** The chosen point, {index, set}, or null. */
  selection = null;

  /**
   * `onSelect(selection or null)` does what choosing does (the element's
   * `selectPoint`); `points()` gives {train, test}.
   */
  constructor(text, { onSelect, points }) {
    this.text = text;
    this.onSelect = onSelect;
    this.points = points;
    this.status = h("p", { class: "point-status", "aria-live": "polite" });
  }

  /** Listens on the plot's canvas; `nearest(event)` gives the point under a click, or null. */
  attach(canvas, nearest) {
    canvas.setAttribute("tabindex", "0");
    this.nearest = nearest;
    canvas.addEventListener("keydown", (event) => this.#key(event));
    // Focused from the keyboard with nothing chosen: say what the keys do
    // (not on a click, which focuses the plot too).
    canvas.addEventListener("focus", () => {
      if (!this.selection && canvas.matches(":focus-visible")) this.describe(this.text.pointKeysHint);
    });
    canvas.addEventListener("blur", () => {
      if (!this.selection) this.describe("");
    });
  }

  /**
   * A click on the plot: picks the point under it when it may (`drawing`:
   * your own points are being drawn, where only Alt-click picks). Returns
   * whether it picked one.
   */
  click(event, drawing) {
    if (drawing && !event.altKey) return false;
    const point = this.nearest(event);
    if (!point) return false;
    this.onSelect(point);
    return true;
  }

  /** Shows the chosen point's line, `description` (or nothing). */
  describe(description) {
    if (this.status.textContent !== description) this.status.textContent = description;
  }

  #key(event) {
    const points = this.points();
    if (!points) return;
    const order = [...points.train.map((_, index) => ({ index, set: "train" })), ...points.test.map((_, index) => ({ index, set: "test" }))];
    if (order.length === 0) return;
    const at = this.selection ? order.findIndex((p) => p.index === this.selection.index && p.set === this.selection.set) : -1;
    const moves = {
      ArrowRight: at + 1,
      ArrowDown: at + 1,
      ArrowLeft: at < 0 ? order.length - 1 : at - 1,
      ArrowUp: at < 0 ? order.length - 1 : at - 1,
      Home: 0,
      End: order.length - 1,
    };
    if (event.key === "Escape" && this.selection) {
      event.preventDefault();
      this.onSelect(null);
      return;
    }
    if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const next = (moves[event.key] + order.length) % order.length;
    this.onSelect(order[next]);
  }
}
