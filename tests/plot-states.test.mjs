// When the plot has no boundary to draw, the plot itself says why and what
// to try, in text laid over it (a polite status that screen readers read):
// zero initial weights, no points yet, a divergence. Once a boundary is
// drawn, the text goes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** The sentence over the plot, whether it is seen, and whether it lies within the plot's box. */
function overlay(element) {
  return element.evaluate((el) => {
    const box = el.shadowRoot.querySelector(".plot-overlay");
    const plot = el.shadowRoot.querySelector('[part="plot"]').getBoundingClientRect();
    const r = box.getBoundingClientRect();
    const seen = !box.hidden && r.width > 0 && r.height > 0 && getComputedStyle(box).visibility === "visible";
    const over = r.left >= plot.left && r.right <= plot.right && r.top >= plot.top && r.bottom <= plot.bottom;
    return {
      text: seen ? box.textContent : "",
      over,
      role: box.getAttribute("role"),
      live: box.getAttribute("aria-live"),
      inCanvas: el.shadowRoot.querySelector('[part="plot"]').contains(box),
    };
  });
}

test("zero initial weights: after Play the plot says why it stays blank and what to choose", () =>
  withPage("#init=zeros", async ({ page, element }) => {
    await element.locator('button[data-action="toggle"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 50);
    await element.locator('button[data-action="toggle"]').click();
    const shown = await overlay(element);
    assert.match(shown.text, /Every weight starts at 0.*hidden units stay identical.*same everywhere.*small random initial weights/);
    assert.ok(shown.over, "laid over the plot");
    assert.equal(shown.role, "status");
    assert.equal(shown.live, "polite");
    assert.equal(shown.inCanvas, false, "DOM text, not pixels in the canvas");

    // Small random weights: a boundary forms and the sentence goes.
    await element.locator('select[name="init"]').selectOption("small");
    await element.evaluate((el) => el.step(200));
    assert.equal((await overlay(element)).text, "");
  }));

test("a fresh default run draws a boundary and shows no sentence over the plot", () =>
  withPage("", async ({ element }) => {
    assert.equal((await overlay(element)).text, "");
    await element.evaluate((el) => el.step(100));
    assert.equal((await overlay(element)).text, "");
  }));

test("your own points before any are drawn: the plot says how to add some", () =>
  withPage("#dataset=custom", async ({ element }) => {
    const shown = await overlay(element);
    assert.match(shown.text, /No points yet — click the plot to add some, or import a CSV/);
    assert.ok(shown.over);
    // The overlay lets clicks through to the plot: a click adds a point there.
    const plot = element.locator('[part="plot"]');
    const box = await plot.boundingBox();
    await plot.click({ position: { x: box.width / 2, y: box.height * 0.3 } });
    assert.equal(await element.evaluate((el) => el.points.train.length), 1);
    assert.doesNotMatch((await overlay(element)).text, /No points yet/);
  }));

test("points of one class only: once the whole view is that class, the plot says what is missing", () =>
  withPage("#dataset=custom", async ({ element }) => {
    await element.evaluate((el) => el.importPoints("x1,x2,label\n0,2,1\n1,1,1\n"));
    for (const n of [100, 20000]) {
      await element.evaluate((el, n) => el.step(n), n);
      assert.match((await overlay(element)).text, /Every point is class 1.*add points of class 0/, `after ${n} more`);
    }
  }));

test("a diverged run says so over the plot, in Chinese too", () =>
  withPage("#learning-rate=5000&lang=zh", async ({ element }) => {
    await element.evaluate((el) => el.step(100));
    assert.equal(await element.evaluate((el) => el.diverged), true);
    assert.match((await overlay(element)).text, /训练已发散/);
  }));

test("logistic regression from zero weights: the same output everywhere until it trains", () =>
  withPage("#model=logistic&init=zeros", async ({ element }) => {
    assert.match((await overlay(element)).text, /same probability.*press Play to train/);
    await element.evaluate((el) => el.step(100));
    assert.equal((await overlay(element)).text, "");
  }));
