// What <sepal-playground> does after its model changed: read it, redraw,
// the `progress` and `diverged` events, and stopping at a divergence or
// the iteration cap.

import { format } from "./strings.js";

/**
 * After the model changed: read it, redraw, tell listeners, check
 * divergence and the iteration cap. `rooms`: `{holder, view, notices,
 * settings, loop}` (element-rooms.js).
 */
export function measured(element, { holder, view, notices, settings, loop }) {
  const model = holder;
  model.readState();
  view.draw();
  element.dispatchEvent(new CustomEvent("progress", { detail: model.detail() }));
  if (model.state.diverged && !notices.state.divergence) {
    const { iteration, divergence } = model.state;
    const learningRate = settings.current.learningRate;
    notices.set({ divergence: { iteration, learningRate, reason: divergence ?? "non-finite-cost" } });
    element.pause();
    view.showRunning();
    element.dispatchEvent(new CustomEvent("diverged", { detail: model.detail() }));
  }
  if (model.atCap && loop.running) {
    const text = view.text;
    notices.set({ pointsMessage: { kind: "info", text: format(text.iterationCap, { max: Number.MAX_SAFE_INTEGER }) } });
    element.pause();
    view.showRunning();
  }
}
