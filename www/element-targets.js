// `runTo`'s and `train`'s start and end: the frame loop aimed at the target
// and played, and the promise (target-run.js) kept when it stops there.

import { stoppedError } from "./target-run.js";

/** runTo's and train's start: plays to `target` (train at full speed) and returns the promise of getting there. */
export function playTo(element, { targetRun, loop, view }, target, { train }) {
  targetRun.end(null);
  loop.aim(target, { hurry: train });
  element.play();
  if (!loop.running) {
    loop.aim(null);
    return Promise.reject(stoppedError(view.text, train, element.iteration, target));
  }
  const promise = targetRun.begin(target, { train });
  view.showRunning();
  return promise;
}

/** The frame loop stopped at a `runTo`'s (or `train`'s) target: say so, and keep its promise with `detail()`. */
export function reached({ targetRun, view }, target, detail) {
  view.highlight();
  view.showRunning();
  view.sharpen();
  targetRun.reached(target, detail());
}
