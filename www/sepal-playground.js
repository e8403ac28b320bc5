// <sepal-playground>: a neural-network playground in one element.
//
// The wasm `Playground` owns the data, the network and the training; this
// element owns the settings, the animation loop and the drawing. The pieces:
//
//   wasm.js          loads the wasm once per page
//   strings.js       every visible string, by language
//   settings-url.js  settings in the address bar (query + hash, hash wins)
//   plot.js          the map, the 0.5 contour, the points, the axes
//   run-chart.js     the training and test curves (line-chart.js draws)
//   controls.js      buttons and fields;  readouts.js  the live numbers
//   data-panel.js    dataset pictures (thumbnails.js), data settings, CSV
//   draw-points.js   adding your own points on the plot;  csv.js  their files
//   own-points.js    your points, kept apart from any Playground
//   network-view.js  the diagram, the hidden units' views, the weights
//   experiments.js   the course's experiments, several runs side by side
//   formulas-panel.js  the course's equations, live (formulas.js typesets them)
//   model-file.js    model files and the cost history as text
//   shown.js         the `controls` attribute: what a page lets people change
//   notice.js        rejected settings, divergence, failures
//   pacer.js         how much one animation frame trains and draws
//
// Parts, for page styles (`sepal-playground::part(plot)`): `data` (dataset
// pictures, data settings, CSV), `plot`, `cost-chart` (training and test
// curves), `controls`, `notice`, `formulas` (the equations), `network` (the
// diagram), `neuron` (one per hidden unit view), `experiments`.
//
// Attributes: the settings (kebab-case, see settings-url.js), `controls`
// (shown.js) and `url-settings`. Each takes effect when it changes.
//
// The points a person drew (or imported) are kept apart from any
// Playground, so that no setting, reset, divergence or failed import can
// lose them; with `dataset=custom` each new Playground is built on them.
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
import { RunChart } from "./run-chart.js";
import { Controls } from "./controls.js";
import { DataPanel } from "./data-panel.js";
import { DrawTool } from "./draw-points.js";
import { parseCsv, pointsToCsv, downloadText, downloadBlob, MAX_CSV_POINTS } from "./csv.js";
import { OwnPoints } from "./own-points.js";
import { NetworkView } from "./network-view.js";
import { Experiments } from "./experiments.js";
import { Readouts } from "./readouts.js";
import { Notice, noticeMessages } from "./notice.js";
import { STYLES } from "./element-styles.js";
import { h } from "./dom.js";
import { Pacer } from "./pacer.js";
import { FormulasPanel, HIGHLIGHT_MAX_SPEED } from "./formulas-panel.js";
import { modelJson, modelErrorText, costsCsv } from "./model-file.js";
import { parseControls } from "./shown.js";
import { SETTINGS } from "./settings-table.js";
import { allowedText } from "./setting-fields.js";

/** The most iterations one `step(n)` may run. */
const MAX_STEP = 100000;
/** The cost chart's height in CSS px. */
const CHART_HEIGHT = 160;
/**
 * How often the network view is redrawn while training: every INSIDE_MS,
 * or for a large network (thousands of links) seldom enough that drawing it
 * takes at most 1/INSIDE_SHARE of the time.
 */
const INSIDE_MS = 120;
const INSIDE_SHARE = 20;
/** How often the values under the formulas are refreshed while training (ms). */
const VALUES_MS = 200;

/** Whether the person asked their system for less motion. */
function reducedMotion() {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/** The language the browser prefers, if we have it, else English. */
function browserLang() {
  return /^zh\b/i.test(globalThis.navigator?.language ?? "") ? "zh" : "en";
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
  testCost: NaN,
  diverged: false,
});

/** A link the browser can copy, else null. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export class SepalPlayground extends HTMLElement {
  static get observedAttributes() {
    return [...SETTING_PARAMS, "controls"];
  }

  #api = null; // the loaded wasm (wasm.js), once loaded
  #pg = null; // the wasm Playground
  #explicit = new Map(); // param -> text, in the order they were set
  #settings = null; // the parsed settings in effect
  #parsed = null; // what parseSettings said of them: {settings (as parsed, lang unset unless given), unused, link}
  #errors = []; // parseSettings' errors for #explicit
  #uiError = null; // a value typed into a control and rejected
  #buildError = null; // why the last Playground could not be built
  #loadError = null; // why the wasm could not be loaded
  #crash = null; // {message} once a wasm call has failed
  #divergence = null; // {iteration, learningRate, reason} once diverged
  #state = EMPTY_STATE;
  #points = null;
  #bounds = null;
  #own = new OwnPoints(); // the points a person drew or imported
  #pointsMessage = null; // {kind, text} after a CSV or model file was loaded
  #motionNote = false; // autoplay was skipped for reduced motion
  #shown = parseControls(null); // the `controls` attribute
  #valuesAt = -Infinity; // when the values under the formulas were last shown
  #insideAt = -Infinity; // when the network view was last drawn
  #insideMs = 0; // how long that took
  #insideOnScreen = false; // whether the network view is in the viewport (the observer says)
  #insideStale = false; // whether it missed a redraw while off screen
  #visibilityObserver = null;

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
  #data = null;
  #drawTool = null;
  #network = null;
  #experiments = null;
  #formulas = null;
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

  /**
   * dW and db of the current parameters (what the next update subtracts,
   * times the learning rate), shaped as `parameters` with a "d" in front:
   * `{dW1, db1, dW2, db2}`, `{dw, db}` or `{dW: [...], db: [...]}`; null
   * until loaded.
   */
  get gradients() {
    if (!this.#pg || this.#crash) return null;
    return this.#call(() => this.#pg.gradients()) ?? null;
  }

  /**
   * The model as JSON text: `{"format": "sepal-model", "version": 1,
   * "settings", "iteration", "parameters", "points"}` (see the README);
   * null until loaded.
   */
  exportModel() {
    if (!this.#pg || this.#crash) return null;
    const object = this.#call(() => this.#pg.exportModel());
    return object ? `${modelJson(object)}\n` : null;
  }

  /**
   * Loads a model (JSON text from `exportModel`, or the object it parses
   * to): its settings, points, parameters and iteration replace the
   * current ones; the page's own speed, autoplay and language stay.
   * Resolves once it is on screen. Bad input rejects with an Error that
   * says what is wrong (`reason`, and `code` for scripts) and changes
   * nothing.
   */
  async importModel(json) {
    await this.#ready;
    const text = this.#text;
    const refuse = (reason, code) => {
      const error = new Error(format(text.modelRejected, { reason }));
      error.reason = reason;
      error.code = code;
      return error;
    };
    let object = json;
    if (typeof json === "string") {
      try {
        object = JSON.parse(json);
      } catch (error) {
        throw refuse(format(text["modelError.not-json"], { message: error?.message ?? String(error) }), "not-json");
      }
    }
    let pg;
    try {
      pg = this.#api.Playground.fromModel(object);
    } catch (error) {
      throw refuse(modelErrorText(error, text), error?.code ?? "unreadable");
    }
    this.#adopt(pg);
  }

  /**
   * The cost history as CSV text (`iteration,cost,train_accuracy`, plus
   * `test_cost,test_accuracy` with held-out points); null until loaded.
   */
  exportCosts() {
    if (!this.#pg || this.#crash) return null;
    return this.#call(() => costsCsv(this.#history())) ?? null;
  }

  /** Starts the animated training (once loaded, if called before). */
  play() {
    if (!this.#api) {
      this.#wantPlay = true;
      return;
    }
    if (!this.#pg || this.#running || this.#crash || this.#state.diverged) return;
    if (this.#motionNote) {
      this.#motionNote = false;
      this.#refreshNotice();
    }
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
    this.#highlightStep();
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

  /** All points, train and test, in their order, as CSV (`x1,x2,label`, header first); null until loaded. */
  exportPoints() {
    if (!this.#pg) return null;
    const all = this.#call(() => this.#pg.allPoints());
    return all ? pointsToCsv(all) : null;
  }

  /**
   * Makes CSV `text` (`x1,x2,label`, with a header) your own points and
   * shows them (`dataset=custom`); returns how many there are. Bad CSV
   * throws an Error that names the line, and changes nothing.
   */
  importPoints(text) {
    if (!this.#api) throw new Error(this.#text.notReady);
    const points = parseCsv(text, this.#text);
    this.#own.replace(points);
    this.#ownChanged();
    return points.length;
  }

  /**
   * Runs one of the course's experiments ("sweep", "learning-rates",
   * "activations", "inits") from the current settings and shows it in
   * `part="experiments"`; resolves with one row per run.
   */
  runExperiment(kind) {
    if (!this.#api) return Promise.reject(new Error(this.#text.notReady));
    return this.#experiments.run(kind);
  }

  /** A link that reproduces the settings on screen (drawn points travel as CSV). */
  get link() {
    if (!this.#settings) return null;
    if (this.hasAttribute("url-settings")) {
      clearTimeout(this.#urlTimer);
      this.#writeUrl();
      return globalThis.location.href;
    }
    const page = /^https?:$/.test(globalThis.location.protocol)
      ? new URL("index.html", import.meta.url)
      : new URL(globalThis.location.href);
    page.hash = this.#parsed.link
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value).replace(/%2C/gi, ",")}`)
      .join("&");
    return page.href;
  }

  // ------------------------------------------------------------ lifecycle

  attributeChangedCallback(name, _old, value) {
    if (name === "controls") {
      this.#applyControls();
      return;
    }
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
    this.#visibilityObserver ??= new IntersectionObserver(this.#onVisibility);
    this.#observe();
    if (!this.#started) {
      this.#started = true;
      this.#start();
    }
  }

  disconnectedCallback() {
    this.pause();
    this.#experiments?.cancel();
    globalThis.removeEventListener("hashchange", this.#onHashChange);
    globalThis.removeEventListener("resize", this.#onResize);
    this.#resizeObserver?.disconnect();
    this.#visibilityObserver?.disconnect();
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
    this.#applySettings({ initial: true });
    this.#dom.loading.hidden = true;
    this.#layout();
    this.#draw();
    this.#showRunning();
    this.#resolveReady();
    if (this.#wantPlay) {
      this.play();
    } else if (this.#settings.autoplay === 1) {
      // Autoplay is motion nobody asked for when the system asks for less.
      if (reducedMotion()) {
        this.#motionNote = true;
        this.#refreshNotice();
      } else {
        this.play();
      }
    }
  }

  // ------------------------------------------------------------ settings

  /** The URL/attribute name of a setting given by either of its names. */
  #param(name) {
    const row = SETTINGS.find((r) => r.key === name || r.param === name);
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

  /**
   * Parses #explicit and makes the element match: rebuild, new rate, ...;
   * with `playground`, that (an imported model's) replaces the model.
   */
  #applySettings({ initial = false, playground = null } = {}) {
    const previous = this.#settings;
    const parsed = this.#api.parseSettings([...this.#explicit], this.#parsed?.settings);
    const settings = { ...parsed.settings, lang: parsed.settings.lang ?? browserLang() };
    this.#parsed = parsed;
    this.#settings = settings;
    this.#errors = parsed.errors;
    const relabel = previous?.lang !== settings.lang && strings(settings.lang) !== this.#text;
    if (relabel) {
      this.#text = strings(settings.lang);
      this.#buildDom();
      this.#layout();
    }
    const rebuild = playground !== null || !previous || !this.#pg || ["data", "network"].includes(parsed.effect);
    if (playground) {
      this.#install(playground);
    } else if (rebuild) {
      this.#build();
    } else if (parsed.effect === "retune") {
      this.#call(() => this.#pg.retune(parsed.settings));
    }
    if (previous && parsed.changed.includes("speed")) this.#pacer.changeSpeed();
    this.#controls.showSettings(settings, parsed.unused);
    this.#data.showSettings(settings, parsed.unused);
    this.#showData();
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
      this.#data.revert(param, this.#settings);
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
      case "new-data":
        this.#onSetting("dataset-seed", String(this.#api.freshSeed()));
        break;
      case "copy-link":
        this.#copyLink();
        break;
      case "export-csv":
        this.#download();
        break;
      case "save-model": {
        const json = this.exportModel();
        if (json !== null) downloadText(this.shadowRoot, json, this.#text.modelFileName, "application/json");
        break;
      }
      case "save-plot":
        this.#savePlot();
        break;
      case "copy-costs":
        this.#copyCosts();
        break;
    }
  };

  /** A model file was chosen: it replaces the model, or nothing changes. */
  #onLoadModel = async (file) => {
    const text = this.#text;
    try {
      await this.importModel(await file.text());
      this.#pointsMessage = { kind: "info", text: format(text.modelLoaded, { name: file.name }) };
    } catch (error) {
      const reason = error?.reason ?? error?.message ?? String(error);
      this.#pointsMessage = { kind: "error", text: format(text.modelFileFailed, { name: file.name, reason }) };
    }
    this.#refreshNotice();
  };

  /** Saves the plot as a PNG, on white (the canvas itself is transparent around the map). */
  #savePlot() {
    const source = this.#plot.canvas;
    if (!this.#pg || source.width === 0) return;
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(source, 0, 0);
    canvas.toBlob((blob) => {
      if (blob) downloadBlob(this.shadowRoot, blob, this.#text.plotFileName);
    }, "image/png");
  }

  async #copyCosts() {
    const csv = this.exportCosts();
    if (csv === null) return;
    const copied = await copyText(csv);
    const controls = this.#controls;
    controls.showLinkStatus(copied ? this.#text.costsCopied : this.#text.costsCopyFailed, copied ? null : csv, controls.filesStatus);
  }

  /** The `controls` attribute: shows only what it names. */
  #applyControls() {
    if (!this.#controls) return;
    const shown = parseControls(this.getAttribute("controls"));
    this.#shown = shown;
    this.#controls.showOnly(shown.shows);
    this.#data.root.classList.toggle("off", !shown.shows("data"));
    this.#chart.box.classList.toggle("off", !shown.shows("chart"));
    this.#formulas.root.classList.toggle("off", !shown.shows("formulas"));
    this.#network.root.classList.toggle("off", !shown.shows("network"));
    this.#experiments.showOnly(shown.shows);
    this.#highlightStep();
    this.#refreshNotice();
    if (this.#pg) {
      this.#insideAt = -Infinity;
      this.#onResize();
    }
  }

  /** A dataset picture was chosen. */
  #onPick = (name) => {
    if (!this.#api) return;
    if (name === "custom") {
      if (this.#settings.dataset === "custom") return;
      if (this.#pg) this.#own.startFrom(this.#call(() => this.#pg.allPoints()), this.#bounds);
      this.#onSetting("dataset", "custom");
      return;
    }
    // Each dataset comes with its own noise scale (flower 0.2, blobs 1, …).
    this.#explicit.delete("noise");
    this.#onSetting("dataset", name);
  };

  /** Your own points changed: show them, training on them from the start. */
  #ownChanged() {
    this.#data.showPoints(this.#own.points);
    if (this.#settings.dataset !== "custom") {
      this.#onSetting("dataset", "custom");
      return;
    }
    this.#build();
    this.#refreshNotice();
    this.#showRunning();
    this.#measured();
  }

  #onAddPoint = (point) => {
    // As many as a dataset may have; more clicks do nothing.
    if (this.#own.count >= MAX_CSV_POINTS) return;
    this.#pointsMessage = null;
    this.#own.add(point, this.#bounds);
    this.#ownChanged();
  };

  #onUndoPoint = () => {
    this.#own.undo();
    this.#ownChanged();
  };

  #onClearPoints = () => {
    this.#own.clear();
    this.#ownChanged();
  };

  /** A CSV file was chosen: its points become yours, or nothing changes. */
  #onImport = async (file) => {
    const text = this.#text;
    let count;
    try {
      count = this.importPoints(await file.text());
    } catch (error) {
      this.#pointsMessage = { kind: "error", text: format(text.csvFailed, { name: file.name, message: error?.message ?? String(error) }) };
      this.#refreshNotice();
      return;
    }
    this.#pointsMessage = { kind: "info", text: format(text.csvImported, { count, name: file.name }) };
    this.#refreshNotice();
  };

  /** Saves all points as a CSV file. */
  #download() {
    const csv = this.exportPoints();
    if (csv !== null) downloadText(this.shadowRoot, csv, this.#text.csvFileName, "text/csv");
  }

  async #copyLink() {
    const link = this.link;
    if (link === null) return;
    const copied = await copyText(link);
    this.#controls.showLinkStatus(copied ? this.#text.linkCopied : this.#text.linkCopyFailed, copied ? null : link);
    this.dispatchEvent(new CustomEvent("link", { detail: { link, copied } }));
  }

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
    const isSetting = (name) => SETTING_PARAMS.includes(this.#param(name));
    writeUrlSettings(this.#parsed.link, isSetting, globalThis.location, globalThis.history);
  }

  // ------------------------------------------------------------ the model

  /** A Playground for `settings` on the element's data: the drawn points for `custom`. */
  #makePlayground = (settings) => {
    const api = this.#api;
    return settings.dataset === "custom" ? this.#own.playground(api, settings) : new api.Playground(settings);
  };

  /** A new Playground for the current settings; the old one goes. */
  #build() {
    let pg;
    try {
      pg = this.#makePlayground(this.#settings);
    } catch (error) {
      // Nothing on screen may belong to other settings than the controls show.
      this.#buildError = this.#api.lastPanic() ?? error?.message ?? String(error);
      this.#drop();
      this.pause();
      return;
    }
    this.#install(pg);
  }

  /** Makes `pg` the element's model; the old one goes. */
  #install(pg) {
    this.#drop();
    this.#pg = pg;
    this.#pacer.forget();
    this.#buildError = null;
    this.#crash = null;
    this.#divergence = null;
    this.#points = this.#call(() => pg.points());
    this.#bounds = this.#call(() => pg.bounds());
    if (this.#settings.dataset === "custom") this.#own.keepBounds(this.#bounds);
    this.#insideAt = -Infinity;
    this.#valuesAt = -Infinity;
    this.#readState();
    this.#showData();
    this.#showModel();
  }

  /** An imported model's Playground: its settings become the element's. */
  #adopt(pg) {
    this.pause();
    const file = pg.settings;
    const explicit = new Map();
    for (const row of SETTINGS) {
      if (row.effect !== "page") explicit.set(row.param, String(file[row.key]));
      else if (this.#explicit.has(row.param)) explicit.set(row.param, this.#explicit.get(row.param));
    }
    if (file.dataset === "custom") {
      this.#own.replace(pg.allPoints());
      this.#own.keepBounds(pg.bounds());
    }
    this.#explicit = explicit;
    this.#uiError = null;
    this.#applySettings({ playground: pg });
  }

  /** The formulas for the model on screen. */
  #showModel() {
    const pg = this.#pg;
    if (!pg || !this.#formulas || !this.#settings) return;
    const sizes = this.#call(() => Array.from(pg.layerSizes()));
    if (sizes) this.#formulas.setModel(sizes, this.#settings.activation, this.#points?.train?.length ?? 0);
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
      testCost: pg.testCost,
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
    const { iteration, cost, trainAccuracy, testAccuracy, testCost, diverged } = this.#state;
    return { iteration, cost, trainAccuracy, testAccuracy, testCost, diverged };
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
    this.#highlightStep();
    if (this.#running) this.#frameRequest = requestAnimationFrame(this.#frame);
  };

  /**
   * While training slowly (at most HIGHLIGHT_MAX_SPEED iterations a second)
   * the equation being computed is highlighted: one iteration's steps,
   * forward to update, spread over the time the iteration takes.
   */
  #highlightStep() {
    const formulas = this.#formulas;
    if (!formulas) return;
    const speed = this.#settings?.speed;
    const slow = this.#running && speed !== "max" && speed <= HIGHLIGHT_MAX_SPEED && this.#shown.shows("formulas");
    formulas.highlight(slow && formulas.visible ? this.#pacer.phase : null);
  }

  // ------------------------------------------------------------ drawing

  #buildDom() {
    const text = this.#text;
    this.#experiments?.cancel();
    const plot = h("canvas", { part: "plot", role: "img", "aria-label": text.plotLabel });
    const controls = h("div", { part: "controls", role: "group", "aria-label": text.controlsLabel });
    const notice = h("div", { part: "notice", role: "status", "aria-live": "polite", hidden: true });
    const readouts = h("dl", { class: "readouts", "aria-label": text.readoutsLabel });
    const loading = h("p", { class: "loading" }, [text.loading]);
    const legend = h("div", { class: "legend" }, [
      h("span", {}, [h("i", { class: "swatch class0" }), text.legendClass0]),
      h("span", {}, [h("i", { class: "swatch class1" }), text.legendClass1]),
      h("span", {}, [h("i", { class: "swatch line" }), text.legendBoundary]),
    ]);
    const testNote = h("span", { class: "test-note", hidden: true }, [h("i", { class: "swatch hollow" }), text.legendTest]);
    legend.append(testNote);
    this.#drawTool = new DrawTool(text, {
      onAdd: this.#onAddPoint,
      onUndo: this.#onUndoPoint,
      onClear: this.#onClearPoints,
    });
    const stage = h("figure", { class: "stage" }, [plot, legend, this.#drawTool.bar, loading]);
    this.#chart = new RunChart(text, this.#font);
    this.#chart.onModeChange = () => this.#draw();
    const side = h("div", { class: "side" }, [readouts, controls, this.#chart.box]);
    this.#data = new DataPanel(text, {
      onPick: this.#onPick,
      onSetting: this.#onSetting,
      onAction: this.#onAction,
      onImport: this.#onImport,
    });
    this.#network = new NetworkView(text);
    this.#formulas = new FormulasPanel(text, { onToggleValues: () => this.#showValues(true) });
    this.#formulas.root.addEventListener("toggle", () => {
      this.#highlightStep();
      this.#showValues(true);
    });
    this.#experiments = new Experiments(text, {
      makePlayground: this.#makePlayground,
      getSettings: () => ({ ...this.#settings }),
      getApi: () => this.#api,
      onStart: () => this.pause(),
    });
    const style = h("style", {}, [STYLES]);
    this.shadowRoot.replaceChildren(
      style,
      h("div", { class: "layout" }, [
        notice,
        this.#data.root,
        stage,
        side,
        this.#formulas.root,
        this.#network.root,
        this.#experiments.root,
      ]),
    );
    this.#dom = { stage, loading, testNote };
    if (this.#resizeObserver) this.#observe();
    if (this.#api) loading.hidden = true;
    this.#plot = new Plot(plot);
    this.#drawTool.attach(plot, (event) => this.#plot.toData(event, this.#bounds));
    this.#notice = new Notice(notice);
    this.#readouts = new Readouts(readouts, text);
    this.#controls = new Controls(controls, text, {
      onAction: this.#onAction,
      onSetting: this.#onSetting,
      onLoadModel: this.#onLoadModel,
    });
    side.append(this.#controls.files);
    this.#applyControls();
    if (this.#settings) {
      this.#controls.showSettings(this.#settings, this.#parsed.unused);
      this.#data.showSettings(this.#settings, this.#parsed.unused);
      this.#showData();
      this.#showModel();
    }
    this.#showRunning();
    this.#refreshNotice();
  }

  /** What the resize observer watches: the boxes whose width sizes a canvas. */
  #observe() {
    this.#resizeObserver.disconnect();
    this.#resizeObserver.observe(this.#dom.stage);
    this.#resizeObserver.observe(this.#chart.box);
    this.#resizeObserver.observe(this.#network.root);
    this.#visibilityObserver.disconnect();
    this.#visibilityObserver.observe(this.#network.root);
  }

  /**
   * The network view's pictures are drawn only while on screen: its
   * canvases cost the browser raster time every frame they change, and the
   * first frame comes sooner without them. Its units, weights and notes
   * stay current anyway; pictures that missed redraws are brought up to
   * date as the view scrolls into sight.
   */
  #onVisibility = (entries) => {
    this.#insideOnScreen = entries.at(-1).isIntersecting;
    if (this.#insideOnScreen && this.#insideStale && this.#pg && this.#shown.shows("network")) this.#drawInside();
  };

  /** The data's pictures and the drawing tools, for the settings in effect. */
  #showData() {
    const settings = this.#settings;
    if (!settings || !this.#api || !this.#data) return;
    this.#call(() => this.#data.showPreviews(this.#api, settings, this.#own.points));
    this.#drawTool.show({ active: settings.dataset === "custom", count: this.#own.count });
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
    const chartBox = this.#chart.box;
    const box = getComputedStyle(chartBox);
    const chartWidth = chartBox.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    this.#font = getComputedStyle(this).fontFamily || "sans-serif";
    this.#chart.font = this.#font;
    if (stageWidth === 0) return false;
    // The plot and its legend fit in the window below a short page header.
    const maxHeight = Math.max(360, globalThis.innerHeight - 130);
    const plotChanged = this.#plot.resize(stageWidth, maxHeight, ratio);
    const chartChanged = this.#chart.resize(chartWidth, CHART_HEIGHT, ratio);
    const networkChanged = this.#network.layout(this.#network.scroller.clientWidth, ratio);
    this.#experiments.relayout(this.#font);
    return plotChanged || chartChanged || networkChanged;
  }

  /** The run's curves, copied out of wasm memory. */
  #history() {
    const pg = this.#pg;
    const n = pg.historyLen();
    const pointers = [
      pg.historyIterationsPtr(),
      pg.historyCostsPtr(),
      pg.historyTestCostsPtr(),
      pg.historyTrainAccuraciesPtr(),
      pg.historyTestAccuraciesPtr(),
    ];
    const buffer = this.#api.memory.buffer;
    const [iterations, trainCosts, testCosts, trainAccuracies, testAccuracies] = pointers.map((ptr) =>
      Array.from(new Float64Array(buffer, ptr, n)),
    );
    return { iterations, trainCosts, testCosts, trainAccuracies, testAccuracies, hasTest: this.#points?.test?.length > 0 };
  }

  /** What the plot shows, in words: its text alternative. */
  #plotSummary() {
    const text = this.#text;
    const settings = this.#settings;
    const state = this.#state;
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

  /** The current W, b, dW, db under the formulas, when asked for (at most every VALUES_MS while training). */
  #showValues(now = false) {
    const formulas = this.#formulas;
    const pg = this.#pg;
    if (!formulas?.showingValues || !pg || this.#crash) return;
    const time = performance.now();
    if (!now && this.#running && time - this.#valuesAt < VALUES_MS) return;
    this.#valuesAt = time;
    this.#call(() =>
      formulas.showValues({
        parameters: pg.parameters(),
        gradients: pg.gradients(),
        count: pg.parameterCount(),
        iteration: this.#state.iteration,
      }),
    );
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
      const n = pg.historyLen();
      const history = [pg.historyIterationsPtr(), pg.historyCostsPtr(), pg.historyTestCostsPtr()];
      const accuracies = [pg.historyTrainAccuraciesPtr(), pg.historyTestAccuraciesPtr()];
      // Views over wasm memory, made after the last call that could grow it.
      const buffer = api.memory.buffer;
      const view = (ptr) => new Float64Array(buffer, ptr, n);
      this.#plot.draw({
        image: new ImageData(new Uint8ClampedArray(buffer, pixels[0], pixels[1]), cells, cells),
        contour: new Float32Array(buffer, contour[0], contour[1]),
        bounds: this.#bounds,
        points: this.#points,
        labels: { x: text.axisX1, y: text.axisX2 },
        font,
      });
      this.#chart.draw({
        iterations: view(history[0]),
        trainCosts: view(history[1]),
        testCosts: view(history[2]),
        trainAccuracies: view(accuracies[0]),
        testAccuracies: view(accuracies[1]),
        hasTest: this.#points?.test?.length > 0,
      });
    });
    const noTest = !(this.#points?.test?.length > 0);
    if (this.#dom.testNote.hidden !== noTest) this.#dom.testNote.hidden = noTest;
    this.#readouts.show(this.#state);
    const summary = this.#plotSummary();
    if (this.#plot.canvas.getAttribute("aria-label") !== summary) this.#plot.canvas.setAttribute("aria-label", summary);
    this.#showValues();
    const now = performance.now();
    const inside = this.#shown.shows("network");
    if (inside && (!this.#running || now - this.#insideAt >= Math.max(INSIDE_MS, INSIDE_SHARE * this.#insideMs))) {
      this.#insideAt = now;
      this.#drawInside();
    }
    this.#drawnCells = cells;
    this.#pacer.drew(performance.now() - started, renderMs, cells);
  }

  /** The network diagram, the hidden units' views and the weights. */
  #drawInside() {
    const pictures = this.#insideOnScreen;
    this.#insideStale = !pictures;
    const started = performance.now();
    this.#call(() => this.#network.update(this.#pg, this.#api.memory, this.#plot.cells, this.#bounds, pictures));
    if (pictures) this.#insideMs = performance.now() - started;
  }

  #showRunning() {
    this.#controls?.showRunning({
      running: this.#running,
      loaded: Boolean(this.#api),
      canTrain: Boolean(this.#pg) && !this.#crash && !this.#state.diverged,
    });
  }

  #refreshNotice() {
    const rejected = [...this.#errors, ...(this.#uiError ? [this.#uiError] : [])];
    const messages = noticeMessages(
      {
        loadError: this.#loadError,
        rejections: rejected.map((error) => this.#describeRejection(error)),
        buildError: this.#buildError,
        pointsMessage: this.#pointsMessage,
        crash: this.#crash,
        divergence: this.#divergence,
        notes: this.#notes(),
      },
      this.#text,
      {
        dismissRejections: this.#dismissRejections,
        dismissPoints: () => {
          this.#pointsMessage = null;
          this.#refreshNotice();
        },
        rebuild: this.#recover,
        reset: () => this.#onAction("reset"),
      },
    );
    this.#notice.show(messages);
  }

  /** Notes for the page's author or reader: unknown control names, skipped autoplay. */
  #notes() {
    const text = this.#text;
    const notes = this.#shown.unknown.map((name) => ({ kind: "warning", text: format(text.controlsUnknown, { name }) }));
    if (this.#motionNote) {
      notes.push({
        kind: "info",
        text: text.reducedMotionAutoplay,
        actions: [{ label: text.play, run: () => this.play() }],
      });
    }
    return notes;
  }

  #describeRejection(error) {
    const text = this.#text;
    const template = text[`problem.${error.problem}`] ?? text.problemOther;
    const row = SETTINGS.find((r) => r.param === error.setting);
    const current = row && this.#settings ? String(this.#settings[row.key]) : "";
    const allowed = row ? allowedText(row, text) : error.allowed;
    return format(template, { ...error, allowed, current });
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
