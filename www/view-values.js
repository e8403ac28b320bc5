// The values under the formulas: the current W, b, dW, db (and the
// optimizer's averages) read from the model when asked for.

import { MAX_SHOWN_PARAMETERS } from "./formulas-panel.js";
import { VALUES_MS } from "./point-derivation.js";

/**
 * The current W, b, dW, db under `formulas`, when asked for (at most every
 * VALUES_MS while training; `now` at once). `valuesAt`: when they were last
 * shown; returns when they now were.
 */
export function showValues(formulas, model, loop, valuesAt, now) {
  const pg = model.pg;
  if (!formulas?.showingValues || !model.usable) return valuesAt;
  const time = performance.now();
  if (!now && loop.running && time - valuesAt < VALUES_MS) return valuesAt;
  model.call(() => {
    const count = pg.parameterCount();
    // Too many to show: not read either (#15: the gradients are a backward
    // pass over every training point, 0.2 s at the caps, every VALUES_MS).
    const shown = count <= MAX_SHOWN_PARAMETERS && {
      parameters: pg.parameters(),
      gradients: pg.gradients(),
      optimizer: pg.optimizerState(),
    };
    formulas.showValues({ ...shown, count, iteration: model.state.iteration });
  });
  return time;
}
