// index.html preloads every module of the page, so that they download
// together rather than one level of imports after another. The list is
// written by hand; this keeps it equal to what the page loads. Not the
// wasm: WebKit would download it twice (see index.html).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("index.html preloads exactly the modules the page loads, and not the wasm", () =>
  withPage("", async ({ page }) => {
    const { preloaded, loaded } = await page.evaluate(() => {
      const preloaded = [...document.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((l) => l.href);
      const scripts = [...document.querySelectorAll("script[src]")].map((s) => s.src);
      const loaded = performance
        .getEntriesByType("resource")
        .map((r) => r.name)
        .filter((url) => /\.js$/.test(new URL(url).pathname) && !scripts.includes(url));
      return { preloaded, loaded };
    });
    assert.ok(!preloaded.some((url) => url.endsWith(".wasm")), "the wasm is not preloaded");
    assert.deepEqual([...new Set(loaded)].sort(), [...preloaded].sort());
  }));
