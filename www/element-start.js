// <sepal-playground>'s start-up sequence: the strings and the wasm loaded,
// the first model built and installed, the first layout and picture, then
// `ready` and autoplay.

import { loadWasm } from "./wasm.js";
import { loadStrings } from "./strings.js";

/**
 * #15: a new run's first evaluation of at most this many parameters ×
 * training points (a forward pass and the cost, ~0.5 ns a unit: ~2 ms) is
 * finished on load when the build left it to the frames. That happens to a
 * small network only when its cold build (the wasm's and the scripts'
 * first calls compiling) overran model-holder.js's budget, and waiting
 * would cost the first picture a frame, a timer and a second draw.
 */
const FINISH_ON_LOAD_WORK = 4e6;

/** Whether the person asked their system for less motion. */
function reducedMotion() {
  return globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

/**
 * Starts `element` with its rooms (element-rooms.js, and `view`):
 * `ready` is `{resolve, reject}` of its `ready` promise, `wantPlay()`
 * whether play() was called before the wasm was loaded.
 */
export async function start(element, { settings, holder, view, notices, reactions }, ready, wantPlay) {
  // #15: a language beside English loads only when shown; the browser's with the wasm, its
  // words (the loading line) shown once here unless the model came first.
  const lang = settings.lang;
  loadStrings(lang).then(() => holder.api || view.relabel(lang), () => {});
  let api;
  try {
    api = await loadWasm();
  } catch (error) {
    notices.set({ loadError: error?.message ?? String(error) });
    view.loaded();
    ready.reject(error);
    return;
  }
  settings.loaded(api);
  // The first frame in the language of the settings (in English if its strings cannot load).
  await loadStrings(settings.nextLang).catch(() => {});
  // #15: a large network's points and initial weights, a part a task, before the first picture.
  await holder.prepare(api, settings.upcoming());
  holder.api = api;
  reactions.applySettings({ initial: true });
  // #15: a large network's build (its workspaces) is a task of its own, the element's first layout
  // the next, its first picture the one after; a small one's evaluation, left over by a cold build,
  // is finished now.
  const large = holder.evaluating && !finishSmallEvaluation(holder);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve));
  if (large) await nextTask();
  view.loaded();
  view.layout();
  if (large) await nextTask();
  view.draw();
  view.showRunning();
  ready.resolve();
  if (wantPlay()) {
    element.play();
  } else if (settings.current.autoplay === 1) {
    // Autoplay is motion nobody asked for when the system asks for less.
    if (reducedMotion()) notices.set({ motionNote: true });
    else element.play();
  }
}

/** Finishes the new run's first evaluation now if it is small (FINISH_ON_LOAD_WORK); returns whether it did. */
function finishSmallEvaluation(model) {
  const work = (model.call(() => model.pg.parameterCount()) ?? Infinity) * (model.points?.train.length ?? Infinity);
  return work <= FINISH_ON_LOAD_WORK && model.evaluated();
}
