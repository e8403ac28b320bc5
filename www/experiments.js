// The course's experiments, one click each (`part="experiments"`), run here
// (what each runs: experiment-specs.js; their results: experiment-results.js):
//
// - sweep: the notebook's "tuning hidden layer size" — the shallow network
//   with n_h = 1, 2, 3, 4, 5, 20, 50, 5000 iterations each, side by side
//   (small multiples, each with its boundary and accuracy);
// - learning-rates, activations, inits: one run per value, the cost curves
//   overlaid on one chart;
// - optimizers, batch-sizes (#16): GD, momentum, RMSprop and Adam, and
//   batches of 1, 64 and all, from the same initial weights, the cost
//   curves overlaid (the same number of updates each).
//
// Every run starts from the element's current settings (and data, drawn
// points included) with one setting changed. The runs are wasm Playgrounds
// stepped a chunk at a time, round robin, for at most FRAME_BUDGET_MS per
// animation frame, so the page keeps drawing and answering while they train.
// Once finished, each run's "Use these settings" hands its settings to the
// main plot (`onUse`).
//
// A run whose one iteration is longer than a wasm call should be (#15: a
// large network), or not yet timed, advances a part of an iteration at a
// time (`advance()`, the same bits), the runs taking turns, so no frame
// runs long and Cancel registers at the next frame. The first run is built
// at once (its errors reject at once); the others one a frame (a large
// network's points and initial weights a part at a time within the frame's
// budget), so that building several large networks is not one long task.

import { h } from "./dom.js";
import { format } from "./strings.js";
import { PREPARE_POINTS, readPoints } from "./model-holder.js";
import { EXPERIMENTS, isExperiment, runLabel } from "./experiment-specs.js";
import { ExperimentResults } from "./experiment-results.js";

export { EXPERIMENTS, isExperiment };

const FRAME_BUDGET_MS = 12;
/** One wasm call should take about this long (the chunk adapts to it). */
const CALL_MS = 2;
/** Redraw the views every this many frames while training. */
const REDRAW_FRAMES = 6;
const COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#1f2328"];

export class Experiments {
  #job = null;

  /**
   * `makePlayground(settings)` builds a Playground on the element's data;
   * `api` is the loaded wasm (for its memory); `onStart()` is called when
   * an experiment has started (the element pauses its own training and
   * refuses Play), `onEnd()` when it has finished or was cancelled;
   * `onUse(settings)` when a finished run's settings are to be the main plot's.
   */
  constructor(text, { makePlayground, getSettings, getApi, onStart, onEnd, onUse }) {
    this.text = text;
    this.makePlayground = makePlayground;
    this.getSettings = getSettings;
    this.getApi = getApi;
    this.onStart = onStart;
    this.onEnd = onEnd;
    this.buttons = Object.keys(EXPERIMENTS).map((kind) => {
      const button = h("button", { type: "button", "data-experiment": kind, title: text[`experiment.${kind}.title`] }, [
        text[`experiment.${kind}`],
      ]);
      button.addEventListener("click", () => this.run(kind).catch(() => {}));
      return button;
    });
    this.progress = h("progress", { max: 1, value: 0 });
    this.status = h("span", { class: "experiment-text" });
    this.cancelButton = h("button", { type: "button", "data-action": "cancel-experiment" }, [text.cancelExperiment]);
    this.cancelButton.addEventListener("click", () => this.cancel());
    this.statusRow = h("div", { class: "experiment-status", role: "status", hidden: true }, [
      this.progress,
      this.status,
      this.cancelButton,
    ]);
    this.results = new ExperimentResults(text, { getApi, onUse });
    this.root = h("section", { part: "experiments", class: "experiments", "aria-label": text.experimentsHeading }, [
      h("h2", {}, [text.experimentsHeading]),
      h("p", { class: "hint" }, [text.experimentsHint]),
      h("div", { class: "buttons" }, this.buttons),
      this.statusRow,
      this.results.root,
    ]);
  }

  get running() {
    return this.#job !== null;
  }

  /** Shows the experiments `shows(kind)` allows (the `controls` attribute); none hides the panel. */
  showOnly(shows) {
    for (const button of this.buttons) button.classList.toggle("off", !shows(button.dataset.experiment));
    this.root.classList.toggle("off", !shows("experiments"));
  }

  /**
   * Runs experiment `kind`; resolves with one row per run: {value, label,
   * iteration, cost, trainAccuracy, testAccuracy, diverged}. A running
   * experiment is cancelled first; a cancelled one rejects. An unknown
   * `kind` rejects with a RangeError that lists the kinds, before anything
   * is cancelled or paused.
   */
  run(kind) {
    if (!isExperiment(kind)) {
      const kinds = new Intl.ListFormat(this.text.locale, { type: "disjunction" }).format(Object.keys(EXPERIMENTS));
      return Promise.reject(new RangeError(format(this.text.unknownExperiment, { kind: String(kind), kinds })));
    }
    const spec = EXPERIMENTS[kind];
    this.cancel();
    const settings = this.getSettings();
    const runs = spec.runs(settings).map((run, index) => ({
      ...run,
      label: runLabel(this.text, kind, run.value),
      color: COLORS[index % COLORS.length],
      pg: null, // built by #build
      drawing: null, // #15: its build in parts under way (#buildSome)
      chunk: 10,
      done: false,
      inParts: true,
      partsMs: 0,
    }));
    try {
      this.#build(runs[0]);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const first = runs[0].pg;
      const points = readPoints(first).train;
      this.#job = { kind, spec, runs, points, bounds: first.bounds(), frames: 0, resolve, reject, request: 0 };
      this.#showStart(kind, spec, runs);
      this.onStart?.();
      this.#job.request = requestAnimationFrame(this.#frame);
    });
  }

  /**
   * Stops a running experiment and frees its runs; its promise rejects
   * with `error` (by default: it was cancelled).
   */
  cancel(error = new Error(this.text.experimentCancelled)) {
    const job = this.#job;
    if (!job) return;
    cancelAnimationFrame(job.request);
    this.#job = null;
    for (const run of job.runs) (run.pg ?? run.drawing)?.free();
    this.statusRow.hidden = true;
    this.#enable(true);
    this.onEnd?.();
    job.reject(error);
  }

  #build(run) {
    run.pg = this.makePlayground(run.settings);
  }

  /**
   * #15: the runs after the first, one a frame: a large network's points
   * and initial weights are drawn a part at a time (`beginBuild`, the same
   * bits) within the frame's budget, over as many frames as it takes.
   */
  #buildSome(run, started) {
    const settings = run.settings;
    if (settings.dataset === "custom" || settings.points < PREPARE_POINTS) {
      this.#build(run);
      return;
    }
    run.drawing ??= this.getApi().Playground.beginBuild(settings);
    while (performance.now() - started < FRAME_BUDGET_MS) {
      if (!run.drawing.advance()) continue;
      run.pg = run.drawing.finish();
      run.drawing = null;
      return;
    }
  }

  /** After a resize: the views follow the new width. */
  relayout(font) {
    this.results.relayout(font);
  }

  #frame = () => {
    const job = this.#job;
    if (!job) return;
    const unbuilt = job.runs.find((r) => !r.pg);
    if (unbuilt) {
      try {
        this.#buildSome(unbuilt, performance.now());
      } catch (error) {
        this.cancel(error);
        return;
      }
      job.request = requestAnimationFrame(this.#frame);
      return;
    }
    const started = performance.now();
    const target = job.spec.iterations;
    let pending = job.runs.filter((r) => !r.done);
    try {
      while (pending.length > 0 && performance.now() - started < FRAME_BUDGET_MS) {
        for (const run of pending) {
          if (run.inParts) {
            this.#advanceRun(run, target);
            if (performance.now() - started >= FRAME_BUDGET_MS) break;
            continue;
          }
          const n = Math.min(run.chunk, target - run.pg.iteration);
          const before = performance.now();
          const ran = n > 0 ? run.pg.step(n) : 0;
          const spent = performance.now() - before;
          if (ran > 0 && spent > 0.2) run.chunk = Math.max(1, Math.min(1000, Math.round((run.chunk * CALL_MS) / spent)));
          if (ran < n || run.pg.iteration >= target || run.pg.diverged) run.done = true;
          if (performance.now() - started >= FRAME_BUDGET_MS) break;
        }
        pending = pending.filter((r) => !r.done);
      }
    } catch (error) {
      this.cancel();
      return;
    }
    job.frames += 1;
    const finished = pending.length === 0;
    const progress = job.runs.reduce((sum, r) => sum + r.pg.iteration, 0) / (target * job.runs.length);
    this.progress.value = finished ? 1 : Math.min(progress, 0.99);
    this.status.textContent = format(this.text.experimentProgress, { percent: Math.round(this.progress.value * 100) });
    if (finished || job.frames % REDRAW_FRAMES === 1) this.results.draw(job);
    if (finished) this.#finish(job);
    else job.request = requestAnimationFrame(this.#frame);
  };

  /** One part of `run`'s next iteration; once one is timed, a short one goes back to chunks. */
  #advanceRun(run, target) {
    const pg = run.pg;
    if (!pg.midIteration && pg.iteration >= target) {
      run.done = true;
      return;
    }
    const before = performance.now();
    const done = pg.advance();
    run.partsMs += performance.now() - before;
    if (done > 0) {
      if (run.partsMs <= CALL_MS) run.inParts = false;
      run.partsMs = 0;
    }
    if (pg.midIteration) return;
    if (done === 0 || pg.diverged || pg.iteration >= target) run.done = true;
  }

  #finish(job) {
    this.#job = null;
    const rows = job.runs.map((run) => ({
      value: run.value,
      label: run.label,
      iteration: run.pg.iteration,
      cost: run.pg.cost,
      trainAccuracy: run.pg.trainAccuracy,
      testAccuracy: run.pg.testAccuracy,
      diverged: run.pg.diverged,
    }));
    // Keep what the views need, then let the wasm runs go.
    for (const run of job.runs) {
      run.history = this.results.history(run.pg, true);
      run.row = rows[job.runs.indexOf(run)];
      run.pg.free();
      run.pg = null;
    }
    this.results.finish(job);
    this.statusRow.hidden = true;
    this.#enable(true);
    this.results.root.setAttribute("data-done", job.kind);
    this.onEnd?.();
    job.resolve(rows);
  }

  #enable(enabled) {
    for (const button of this.buttons) button.disabled = !enabled;
  }

  #showStart(kind, spec, runs) {
    const text = this.text;
    this.#enable(false);
    this.cancelButton.disabled = false;
    this.statusRow.hidden = false;
    this.progress.value = 0;
    this.status.textContent = format(text.experimentProgress, { percent: 0 });
    this.results.start(kind, spec, runs);
  }
}
