// #16/#17: the page says which notebook it reproduces and, at the
// notebook's length, shows the notebook's published result beside Sepal's
// (REFERENCE.md's numbers; the native tests pin the same runs through the
// same presets).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const resultText = (element) => element.evaluate((el) => {
  const p = el.shadowRoot.querySelector(".notebook-result");
  return p.hidden ? null : p.textContent;
});

test("the Optimization notebook's Adam run: its 94.33 % beside Sepal's after the notebook's 5,000 epochs", () =>
  withPage("?notebook=optimization&optimizer=adam", async ({ page, element }) => {
    const before = await resultText(element);
    assert.match(before, /Optimization methods.*Adam.*after 5,000 epochs: training accuracy 94\.33 ?%/);
    assert.doesNotMatch(before, /Sepal here/);
    // The button runs to the notebook's length: 5 updates an epoch, 25,000 iterations.
    await element.evaluate((el) => el.shadowRoot.querySelector(".notebook-result button").click());
    await page.waitForFunction(() => document.querySelector("sepal-playground").epoch === 5000, null, { timeout: 60000 });
    await page.waitForFunction(() => /Sepal here/.test(document.querySelector("sepal-playground").shadowRoot.querySelector(".notebook-result").textContent));
    const after = await resultText(element);
    assert.match(after, /94\.33 ?%\. Sepal here: training accuracy 94\.33 ?%\./, after);
    assert.equal(await element.evaluate((el) => el.iteration), 25000);
  }));

test("the Regularization notebook's dropout run names the notebook's train and test accuracy", () =>
  withPage("?notebook=regularization&keep-prob=0.86", async ({ element }) => {
    assert.match(await resultText(element), /Regularization.*dropout, keep_prob = 0\.86.*after 30,000 iterations: training accuracy 92\.89 ?%, test accuracy 95\.00 ?%/);
  }));

test("settings that leave the notebook's runs say its numbers do not apply; planar says nothing", () =>
  withPage("?notebook=initialization&layers=8", async ({ page, element }) => {
    assert.match(await resultText(element), /differ from the runs of the course's “Initialization” notebook/);
    await element.evaluate((el) => el.setAttribute("notebook", "planar"));
    await page.waitForFunction(() => document.querySelector("sepal-playground").shadowRoot.querySelector(".notebook-result").hidden);
  }));
