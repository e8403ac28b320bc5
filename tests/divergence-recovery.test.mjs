// After a divergence, a new learning rate ends it at once: training starts
// again from the initial weights with the new rate, the notice says so
// instead of the stale divergence, and Play, Step and +100 work again.
// Rejected values never stack: one message per setting, the latest.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

const buttons = (element) =>
  element.evaluate((el) =>
    Object.fromEntries(
      ["toggle", "step", "step100"].map((name) => [name, el.shadowRoot.querySelector(`[data-action="${name}"]`).disabled]),
    ),
  );

async function typeRate(element, value) {
  const field = element.locator('input[name="learning-rate"]');
  await field.fill(value);
  await field.press("Enter");
}

test("learning rate 50 diverges; typing 1 restarts training at once", () =>
  withPage("#learning-rate=50", async ({ page, element }) => {
    await element.locator('button[data-action="toggle"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").diverged);
    assert.match(await noticeText(page), /Learning rate 50 is too large/);
    assert.deepEqual(await buttons(element), { toggle: true, step: true, step100: true });

    await typeRate(element, "1");
    assert.deepEqual(await buttons(element), { toggle: false, step: false, step100: false }, "Play, Step and +100 work again");
    const notice = await noticeText(page);
    assert.doesNotMatch(notice, /too large/, "the stale divergence banner is gone");
    assert.match(notice, /Learning rate now 1: training restarted from the initial weights/);
    const state = await element.evaluate((el) => ({ diverged: el.diverged, iteration: el.iteration, rate: el.settings.learningRate }));
    assert.deepEqual(state, { diverged: false, iteration: 0, rate: 1 });

    await element.locator('button[data-action="toggle"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration > 200);
    await element.locator('button[data-action="toggle"]').click();
    const trained = await element.evaluate((el) => ({ diverged: el.diverged, cost: el.cost }));
    assert.equal(trained.diverged, false);
    assert.ok(Number.isFinite(trained.cost) && trained.cost < 0.693, `cost ${trained.cost}`);
    await page.waitForFunction(() => location.hash.includes("learning-rate=1"));
  }));

test("a rejected value replaces the setting's earlier rejection; a good value clears it", () =>
  withPage("#learning-rate=abc", async ({ page, element }) => {
    const messages = () =>
      element.evaluate((el) => [
        ...[...el.shadowRoot.querySelectorAll('[part="notice"] .message')].map((m) => m.textContent),
        ...[...el.shadowRoot.querySelectorAll(".field-error")].map((m) => m.textContent),
      ]);
    assert.equal((await messages()).length, 1, "the link's rejected value");
    await typeRate(element, "0");
    await typeRate(element, "20000");
    const shown = await messages();
    // A typed value is refused beside its field (typing.test.mjs), which replaces the link's message.
    assert.equal(shown.length, 1, `one message for the setting: ${JSON.stringify(shown)}`);
    assert.match(shown[0], /20000/, "the latest");
    await typeRate(element, "0.5");
    assert.equal(await noticeText(page), "");
    assert.deepEqual(await messages(), []);
    assert.equal(await element.evaluate((el) => el.settings.learningRate), 0.5);
  }));
