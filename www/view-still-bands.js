// A still too long for one frame (#15): its map rendered a band of rows a
// frame in the frames that follow, and drawn once whole.

import { FramePart } from "./frame-part.js";

export class StillBands {
  #model;
  #loop;
  #draw;
  #still = null; // {pg, cells, rows}: a still being rendered in bands (#15), or null
  #stillBands = new FramePart(() => this.#renderBand());

  /** `draw`: draws the frame again (view.js), once the still is whole. */
  constructor(model, loop, draw) {
    this.#model = model;
    this.#loop = loop;
    this.#draw = draw;
  }

  /**
   * Renders the still's map a band of rows a frame (as many as the map's
   * share of a frame allows), then draws it; given up when playing starts
   * or the model changes (a draw meanwhile starts it again).
   */
  start() {
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
    if (whole) this.#draw();
  }
}
