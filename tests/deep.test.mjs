// The deep model: hidden layer sizes from `layers`, the chosen activation
// hidden and a sigmoid output, trained to ≥ 93% on moons; one view per unit
// of its first layers, and the weights' live values on hover and focus.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("a deep ReLU network chosen in the controls learns the moons", () =>
  withPage("#dataset=moons", async ({ page, element }) => {
    await element.locator('select[name="model"]').selectOption("deep");
    await element.locator('input[name="layers"]').fill("8,8,4");
    await element.locator('input[name="layers"]').press("Enter");
    await element.locator('select[name="activation"]').selectOption("relu");
    await element.locator('select[name="init"]').selectOption("he");
    await page.waitForFunction(() => location.hash.includes("layers=8,8,4") && location.hash.includes("init=he"));
    const state = await element.evaluate((el) => {
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
    const unit = element.locator('[part="neuron"]').nth(2);
    await unit.focus();
    const tooltip = element.locator(".tooltip");
    await assert.doesNotReject(tooltip.waitFor({ state: "visible" }));
    const bias = await element.evaluate((el) => el.parameters.b[0][2]);
    const shown = (await tooltip.textContent()).replace("\u2212", "-");
    assert.match(shown, /layer 1, unit 3/);
    assert.ok(shown.includes(`b = ${bias.toFixed(3)}`), `${shown} names b = ${bias.toFixed(3)}`);
    // And it follows training.
    await element.evaluate((el) => el.step(300));
    const later = await element.evaluate((el) => el.parameters.b[0][2]);
    assert.ok((await tooltip.textContent()).replace("\u2212", "-").includes(`b = ${later.toFixed(3)}`));
  }));

test("hovering a link shows its weight", () =>
  withPage("#hidden-units=2", async ({ page, element }) => {
    await element.evaluate((el) => el.step(500));
    await element.locator('[part="network"]').scrollIntoViewIfNeeded();
    // The link from x1 to unit 1 of layer 1: between the two nodes' edges.
    const target = await element.evaluate((el) => {
      const root = el.shadowRoot;
      const [x1] = root.querySelectorAll(".node.input");
      const [unit] = root.querySelectorAll('[part="neuron"]');
      const a = x1.getBoundingClientRect();
      const b = unit.getBoundingClientRect();
      const t = 0.5;
      return { x: a.right + t * (b.left - a.right), y: a.top + a.height / 2 + t * (b.top + b.height / 2 - (a.top + a.height / 2)) };
    });
    await page.mouse.move(target.x, target.y);
    const tooltip = element.locator(".tooltip");
    await assert.doesNotReject(tooltip.waitFor({ state: "visible" }));
    const w = await element.evaluate((el) => el.parameters.W1[0][0]);
    assert.ok((await tooltip.textContent()).replace("\u2212", "-").includes(w.toFixed(3)));
  }));
