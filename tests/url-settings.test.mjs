// Settings in the address: applied on load (the hash wins over the query),
// rejected values named in the notice, and the hash kept current.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

const settingsOf = (element) => element.evaluate((el) => el.settings);

test("URL settings are applied, the hash winning over the query", () =>
  withPage("?model=logistic&hidden-units=3#hidden-units=7&learning-rate=0.5", async ({ page, element }) => {
    const settings = await settingsOf(element);
    assert.equal(settings.model, "logistic");
    assert.equal(settings.hiddenUnits, 7);
    assert.equal(settings.learningRate, 0.5);
    assert.equal(settings.seed, 3, "the others keep their defaults");
    assert.equal(await noticeText(page), "");
    // The controls show them.
    const shown = await element.evaluate((el) => {
      const root = el.shadowRoot;
      return {
        model: root.querySelector('select[name="model"]').value,
        rate: root.querySelector('input[name="learning-rate"]').value,
        units: root.querySelector('input[name="hidden-units"]').value,
      };
    });
    assert.deepEqual(shown, { model: "logistic", rate: "0.5", units: "7" });
  }));

test("an invalid value keeps the default and the notice says why", () =>
  withPage("#learning-rate=abc&hidden-units=5", async ({ page, element }) => {
    const settings = await settingsOf(element);
    assert.equal(settings.learningRate, 1.2);
    assert.equal(settings.hiddenUnits, 5);
    const notice = await noticeText(page);
    assert.match(notice, /learning-rate/);
    assert.match(notice, /abc/);
    assert.match(notice, /not a number/);
    assert.ok(await element.locator('[part="notice"]').isVisible());
  }));

test("changing a setting in the controls updates the hash", () =>
  withPage("?hidden-units=6", async ({ page, element }) => {
    const model = element.locator('[part="controls"] select[name="model"]');
    await model.selectOption("logistic");
    await page.waitForFunction(() => location.hash.includes("model=logistic"));
    const url = new URL(await page.evaluate(() => location.href));
    assert.equal(url.search, "", "settings leave the query for the hash");
    assert.deepEqual(
      Object.fromEntries(new URLSearchParams(url.hash.slice(1))),
      { model: "logistic", "hidden-units": "6" },
    );
    // Back to the default: the hash no longer mentions it.
    await model.selectOption("shallow");
    await page.waitForFunction(() => !location.hash.includes("model="));
    // The address reproduces the screen.
    await page.reload();
    await element.evaluate((el) => el.ready);
    const settings = await settingsOf(element);
    assert.equal(settings.model, "shallow");
    assert.equal(settings.hiddenUnits, 6);
  }));

test("editing the hash in the address bar applies it", () =>
  withPage("", async ({ page, element }) => {
    await element.evaluate((el) => {
      el.step(50);
      location.hash = "#model=logistic&learning-rate=0.1";
    });
    await page.waitForFunction(() => document.querySelector("sepal-playground").settings.model === "logistic");
    const state = await element.evaluate((el) => ({ rate: el.settings.learningRate, iteration: el.iteration }));
    assert.deepEqual(state, { rate: 0.1, iteration: 0 });
  }));
