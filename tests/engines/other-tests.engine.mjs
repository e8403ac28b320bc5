// Which of the other end-to-end tests (tests/*.test.mjs) run in which
// engines, and why not in the others. They are written against
// playwright-core, whose own Firefox and WebKit builds cannot be
// downloaded on the machines that run `cargo xtask test` (they come from
// a host outside Debian), so they run in Chromium; what a class needs from
// every engine is in these *.engine.mjs files, which run in all three.
// A new test file must be placed here (the test below fails until it is).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";

/** Each engine's own version of a file's subject, in *.engine.mjs. */
const ALSO_IN_EVERY_ENGINE = "its subject also runs in every engine";
/** What the engine does not change: the file's subject is the wasm, a JS module or a file. */
const SAME_IN_EVERY_ENGINE = "what it checks is the same code in every engine (the wasm's bits are checked in every engine by bits.engine.mjs)";

/** The file imports a module in node: no browser at all. */
const NO_BROWSER = "no browser: node runs the module (only the Chromium stage runs tests/*.test.mjs)";

export const OTHER_TESTS = {
  "attribute-storm.test.mjs": ["chromium", "one rebuild per task is the element's own microtask, the same code in every engine"],
  "axes.test.mjs": ["chromium", "the tick labels' layout is computed (7.5 px a character), the same in every engine"],
  "bad-inputs.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "batch-gradients.test.mjs": ["chromium", "reads long tasks (PerformanceObserver \"longtask\"), which only Chromium reports"],
  "chinese.test.mjs": ["chromium", "needs a browser context with a Chinese locale, which only the Playwright driver sets"],
  "choices-fit.test.mjs": ["chromium", "the widths are Chromium's fonts'; the rule that gives long choices a row is the same code in every engine"],
  "colours.test.mjs": ["chromium", NO_BROWSER],
  "console.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (a clean load, play)`],
  "course-numbers.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: bits.engine.mjs (the native bits)`],
  "csv-grammar.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "csv.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (export → import)`],
  "custom-points.test.mjs": ["chromium", `${SAME_IN_EVERY_ENGINE}; drawing points runs in every engine (tablet.engine.mjs)`],
  "data-bad-input.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "datasets.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "datasets-exact.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "deep.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "derivation.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: derivation.engine.mjs (a point chosen by the keys, step-through by Space and Enter, Escape); otherwise ${SAME_IN_EVERY_ENGINE}`],
  "dist-site.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (the single file, esbuild's minified bundle of the same modules)`],
  "divergence-recovery.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "divergence.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "draw-points.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: tablet.engine.mjs (taps and the class toggle); shift-click needs Playwright's modifiers`],
  "element-api.test.mjs": ["chromium", "checks generated files and types with tsc; its one page is engine-independent"],
  "embed.test.mjs": ["chromium", "an <iframe> of the same element, which core.engine.mjs checks in every engine (twice on one page)"],
  "experiments-api.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "experiments.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "failure.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "features.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "first-frame.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "first-screen.test.mjs": ["chromium", "what fits on the first screen depends on Chromium's fonts and the sizes it pins; the tablet sizes run in every engine (tablet.engine.mjs)"],
  "flower.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: tablet.engine.mjs takes a screenshot, bits.engine.mjs checks the map`],
  "formulas.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (MathML laid out as fractions)`],
  "frame-part.test.mjs": ["chromium", NO_BROWSER],
  "gradient-check.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "gradient-check-parts.test.mjs": ["chromium", "reads long tasks (PerformanceObserver \"longtask\"), which only Chromium reports"],
  "instances.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (two elements, one wasm download)`],
  "keyboard.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (play, pause, step, reset by keys)`],
  "language-links.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "large-weights.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "links.test.mjs": ["chromium", "reads the clipboard, which needs Playwright's permissions"],
  "many-elements.test.mjs": ["chromium", "counts requestAnimationFrame callbacks through an init script, which WebKit's driver cannot install"],
  "messages.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "model-file.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (export → import, same bits)`],
  "model-limits.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "never-freeze.test.mjs": ["chromium", "reads long tasks (PerformanceObserver \"longtask\"), which only Chromium reports"],
  "notebook-numbers.test.mjs": ["chromium", NO_BROWSER],
  "notebook-result.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "offline.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (the single file from file://); blocking the network needs Playwright's routes`],
  "optimizers.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "pacer.test.mjs": ["chromium", NO_BROWSER],
  "phone-layout.test.mjs": ["chromium", "a phone is Chrome or Safari; the tablet sizes run in every engine (tablet.engine.mjs)"],
  "play-pause.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs`],
  "plot-states.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "preload.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs counts every engine's requests at the server`],
  "rebuild-parts.test.mjs": ["chromium", "reads long tasks (PerformanceObserver \"longtask\") with the CPU throttled through the Chrome DevTools Protocol, both Chromium's only"],
  "regularization.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "reduced-motion.test.mjs": ["chromium", "emulates prefers-reduced-motion, which only the Playwright driver can"],
  "run-to.test.mjs": ["chromium", `${SAME_IN_EVERY_ENGINE}; keys run in every engine (core.engine.mjs)`],
  "security.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (no violation, the policy enforced)`],
  "settings-table.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "soak.test.mjs": ["chromium", "reads the JS heap through Chromium's DevTools protocol"],
  "spiral.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "step-arguments.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "strings.test.mjs": ["chromium", NO_BROWSER],
  "symmetry.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "teaching-details.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (MathML fractions laid out)`],
  "test-split.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "train-async.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "typing.test.mjs": ["chromium", SAME_IN_EVERY_ENGINE],
  "url-settings.test.mjs": ["chromium", `${ALSO_IN_EVERY_ENGINE}: core.engine.mjs (query, hash, a new hash)`],
};

test("every other end-to-end test file says which engines it runs in", () => {
  const files = readdirSync(new URL("..", import.meta.url)).filter((name) => name.endsWith(".test.mjs"));
  assert.deepEqual(Object.keys(OTHER_TESTS).sort(), files.sort());
});
