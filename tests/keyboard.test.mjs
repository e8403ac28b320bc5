// Keyboard only: Tab reaches play, step and every other control with a
// visible focus ring; Space and Enter play, pause and step. The plot's text
// alternative says what it shows.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** What has the focus inside the element: its data-action, name or tag, and its outline. */
function focused(element) {
  return element.evaluate((el) => {
    const active = el.shadowRoot.activeElement;
    if (!active) return null;
    const style = getComputedStyle(active);
    return {
      id: active.dataset.action ?? active.getAttribute("name") ?? active.localName,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until `id` has the focus; returns how many presses it took. */
async function tabTo(page, element, id, limit = 80) {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press("Tab");
    if ((await focused(element))?.id === id) return presses;
  }
  throw new Error(`${id} was not reached with ${limit} presses of Tab`);
}

test("play, pause and step with the keyboard alone, with a visible focus", () =>
  withPage("", async ({ page, element }) => {
    await tabTo(page, element, "toggle");
    const ring = (await focused(element)).outline;
    assert.match(ring, /^solid [3-9]px$/, `a visible focus ring: ${ring}`);
    const el = () => element.evaluate((e) => ({ running: e.running, iteration: e.iteration }));

    await page.keyboard.press("Space");
    assert.equal((await el()).running, true, "Space plays");
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 50);
    await page.keyboard.press("Enter");
    const paused = await el();
    assert.equal(paused.running, false, "Enter pauses");

    await page.keyboard.press("Tab");
    assert.equal((await focused(element)).id, "step", "Step comes next");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    assert.equal((await el()).iteration, paused.iteration + 2, "Enter and Space each run one iteration");
    await page.keyboard.press("Tab");
    assert.equal((await focused(element)).id, "step100");
    await page.keyboard.press("Enter");
    assert.equal((await el()).iteration, paused.iteration + 102);
    await page.keyboard.press("Tab");
    assert.equal((await focused(element)).id, "reset");
    await page.keyboard.press("Enter");
    assert.equal((await el()).iteration, 0, "Enter on Reset goes back to iteration 0");
  }));

test("every control can be reached with Tab, each with a focus ring", () =>
  withPage("", async ({ page, element }) => {
    const expected = await element.evaluate((el) => {
      const selector = "button, select, input:not([type=file]), summary, [tabindex='0']";
      // What a folded panel holds is not reachable until it is opened.
      const folded = (e) => e.closest("details:not([open]) > :not(summary)");
      return [...el.shadowRoot.querySelectorAll(selector)].filter((e) => e.offsetParent !== null && !e.disabled && !folded(e)).length;
    });
    const reached = new Set();
    for (let presses = 0; presses < expected + 10; presses += 1) {
      await page.keyboard.press("Tab");
      const info = await element.evaluate((el) => {
        const active = el.shadowRoot.activeElement;
        if (!active) return null;
        const style = getComputedStyle(active);
        const all = [...el.shadowRoot.querySelectorAll("*")];
        return { index: all.indexOf(active), outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!info) continue;
      assert.ok(info.outline, `element ${info.index} has a focus ring`);
      reached.add(info.index);
    }
    assert.ok(reached.size >= expected, `Tab reached ${reached.size} of ${expected} controls`);
    // The formulas (folded at first) open and close from the keyboard.
    const formulasOpen = () => element.evaluate((el) => el.shadowRoot.querySelector('[part="formulas"]').open);
    assert.equal(await formulasOpen(), false);
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="formulas"] summary').focus());
    await page.keyboard.press("Enter");
    assert.equal(await formulasOpen(), true);
    await page.keyboard.press("Space");
    assert.equal(await formulasOpen(), false);
  }));

test("the plot's text alternative states the model, iteration, cost and accuracy", () =>
  withPage("#hidden-units=5&test-fraction=0.2", async ({ element }) => {
    const labels = await element.evaluate((el) => {
      const plot = el.shadowRoot.querySelector('[part="plot"]');
      const first = plot.getAttribute("aria-label");
      el.step(1000);
      const trained = plot.getAttribute("aria-label");
      el.setAttribute("model", "logistic");
      return { first, trained, logistic: plot.getAttribute("aria-label"), role: plot.getAttribute("role"), cost: el.cost };
    });
    assert.equal(labels.role, "img");
    assert.match(labels.first, /^flower data, one hidden layer of 5 tanh units, iteration 0: cost 0\.69\d{4}, training accuracy \d+\.\d\d%, test accuracy \d+\.\d\d%\.$/);
    assert.match(labels.trained, /iteration 1000: cost 0\.\d{6}, training accuracy (8|9)\d\.\d\d%/);
    assert.match(labels.logistic, new RegExp(`^flower data, logistic regression, iteration 0: cost ${labels.cost.toFixed(6)}`));
  }));
