// The page's language links (index.html: "中文界面：lang=zh", "English:
// lang=en") switch the interface without leaving the page: the settings in
// the hash, the run (iteration, cost to the bit) and the drawn points stay.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const CSV = "x1,x2,label\n-2,1,0\n-1.5,2,0\n-1,-1,0\n1,1.5,1\n2,-0.5,1\n1.5,2.5,1\n";

/** What must not change, and what shows the language. */
function read(page) {
  return page.evaluate(() => {
    const el = document.querySelector("sepal-playground");
    const bits = new DataView(new ArrayBuffer(8));
    bits.setFloat64(0, el.cost);
    const visible = (lang) => !document.querySelector(`section.explainer[lang="${lang}"]`).hidden;
    return {
      samePage: window.__samePage === true,
      iteration: el.iteration,
      costBits: bits.getBigUint64(0).toString(16),
      points: el.points,
      settings: { ...el.settings, lang: undefined },
      lang: el.settings.lang,
      play: el.shadowRoot.querySelector('[data-action="toggle"]').textContent,
      pageLang: document.documentElement.lang,
      explainer: { en: visible("en"), zh: visible("zh") },
      hash: location.hash,
    };
  });
}

const waitForLang = (page, lang) => page.waitForFunction((lang) => document.querySelector("sepal-playground").settings?.lang === lang, lang);

test("the lang=zh and lang=en links keep the settings, the run and the drawn points", () =>
  withPage("#hidden-units=3&learning-rate=0.5&lang=en", async ({ page, element }) => {
    await element.evaluate((el, csv) => {
      el.importPoints(csv);
      el.step(500);
      window.__samePage = true;
    }, CSV);
    await page.waitForFunction(() => location.hash.includes("dataset=custom"));
    const before = await read(page);
    assert.equal(before.iteration, 500);
    assert.equal(before.points.train.length, 6);
    assert.deepEqual([before.play, before.pageLang, before.explainer], ["Play", "en", { en: true, zh: false }]);

    const same = (now, what) => {
      assert.ok(now.samePage, `${what}: the page was loaded again`);
      assert.equal(now.iteration, before.iteration, `${what}: the iteration`);
      assert.equal(now.costBits, before.costBits, `${what}: the cost's bits`);
      assert.deepEqual(now.points, before.points, `${what}: the points`);
      assert.deepEqual(now.settings, before.settings, `${what}: the settings`);
      for (const setting of ["hidden-units=3", "learning-rate=0.5", "dataset=custom"]) {
        assert.ok(now.hash.includes(setting), `${what}: ${setting} is in ${now.hash}`);
      }
    };

    await page.locator('a[href*="lang=zh"]').click();
    await waitForLang(page, "zh");
    const zh = await read(page);
    same(zh, "to Chinese");
    assert.deepEqual([zh.play, zh.pageLang, zh.explainer], ["开始", "zh", { en: false, zh: true }]);
    assert.match(zh.hash, /lang=zh/);

    await page.locator('a[href*="lang=en"]').click();
    await waitForLang(page, "en");
    const en = await read(page);
    same(en, "back to English");
    assert.deepEqual([en.play, en.pageLang, en.explainer], ["Play", "en", { en: true, zh: false }]);

    // The browser's Back button goes back to Chinese, the run still there.
    await page.goBack();
    await waitForLang(page, "zh");
    same(await read(page), "Back");
  }));

test("without the page's script the link is still a link to the Chinese page", () =>
  withPage("", async ({ page }) => {
    const href = await page.locator("section.explainer[lang=en] a[href*='lang=zh']").evaluate((a) => a.getAttribute("href"));
    const url = new URL(href, page.url());
    const lang = new URLSearchParams(url.hash.slice(1)).get("lang") ?? url.searchParams.get("lang");
    assert.equal(lang, "zh");
  }));
