// Play animates the training (the boundary moves); pause freezes it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, plotHash } from "./helpers.mjs";

test("play changes the boundary and pause stops it", () =>
  withPage("", async ({ page, element }) => {
    const before = await plotHash(page);
    assert.equal(await element.evaluate((el) => el.iteration), 0);

    // The play button, as a person would press it.
    const play = element.locator('button[data-action="toggle"]');
    await play.click();
    assert.equal(await element.evaluate((el) => el.running), true);
    // At the default 1000 iterations/s the boundary soon differs.
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration >= 300);
    const during = await plotHash(page);
    assert.notEqual(during, before, "the plot did not change while playing");

    await play.click();
    const paused = await element.evaluate((el) => ({ running: el.running, iteration: el.iteration }));
    assert.equal(paused.running, false);
    const frozen = await plotHash(page);
    await page.waitForTimeout(500);
    assert.equal(await element.evaluate((el) => el.iteration), paused.iteration);
    assert.equal(await plotHash(page), frozen, "the plot changed after pause");
  }));

test("progress events follow the animation", () =>
  withPage("", async ({ element }) => {
    const events = await element.evaluate(async (el) => {
      const seen = [];
      el.addEventListener("progress", (event) => seen.push(event.detail));
      el.play();
      await new Promise((resolve) => setTimeout(resolve, 400));
      el.pause();
      return seen;
    });
    assert.ok(events.length >= 3, `${events.length} progress events in 400 ms`);
    for (let i = 1; i < events.length; i += 1) {
      assert.ok(events[i].iteration > events[i - 1].iteration, "iterations increase");
    }
    const last = events.at(-1);
    assert.deepEqual(Object.keys(last).sort(), ["cost", "diverged", "epoch", "epochCost", "iteration", "testAccuracy", "testCost", "trainAccuracy"]);
    assert.equal(last.diverged, false);
  }));

test("taking the element out of the page pauses it", () =>
  withPage("#autoplay=1", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      const autoplayed = el.running;
      el.remove();
      const detached = el.running;
      const iteration = el.iteration;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { autoplayed, detached, still: el.iteration === iteration };
    });
    assert.deepEqual(result, { autoplayed: true, detached: false, still: true });
  }));
