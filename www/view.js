// What the element shows: its shadow DOM (built again in a new language),
// the canvases sized to their boxes, and each frame the model drawn from
// wasm memory — the map and the points, the curves, the live numbers, the
// network, the values under the formulas and the plot's text alternative.
// The view reads the model, the settings, the frame loop and the drawn
// points; it only tells the pacer how long drawing took and the notice
// which `controls` names are unknown. What a person does goes to `on`
// (reactions.js).
//
// Over 500 lines: the one place that knows where each piece sits in the
// shadow DOM (build, layout, draw); its pieces are modules of their own.

import { strings } from "./strings.js";
import { Plot } from "./plot.js";
import { RunChart } from "./run-chart.js";
import { Controls } from "./controls.js";
import { DataPanel } from "./data-panel.js";
import { DrawTool } from "./draw-points.js";
import { NetworkView } from "./network-view.js";
import { Experiments } from "./experiments.js";
import { Readouts } from "./readouts.js";
import { NotebookResult } from "./notebook-result.js";
import { STYLES } from "./element-styles.js";
import { h } from "./dom.js";
import { FormulasPanel, MAX_SHOWN_PARAMETERS, layersOf } from "./formulas-panel.js";
import { GradientCheckPanel } from "./gradient-check-panel.js";
import { GRADCHECK_EPSILON, gradientCheckFits } from "./api-arguments.js";
import { PointDerivation, VALUES_MS } from "./point-derivation.js";
import { parseControls, parseFolded } from "./shown.js";
import { PlotOverlay, noBoundaryReason, saturatedByLargeWeights } from "./plot-overlay.js";
import { plotSummary } from "./plot-summary.js";
import { FIRST_FRAME_CELLS } from "./pacer.js";
import { FramePart } from "./frame-part.js";

/** The cost chart's height in CSS px. */
const CHART_HEIGHT = 160;
/** Container widths (rem) where the layout changes: one column under PHONE_REM, four from WIDE_REM (styles-layout.js). */
const PHONE_REM = 40;
const WIDE_REM = 72;
/** The plot: at least this tall, and room kept above it for at most this much page header (CSS px). */
const MIN_PLOT = 300;
const MAX_HEADER = 130;
/** The network diagram's height under the plot, and at least beside it (CSS px). */
const DIAGRAM_HEIGHT = 380;
const MIN_DIAGRAM = 220;
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
  #still = null; // {pg, cells, rows}: a still being rendered in bands (#15), or null
  #stillBands = new FramePart(() => this.#renderBand());
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
    const on = this.#on;
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
    const selection = this.#point?.selection;
    this.#point = new PointDerivation(text, { model, settings: this.#settings, loop: this.#loop }, (index, set) =>
      this.#host.selectPoint(index, set),
    );
    this.#gradcheck?.cancel();
    this.#gradcheck = new GradientCheckPanel(text, {
      fits: () => !model.pg || gradientCheckFits(model.pg.parameterCount(), model.points.train.length),
      check: ({ bug }) => {
        const result = this.#host.gradientCheck({ bug });
        return result && { ...result, iteration: model.state.iteration };
      },
      // #15: in parts, of the parameters of a paused run between iterations.
      begin: ({ bug }) => {
        this.#host.pause();
        const pg = model.pg;
        if (!pg || this.#loop.running || this.#loop.finishing || pg.midIteration) return null;
        const iteration = model.state.iteration;
        const unchanged = () => model.pg === pg && model.state.iteration === iteration && !this.#loop.running;
        return { run: pg.gradientCheckBegin(GRADCHECK_EPSILON, bug), iteration, unchanged };
      },
    });
    this.#drawTool = new DrawTool(text, { onAdd: on.addPoint, onUndo: on.undoPoint, onClear: on.clearPoints });
    const stage = h("figure", { class: "stage" }, [plot, legend, this.#point.picker.status, this.#drawTool.refusal, this.#drawTool.bar, loading]);
    this.#overlay = new PlotOverlay(text);
    stage.append(this.#overlay.root);
    this.#chart = new RunChart(text, this.#font);
    this.#chart.onModeChange = () => this.draw();
    Object.assign(this.#chart, { suggest: on.learningNetwork, onTry: on.useSettings });
    this.#data = new DataPanel(text, {
      onPick: (name) => {
        on.pick(name);
        if (name === "custom") this.#revealStage();
      },
      onSetting: on.setting,
      onAction: on.action,
      onImport: on.importCsv,
    });
    // The data's fine settings in a box of their own: on a phone they come
    // after the model's settings, so that a dataset picture, the model and
    // the plot fit one screen (layout() moves the box).
    const dataSettings = h("div", { class: "data-settings" }, [
      h("h3", { class: "data-settings-heading" }, [text.dataSettingsHeading]),
      ...this.#data.root.querySelectorAll(":scope > .fields, :scope > .buttons"),
    ]);
    this.#data.root.append(dataSettings);
    // A new language keeps the panels as the person left them.
    const wasOpen = this.#formulas ? { formulas: this.#formulas.root.open, network: this.#network.root.open } : null;
    this.#network = new NetworkView(text);
    this.#formulas = new FormulasPanel(text, { onToggleValues: () => this.#showValues(true) });
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
    this.#experiments = new Experiments(text, {
      makePlayground: model.make,
      getSettings: () => ({ ...this.#settings.current }),
      getApi: () => model.api,
      onUse: on.useSettings,
      // While an experiment runs, the main training pauses and Play is refused.
      onStart: () => {
        this.#host.pause();
        this.showRunning();
      },
      onEnd: () => {
        this.#notices.set({ playRefused: false });
        this.showRunning();
      },
    });
    this.#controls = new Controls(controls, text, { onAction: on.action, onSetting: on.setting, onLoadModel: on.loadModel });
    // In the order a student uses them, which is the order on a phone: the
    // plot, the numbers and Play, the data, the model's settings, the
    // network, the curves and files, then the formulas and experiments.
    // Wider, the grid puts the data, the network, the plot and a side
    // column (numbers, Play, model settings, curves) side by side, so the
    // DOM order (and Tab) stays the phone's. The model's settings leave the
    // play buttons' row for their own group, which the data comes before.
    // Run to comes after them: on a phone the plot and Hidden units fit one screen above it.
    const { fieldsRow, seedRow, runTo } = this.#controls;
    const modelSettings = h("div", { class: "model", part: "controls", role: "group", "aria-label": text.modelSettingsLabel }, [
      fieldsRow,
      seedRow,
      runTo,
      this.#controls.linkStatus,
    ]);
    this.#notebookResult = new NotebookResult(text, (iterations) => on.action("run-to", iterations));
    // #17: while large initial weights saturate the output and the plot shows a boundary anyway.
    this.#saturationNote = h("p", { class: "saturation-note", role: "status", hidden: true }, [text.saturationNote]);
    const run = h("div", { class: "run" }, [readouts, this.#saturationNote, this.#notebookResult.root, controls]);
    const more = h("div", { class: "more" }, [this.#chart.box, this.#controls.files]);
    const style = h("style", {}, [STYLES]);
    const layout = h("div", { class: "layout" }, [
      stage,
      run,
      this.#data.root,
      modelSettings,
      this.#network.root,
      more,
      this.#point.panel.root,
      this.#formulas.root,
      this.#gradcheck.root,
      this.#experiments.root,
    ]);
    this.#host.shadowRoot.replaceChildren(style, notice, layout);
    this.#dom = { stage, loading, testNote, dataSettings, modelSettings };
    if (this.#resizeObserver) this.#observe();
    if (model.api) loading.hidden = true;
    this.#plot = new Plot(plot);
    this.#drawTool.attach(
      plot,
      (event) => this.#plot.toData(event, model.bounds),
      (event, drawing) => this.#point.picker.click(event, drawing),
    );
    this.#point.picker.attach(plot, (event) => this.#plot.nearestPoint(event, model.bounds, model.points));
    this.#notices.attach(notice, text);
    this.#readouts = new Readouts(readouts, text);
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
    const ratio = globalThis.devicePixelRatio || 1;
    const dom = this.#dom;
    const stageWidth = dom.stage.clientWidth;
    const chartBox = this.#chart.box;
    const box = getComputedStyle(chartBox);
    const chartWidth = chartBox.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    this.#font = getComputedStyle(this.#host).fontFamily || "sans-serif";
    this.#chart.font = this.#font;
    if (stageWidth === 0) return false;
    // The widths of element-styles.js's container queries (rem of the page).
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const width = this.#host.clientWidth;
    this.#placeDataSettings(width < PHONE_REM * rem);
    // The plot and what is under it (legend, drawing tools) fit the window
    // below a short page header or a frame's edge.
    const above = Math.min(Math.max(0, dom.stage.getBoundingClientRect().top + globalThis.scrollY), MAX_HEADER);
    const under = this.#plot.height ? dom.stage.offsetHeight - this.#plot.height : 0;
    const maxHeight = Math.max(MIN_PLOT, globalThis.innerHeight - above - under - 8);
    const plotChanged = this.#plot.resize(stageWidth, maxHeight, ratio);
    const chartChanged = this.#chart.resize(chartWidth, CHART_HEIGHT, ratio);
    // Beside the plot the network fills the plot's height; under it, a band.
    const network = this.#network;
    let diagramHeight = DIAGRAM_HEIGHT;
    if (width >= WIDE_REM * rem) {
      const header = network.scroller.getBoundingClientRect().top - network.root.getBoundingClientRect().top;
      diagramHeight = Math.max(MIN_DIAGRAM, this.#plot.height + under - header);
    }
    const networkChanged = network.layout(network.scroller.clientWidth, diagramHeight, ratio);
    this.#experiments.relayout(this.#font);
    // The network alone (its box changed as its diagram was built): it alone is drawn again.
    if (networkChanged && !plotChanged && !chartChanged && this.#model.usable) this.#insideLater.request();
    return plotChanged || chartChanged;
  }

  /**
   * On a phone the data's fine settings follow the model's (and are a
   * `data` part of their own there); wider, they are in the data column.
   */
  #placeDataSettings(phone) {
    const { dataSettings, modelSettings } = this.#dom;
    const home = this.#data.root;
    if (phone && dataSettings.parentNode !== modelSettings.parentNode) {
      modelSettings.after(dataSettings);
      dataSettings.setAttribute("part", "data");
    } else if (!phone && dataSettings.parentNode !== home) {
      home.append(dataSettings);
      dataSettings.removeAttribute("part");
    }
  }

  /** The current W, b, dW, db under the formulas, when asked for (at most every VALUES_MS while training). */
  #showValues(now = false) {
    const formulas = this.#formulas;
    const model = this.#model;
    const pg = model.pg;
    if (!formulas?.showingValues || !model.usable) return;
    const time = performance.now();
    if (!now && this.#loop.running && time - this.#valuesAt < VALUES_MS) return;
    this.#valuesAt = time;
    model.call(() => {
      const count = pg.parameterCount();
      // Too many to show: not read either (#15: the gradients are a backward
      // pass over every training point, 0.2 s at the caps, every VALUES_MS).
      const shown = count <= MAX_SHOWN_PARAMETERS && {
        parameters: pg.parameters(),
        gradients: pg.gradients(),
        optimizer: pg.optimizerState(),
      };
      formulas.showValues({ ...shown, count, iteration: model.state.iteration });
    });
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
      this.#plot.draw({
        image: new ImageData(new Uint8ClampedArray(buffer, pixels[0], pixels[1]), cells, cells),
        // No points, no boundary: the random first weights' line would mean nothing.
        contour: new Float32Array(buffer, contour[0], model.hasPoints ? contour[1] : 0),
        bounds: model.bounds,
        points: model.points,
        labels: { x: text.axisX1, y: text.axisX2 },
        font,
        selected: this.#point.coordinates(),
      });
      this.#chart.draw({
        iterations: view(history[0]),
        trainCosts: view(history[1]),
        testCosts: view(history[2]),
        trainAccuracies: view(accuracies[0]),
        testAccuracies: view(accuracies[1]),
        hasTest: model.hasTest,
        markers: new Float64Array(buffer, pg.dataChangesPtr(), pg.dataChangesLen()),
      });
      this.#overlay.show(noBoundaryReason(model, this.#settings.current));
    });
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
    if (inBands) this.#renderStillInBands();
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

  /**
   * Renders the still's map a band of rows a frame (as many as the map's
   * share of a frame allows), then draws it; given up when playing starts
   * or the model changes (a draw meanwhile starts it again).
   */
  #renderStillInBands() {
    const cells = this.#loop.pacer.cells(false);
    this.#still = { pg: this.#model.pg, cells, rows: this.#loop.pacer.stillRows(cells) };
    this.#stillBands.cancel();
    this.#stillBands.request();
  }

  #renderBand() {
    const { pg, cells, rows } = this.#still;
    const model = this.#model;
    const current = !this.#loop.running && model.pg === pg && model.usable;
    const whole = current && model.call(() => pg.renderRows(cells, cells, rows));
    if (current && whole === false) {
      this.#stillBands.request();
      return;
    }
    this.#still = null;
    if (whole) this.draw();
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
