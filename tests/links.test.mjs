// Reproducible links: every setting is in the hash, "copy link" copies a
// link that reproduces the screen, "new weights" draws a new seed from the
// browser's crypto and the link shows it.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems, BASE_URL } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("copy link copies a link that reproduces every setting", async () => {
  const { page, problems, close } = await openPage(browser, "#dataset=xor&model=deep&layers=6,3&init=xavier&test-fraction=0.3&seed=11");
  try {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(BASE_URL).origin });
    const el = page.locator("sepal-playground");
    await el.locator('select[name="activation"]').selectOption("leaky-relu");
    await el.locator('button[data-action="copy-link"]').click();
    await assert.doesNotReject(el.locator(".link-status", { hasText: "Link copied" }).waitFor());
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, await page.evaluate(() => location.href));
    const settings = await page.evaluate(() => document.querySelector("sepal-playground").settings);

    const fresh = await page.context().newPage();
    await fresh.goto(copied);
    const reproduced = await fresh.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
      await el.ready;
      return el.settings;
    });
    assert.deepEqual(reproduced, settings);
    assert.equal(reproduced.activation, "leaky-relu");
    assertNoProblems(problems);
  } finally {
    await close();
  }
});

test("new weights draws a new seed, shown in the link", async () => {
  const { page, problems, close } = await openPage(browser);
  try {
    const el = page.locator("sepal-playground");
    const before = await page.evaluate(() => document.querySelector("sepal-playground").parameters.W1);
    await el.locator('button[data-action="new-seed"]').click();
    await page.waitForFunction(() => /seed=\d+/.test(location.hash));
    const { seed, W1, shown } = await page.evaluate(() => {
      const el = document.querySelector("sepal-playground");
      return { seed: el.settings.seed, W1: el.parameters.W1, shown: el.shadowRoot.querySelector('input[name="seed"]').value };
    });
    assert.notEqual(seed, 3);
    assert.equal(shown, String(seed));
    assert.ok((await page.evaluate(() => location.hash)).includes(`seed=${seed}`));
    assert.notDeepEqual(W1, before);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
