// The rooms that do <sepal-playground>'s work, made and wired together:
// each tells the others what it cannot know itself through the hooks given
// here. The rooms:
//
//   settings-state.js  the settings: attributes, URL, controls; the wasm parses them
//   model-holder.js    the Playground's life: build, install, import, drop, crash
//   frame-loop.js      play and pause: what one animation frame does
//   view.js            the shadow DOM, the layout, the drawing
//   reactions.js       what a changed setting, a button, a file or a drawn point does
//   notice.js          one state for every message, shown in `part="notice"`
//
// and what those use: wasm.js (loads the wasm once per page), strings.js
// and strings-zh.js (every visible string), settings-url.js (settings in the
// address bar), plot.js (the map, the contour, the points; axes.js),
// run-chart.js (the curves; line-chart.js), controls.js, readouts.js (the
// live numbers), data-panel.js (dataset pictures, thumbnails.js), csv.js,
// draw-points.js and own-points.js (your own points), network-view.js,
// experiments.js, formulas-panel.js (formulas.js typesets), model-file.js,
// point-derivation.js (the point chosen on the plot, point-picker.js, and
// its derivation, derivation-panel.js), gradient-check-panel.js,
// plot-summary.js (the plot in words),
// shown.js (the `controls` attribute), pacer.js (how much a frame trains),
// frame-scheduler.js (the page's one frame loop, shared by its elements).

import { OwnPoints } from "./own-points.js";
import { Notices } from "./notice.js";
import { SettingsState } from "./settings-state.js";
import { ModelHolder } from "./model-holder.js";
import { FrameLoop } from "./frame-loop.js";
import { Reactions } from "./reactions.js";
import { TargetRun } from "./target-run.js";

/**
 * The rooms of `element` but the view, which comes last (in the element's
 * constructor) as it builds the DOM that the others' hooks update.
 * `hooks`: `view()` the view, `measured()` and `reached(target)` the element's.
 */
export function makeRooms(element, { view, measured, reached }) {
  const targetRun = new TargetRun({
    text: () => view().text,
    iteration: () => element.iteration,
    showStatus: (message) => view().controls?.showRunToStatus(message),
  });
  const own = new OwnPoints(); // the points a person drew or imported
  const notices = new Notices({
    dismissRejections: () => reactions.dismissRejections(),
    rebuild: () => reactions.recover(),
    reset: () => reactions.action("reset"),
    play: () => element.play(),
    cancelExperiment: () => view().experiments?.cancel(),
  });
  const settings = new SettingsState(element);
  const holder = new ModelHolder(notices, own, {
    installed: () => {
      loop.pacer.forget();
      view().modelInstalled();
      loop.evaluate();
    },
    dropped: () => view().modelDropped(),
    stopped: () => {
      element.pause();
      view().showRunning();
    },
  });
  const loop = new FrameLoop(holder, settings, {
    trained: () => measured(),
    reached: (target) => reached(target),
    framed: () => view().highlight(),
    settled: () => {
      measured();
      view().sharpen();
    },
  }, element);
  const rooms = { model: holder, settings, loop, own, notices };
  const reactions = new Reactions(element, { ...rooms, view }, {
    measured: () => measured(),
    linkCopied: (detail) => element.dispatchEvent(new CustomEvent("link", { detail })),
  });
  return { targetRun, own, notices, settings, holder, loop, rooms, reactions };
}
