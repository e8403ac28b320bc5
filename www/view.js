// What the element shows: its shadow DOM (built again in a new language),
// the canvases sized to their boxes, and each frame the model drawn from
// wasm memory — the map and the points, the curves, the live numbers, the
// network, the values under the formulas and the plot's text alternative.
// The view reads the model, the settings, the frame loop and the drawn
// points; it only tells the pacer how long drawing took and the notice
// which `controls` names are unknown. What a person does goes to `on`
// (reactions.js).
//
// The DOM is built by view-build.js, the canvases sized by view-layout.js,
// the map and curves drawn by view-draw.js, a still rendered in bands by
// view-still-bands.js, the values under the formulas read by view-values.js.

import { strings } from "./strings.js";
import { parseControls, parseFolded } from "./shown.js";
import { saturatedByLargeWeights } from "./plot-overlay.js";
import { plotSummary } from "./plot-summary.js";
import { FIRST_FRAME_CELLS } from "./pacer.js";
import { FramePart } from "./frame-part.js";
import { buildParts } from "./view-build.js";
import { sizeCanvases } from "./view-layout.js";
import { drawFromMemory } from "./view-draw.js";
import { StillBands } from "./view-still-bands.js";
import { showValues } from "./view-values.js";

/**
 * How often the network view is redrawn while training: every INSIDE_MS,
 * or for a large network (thousands of links) seldom enough that drawing it
 * takes at most 1/INSIDE_SHARE of the time.
 */
const INSIDE_MS = 120;
const INSIDE_SHARE = 20;

export class View {
  /** The strings of the language on screen. */
  text;
  #host;
  #model;
  #settings;
  #loop;
  #own;
  #notices;
  #on;
  #font = "sans-serif";
  #shown = parseControls(null); // the `controls` attribute
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
  #notebookResult = null;
  #saturationNote = null;
  #point = null; // the point chosen and its derivation (point-derivation.js)
  #gradcheck = null; // gradient checking (gradient-check-panel.js)
  #overlay = null; // why the plot shows no boundary (plot-overlay.js)
  #drawnCells = 0; // the map's resolution on screen
  #firstMap = true; // the element's first map is still to be drawn (#15: at FIRST_FRAME_CELLS)
  #formulasLater = false; // the folded formulas are typeset after the first frame (#15)
  #stillBands; // a still being rendered in bands (view-still-bands.js)
  #insideLater = new FramePart(() => this.#model.usable && this.#drawInside()); // after a large network's first picture (#15)
  #valuesAt = -Infinity; // when the values under the formulas were last shown
  #insideAt = -Infinity; // when the network view was last drawn
  #insideMs = 0; // how long that took
  #insideOnScreen = false; // whether the network view is in the viewport (the observer says)
  #insideStale = false; // whether it missed a redraw while off screen
  #resizeObserver = null;
  #visibilityObserver = null;
  // Resizes are drawn in a coming frame (one with room, #15), not inside
  // ResizeObserver's callback, so that the canvases growing cannot make a ResizeObserver loop.
  #resized = new FramePart(() => this.layout() && this.draw());

  /**
   * Builds the DOM in `host`'s shadow root. `rooms`: `{model, settings,
   * loop, own, notices}`; `on`: what the controls do (reactions.js).
   */
  constructor(host, { model, settings, loop, own, notices }, on) {
    this.#host = host;
    this.#model = model;
    this.#settings = settings;
    this.#loop = loop;
    this.#own = own;
    this.#notices = notices;
    this.#on = on;
    this.#stillBands = new StillBands(model, loop, () => this.draw());
    this.text = strings(settings.lang);
    this.#build();
  }

  get plot() {
    return this.#plot;
  }

  get controls() {
    return this.#controls;
  }

  get data() {
    return this.#data;
  }

  get experiments() {
    return this.#experiments;
  }

  /** The DOM again in the language `lang`, if that changes the strings; returns whether it did. */
  relabel(lang) {
    const text = strings(lang);
    if (text === this.text) return false;
    this.text = text;
    this.#build();
    this.layout();
    return true;
  }

  /** In the document: follow the window's and the boxes' sizes, and whether the network is on screen. */
  connect() {
    globalThis.addEventListener("resize", this.#onResize);
    this.#resizeObserver ??= new ResizeObserver(this.#onResize);
    this.#visibilityObserver ??= new IntersectionObserver(this.#onVisibility);
    this.#observe();
  }

  /** Out of the document: no experiment runs on, nothing is watched. */
  disconnect() {
    this.#experiments?.cancel();
    this.#gradcheck?.cancel();
    globalThis.removeEventListener("resize", this.#onResize);
    this.#resizeObserver?.disconnect();
    this.#visibilityObserver?.disconnect();
  }

  /** The wasm is loaded (or could not be): no more "loading". */
  loaded() {
    this.#dom.loading.hidden = true;
  }

  /** The whole shadow DOM in the language of `this.text`; what was on screen is shown again. */
  #build() {
    const text = this.text;
    const model = this.#model;
    this.#experiments?.cancel();
    const selection = this.#point?.selection;
    this.#gradcheck?.cancel();
    // A new language keeps the panels as the person left them.
    const wasOpen = this.#formulas ? { formulas: this.#formulas.root.open, network: this.#network.root.open } : null;
    const rooms = { model, settings: this.#settings, loop: this.#loop, notices: this.#notices, font: this.#font };
    const view = {
      draw: () => this.draw(),
      showRunning: () => this.showRunning(),
      showValues: (now) => this.#showValues(now),
      revealStage: () => this.#revealStage(),
    };
    ({
      dom: this.#dom,
      plot: this.#plot,
      chart: this.#chart,
      controls: this.#controls,
      data: this.#data,
      drawTool: this.#drawTool,
      network: this.#network,
      experiments: this.#experiments,
      formulas: this.#formulas,
      readouts: this.#readouts,
      notebookResult: this.#notebookResult,
      saturationNote: this.#saturationNote,
      point: this.#point,
      gradcheck: this.#gradcheck,
      overlay: this.#overlay,
    } = buildParts(text, this.#host, rooms, this.#on, view));
    if (wasOpen) {
      this.#formulas.root.open = wasOpen.formulas;
      this.#network.root.open = wasOpen.network;
    } else {
      this.applyFolded();
    }
    this.#formulas.root.addEventListener("toggle", () => {
      if (this.#formulasLater) this.showModel();
      this.highlight();
      this.#showValues(true);
    });
    // Opened: laid out in its box (it had none while folded) and drawn now.
    this.#network.root.addEventListener("toggle", () => {
      this.#insideAt = -Infinity;
      this.#onResize();
      if (!this.#loop.running) this.draw();
    });
    if (this.#resizeObserver) this.#observe();
    if (model.api) this.#dom.loading.hidden = true;
    this.applyControls();
    const settings = this.#settings.current;
    if (settings) {
      this.showSettings(settings);
      this.showData();
      this.showModel();
    }
    this.showRunning();
    if (selection) this.selectPoint(selection);
  }

  /** Opens the derivation of `point` ({index, set}, checked by the element), or closes it (null). */
  selectPoint(point) {
    this.#point.select(point);
    if (this.#model.pg && !this.#loop.running) this.draw();
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
    if (this.#insideOnScreen && this.#insideStale && this.#model.pg && this.#shown.shows("network")) this.#drawInside();
  };

  /** The `controls` attribute: shows only what it names. */
  applyControls() {
    if (!this.#controls) return;
    const shown = parseControls(this.#host.getAttribute("controls"));
    this.#shown = shown;
    this.#controls.showOnly(shown.shows);
    this.#data.root.classList.toggle("off", !shown.shows("data"));
    this.#dom.dataSettings.classList.toggle("off", !shown.shows("data"));
    this.#drawTool.offersOwn = shown.shows("data");
    this.#chart.box.classList.toggle("off", !shown.shows("chart"));
    this.#formulas.root.classList.toggle("off", !shown.shows("formulas"));
    this.#network.root.classList.toggle("off", !shown.shows("network"));
    this.#experiments.showOnly(shown.shows);
    this.highlight();
    this.#notices.set({ unknownControls: shown.unknown });
    if (this.#model.pg) {
      this.#insideAt = -Infinity;
      this.#onResize();
    }
  }

  /** The `folded` attribute: which panels are folded (shown.js); a change opens or folds them now. */
  applyFolded() {
    if (!this.#formulas) return;
    const folded = parseFolded(this.#host.getAttribute("folded"));
    this.#formulas.root.open = !folded.has("formulas");
    this.#network.root.open = !folded.has("network");
  }

  /**
   * "Draw your own" was chosen: the plot and its class toggle come into
   * view (on a phone they are a screen or more above the pictures).
   */
  #revealStage() {
    // Next frame: the drawing tools under the plot are showing by then.
    requestAnimationFrame(() => {
      const stage = this.#dom.stage;
      const box = stage.getBoundingClientRect();
      if (box.top >= 0 && box.bottom <= globalThis.innerHeight) return;
      const smooth = !globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      stage.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
    });
  }

  /** Puts `settings` into the fields; those that mean nothing with the others are hidden. */
  showSettings(settings) {
    const unused = this.#settings.unused;
    this.#controls.showSettings(settings, unused);
    this.#data.showSettings(settings, unused);
  }

  /** The data's pictures and the drawing tools, for the settings in effect. */
  showData() {
    const settings = this.#settings.current;
    const model = this.#model;
    if (!settings || !model.api || !this.#data) return;
    this.#data.showPreviews(model.api, settings, this.#own.points, (draw) => model.crashed || model.call(draw));
    this.#drawTool.show({ active: settings.dataset === "custom", count: this.#own.count });
  }

  /** The formulas for the model on screen. */
  showModel() {
    const pg = this.#model.pg;
    const settings = this.#settings.current;
    if (!pg || !this.#formulas || !settings) return;
    // #15: folded, they are typeset in a task after the first frame (or when opened, if sooner).
    this.#formulasLater = this.#firstMap && !this.#formulas.root.open;
    if (this.#formulasLater) return;
    const sizes = this.#model.call(() => Array.from(pg.layerSizes()));
    const features = this.#model.call(() => pg.inputFeatures().split(","));
    if (sizes && features) this.#formulas.setModel(sizes, settings.activation, this.#model.points?.train?.length ?? 0, features, settings);
  }

  /** A new model is in place: everything about it is shown afresh. */
  modelInstalled() {
    this.#insideAt = -Infinity;
    this.#valuesAt = -Infinity;
    this.showData();
    this.showModel();
  }

  /** The model is gone: so is what showed it. */
  modelDropped() {
    this.#plot.clear();
    this.#chart.clear();
    this.#readouts.show(this.#model.state, this.#model.points);
  }

  /** The play button and which buttons work now. */
  showRunning() {
    this.#controls?.showRunning({
      running: this.#loop.running,
      loaded: Boolean(this.#model.api),
      canTrain: this.#model.canTrain,
      experimenting: Boolean(this.#experiments?.running),
    });
    this.#readouts?.showTarget(this.#loop.target);
  }

  /** Highlights the equation being computed, when the formulas are there to be seen (frame-loop.js says which). */
  highlight() {
    const formulas = this.#formulas;
    if (!formulas) return;
    const phase = this.#loop.phase;
    formulas.highlight(phase !== null && this.#shown.shows("formulas") && formulas.visible ? phase : null);
  }

  /** After playing: the still after an animation at a lower resolution is sharp again, and the derivation current. */
  sharpen() {
    this.#point.refresh(true);
    if (this.#drawnCells && this.#drawnCells !== this.#loop.pacer.cells(false)) this.draw();
  }

  #onResize = () => this.#resized.request();

  /** Sizes the canvases to their boxes; returns whether the plot or the chart changed (to draw all again). */
  layout() {
    const parts = { dom: this.#dom, plot: this.#plot, chart: this.#chart, network: this.#network, experiments: this.#experiments, data: this.#data };
    const { font, plotChanged, chartChanged, networkChanged } = sizeCanvases(this.#host, parts);
    this.#font = font;
    // The network alone (its box changed as its diagram was built): it alone is drawn again.
    if (networkChanged && !plotChanged && !chartChanged && this.#model.usable) this.#insideLater.request();
    return plotChanged || chartChanged;
  }

  /** The current W, b, dW, db under the formulas, when asked for (view-values.js). */
  #showValues(now = false) {
    this.#valuesAt = showValues(this.#formulas, this.#model, this.#loop, this.#valuesAt, now);
  }

  /** The model, read out of wasm memory: the map and points, the curves, the numbers, the network. */
  draw() {
    const model = this.#model;
    const pg = model.pg;
    const api = model.api;
    if (!pg || !api || model.crashed) return;
    if (this.#plot.width === 0) this.layout();
    const text = this.text;
    const font = this.#font;
    const pacer = this.#loop.pacer;
    let cells = pacer.cells(this.#loop.running);
    // #15: a large network's first map, its cost unknown, is drawn coarse
    // (measuring it). A still too long for one frame
    // shows the animation's resolution now and is rendered in bands in the
    // frames that follow; the full one is drawn once whole.
    const first = pacer.firstCells(cells, model.call(() => pg.parameterCount()) ?? 0);
    const firstOfLarge = first < cells;
    // #15: the element's first map (the page's first frame) at fewer cells;
    // the full one is drawn in a task after that frame (#afterFirstFrame).
    const firstMap = this.#firstMap;
    const quick = firstMap && !firstOfLarge && cells > FIRST_FRAME_CELLS;
    this.#firstMap = false;
    const inBands =
      !this.#loop.running &&
      (firstOfLarge || (!quick && pacer.stillRows(cells) < cells && model.call(() => !pg.renderRows(cells, cells, 0))));
    if (firstOfLarge) cells = first;
    else if (quick) cells = FIRST_FRAME_CELLS;
    else if (inBands) cells = pacer.cells(true);
    const started = performance.now();
    const parts = { plot: this.#plot, chart: this.#chart, overlay: this.#overlay };
    const renderMs = drawFromMemory(model, cells, started, parts, { text, font, settings: this.#settings, point: this.#point });
    const saturatedLine = this.#overlay.reason === null && saturatedByLargeWeights(this.#settings.current, model.state);
    if (this.#saturationNote.hidden === saturatedLine) this.#saturationNote.hidden = !saturatedLine;
    const noTest = !model.hasTest;
    if (this.#dom.testNote.hidden !== noTest) this.#dom.testNote.hidden = noTest;
    this.#readouts.show(model.state, model.points);
    this.#notebookResult.show(this.#settings.current, this.#settings.linkPairs, model.state, model.points);
    const summary = plotSummary(this.text, this.#settings.current, model.state);
    if (this.#plot.canvas.getAttribute("aria-label") !== summary) this.#plot.canvas.setAttribute("aria-label", summary);
    this.#showValues();
    this.#point.refresh();
    this.#gradcheck.stale(model.state.iteration);
    const now = performance.now();
    const inside = this.#shown.shows("network");
    if (inside && (!this.#loop.running || now - this.#insideAt >= Math.max(INSIDE_MS, INSIDE_SHARE * this.#insideMs))) {
      this.#insideAt = now;
      // #15: a large network's units in a task of their own, after its first picture.
      if (firstOfLarge) this.#insideLater.request();
      else this.#drawInside();
    }
    this.#drawnCells = cells;
    // (The quick first map's time is of the wasm's first calls, cold: it would make the map look dearer than it is.)
    this.#loop.pacer.drew(performance.now() - started, quick ? 0 : renderMs, cells);
    if (inBands) this.#stillBands.start();
    if (firstMap) this.#afterFirstFrame(quick);
  }

  /**
   * What the first frame left out, in a task after it (#15): the folded
   * formulas, and with `sharpen` the full map after the quick first one
   * (playing by then draws its own frames).
   */
  #afterFirstFrame(sharpen) {
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.#formulasLater) this.showModel();
        if (sharpen && this.#model.usable && !this.#loop.running) this.sharpen();
      }),
    );
  }

  /** The network diagram, the hidden units' views and the weights. */
  #drawInside() {
    const pictures = this.#insideOnScreen;
    this.#insideStale = !pictures;
    const started = performance.now();
    const model = this.#model;
    model.call(() => this.#network.update(model.pg, model.api.memory, this.#plot.cells, model.bounds, pictures));
    if (pictures) this.#insideMs = performance.now() - started;
  }
}
