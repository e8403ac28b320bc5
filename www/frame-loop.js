// Playing: a turn in the page's animation frames (frame-scheduler.js, one
// frame loop for every element on the page), each training as much as the
// pacer allows (pacer.js) within the element's share of the frame, and then
// showing the result. Playing
// "to" an iteration, no frame steps past it: each step is cut to what is
// left (min(budget, target − iteration)), and the loop stops there. While
// training slowly the formulas highlight the step being computed, so the
// loop also says which step that is.
//
// A network whose iteration does not fit a frame trains in parts (pacer.js):
// a pause then takes effect at once (no frame trains on), and the iteration
// under way is finished in the next frames, within the same budget, before
// the page reads the run again (`settled`). A frame that completes an
// iteration in parts leaves its drawing to the next frame, which only draws:
// no frame both trains for its whole budget and draws.

import { Pacer } from "./pacer.js";
import { frameScheduler } from "./frame-scheduler.js";
import { HIGHLIGHT_MAX_SPEED } from "./formulas-panel.js";

export class FrameLoop {
  /** How much a frame trains, and at what resolution it draws the map. */
  pacer = new Pacer();
  #running = false;
  #finishing = false; // stopped with an iteration under way, finishing it
  #drawDue = false; // an iteration completed in parts, to draw in the next frame
  #target = null; // the iteration to stop at, or null to play on
  #hurry = false; // toward the target at speed=max, whatever the setting (train(n))
  #element;
  #model;
  #settings;
  #hooks;

  /**
   * Trains `model` (model-holder.js) at the speed in `settings`
   * (settings-state.js). `hooks`: `trained()` after a frame that trained,
   * `reached(target)` when it stopped at its target, `framed()` after every
   * frame (for the formulas' highlight), `settled()` when an iteration that
   * a stop left under way has completed. `element` is the element on the
   * page (whether it is on screen sets how often it takes a turn).
   */
  constructor(model, settings, hooks, element) {
    this.#element = element;
    this.#model = model;
    this.#settings = settings;
    this.#hooks = hooks;
  }

  get running() {
    return this.#running;
  }

  /** Whether it stopped with an iteration under way, which it is finishing. */
  get finishing() {
    return this.#finishing;
  }

  /** The iteration this play stops at, or null when it plays on. */
  get target() {
    return this.#target;
  }

  /**
   * Stops at iteration `target` (null: plays on); with `hurry`, gets there
   * at speed=max. It applies from the next frame, playing or not.
   */
  aim(target, { hurry = false } = {}) {
    this.#target = target;
    this.#hurry = hurry && target !== null;
  }

  /** The speed this play trains at: the setting's, or `max` when hurrying to a target. */
  get #speed() {
    return this.#hurry ? "max" : this.#settings.current?.speed;
  }

  /** Starts playing: the first frame shows one iteration at once. */
  start() {
    this.#running = true;
    this.#finishing = false;
    this.pacer.start();
    frameScheduler.add(this, this.#element);
  }

  /** Stops playing; a target not reached is forgotten. */
  stop() {
    this.#running = false;
    this.#target = null;
    this.#hurry = false;
    if (this.#drawDue) {
      this.#drawDue = false;
      this.#hooks.trained();
    }
    if (this.#model.usable && this.#model.pg.midIteration) this.#finishing = true;
    else frameScheduler.remove(this);
  }

  /**
   * While training slowly (at most HIGHLIGHT_MAX_SPEED iterations a second)
   * the equation being computed is highlighted: one iteration's steps,
   * forward to update, spread over the time the iteration takes. This is
   * how far the iteration has come, 0 ≤ phase < 1, or null when not so.
   * Trained in parts (#15), an iteration (or the run's first evaluation)
   * really spans frames: then it is the trainer's step under way,
   * `{ step }` (Playground.iterationStep).
   */
  get phase() {
    const speed = this.#speed;
    const slow = this.#running && speed !== "max" && speed <= HIGHLIGHT_MAX_SPEED;
    if (!slow) return null;
    const inParts = this.pacer.trainedInParts || this.#model.evaluating;
    if (inParts && this.#model.usable) return { step: this.#model.pg.iterationStep };
    return this.pacer.phase;
  }

  /** Runs up to `n` iterations, never past the target; returns how many ran. */
  #step = (n) => {
    const pg = this.#model.pg;
    const target = this.#target;
    return pg.step(target === null ? n : Math.max(0, Math.min(n, target - pg.iteration)));
  };

  /**
   * One part of an iteration, of about `work` multiply-adds, never starting
   * one past the target: 1 when an iteration completed, 0 when more parts
   * remain, -1 when none can run.
   */
  #advance = (work) => {
    const pg = this.#model.pg;
    const target = this.#target;
    if (!pg.midIteration && target !== null && pg.iteration >= target) return -1;
    const done = pg.advance(work);
    return done > 0 || pg.midIteration ? done : -1;
  };

  /**
   * A new or reset run whose first evaluation is under way (#15, a large
   * network built in parts): it is finished in the next frames, within the
   * training budget, as an iteration a stop left under way; `settled()`
   * then. Playing does it first anyway.
   */
  evaluate() {
    if (this.#running || !this.#model.evaluating) return;
    this.#finishing = true;
    frameScheduler.add(this, this.#element);
  }

  /** A frame after a stop that left an iteration under way: finish it. */
  #finish(slice) {
    let done = -1;
    // Nothing left to finish when a step, a reset or a new model came first.
    if (this.#model.usable && this.#model.pg.midIteration) {
      try {
        done = this.pacer.finish(this.#advance, slice);
      } catch (error) {
        this.#model.fail(error);
      }
    }
    if (done === 0) return;
    this.#finishing = false;
    frameScheduler.remove(this);
    if (done > 0) this.#hooks.settled();
  }

  /**
   * Playing while the run's first evaluation is still under way (#15, a
   * large network built in parts): a frame finishes it first, within the
   * training budget, and is not timed as an iteration — the evaluation's
   * last parts alone would make one look cheap, and the next frame would
   * then run a whole iteration of the caps in one task.
   */
  #evaluateFirst(slice) {
    let done = 0;
    try {
      done = this.pacer.finish(this.#advance, slice);
    } catch (error) {
      this.#model.fail(error);
      if (this.#running) this.stop();
      return;
    }
    if (done > 0) this.#hooks.trained();
    this.#hooks.framed();
  }

  /** This element's turn in the frame at `now`, with its `slice` of it (frame-scheduler.js). */
  frame(now, slice) {
    if (this.#finishing) {
      this.#finish(slice);
      return;
    }
    if (!this.#running) return;
    if (this.#model.evaluating) {
      this.#evaluateFirst(slice);
      return;
    }
    let ran = 0;
    if (this.#drawDue) {
      // The iteration the last frame completed in parts: drawn in a frame of its own.
      this.#drawDue = false;
      ran = 1;
    } else {
      try {
        ran = this.pacer.train(now, this.#speed, this.#step, slice, this.#advance);
      } catch (error) {
        this.#model.fail(error);
        if (this.#running) this.stop(); // a model that had already failed says nothing more
        return;
      }
      if (ran > 0 && this.pacer.trainedInParts) {
        this.#drawDue = true;
        ran = 0;
      }
    }
    if (ran > 0) this.#hooks.trained();
    const target = this.#target;
    if (this.#running && target !== null && this.#model.state.iteration >= target) {
      this.stop();
      this.#hooks.reached(target);
    }
    this.#hooks.framed();
  }
}
