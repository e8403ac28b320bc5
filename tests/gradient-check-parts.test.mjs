// #15 "never freeze", gradient checking: a network too large to check in
// one task (parameters² × points over 1e9, about a second of wasm) is
// checked by the panel's "Check gradients" in parts, with a progress line
// and a Cancel that stops it; training is paused for it, and a check that
// training overtakes (Play) is abandoned with a note. The element's
// synchronous gradientCheck() refuses such a network with a RangeError
// that names the panel's button, and still answers at the course's size.
// At the caps (6 × 64 units, 10,000 points: 21,057 parameters, minutes of
// checking) no task comes near the bound meanwhile; one part is ~8 ms.
// Ticking "Plant a bug" checks again — in parts too, a check under way
// begun anew with the bug as ticked.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";
import { CAPS, LONG_TASK_MS, watchLongTasks } from "./caps.mjs";


/** In the page: what the panel shows. */
const panel = (el) => {
  const root = el.shadowRoot.querySelector('[part="gradient-check"]');
  return {
    progress: root.querySelector(".gradcheck-progress").hidden ? null : root.querySelector(".gradcheck-progress").textContent,
    checkDisabled: root.querySelector('[data-action="check-gradients"]').disabled,
    cancelHidden: root.querySelector('[data-action="cancel-gradient-check"]').hidden,
    result: root.querySelector(".gradcheck-result").textContent,
    verdict: root.querySelector(".verdict")?.textContent ?? null,
  };
};

/** The member's error, as "Name: message". */
const memberError = (el) => {
  try {
    el.gradientCheck();
    return "no error";
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
};

test("at the caps, Check gradients checks in parts with progress, Cancel stops it, Play abandons it, no long task", () =>
  withPage(CAPS, async ({ element, page }) => {
    await element.evaluate((el) => el.ready);
    await page.waitForTimeout(1500);
    const error = await element.evaluate(memberError);
    assert.match(error, /^RangeError: gradientCheck\(\) would block the page for more than about a second with 21,057 parameters and 10,000 training points/);
    assert.match(error, /press Check gradients in the Gradient checking panel, which checks in parts/);

    await element.evaluate((el) => el.play());
    await page.waitForTimeout(500);
    await page.evaluate(watchLongTasks);
    await element.locator('[part="gradient-check"] summary').click();
    await element.locator('[data-action="check-gradients"]').click();
    assert.equal(await element.evaluate((el) => el.running), false, "training is paused for the check");
    // Progress: a first parameter checked.
    const first = await element.evaluate(panel);
    await page.waitForFunction(
      (el) => {
        const line = el.shadowRoot.querySelector(".gradcheck-progress");
        return !line.hidden && /^Checked [1-9][\d,]* of/.test(line.textContent);
      },
      await element.elementHandle(),
      { timeout: 60000, polling: 50 },
    );
    const progressed = { first: await element.evaluate(panel) };
    assert.match(first.progress ?? "", /^(Checked 0 of 21,057 parameters…)?$/, "before the first parameter");
    assert.match(progressed.first.progress, /^Checked [\d,]+ of 21,057 parameters…$/);
    assert.equal(progressed.first.checkDisabled, true, "one check at a time");
    assert.equal(progressed.first.cancelHidden, false);

    await element.locator('[data-action="cancel-gradient-check"]').click();
    const cancelled = await element.evaluate(panel);
    await page.waitForTimeout(1000);
    const later = await element.evaluate(panel);
    assert.equal(cancelled.progress, null, "the progress line is gone");
    assert.equal(cancelled.checkDisabled, false, "the button is usable again");
    assert.equal(cancelled.cancelHidden, true);
    assert.match(cancelled.result, /^Check cancelled after [\d,]+ of 21,057 parameters\.$/);
    assert.deepEqual(later, cancelled, "nothing goes on after Cancel");

    // Pressed again, then Play: the check is of one iteration's parameters, so it is abandoned.
    await element.locator('[data-action="check-gradients"]').click();
    await page.waitForTimeout(500);
    await element.evaluate((el) => el.play());
    await page.waitForFunction(
      (el) => /The check stopped: training went on/.test(el.shadowRoot.querySelector(".gradcheck-result").textContent),
      await element.elementHandle(),
      { timeout: 20000 },
    );
    const abandoned = await element.evaluate(panel);
    assert.equal(abandoned.progress, null);
    assert.equal(abandoned.checkDisabled, false);
    await element.evaluate((el) => el.pause());

    const tasks = await page.evaluate(() => window.__tasks);
    const longest = Math.max(0, ...tasks);
    assert.ok(longest < LONG_TASK_MS, `longest task ${longest} ms (${tasks.join(", ")})`);
  }));

test("a check in parts gives the whole check's numbers, and the course's page still answers at once", async () => {
  // 40, 40 units on 400 points: 1,801 parameters, over the 1,581 one task may check; a few seconds in parts.
  await withPage("?model=deep&layers=40,40", async ({ element, page }) => {
    await element.evaluate((el) => el.ready);
    const error = await element.evaluate(memberError);
    assert.match(error, /^RangeError: .*1,801 parameters and 400 training points \(at most 1,581 parameters with 400 points\): press Check gradients/);
    await element.evaluate((el) => el.step(5));
    await element.locator('[part="gradient-check"] summary').click();
    await element.locator('[data-setting="plant-bug"]').check();
    await element.locator('[data-action="check-gradients"]').click();
    await page.waitForFunction((el) => el.shadowRoot.querySelector('[part="gradient-check"] .verdict'), await element.elementHandle(), {
      timeout: 120000,
    });
    const shown = await element.evaluate(async (el) => {
      const root = el.shadowRoot.querySelector('[part="gradient-check"]');
      const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
      const api = await loadWasm();
      const whole = new api.Playground(el.settings);
      whole.step(el.iteration);
      const check = whole.gradientCheck(1e-7, true);
      whole.free();
      const worst = [...check.rows].sort((a, b) => Math.abs(b.backprop - b.approx) - Math.abs(a.backprop - a.approx))[0];
      return {
        verdict: root.querySelector(".verdict").textContent,
        at: root.querySelector(".at").textContent,
        firstRow: root.querySelector("tbody tr").dataset.name,
        whole: { difference: check.difference.toExponential(3), worst: worst.name },
      };
    });
    assert.equal(shown.verdict.match(/difference = ([^:]+):/)[1], shown.whole.difference, "the whole check's difference");
    assert.match(shown.verdict, /above 2e-7, there is a mistake/);
    assert.equal(shown.firstRow, shown.whole.worst);
    assert.match(shown.at, /^At iteration 5, 1801 parameters, ε = 1e-7\.$/);
  });
  await withPage("", async ({ element }) => {
    const result = await element.evaluate((el) => el.gradientCheck());
    assert.equal(result.rows.length, 17);
    assert.ok(result.difference < 2e-7);
  });
});

test("ticking Plant a bug checks again in parts, a check under way too: no long task, the whole check's numbers with and without the bug", async () => {
  // 40, 40 units on 400 points, over the one-task limit as above: checked whole, one task of a second or more.
  await withPage("?model=deep&layers=40,40", async ({ element, page }) => {
    await element.evaluate((el) => el.ready);
    await element.evaluate((el) => el.step(5));
    await page.evaluate(watchLongTasks);
    const handle = await element.elementHandle();
    const verdict = () => page.waitForFunction((el) => el.shadowRoot.querySelector('[part="gradient-check"] .verdict'), handle, { timeout: 120000 });
    await element.locator('[part="gradient-check"] summary').click();
    await element.locator('[data-action="check-gradients"]').click();
    await page.waitForFunction((el) => /^Checked [1-9]/.test(el.shadowRoot.querySelector(".gradcheck-progress").textContent), handle, {
      timeout: 60000,
      polling: 50,
    });
    // Ticked while the check runs: it begins again, with the bug.
    await element.locator('[data-setting="plant-bug"]').check();
    const restarted = await element.evaluate(panel);
    assert.equal(restarted.cancelHidden, false, "in parts, with Cancel");
    assert.equal(restarted.verdict, null);
    await verdict();
    const withBug = await element.evaluate(panel);
    // Unticked after a result: checked again, in parts.
    await element.locator('[data-setting="plant-bug"]').uncheck();
    const again = await element.evaluate(panel);
    assert.notEqual(again.progress, null, "a progress line: in parts");
    assert.equal(again.cancelHidden, false);
    assert.equal(again.verdict, null, "the old verdict is gone");
    await verdict();
    const withoutBug = await element.evaluate(panel);
    const tasks = await page.evaluate(() => window.__tasks);
    const whole = await element.evaluate(async (el) => {
      const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
      const api = await loadWasm();
      const pg = new api.Playground(el.settings);
      pg.step(el.iteration);
      const [bug, plain] = [true, false].map((b) => pg.gradientCheck(1e-7, b).difference.toExponential(3));
      pg.free();
      return { bug, plain };
    });
    assert.equal(withBug.verdict.match(/difference = ([^:]+):/)[1], whole.bug, "the whole check's difference with the bug");
    assert.match(withBug.verdict, /there is a mistake/);
    assert.equal(withoutBug.verdict.match(/difference = ([^:]+):/)[1], whole.plain, "and without it");
    assert.doesNotMatch(withoutBug.verdict, /there is a mistake/);
    const longest = Math.max(0, ...tasks);
    assert.ok(longest < LONG_TASK_MS, `longest task ${longest} ms (${tasks.join(", ")})`);
  });
});
