// <sepal-playground>: a neural-network playground in one element.
//
// The wasm `Playground` owns the data, the network and the training; this
// element owns the settings, the animation loop and the drawing. This file
// is the element's public API; the rooms that do the work are made and
// wired in element-rooms.js, which lists them, the start-up is
// element-start.js's and what follows a change of the model
// element-progress.js's, runTo's and train's start and end
// element-targets.js's. The members' argument checks are in
// api-arguments.js and the promises of `runTo` and `train` in target-run.js.
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

import { SETTING_PARAMS } from "./settings-url.js";
import { parseCsv, pointsToCsv } from "./csv.js";
import { modelJson, costsCsv } from "./model-file.js";
import { View } from "./view.js";
import * as check from "./api-arguments.js";
import { makeRooms } from "./element-rooms.js";
import { start } from "./element-start.js";
import { measured } from "./element-progress.js";
import { playTo, reached } from "./element-targets.js";

export class SepalPlayground extends HTMLElement {
  static get observedAttributes() {
    return [...SETTING_PARAMS, "controls", "folded"];
  }

  #ready;
  #resolveReady;
  #rejectReady;
  #started = false;
  #wantPlay = false; // play() before the wasm was loaded
  #settleQueued = false; // a microtask will apply the attributes' changes
  // The rooms (element-rooms.js); the view comes last, in the constructor,
  // as it builds the DOM that the others' hooks update.
  #targetRun;
  #own; // the points a person drew or imported
  #notices;
  #settings;
  #holder;
  #loop;
  #rooms;
  #reactions;
  #view;

  constructor() {
    super();
    ({
      targetRun: this.#targetRun,
      own: this.#own,
      notices: this.#notices,
      settings: this.#settings,
      holder: this.#holder,
      loop: this.#loop,
      rooms: this.#rooms,
      reactions: this.#reactions,
    } = makeRooms(this, { view: () => this.#view, measured: () => this.#measured(), reached: (target) => this.#reached(target) }));
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

  /** runTo's and train's start (element-targets.js). */
  #playTo(target, { train }) {
    return playTo(this, { targetRun: this.#targetRun, loop: this.#loop, view: this.#view }, target, { train });
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

  /** The start-up sequence (element-start.js). */
  #start() {
    const rooms = { settings: this.#settings, holder: this.#holder, view: this.#view, notices: this.#notices, reactions: this.#reactions };
    const ready = { resolve: this.#resolveReady, reject: this.#rejectReady };
    return start(this, rooms, ready, () => this.#wantPlay);
  }

  // ------------------------------------------------------------ events

  /** The frame loop stopped at a `runTo`'s (or `train`'s) target (element-targets.js). */
  #reached(target) {
    reached({ targetRun: this.#targetRun, view: this.#view }, target, () => this.#model.detail());
  }

  /** After the model changed: read it, redraw, tell listeners, check divergence and the iteration cap (element-progress.js). */
  #measured() {
    this.#settle();
    measured(this, { holder: this.#holder, view: this.#view, notices: this.#notices, settings: this.#settings, loop: this.#loop });
  }
}

if (!customElements.get("sepal-playground")) {
  customElements.define("sepal-playground", SepalPlayground);
}
