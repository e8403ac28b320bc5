// Timing helpers shared by the benchmark pages.
//
// performance.now() is coarsened to 100 µs in a page that is not
// cross-origin isolated, so nothing is timed alone: a batch of repetitions
// is timed (each batch at least `batchMs` long, which puts the clock's grain
// under 0.2 %), after a warm-up of about one batch, and several batches are
// taken. The figure is the fastest batch, as Python's timeit advises: other
// processes on a shared machine only ever add time, so the minimum is the
// most repeatable estimate of the code's own cost. The median and the
// slowest batch are reported next to it.

/** Runs `run(n)` (which must do n repetitions) until the count n is big
 * enough for one call to take about `batchMs`; returns n. */
export function calibrate(run, batchMs, start = 1) {
  let n = start;
  for (;;) {
    const t0 = performance.now();
    run(n);
    const ms = performance.now() - t0;
    if (ms >= batchMs / 4 || n >= 1e8) {
      return Math.max(1, Math.round((n * batchMs) / Math.max(ms, 0.1)));
    }
    n *= 4;
  }
}

/** Times `batches` calls of `run(n)` (after `before()` each, untimed);
 * returns microseconds per repetition: {us (the fastest batch), median,
 * max, n, batches}. */
export function timeBatches(run, { batchMs = 150, batches = 7, before = () => {}, start = 1 } = {}) {
  // Warm-up: the JIT and the first allocations, for about a batch's time.
  before();
  calibrate(run, batchMs, start);
  before();
  const n = calibrate(run, batchMs, start);
  const samples = [];
  for (let b = 0; b < batches; b += 1) {
    before();
    const t0 = performance.now();
    run(n);
    samples.push(((performance.now() - t0) * 1000) / n);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    us: round(sorted[0]),
    median: round(sorted[Math.floor(sorted.length / 2)]),
    max: round(sorted[sorted.length - 1]),
    n,
    batches,
  };
}

export const round = (x, digits = 3) => Number(x.toFixed(digits));
