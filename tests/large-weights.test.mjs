// Issue #17, two lines of explanation:
// - `init=large` (randn × 10, the Initialization notebook's "random") starts
//   with saturated sigmoid outputs and an enormous but finite cost (numpy
//   prints inf there). The page says so — over the plot while it has no
//   boundary, under the readouts once it has one — and never calls the run
//   diverged. The trigger: init=large and a cost above 5 (plot-overlay.js).
// - With dropout on, one line beside the dropout controls says what fixed
//   and fresh masks mean.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** What a person sees: the sentence over the plot, the line under the readouts, the cost readout. */
function seen(element) {
  return element.evaluate((el) => {
    const visible = (node) => Boolean(node) && node.getClientRects().length > 0 && getComputedStyle(node).visibility === "visible";
    const overlay = el.shadowRoot.querySelector(".plot-overlay");
    const note = el.shadowRoot.querySelector(".saturation-note");
    return {
      overlay: visible(overlay) ? overlay.textContent : "",
      note: visible(note) ? note.textContent : "",
      costText: el.shadowRoot.querySelector(".readout.cost dd").textContent,
      cost: el.cost,
      diverged: el.diverged,
      iteration: el.iteration,
    };
  });
}

test("large initial weights: the page explains saturation, the cost is huge but finite, and the run is not diverged", () =>
  withPage("?notebook=initialization&init=large", async ({ page, element }) => {
    // The sentence comes with the first drawn frame.
    await page.waitForFunction(() => !document.querySelector("sepal-playground").shadowRoot.querySelector(".plot-overlay").hidden);
    const start = await seen(element);
    assert.match(start.overlay, /large initial weights.*saturate the sigmoid.*exactly 0 or 1.*huge but finite.*not diverged/);
    assert.equal(start.diverged, false);
    assert.ok(Number.isFinite(start.cost) && start.cost > 100, `a large, finite cost: ${start.cost}`);
    assert.ok(Number(start.costText) > 100, `the readout shows it: ${start.costText}`);

    // One step draws a boundary: the sentence moves under the readouts.
    await element.evaluate((el) => el.step(1));
    await page.waitForFunction(() => document.querySelector("sepal-playground").shadowRoot.querySelector(".plot-overlay").hidden);
    const stepped = await seen(element);
    assert.equal(stepped.overlay, "");
    assert.match(stepped.note, /large weights saturate the sigmoid.*huge but finite.*not diverged/);
    assert.equal(stepped.diverged, false);

    // Play trains on, never diverging.
    await element.locator('button[data-action="toggle"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 20);
    await element.locator('button[data-action="toggle"]').click();
    const played = await seen(element);
    assert.equal(played.diverged, false);
    assert.ok(Number.isFinite(played.cost) && played.cost < start.cost, `the cost falls: ${played.cost}`);

    // Once the cost is ordinary (below 5 by iteration 1,000: 0.62) the line goes.
    // (Under load Play may have run past 1,000 already.)
    await element.evaluate((el) => el.step(Math.max(0, 1000 - el.iteration)));
    await page.waitForFunction(() => document.querySelector("sepal-playground").shadowRoot.querySelector(".saturation-note").hidden);
    assert.equal((await seen(element)).note, "");
  }));

test("He initialisation on the same notebook says nothing of saturation", () =>
  withPage("?notebook=initialization", async ({ element }) => {
    const start = await seen(element);
    assert.doesNotMatch(start.overlay, /saturate/);
    assert.equal(start.note, "");
    await element.evaluate((el) => el.step(1));
    assert.equal((await seen(element)).note, "");
  }));

/** The line beside the dropout controls, as seen ("" when hidden). */
function dropoutNote(element) {
  return element.evaluate((el) => {
    const note = el.shadowRoot.querySelector(".dropout-masks-note");
    return note.getClientRects().length > 0 ? note.textContent : "";
  });
}

test("with dropout on, one line beside its controls says what fixed and fresh masks mean", () =>
  withPage("?notebook=regularization", async ({ page, element }) => {
    assert.equal(await dropoutNote(element), "", "no dropout (keep-prob 1): no line");
    await element.locator('input[name="keep-prob"]').fill("0.86");
    await element.locator('input[name="keep-prob"]').press("Enter");
    await page.waitForFunction(() => document.querySelector("sepal-playground").shadowRoot.querySelector(".dropout-masks-note").getClientRects().length > 0);
    const note = await dropoutNote(element);
    assert.match(note, /Fixed masks: the same units are dropped in every iteration.*reseeds numpy with 1.*0\.9289 \/ 0\.95.*Fresh masks: new random units.*each iteration/);
    // Beside the dropout-masks field: right after it.
    const after = await element.evaluate((el) => el.shadowRoot.querySelector(".dropout-masks-note").previousElementSibling.contains(el.shadowRoot.querySelector('select[name="dropout-masks"]')));
    assert.ok(after, "placed right after the dropout masks control");
  }));

test("the dropout line in Chinese", () =>
  withPage("?lang=zh&keep-prob=0.5", async ({ element }) => {
    assert.match(await dropoutNote(element), /固定掩码.*新掩码/);
  }));

test("the saturation sentence in Chinese", () =>
  withPage("?lang=zh&notebook=initialization&init=large", async ({ element }) => {
    assert.match((await seen(element)).overlay, /大的初始权重.*饱和.*有限.*没有发散/);
  }));
