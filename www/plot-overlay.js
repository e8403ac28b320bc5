// The sentence laid over the plot when it has no decision boundary to show:
// no points yet, training diverged, the hidden units are all alike, the
// model says the same everywhere, or the 0.5 line lies outside the view.
// It says why, and what to try, where the eye already is — as DOM text (a
// polite status, so screen readers read it), not pixels in the canvas.
//
// Asked every frame, it costs nothing while there is a boundary (one wasm
// call, `contourLen`, which the drawing made anyway) and touches the DOM
// only when the reason changes.

import { h } from "./dom.js";

/**
 * Below this spread of probabilities over the view the model "says the
 * same everywhere" (zero weights give exactly none).
 */
const UNIFORM_SPREAD = 0.01;

/**
 * #17: a mean cost above this (ln 2 ≈ 0.69 is a coin toss's) with
 * `init=large` means the ×10 weights saturate the sigmoid: outputs of
 * exactly 0 or 1, wrong points costing huge but finite amounts (our cost
 * comes from the logits; numpy prints inf). It is where such a run starts,
 * not a divergence.
 */
const SATURATED_COST = 5;

/** Whether the run in `state`, built from `settings`, is saturated by large initial weights. */
export function saturatedByLargeWeights(settings, state) {
  return settings.init === "large" && Number.isFinite(state.cost) && state.cost > SATURATED_COST;
}

/**
 * Why the plot of the model in `holder` (model-holder.js; its Playground
 * just rendered) shows no boundary — a key of the `plotState.*` strings —
 * or null when it shows one. `settings` are the ones it was built from.
 */
export function noBoundaryReason(holder, settings) {
  const { pg, state } = holder;
  if (!holder.hasPoints) return "no-points";
  if (state.diverged) return "diverged";
  if (pg.contourLen() > 0) return null;
  if (saturatedByLargeWeights(settings, state)) return "saturated";
  const low = pg.probabilityMin();
  const high = pg.probabilityMax();
  const uniform = high - low < UNIFORM_SPREAD;
  if (pg.identicalUnits()) return uniform ? "identical-uniform" : "identical";
  // One class over the whole view and every point right: the points are all of that class.
  if (state.trainAccuracy === 1) return high < 0.5 ? "only-class-0" : "only-class-1";
  if (uniform) return "uniform";
  return high < 0.5 ? "one-class-0" : "one-class-1";
}

export class PlotOverlay {
  #reason = null;

  constructor(text) {
    this.text = text;
    this.message = h("p", {}, []);
    this.root = h("div", { class: "plot-overlay", role: "status", "aria-live": "polite", "data-reason": "", hidden: true }, [
      this.message,
    ]);
  }

  /** The reason now (a `plotState.*` key), or null while the plot shows a boundary. */
  get reason() {
    return this.#reason;
  }

  /** Shows the sentence for `reason` (null: none); unchanged, the DOM is left alone. */
  show(reason) {
    if (reason === this.#reason) return;
    this.#reason = reason;
    this.root.hidden = reason === null;
    this.root.dataset.reason = reason ?? "";
    this.message.textContent = reason === null ? "" : this.text[`plotState.${reason}`];
  }
}
