// #15: a new Playground drawn a part a task (a large build or model file),
// one at a time: completed at once when a script reads, given up when a
// newer one, a drop or a crash comes first (model-holder.js).

export class InParts {
  #drawing = null; // #15: a rebuild or a model file drawn a part a task (`start`)

  /**
   * #15: `drawing` (a wasm build in parts: `advance()` until it returns
   * true, then `finish()`) a part a task; then `made(pg)` with what
   * `finish()` made, or `failed(error)`. Another build or model abandons
   * it (`abandoned()`, the wasm object freed); a script's read completes it
   * at once (`complete`).
   */
  start(drawing, { made, failed, abandoned }) {
    this.abandon();
    const job = { drawing, timer: 0, made, failed, abandoned };
    const part = () => {
      if (this.#drawing !== job) return;
      let done;
      try {
        done = drawing.advance();
      } catch (error) {
        this.#drawing = null;
        failed(error);
        return;
      }
      if (done) this.complete();
      else job.timer = setTimeout(part);
    };
    this.#drawing = job;
    job.timer = setTimeout(part);
  }

  /** #15: what is left of the build or model drawn in parts, at once; whether there was one. */
  complete() {
    const job = this.#drawing;
    if (!job) return false;
    this.#drawing = null;
    clearTimeout(job.timer);
    let pg;
    try {
      while (!job.drawing.advance());
      pg = job.drawing.finish();
    } catch (error) {
      job.failed(error);
      return true;
    }
    job.made(pg);
    return true;
  }

  /** #15: a build or model being drawn in parts is given up (a newer one, a drop, a crash). */
  abandon() {
    const job = this.#drawing;
    if (!job) return;
    this.#drawing = null;
    clearTimeout(job.timer);
    try {
      job.drawing.free();
    } catch {
      // Freed already, or left broken by a panic.
    }
    job.abandoned();
  }

  /** #15: whether a new Playground is being drawn in parts. */
  get busy() {
    return this.#drawing !== null;
  }
}
