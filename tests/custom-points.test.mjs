// Your own points: with none there is no "NaN" and nothing pretends to
// train; the data panel counts the drawn points; a copied link says the
// points do not travel in it and offers the files that carry them; and a
// point added while training lets the run go on from where it is.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText, readDownload } from "./helpers.mjs";

/** Clicks the plot at (fx, fy), fractions of the map from its top-left corner (plot.js's margins). */
async function clickPlot(element, fx, fy, modifiers = []) {
  const plot = element.locator('[part="plot"]');
  const width = await plot.evaluate((canvas) => canvas.getBoundingClientRect().width);
  await plot.click({ position: { x: 50 + fx * (width - 60), y: 10 + fy * (width - 60) }, modifiers });
}

/** What a person sees of the empty state: readouts, the plot's sentence, the training buttons. */
const seen = (element) =>
  element.evaluate((el) => {
    const root = el.shadowRoot;
    const overlay = root.querySelector(".plot-overlay");
    return {
      readouts: root.querySelector(".readouts").innerText,
      summary: root.querySelector('[part="plot"]').getAttribute("aria-label"),
      overlay: overlay.hidden ? "" : overlay.textContent,
      disabled: ["toggle", "step", "step100"].map((name) => root.querySelector(`[data-action="${name}"]`).disabled),
    };
  });

function assertEmpty(now, when) {
  assert.doesNotMatch(now.readouts, /NaN/, `no NaN in the readouts ${when}`);
  assert.doesNotMatch(now.summary, /NaN/, `no NaN in the plot's description ${when}`);
  assert.match(now.readouts, /no points yet/, when);
  assert.match(now.overlay, /No points yet — click the plot to add some, or import a CSV/, when);
  assert.deepEqual(now.disabled, [true, true, true], `Play, Step and +100 are off ${when}`);
}

test("a link to your own points with none: no NaN, the plot says how to add some, nothing to play", () =>
  withPage("#dataset=custom", async ({ element }) => {
    assertEmpty(await seen(element), "on opening");
    assert.equal(await element.evaluate((el) => { el.play(); return el.running; }), false, "play() does nothing");

    await clickPlot(element, 0.3, 0.3);
    await clickPlot(element, 0.7, 0.7, ["Shift"]);
    const drawn = await seen(element);
    assert.deepEqual(drawn.disabled, [false, false, false], "with points, training works");
    assert.doesNotMatch(drawn.overlay, /No points yet/);

    await element.locator('button[data-action="clear-points"]').click();
    assertEmpty(await seen(element), "after Clear");
  }));

test("the data panel shows how many points were drawn, not the generated count", () =>
  withPage("#dataset=custom", async ({ element }) => {
    for (const [fx, fy] of [[0.2, 0.2], [0.4, 0.3], [0.6, 0.7]]) await clickPlot(element, fx, fy);
    const panel = await element.evaluate((el) => {
      const data = el.shadowRoot.querySelector('[part="data"]');
      const points = data.querySelector('input[name="points"]');
      return { text: data.innerText, pointsFieldShown: points.checkVisibility() };
    });
    assert.match(panel.text, /Points\s*3 drawn/);
    assert.equal(panel.pointsFieldShown, false, "no generated-points field beside drawn points");
  }));

test("Copy link with your own points warns they do not travel in it and offers Export CSV", () =>
  withPage("#dataset=custom", async ({ page, element }) => {
    await clickPlot(element, 0.3, 0.3);
    await clickPlot(element, 0.6, 0.6, ["Shift"]);
    await element.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() =>
      /carries settings, not points/.test(document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]').textContent),
    );
    assert.match(await noticeText(page), /your 2 points travel as a CSV file or in a model file/);
    const notice = element.locator('[part="notice"]');
    const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = (await readDownload(download)).toString("utf8").trim().split("\n");
    assert.equal(csv.length, 3, "header and the two points");
    assert.ok(await notice.getByRole("button", { name: "Save model" }).isVisible());
    await notice.getByRole("button", { name: "Dismiss" }).click();
    assert.doesNotMatch(await noticeText(page), /not points/);
  }));

test("a point added while training: the run goes on from its iteration on the new points", () =>
  withPage("#dataset=custom", async ({ page, element }) => {
    for (const [fx, fy, shift] of [[0.2, 0.3, false], [0.3, 0.2, false], [0.7, 0.8, true], [0.8, 0.7, true]]) {
      await clickPlot(element, fx, fy, shift ? ["Shift"] : []);
    }
    await element.locator('button[data-action="toggle"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 300);
    const before = await element.evaluate((el) => el.iteration);
    await clickPlot(element, 0.5, 0.2);
    const after = await element.evaluate((el) => ({ iteration: el.iteration, points: el.points.train.length, running: el.running }));
    assert.equal(after.points, 5);
    assert.ok(after.iteration >= before, `iteration ${after.iteration} went on from ${before}`);
    assert.equal(after.running, true, "still training");
    await page.waitForFunction((from) => document.querySelector("sepal-playground").iteration > from + 100, after.iteration);
    await element.locator('button[data-action="toggle"]').click();
    assert.ok(Number.isFinite(await element.evaluate((el) => el.cost)));
    // Undo goes on too; Reset goes back to iteration 0 on the points there are.
    await element.locator('button[data-action="undo-point"]').click();
    assert.ok((await element.evaluate((el) => el.iteration)) > before);
    await element.locator('button[data-action="reset"]').click();
    assert.deepEqual(await element.evaluate((el) => [el.iteration, el.points.train.length]), [0, 4]);
    // Imported points are other data on a rectangle of their own: a new run.
    const imported = await element.evaluate((el) => {
      el.step(50);
      el.importPoints("x1,x2,label\n1,1,1\n-1,-1,0\n");
      return el.iteration;
    });
    assert.equal(imported, 0);
  }));
