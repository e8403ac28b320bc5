// The model on screen: the wasm Playground and its life. It is built for
// the settings (on the drawn points for `dataset=custom`), installed,
// replaced by an imported one, dropped, and rebuilt after a crash. Every
// wasm call on it goes through `call`, so that a Rust panic stops the
// training and says so in the notice instead of leaving a broken model in
// use; until it is rebuilt, nothing reads it.
//
// Rust owns the state: `state`, `points` and `bounds` are only what was
// last read out of the Playground, for the getters and the drawing.
//
// A Playground drawn in parts (#15) is model-in-parts.js's, a model file
// made ready for the wasm model-open.js's.

import { format } from "./strings.js";
import { InParts } from "./model-in-parts.js";
import { modelDrawing, modelObject, modelPoints, refusals } from "./model-open.js";

/**
 * #15: how long a build or reset may spend on the run's first evaluation
 * before leaving the rest to the frames (ms): a small network's is done at
 * once, a large one's goes on in parts (frame-loop.js `evaluate`).
 */
const EVALUATE_NOW_MS = 12;

/**
 * #15: from this many points a page's first build is begun in parts
 * (`prepare`), and so are its rebuilds, model files and experiments' runs;
 * fewer take a few ms.
 */
export const PREPARE_POINTS = 2000;

/** What there is to read while there is no model. */
const EMPTY_STATE = Object.freeze({
  iteration: 0,
  epoch: 0,
  epochCost: NaN,
  batched: false,
  cost: NaN,
  trainAccuracy: NaN,
  testAccuracy: NaN,
  testCost: NaN,
  diverged: false,
});

/**
 * `pg`'s points as `{train, test}`, each `[[x1, x2, label], …]`, from the
 * flat copies the wasm hands over (#15: one copy, not a JS call per value).
 */
export function readPoints(pg) {
  const { train, test } = pg.points();
  return { train: pointRows(train), test: pointRows(test) };
}

function pointRows(flat) {
  const rows = new Array(flat.length / 3);
  for (let k = 0; k < rows.length; k += 1) rows[k] = [flat[3 * k], flat[3 * k + 1], flat[3 * k + 2]];
  return rows;
}

export class ModelHolder {
  /** The loaded wasm (wasm.js), once loaded. */
  api = null;
  /** The wasm Playground, if any. */
  pg = null;
  /** Its iteration, cost, accuracies and divergence, as last read. */
  state = EMPTY_STATE;
  /** Its points, {train: [[x1, x2, label], …], test: […]}, and the rectangle they are plotted in. */
  points = null;
  bounds = null;
  #notices;
  #own;
  #hooks;
  #prepared = null; // #15: a build `prepare` began, {key: its settings as JSON, build}
  #inParts = new InParts(); // #15: a rebuild or a model file drawn a part a task (model-in-parts.js)

  /**
   * Failures are said in `notices`; `own` are the drawn points. `hooks`:
   * `installed()` once a new Playground is in place, `dropped()` once
   * there is none, `stopped()` when a failure must stop the training.
   */
  constructor(notices, own, hooks) {
    this.#notices = notices;
    this.#own = own;
    this.#hooks = hooks;
  }

  /** Whether a wasm call failed since the Playground was made: it is not used again. */
  get crashed() {
    return this.#notices.state.crash !== null;
  }

  /** Whether there is a Playground to read. */
  get usable() {
    return this.pg !== null && !this.crashed;
  }

  /** Whether it can train: usable, with points to train on, not diverged, and below the iteration cap. */
  get canTrain() {
    return this.usable && this.hasPoints && !this.state.diverged && !this.atCap;
  }

  /** Whether there are points to train on (none: your own, not drawn yet or cleared). */
  get hasPoints() {
    return this.points?.train?.length > 0;
  }

  /**
   * Whether it is at the largest iteration a model file holds (2^53 − 1,
   * the wasm's model::MAX_ITERATION): it trains no further.
   */
  get atCap() {
    return this.state.iteration >= Number.MAX_SAFE_INTEGER;
  }

  /**
   * A Playground for `settings` on the element's data (the drawn points for
   * `custom`), its first evaluation left to `advance` (#15: a large
   * network's build is not one long task; an experiment's runs advance
   * anyway, the element's model is evaluated by `build` and the frames).
   */
  make = (settings) => {
    const api = this.api;
    const prepared = this.#prepared;
    this.#prepared = null;
    if (prepared?.key === JSON.stringify(settings)) return prepared.build.finish();
    prepared?.build.free();
    return settings.dataset === "custom" ? this.#own.playground(api, settings) : api.Playground.buildInParts(settings);
  };

  /**
   * #15: begins the build of `settings` with the wasm `api` a part a task
   * (`beginBuild`: the points, then the initial weights a layer a part), so
   * that the page's first build is not one long task; the next `make` of
   * the same settings finishes it. Bad settings are left to `make` to report.
   */
  async prepare(api, settings) {
    if (!settings || settings.dataset === "custom" || settings.points < PREPARE_POINTS) return;
    let build;
    try {
      build = api.Playground.beginBuild(settings);
      while (!build.advance()) await new Promise((resolve) => setTimeout(resolve));
    } catch {
      return; // `make` builds these settings anew and says what is wrong
    }
    this.#prepared?.build.free();
    this.#prepared = { key: JSON.stringify(settings), build };
  }

  /**
   * A new Playground for `settings`; the old one goes either way. Its first
   * evaluation is done in parts (#15): what fits now, the rest in the
   * frames that follow (`evaluating`). With `built` (a page's rebuild), a
   * large network's points and initial weights are drawn a part a task
   * too, the old model staying on screen meanwhile, and `built()` is called
   * once the new one is installed (or has failed); a script's read
   * finishes it at once (`evaluated`).
   */
  build(settings, built = null) {
    this.#inParts.abandon();
    if (built && settings.dataset !== "custom" && settings.points >= PREPARE_POINTS) {
      this.#buildInParts(settings, built);
      return;
    }
    let pg;
    try {
      const started = performance.now();
      const prepared = this.#prepared?.key === JSON.stringify(settings);
      pg = this.make(settings);
      // A build begun in parts (a large network) is evaluated in the frames, as #buildInParts's is:
      // its first part alone, in the wasm's cold code, could take this task's whole budget and more.
      if (!prepared) this.#evaluateSome(pg, started);
    } catch (error) {
      this.#buildFailed(error);
      return;
    }
    this.install(pg, settings);
  }

  /** #15: `build` of a large network a part a task (`beginBuild`), then `built()`. */
  #buildInParts(settings, built) {
    let drawing;
    try {
      drawing = this.api.Playground.beginBuild(settings);
    } catch (error) {
      this.#buildFailed(error);
      built();
      return;
    }
    this.#inParts.start(drawing, {
      // Its first evaluation all in the frames: the build took its tasks already.
      made: (pg) => {
        this.install(pg, settings);
        built();
      },
      failed: (error) => {
        this.#buildFailed(error);
        built();
      },
      abandoned: () => {},
    });
  }

  /** A build that threw: nothing on screen may belong to other settings than the controls show. */
  #buildFailed(error) {
    this.#notices.set({ buildError: this.api.lastPanic() ?? error?.message ?? String(error) });
    this.drop();
    this.#hooks.stopped();
  }

  /** #15: whether a new Playground is being drawn in parts (the old one still on screen). */
  get building() {
    return this.#inParts.busy;
  }

  /** Makes `pg` (built for `settings`) the model; the old one goes, and so does one being drawn. */
  install(pg, settings) {
    this.#inParts.abandon();
    this.#release();
    this.pg = pg;
    this.#notices.set({ buildError: null, crash: null, divergence: null, restarted: null });
    this.points = this.call(() => readPoints(pg));
    this.bounds = this.call(() => pg.bounds());
    if (settings.dataset === "custom") this.#own.keepBounds(this.bounds);
    this.readState();
    // What showed the old model goes, the readouts showing the new one's
    // state (#15: a cost still being evaluated is a dash, not NaN, until the
    // first picture a task later).
    this.#hooks.dropped();
    this.#hooks.installed();
  }

  /**
   * Your own points changed under the model (`points`, [[x1, x2, label],
   * …]): it goes on training from its parameters and iteration on them,
   * the cost curve marking where (the wasm's `replacePoints`).
   */
  replacePoints(points) {
    const pg = this.pg;
    this.call(() => pg.replacePoints(points));
    this.points = this.call(() => readPoints(pg)) ?? this.points;
    this.readState();
  }

  /** After a crash: a new Playground from the same settings (`built`: as `build`'s). */
  rebuild(settings, built = null) {
    this.#notices.set({ crash: null });
    this.drop();
    this.build(settings, built);
  }

  /**
   * The Playground of a model file (`json`, its text or the object it
   * parses to), a promise. Text over MAX_MODEL_BYTES is not parsed; of the
   * object, only the format's keys are handed to the wasm. Bad input
   * rejects with an Error that says what is wrong in `text` (`reason`, and
   * `code` for scripts). Its evaluation is done in parts as a build's (#15:
   * `evaluating` until the frames finish it); a file of a large dataset
   * is read, and its points and initial weights drawn, a part a task
   * before that (`beginModel`), a build or another model meanwhile
   * abandoning it.
   */
  async open(json, text) {
    const { refuse, rejected } = refusals(text);
    const object = modelObject(json, text, refuse);
    if (modelPoints(object) < PREPARE_POINTS) {
      try {
        // #15: its evaluation (the initial weights' cost, the file's
        // parameters' passes) in parts, as a build's: what fits now, the
        // rest in the frames that follow.
        const pg = this.api.Playground.fromModelInParts(object);
        this.#evaluateSome(pg);
        return pg;
      } catch (error) {
        throw rejected(error);
      }
    }
    const drawing = modelDrawing(this.api, object);
    return new Promise((resolve, reject) => {
      this.#inParts.start(drawing, {
        made: resolve, // evaluated in the frames once installed, as a rebuild drawn in parts
        failed: (error) => reject(rejected(error)),
        abandoned: () => reject(refuse(text.modelSuperseded, "superseded")),
      });
    });
  }

  /** Frees the Playground, if any (and one being drawn), and forgets what was read from it. */
  drop() {
    this.#inParts.abandon();
    this.#release();
    this.#hooks.dropped();
  }

  /** `drop` without telling: a new Playground follows at once. */
  #release() {
    if (this.pg) {
      try {
        this.pg.free();
      } catch {
        // A Playground left broken by a panic cannot always be freed.
      }
    }
    this.pg = null;
    this.points = null;
    this.state = EMPTY_STATE;
  }

  /** Throws, in `text`, why there is no model to use. */
  require(text) {
    const { loadError, buildError, crash } = this.#notices.state;
    if (!this.pg) throw new Error(loadError ?? buildError ?? text.notReady);
    if (crash) throw new Error(format(text.crashed, crash));
  }

  /**
   * Runs a wasm call, on the run between iterations (unless `settle` is
   * false: a reset forgets an iteration under way); a failure (a Rust
   * panic) stops everything and says so, and with `rethrow` is thrown again
   * for a caller that must hear of it.
   */
  call(action, { rethrow = false, settle = true } = {}) {
    try {
      if (settle) this.#settle();
      return action();
    } catch (error) {
      this.fail(error);
      if (rethrow) throw error;
      return undefined;
    }
  }

  /**
   * Finishes an iteration left part way (#15: a large network trains in
   * parts, frame-loop.js), so that what is read or changed next is the run
   * between iterations: a reader waits for it, at most one iteration. The
   * first evaluation of a run built or reset in parts is not waited for
   * here: the drawing shows what is known (`evaluated()` waits for it).
   */
  #settle() {
    if (!this.usable) return;
    const pg = this.pg;
    while (pg.midIteration && !pg.evaluating) pg.advance();
  }

  /** Whether the run's first evaluation is under way (built or reset in parts). */
  get evaluating() {
    return this.usable && this.pg.evaluating;
  }

  /**
   * Back to iteration 0 (`reset`), the first evaluation in parts as after
   * a build; an iteration under way is forgotten.
   */
  reset() {
    const pg = this.pg;
    this.call(() => {
      pg.resetInParts();
      this.#evaluateSome(pg);
    }, { rethrow: true, settle: false });
  }

  /**
   * Completes the first evaluation, if under way, for a script that reads
   * the run (and first a build drawn in parts: #15, a script reads what a
   * whole build gives); returns whether there was one (then the state is
   * read anew).
   */
  evaluated() {
    const completed = this.#inParts.complete();
    if (!this.evaluating) return completed;
    const pg = this.pg;
    this.call(() => {
      while (pg.evaluating) pg.advance();
    }, { settle: false });
    this.readState();
    return true;
  }

  /**
   * As much of `pg`'s first evaluation as fits EVALUATE_NOW_MS from
   * `started` (a small network's whole; none after a build that took that
   * long already: its task is long enough).
   */
  #evaluateSome(pg, started = performance.now()) {
    const until = started + EVALUATE_NOW_MS;
    while (pg.evaluating && performance.now() < until) pg.advance();
  }

  fail(error) {
    if (this.crashed) return;
    this.#inParts.abandon();
    let message = error?.message ?? String(error);
    try {
      message = this.api?.lastPanic() ?? message;
    } catch {
      // Keep the JS error's message.
    }
    this.#notices.set({ crash: { message } });
    console.error("sepal-playground:", error);
    this.#hooks.stopped();
  }

  /** Reads the iteration, cost, accuracies and divergence out of the Playground. */
  readState() {
    const pg = this.pg;
    const state = this.call(() => ({
      iteration: pg.iteration,
      // #16: optimisers
      epoch: pg.epoch,
      epochCost: pg.epochCost,
      batched: pg.iterationsPerEpoch > 1,
      cost: pg.cost,
      trainAccuracy: pg.trainAccuracy,
      testAccuracy: pg.testAccuracy,
      testCost: pg.testCost,
      diverged: pg.diverged,
      divergence: pg.divergence,
      // #15: the first evaluation of a large network under way (the cost not known yet).
      evaluating: pg.evaluating,
    }));
    if (state) this.state = state;
  }

  /** The state as the `progress` and `diverged` events tell it. */
  detail() {
    const { iteration, epoch, epochCost, cost, trainAccuracy, testAccuracy, testCost, diverged } = this.state;
    return { iteration, epoch, epochCost, cost, trainAccuracy, testAccuracy, testCost, diverged };
  }

  /** Whether some points are held out for testing. */
  get hasTest() {
    return this.points?.test?.length > 0;
  }

  /** The run's curves, copied out of wasm memory. */
  history() {
    const pg = this.pg;
    const n = pg.historyLen();
    const pointers = [
      pg.historyIterationsPtr(),
      pg.historyCostsPtr(),
      pg.historyTestCostsPtr(),
      pg.historyTrainAccuraciesPtr(),
      pg.historyTestAccuraciesPtr(),
    ];
    const buffer = this.api.memory.buffer;
    const [iterations, trainCosts, testCosts, trainAccuracies, testAccuracies] = pointers.map((ptr) =>
      Array.from(new Float64Array(buffer, ptr, n)),
    );
    return { iterations, trainCosts, testCosts, trainAccuracies, testAccuracies, hasTest: this.hasTest };
  }
}
