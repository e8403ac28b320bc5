// The course's published numbers, reproduced by the page itself
// (REFERENCE.md: "Cost after iteration 1000: 0.258625", final training
// accuracy 90.75%; logistic regression about 47%).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("one hidden layer reaches the course's accuracy and cost", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate((el) => {
      el.step(10000);
      const after10000 = { iteration: el.iteration, trainAccuracy: el.trainAccuracy, diverged: el.diverged };
      el.reset();
      const afterReset = { iteration: el.iteration, cost: el.cost };
      el.step(1000);
      return { after10000, afterReset, after1000: { iteration: el.iteration, cost: el.cost } };
    });
    assert.equal(result.after10000.iteration, 10000);
    assert.equal(result.after10000.diverged, false);
    // 0.9075, or one point of 400 either way: the run is chaotic past ~6500.
    assert.ok(
      Math.abs(result.after10000.trainAccuracy - 0.9075) <= 0.0026,
      `training accuracy ${result.after10000.trainAccuracy}`,
    );
    assert.equal(result.afterReset.iteration, 0);
    assert.ok(Math.abs(result.afterReset.cost - 0.693162) < 1e-6, `cost at 0: ${result.afterReset.cost}`);
    assert.equal(result.after1000.iteration, 1000);
    assert.ok(Math.abs(result.after1000.cost - 0.258625) < 1e-6, `cost at 1000: ${result.after1000.cost}`);
    // What a person reads.
    const readouts = await element.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll(".readout:not([hidden]) dd")].map((dd) => dd.textContent),
    );
    assert.equal(readouts[0], "1000");
    assert.equal(readouts[1], "0.258625");
  }));

test("logistic regression only gets about half the points right", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate((el) => {
      el.setAttribute("model", "logistic");
      const afterSwitch = el.iteration;
      el.step(10000);
      return { afterSwitch, model: el.settings.model, accuracy: el.trainAccuracy, parameters: el.parameters };
    });
    assert.equal(result.afterSwitch, 0, "changing the model resets training");
    assert.equal(result.model, "logistic");
    assert.ok(result.accuracy >= 0.4 && result.accuracy <= 0.55, `accuracy ${result.accuracy}`);
    assert.equal(result.parameters.w.length, 2);
    assert.equal(typeof result.parameters.b, "number");
  }));
