// The checks of the element's public members' arguments (sepal-playground.js):
// each returns what the member needs or throws the TypeError or RangeError
// whose message (strings.js) names the member, the value and what is
// allowed. They change nothing, so a wrong argument costs nothing.

import { format } from "./strings.js";
import { grouped } from "./readouts.js";

/** The most iterations one `step(n)` may run. */
const MAX_STEP = 100000;
/**
 * The most parameters² × points one `gradientCheck()` may cost: about a
 * second of wasm (each parameter is two forward passes over every point,
 * about parameters × points multiply-adds). Beyond it the panel's "Check
 * gradients" checks in parts (gradient-check-panel.js).
 */
const GRADCHECK_WORK = 1e9;
/** The course's ε, `gradientCheck()`'s default. */
export const GRADCHECK_EPSILON = 1e-7;

/**
 * The most work one `step(n)` may do, in parameters × training points ×
 * iterations: about a second on the machine the bench runs on (the course's
 * model, 17 parameters × 400 points, is ~10 µs an iteration there, ~1.5 ns
 * a unit), so that the course's step(100000) is allowed and nothing blocks
 * the page for much longer. Beyond it, `train(n)`.
 */
const STEP_WORK = 1e9;

/** How a wrong argument reads in an error message. */
function describe(value) {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  return String(value);
}

/** Whether `n` is not a whole number (an infinity counts as whole: its range is checked apart). */
function notWhole(n) {
  return typeof n !== "number" || Number.isNaN(n) || (Number.isFinite(n) && !Number.isInteger(n));
}

/** `step(n)`'s count before the model is read: a whole number from 0 to MAX_STEP. */
export function checkStepCount(n, text) {
  if (notWhole(n)) throw new TypeError(format(text.stepType, { value: describe(n) }));
  if (!(n >= 0 && n <= MAX_STEP)) throw new RangeError(format(text.stepRange, { value: describe(n), max: MAX_STEP }));
}

/** `step(n)`'s work on this model: at most STEP_WORK, else what to use instead. */
export function checkStepWork(n, parameters, points, text) {
  const max = Math.max(1, Math.floor(STEP_WORK / (parameters * points)));
  if (n > max) {
    const values = { value: n, parameters: grouped(parameters, text), points: grouped(points, text), max: grouped(max, text) };
    throw new RangeError(format(text.stepTooLong, values));
  }
}

/** `train(n)`'s type, checked before the model is: a whole number. */
export function checkTrainType(n, text) {
  if (notWhole(n)) throw new TypeError(format(text.trainType, { value: describe(n) }));
}

/** `train(n)` from `iteration`: returns the iteration it runs to. */
export function trainTarget(n, iteration, text) {
  const target = iteration + n;
  if (!(n >= 0 && Number.isSafeInteger(target))) {
    throw new RangeError(format(text.trainRange, { value: describe(n), max: Number.MAX_SAFE_INTEGER }));
  }
  return target;
}

/** `runTo(n)`'s type: a safe whole number (checked before the model, which may not be loaded). */
export function checkRunToType(n, text) {
  if (!Number.isSafeInteger(n)) throw new TypeError(format(text.runToType, { value: describe(n) }));
}

/** `runTo(n)` from `iteration`: ahead of it. */
export function checkRunToAhead(n, iteration, text) {
  if (n <= iteration) {
    throw new RangeError(format(text.runToPast, { target: grouped(n, text), iteration: grouped(iteration, text) }));
  }
}

/** `gradientCheck(options)`: returns `{epsilon, bug}`. */
export function gradientCheckOptions(options, text) {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(format(text.gradcheckOptionsType, { value: describe(options) }));
  }
  const { epsilon = GRADCHECK_EPSILON, bug = false } = options;
  if (typeof epsilon !== "number" || Number.isNaN(epsilon)) throw new TypeError(format(text.gradcheckEpsilon, { value: describe(epsilon) }));
  if (!(epsilon > 0 && epsilon <= 1)) throw new RangeError(format(text.gradcheckEpsilon, { value: describe(epsilon) }));
  if (typeof bug !== "boolean") throw new TypeError(format(text.gradcheckBugType, { value: describe(bug) }));
  return { epsilon, bug };
}

/** The most parameters a gradient check of `m` points may have in one task. */
function gradientCheckMax(m) {
  return Math.floor(Math.sqrt(GRADCHECK_WORK / Math.max(m, 1)));
}

/** Whether a gradient check of `count` parameters on `m` points fits in one task. */
export function gradientCheckFits(count, m) {
  return count <= gradientCheckMax(m);
}

/** `gradientCheck()`'s work: at most GRADCHECK_WORK, else what to use instead. */
export function checkGradientCheckWork(count, m, text) {
  if (!gradientCheckFits(count, m)) {
    const values = { count: grouped(count, text), m: grouped(m, text), max: grouped(gradientCheckMax(m), text) };
    throw new RangeError(format(text.gradcheckTooBig, values));
  }
}

/** The set of `derivation(index, set)` and `selectPoint`: "train" or "test". */
export function checkPointSet(method, set, text) {
  if (set !== "train" && set !== "test") {
    const error = typeof set === "string" ? RangeError : TypeError;
    throw new error(format(text.pointSet, { method, value: describe(set) }));
  }
}

/** Their index: a whole number, checked before the model is. */
export function checkPointIndexType(method, index, text) {
  if (!Number.isInteger(index)) throw new TypeError(format(text.pointIndexType, { method, value: describe(index) }));
}

/** Their index among the `count` points of `set`. */
export function checkPointIndex(method, index, set, count, text) {
  if (index < 0 || index >= count) {
    const key = count === 0 ? "pointNone" : "pointIndexRange";
    throw new RangeError(format(text[key], { method, index, set, last: count - 1 }));
  }
}
