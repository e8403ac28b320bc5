// What a person sees first: the course's flower, 400 points in two colours.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("the flower is drawn in the two class colours", () =>
  withPage("", async ({ element }) => {
    const seen = await element.evaluate((el) => {
      const canvas = el.shadowRoot.querySelector('[part="plot"]');
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      // The points are filled with the pure class colours; the map behind
      // them only goes 55% of the way from white, so it never matches.
      const near = (i, [r, g, b]) =>
        Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24;
      let orange = 0;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, [230, 159, 0])) orange += 1;
        if (near(i, [0, 114, 178])) blue += 1;
      }
      const labels = el.points.train.map((p) => p[2]);
      return {
        orange,
        blue,
        train: el.points.train.length,
        test: el.points.test.length,
        class0: labels.filter((l) => l === 0).length,
        class1: labels.filter((l) => l === 1).length,
        width: canvas.getBoundingClientRect().width,
      };
    });
    assert.equal(seen.train, 400);
    assert.equal(seen.test, 0);
    assert.equal(seen.class0, 200);
    assert.equal(seen.class1, 200);
    // About 30 CSS px of fill per point, 200 points per class.
    assert.ok(seen.orange > 2000, `orange pixels: ${seen.orange}`);
    assert.ok(seen.blue > 2000, `blue pixels: ${seen.blue}`);
    assert.ok(seen.width >= 400, `the plot is ${seen.width}px wide`);
  }));
