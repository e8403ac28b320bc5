// Playing: one requestAnimationFrame callback after another, each training
// as much as the pacer allows (pacer.js) and then showing the result. While
// training slowly the formulas highlight the step being computed, so the
// loop also says which step that is.

import { Pacer } from "./pacer.js";
import { HIGHLIGHT_MAX_SPEED } from "./formulas-panel.js";

export class FrameLoop {
  /** How much a frame trains, and at what resolution it draws the map. */
  pacer = new Pacer();
  #running = false;
  #request = 0;
  #model;
  #settings;
  #hooks;

  /**
   * Trains `model` (model-holder.js) at the speed in `settings`
   * (settings-state.js). `hooks`: `trained()` after a frame that trained,
   * `framed()` after every frame (for the formulas' highlight).
   */
  constructor(model, settings, hooks) {
    this.#model = model;
    this.#settings = settings;
    this.#hooks = hooks;
  }

  get running() {
    return this.#running;
  }

  /** Starts playing: the first frame shows one iteration at once. */
  start() {
    this.#running = true;
    this.pacer.start();
    this.#request = requestAnimationFrame(this.#frame);
  }

  stop() {
    this.#running = false;
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

  #frame = (now) => {
    this.#request = 0;
    if (!this.#running) return;
    const pg = this.#model.pg;
    let ran = 0;
    try {
      ran = this.pacer.train(now, this.#settings.current.speed, (n) => pg.step(n));
    } catch (error) {
      this.#model.fail(error);
      return;
    }
    if (ran > 0) this.#hooks.trained();
    this.#hooks.framed();
    if (this.#running) this.#request = requestAnimationFrame(this.#frame);
  };
}
