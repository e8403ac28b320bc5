// <sepal-playground>: a neural-network playground in one element.
//
// The wasm `Playground` owns the data, the network and the training; this
// element owns the settings, the animation loop and the drawing. The pieces:
//
//   wasm.js          loads the wasm once per page
//   strings.js       every visible string, by language
//   settings-url.js  settings in the address bar (query + hash, hash wins)
//   plot.js          the map, the 0.5 contour, the points, the axes
//   cost-chart.js    the cost curve
//   controls.js      buttons and fields;  readouts.js  the live numbers
//   notice.js        rejected settings, divergence, failures
//   pacer.js         how much one animation frame trains and draws
//
// Settings come from, in order (a later one wins): the attributes, then with
// the `url-settings` attribute the page's query string and hash, then what
// the person changes in the controls. They are kept as `[param, text]` pairs
// and parsed by the wasm's `parseSettings`, the same parser as the CLI's; a
// rejected value leaves its setting at the default and is named in the
// notice. With `url-settings` the element also keeps the hash current (the
// settings that differ from their defaults) so that the address bar always
// reproduces what is on screen, and follows the hash when it is edited.

import { loadWasm } from "./wasm.js";
import { strings, format } from "./strings.js";
import { SETTING_PARAMS, readUrlSettings, writeUrlSettings } from "./settings-url.js";
import { Plot } from "./plot.js";
import { CostChart } from "./cost-chart.js";
import { Controls } from "./controls.js";
import { Readouts } from "./readouts.js";
import { Notice } from "./notice.js";
import { STYLES } from "./element-styles.js";
import { h } from "./dom.js";
import { Pacer } from "./pacer.js";

/** The most iterations one `step(n)` may run. */
const MAX_STEP = 100000;
/** The cost chart's height in CSS px: under the plot, or beside it down to its bottom. */
const CHART_HEIGHT = 170;
const CHART_MAX_HEIGHT = 300;
/** Settings that change the data or the network: a new Playground. */
const REBUILD_KEYS = [
  "dataset",
  "datasetSeed",
  "points",
  "noise",
  "testFraction",
  "model",
  "hiddenUnits",
  "layers",
  "activation",
  "init",
  "seed",
];

/** The language the browser prefers, if we have it, else English. */
function browserLang() {
  return /^zh\b/i.test(globalThis.navigator?.language ?? "") ? "zh" : "en";
}

/** A nice learning rate (1, 2 or 5 times a power of ten) below `rate`, at most 2. */
function smallerRate(rate) {
  let candidate = 2;
  for (let k = 0; candidate >= rate && k < 40; k += 1) {
    candidate = [2, 1, 0.5][k % 3] * 10 ** -Math.floor(k / 3);
  }
  return candidate;
}

/** How a wrong `step` argument reads in an error message. */
function describe(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  return String(value);
}

const EMPTY_STATE = Object.freeze({
  iteration: 0,
  cost: NaN,
  trainAccuracy: NaN,
  testAccuracy: NaN,
  diverged: false,
});

export class SepalPlayground extends HTMLElement {
  static get observedAttributes() {
    return SETTING_PARAMS;
  }

  #api = null; // the loaded wasm (wasm.js), once loaded
  #pg = null; // the wasm Playground
  #explicit = new Map(); // param -> text, in the order they were set
  #settings = null; // the parsed settings in effect
  #errors = []; // parseSettings' errors for #explicit
  #uiError = null; // a value typed into a control and rejected
  #buildError = null; // why the last Playground could not be built
  #loadError = null; // why the wasm could not be loaded
  #crash = null; // {message} once a wasm call has failed
  #divergence = null; // {iteration, learningRate, reason} once diverged
  #state = EMPTY_STATE;
  #points = null;
  #bounds = null;

  #running = false;
  #wantPlay = false; // play() before the wasm was loaded
  #frameRequest = 0;
  #pacer = new Pacer();
  #drawnCells = 0; // the map's resolution on screen

  #ready;
  #resolveReady;
  #rejectReady;
  #started = false;
  #urlTimer = 0;
  #resizeObserver = null;

  #text = strings(browserLang());
  #font = "sans-serif";
  #dom = null;
  #plot = null;
  #chart = null;
  #controls = null;
  #readouts = null;
  #notice = null;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Whoever awaits `ready` sees a failure; nobody else should get an
    // "unhandled rejection" for it (the notice already says it).
    this.#ready.catch(() => {});
    this.attachShadow({ mode: "open" });
    this.#buildDom();
  }

  // ------------------------------------------------------------ public API

  /** Resolves once the wasm is loaded and the first frame is drawn. */
  get ready() {
    return this.#ready;
  }

  /** The settings in effect (JS keys, numbers as numbers); null until loaded. */
  get settings() {
    return this.#settings ? { ...this.#settings } : null;
  }

  get running() {
    return this.#running;
  }

  get iteration() {
    return this.#state.iteration;
  }

  get cost() {
    return this.#state.cost;
  }

  get trainAccuracy() {
    return this.#state.trainAccuracy;
  }

  get testAccuracy() {
    return this.#state.testAccuracy;
  }

  get diverged() {
    return this.#state.diverged;
  }

  /** {train: [[x1, x2, label], ...], test: [...]}; null until loaded. */
  get points() {
    return this.#points ? structuredClone(this.#points) : null;
  }

  /** The current weights (see the contract for their shape); null until loaded. */
  get parameters() {
    if (!this.#pg || this.#crash) return null;
    return this.#call(() => this.#pg.parameters()) ?? null;
  }

  /** Starts the animated training (once loaded, if called before). */
  play() {
    if (!this.#api) {
      this.#wantPlay = true;
      return;
    }
    if (!this.#pg || this.#running || this.#crash || this.#state.diverged) return;
    this.#running = true;
    this.#pacer.start();
    this.#frameRequest = requestAnimationFrame(this.#frame);
    this.#showRunning();
  }

  /** Stops the animated training. */
  pause() {
    this.#wantPlay = false;
    if (!this.#running) return;
    this.#running = false;
    cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
    this.#showRunning();
    // The still after an animation at a lower resolution is sharp again.
    if (this.#drawnCells && this.#drawnCells !== this.#pacer.cells(false)) this.#draw();
  }

  /**
   * Runs `n` full-batch iterations now, then redraws. `n` must be an integer
   * from 0 to 100000: a non-number, NaN or a fraction throws a TypeError; a
   * whole number (or an infinity) out of range throws a RangeError. Either
   * way nothing changes.
   */
  step(n = 1) {
    const text = this.#text;
    if (typeof n !== "number" || Number.isNaN(n) || (Number.isFinite(n) && !Number.isInteger(n))) {
      throw new TypeError(format(text.stepType, { value: describe(n) }));
    }
    if (!(n >= 0 && n <= MAX_STEP)) {
      throw new RangeError(format(text.stepRange, { value: describe(n), max: MAX_STEP }));
    }
    this.#requireModel();
    if (n === 0) return;
    try {
      this.#pg.step(n);
    } catch (error) {
      this.#fail(error);
      throw error;
    }
    this.#measured();
  }

  /** Back to iteration 0 with the same data and the same initial weights. */
  reset() {
    this.#requireModel();
    try {
      this.#pg.reset();
    } catch (error) {
      this.#fail(error);
      throw error;
    }
    this.#divergence = null;
    this.#measured();
    this.#refreshNotice();
    this.#showRunning();
  }

  // ------------------------------------------------------------ lifecycle

  attributeChangedCallback(name, _old, value) {
    if (value === null) this.#explicit.delete(this.#param(name));
    else this.#setExplicit(name, value);
    if (this.#api) this.#applySettings();
  }

  connectedCallback() {
    if (this.hasAttribute("url-settings")) {
      if (!this.#started) this.#readUrl();
      globalThis.addEventListener("hashchange", this.#onHashChange);
    }
    globalThis.addEventListener("resize", this.#onResize);
    this.#resizeObserver ??= new ResizeObserver(this.#onResize);
    this.#resizeObserver.observe(this.#dom.stage);
    this.#resizeObserver.observe(this.#dom.chartBox);
    if (!this.#started) {
      this.#started = true;
      this.#start();
    }
  }

  disconnectedCallback() {
    this.pause();
    globalThis.removeEventListener("hashchange", this.#onHashChange);
    globalThis.removeEventListener("resize", this.#onResize);
    this.#resizeObserver?.disconnect();
  }

  async #start() {
    try {
      this.#api = await loadWasm();
    } catch (error) {
      this.#loadError = error?.message ?? String(error);
      this.#dom.loading.hidden = true;
      this.#refreshNotice();
      this.#rejectReady(error);
      return;
    }
    // Names given before the table was known may be JS keys: now unify them.
    this.#explicit = new Map([...this.#explicit].map(([name, value]) => [this.#param(name), value]));
    this.#applySettings({ initial: true });
    this.#dom.loading.hidden = true;
    this.#layout();
    this.#draw();
    this.#showRunning();
    this.#resolveReady();
    if (this.#wantPlay || this.#settings.autoplay === 1) this.play();
  }

  // ------------------------------------------------------------ settings

  /** The URL/attribute name of a setting given by either of its names. */
  #param(name) {
    const row = this.#api?.table.find((r) => r.key === name || r.param === name);
    return row ? row.param : name;
  }

  #setExplicit(name, value) {
    const param = this.#param(name);
    this.#explicit.delete(param);
    this.#explicit.set(param, value);
  }

  #readUrl() {
    const isSetting = (name) => SETTING_PARAMS.includes(this.#param(name));
    for (const [name, value] of readUrlSettings(globalThis.location, isSetting)) {
      this.#setExplicit(name, value);
    }
  }

  #onHashChange = () => {
    // Someone edited the address: start again from the attributes + URL.
    this.#explicit = new Map();
    for (const param of SETTING_PARAMS) {
      if (this.hasAttribute(param)) this.#explicit.set(param, this.getAttribute(param));
    }
    this.#readUrl();
    if (this.#api) this.#applySettings();
  };

  /** Parses #explicit and makes the element match: rebuild, new rate, ... */
  #applySettings({ initial = false } = {}) {
    const previous = this.#settings;
    const { settings, errors } = this.#api.parseSettings([...this.#explicit]);
    if (!this.#explicit.has("lang")) settings.lang = browserLang();
    this.#settings = settings;
    this.#errors = errors;
    const relabel = previous?.lang !== settings.lang && strings(settings.lang) !== this.#text;
    if (relabel) {
      this.#text = strings(settings.lang);
      this.#buildDom();
      this.#layout();
    }
    const rebuild = !previous || !this.#pg || REBUILD_KEYS.some((key) => previous[key] !== settings[key]);
    if (rebuild) {
      this.#build();
    } else if (previous.learningRate !== settings.learningRate) {
      this.#call(() => this.#pg.setLearningRate(settings.learningRate));
    }
    if (previous && previous.speed !== settings.speed) this.#pacer.changeSpeed();
    this.#controls.showSettings(settings);
    this.#refreshNotice();
    this.#showRunning();
    if (!initial) {
      this.#scheduleUrlWrite();
      if (rebuild) this.#measured();
      else if (relabel) this.#draw();
    }
  }

  /** A setting changed in the controls: keep it only if it is valid. */
  #onSetting = (param, value) => {
    if (!this.#api) return;
    const candidate = new Map(this.#explicit);
    candidate.delete(param);
    candidate.set(param, value);
    const { errors } = this.#api.parseSettings([...candidate]);
    const rejected = errors.find((e) => e.setting === param);
    if (rejected) {
      this.#uiError = rejected;
      this.#controls.revert(param, this.#settings);
      this.#refreshNotice();
      return;
    }
    this.#uiError = null;
    this.#explicit = candidate;
    this.#applySettings();
  };

  #onAction = (name) => {
    if (!this.#pg && name !== "reset") return;
    switch (name) {
      case "toggle":
        if (this.#running) this.pause();
        else this.play();
        break;
      case "step":
        this.#guarded(() => this.step(1));
        break;
      case "step100":
        this.#guarded(() => this.step(100));
        break;
      case "reset":
        if (this.#crash || !this.#pg) this.#recover();
        else this.#guarded(() => this.reset());
        break;
      case "new-seed":
        this.#onSetting("seed", String(this.#api.freshSeed()));
        break;
    }
  };

  /** Runs a public method for a button; its failure is already on screen. */
  #guarded(action) {
    try {
      action();
    } catch {
      // #fail has shown it in the notice.
    }
  }

  #scheduleUrlWrite() {
    if (!this.hasAttribute("url-settings") || !this.#settings) return;
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => this.#writeUrl(), 150);
  }

  /** The hash: every setting that differs from its default. */
  #writeUrl() {
    const settings = this.#settings;
    const defaults = this.#api.parseSettings([["dataset", settings.dataset]]).settings;
    defaults.lang = browserLang();
    const pairs = this.#api.table
      .filter((row) => settings[row.key] !== defaults[row.key])
      .map((row) => [row.param, String(settings[row.key])]);
    const isSetting = (name) => SETTING_PARAMS.includes(this.#param(name));
    writeUrlSettings(pairs, isSetting, globalThis.location, globalThis.history);
  }

  // ------------------------------------------------------------ the model

  /** A new Playground for the current settings; the old one goes. */
  #build() {
    let pg;
    try {
      pg = new this.#api.Playground(this.#settings);
    } catch (error) {
      // Nothing on screen may belong to other settings than the controls show.
      this.#buildError = this.#api.lastPanic() ?? error?.message ?? String(error);
      this.#drop();
      this.pause();
      return;
    }
    this.#drop();
    this.#pg = pg;
    this.#pacer.forget();
    this.#buildError = null;
    this.#crash = null;
    this.#divergence = null;
    this.#points = this.#call(() => pg.points());
    this.#bounds = this.#call(() => pg.bounds());
    this.#readState();
  }

  /** After a crash: a new Playground from the same settings. */
  #recover = () => {
    if (!this.#api) return;
    this.#crash = null;
    this.#drop();
    this.#build();
    this.#refreshNotice();
    this.#showRunning();
    if (this.#pg) this.#measured();
  };

  /** Frees the Playground, if any, and clears what showed it. */
  #drop() {
    if (this.#pg) {
      try {
        this.#pg.free();
      } catch {
        // A Playground left broken by a panic cannot always be freed.
      }
    }
    this.#pg = null;
    this.#points = null;
    this.#state = EMPTY_STATE;
    this.#plot.clear();
    this.#chart.clear();
    this.#readouts.show(this.#state);
  }

  #requireModel() {
    if (!this.#pg) throw new Error(this.#loadError ?? this.#buildError ?? this.#text.notReady);
    if (this.#crash) throw new Error(format(this.#text.crashed, this.#crash));
  }

  /** Runs a wasm call; a failure (a Rust panic) stops everything and says so. */
  #call(action) {
    try {
      return action();
    } catch (error) {
      this.#fail(error);
      return undefined;
    }
  }

  #fail(error) {
    if (this.#crash) return;
    let message = error?.message ?? String(error);
    try {
      message = this.#api?.lastPanic() ?? message;
    } catch {
      // Keep the JS error's message.
    }
    this.#crash = { message };
    console.error("sepal-playground:", error);
    this.pause();
    this.#refreshNotice();
    this.#showRunning();
  }

  #readState() {
    const pg = this.#pg;
    const state = this.#call(() => ({
      iteration: pg.iteration,
      cost: pg.cost,
      trainAccuracy: pg.trainAccuracy,
      testAccuracy: pg.testAccuracy,
      diverged: pg.diverged,
      divergence: pg.divergence,
    }));
    if (state) this.#state = state;
  }

  /** After the model changed: read it, redraw, tell listeners, check divergence. */
  #measured() {
    this.#readState();
    this.#draw();
    this.dispatchEvent(new CustomEvent("progress", { detail: this.#detail() }));
    if (this.#state.diverged && !this.#divergence) {
      this.#divergence = {
        iteration: this.#state.iteration,
        learningRate: this.#settings.learningRate,
        reason: this.#state.divergence ?? "non-finite-cost",
      };
      this.pause();
      this.#refreshNotice();
      this.#showRunning();
      this.dispatchEvent(new CustomEvent("diverged", { detail: this.#detail() }));
    }
  }

  #detail() {
    const { iteration, cost, trainAccuracy, testAccuracy, diverged } = this.#state;
    return { iteration, cost, trainAccuracy, testAccuracy, diverged };
  }

  // ------------------------------------------------------------ animation

  #frame = (now) => {
    this.#frameRequest = 0;
    if (!this.#running) return;
    const pg = this.#pg;
    let ran = 0;
    try {
      ran = this.#pacer.train(now, this.#settings.speed, (n) => pg.step(n));
    } catch (error) {
      this.#fail(error);
      return;
    }
    if (ran > 0) this.#measured();
    if (this.#running) this.#frameRequest = requestAnimationFrame(this.#frame);
  };

  // ------------------------------------------------------------ drawing

  #buildDom() {
    const text = this.#text;
    const plot = h("canvas", { part: "plot", role: "img", "aria-label": text.plotLabel });
    const chart = h("canvas", { part: "cost-chart", role: "img", "aria-label": text.costChartLabel });
    const controls = h("div", { part: "controls", role: "group", "aria-label": text.controlsLabel });
    const notice = h("div", { part: "notice", role: "status", "aria-live": "polite", hidden: true });
    const readouts = h("dl", { class: "readouts", "aria-label": text.readoutsLabel });
    const loading = h("p", { class: "loading" }, [text.loading]);
    const legend = h("div", { class: "legend" }, [
      h("span", {}, [h("i", { class: "swatch class0" }), text.legendClass0]),
      h("span", {}, [h("i", { class: "swatch class1" }), text.legendClass1]),
      h("span", {}, [h("i", { class: "swatch line" }), text.legendBoundary]),
    ]);
    const testNote = h("span", { class: "test-note", hidden: true }, [text.legendTest]);
    legend.append(testNote);
    const stage = h("figure", { class: "stage" }, [plot, legend, loading]);
    const chartBox = h("div", { class: "chart" }, [chart]);
    const side = h("div", { class: "side" }, [readouts, controls, chartBox]);
    const style = h("style", {}, [STYLES]);
    this.shadowRoot.replaceChildren(style, h("div", { class: "layout" }, [notice, stage, side]));
    if (this.#dom && this.#resizeObserver) {
      this.#resizeObserver.disconnect();
      this.#resizeObserver.observe(stage);
      this.#resizeObserver.observe(chartBox);
    }
    this.#dom = { stage, chartBox, loading, testNote };
    if (this.#api) loading.hidden = true;
    this.#plot = new Plot(plot);
    this.#chart = new CostChart(chart);
    this.#notice = new Notice(notice);
    this.#readouts = new Readouts(readouts, text);
    this.#controls = new Controls(controls, text, {
      onAction: this.#onAction,
      onSetting: this.#onSetting,
    });
    if (this.#settings) this.#controls.showSettings(this.#settings);
    this.#showRunning();
    this.#refreshNotice();
  }

  #resizeRequest = 0;

  /** Resizes happen in the next frame, not inside ResizeObserver's callback,
   * so that the canvases growing cannot make a ResizeObserver loop. */
  #onResize = () => {
    if (this.#resizeRequest) return;
    this.#resizeRequest = requestAnimationFrame(() => {
      this.#resizeRequest = 0;
      if (this.#layout()) this.#draw();
    });
  };

  /** Sizes the canvases to their boxes; returns whether any changed. */
  #layout() {
    const ratio = globalThis.devicePixelRatio || 1;
    const stageWidth = this.#dom.stage.clientWidth;
    const box = getComputedStyle(this.#dom.chartBox);
    const chartWidth =
      this.#dom.chartBox.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    this.#font = getComputedStyle(this).fontFamily || "sans-serif";
    if (stageWidth === 0) return false;
    // The plot and its legend fit in the window below a short page header.
    const maxHeight = Math.max(360, globalThis.innerHeight - 130);
    const plotChanged = this.#plot.resize(stageWidth, maxHeight, ratio);
    // Beside the plot, the chart grows to end where the plot's square ends.
    const plotBox = this.#plot.canvas.getBoundingClientRect();
    const chartBox = this.#dom.chartBox.getBoundingClientRect();
    const beside = chartBox.left >= plotBox.right;
    const room = plotBox.top + this.#plot.mapRect.top + this.#plot.mapRect.size - chartBox.top;
    const chartHeight = beside ? Math.min(CHART_MAX_HEIGHT, Math.max(CHART_HEIGHT, room - 12)) : CHART_HEIGHT;
    const chartChanged = this.#chart.resize(chartWidth, chartHeight, ratio);
    return plotChanged || chartChanged;
  }

  #draw() {
    const pg = this.#pg;
    const api = this.#api;
    if (!pg || !api || this.#crash) return;
    if (this.#plot.width === 0) this.#layout();
    const text = this.#text;
    const font = this.#font;
    const cells = this.#pacer.cells(this.#running);
    const started = performance.now();
    let renderMs = 0;
    this.#call(() => {
      pg.render(cells, cells);
      renderMs = performance.now() - started;
      const pixels = [pg.pixelsPtr(), pg.pixelsLen()];
      const contour = [pg.contourPtr(), pg.contourLen()];
      const history = [pg.historyIterationsPtr(), pg.historyCostsPtr(), pg.historyLen()];
      // Views over wasm memory, made after the last call that could grow it.
      const buffer = api.memory.buffer;
      this.#plot.draw({
        image: new ImageData(new Uint8ClampedArray(buffer, pixels[0], pixels[1]), cells, cells),
        contour: new Float32Array(buffer, contour[0], contour[1]),
        bounds: this.#bounds,
        points: this.#points,
        labels: { x: text.axisX1, y: text.axisX2 },
        font,
      });
      this.#chart.draw({
        iterations: new Float64Array(buffer, history[0], history[2]),
        costs: new Float64Array(buffer, history[1], history[2]),
        labels: { title: text.costChartTitle, iterations: text.costChartIterations, thousands: text.thousands },
        font,
      });
    });
    this.#dom.testNote.hidden = !(this.#points?.test?.length > 0);
    this.#readouts.show(this.#state);
    this.#drawnCells = cells;
    this.#pacer.drew(performance.now() - started, renderMs, cells);
  }

  #showRunning() {
    this.#controls?.showRunning({
      running: this.#running,
      loaded: Boolean(this.#api),
      canTrain: Boolean(this.#pg) && !this.#crash && !this.#state.diverged,
    });
  }

  #refreshNotice() {
    const text = this.#text;
    const messages = [];
    if (this.#loadError) {
      messages.push({ kind: "error", text: format(text.loadFailed, { message: this.#loadError }) });
    }
    const rejected = [...this.#errors, ...(this.#uiError ? [this.#uiError] : [])];
    rejected.forEach((error, i) => {
      const last = i === rejected.length - 1;
      messages.push({
        kind: "warning",
        text: this.#describeRejection(error),
        actions: last ? [{ label: text.dismiss, run: this.#dismissRejections }] : [],
      });
    });
    if (this.#buildError) {
      messages.push({ kind: "error", text: format(text.buildFailed, { message: this.#buildError }) });
    }
    if (this.#crash) {
      messages.push({
        kind: "error",
        text: format(text.crashed, this.#crash),
        actions: [{ label: text.rebuild, run: this.#recover }],
      });
    } else if (this.#divergence) {
      const { iteration, learningRate, reason } = this.#divergence;
      messages.push({
        kind: "warning",
        text: format(text.diverged, {
          iteration,
          learningRate,
          suggestion: smallerRate(learningRate),
          reason: text[`divergence.${reason}`] ?? reason,
        }),
        actions: [{ label: text.reset, run: () => this.#onAction("reset") }],
      });
    }
    this.#notice.show(messages);
  }

  #describeRejection(error) {
    const template = this.#text[`problem.${error.problem}`] ?? this.#text.problemOther;
    const row = this.#api?.table.find((r) => r.param === error.setting);
    const current = row && this.#settings ? String(this.#settings[row.key]) : "";
    return format(template, { ...error, current });
  }

  /** Forgets the rejected values (they had no effect) and hides their messages. */
  #dismissRejections = () => {
    const bad = new Set(this.#errors.map((e) => `${e.setting}\u0000${e.value}`));
    for (const [param, value] of [...this.#explicit]) {
      if (bad.has(`${param}\u0000${value}`)) this.#explicit.delete(param);
    }
    this.#uiError = null;
    this.#errors = [];
    this.#refreshNotice();
    this.#scheduleUrlWrite();
  };
}

if (!customElements.get("sepal-playground")) {
  customElements.define("sepal-playground", SepalPlayground);
}
