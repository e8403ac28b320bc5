// A held-out test set: the points are split, the held-out ones drawn
// hollow, and the test cost and accuracy shown and charted beside the
// training ones (the course's bias/variance lesson).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** Pixels of `canvas` within 30 of the colour [r, g, b]. */
const countColour = (element, part, colour) =>
  element.evaluate((el, [part, [r, g, b]]) => {
    const canvas = el.shadowRoot.querySelector(`[part="${part}"]`);
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) n += 1;
    }
    return n;
  }, [part, colour]);

test("test cost and accuracy are shown and charted beside the training ones", () =>
  withPage("#test-fraction=0.25", async ({ element }) => {
    const readouts = () =>
      element.evaluate((el) => {
        const text = (name) => {
          const row = el.shadowRoot.querySelector(`.readout.${name}`);
          return row.hidden ? null : row.querySelector("dd").textContent;
        };
        return { cost: text("cost"), testCost: text("test-cost"), train: text("train"), test: text("test") };
      });
    const state = await element.evaluate((el) => {
      el.step(1500);
      return { train: el.points.train.length, test: el.points.test.length, trainAccuracy: el.trainAccuracy, testAccuracy: el.testAccuracy };
    });
    assert.deepEqual([state.train, state.test], [300, 100]);
    assert.ok(state.testAccuracy > 0.8 && state.testAccuracy <= 1, `test accuracy ${state.testAccuracy}`);
    const shown = await readouts();
    assert.match(shown.testCost, /^0\.\d{6}$/);
    assert.match(shown.test, /^\d+\.\d\d%$/);
    assert.equal(shown.test, `${(state.testAccuracy * 100).toFixed(2)}%`);
    assert.ok(await element.locator(".test-note").isVisible(), "the legend says held-out points are hollow");
    // Hollow points: white centres inside class-coloured rings, on the plot.
    assert.ok((await countColour(element, "plot", [255, 255, 255])) > 500);
    // The chart draws the test curve (purple, dashed) beside the training one (green).
    assert.ok((await countColour(element, "cost-chart", [130, 80, 223])) > 50, "the test cost curve");
    assert.ok((await countColour(element, "cost-chart", [11, 110, 79])) > 50, "the training cost curve");
    await element.locator('button[data-chart="accuracy"]').click();
    assert.equal(await element.locator('button[data-chart="accuracy"]').getAttribute("aria-pressed"), "true");
    assert.ok((await countColour(element, "cost-chart", [130, 80, 223])) > 50, "the test accuracy curve");
    // Without held-out points the test readouts go away.
    await element.evaluate((el) => el.setAttribute("test-fraction", "0"));
    assert.deepEqual(await readouts().then((r) => [r.testCost, r.test]), [null, null]);
  }));
