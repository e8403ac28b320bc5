// Settings in the address: applied on load (the hash wins over the query),
// rejected values named in the notice, and the hash kept current.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems, noticeText } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const settingsOf = (page) => page.evaluate(() => document.querySelector("sepal-playground").settings);

test("URL settings are applied, the hash winning over the query", async () => {
  const { page, problems, close } = await openPage(
    browser,
    "?model=logistic&hidden-units=3#hidden-units=7&learning-rate=0.5",
  );
  try {
    const settings = await settingsOf(page);
    assert.equal(settings.model, "logistic");
    assert.equal(settings.hiddenUnits, 7);
    assert.equal(settings.learningRate, 0.5);
    assert.equal(settings.seed, 3, "the others keep their defaults");
    assert.equal(await noticeText(page), "");
    // The controls show them.
    const shown = await page.evaluate(() => {
      const root = document.querySelector("sepal-playground").shadowRoot;
      return {
        model: root.querySelector('select[name="model"]').value,
        rate: root.querySelector('input[name="learning-rate"]').value,
        units: root.querySelector('input[name="hidden-units"]').value,
      };
    });
    assert.deepEqual(shown, { model: "logistic", rate: "0.5", units: "7" });
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("an invalid value keeps the default and the notice says why", async () => {
  const { page, problems, close } = await openPage(browser, "#learning-rate=abc&hidden-units=5");
  try {
    const settings = await settingsOf(page);
    assert.equal(settings.learningRate, 1.2);
    assert.equal(settings.hiddenUnits, 5);
    const notice = await noticeText(page);
    assert.match(notice, /learning-rate/);
    assert.match(notice, /abc/);
    assert.match(notice, /not a number/);
    assert.ok(await page.locator("sepal-playground").locator('[part="notice"]').isVisible());
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("changing a setting in the controls updates the hash", async () => {
  const { page, problems, close } = await openPage(browser, "?hidden-units=6");
  try {
    const model = page.locator("sepal-playground").locator('[part="controls"] select[name="model"]');
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
    await page.evaluate(() => document.querySelector("sepal-playground").ready);
    const settings = await settingsOf(page);
    assert.equal(settings.model, "shallow");
    assert.equal(settings.hiddenUnits, 6);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("editing the hash in the address bar applies it", async () => {
  const { page, problems, close } = await openPage(browser);
  try {
    await page.evaluate(() => {
      document.querySelector("sepal-playground").step(50);
      location.hash = "#model=logistic&learning-rate=0.1";
    });
    await page.waitForFunction(() => document.querySelector("sepal-playground").settings.model === "logistic");
    const state = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      return { rate: el.settings.learningRate, iteration: el.iteration };
    });
    assert.deepEqual(state, { rate: 0.1, iteration: 0 });
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
