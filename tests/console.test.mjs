// Nothing goes wrong behind the scenes: no console errors or page errors on
// load, during two seconds of play, or at full speed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, assertNoProblems } from "./helpers.mjs";

test("no errors on load and during two seconds of play", () =>
  withPage("", async ({ page, element, problems }) => {
    assertNoProblems(problems);
    await element.evaluate((el) => el.play());
    await page.waitForTimeout(1000);
    // Half of it at the fastest speed, which trains in chunks each frame.
    await element.evaluate((el) => el.setAttribute("speed", "max"));
    await page.waitForTimeout(1000);
    const state = await element.evaluate((el) => {
      el.pause();
      return { iteration: el.iteration, running: el.running };
    });
    assert.ok(state.iteration > 0);
    assert.equal(state.running, false);
  }));

test("a learning rate that is far too large diverges, stops and says so", () =>
  withPage("#learning-rate=5000", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      let events = 0;
      el.addEventListener("diverged", () => {
        events += 1;
      });
      el.play();
      const start = performance.now();
      while (!el.diverged && performance.now() - start < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const notice = el.shadowRoot.querySelector('[part="notice"]');
      return { diverged: el.diverged, running: el.running, events, notice: notice.hidden ? "" : notice.textContent };
    });
    assert.equal(result.diverged, true);
    assert.equal(result.running, false);
    assert.equal(result.events, 1);
    assert.match(result.notice, /diverged at iteration \d+/);
    assert.match(result.notice, /Learning rate 5000 is too large/);
  }));
