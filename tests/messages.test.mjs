// Messages stay short and true: a huge rejected value is quoted by its
// first characters, a number too large for a double is out of range, the
// plot's tick labels stay readable for any range of points, an element
// without points says so, and a count of one is singular.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

test("a 100 KB value in the hash is quoted by its first 39 characters and the notice stays small", () =>
  withPage(`#activation=${"y".repeat(100000)}&learning-rate=1e400`, async ({ page }) => {
    const notice = await noticeText(page);
    assert.ok(notice.includes(`activation = "${"y".repeat(39)}…" is not one of the choices`), notice.slice(0, 300));
    assert.ok(notice.length < 600, `the notice is ${notice.length} characters`);
    assert.match(notice, /learning-rate = "1e400" is out of range/);
    const height = await page.evaluate(() => document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]').getBoundingClientRect().height);
    assert.ok(height < 200, `the notice is ${height} px tall`);
  }));

/** The plot's tick labels as drawn ({x: [[text, px], …], y}) for these points. */
async function ticksFor(element, csv) {
  return element.evaluate(async (el, text) => {
    el.importPoints(text);
    const canvas = el.shadowRoot.querySelector('canvas[part="plot"]') ?? el.shadowRoot.querySelector("canvas");
    const before = canvas.dataset.ticks;
    for (let i = 0; i < 60 && canvas.dataset.ticks === before; i += 1) await new Promise(requestAnimationFrame);
    const ticks = JSON.parse(canvas.dataset.ticks);
    // Widths as the plot measures them: its 13px labels in the element's font.
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = `13px ${getComputedStyle(el).fontFamily || "sans-serif"}`;
    const widths = (list) => list.map(([t]) => ctx.measureText(t).width);
    return { ...ticks, xWidths: widths(ticks.x), yWidths: widths(ticks.y) };
  }, csv);
}

function assertReadable(ticks, what) {
  const texts = (list) => list.map(([t]) => t);
  assert.ok(ticks.x.length >= 2 && ticks.y.length >= 2, `${what}: at least two ticks a side ${JSON.stringify(ticks)}`);
  for (const side of ["x", "y"]) {
    assert.equal(new Set(texts(ticks[side])).size, ticks[side].length, `${what}: distinct ${side} labels ${texts(ticks[side])}`);
    for (const t of texts(ticks[side])) assert.ok([...t].length <= 7, `${what}: short ${side} label "${t}"`);
  }
  // x labels, centred on their ticks, do not overlap.
  for (let i = 1; i < ticks.x.length; i += 1) {
    const room = Math.abs(ticks.x[i][1] - ticks.x[i - 1][1]);
    assert.ok((ticks.xWidths[i] + ticks.xWidths[i - 1]) / 2 < room, `${what}: x labels ${ticks.x[i - 1][0]} and ${ticks.x[i][0]} overlap`);
  }
  // y labels, right-aligned 7 px left of the map (at 50 px), stay on the canvas.
  for (const w of ticks.yWidths) assert.ok(w <= 43, `${what}: a y label ${w} px wide is clipped`);
  for (let i = 1; i < ticks.y.length; i += 1) assert.ok(Math.abs(ticks.y[i][1] - ticks.y[i - 1][1]) >= 14, `${what}: y labels overlap`);
}

test("tick labels stay readable for points at ±1e6 and for points 1e-10 apart", () =>
  withPage("#dataset=custom", async ({ element }) => {
    const wide = await ticksFor(element, "x1,x2,label\n-1000000,-1000000,0\n1000000,1000000,1\n-1000000,1000000,1\n1000000,-1000000,0\n");
    assertReadable(wide, "±1e6");
    assert.ok(wide.x.some(([t]) => /e6$/.test(t)), `exponent notation: ${wide.x.map(([t]) => t)}`);
    const close = await ticksFor(element, "x1,x2,label\n0.5,0.5,0\n0.5000000001,0.5000000001,1\n0.5,0.5000000001,1\n0.5000000001,0.5,0\n");
    assertReadable(close, "1e-10 apart");
  }));

test("an element with no points says so instead of Cost NaN, in both languages", async () => {
  for (const [lang, words] of [["en", "no points yet"], ["zh", "还没有样本"]]) {
    await withPage(`#dataset=moons&lang=${lang}`, async ({ element }) => {
      await element.locator('button.thumb[data-dataset="custom"]').click();
      await element.locator('button[data-action="clear-points"]').click();
      await element.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const cost = await element.locator(".readout.cost dd").textContent();
      assert.equal(cost, words);
      assert.doesNotMatch(await element.locator(".readouts, .readout").first().textContent(), /NaN/);
    });
  }
});

test("importing one point says 'point', not 'points'", () =>
  withPage("#dataset=custom", async ({ page, element }) => {
    await element.locator('input[data-role="csv-file"]').setInputFiles({ name: "one.csv", mimeType: "text/csv", buffer: Buffer.from("x1,x2,label\n0.5,1,1\n") });
    await page.waitForFunction(() => document.querySelector("sepal-playground").points.train.length + document.querySelector("sepal-playground").points.test.length === 1);
    assert.match(await noticeText(page), /Imported 1 point from one\.csv\./);
  }));
