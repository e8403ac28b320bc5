// The live numbers: iteration (and, while running to an iteration, that
// target), cost (6 decimals, as the course prints it), training accuracy
// and, when points are held out, test cost and accuracy.

import { h } from "./dom.js";
import { format } from "./strings.js";

/** A cost with six decimals, as the course prints it; a blown-up one with fewer, so its box holds it. */
const costText = (cost) => cost.toFixed(Math.abs(cost) < 10 ? 6 : Math.abs(cost) < 1e4 ? 3 : 0);

/** One formatter per locale: making one costs ~1.5 ms, using one ~1 µs (#15). */
const formatters = new Map();

/** A whole number as `text`'s language groups its digits: 10,000. */
export function grouped(n, text) {
  let formatter = formatters.get(text.locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(text.locale);
    formatters.set(text.locale, formatter);
  }
  return formatter.format(n);
}

export class Readouts {
  constructor(root, text) {
    this.text = text;
    const item = (label, name) => {
      const value = h("dd", {}, [text.notANumber]);
      const row = h("div", { class: `readout ${name}` }, [h("dt", {}, [label]), value]);
      root.append(row);
      return { row, value };
    };
    this.iteration = item(text.iteration, "iteration");
    this.target = h("span", { class: "target", hidden: true });
    // Beside the label, where it has room and moves nothing.
    this.iteration.row.firstChild.append(this.target);
    // #16: with mini-batches an epoch is several iterations.
    this.epoch = item(text.epoch, "epoch");
    this.epoch.row.hidden = true;
    this.cost = item(text.cost, "cost");
    this.testCost = item(text.testCost, "test-cost");
    this.train = item(text.trainAccuracy, "train");
    this.test = item(text.testAccuracy, "test");
    this.test.row.hidden = true;
    this.testCost.row.hidden = true;
  }

  /** The iteration a "run to" stops at, shown after the iteration's label ("→ 10,000"); null: none. */
  showTarget(target) {
    const shown = target === null ? "" : format(this.text.runToTarget, { target: grouped(target, this.text) });
    if (this.target.textContent !== shown) this.target.textContent = shown;
    this.target.hidden = target === null;
  }

  percent(fraction) {
    return Number.isFinite(fraction)
      ? format(this.text.percent, { value: (fraction * 100).toFixed(2) })
      : this.text.notANumber;
  }

  /**
   * Shows `state` ({iteration, cost, trainAccuracy, testAccuracy}) of a
   * model with `points` ({train, test}; null when there is no model). Called
   * every frame: it changes only what differs, and text in place (a new
   * text node or even an unchanged attribute written again makes the
   * browser recompute styles that depend on it, `:has()` rules included).
   */
  show(state, points = null) {
    const set = (item, text) => {
      const node = item.value.firstChild;
      if (node?.data !== text) node.data = text;
    };
    set(this.iteration, String(state.iteration));
    if (this.epoch.row.hidden === Boolean(state.batched)) this.epoch.row.hidden = !state.batched;
    if (state.batched) set(this.epoch, String(state.epoch));
    // No points (drawn, then cleared): a cost of nothing is NaN, not news;
    // nor is the cost of a large network still being evaluated (#15).
    const empty = points !== null && points.train.length === 0;
    const cost = state.evaluating ? this.text.notANumber : Number.isFinite(state.cost) ? costText(state.cost) : String(state.cost);
    set(this.cost, empty ? this.text.noPointsYet : cost);
    // Words, not a number: they may wrap in a narrow box rather than be cut.
    if (this.cost.value.classList.contains("words") !== empty) this.cost.value.classList.toggle("words", empty);
    set(this.train, this.percent(state.trainAccuracy));
    const held = Number.isFinite(state.testAccuracy);
    if (this.test.row.hidden === held) {
      this.test.row.hidden = !held;
      this.testCost.row.hidden = !held;
    }
    set(this.test, this.percent(state.testAccuracy));
    set(this.testCost, Number.isFinite(state.testCost) ? costText(state.testCost) : this.text.notANumber);
  }
}
