// runExperiment and play() together: an unknown kind (even one of Object's
// own names, "constructor", "__proto__", "toString") is a RangeError that
// lists the kinds and changes nothing, and Play is refused while an
// experiment runs — by script or by the button, with the same words.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

const KINDS = ["sweep", "learning-rates", "activations", "inits"];
const NOT_KINDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "nope", ""];

/** What runExperiment(kind) rejects with, as plain data. */
const rejection = (element, kind) =>
  element.evaluate(
    (el, kind) =>
      el.runExperiment(kind).then(
        () => ({ resolved: true }),
        (error) => ({ name: error?.constructor?.name, message: error?.message }),
      ),
    kind,
  );

test("an unknown kind is a RangeError listing the kinds; nothing is paused or cancelled", () =>
  withPage("#points=200", async ({ page, element }) => {
    // While the main training plays: it goes on.
    await element.evaluate((el) => el.play());
    for (const kind of NOT_KINDS) {
      const error = await rejection(element, kind);
      assert.equal(error.name, "RangeError", `${JSON.stringify(kind)}: ${JSON.stringify(error)}`);
      for (const name of KINDS) assert.ok(error.message.includes(name), `${JSON.stringify(kind)}: ${error.message} names ${name}`);
      assert.equal(await element.evaluate((el) => el.running), true, `${JSON.stringify(kind)} paused the training`);
    }
    assert.equal(await element.locator(".experiment-status").isVisible(), false, "no experiment started");
    await element.evaluate((el) => el.pause());

    // While an experiment runs: it goes on and finishes. (Checked at once:
    // an experiment trains only in animation frames, none comes in between.)
    const during = await element.evaluate(async (el) => {
      const rates = el.runExperiment("learning-rates").then(
        (rows) => rows.length,
        (error) => `rejected: ${error.message}`,
      );
      const errors = ["constructor", "__proto__", "toString"].map((kind) => el.runExperiment(kind).catch((error) => error.constructor.name));
      const status = !el.shadowRoot.querySelector(".experiment-status").hidden;
      return { status, errors: await Promise.all(errors), rates: await rates };
    });
    assert.deepEqual(during, { status: true, errors: ["RangeError", "RangeError", "RangeError"], rates: 6 });
    // Over: Play is no longer refused.
    assert.equal(await element.locator('button[data-action="toggle"]').getAttribute("aria-disabled"), null);
  }));

test("Play is refused while an experiment runs, by script and by the button, and works again after", () =>
  withPage("#points=2000", async ({ page, element }) => {
    await element.evaluate((el) => el.step(10));
    // The sweep on 2000 points takes seconds: long enough to click.
    const refused = await element.evaluate((el) => {
      window.__sweep = el.runExperiment("sweep").then(
        () => "finished",
        () => "cancelled",
      );
      el.play();
      return el.running;
    });
    assert.equal(refused, false, "play() started the training during an experiment");
    const play = element.locator('button[data-action="toggle"]');
    // The button says why it is unavailable, and the notice says the same.
    assert.equal(await play.getAttribute("aria-disabled"), "true");
    const title = await play.getAttribute("title");
    assert.match(title, /experiment/i);
    assert.ok((await noticeText(page)).includes(title), `the notice says "${title}": ${await noticeText(page)}`);
    // A click: the same. (Playwright waits for an aria-disabled button to
    // become enabled; a person can click it at once.)
    await play.click({ force: true });
    assert.equal(await element.evaluate((el) => el.running), false, "the Play button started the training during an experiment");
    assert.equal(await play.textContent(), "Play");
    await page.waitForTimeout(200);
    assert.equal(await element.evaluate((el) => el.iteration), 10, "the main model trained during the experiment");
    assert.equal(await element.locator(".experiment-status").isVisible(), true, "the experiment is still running");

    // Once it is over: Play plays again, and the message has gone.
    await element.locator('button[data-action="cancel-experiment"]').click();
    assert.equal(await page.evaluate(() => window.__sweep), "cancelled");
    assert.equal(await play.getAttribute("aria-disabled"), null);
    assert.equal(await play.getAttribute("title"), "Train continuously");
    assert.ok(!(await noticeText(page)).includes(title), "the message stays after the experiment");
    await play.click();
    assert.equal(await element.evaluate((el) => el.running), true);
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 10);
    await element.evaluate((el) => el.pause());
  }));

test("the notice's button cancels the experiment, and Play works again", () =>
  withPage("#points=2000", async ({ page, element }) => {
    await element.evaluate((el) => {
      window.__sweep = el.runExperiment("sweep").then(
        () => "resolved",
        () => "cancelled",
      );
      el.play();
    });
    await element.locator('[part="notice"] button', { hasText: /experiment/i }).click();
    assert.equal(await page.evaluate(() => window.__sweep), "cancelled");
    await element.evaluate((el) => el.play());
    assert.equal(await element.evaluate((el) => el.running), true);
    await element.evaluate((el) => el.pause());
  }));
