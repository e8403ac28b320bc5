// #15: long work on a large network (the batch's gradients, "all points",
// a gradient check) spread over tasks: a part a task of about PART_MS, made
// of calls of about SLICE_MS each, so that no task is long and a click
// between parts is seen at once.

/** Milliseconds of work a task. */
const PART_MS = 8;
/** Milliseconds of one call into the wasm (a part is several). */
const SLICE_MS = 1;

/**
 * One part: calls `advance(size)` — true when the work is complete,
 * `undefined` when it failed — until it completes, fails or PART_MS have
 * passed, each call's size set to take about SLICE_MS at the rate of the
 * one before (at most doubling, at least 1; whole numbers with `whole`).
 * Returns what the last call returned and the size for the next call.
 */
export function advancePart(advance, size, whole = false) {
  const started = performance.now();
  let done = false;
  for (let now = started; !done && now - started < PART_MS; ) {
    done = advance(size);
    if (done === undefined) break;
    const ms = performance.now() - now;
    now += ms;
    size = nextSize(size, ms, SLICE_MS, whole);
  }
  return { done, size };
}

/**
 * The size of the next call after one of `size` took `ms`: about
 * `targetMs` at its rate, at most doubling, at least 1 (a whole number
 * with `whole`).
 */
export function nextSize(size, ms, targetMs, whole = false) {
  const next = (size * targetMs) / Math.max(ms, 0.05);
  return Math.max(1, Math.min(2 * size, whole ? Math.floor(next) : next));
}
