// index.html preloads every module of the page and the wasm, so that they
// download together rather than one level of imports after another. The
// list is written by hand; this keeps it equal to what the page loads.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("index.html preloads exactly the modules and the wasm the page loads", () =>
  withPage("", async ({ page }) => {
    const { preloaded, loaded } = await page.evaluate(() => {
      const preloaded = [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((l) => l.href);
      const scripts = [...document.querySelectorAll("script[src]")].map((s) => s.src);
      const loaded = performance
        .getEntriesByType("resource")
        .map((r) => r.name)
        .filter((url) => /\.(js|wasm)$/.test(new URL(url).pathname) && !scripts.includes(url));
      return { preloaded, loaded };
    });
    assert.ok(preloaded.some((url) => url.endsWith("/pkg/sepal_bg.wasm")), "the wasm is preloaded");
    assert.deepEqual([...new Set(loaded)].sort(), [...preloaded].sort());
  }));
