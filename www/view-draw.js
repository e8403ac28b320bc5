// A frame's map and curves read out of wasm memory: the map rendered at
// `cells`, then drawn with the points and boundary, the cost chart and the
// plot's overlay (the rest of a frame is view.js's).

import { noBoundaryReason } from "./plot-overlay.js";

/**
 * Renders the map of `model` at `cells` × `cells` and draws it on `plot`,
 * the curves on `chart` and why there is no boundary on `overlay`.
 * `started`: when the frame's drawing began. Returns how long the render took (ms).
 */
export function drawFromMemory(model, cells, started, { plot, chart, overlay }, { text, font, settings, point }) {
  const pg = model.pg;
  const api = model.api;
  let renderMs = 0;
  model.call(() => {
    pg.render(cells, cells);
    renderMs = performance.now() - started;
    const pixels = [pg.pixelsPtr(), pg.pixelsLen()];
    const contour = [pg.contourPtr(), pg.contourLen()];
    const n = pg.historyLen();
    const history = [pg.historyIterationsPtr(), pg.historyCostsPtr(), pg.historyTestCostsPtr()];
    const accuracies = [pg.historyTrainAccuraciesPtr(), pg.historyTestAccuraciesPtr()];
    // Views over wasm memory, made after the last call that could grow it.
    const buffer = api.memory.buffer;
    const view = (ptr) => new Float64Array(buffer, ptr, n);
    plot.draw({
      image: new ImageData(new Uint8ClampedArray(buffer, pixels[0], pixels[1]), cells, cells),
      // No points, no boundary: the random first weights' line would mean nothing.
      contour: new Float32Array(buffer, contour[0], model.hasPoints ? contour[1] : 0),
      bounds: model.bounds,
      points: model.points,
      labels: { x: text.axisX1, y: text.axisX2 },
      font,
      selected: point.coordinates(),
    });
    chart.draw({
      iterations: view(history[0]),
      trainCosts: view(history[1]),
      testCosts: view(history[2]),
      trainAccuracies: view(accuracies[0]),
      testAccuracies: view(accuracies[1]),
      hasTest: model.hasTest,
      markers: new Float64Array(buffer, pg.dataChangesPtr(), pg.dataChangesLen()),
    });
    overlay.show(noBoundaryReason(model, settings.current));
  });
  return renderMs;
}
