// prefers-reduced-motion: autoplay does not start the animation by itself
// (the notice says why and offers Play); pressing Play, or play() from a
// script, still trains.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

test("with reduced motion, autoplay=1 waits for Play", () =>
  withPage("#autoplay=1", { context: { reducedMotion: "reduce" } }, async ({ page, element }) => {
    await page.waitForTimeout(300);
    const idle = await element.evaluate((el) => ({ running: el.running, iteration: el.iteration }));
    assert.deepEqual(idle, { running: false, iteration: 0 });
    assert.match(await noticeText(page), /did not start by itself because your device asks for reduced motion/);
    // The notice's own Play button starts it, and the note goes.
    await element.locator('[part="notice"] button', { hasText: "Play" }).click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 20);
    assert.equal(await noticeText(page), "");
  }));

// Only whether it plays is checked here, not the console.
test("without a preference, autoplay=1 starts at once", () =>
  withPage("#autoplay=1", { context: { reducedMotion: "no-preference" }, checkProblems: false }, async ({ page, element }) => {
    assert.equal(await element.evaluate((el) => el.running), true);
    assert.equal(await noticeText(page), "");
  }));
