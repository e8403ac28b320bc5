// On a phone (375 px wide) the controls stack under the plot and nothing
// overflows sideways.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("the page fits a 375 px wide phone", async () => {
  const { page, problems, close } = await openPage(browser, "", { width: 375, height: 800 });
  try {
    const layout = await page.evaluate(() => {
      const root = document.querySelector("sepal-playground").shadowRoot;
      const box = (selector) => root.querySelector(selector).getBoundingClientRect().toJSON();
      return {
        scrollWidth: document.scrollingElement.scrollWidth,
        plot: box('[part="plot"]'),
        controls: box('[part="controls"]'),
      };
    });
    assert.ok(layout.scrollWidth <= 375, `the page is ${layout.scrollWidth}px wide`);
    assert.ok(layout.plot.width >= 250, `the plot is ${layout.plot.width}px wide`);
    assert.ok(layout.plot.left >= 0 && layout.plot.right <= 375, "the plot is inside the screen");
    assert.ok(layout.plot.top < 800, "the plot starts on the first screen");
    assert.ok(layout.controls.top >= layout.plot.bottom, "the controls are under the plot");
    assert.ok(layout.controls.right <= 375, "the controls fit");
    await assert.doesNotReject(page.locator("sepal-playground").locator('[part="plot"]').waitFor({ state: "visible" }));
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
