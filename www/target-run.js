// The promise of the `runTo(n)` or `train(n)` under way (one at a time):
// resolved with the state when the frame loop stops at its target, rejected
// with a message that says where training stopped when it stops before
// (`pause()`, a reset, a divergence, another run). The "Run to" control
// says the same as its promise; `train(n)` has no control of its own.

import { format } from "./strings.js";
import { grouped } from "./readouts.js";

export class TargetRun {
  #run = null; // {target, resolve, reject, train}
  #hooks;

  /** `hooks`: `text()` the strings on screen, `iteration()` the model's, `showStatus(message | null)` beside "Run to". */
  constructor(hooks) {
    this.#hooks = hooks;
  }

  /** Whether the run under way is a `train(n)`. */
  get training() {
    return Boolean(this.#run?.train);
  }

  /** A promise for a run to `target`, which the caller has started. */
  begin(target, { train = false } = {}) {
    if (!train) this.#hooks.showStatus(null);
    return new Promise((resolve, reject) => {
      this.#run = { target, resolve, reject, train };
    });
  }

  /** The loop stopped at the target: "Run to" says so, and the promise resolves with `detail`. */
  reached(target, detail) {
    const text = this.#hooks.text();
    if (!this.training) this.#hooks.showStatus(format(text.runToReached, { target: grouped(target, text) }));
    this.end(detail);
  }

  /**
   * Settles the run under way, if any: resolved with `reached` (the state
   * at its target), or with null rejected, training having stopped before.
   */
  end(reached) {
    const run = this.#run;
    if (!run) return;
    this.#run = null;
    if (reached) {
      run.resolve(reached);
      return;
    }
    const error = stoppedError(this.#hooks.text(), run.train, this.#hooks.iteration(), run.target);
    if (!run.train) this.#hooks.showStatus(error.message);
    run.reject(error);
  }
}

/** Why a run to `target` did not get there: training stopped (or could not start) at `iteration`. */
export function stoppedError(text, train, iteration, target) {
  const values = { iteration: grouped(iteration, text), target: grouped(target, text) };
  return new Error(format(train ? text.trainStopped : text.runToStopped, values));
}
