// The plot's text alternative: what it shows, in words, for a screen
// reader (the canvas's aria-label, kept current as the model trains).

import { format } from "./strings.js";

/** The dataset, the model, the iteration, the cost and the accuracies, in the language of `text`. */
export function plotSummary(text, settings, state) {
  const activation = text[`activation.${settings.activation}`];
  const model =
    settings.model === "logistic"
      ? text["summary.logistic"]
      : format(text[`summary.${settings.model}`], {
          units: settings.hiddenUnits,
          layers: String(settings.layers).split(",").join(", "),
          activation,
        });
  const percent = (fraction) => (Number.isFinite(fraction) ? format(text.percent, { value: (fraction * 100).toFixed(2) }) : text.notANumber);
  const held = Number.isFinite(state.testAccuracy);
  return format(held ? text.plotSummaryTest : text.plotSummary, {
    dataset: text[`dataset.${settings.dataset}`],
    model,
    iteration: state.iteration,
    cost: Number.isFinite(state.cost) ? state.cost.toFixed(6) : text.notANumber,
    accuracy: percent(state.trainAccuracy),
    testAccuracy: percent(state.testAccuracy),
  });
}
