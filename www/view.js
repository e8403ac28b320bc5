// What the element shows: its shadow DOM (built again in a new language),
// the canvases sized to their boxes, and each frame the model drawn from
// wasm memory — the map and the points, the curves, the live numbers, the
// network, the values under the formulas and the plot's text alternative.
// The view reads the model, the settings, the frame loop and the drawn
// points; it only tells the pacer how long drawing took and the notice
// which `controls` names are unknown. What a person does goes to `on`
// (reactions.js).

import { strings, format } from "./strings.js";
import { Plot } from "./plot.js";
import { RunChart } from "./run-chart.js";
import { Controls } from "./controls.js";
import { DataPanel } from "./data-panel.js";
import { DrawTool } from "./draw-points.js";
import { NetworkView } from "./network-view.js";
import { Experiments } from "./experiments.js";
import { Readouts } from "./readouts.js";
import { STYLES } from "./element-styles.js";
import { h } from "./dom.js";
import { FormulasPanel } from "./formulas-panel.js";
import { parseControls } from "./shown.js";
import { PlotOverlay, noBoundaryReason } from "./plot-overlay.js";

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
  #overlay = null; // why the plot shows no boundary (plot-overlay.js)
  #drawnCells = 0; // the map's resolution on screen
  #valuesAt = -Infinity; // when the values under the formulas were last shown
  #insideAt = -Infinity; // when the network view was last drawn
  #insideMs = 0; // how long that took
  #insideOnScreen = false; // whether the network view is in the viewport (the observer says)
  #insideStale = false; // whether it missed a redraw while off screen
  #resizeObserver = null;
  #visibilityObserver = null;
  #resizeRequest = 0;

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
    this.#drawTool = new DrawTool(text, { onAdd: on.addPoint, onUndo: on.undoPoint, onClear: on.clearPoints });
    const stage = h("figure", { class: "stage" }, [plot, legend, this.#drawTool.bar, loading]);
    this.#overlay = new PlotOverlay(text);
    stage.append(this.#overlay.root);
    this.#chart = new RunChart(text, this.#font);
    this.#chart.onModeChange = () => this.draw();
    const side = h("div", { class: "side" }, [readouts, controls, this.#chart.box]);
    this.#data = new DataPanel(text, { onPick: on.pick, onSetting: on.setting, onAction: on.action, onImport: on.importCsv });
    this.#network = new NetworkView(text);
    this.#formulas = new FormulasPanel(text, { onToggleValues: () => this.#showValues(true) });
    this.#formulas.root.addEventListener("toggle", () => {
      this.highlight();
      this.#showValues(true);
    });
    this.#experiments = new Experiments(text, {
      makePlayground: model.make,
      getSettings: () => ({ ...this.#settings.current }),
      getApi: () => model.api,
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
    const style = h("style", {}, [STYLES]);
    this.#host.shadowRoot.replaceChildren(
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
    if (model.api) loading.hidden = true;
    this.#plot = new Plot(plot);
    this.#drawTool.attach(plot, (event) => this.#plot.toData(event, model.bounds));
    this.#notices.attach(notice, text);
    this.#readouts = new Readouts(readouts, text);
    this.#controls = new Controls(controls, text, { onAction: on.action, onSetting: on.setting, onLoadModel: on.loadModel });
    side.append(this.#controls.files);
    this.applyControls();
    const settings = this.#settings.current;
    if (settings) {
      this.showSettings(settings);
      this.showData();
      this.showModel();
    }
    this.showRunning();
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
    model.call(() => this.#data.showPreviews(model.api, settings, this.#own.points));
    this.#drawTool.show({ active: settings.dataset === "custom", count: this.#own.count });
  }

  /** The formulas for the model on screen. */
  showModel() {
    const pg = this.#model.pg;
    const settings = this.#settings.current;
    if (!pg || !this.#formulas || !settings) return;
    const sizes = this.#model.call(() => Array.from(pg.layerSizes()));
    if (sizes) this.#formulas.setModel(sizes, settings.activation, this.#model.points?.train?.length ?? 0);
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

  /** After playing: the still after an animation at a lower resolution is sharp again. */
  sharpen() {
    if (this.#drawnCells && this.#drawnCells !== this.#loop.pacer.cells(false)) this.draw();
  }

  /** Resizes happen in the next frame, not inside ResizeObserver's callback,
   * so that the canvases growing cannot make a ResizeObserver loop. */
  #onResize = () => {
    if (this.#resizeRequest) return;
    this.#resizeRequest = requestAnimationFrame(() => {
      this.#resizeRequest = 0;
      if (this.layout()) this.draw();
    });
  };

  /** Sizes the canvases to their boxes; returns whether any changed. */
  layout() {
    const ratio = globalThis.devicePixelRatio || 1;
    const stageWidth = this.#dom.stage.clientWidth;
    const chartBox = this.#chart.box;
    const box = getComputedStyle(chartBox);
    const chartWidth = chartBox.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
    this.#font = getComputedStyle(this.#host).fontFamily || "sans-serif";
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

  /** What the plot shows, in words: its text alternative. */
  #plotSummary() {
    const text = this.text;
    const settings = this.#settings.current;
    const state = this.#model.state;
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
    const model = this.#model;
    const pg = model.pg;
    if (!formulas?.showingValues || !model.usable) return;
    const time = performance.now();
    if (!now && this.#loop.running && time - this.#valuesAt < VALUES_MS) return;
    this.#valuesAt = time;
    model.call(() =>
      formulas.showValues({
        parameters: pg.parameters(),
        gradients: pg.gradients(),
        count: pg.parameterCount(),
        iteration: model.state.iteration,
      }),
    );
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
    const cells = this.#loop.pacer.cells(this.#loop.running);
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
        contour: new Float32Array(buffer, contour[0], contour[1]),
        bounds: model.bounds,
        points: model.points,
        labels: { x: text.axisX1, y: text.axisX2 },
        font,
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
      this.#overlay.show(noBoundaryReason(model));
    });
    const noTest = !model.hasTest;
    if (this.#dom.testNote.hidden !== noTest) this.#dom.testNote.hidden = noTest;
    this.#readouts.show(model.state, model.points);
    const summary = this.#plotSummary();
    if (this.#plot.canvas.getAttribute("aria-label") !== summary) this.#plot.canvas.setAttribute("aria-label", summary);
    this.#showValues();
    const now = performance.now();
    const inside = this.#shown.shows("network");
    if (inside && (!this.#loop.running || now - this.#insideAt >= Math.max(INSIDE_MS, INSIDE_SHARE * this.#insideMs))) {
      this.#insideAt = now;
      this.#drawInside();
    }
    this.#drawnCells = cells;
    this.#loop.pacer.drew(performance.now() - started, renderMs, cells);
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
