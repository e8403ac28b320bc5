// How much work one animation frame may do. A frame must stay under 16 ms,
// so it trains for what the drawing leaves of a FRAME_MS budget: speed ×
// elapsed time at a finite speed (at most TRAIN_MS), or, at `max`, for a
// training budget found by feedback. Both costs are measured as the run goes.
//
// At `max` the script's own drawing is only part of a frame: the browser
// then lays out, paints and rasterises the canvases, which no timer in the
// page sees. So the budget follows the frame interval itself: it grows a
// little after every frame that came on time and shrinks by a share after
// every late one, settling where frames just fit. "On time" means 60
// frames a second, on any display of 60 Hz or faster; a machine whose
// frames are late even with almost no training is aimed at 30 (then 15)
// frames a second instead, so that it still trains for most of each frame.
//
// Several elements on a page share each frame (frame-scheduler.js): each
// gets a `slice` of it, its share of the training budget, with the whole
// page's drawing time taken out of the frame and the page's frame interval
// steering the budget at `max`. Alone, an element has the whole frame.
//
// A network so large that one iteration does not fit a frame's training
// budget (or not yet measured) trains in parts (#15): the frame calls
// `advance()`, one bounded part of an iteration (a layer of a pass, the same
// bits as a whole one), until its budget is spent or an iteration
// completes, so no frame is longer than its budget and one part, and
// pause() takes effect at the next frame. A frame that completes an
// iteration ends there, so the page reads the run only between iterations.
//
// The decision map is drawn at FULL_CELLS² cells, except while animating a
// network so large that evaluating that many cells alone would overrun the
// frame: then animation frames use fewer cells (stills, after a pause or a
// step, are always at full resolution).

import { nextSize } from "./work-in-parts.js";

/** The map's resolution for stills and, when it is cheap enough, animation. */
export const FULL_CELLS = 200;
/**
 * An element's first map, on the page's first frame (#15): a quarter of
 * FULL_CELLS' cells, less to compute, colour and put on the canvas before
 * that frame; the full map follows in a task after it (view.js).
 */
export const FIRST_FRAME_CELLS = 100;
/** Smaller resolutions for animating large networks, largest first. */
const CELL_LADDER = [160, 128, 100, 80, 64, 48];
/** The work a frame may do (ms), leaving the browser time to composite. */
const FRAME_MS = 14;
/** Training per frame at a finite speed, at most (ms). */
const TRAIN_MS = 10;
/** Training per frame at `speed=max`: at first, and at least (ms). */
const MAX_SPEED_START_MS = 6;
const MAX_SPEED_MIN_MS = 1;
/** The frame intervals `max` aims at, in turn: 60, 30, 15 frames a second (ms). */
const CADENCES_MS = [17, 34, 68];
/** Of each, what the browser keeps for compositing (ms). */
const FRAME_SLACK_MS = 3;
/** After a frame on time the budget grows by this share of the cadence… */
const BUDGET_STEP = 0.0025;
/** …and after a late one it shrinks to this share. */
const BUDGET_BACKOFF = 0.9;
/** Frames in a row late at the smallest budget before aiming at the next cadence. */
const LATE_AT_MINIMUM = 20;
/** Rendering the map per animation frame, at most (ms). */
const RENDER_MS = 10;
/**
 * A map whose cost is not measured yet is rendered at once up to this many
 * multiply-adds (cells² × parameters: a few ms); a larger one is drawn
 * coarser first (#15).
 */
const FIRST_MAP_WORK = 2 ** 26;
/**
 * That coarser first map's multiply-adds: V8 runs a wasm function's first
 * calls in its baseline code, several times slower than later ones (the
 * caps' first map at 48² cells took 14–30 ms, 6 ms warm), so it is a
 * quarter of FIRST_MAP_WORK (28² cells at the caps).
 */
const FIRST_LARGE_MAP_WORK = FIRST_MAP_WORK / 4;
/** The coarsest first map (cells a side). */
const MIN_FIRST_CELLS = 16;
/**
 * A part of an iteration trained in parts (#15): sized to take about
 * PART_MS, from FIRST_PART_WORK multiply-adds (the wasm's first calls run
 * in the engine's baseline code, several times slower than later ones: a
 * part of the trainer's own size took 10–30 ms then, 2–3 ms warm).
 */
const PART_MS = 2;
const FIRST_PART_WORK = 2 ** 18;
/** Iterations per wasm call at `speed=max`, at most. */
const MAX_CHUNK = 50;
/** performance.now()'s resolution without cross-origin isolation (ms). */
const CLOCK_MS = 0.1;
/** The longest gap between frames that counts as training time (ms). */
const MAX_FRAME_GAP_MS = 100;

/** A frame of one's own: the whole budget, only one's own drawing. */
const WHOLE_FRAME = Object.freeze({ share: 1, drawMs: null, interval: null });
/** One frame's drawing before it was measured (ms). */
const DRAW_MS_GUESS = 8;

const blend = (average, sample) => (average === null ? sample : 0.7 * average + 0.3 * sample);

export class Pacer {
  #msPerIteration = null;
  #sampleMs = 0; // training time not yet in #msPerIteration…
  #sampleRan = 0; // …and its iterations
  #drawMs = null; // one frame's drawing: the map, the canvases, the readouts
  #renderMsPerCell = null; // the map evaluation alone, per cell
  #partWork = FIRST_PART_WORK; // multiply-adds of the next part of an iteration
  #animationCells = FULL_CELLS;
  #lastFrame = null;
  #carry = 0;
  #maxSpeedMs = MAX_SPEED_START_MS;
  #cadence = 0; // index into CADENCES_MS
  #lateAtMinimum = 0;
  #lastFrameWasMax = false; // whether the interval since then was a frame at max
  #partway = false; // training in parts, an iteration is under way
  #trainedInParts = false; // whether the last frame trained in parts

  /** A new network: its costs are unknown again. */
  forget() {
    this.#msPerIteration = null;
    this.#sampleMs = 0;
    this.#sampleRan = 0;
    this.#drawMs = null;
    this.#renderMsPerCell = null;
    this.#animationCells = FULL_CELLS;
    this.#maxSpeedMs = MAX_SPEED_START_MS;
    this.#cadence = 0;
  }

  /** Play was pressed: the first frame shows one iteration at once. */
  start() {
    this.#lastFrame = null;
    this.#lastFrameWasMax = false;
    this.#cadence = 0;
    this.#lateAtMinimum = 0;
    this.#carry = 1;
    this.#partway = false;
    this.#animationCells = this.#fittingCells();
  }

  /** The speed changed: what was owed at the old speed is forgotten. */
  changeSpeed() {
    this.#carry = 0;
  }

  /**
   * How far the next iteration has come at a finite speed, 0 ≤ phase < 1:
   * the share of its time that has passed (the formulas' highlight).
   */
  get phase() {
    return Math.min(Math.max(this.#carry, 0), 0.999999);
  }

  /** Whether the last frame trained in parts (an iteration longer than a frame). */
  get trainedInParts() {
    return this.#trainedInParts;
  }

  /** One frame's drawing, as measured so far (ms). */
  get drawMs() {
    return this.#drawMs ?? DRAW_MS_GUESS;
  }

  /** The map's resolution for a frame. */
  cells(animating) {
    return animating ? this.#animationCells : FULL_CELLS;
  }

  /**
   * The resolution of a new network of `parameters` first map (#15): when
   * one of `cells` would be too much work for a frame, a coarse one (which
   * also measures the map's cost); else `cells`. Once measured, `cells`.
   */
  firstCells(cells, parameters) {
    if (this.#renderMsPerCell !== null || cells * cells * parameters <= FIRST_MAP_WORK) return cells;
    const coarse = Math.floor(Math.sqrt(FIRST_LARGE_MAP_WORK / parameters));
    return Math.min(CELL_LADDER.at(-1), Math.max(MIN_FIRST_CELLS, coarse));
  }

  /**
   * Trains for one frame at `now` (a requestAnimationFrame time) by calling
   * `step(n)`, which returns the iterations it ran; returns their total.
   * `slice`: `share` (0 < share ≤ 1) of the frame's training budget is this
   * element's, `drawMs` is the whole page's drawing in a frame (null: only
   * this element's) and `interval` the page's last frame interval (null:
   * the time since this element's last frame). `advance()`, when given,
   * runs one part of an iteration and returns 1 when it completed one, 0
   * when more parts remain, -1 when nothing can run.
   */
  train(now, speed, step, slice = WHOLE_FRAME, advance = null) {
    const elapsed = this.#lastFrame === null ? 0 : Math.min(now - this.#lastFrame, MAX_FRAME_GAP_MS);
    this.#lastFrame = now;
    const perIteration = this.#msPerIteration ?? 0.2;
    const started = performance.now();
    let ran = 0;
    const drawMs = slice.drawMs ?? this.drawMs;
    this.#trainedInParts = Boolean(advance) && this.#inParts(speed, slice);
    if (this.#trainedInParts) {
      ran = this.#trainInParts(speed, elapsed, advance, slice);
    } else if (speed === "max") {
      const interval = slice.interval ?? elapsed;
      if (this.#lastFrameWasMax && interval > 0) this.#steer(interval);
      const room = CADENCES_MS[this.#cadence] - FRAME_SLACK_MS - drawMs;
      const budget = Math.max(MAX_SPEED_MIN_MS, Math.min(this.#maxSpeedMs, room)) * slice.share;
      const chunk = Math.max(1, Math.min(MAX_CHUNK, Math.floor(budget / 4 / perIteration)));
      for (;;) {
        const done = step(chunk);
        ran += done;
        if (done < chunk || performance.now() - started + chunk * perIteration > budget) break;
      }
    } else {
      const left = FRAME_MS - drawMs;
      this.#carry += (speed * elapsed) / 1000;
      let n = Math.floor(this.#carry);
      this.#carry -= n;
      const cap = Math.max(1, Math.floor((Math.max(1, Math.min(TRAIN_MS, left)) * slice.share) / perIteration));
      if (n > cap) {
        // The machine cannot keep up: train what fits, forget the rest.
        n = cap;
        this.#carry = 0;
      }
      if (n > 0) ran = step(n);
    }
    this.#lastFrameWasMax = speed === "max";
    const spent = performance.now() - started;
    this.#measure(spent, ran);
    return ran;
  }

  /**
   * Finishes an iteration left part way (after a pause) within this
   * frame's `slice` of the training budget; returns 1 once it completed.
   */
  finish(advance, slice = WHOLE_FRAME, speed = null) {
    const started = performance.now();
    // Only a frame that completes an iteration draws: the others train for
    // the whole frame at `max`, TRAIN_MS otherwise.
    const budget = (speed === "max" ? FRAME_MS : TRAIN_MS) * slice.share;
    let done;
    let now = started;
    do {
      done = advance(this.#partWork);
      const ms = performance.now() - now;
      now += ms;
      this.#partWork = nextSize(this.#partWork, ms, PART_MS);
    } while (done === 0 && now - started < budget);
    return Math.max(done, 0);
  }

  /** Whether one iteration is too long for a frame's training budget, or not measured yet. */
  #inParts(speed, slice) {
    if (this.#msPerIteration === null) return true;
    const budget = speed === "max" ? this.#maxSpeedMs : TRAIN_MS;
    return this.#msPerIteration > budget * slice.share;
  }

  /**
   * A frame of training in parts: at a finite speed once an iteration is
   * owed (speed × elapsed time, as whole iterations do; beyond one more,
   * what the machine cannot keep up with is forgotten) and until it
   * completes, at `max` always. Returns 1 when an iteration completed.
   */
  #trainInParts(speed, elapsed, advance, slice) {
    if (speed !== "max") {
      this.#carry += (speed * elapsed) / 1000;
      if (this.#carry < 1 && !this.#partway) return 0;
    }
    const done = this.finish(advance, slice, speed);
    this.#partway = done === 0;
    if (done > 0 && speed !== "max") this.#carry = Math.min(this.#carry - 1, 1);
    return done;
  }

  /**
   * `ran` iterations took `spent` ms. performance.now() is coarse, so short
   * samples add up until they say something; meanwhile they bound the cost
   * from above, so that a first guess that was too high (a small share of a
   * frame may be a few iterations) does not keep the next frames small.
   */
  #measure(spent, ran) {
    this.#sampleMs += spent;
    this.#sampleRan += ran;
    if (this.#sampleRan === 0) return;
    if (this.#sampleMs >= 0.5) {
      this.#msPerIteration = blend(this.#msPerIteration, this.#sampleMs / this.#sampleRan);
      this.#sampleMs = 0;
      this.#sampleRan = 0;
      return;
    }
    const atMost = (this.#sampleMs + CLOCK_MS) / this.#sampleRan;
    if (this.#msPerIteration === null || this.#msPerIteration > atMost) this.#msPerIteration = atMost;
  }

  /** The training budget at `max`, after a frame `elapsed` ms after the last. */
  #steer(elapsed) {
    const cadence = CADENCES_MS[this.#cadence];
    if (elapsed <= cadence) {
      this.#lateAtMinimum = 0;
      this.#maxSpeedMs = Math.min(cadence, this.#maxSpeedMs + BUDGET_STEP * cadence);
      return;
    }
    this.#maxSpeedMs = Math.max(MAX_SPEED_MIN_MS, this.#maxSpeedMs * BUDGET_BACKOFF);
    if (this.#maxSpeedMs > MAX_SPEED_MIN_MS || this.#cadence === CADENCES_MS.length - 1) return;
    this.#lateAtMinimum += 1;
    if (this.#lateAtMinimum < LATE_AT_MINIMUM) return;
    // Late even with almost no training: the browser's own work fills the
    // frame. Aim at the next cadence, training for half of what it adds.
    this.#cadence += 1;
    this.#lateAtMinimum = 0;
    this.#maxSpeedMs = Math.max(MAX_SPEED_MIN_MS, (CADENCES_MS[this.#cadence] - cadence) / 2);
  }

  /** One frame's drawing took `ms`, of which `renderMs` evaluating `cells`². */
  drew(ms, renderMs, cells) {
    this.#drawMs = blend(this.#drawMs, ms);
    if (renderMs >= 0.5) this.#renderMsPerCell = blend(this.#renderMsPerCell, renderMs / (cells * cells));
    // Only ever smaller within one play: switching sizes costs an allocation.
    const fitting = this.#fittingCells();
    if (fitting < this.#animationCells) this.#animationCells = fitting;
  }

  /**
   * Rows of a `cells`² still that fit the map's share of a frame (#15: a
   * large network's still is rendered in bands); all of them when that is
   * cheap or not measured yet.
   */
  stillRows(cells) {
    const perCell = this.#renderMsPerCell;
    if (perCell === null) return cells;
    return Math.max(1, Math.min(cells, Math.floor(RENDER_MS / (perCell * cells))));
  }

  #fittingCells() {
    const perCell = this.#renderMsPerCell;
    if (perCell === null || perCell * FULL_CELLS * FULL_CELLS <= RENDER_MS) return FULL_CELLS;
    return CELL_LADDER.find((cells) => perCell * cells * cells <= RENDER_MS) ?? CELL_LADDER.at(-1);
  }
}
