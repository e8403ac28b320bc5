// #15: one animation frame holds several pieces of drawing that each keep
// to their own size — the frame loop's training and map, the points drawn
// a part a frame, the network's pictures a part a frame, a still rendered
// in bands, a redraw after a resize. Together they could still make one
// long task (a frame of the caps' first second was 55–60 ms: 11 training,
// 8 points, 25 the network, 5 a band, and the browser's commit). Drawing
// that can wait a frame runs as a FramePart: the parts requested share one
// animation frame callback, which runs them, longest waiting first, while
// the frame has spent less than ROOM_MS (every callback of a frame is given
// the frame's start time). So that a frame loop training for most of every
// frame cannot starve them, the part that has waited MAX_WAIT frames runs
// with less room (one such part a frame).

/** Milliseconds a frame may have spent before drawing that can wait, waits. */
const ROOM_MS = 16;
/** Frames a part waits for room at most... */
const MAX_WAIT = 4;
/** ...unless the frame has spent this many milliseconds already. */
const CROWDED_MS = 24;

/** The parts requested. */
const requested = new Set();
/** Counts the frames that ran parts: when each part was requested. */
let frames = 0;
let frameRequest = 0;

export class FramePart {
  #run;
  #since = 0; // the frame count when it was requested

  /** `run(time)` is the part's work, called in a frame with room. */
  constructor(run) {
    this.#run = run;
  }

  /** Runs the part in a coming frame (once, however often asked before). */
  request() {
    if (requested.has(this)) return;
    this.#since = frames;
    requested.add(this);
    frameRequest ||= requestAnimationFrame(runParts);
  }

  /** Forgets a request not yet run. */
  cancel() {
    requested.delete(this);
  }

  /** Whether a run is requested. */
  get requested() {
    return requested.has(this);
  }

  /** The frame at `time`, the `frames`th: those requested before it, longest waiting first. */
  static runFrame(time) {
    const parts = [...requested].sort((a, b) => a.#since - b.#since);
    let forced = false; // one part a frame runs without room
    for (const part of parts) {
      // Cancelled by a part before it, or asked for (again) in this frame: not now.
      if (!requested.has(part) || part.#since === frames) continue;
      const room = performance.now() - time < ROOM_MS;
      const overdue = !forced && frames - part.#since > MAX_WAIT && performance.now() - time < CROWDED_MS;
      if (!room && !overdue) continue;
      forced ||= !room;
      requested.delete(part);
      part.#run(time);
    }
  }
}

function runParts(time) {
  frames += 1;
  frameRequest = 0;
  FramePart.runFrame(time);
  if (requested.size > 0) frameRequest ||= requestAnimationFrame(runParts);
}
