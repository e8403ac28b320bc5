// The results of an experiment (in `part="experiments"`): its heading, the
// runs' small multiples or overlaid cost curves with a legend, and each
// finished run's "Use these settings".

import { h } from "./dom.js";
import { format } from "./strings.js";
import { LineChart } from "./line-chart.js";
import { CLASS_COLORS, contourPath } from "./plot.js";

const MULTIPLE_CELLS = 64;
/** A small multiple's side in CSS px. */
const MULTIPLE_SIZE = 128;

export class ExperimentResults {
  #results = null; // the last finished experiment, to redraw on resize

  /** `getApi()`: the loaded wasm (for its memory); `onUse(settings)`: a finished run's settings are to be the main plot's. */
  constructor(text, { getApi, onUse }) {
    this.text = text;
    this.getApi = getApi;
    this.onUse = onUse;
    this.font = "sans-serif";
    this.title = h("h3", { class: "experiment-title" });
    this.body = h("div", { class: "experiment-body" });
    this.used = h("p", { class: "experiment-used", role: "status", hidden: true });
    this.root = h("div", { class: "experiment-results", hidden: true }, [this.title, this.body, this.used]);
  }

  /** An experiment `kind` starts: its heading, and a view for each of its `runs`. */
  start(kind, spec, runs) {
    const text = this.text;
    this.root.hidden = false;
    this.root.removeAttribute("data-done");
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

  /** The experiment `job` has finished: its results are kept (to redraw), its curves and legend drawn. */
  finish(job) {
    this.#results = { kind: job.kind, spec: job.spec, runs: job.runs };
    if (job.spec.view === "curves") this.#drawCurves(job.runs, job.spec);
    this.#fillLegend(job.runs, job.spec);
  }

  /** After a resize: the views follow the new width. */
  relayout(font) {
    this.font = font;
    if (this.chart && this.#results) this.#drawCurves(this.#results.runs, this.#results.spec);
  }

  #sizeChart(canvas) {
    const width = Math.min(640, Math.max(240, this.body.clientWidth || 480));
    this.chart.resize(width, Math.round(Math.min(300, width * 0.55)), globalThis.devicePixelRatio || 1);
    canvas.style.maxWidth = "100%";
  }

  /** The run's curve, as views over wasm memory or (`copy`) as copies. */
  history(pg, copy = false) {
    const memory = this.getApi().memory.buffer;
    const n = pg.historyLen();
    const x = new Float64Array(memory, pg.historyIterationsPtr(), n);
    const y = new Float64Array(memory, pg.historyCostsPtr(), n);
    return copy ? { x: x.slice(), y: y.slice() } : { x, y };
  }

  /** The runs' views so far: each one's map (multiples) or curve (curves). */
  draw(job) {
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
      this.#drawCurves(job.runs.map((run) => ({ ...run, history: this.history(run.pg) })), job.spec);
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
