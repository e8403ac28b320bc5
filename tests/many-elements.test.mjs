// Many elements, one budget: twenty elements playing on one page share one
// requestAnimationFrame loop (frame-scheduler.js, and frame-part.js's for
// drawing that can wait, shared the same way); every one of them keeps
// advancing, those off screen too (at a fraction of the cadence), and
// pausing one leaves the others playing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const COUNT = 20;

/** Records every function handed to requestAnimationFrame, before the page's scripts run. */
function countAnimationFrames(page) {
  return page.addInitScript(() => {
    const original = globalThis.requestAnimationFrame.bind(globalThis);
    globalThis.animationFrameCallbacks = new Set();
    globalThis.requestAnimationFrame = (callback) => {
      globalThis.animationFrameCallbacks.add(callback);
      return original(callback);
    };
  });
}

test("twenty elements playing share one frame loop, all advance, and pausing one stops only it", () =>
  withPage("", { setup: ({ page }) => countAnimationFrames(page) }, async ({ element }) => {
    const result = await element.evaluate(async (first, count) => {
      const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      const elements = [first];
      for (let i = 1; i < count; i += 1) {
        const el = document.createElement("sepal-playground");
        el.setAttribute("speed", "max");
        document.body.append(el);
        elements.push(el);
      }
      first.setAttribute("speed", "max");
      await Promise.all(elements.map((el) => el.ready));
      await wait(300); // layout, resizes and first draws settle
      globalThis.animationFrameCallbacks.clear();
      for (const el of elements) el.play();
      const start = elements.map((el) => el.iteration);
      await wait(2000);
      const played = elements.map((el, i) => el.iteration - start[i]);
      const callbacks = [...globalThis.animationFrameCallbacks].map((callback) => callback.name).sort();
      const paused = elements[3];
      paused.pause();
      const pausedAt = paused.iteration;
      const othersBefore = elements.map((el) => el.iteration);
      await wait(1000);
      const afterPause = elements.map((el, i) => el.iteration - othersBefore[i]);
      for (const el of elements) el.pause();
      return { played, callbacks, pausedMoved: paused.iteration - pausedAt, afterPause, running: elements.map((el) => el.running) };
    }, COUNT);
    assert.ok(result.played.every((n) => n > 0), `every element advanced: ${result.played}`);
    // The page's two shared loops: the frame scheduler's, and frame-part.js's for drawing that can wait
    // (a resize's redraw, points drawn in parts), whichever elements ask; none of an element's own.
    assert.ok(
      result.callbacks.length <= 2 && result.callbacks.every((name) => name === "#tick" || name === "runParts"),
      `requestAnimationFrame callbacks for all ${COUNT} elements: ${result.callbacks}`,
    );
    assert.ok(result.callbacks.includes("#tick"));
    assert.equal(result.pausedMoved, 0, "the paused element stays where it was");
    const others = result.afterPause.filter((_, i) => i !== 3);
    assert.ok(others.every((n) => n > 0), `the others played on: ${result.afterPause}`);
    assert.ok(result.running.every((r) => !r));
  }));
