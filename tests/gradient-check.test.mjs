// Gradient checking (`part="gradient-check"`): "Check gradients" at the
// current parameters gives the course's verdict (difference below 2e-7 for
// a correct backprop), and "Plant a bug" raises the difference above it
// and flags the planted parameters (W2 and b1) at the top of the table.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("checking gradients passes, and a planted bug is caught and pointed at", () =>
  withPage("", async ({ element }) => {
    await element.evaluate((el) => el.step(50));
    await element.locator('[part="gradient-check"] summary').click();
    await element.locator('[data-action="check-gradients"]').click();
    const ok = await element.evaluate((el) => {
      const root = el.shadowRoot.querySelector('[part="gradient-check"]');
      return { verdict: root.querySelector(".verdict").textContent, flagged: root.querySelectorAll("tr.flagged").length, at: root.querySelector(".at").textContent };
    });
    assert.match(ok.verdict, /^difference = \d\.\d+e-\d+: below 2e-7, backpropagation is correct\.$/);
    assert.equal(ok.flagged, 0);
    assert.match(ok.at, /^At iteration 50, 17 parameters, ε = 1e-7\.$/);

    await element.locator('[data-setting="plant-bug"]').check();
    const planted = await element.evaluate((el) => {
      const root = el.shadowRoot.querySelector('[part="gradient-check"]');
      const rows = [...root.querySelectorAll("tbody tr")];
      return {
        verdict: root.querySelector(".verdict").textContent,
        difference: Number(root.querySelector(".verdict").textContent.match(/difference = ([^:]+):/)[1]),
        flaggedNames: rows.filter((r) => r.classList.contains("flagged")).map((r) => r.dataset.name),
        firstRows: rows.slice(0, 4).map((r) => r.dataset.name),
      };
    });
    assert.match(planted.verdict, /above 2e-7, there is a mistake in backpropagation/);
    assert.ok(planted.difference > 1e-2, `${planted.difference}`);
    assert.ok(planted.flaggedNames.length > 0);
    assert.ok(planted.flaggedNames.every((name) => /^W2\[|^b1\[/.test(name)), planted.flaggedNames.join(", "));
    assert.ok(planted.firstRows.every((name) => name.startsWith("W2[")), "the worst rows, first, are the doubled W2");
    // Training is untouched: the element's gradients are still backprop's own.
    const same = await element.evaluate((el) => {
      const check = el.gradientCheck();
      return { difference: check.difference, w2: check.rows.find((r) => r.name === "W2[0][1]"), dW2: el.gradients.dW2[0][1] };
    });
    assert.ok(same.difference < 2e-7);
    assert.equal(same.w2.backprop, same.dW2);
  }));

test("gradientCheck() in every model and its planted bug; bad options throw and change nothing", () =>
  withPage("?model=logistic", async ({ element }) => {
    const results = await element.evaluate((el) => {
      el.step(3);
      const attempt = (f) => {
        try {
          f();
          return "no error";
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      const iteration = el.iteration;
      return {
        ok: el.gradientCheck(),
        bug: el.gradientCheck({ bug: true }),
        names: el.gradientCheck({ epsilon: 1e-6 }).rows.map((r) => r.name),
        errors: [
          attempt(() => el.gradientCheck(5)),
          attempt(() => el.gradientCheck({ epsilon: 0 })),
          attempt(() => el.gradientCheck({ epsilon: "1e-7" })),
          attempt(() => el.gradientCheck({ bug: "yes" })),
          attempt(() => el.gradientCheck(null)),
        ],
        unchanged: el.iteration === iteration,
      };
    });
    assert.deepEqual(results.names, ["w[0]", "w[1]", "b"]);
    assert.ok(results.ok.difference < 2e-7, `${results.ok.difference}`);
    assert.ok(results.bug.difference > 1e-2, `${results.bug.difference}`);
    assert.equal(results.ok.threshold, 2e-7);
    assert.match(results.errors[0], /^TypeError: gradientCheck\(options\): options must be an object/);
    assert.match(results.errors[1], /^RangeError: gradientCheck\(\{epsilon\}\): epsilon must be a number above 0 and at most 1, not 0/);
    assert.match(results.errors[2], /^TypeError/);
    assert.match(results.errors[3], /^TypeError: gradientCheck\(\{bug\}\): bug must be true or false, not "yes"/);
    assert.match(results.errors[4], /^TypeError/);
    assert.ok(results.unchanged);
  }));

test("a network too big to check in one task: gradientCheck() says to use the panel, whose check runs in parts", () =>
  withPage("?model=deep&layers=64,64,64", async ({ element }) => {
    const message = await element.evaluate((el) => {
      try {
        el.gradientCheck();
        return "no error";
      } catch (error) {
        return `${error.name}: ${error.message}`;
      }
    });
    assert.match(message, /^RangeError: gradientCheck\(\) would block the page for more than about a second with 8,577 parameters and 400 training points \(at most 1,581 parameters with 400 points\): press Check gradients/);
    await element.locator('[part="gradient-check"] summary').click();
    await element.locator('[data-action="check-gradients"]').click();
    const shown = await element.evaluate((el) => el.shadowRoot.querySelector('[part="gradient-check"] .gradcheck-progress').hidden);
    assert.equal(shown, false, "the panel checks in parts, with a progress line");
    await element.locator('[data-action="cancel-gradient-check"]').click();
  }));
