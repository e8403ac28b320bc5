// Attribute storms: a script that changes settings many times in one task
// gets one rebuild and one redraw (one `progress`), while `settings` and
// every member that reads the model show the latest values at once.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("2,100 setAttribute calls in one task rebuild the model once, with the last values", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      let progress = 0;
      el.addEventListener("progress", () => (progress += 1));
      const seen = [];
      for (let i = 0; i < 2100; i += 1) {
        el.setAttribute("hidden-units", String(1 + (i % 20)));
        if (i === 7) seen.push(el.settings.hiddenUnits); // read back at once, mid-storm
      }
      const inTask = progress;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
      return { seen, inTask, after: progress, units: el.settings.hiddenUnits, rows: el.parameters.W1.length };
    });
    assert.deepEqual(result.seen, [8], "settings reflects a change at once");
    assert.equal(result.inTask, 0, "nothing was rebuilt inside the loop");
    assert.equal(result.after, 1, "one rebuild for the whole storm");
    assert.equal(result.units, 20);
    assert.equal(result.rows, 20, "the model has the last value's hidden units");
  }));

test("a member that runs the model right after setAttribute runs it with the new settings", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate((el) => {
      el.step(5);
      el.setAttribute("hidden-units", "7");
      const iteration = el.iteration; // a new network: training starts again
      el.step(10);
      return { iteration, after: el.iteration, rows: el.parameters.W1.length };
    });
    assert.deepEqual(result, { iteration: 0, after: 10, rows: 7 });
  }));
