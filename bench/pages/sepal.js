// Sepal's own figures, measured through the generated wasm module exactly
// as the element uses it (`www/pkg/sepal.js`, served at /pkg/): training
// with `Playground.step(n)`, and a decision-boundary frame as
// `render(256, 256)` (evaluation of the model over the grid, colouring, the
// 0.5 contour) + an ImageData over wasm memory + putImageData on a canvas.

import init, { Playground } from "/pkg/sepal.js";
import { timeBatches, round } from "./timing.js";

const CELLS = 256;

/** Microseconds per course iteration for these settings. */
function iteration(settings) {
  const pg = new Playground(settings);
  let short = 0;
  const result = timeBatches(
    (n) => {
      if (pg.step(n) !== n) short += 1;
    },
    // From iteration 0 each batch, so that every batch does the same work.
    { before: () => pg.reset(), start: 16 },
  );
  const out = { ...result, settings, finalCost: pg.cost };
  if (short) out.note = `training stopped early (diverged) in ${short} batches`;
  pg.free();
  return out;
}

/**
 * Milliseconds per 256×256 frame: evaluation + colouring + putImageData.
 * The map skips a render when the parameters have not changed, so each
 * frame follows one iteration, as while playing; that iteration's own time,
 * measured alone, is taken off.
 */
function frame(memory, settings) {
  const pg = new Playground(settings);
  pg.step(1000); // a trained boundary, as while playing
  const context = document.getElementById("plot").getContext("2d");
  const draw = () => {
    pg.step(1);
    pg.render(CELLS, CELLS);
    const pixels = new Uint8ClampedArray(memory.buffer, pg.pixelsPtr(), pg.pixelsLen());
    context.putImageData(new ImageData(pixels, CELLS, CELLS), 0, 0);
  };
  draw(); // builds the map's buffers once, as the element's first frame does
  const step = timeBatches((n) => {
    for (let i = 0; i < n; i += 1) pg.step(1);
  });
  const withStep = timeBatches((n) => {
    for (let i = 0; i < n; i += 1) draw();
  });
  const less = (figure) => Math.max(0, figure - step.us);
  const result = { ...withStep, us: less(withStep.us), median: less(withStep.median), max: less(withStep.max) };
  // A pixel read back, so that nothing above can have been skipped.
  const probe = Array.from(context.getImageData(CELLS / 2, CELLS / 2, 1, 1).data);
  pg.free();
  return { ms: round(result.us / 1000, 4), medianMs: round(result.median / 1000, 4), maxMs: round(result.max / 1000, 4), n: result.n, settings, probe };
}

globalThis.bench = {
  async run() {
    const exports = await init();
    const memory = exports.memory;
    const out = {};
    out.iteration = iteration({});
    out.iteration_m4000 = iteration({ points: 4000 });
    out.iteration_m10000 = iteration({ points: 10000 });
    out.iteration_nh16 = iteration({ hiddenUnits: 16 });
    out.iteration_nh64 = iteration({ hiddenUnits: 64 });
    out.frame_256 = frame(memory, {});
    out.frame_256_deep88 = frame(memory, { model: "deep", layers: "8,8" });
    // The course's numbers, from the same module: this is the real model.
    const check = new Playground({});
    check.step(1000);
    out.course_check = { iteration: check.iteration, cost: check.cost };
    check.free();
    return out;
  },
};
