// Playing: one requestAnimationFrame callback after another, each training
// as much as the pacer allows (pacer.js) and then showing the result. Playing
// "to" an iteration, no frame steps past it: each step is cut to what is
// left (min(budget, target − iteration)), and the loop stops there. While
// training slowly the formulas highlight the step being computed, so the
// loop also says which step that is.

import { Pacer } from "./pacer.js";
import { HIGHLIGHT_MAX_SPEED } from "./formulas-panel.js";

export class FrameLoop {
  /** How much a frame trains, and at what resolution it draws the map. */
  pacer = new Pacer();
  #running = false;
  #target = null; // the iteration to stop at, or null to play on
  #request = 0;
  #model;
  #settings;
  #hooks;

  /**
   * Trains `model` (model-holder.js) at the speed in `settings`
   * (settings-state.js). `hooks`: `trained()` after a frame that trained,
   * `reached(target)` when it stopped at its target, `framed()` after every
   * frame (for the formulas' highlight).
   */
  constructor(model, settings, hooks) {
    this.#model = model;
    this.#settings = settings;
    this.#hooks = hooks;
  }

  get running() {
    return this.#running;
  }

  /** The iteration this play stops at, or null when it plays on. */
  get target() {
    return this.#target;
  }

  /** Stops at iteration `target` (null: plays on); it applies from the next frame, playing or not. */
  aim(target) {
    this.#target = target;
  }

  /** Starts playing: the first frame shows one iteration at once. */
  start() {
    this.#running = true;
    this.pacer.start();
    this.#request = requestAnimationFrame(this.#frame);
  }

  /** Stops playing; a target not reached is forgotten. */
  stop() {
    this.#running = false;
    this.#target = null;
    cancelAnimationFrame(this.#request);
    this.#request = 0;
  }

  /**
   * While training slowly (at most HIGHLIGHT_MAX_SPEED iterations a second)
   * the equation being computed is highlighted: one iteration's steps,
   * forward to update, spread over the time the iteration takes. This is
   * how far the iteration has come, 0 ≤ phase < 1, or null when not so.
   */
  get phase() {
    const speed = this.#settings.current?.speed;
    const slow = this.#running && speed !== "max" && speed <= HIGHLIGHT_MAX_SPEED;
    return slow ? this.pacer.phase : null;
  }

  /** Runs up to `n` iterations, never past the target; returns how many ran. */
  #step = (n) => {
    const pg = this.#model.pg;
    const target = this.#target;
    return pg.step(target === null ? n : Math.max(0, Math.min(n, target - pg.iteration)));
  };

  #frame = (now) => {
    this.#request = 0;
    if (!this.#running) return;
    let ran = 0;
    try {
      ran = this.pacer.train(now, this.#settings.current.speed, this.#step);
    } catch (error) {
      this.#model.fail(error);
      return;
    }
    if (ran > 0) this.#hooks.trained();
    const target = this.#target;
    if (this.#running && target !== null && this.#model.state.iteration >= target) {
      this.stop();
      this.#hooks.reached(target);
    }
    this.#hooks.framed();
    if (this.#running) this.#request = requestAnimationFrame(this.#frame);
  };
}
