// When a call into the model fails (a Rust panic surfaces as a thrown JS
// error), the page stops training and says so, with a button that rebuilds
// the model — never a silently frozen page. The failure is simulated by
// making the shared wasm module's Playground.step throw once.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

// The element's report of the failure is an expected console error.
test("a failing model call stops training, says so, and can be rebuilt", () =>
  withPage("", { checkProblems: false }, async ({ page, element, problems }) => {
    await element.evaluate(async (el) => {
      const { Playground } = await import("./pkg/sepal.js");
      const step = Playground.prototype.step;
      Playground.prototype.step = function failOnce() {
        Playground.prototype.step = step;
        throw new Error("simulated failure");
      };
      el.play();
    });
    await page.waitForFunction(() => !document.querySelector("sepal-playground").running);
    const notice = await noticeText(page);
    assert.match(notice, /internal error: simulated failure/);
    // The element's own report of the failure is the only error logged.
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /sepal-playground:.*simulated failure/);
    assert.equal(
      await element.evaluate((el) => {
        try {
          el.step(1);
          return "no error";
        } catch (error) {
          return error.message;
        }
      }),
      "The model stopped with an internal error: simulated failure. Training has stopped.",
    );

    await element.locator('[part="notice"] button', { hasText: "Rebuild the model" }).click();
    assert.equal(await noticeText(page), "");
    const after = await element.evaluate((el) => {
      el.step(1000);
      return { iteration: el.iteration, cost: el.cost };
    });
    assert.equal(after.iteration, 1000);
    assert.ok(Math.abs(after.cost - 0.258625) < 1e-6);
    assert.equal(problems.length, 1, problems.join("\n"));
  }));
