// Drawing your own points: "draw your own" starts from the points on screen,
// a click adds class 1, a shift-click class 0, the toggle changes the class
// a plain click adds (for touch screens), and no setting, reset or
// divergence ever loses the points.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** Clicks the plot at (fx, fy), fractions of the map from its top-left corner. */
async function clickPlot(element, fx, fy, modifiers = []) {
  const plot = element.locator('[part="plot"]');
  const { mapLeft, mapTop, mapSize } = await plot.evaluate((canvas) => {
    // plot.js's margins: the map starts 50 px from the left and 10 from the top.
    const width = canvas.getBoundingClientRect().width;
    return { mapLeft: 50, mapTop: 10, mapSize: width - 60 };
  });
  await plot.click({ position: { x: mapLeft + fx * mapSize, y: mapTop + fy * mapSize }, modifiers });
}

const all = (points) => [...points.train, ...points.test];
const read = (element) => element.evaluate((el) => ({ points: el.points, settings: el.settings, iteration: el.iteration }));

test("draw your own: start from the data, clear, click, shift-click, toggle", () =>
  withPage("#dataset=moons", async ({ page, element }) => {
    await element.locator('button.thumb[data-dataset="custom"]').click();
    let now = await read(element);
    assert.equal(now.settings.dataset, "custom");
    assert.equal(all(now.points).length, 400, "starts from the moons on screen");
    await page.waitForFunction(() => location.hash.includes("dataset=custom"));

    await element.locator('button[data-action="clear-points"]').click();
    assert.equal(all((await read(element)).points).length, 0);

    await clickPlot(element, 0.25, 0.25);
    await clickPlot(element, 0.75, 0.75, ["Shift"]);
    await element.locator('button[data-class="0"]').click();
    await clickPlot(element, 0.75, 0.25);
    await clickPlot(element, 0.25, 0.75, ["Shift"]);
    now = await read(element);
    const points = now.points.train;
    assert.deepEqual(points.map((p) => p[2]), [1, 0, 0, 1], "click, shift-click, toggled click, toggled shift-click");
    // Where they were clicked: left/right and up/down in data units.
    assert.ok(points[0][0] < points[1][0] && points[0][1] > points[1][1]);
    assert.match(await element.locator(".draw-count").textContent(), /4/);

    await element.locator('button[data-action="undo-point"]').click();
    assert.equal((await read(element)).points.train.length, 3);
  }));

test("no setting, reset, divergence or other dataset loses the drawn points", () =>
  withPage("#dataset=custom", async ({ page, element }) => {
    for (const [fx, fy, shift] of [[0.2, 0.3, false], [0.3, 0.2, false], [0.7, 0.8, true], [0.8, 0.7, true], [0.5, 0.2, false], [0.5, 0.8, true]]) {
      await clickPlot(element, fx, fy, shift ? ["Shift"] : []);
    }
    const drawn = all((await read(element)).points);
    assert.equal(drawn.length, 6);
    const same = async (what) => {
      const now = await read(element);
      assert.deepEqual(all(now.points).sort(), [...drawn].sort(), `after ${what}`);
    };
    await element.evaluate((el) => el.step(200));
    assert.equal((await read(element)).iteration, 200);
    await element.locator('select[name="model"]').selectOption("deep");
    await same("choosing the deep model");
    await element.locator('select[name="activation"]').selectOption("relu");
    await element.locator('input[name="test-fraction"]').evaluate((input) => {
      input.value = "0.5";
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    let now = await read(element);
    assert.equal(now.points.test.length, 3, "half held out");
    await same("holding out half");
    await element.locator('button.thumb[data-dataset="spiral"]').click();
    assert.equal(all((await read(element)).points).length, 400);
    await element.locator('button.thumb[data-dataset="custom"]').click();
    await same("visiting the spiral and coming back");
    await element.locator('button[data-action="reset"]').click();
    await same("reset");
    // A learning rate far too large: training diverges, the points stay.
    await element.locator('input[name="learning-rate"]').fill("10000");
    await element.locator('input[name="learning-rate"]').press("Enter");
    await element.evaluate((el) => el.step(200));
    await same("divergence");
    // A bad CSV file changes nothing either.
    await element.locator('input[data-role="csv-file"]').setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("x1,x2,label\n1,2,7\n") });
    await page.waitForFunction(() => /bad\.csv/.test(document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]').textContent));
    await same("a failed import");
  }));
