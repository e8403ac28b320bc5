// Nothing goes wrong behind the scenes: no console errors or page errors on
// load, during two seconds of play, or at full speed.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("no errors on load and during two seconds of play", async () => {
  const { page, problems, close } = await openPage(browser);
  try {
    assertNoProblems(problems);
    await page.evaluate(() => document.querySelector("sepal-playground").play());
    await page.waitForTimeout(1000);
    // Half of it at the fastest speed, which trains in chunks each frame.
    await page.evaluate(() => document.querySelector("sepal-playground").setAttribute("speed", "max"));
    await page.waitForTimeout(1000);
    const state = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      el.pause();
      return { iteration: el.iteration, running: el.running };
    });
    assert.ok(state.iteration > 0);
    assert.equal(state.running, false);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("a learning rate that is far too large diverges, stops and says so", async () => {
  const { page, problems, close } = await openPage(browser, "#learning-rate=5000");
  try {
    const result = await page.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
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
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
