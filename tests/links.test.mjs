// Reproducible links: every setting is in the hash, "copy link" copies a
// link that reproduces the screen, "new weights" draws a new seed from the
// browser's crypto and the link shows it.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, BASE_URL } from "./helpers.mjs";

test("copy link copies a link that reproduces every setting", () =>
  withPage("#dataset=xor&model=deep&layers=6,3&init=xavier&test-fraction=0.3&seed=11", async ({ page, element }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE_URL).origin });
    await element.locator('select[name="activation"]').selectOption("leaky-relu");
    await element.locator('button[data-action="copy-link"]').click();
    await assert.doesNotReject(element.locator(".link-status", { hasText: "Link copied" }).waitFor());
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => location.href));
    const settings = await element.evaluate((el) => el.settings);

    const fresh = await page.context().newPage();
    await fresh.goto(copied);
    const reproduced = await fresh.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
      await el.ready;
      return el.settings;
    });
    assert.deepEqual(reproduced, settings);
    assert.equal(reproduced.activation, "leaky-relu");
  }));

test("new weights draws a new seed, shown in the link", () =>
  withPage("", async ({ page, element }) => {
    const before = await element.evaluate((el) => el.parameters.W1);
    await element.locator('button[data-action="new-seed"]').click();
    await page.waitForFunction(() => /seed=\d+/.test(location.hash));
    const { seed, W1, shown } = await element.evaluate((el) => ({
      seed: el.settings.seed,
      W1: el.parameters.W1,
      shown: el.shadowRoot.querySelector('input[name="seed"]').value,
    }));
    assert.notEqual(seed, 3);
    assert.equal(shown, String(seed));
    assert.ok((await page.evaluate(() => location.hash)).includes(`seed=${seed}`));
    assert.notDeepEqual(W1, before);
  }));
