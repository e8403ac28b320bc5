// <sepal-playground>: a neural-network playground in one element.
//
// Over 500 lines because it is the whole public API, each member with the
// documentation a script author reads; the work is in the rooms listed below, the
// members' argument checks in api-arguments.js and the promises of `runTo`
// and `train` in target-run.js.
//
// The wasm `Playground` owns the data, the network and the training; this
// element owns the settings, the animation loop and the drawing. This file
// is the element's public API and the wiring between the rooms that do the
// work:
//
//   settings-state.js  the settings: attributes, URL, controls; the wasm parses them
//   model-holder.js    the Playground's life: build, install, import, drop, crash
//   frame-loop.js      play and pause: what one animation frame does
//   view.js            the shadow DOM, the layout, the drawing
//   reactions.js       what a changed setting, a button, a file or a drawn point does
//   notice.js          one state for every message, shown in `part="notice"`
//
// and what those use: wasm.js (loads the wasm once per page), strings.js
// and strings-zh.js (every visible string), settings-url.js (settings in the
// address bar), plot.js (the map, the contour, the points; axes.js),
// run-chart.js (the curves; line-chart.js), controls.js, readouts.js (the
// live numbers), data-panel.js (dataset pictures, thumbnails.js), csv.js,
// draw-points.js and own-points.js (your own points), network-view.js,
// experiments.js, formulas-panel.js (formulas.js typesets), model-file.js,
// point-derivation.js (the point chosen on the plot, point-picker.js, and
// its derivation, derivation-panel.js), gradient-check-panel.js,
// plot-summary.js (the plot in words),
// shown.js (the `controls` attribute), pacer.js (how much a frame trains),
// frame-scheduler.js (the page's one frame loop, shared by its elements).
//
// Parts, for page styles (`sepal-playground::part(plot)`): `data` (dataset
// pictures, data settings, CSV), `plot`, `cost-chart` (training and test
// curves), `controls`, `notice`, `formulas` (the equations), `network` (the
// diagram), `neuron` (one per hidden unit view), `experiments`,
// `derivation` (one example's computation graph), `gradient-check`.
//
// Attributes: the settings (kebab-case, from settings-table.js), `controls`
// and `folded` (shown.js) and `url-settings`. Each takes effect when it
// changes: `settings` says so at once, and the model is rebuilt once for all
// the changes of a task, in a microtask after it or before any member that
// reads or runs the model (the `#model` getter), whichever comes first. Settings
// come from the attributes, then with `url-settings` the page's address,
// then the controls, a later one winning (settings-state.js); with
// `url-settings` the hash always reproduces what is on screen.
//
// Events: `progress` after the model changed (a frame that trained, a step,
// a reset, a new model), `diverged` once training diverged, `link` after
// Copy link; `detail` is the state (`{iteration, cost, …}`), or for `link`
// `{link, copied}`.
//
// The points a person drew (or imported) are kept apart from any
// Playground, so that no setting, reset, divergence or failed import can
// lose them; with `dataset=custom` each new Playground is built on them.

import { loadWasm } from "./wasm.js";
import { format, loadStrings } from "./strings.js";
import { SETTING_PARAMS } from "./settings-url.js";
import { parseCsv, pointsToCsv } from "./csv.js";
import { OwnPoints } from "./own-points.js";
import { Notices } from "./notice.js";
import { modelJson, costsCsv } from "./model-file.js";
import { SettingsState } from "./settings-state.js";
import { ModelHolder } from "./model-holder.js";
import { FrameLoop } from "./frame-loop.js";
import { View } from "./view.js";
import { Reactions } from "./reactions.js";
import { TargetRun, stoppedError } from "./target-run.js";
import * as check from "./api-arguments.js";

/**
 * #15: a new run's first evaluation of at most this many parameters ×
 * training points (a forward pass and the cost, ~0.5 ns a unit: ~2 ms) is
 * finished on load when the build left it to the frames. That happens to a
 * small network only when its cold build (the wasm's and the scripts'
 * first calls compiling) overran model-holder.js's budget, and waiting
 * would cost the first picture a frame, a timer and a second draw.
 */
const FINISH_ON_LOAD_WORK = 4e6;

/** Whether the person asked their system for less motion. */
function reducedMotion() {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

export class SepalPlayground extends HTMLElement {
  static get observedAttributes() {
    return [...SETTING_PARAMS, "controls", "folded"];
  }

  #ready;
  #resolveReady;
  #rejectReady;
  #started = false;
  #wantPlay = false; // play() before the wasm was loaded
  #targetRun = new TargetRun({
    text: () => this.#view.text,
    iteration: () => this.iteration,
    showStatus: (message) => this.#view.controls?.showRunToStatus(message),
  });
  #own = new OwnPoints(); // the points a person drew or imported
  #settleQueued = false; // a microtask will apply the attributes' changes
  // The rooms. Each tells the others what it cannot know itself through the
  // hooks given here; the view comes last, in the constructor, as it builds
  // the DOM that the others' hooks update.
  #notices = new Notices({
    dismissRejections: () => this.#reactions.dismissRejections(),
    rebuild: () => this.#reactions.recover(),
    reset: () => this.#reactions.action("reset"),
    play: () => this.play(),
    cancelExperiment: () => this.#view.experiments?.cancel(),
  });
  #settings = new SettingsState(this);
  #holder = new ModelHolder(this.#notices, this.#own, {
    installed: () => {
      this.#loop.pacer.forget();
      this.#view.modelInstalled();
      this.#loop.evaluate();
    },
    dropped: () => this.#view.modelDropped(),
    stopped: () => {
      this.pause();
      this.#view.showRunning();
    },
  });
  #loop = new FrameLoop(this.#holder, this.#settings, {
    trained: () => this.#measured(),
    reached: (target) => this.#reached(target),
    framed: () => this.#view.highlight(),
    settled: () => {
      this.#measured();
      this.#view.sharpen();
    },
  }, this);
  #rooms = { model: this.#holder, settings: this.#settings, loop: this.#loop, own: this.#own, notices: this.#notices };
  #reactions = new Reactions(this, { ...this.#rooms, view: () => this.#view }, {
    measured: () => this.#measured(),
    linkCopied: (detail) => this.dispatchEvent(new CustomEvent("link", { detail })),
  });
  #view;

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
    this.#view = new View(this, this.#rooms, this.#reactions);
  }

  /**
   * The model, with the attribute changes made so far applied first (see
   * `#settle`), for a script that reads or changes it: a first evaluation
   * left to the frames (#15, a large network) is completed first, so a
   * script reads what a whole build gives.
   */
  get #model() {
    this.#settle();
    if (this.#holder.evaluated()) this.#measured();
    return this.#holder;
  }

  // ------------------------------------------------------------ public API

  /** Resolves once the wasm is loaded and the first frame is drawn. */
  get ready() {
    return this.#ready;
  }

  /** The settings in effect (JS keys, numbers as numbers); null until loaded. */
  get settings() {
    const settings = this.#settings.preview();
    return settings ? { ...settings } : null;
  }

  get running() {
    return this.#loop.running;
  }

  get iteration() {
    return this.#model.state.iteration;
  }

  get cost() {
    return this.#model.state.cost;
  }

  /** Complete epochs (passes over the training points); equals `iteration` with full batches. */
  get epoch() {
    return this.#model.state.epoch;
  }

  /** The notebook's printed cost of the last complete epoch: its mini-batches' summed losses ÷ m (NaN before one). */
  get epochCost() {
    return this.#model.state.epochCost;
  }

  get trainAccuracy() {
    return this.#model.state.trainAccuracy;
  }

  get testAccuracy() {
    return this.#model.state.testAccuracy;
  }

  get diverged() {
    return this.#model.state.diverged;
  }

  /** {train: [[x1, x2, label], ...], test: [...]}; null until loaded. */
  get points() {
    const points = this.#model.points;
    return points ? structuredClone(points) : null;
  }

  /** The current weights (see the contract for their shape); null until loaded. */
  get parameters() {
    const model = this.#model;
    if (!model.usable) return null;
    return model.call(() => model.pg.parameters()) ?? null;
  }

  /**
   * dW and db of the current parameters (what the next update subtracts,
   * times the learning rate), shaped as `parameters` with a "d" in front:
   * `{dW1, db1, dW2, db2}`, `{dw, db}` or `{dW: [...], db: [...]}`; null
   * until loaded.
   */
  get gradients() {
    const model = this.#model;
    if (!model.usable) return null;
    return model.call(() => model.pg.gradients()) ?? null;
  }

  /**
   * One example's derivation at the current parameters: `{x, y, loss,
   * forward: [{z, a}, …], backward: [{dA, gPrime, dz, dW, db}, …]}`, one
   * entry per layer, the course's layer 1 first (at the output, dA is
   * dL/da and gPrime da/dz = a(1 − a)). `index` counts from 0 in `set`
   * ("train" or "test"); anything else throws a TypeError or RangeError.
   */
  derivation(index, set = "train") {
    const model = this.#model;
    this.#checkPoint("derivation", index, set);
    return model.call(() => model.pg.derivation(index, set === "test"), { rethrow: true });
  }

  /**
   * What a click on that point does: opens `part="derivation"` for it and
   * rings it on the plot; `selectPoint(null)` closes it. A bad index or set
   * throws a TypeError or RangeError and changes nothing.
   */
  selectPoint(index, set = "train") {
    if (index === null) {
      this.#view.selectPoint(null);
      return;
    }
    this.#checkPoint("selectPoint", index, set);
    this.#view.selectPoint({ index, set });
  }

  /**
   * The course's gradient check at the current parameters: `{difference,
   * threshold, epsilon, bug, rows: [{name, layer, row, col, backprop,
   * approx}, …]}`, the rows in the course's order (W1 row by row, b1, W2,
   * …). `epsilon` (default 1e-7) must be a number above 0 and at most 1;
   * `bug: true` plants the exercise's bugs (dW2 × 2, db1 with 4/m) in the
   * checked backprop only. A bad option throws and changes nothing; a
   * network whose check would block the page for more than about a second
   * (parameters² × points above 1e9) throws a RangeError that points to
   * the panel's "Check gradients", which checks in parts (or `sepal-cli
   * gradcheck`, which has no limit).
   */
  gradientCheck(options = {}) {
    const text = this.#view.text;
    const { epsilon, bug } = check.gradientCheckOptions(options, text);
    const model = this.#model;
    model.require(text);
    check.checkGradientCheckWork(model.pg.parameterCount(), model.points.train.length, text);
    return model.call(() => model.pg.gradientCheck(epsilon, bug), { rethrow: true });
  }

  /** Throws unless `index` is a point of `set` ("train" or "test"). */
  #checkPoint(method, index, set) {
    const text = this.#view.text;
    check.checkPointSet(method, set, text);
    check.checkPointIndexType(method, index, text);
    this.#model.require(text);
    check.checkPointIndex(method, index, set, this.#model.points?.[set]?.length ?? 0, text);
  }

  /**
   * The model as JSON text: `{"format": "sepal-model", "version": 1,
   * "settings", "iteration", "parameters", "points"}` (see the README);
   * null until loaded.
   */
  exportModel() {
    const model = this.#model;
    if (!model.usable) return null;
    const object = model.call(() => model.pg.exportModel());
    return object ? `${modelJson(object)}\n` : null;
  }

  /**
   * Loads a model (JSON text from `exportModel`, or the object it parses
   * to): its settings, points, parameters and iteration replace the
   * current ones; the page's own speed, autoplay and language stay.
   * Resolves once it is on screen. Bad input rejects with an Error that
   * says what is wrong (`reason`, and `code` for scripts) and changes
   * nothing; so does a change of settings or another model while a large
   * one is still being built (#15, `code` "superseded").
   */
  async importModel(json) {
    await this.#ready;
    await this.#reactions.adopt(this.#model.open(json, this.#view.text));
  }

  /**
   * The cost history as CSV text (`iteration,cost,train_accuracy`, plus
   * `test_cost,test_accuracy` with held-out points); null until loaded.
   */
  exportCosts() {
    const model = this.#model;
    if (!model.usable) return null;
    return model.call(() => costsCsv(model.history())) ?? null;
  }

  /**
   * Starts the animated training (once loaded, if called before). While an
   * experiment runs it is refused: `running` stays false and the notice
   * says why, offering to cancel the experiment (the Play button, marked
   * unavailable meanwhile, does the same); once the experiment is over,
   * Play works again.
   */
  play() {
    // Not `#model`: a first evaluation under way is the first frames' work (#15).
    this.#settle();
    const model = this.#holder;
    if (!model.api) {
      this.#wantPlay = true;
      return;
    }
    if (this.#loop.running || !model.canTrain) return;
    if (this.#view.experiments?.running) {
      this.#notices.set({ playRefused: true });
      return;
    }
    if (this.#notices.state.motionNote) this.#notices.set({ motionNote: false });
    this.#loop.start();
    this.#view.showRunning();
  }

  /** Stops the animated training (and a `runTo` under way, whose promise rejects). */
  pause() {
    this.#wantPlay = false;
    if (!this.#loop.running) return;
    this.#loop.stop();
    this.#targetRun.end(null);
    this.#view.highlight();
    this.#view.showRunning();
    // An iteration under way is finished in the next frames, then the still is drawn.
    if (!this.#loop.finishing) this.#view.sharpen();
  }

  /**
   * Plays until iteration `n` and stops exactly there (no frame steps past
   * it), then says so beside the "Run to" control; resolves with the state
   * then (`{iteration, cost, …}`). `n` must be a whole number above the
   * current iteration: else it rejects with a TypeError or RangeError and
   * nothing changes. It rejects too when training stops first (`pause()`,
   * a divergence, another `runTo`), or cannot start.
   */
  runTo(n) {
    const text = this.#view.text;
    const model = this.#model;
    try {
      check.checkRunToType(n, text);
      model.require(text);
      check.checkRunToAhead(n, model.state.iteration, text);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#playTo(n, { train: false });
  }

  /**
   * Runs `n` full-batch iterations now, then redraws. `n` must be an integer
   * from 0 to 100000: a non-number, NaN or a fraction throws a TypeError; a
   * whole number (or an infinity) out of range throws a RangeError. So does
   * an `n` whose work (parameters × training points × n) is over
   * STEP_WORK, about a second's: its message says to use `train(n)`.
   * Either way nothing changes.
   */
  step(n = 1) {
    const text = this.#view.text;
    check.checkStepCount(n, text);
    const model = this.#model;
    model.require(text);
    if (n === 0) return;
    check.checkStepWork(n, model.pg.parameterCount(), model.points.train.length, text);
    model.call(() => model.pg.step(n), { rethrow: true });
    this.#measured();
  }

  /**
   * Runs `n` more iterations without blocking the page: plays at full speed
   * (in the page's shared frame budget, frame-scheduler.js) to the
   * iteration n from now and stops there; resolves with the state then
   * (`{iteration, cost, …}`). A non-whole `n` rejects with a TypeError, a
   * negative one (or one past the iteration cap) with a RangeError, and
   * nothing changes. It rejects too when training stops first: `pause()`,
   * `reset()`, a divergence, a `runTo` or another `train`.
   */
  train(n) {
    const text = this.#view.text;
    const model = this.#model;
    let target;
    try {
      check.checkTrainType(n, text);
      model.require(text);
      target = check.trainTarget(n, model.state.iteration, text);
    } catch (error) {
      return Promise.reject(error);
    }
    if (n === 0) return Promise.resolve(model.detail());
    return this.#playTo(target, { train: true });
  }

  /** runTo's and train's start: plays to `target` (train at full speed) and returns the promise of getting there. */
  #playTo(target, { train }) {
    this.#targetRun.end(null);
    this.#loop.aim(target, { hurry: train });
    this.play();
    if (!this.#loop.running) {
      this.#loop.aim(null);
      return Promise.reject(stoppedError(this.#view.text, train, this.iteration, target));
    }
    const promise = this.#targetRun.begin(target, { train });
    this.#view.showRunning();
    return promise;
  }

  /** Back to iteration 0 with the same data and the same initial weights (a `train(n)` under way rejects). */
  reset() {
    this.#settle();
    const model = this.#holder;
    model.require(this.#view.text);
    if (this.#targetRun.training) this.pause();
    model.reset();
    this.#notices.set({ divergence: null });
    this.#measured();
    this.#view.showRunning();
    this.#loop.evaluate();
  }

  /** All points, train and test, in their order, as CSV (`x1,x2,label`, header first); null until loaded. */
  exportPoints() {
    const model = this.#model;
    if (!model.pg) return null;
    const all = model.call(() => model.pg.allPoints());
    return all ? pointsToCsv(all) : null;
  }

  /**
   * Makes CSV `text` (`x1,x2,label`, with a header) your own points and
   * shows them (`dataset=custom`); returns how many there are. Bad CSV
   * throws an Error that names the line, and changes nothing.
   */
  importPoints(text) {
    if (!this.#model.api) throw new Error(this.#view.text.notReady);
    const points = parseCsv(text, this.#view.text);
    this.#own.replace(points);
    this.#reactions.ownChanged();
    return points.length;
  }

  /**
   * Runs one of the course's experiments ("sweep", "learning-rates",
   * "activations", "inits", "optimizers", "batch-sizes", "regularization") from the current settings and shows it in
   * `part="experiments"`; resolves with one row per run. The main training
   * pauses, and Play is refused, until it is over. A running experiment is
   * cancelled first (its promise rejects); an unknown `kind` rejects with a
   * RangeError listing the kinds and changes nothing.
   */
  runExperiment(kind) {
    if (!this.#model.api) return Promise.reject(new Error(this.#view.text.notReady));
    return this.#view.experiments.run(kind);
  }

  /** A link that reproduces the settings on screen (drawn points travel as CSV). */
  get link() {
    this.#settle();
    return this.#settings.link();
  }

  // ------------------------------------------------------------ lifecycle

  attributeChangedCallback(name, _old, value) {
    if (name === "controls") {
      this.#view.applyControls();
      return;
    }
    if (name === "folded") {
      this.#view.applyFolded();
      return;
    }
    this.#settings.attributeChanged(name, value);
    if (!this.#holder.api || this.#settleQueued) return;
    this.#settleQueued = true;
    queueMicrotask(this.#settle);
  }

  /**
   * Applies the attributes' changes not yet applied, all at once: a script
   * changing many in a loop causes one rebuild and one redraw, not one each.
   */
  #settle = () => {
    this.#settleQueued = false;
    if (this.#holder.api && this.#settings.pending) this.#reactions.applySettings();
  };

  connectedCallback() {
    if (this.hasAttribute("url-settings")) {
      if (!this.#started) this.#settings.readUrl();
      globalThis.addEventListener("hashchange", this.#reactions.hashChanged);
    }
    this.#view.connect();
    if (!this.#started) {
      this.#started = true;
      this.#start();
    }
  }

  disconnectedCallback() {
    this.pause();
    globalThis.removeEventListener("hashchange", this.#reactions.hashChanged);
    this.#view.disconnect();
  }

  async #start() {
    // #15: a language beside English loads only when shown; the browser's with the wasm, its
    // words (the loading line) shown once here unless the model came first.
    const lang = this.#settings.lang;
    loadStrings(lang).then(() => this.#holder.api || this.#view.relabel(lang), () => {});
    let api;
    try {
      api = await loadWasm();
    } catch (error) {
      this.#notices.set({ loadError: error?.message ?? String(error) });
      this.#view.loaded();
      this.#rejectReady(error);
      return;
    }
    this.#settings.loaded(api);
    // The first frame in the language of the settings (in English if its strings cannot load).
    await loadStrings(this.#settings.nextLang).catch(() => {});
    // #15: a large network's points and initial weights, a part a task, before the first picture.
    await this.#holder.prepare(api, this.#settings.upcoming());
    this.#holder.api = api;
    this.#reactions.applySettings({ initial: true });
    // #15: a large network's build (its workspaces) is a task of its own, the element's first layout
    // the next, its first picture the one after; a small one's evaluation, left over by a cold build,
    // is finished now.
    const large = this.#holder.evaluating && !this.#finishSmallEvaluation();
    const nextTask = () => new Promise((resolve) => setTimeout(resolve));
    if (large) await nextTask();
    this.#view.loaded();
    this.#view.layout();
    if (large) await nextTask();
    this.#view.draw();
    this.#view.showRunning();
    this.#resolveReady();
    if (this.#wantPlay) {
      this.play();
    } else if (this.#settings.current.autoplay === 1) {
      // Autoplay is motion nobody asked for when the system asks for less.
      if (reducedMotion()) this.#notices.set({ motionNote: true });
      else this.play();
    }
  }

  /** Finishes the new run's first evaluation now if it is small (FINISH_ON_LOAD_WORK); returns whether it did. */
  #finishSmallEvaluation() {
    const model = this.#holder;
    const work = (model.call(() => model.pg.parameterCount()) ?? Infinity) * (model.points?.train.length ?? Infinity);
    return work <= FINISH_ON_LOAD_WORK && model.evaluated();
  }

  // ------------------------------------------------------------ events

  /** The frame loop stopped at a `runTo`'s (or `train`'s) target: say so, and keep its promise. */
  #reached(target) {
    this.#view.highlight();
    this.#view.showRunning();
    this.#view.sharpen();
    this.#targetRun.reached(target, this.#model.detail());
  }

  /** After the model changed: read it, redraw, tell listeners, check divergence and the iteration cap. */
  #measured() {
    this.#settle();
    const model = this.#holder;
    model.readState();
    this.#view.draw();
    this.dispatchEvent(new CustomEvent("progress", { detail: model.detail() }));
    if (model.state.diverged && !this.#notices.state.divergence) {
      const { iteration, divergence } = model.state;
      const learningRate = this.#settings.current.learningRate;
      this.#notices.set({ divergence: { iteration, learningRate, reason: divergence ?? "non-finite-cost" } });
      this.pause();
      this.#view.showRunning();
      this.dispatchEvent(new CustomEvent("diverged", { detail: model.detail() }));
    }
    if (model.atCap && this.#loop.running) {
      const text = this.#view.text;
      this.#notices.set({ pointsMessage: { kind: "info", text: format(text.iterationCap, { max: Number.MAX_SAFE_INTEGER }) } });
      this.pause();
      this.#view.showRunning();
    }
  }
}

if (!customElements.get("sepal-playground")) {
  customElements.define("sepal-playground", SepalPlayground);
}
