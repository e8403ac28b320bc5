// A model file made ready for the wasm (model-holder.js `open`): the text
// parsed, only the format's keys kept, refused with a reason when it cannot
// be; and a large file's reading as a drawing in parts (#15).

import { format } from "./strings.js";
import { modelErrorText, modelFields, modelTooBig, textLength } from "./model-file.js";

/** How many points a model file (`object`, its format's keys) holds, train and test. */
export function modelPoints(object) {
  const count = (list) => (Array.isArray(list) ? list.length : 0);
  return count(object?.points?.train) + count(object?.points?.test);
}

/**
 * How a model file is refused, in `text`: `refuse(reason, code)`, and
 * `rejected(error)` for what the wasm threw (`reason`, and `code` for scripts).
 */
export function refusals(text) {
  const refuse = (reason, code) => {
    const error = new Error(format(text.modelRejected, { reason }));
    error.reason = reason;
    error.code = code;
    return error;
  };
  const rejected = (error) => refuse(modelErrorText(error, text), error?.code ?? "unreadable");
  return { refuse, rejected };
}

/**
 * `json` (a model file's text or the object it parses to) as the object the
 * wasm is given; text over MAX_MODEL_BYTES is not parsed. Throws `refuse(…)`.
 */
export function modelObject(json, text, refuse) {
  let object = json;
  if (typeof json === "string") {
    const tooBig = modelTooBig(json.length, text);
    if (tooBig) throw refuse(tooBig, "too-big");
    try {
      object = JSON.parse(json);
    } catch (error) {
      throw refuse(format(text["modelError.not-json"], { message: error?.message ?? String(error) }), "not-json");
    }
  }
  // Only the format's keys go into the wasm, and no more text than a file may hold.
  let tooBig;
  try {
    object = modelFields(object);
    tooBig = modelTooBig(textLength(object), text);
  } catch (error) {
    // A getter that throws, say: what the wasm would have said of it.
    throw refuse(format(text["modelError.unreadable"], { message: error?.message ?? String(error) }), "unreadable");
  }
  if (tooBig) throw refuse(tooBig, "too-big");
  return object;
}

/** A large model file's Playground made by the wasm `api` as a drawing in parts (model-in-parts.js). */
export function modelDrawing(api, object) {
  // The wasm reads and checks the file (`beginModel`) in the first part,
  // a task after the parsing's: the two were one long task.
  let file = null;
  return {
    advance: () => {
      if (file) return file.advance();
      file = api.Playground.beginModel(object);
      return false;
    },
    finish: () => file.finish(),
    free: () => file?.free(),
  };
}
