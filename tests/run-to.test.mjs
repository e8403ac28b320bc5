// "Run to": the notebook trains 10,000 iterations, and so can a student, with
// the keyboard alone: the run stops exactly there (no frame steps past it),
// the readout shows where it is heading and then that it got there; Pause
// cancels it; a target already behind is refused beside the field.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** What a person sees of "run to": the readouts, the status, the field's message. */
function runToState(page) {
  return page.evaluate(() => {
    const el = document.querySelector("sepal-playground");
    const root = el.shadowRoot;
    const input = root.querySelector('input[name="run-to"]');
    const describedBy = input.getAttribute("aria-describedby");
    return {
      iteration: el.iteration,
      running: el.running,
      iterationShown: root.querySelector(".readout.iteration").textContent,
      accuracyShown: root.querySelector(".readout.train dd").textContent,
      status: root.querySelector('.run-to [role="status"], .run-to-box [role="status"]').textContent,
      fieldMessage: describedBy ? root.getElementById(describedBy).textContent : null,
      focusedName: root.activeElement?.getAttribute("name") ?? null,
    };
  });
}

test("run to 10,000 with the keyboard stops exactly at iteration 10,000 with the course's accuracy", () =>
  withPage("#speed=max", async ({ page, element }) => {
    await element.locator('input[name="run-to"]').focus();
    await page.keyboard.type("10000");
    await page.keyboard.press("Enter");
    const heading = await runToState(page);
    assert.equal(heading.running, true, "Enter in the field starts it");
    assert.match(heading.iterationShown, /^Iteration→ 10,000\d+$/, `the readout shows the target: ${heading.iterationShown}`);
    await page.waitForFunction(() => !document.querySelector("sepal-playground").running, null, { timeout: 120_000 });
    const reached = await runToState(page);
    assert.equal(reached.iteration, 10000, "exactly at the target");
    assert.equal(reached.iterationShown, "Iteration10000", "the target is no longer shown");
    // The notebook: "Accuracy: 90%" after 10,000 iterations; 363 of 400 points.
    assert.equal(reached.accuracyShown, "90.75%");
    assert.equal(reached.status, "Reached iteration 10,000.");
    assert.equal(reached.focusedName, "run-to", "the focus stayed in the field");
  }));

test("Pause cancels the target; runTo() resolves at it and rejects when paused", () =>
  withPage("#speed=100", async ({ page, element }) => {
    await element.locator('input[name="run-to"]').fill("100000");
    await element.locator('button[data-action="run-to"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 5);
    assert.match((await runToState(page)).iterationShown, /^Iteration→ 100,000\d+$/);
    // Pause, with the keyboard: the Play button (now Pause).
    await element.locator('button[data-action="toggle"]').focus();
    await page.keyboard.press("Enter");
    const paused = await runToState(page);
    assert.equal(paused.running, false);
    assert.doesNotMatch(paused.iterationShown, /→/, "no target any more");
    assert.match(paused.status, /^Stopped at iteration \d+, before 100,000\.$/);
    // Play again plays on, with no target.
    await page.keyboard.press("Enter");
    assert.doesNotMatch((await runToState(page)).iterationShown, /→/);
    await page.keyboard.press("Enter");

    // The same from a script.
    const outcome = await element.evaluate(async (el) => {
      el.reset();
      const reached = await el.runTo(37);
      const stopped = el.runTo(100000).catch((error) => error.message);
      el.pause();
      return { reached: reached.iteration, iteration: el.iteration, stopped: await stopped };
    });
    assert.equal(outcome.reached, 37);
    assert.match(outcome.stopped, /^Stopped at iteration \d+, before 100,000\.$/);
  }));

test("a target already behind, or not a whole number, is refused beside the field", () =>
  withPage("", async ({ page, element }) => {
    await element.evaluate((el) => el.step(500));
    const field = element.locator('input[name="run-to"]');
    await field.fill("200");
    await field.press("Enter");
    const behind = await runToState(page);
    assert.equal(behind.running, false);
    assert.equal(behind.iteration, 500);
    assert.equal(behind.fieldMessage, "Iteration 200 is already behind: training is at iteration 500. Choose a larger number.");
    await field.fill("1,000");
    await field.press("Enter");
    assert.match((await runToState(page)).fieldMessage, /^Run to iteration: “1,000” has a comma\. Write whole numbers without separators: 1000\.$/);
    await field.fill("abc");
    await field.press("Enter");
    assert.match((await runToState(page)).fieldMessage, /^Run to iteration: “abc” is not a number\./);
    const api = await element.evaluate((el) =>
      Promise.all([el.runTo(2.5), el.runTo(500)].map((p) => p.then(() => "resolved", (error) => error.name))),
    );
    assert.deepEqual(api, ["TypeError", "RangeError"]);
    assert.equal((await runToState(page)).running, false, "nothing started");
    // A good target clears the message and runs.
    await field.fill("600");
    await field.press("Enter");
    await page.waitForFunction(() => !document.querySelector("sepal-playground").running);
    const done = await runToState(page);
    assert.equal(done.iteration, 600);
    assert.equal(done.fieldMessage, null);
  }));
