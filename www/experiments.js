// The course's experiments, one click each (`part="experiments"`):
//
// Over 500 lines: the seven experiments share one scheduler, one results
// view and one cancel; each experiment's own part is its table of runs.
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
import { LineChart } from "./line-chart.js";
import { CLASS_COLORS, contourPath } from "./plot.js";
import { PREPARE_POINTS, readPoints } from "./model-holder.js";

const FRAME_BUDGET_MS = 12;
/** One wasm call should take about this long (the chunk adapts to it). */
const CALL_MS = 2;
/** Redraw the views every this many frames while training. */
const REDRAW_FRAMES = 6;
const MULTIPLE_CELLS = 64;
/** A small multiple's side in CSS px. */
const MULTIPLE_SIZE = 128;
const COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#1f2328"];

/** What each experiment runs: the runs' labels and settings, and how long. */
export const EXPERIMENTS = {
  sweep: {
    iterations: 5000,
    view: "multiples",
    runs: (s) => [1, 2, 3, 4, 5, 20, 50].map((n) => ({ value: n, settings: { ...s, model: "shallow", hiddenUnits: n } })),
  },
  "learning-rates": {
    iterations: 3000,
    view: "curves",
    runs: (s) => [0.01, 0.1, 0.5, 1.2, 2, 5].map((r) => ({ value: r, settings: { ...s, learningRate: r } })),
  },
  activations: {
    iterations: 3000,
    view: "curves",
    runs: (s) =>
      ["tanh", "relu", "leaky-relu", "sigmoid"].map((a) => ({ value: a, settings: { ...s, model: hidden(s), activation: a } })),
  },
  inits: {
    iterations: 3000,
    view: "curves",
    runs: (s) => ["zeros", "small", "large", "xavier", "he"].map((i) => ({ value: i, settings: { ...s, model: hidden(s), init: i } })),
  },
  optimizers: {
    iterations: 3000,
    view: "curves",
    runs: (s) => ["gd", "momentum", "rmsprop", "adam"].map((o) => ({ value: o, settings: { ...s, optimizer: o } })),
  },
  "batch-sizes": {
    iterations: 3000,
    view: "curves",
    // A batch no larger than the points (a person's few drawn points train in one batch anyway).
    runs: (s) => [1, 64, "all"].map((b) => ({ value: b, settings: { ...s, batchSize: b } })),
  },
  // #17: the Regularization notebook's table, live: no regularisation, L2
  // with λ = 0.7, dropout keeping 0.86, each with train and test accuracy.
  regularization: {
    iterations: 10000,
    view: "multiples",
    caption: "experiment.regularization.caption",
    runs: (s) =>
      [
        ["none", {}],
        ["l2", { l2: 0.7 }],
        ["dropout", { keepProb: 0.86 }],
      ].map(([value, change]) => ({ value, settings: { ...s, model: hidden(s), l2: 0, l1: 0, keepProb: 1, batchSize: "all", ...change } })),
  },
};

/**
 * Whether `kind` names an experiment: an own key of EXPERIMENTS, never one
 * every object inherits ("constructor", "__proto__", "toString", …).
 */
export function isExperiment(kind) {
  return typeof kind === "string" && Object.hasOwn(EXPERIMENTS, kind);
}

/** Activations and initialisations need a hidden layer to matter. */
const hidden = (settings) => (settings.model === "logistic" ? "shallow" : settings.model);

export class Experiments {
  #job = null;
  #results = null; // the last finished experiment, to redraw on resize

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
    this.onUse = onUse;
    this.font = "sans-serif";
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
    this.title = h("h3", { class: "experiment-title" });
    this.body = h("div", { class: "experiment-body" });
    this.used = h("p", { class: "experiment-used", role: "status", hidden: true });
    this.results = h("div", { class: "experiment-results", hidden: true }, [this.title, this.body, this.used]);
    this.root = h("section", { part: "experiments", class: "experiments", "aria-label": text.experimentsHeading }, [
      h("h2", {}, [text.experimentsHeading]),
      h("p", { class: "hint" }, [text.experimentsHint]),
      h("div", { class: "buttons" }, this.buttons),
      this.statusRow,
      this.results,
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
      label: this.#label(kind, run.value),
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
    this.font = font;
    if (this.chart && this.#results) this.#drawCurves(this.#results.runs, this.#results.spec);
  }

  #label(kind, value) {
    const text = this.text;
    switch (kind) {
      case "sweep":
        return format(text.sweepLabel, { n: value });
      case "learning-rates":
        return format(text.rateLabel, { rate: value });
      case "activations":
        return text[`activation.${value}`];
      case "optimizers":
        return text[`optimizer.${value}`];
      case "batch-sizes":
        return value === "all" ? text["batch-size.all"] : format(text["batch-size.value"], { value });
      case "regularization":
        return text[`experiment.regularization.${value}`];
      default:
        return text[`init.${value}`];
    }
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
    if (finished || job.frames % REDRAW_FRAMES === 1) this.#drawViews(job);
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
      run.history = this.#history(run.pg, true);
      run.row = rows[job.runs.indexOf(run)];
      run.pg.free();
      run.pg = null;
    }
    this.#results = { kind: job.kind, spec: job.spec, runs: job.runs };
    if (job.spec.view === "curves") this.#drawCurves(job.runs, job.spec);
    this.#fillLegend(job.runs, job.spec);
    this.statusRow.hidden = true;
    this.#enable(true);
    this.results.setAttribute("data-done", job.kind);
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
    this.results.hidden = false;
    this.results.removeAttribute("data-done");
    this.used.hidden = true;
    this.title.textContent = format(text[`experiment.${kind}.heading`], { iterations: spec.iterations });
    this.chart = null;
    if (spec.view === "multiples") {
      for (const run of runs) {
        const pixels = Math.round(MULTIPLE_SIZE * (globalThis.devicePixelRatio || 1));
        run.canvas = h("canvas", { width: pixels, height: pixels, role: "img", "aria-label": run.label });
        run.caption = h("figcaption", {}, [run.label]);
        run.figure = h("figure", { class: "multiple" }, [run.canvas, run.caption]);
      }
      this.body.replaceChildren(h("div", { class: "multiples" }, runs.map((r) => r.figure)));
    } else {
      const label = format(text.chartAxes, { label: this.title.textContent, x: text.chartAxisIteration, y: text.chartAxisCost });
      const canvas = h("canvas", { class: "experiment-chart", role: "img", "aria-label": label });
      this.chart = new LineChart(canvas);
      this.legend = h("ul", { class: "experiment-legend" });
      this.body.replaceChildren(h("div", { class: "curves" }, [canvas, this.legend]));
      this.#sizeChart(canvas);
      this.#fillLegend(runs, spec);
    }
  }

  #sizeChart(canvas) {
    const width = Math.min(640, Math.max(240, this.body.clientWidth || 480));
    this.chart.resize(width, Math.round(Math.min(300, width * 0.55)), globalThis.devicePixelRatio || 1);
    canvas.style.maxWidth = "100%";
  }

  /** The run's curve, as views over wasm memory or (`copy`) as copies. */
  #history(pg, copy = false) {
    const memory = this.getApi().memory.buffer;
    const n = pg.historyLen();
    const x = new Float64Array(memory, pg.historyIterationsPtr(), n);
    const y = new Float64Array(memory, pg.historyCostsPtr(), n);
    return copy ? { x: x.slice(), y: y.slice() } : { x, y };
  }

  #drawViews(job) {
    if (job.spec.view === "multiples") {
      for (const run of job.runs) {
        // A run between parts of an iteration keeps its last picture.
        if (run.pg.midIteration) continue;
        run.pg.render(MULTIPLE_CELLS, MULTIPLE_CELLS);
        const buffer = this.getApi().memory.buffer;
        const image = new ImageData(
          new Uint8ClampedArray(buffer, run.pg.pixelsPtr(), run.pg.pixelsLen()),
          MULTIPLE_CELLS,
          MULTIPLE_CELLS,
        );
        const contour = new Float32Array(buffer, run.pg.contourPtr(), run.pg.contourLen());
        this.#drawMultiple(run.canvas, image, contour, job);
        run.caption.textContent = this.#caption(job.spec, run.label, run.pg);
      }
    } else {
      // Views over memory are only valid until the next wasm call: draw now.
      this.#drawCurves(job.runs.map((run) => ({ ...run, history: this.#history(run.pg) })), job.spec);
      this.#fillLegend(job.runs, job.spec);
    }
  }

  /** A run's map, its 0.5 contour and the training points (every run has the same). */
  #drawMultiple(canvas, image, contour, job) {
    this.cells ??= document.createElement("canvas");
    this.cells.width = MULTIPLE_CELLS;
    this.cells.height = MULTIPLE_CELLS;
    this.cells.getContext("2d").putImageData(image, 0, 0);
    const ctx = canvas.getContext("2d");
    const ratio = canvas.width / MULTIPLE_SIZE;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(this.cells, 0, 0, MULTIPLE_SIZE, MULTIPLE_SIZE);
    const cell = MULTIPLE_SIZE / MULTIPLE_CELLS;
    ctx.beginPath();
    contourPath(ctx, contour, 0, 0, cell, cell);
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#16191d";
    ctx.lineWidth = 1.5;
    ctx.stroke();
    const { bounds, points } = job;
    const scale = MULTIPLE_SIZE / (bounds.xMax - bounds.xMin);
    for (const label of [0, 1]) {
      ctx.fillStyle = CLASS_COLORS[label];
      ctx.beginPath();
      for (const [x, y, l] of points) {
        if (l !== label) continue;
        const px = (x - bounds.xMin) * scale;
        const py = (bounds.yMax - y) * scale;
        ctx.moveTo(px + 1.3, py);
        ctx.arc(px, py, 1.3, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }

  #drawCurves(runs, spec) {
    if (!this.chart) return;
    const starts = runs.map((r) => r.history.y[0]).filter(Number.isFinite);
    const yCap = starts.length ? 1.5 * Math.max(...starts) : Infinity;
    this.chart.draw({
      series: runs.map((run) => ({ x: run.history.x, y: run.history.y, color: run.color })),
      yCap,
      xMax: spec.iterations,
      labels: this.text,
      font: this.font,
      titles: { x: this.text.chartAxisIteration, y: this.text.chartAxisCost },
    });
  }

  /** A small multiple's caption: its label and accuracy (train and test, when the experiment says). */
  #caption(spec, label, { trainAccuracy, testAccuracy }) {
    const train = percent(trainAccuracy);
    return format(this.text[spec.caption ?? "sweepCaption"], { label, accuracy: train, train, test: percent(testAccuracy) });
  }

  /** The legend of the curves, or the captions of the multiples, with each run's result. */
  #fillLegend(runs, spec) {
    const text = this.text;
    const describe = (run) => {
      const pg = run.pg;
      if (!pg && !run.row) return ""; // not built yet
      const row = run.row ?? { iteration: pg.iteration, cost: pg.cost, trainAccuracy: pg.trainAccuracy, diverged: pg.diverged };
      if (row.diverged) return format(text.runDiverged, { iteration: row.iteration });
      return format(text.runResult, { cost: Number.isFinite(row.cost) ? row.cost.toFixed(4) : "—", accuracy: percent(row.trainAccuracy) });
    };
    if (spec.view === "multiples") {
      for (const run of runs) {
        if (!run.row) continue;
        run.caption.textContent = this.#caption(spec, run.label, run.row);
        run.figure.append(this.#useButton(run));
      }
      return;
    }
    this.legend.replaceChildren(
      ...runs.map((run) =>
        h("li", {}, [
          h("i", { class: "line-swatch", style: `--swatch: ${run.color}` }),
          h("span", { class: "run-label" }, [run.label]),
          h("span", { class: "run-result" }, [describe(run)]),
          ...(run.row ? [this.#useButton(run)] : []),
        ]),
      ),
    );
  }

  /** A finished run's "Use these settings": the main plot takes them, from iteration 0; the results stay. */
  #useButton(run) {
    const text = this.text;
    const label = format(text.useRunLabel, { label: run.label });
    const button = h("button", { type: "button", class: "use-run", "aria-label": label, title: label }, [text.useRun]);
    button.addEventListener("click", () => {
      this.onUse?.(run.settings);
      this.used.textContent = format(text.runUsed, { label: run.label });
      this.used.hidden = false;
    });
    return button;
  }
}

/** 0.9075 → "90.75" (as the notebook prints accuracies). */
function percent(fraction) {
  return Number.isFinite(fraction) ? String(Math.round(fraction * 10000) / 100) : "—";
}
