// The deep model: hidden layer sizes from `layers`, the chosen activation
// hidden and a sigmoid output, trained to ≥ 93% on moons; one view per unit
// of its first layers, and the weights' live values on hover and focus.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("a deep ReLU network chosen in the controls learns the moons", async () => {
  const { page, problems, close } = await openPage(browser, "#dataset=moons");
  try {
    const el = page.locator("sepal-playground");
    await el.locator('select[name="model"]').selectOption("deep");
    await el.locator('input[name="layers"]').fill("8,8,4");
    await el.locator('input[name="layers"]').press("Enter");
    await el.locator('select[name="activation"]').selectOption("relu");
    await el.locator('select[name="init"]').selectOption("he");
    await page.waitForFunction(() => location.hash.includes("layers=8,8,4") && location.hash.includes("init=he"));
    const state = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      el.step(1000);
      const p = el.parameters;
      return {
        accuracy: el.trainAccuracy,
        shapes: p.W.map((w) => [w.length, w[0].length]),
        biases: p.b.map((b) => b.length),
        neurons: el.shadowRoot.querySelectorAll('[part="neuron"]').length,
      };
    });
    assert.ok(state.accuracy >= 0.93, `training accuracy ${state.accuracy}`);
    assert.deepEqual(state.shapes, [[8, 2], [8, 8], [4, 8], [1, 4]]);
    assert.deepEqual(state.biases, [8, 8, 4, 1]);
    assert.equal(state.neurons, 20, "one view per hidden unit");

    // Focusing a unit shows its bias and incoming weights, as they are now.
    const unit = el.locator('[part="neuron"]').nth(2);
    await unit.focus();
    const tooltip = el.locator(".tooltip");
    await assert.doesNotReject(tooltip.waitFor({ state: "visible" }));
    const bias = await page.evaluate(() => document.querySelector("sepal-playground").parameters.b[0][2]);
    const shown = (await tooltip.textContent()).replace("\u2212", "-");
    assert.match(shown, /layer 1, unit 3/);
    assert.ok(shown.includes(`b = ${bias.toFixed(3)}`), `${shown} names b = ${bias.toFixed(3)}`);
    // And it follows training.
    await page.evaluate(() => document.querySelector("sepal-playground").step(300));
    const later = await page.evaluate(() => document.querySelector("sepal-playground").parameters.b[0][2]);
    assert.ok((await tooltip.textContent()).replace("\u2212", "-").includes(`b = ${later.toFixed(3)}`));
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("hovering a link shows its weight", async () => {
  const { page, problems, close } = await openPage(browser, "#hidden-units=2");
  try {
    await page.evaluate(() => document.querySelector("sepal-playground").step(500));
    await page.locator("sepal-playground").locator('[part="network"]').scrollIntoViewIfNeeded();
    // The link from x1 to unit 1 of layer 1: between the two nodes' edges.
    const target = await page.evaluate(() => {
      const root = document.querySelector("sepal-playground").shadowRoot;
      const [x1] = root.querySelectorAll(".node.input");
      const [unit] = root.querySelectorAll('[part="neuron"]');
      const a = x1.getBoundingClientRect();
      const b = unit.getBoundingClientRect();
      const t = 0.5;
      return { x: a.right + t * (b.left - a.right), y: a.top + a.height / 2 + t * (b.top + b.height / 2 - (a.top + a.height / 2)) };
    });
    await page.mouse.move(target.x, target.y);
    const tooltip = page.locator("sepal-playground").locator(".tooltip");
    await assert.doesNotReject(tooltip.waitFor({ state: "visible" }));
    const w = await page.evaluate(() => document.querySelector("sepal-playground").parameters.W1[0][0]);
    assert.ok((await tooltip.textContent()).replace("\u2212", "-").includes(w.toFixed(3)));
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
