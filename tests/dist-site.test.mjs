// dist/, the site `cargo xtask dist` makes for a host: its page runs
// esbuild's minified bundles of www/'s modules (shared code in chunks the
// page preloads), asks for no plain module, and is the same playground:
// the course's numbers, and a model file saved and loaded back exactly.
// `cargo xtask test` serves dist/ under /dist/; SEPAL_DIST_URL says where
// it is otherwise.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, BASE_URL } from "./helpers.mjs";

const DIST_URL = process.env.SEPAL_DIST_URL || new URL("dist/", BASE_URL).href;
/** What the page loads of JavaScript: its three scripts' bundles and their chunks. */
const BUNDLES = /^(wasm|sepal-playground|page|chunk-[A-Z0-9]+)\.js$/;

test("dist/index.html loads only its bundles and the chunks it preloads, and trains the course's numbers", () =>
  withPage(new URL("index.html", DIST_URL).href, async ({ page, element }) => {
    const { preloaded, scripts, loaded } = await page.evaluate(() => {
      const name = (url) => new URL(url).pathname.split("/").pop();
      return {
        preloaded: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => name(l.href)),
        scripts: [...document.querySelectorAll("script[src]")].map((s) => name(s.src)),
        loaded: performance
          .getEntriesByType("resource")
          .map((r) => r.name)
          .filter((url) => /\.js$/.test(new URL(url).pathname))
          .map(name),
      };
    });
    assert.deepEqual(scripts.sort(), ["page.js", "sepal-playground.js", "wasm.js"]);
    assert.ok(preloaded.length > 0 && preloaded.every((file) => /^chunk-/.test(file)), `preloads: ${preloaded}`);
    for (const file of loaded) assert.match(file, BUNDLES, "no plain module of www/ is loaded");
    assert.deepEqual(
      [...new Set(loaded)].filter((file) => !scripts.includes(file)).sort(),
      [...preloaded].sort(),
      "every chunk it loads is preloaded",
    );
    const costs = await element.evaluate((el) => {
      const start = el.cost;
      el.step(1000);
      return { start, after1000: el.cost };
    });
    // REFERENCE.md: the course's cost 0.693162 at iteration 0 and 0.258625 after 1000.
    assert.ok(Math.abs(costs.start - 0.693162) < 1e-6, `${costs.start}`);
    assert.ok(Math.abs(costs.after1000 - 0.258625) < 1e-6, `${costs.after1000}`);
  }));

test("in dist/, a saved model file loads back to the same run", () =>
  withPage(new URL("index.html#hidden-units=3&learning-rate=0.5", DIST_URL).href, async ({ element }) => {
    const { before, after } = await element.evaluate(async (el) => {
      el.step(300);
      const file = el.exportModel();
      const before = { file, cost: el.cost, iteration: el.iteration };
      el.reset();
      await el.importModel(file);
      return { before, after: { file: el.exportModel(), cost: el.cost, iteration: el.iteration } };
    });
    assert.equal(after.iteration, 300);
    assert.equal(after.cost, before.cost, "the same bits");
    assert.equal(after.file, before.file);
  }));

// #15: the Chinese strings are a chunk of their own, which a page in English
// neither preloads nor loads; a page in Chinese loads it before its first frame.
test("in dist/, a page in Chinese loads the Chinese strings, a chunk the page does not preload, before its first frame", () =>
  withPage(new URL("index.html#lang=zh", DIST_URL).href, async ({ page, element }) => {
    const { preloaded, chunks } = await page.evaluate(() => {
      const name = (url) => new URL(url).pathname.split("/").pop();
      return {
        preloaded: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => name(l.href)),
        chunks: performance
          .getEntriesByType("resource")
          .map((r) => name(r.name))
          .filter((file) => /^chunk-/.test(file)),
      };
    });
    const extra = [...new Set(chunks)].filter((file) => !preloaded.includes(file));
    assert.equal(extra.length, 1, `chunks loaded beside the preloaded ones: ${extra}`);
    const play = await element.evaluate((el) => el.shadowRoot.querySelector('[data-action="toggle"]').textContent);
    assert.equal(play, "开始");
  }));
