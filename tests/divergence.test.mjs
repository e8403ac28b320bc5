// After training blows up, nothing non-finite is shown, and a smaller
// learning rate plus a reset brings back the course's run exactly.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("a diverged run shows no NaN and recovers fully with a smaller rate and a reset", () =>
  withPage("#learning-rate=5000", async ({ element }) => {
    const diverged = await element.evaluate((el) => {
      el.step(100);
      const all = el.shadowRoot.textContent;
      return { diverged: el.diverged, iteration: el.iteration, shown: all };
    });
    assert.equal(diverged.diverged, true);
    assert.ok(diverged.iteration < 100, "training stopped at once");
    assert.doesNotMatch(diverged.shown, /NaN|Infinity/, "no non-finite number is shown");

    const recovered = await element.evaluate((el) => {
      el.setAttribute("learning-rate", "1.2");
      el.reset();
      el.step(1000);
      return { diverged: el.diverged, iteration: el.iteration, cost: el.cost };
    });
    // REFERENCE.md: the course's cost after iteration 1000.
    assert.equal(recovered.diverged, false);
    assert.equal(recovered.iteration, 1000);
    assert.ok(Math.abs(recovered.cost - 0.258625) < 1e-6, `${recovered.cost}`);
  }));
