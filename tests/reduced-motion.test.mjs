// prefers-reduced-motion: autoplay does not start the animation by itself
// (the notice says why and offers Play); pressing Play, or play() from a
// script, still trains.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, assertNoProblems, noticeText, BASE_URL } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("with reduced motion, autoplay=1 waits for Play", async () => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  try {
    await page.goto(new URL("#autoplay=1", BASE_URL).href);
    await page.evaluate(() => document.querySelector("sepal-playground").ready);
    await page.waitForTimeout(300);
    const idle = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      return { running: el.running, iteration: el.iteration };
    });
    assert.deepEqual(idle, { running: false, iteration: 0 });
    assert.match(await noticeText(page), /did not start by itself because your device asks for reduced motion/);
    // The notice's own Play button starts it, and the note goes.
    await page.locator("sepal-playground").locator('[part="notice"] button', { hasText: "Play" }).click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 20);
    assert.equal(await noticeText(page), "");
    assertNoProblems(problems);
  } finally {
    await context.close();
  }
});

test("without a preference, autoplay=1 starts at once", async () => {
  const context = await browser.newContext({ reducedMotion: "no-preference" });
  const page = await context.newPage();
  try {
    await page.goto(new URL("#autoplay=1", BASE_URL).href);
    const running = await page.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
      await el.ready;
      return el.running;
    });
    assert.equal(running, true);
    assert.equal(await noticeText(page), "");
  } finally {
    await context.close();
  }
});
