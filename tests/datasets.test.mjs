// Every dataset, picked from its picture: the plot shows its points in both
// classes, `points`, `noise` and `dataset-seed` apply to each, and the same
// seed gives the same points.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, plotHash } from "./helpers.mjs";

const GENERATED = ["flower", "circles", "moons", "blobs", "quantiles", "xor", "spiral"];

/** The points on screen, the settings and the class-coloured pixels of the plot. */
function seen(element) {
  return element.evaluate((el) => {
    const canvas = el.shadowRoot.querySelector('[part="plot"]');
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 24;
    let orange = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, [230, 159, 0])) orange += 1;
      if (near(i, [0, 114, 178])) blue += 1;
    }
    const pressed = [...el.shadowRoot.querySelectorAll('button.thumb[aria-pressed="true"]')].map((b) => b.dataset.dataset);
    return { settings: el.settings, points: el.points, orange, blue, pressed, hash: location.hash };
  });
}

test("each dataset's picture shows it, in both classes, with its own noise", () =>
  withPage("", async ({ page, element }) => {
    // Every picture is drawn (not blank).
    const blank = await element.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll("button.thumb canvas")]
        .filter((c) => !c.getContext("2d").getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0))
        .map((c) => c.closest("button").dataset.dataset),
    );
    assert.deepEqual(blank, [], "every dataset picture has points (custom shows a plus)");
    const defaults = { flower: 0.2, circles: 0.3, moons: 0.2, blobs: 1, quantiles: 0.5, xor: 0.2, spiral: 0.2 };
    for (const name of [...GENERATED.slice(1), "flower"]) {
      await element.locator(`button.thumb[data-dataset="${name}"]`).click();
      const now = await seen(element);
      assert.equal(now.settings.dataset, name);
      assert.deepEqual(now.pressed, [name]);
      assert.equal(now.settings.noise, defaults[name], `${name} has its own noise`);
      assert.equal(now.points.train.length, 400, name);
      const ones = now.points.train.filter((p) => p[2] === 1).length;
      assert.ok(ones > 100 && ones < 300, `${name}: ${ones} of class 1`);
      assert.ok(now.orange > 1000 && now.blue > 1000, `${name}: ${now.orange} orange, ${now.blue} blue pixels`);
      await page.waitForFunction((n) => n === "flower" ? !location.hash.includes("dataset") : location.hash.includes(`dataset=${n}`), name);
    }
  }));

test("points, noise and dataset-seed apply to every dataset, reproducibly", () =>
  withPage("#points=120&noise=0.05&dataset-seed=7", async ({ page, element }) => {
    const first = {};
    for (const name of GENERATED) {
      await element.evaluate((el, n) => el.setAttribute("dataset", n), name);
      const now = await seen(element);
      assert.equal(now.points.train.length, 120, name);
      assert.equal(now.settings.noise, 0.05, `${name} keeps the explicit noise`);
      first[name] = now.points.train;
    }
    // Another seed: other points; the same seed again: the same points.
    const other = await element.evaluate((el) => {
      el.setAttribute("dataset-seed", "8");
      return el.points.train;
    });
    assert.notDeepEqual(other, first.spiral);
    const again = await element.evaluate((el) => {
      el.setAttribute("dataset-seed", "7");
      return el.points.train;
    });
    assert.deepEqual(again, first.spiral);
    // "New data" draws a fresh seed, shown in the link.
    const before = await plotHash(page);
    await element.locator('button[data-action="new-data"]').click();
    await page.waitForFunction(() => /dataset-seed=(?!7\b)\d+/.test(location.hash));
    assert.notEqual(await plotHash(page), before);
  }));

test("custom from the address starts with no points and waits for them", () =>
  withPage("#dataset=custom", async ({ element }) => {
    const state = await element.evaluate((el) => {
      el.step(10);
      const bar = el.shadowRoot.querySelector(".draw-bar");
      return { points: el.points, iteration: el.iteration, bar: !bar.hidden, hint: bar.textContent };
    });
    assert.deepEqual(state.points, { train: [], test: [] });
    assert.equal(state.iteration, 0, "nothing to train on");
    assert.ok(state.bar, "the drawing tools are shown");
    assert.match(state.hint, /Click/);
  }));
