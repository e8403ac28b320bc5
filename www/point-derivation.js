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
import { grouped } from "./readouts.js";
import { advancePart } from "./work-in-parts.js";

/** How often the open derivation is refreshed while training (ms). */
export const VALUES_MS = 200;
/**
 * #15: the batch's gradients (the (1/m) Σᵢ dW⁽ⁱ⁾ beside each dW) are a
 * backward pass over every training point: with more training points ×
 * parameters than this (~10 ms of work) they are not computed while
 * training plays, only once it stops (six 64-unit layers and 10,000
 * points: 2 × 10⁸, 0.15–0.4 s whole), and then in parts (work-in-parts.js;
 * Playground.gradientsAdvance), the point's own numbers shown meanwhile and the batch's "computing…".
 */
const BATCH_WORK = 1e7;
/** The first call's multiply-adds (the next ones are sized by the rate seen). */
const BATCH_FIRST_WORK = 1e5;
/** How long to wait while an iteration or a first evaluation finishes in the frames (ms). */
const BATCH_WAIT_MS = 50;
/**
 * #15: the "all points" view derives every training point one by one (at
 * six 64-unit layers and 10,000 points, 2 × 10⁸ parameters × points, 6.8 s
 * whole): above this (~30 ms) it is averaged in parts (work-in-parts.js),
 * the subtitle counting the points.
 */
const MEAN_WORK = 1e6;

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
  #batch = { pg: null, state: null, layers: null, timer: 0, work: BATCH_FIRST_WORK }; // the batch's gradients, last computed or in parts
  #mean = { pg: null, state: null, result: null, run: null, points: 1, timer: 0 }; // the "all points" view, in parts

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
      this.#stopMean();
      this.#stopBatch();
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
      if (!mean && this.#mean.run) this.#stopMean();
      const shown = mean ? this.#meanOf(pg, model.state) : d;
      if (!shown) return; // averaged in parts: shown when done
      // The batch's gradients are not shown in the mean view: not computed there (the wasm keeps how far they got).
      if (mean) this.#stopBatch();
      const batch = mean ? null : this.#batchOf(pg, model.state);
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

  /**
   * The "all points" derivation: computed now (small), the one averaged
   * last (of this state, or of an earlier one while training plays), or
   * null while it is averaged in parts (then refreshed).
   */
  #meanOf(pg, state) {
    if (this.#model.points.train.length * pg.parameterCount() <= MEAN_WORK) return pg.derivationMean();
    const mean = this.#mean;
    const current = mean.pg === pg && (mean.state === state || this.#loop.running);
    if (current && (mean.result || mean.run)) return mean.result;
    this.#stopMean();
    this.#mean = { pg, state, result: null, run: pg.derivationMeanBegin(), points: 1, timer: 0 };
    this.#meanPart(this.#mean);
    return null;
  }

  /** The next part of averaging `mean`, in a task of its own. */
  #meanPart(mean) {
    const run = mean.run;
    this.panel.averaging(format(this.#text.derivationAveraging, { done: grouped(run.done, this.#text), total: grouped(run.total, this.#text) }));
    mean.timer = setTimeout(() => {
      if (this.#mean !== mean) return;
      const { done, size } = advancePart((points) => run.advance(points), mean.points, true);
      mean.points = size;
      if (!done) {
        this.#meanPart(mean);
        return;
      }
      mean.result = this.#model.call(() => run.result());
      run.free();
      mean.run = null;
      this.refresh(true);
    }, 0);
  }

  /** Stops averaging in parts, if it is under way, and forgets the mean. */
  #stopMean() {
    clearTimeout(this.#mean.timer);
    this.#mean.run?.free();
    this.#mean = { pg: null, state: null, result: null, run: null, points: 1, timer: 0 };
  }

  /**
   * The batch's gradients as layers [{dW, db}]: computed now (small), those
   * of this state (or, while a large run trains, those last computed), or
   * null while they are computed in parts (then refreshed) or training
   * plays. Another point of the same state goes on with the same run.
   */
  #batchOf(pg, state) {
    const large = this.#model.points.train.length * pg.parameterCount() > BATCH_WORK;
    const batch = this.#batch;
    if (large && batch.pg === pg) {
      if (this.#loop.running) return batch.layers;
      if (batch.state === state && (batch.layers || batch.timer)) return batch.layers;
    }
    this.#stopBatch();
    // Small, or complete already (the run has not changed since they were computed): at once.
    const layers = !large || pg.gradientsAdvance(0) ? batchLayers(pg) : null;
    this.#batch = { pg, state, layers, timer: 0, work: BATCH_FIRST_WORK };
    if (!layers && !this.#loop.running) this.#batchPart(this.#batch);
    return layers;
  }

  /**
   * The next part of computing `batch`'s gradients, in a task of its own:
   * given up when training plays or the run changes (the refresh that
   * follows begins anew), waited for while an iteration finishes.
   */
  #batchPart(batch, wait = 0) {
    batch.timer = setTimeout(() => {
      const model = this.#model;
      if (this.#batch !== batch) return;
      if (this.#loop.running || model.pg !== batch.pg || model.state !== batch.state) {
        this.#stopBatch();
        return;
      }
      const pg = batch.pg;
      if (pg.midIteration || pg.evaluating) {
        this.#batchPart(batch, BATCH_WAIT_MS);
        return;
      }
      const { done, size } = advancePart((work) => model.call(() => pg.gradientsAdvance(work)), batch.work);
      if (done === undefined) return; // the model failed, and says so
      batch.work = size;
      if (!done) {
        this.#batchPart(batch);
        return;
      }
      batch.timer = 0;
      batch.layers = model.call(() => batchLayers(pg)) ?? null;
      this.refresh(true);
    }, wait);
  }

  /** Stops computing the batch's gradients in parts, if under way, and forgets them. */
  #stopBatch() {
    clearTimeout(this.#batch.timer);
    this.#batch = { pg: null, state: null, layers: null, timer: 0, work: BATCH_FIRST_WORK };
  }
}

/** `pg`'s batch gradients as layers [{dW, db}] (computed whole unless complete already). */
function batchLayers(pg) {
  return layersOf(pg.gradients(), "d").map(({ W, b }) => ({ dW: W, db: b }));
}
