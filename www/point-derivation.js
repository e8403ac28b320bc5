// The point a person chose (a click or the keys on the plot, or
// `selectPoint`) and its derivation: the picker that chooses it
// (point-picker.js), the panel that shows its forward and backward pass
// (derivation-panel.js), and the line under the plot that names it. The
// view (view.js) places the picker's status and the panel and calls
// `refresh` each frame it draws.

import { format } from "./strings.js";
import { layersOf } from "./formulas-panel.js";
import { DerivationPanel, short } from "./derivation-panel.js";
import { PointPicker } from "./point-picker.js";

/** How often the open derivation is refreshed while training (ms). */
export const VALUES_MS = 200;
/**
 * #15: the batch's gradients (the (1/m) Σᵢ dW⁽ⁱ⁾ beside each dW) are a
 * backward pass over every training point: with more training points ×
 * parameters than this (~10 ms of work) they are not computed again while
 * training plays, only once it stops (six 64-unit layers and 10,000
 * points: 2 × 10⁸, 0.25–0.35 s a time).
 */
const BATCH_WORK = 1e7;

export class PointDerivation {
  picker;
  panel;
  #text;
  #model;
  #settings;
  #loop;
  #selection = null; // {index, set}, or null
  #computedAt = -Infinity; // when the derivation was last computed
  #computedFrom = []; // and from what: the run, its state as last read, its points, the settings
  #batch = { pg: null, layers: null }; // the batch's gradients last computed

  /**
   * `rooms`: `{model, settings, loop}`; `select(index, set)` / `select(null)`
   * is the element's `selectPoint`, which checks what the picker chose.
   */
  constructor(text, { model, settings, loop }, select) {
    this.#text = text;
    this.#model = model;
    this.#settings = settings;
    this.#loop = loop;
    this.picker = new PointPicker(text, {
      onSelect: (point) => (point ? select(point.index, point.set) : select(null)),
      points: () => model.points,
    });
    this.panel = new DerivationPanel(text, {
      onClose: () => select(null),
      onRefresh: () => this.refresh(true),
    });
  }

  /** The point chosen, or null. */
  get selection() {
    return this.#selection;
  }

  /** Opens the derivation of `point` ({index, set}, checked by the element), or closes it (null). */
  select(point) {
    this.#selection = point;
    this.picker.selection = point;
    if (!point) {
      this.panel.close();
      this.picker.describe("");
    } else {
      this.refresh(true);
    }
  }

  /** [x1, x2] of the chosen point, or null. */
  coordinates() {
    const point = this.#selection;
    const p = point && this.#model.points?.[point.set]?.[point.index];
    return p ? [p[0], p[1]] : null;
  }

  /**
   * The open derivation, recomputed (at most every VALUES_MS while
   * training, its numbers changed in place a slice a frame; nothing while
   * closed; built again when `now`), and the line under the plot. A point
   * that is gone (new data) closes it. #15: a frame drawn for another
   * reason (a resize, the page growing with the panel) recomputes nothing
   * if the run has not changed since: at six 64-unit layers and 10,000
   * points the batch's gradients alone take 0.25–0.35 s.
   */
  refresh(now = false) {
    const point = this.#selection;
    const model = this.#model;
    const pg = model.pg;
    if (!point || !model.usable) return;
    const time = performance.now();
    if (!now && this.#loop.running && time - this.#computedAt < VALUES_MS) {
      this.panel.catchUp();
      return;
    }
    const from = [pg, model.state, model.points, this.#settings.current];
    if (!now && !this.#loop.running && from.every((what, i) => what === this.#computedFrom[i])) return;
    this.#computedFrom = from;
    this.#computedAt = time;
    const list = model.points?.[point.set];
    if (!list || point.index >= list.length) {
      this.select(null);
      return;
    }
    const text = this.#text;
    model.call(() => {
      const d = pg.derivation(point.index, point.set === "test");
      const mean = this.panel.view === "mean";
      const shown = mean ? pg.derivationMean() : d;
      const batch = this.#batchOf(pg);
      const settings = this.#settings.current;
      this.panel.show({
        point: { ...point, label: d.y, x1: list[point.index][0], x2: list[point.index][1] },
        d: shown,
        batch,
        m: model.points.train.length,
        parameters: layersOf(pg.parameters()),
        logistic: settings.model === "logistic",
        activation: settings.activation,
      }, { rebuild: now, sliced: this.#loop.running });
      const [x1, x2, label] = list[point.index];
      this.picker.describe(
        format(point.set === "test" ? text.pointStatusTest : text.pointStatusTrain, {
          index: point.index,
          count: list.length,
          x1: short(x1),
          x2: short(x2),
          label,
          probability: short(d.forward.at(-1).a[0]),
        }),
      );
    });
  }

  /** The batch's gradients as layers [{dW, db}]: computed now, or while a large run trains those last computed. */
  #batchOf(pg) {
    const large = this.#model.points.train.length * pg.parameterCount() > BATCH_WORK;
    if (large && this.#loop.running && this.#batch.pg === pg) return this.#batch.layers;
    const layers = layersOf(pg.gradients(), "d").map(({ W, b }) => ({ dW: W, db: b }));
    this.#batch = { pg, layers };
    return layers;
  }
}
