// Model files and the run's numbers as text: the model JSON as a person
// can read it, why a model file was refused (in the page's language), and
// the cost history as CSV. The checks themselves are in the wasm
// (crates/sepal-wasm/src/model/).

import { counted, format } from "./strings.js";
import { SETTINGS } from "./settings-table.js";
import { allowedText } from "./setting-fields.js";

/**
 * `value` as JSON text laid out for reading: one key per line, a list of
 * plain values (a row of a matrix, a point) on one line. Numbers are
 * written as JSON.stringify writes them, which reads back to the same bits.
 */
export function modelJson(value, indent = "") {
  const inner = `${indent}  `;
  const plain = (v) => v === null || typeof v !== "object";
  if (Array.isArray(value)) {
    if (value.every(plain)) return JSON.stringify(value);
    return `[\n${value.map((v) => inner + modelJson(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${modelJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * The largest model file read, in bytes (characters, for text handed to
 * `importModel`): the largest model the page can make — 10,000 points and
 * a 6×64 network — saves to about 0.96 MB; nothing bigger is read,
 * parsed or copied into the wasm.
 */
export const MAX_MODEL_BYTES = 4_000_000;

/** Why a file of `bytes` bytes is not read (in `text`), or null if it may be. */
export function modelTooBig(bytes, text) {
  if (!(bytes > MAX_MODEL_BYTES)) return null;
  const mb = (n) => String(Math.round(n / 100_000) / 10);
  return format(text["modelError.too-big"], { size: mb(bytes), max: mb(MAX_MODEL_BYTES) });
}

/**
 * The characters in the texts and keys of a parsed model file — what
 * would be copied into the wasm besides its numbers, which the wasm counts
 * itself (at most 150,000 values). The walk stops once past `limit`, past
 * that many values, or 40 levels deep (the wasm refuses those unread).
 */
export function textLength(value, limit = MAX_MODEL_BYTES) {
  let total = 0;
  let values = 0;
  const walk = (v, depth) => {
    values += 1;
    if (typeof v === "string") total += v.length;
    if (v === null || typeof v !== "object" || depth > 40) return;
    for (const key in v) {
      if (total > limit || values > 150_000) return;
      if (!Object.hasOwn(v, key)) continue;
      if (!Array.isArray(v)) total += key.length;
      walk(v[key], depth + 1);
    }
  };
  walk(value, 0);
  return total;
}

/** The keys of a model file, and under `points` those of the points. */
const MODEL_KEYS = ["format", "version", "settings", "iteration", "parameters", "points", "optimizer"];
const POINTS_KEYS = ["train", "test"];
// #16: the optimiser's state and the place in the epoch.
const OPTIMIZER_KEYS = ["t", "epoch", "batch", "epochLoss", "epochCost", "v", "s"];

/**
 * A parsed model file with only the format's own keys (the rest is
 * ignored, and so never copied into the wasm); anything not an object is
 * left for the wasm to refuse.
 */
export function modelFields(object) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const pick = (from, keys) => Object.fromEntries(keys.filter((k) => Object.hasOwn(from, k)).map((k) => [k, from[k]]));
  if (!isObject(object)) return object;
  const kept = pick(object, MODEL_KEYS);
  if (isObject(kept.points)) kept.points = pick(kept.points, POINTS_KEYS);
  if (isObject(kept.optimizer)) kept.optimizer = pick(kept.optimizer, OPTIMIZER_KEYS);
  return kept;
}

/**
 * Why a model file was refused, in the language of `text`: from the
 * wasm's error `code` and `values` when the table has the code, else the
 * error's message (for the wasm's errors, just the code and values).
 */
export function modelErrorText(error, text) {
  const code = error?.code;
  const template = typeof code === "string" ? text[`modelError.${code}`] : undefined;
  if (template === undefined) return error?.message ?? String(error);
  const values = { ...(error.values ?? {}) };
  if (values.expected !== undefined && code === "wrong-type") values.expected = text[`modelType.${values.expected}`] ?? values.expected;
  if (values.problem !== undefined) values.problem = text[`problemShort.${values.problem}`] ?? values.problem;
  const row = SETTINGS.find((r) => r.param === values.setting);
  if (row && values.allowed !== undefined) values.allowed = allowedText(row, text);
  if (values.model !== undefined) values.model = text[`model.${values.model}`] ?? values.model;
  // The wasm's values are text; "1 value", not "1 values".
  return counted(text, `modelError.${code}`, { ...values, count: values.count === undefined ? undefined : Number(values.count) });
}

/**
 * The cost history as CSV: `iteration,cost,train_accuracy`, and with
 * held-out points `test_cost,test_accuracy`; one line per kept iteration.
 */
export function costsCsv({ iterations, trainCosts, trainAccuracies, testCosts, testAccuracies, hasTest }) {
  const header = hasTest ? "iteration,cost,train_accuracy,test_cost,test_accuracy" : "iteration,cost,train_accuracy";
  const lines = [header];
  for (let i = 0; i < iterations.length; i += 1) {
    const cells = [iterations[i], trainCosts[i], trainAccuracies[i]];
    if (hasTest) cells.push(testCosts[i], testAccuracies[i]);
    lines.push(cells.map(String).join(","));
  }
  return `${lines.join("\n")}\n`;
}
