// After training blows up, nothing non-finite is shown, and a smaller
// learning rate plus a reset brings back the course's run exactly.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("a diverged run shows no NaN and recovers fully with a smaller rate and a reset", async () => {
  const { page, problems, close } = await openPage(browser, "#learning-rate=5000");
  try {
    const diverged = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      el.step(100);
      const all = el.shadowRoot.textContent;
      return { diverged: el.diverged, iteration: el.iteration, shown: all };
    });
    assert.equal(diverged.diverged, true);
    assert.ok(diverged.iteration < 100, "training stopped at once");
    assert.doesNotMatch(diverged.shown, /NaN|Infinity/, "no non-finite number is shown");

    const recovered = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      el.setAttribute("learning-rate", "1.2");
      el.reset();
      el.step(1000);
      return { diverged: el.diverged, iteration: el.iteration, cost: el.cost };
    });
    // REFERENCE.md: the course's cost after iteration 1000.
    assert.equal(recovered.diverged, false);
    assert.equal(recovered.iteration, 1000);
    assert.ok(Math.abs(recovered.cost - 0.258625) < 1e-6, `${recovered.cost}`);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
