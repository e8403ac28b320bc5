// The cross-engine tests (`*.engine.mjs`) run once per engine:
// SEPAL_ENGINE=chromium|firefox|webkit picks the driver, `<engine>.mjs`,
// each with the same few operations, so that one test reads the same in
// every engine:
//
//   launch() → browser: {version, open(url, {width, height, touch, initScript}), close()}
//   open(…) → page: {evaluate(fn, args), press("Tab"|"Enter"|"Space"|
//                    "ArrowRight"|"ArrowLeft"|"Home"|"End"|"Escape"),
//                    tap(x, y) (a touch when `touch` and the driver has one,
//                    else a click), screenshot() → PNG, problems (what the
//                    driver saw in the console), initScripts (whether
//                    `initScript` ran), touch (whether taps are real
//                    touches), close()}
//
// Clicks on buttons go through the page's DOM (`button.click()`); keys,
// taps and pointer input are the driver's own, real input. Pages come
// through server.mjs's proxy, which counts requests and puts probe.js first
// in every page: console errors and warnings, page errors and policy
// violations are read from the page in every engine.

import { after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { startServer } from "./server.mjs";

export const ENGINE = process.env.SEPAL_ENGINE || "chromium";
const BASE_URL = process.env.SEPAL_URL || "http://127.0.0.1:8000/";
export const SINGLE_FILE_URL = pathToFileURL(
  process.env.SEPAL_SINGLE_FILE || fileURLToPath(new URL("../../dist/sepal-playground.html", import.meta.url)),
).href;
const PROBE = readFileSync(new URL("probe.js", import.meta.url), "utf8");

/** The tests' own pages, served by the proxy beside www/. */
const PAGES = {
  "/__twice.html": `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Two playgrounds</title><link rel="icon" href="data:,">
<script type="module" src="sepal-playground.js"></script></head>
<body><sepal-playground id="first"></sepal-playground>
<sepal-playground id="second" dataset="moons" hidden-units="3" controls="none"></sepal-playground></body></html>`,
};

if (!["chromium", "firefox", "webkit"].includes(ENGINE)) throw new Error(`SEPAL_ENGINE=${ENGINE}: chromium, firefox or webkit`);

let browser;
let server;

/** This file's browser, launched once. */
export function engine() {
  browser ??= import(`./${ENGINE}.mjs`).then(({ launch }) => launch());
  return browser;
}

/** The proxy in front of SEPAL_URL (see server.mjs). */
export function proxy() {
  server ??= startServer(BASE_URL, PAGES);
  return server;
}

after(async () => {
  await (await browser?.catch(() => null))?.close();
  await (await server?.catch(() => null))?.close();
});

/**
 * Opens `path` (relative to the proxy, or an absolute URL such as a
 * file:// one) in this file's engine, waits for every <sepal-playground>'s
 * `ready` and runs `body({page, server})`. `page.element(fn, ...args)`
 * runs `fn(firstElement, ...args)` in the page, where `fn` may call
 * `bits(x)`. Options: `width`, `height`,
 * `touch`, and `checkProblems` (default true: the test fails if the page
 * logged an error or a warning or threw). The requests counted by `server`
 * are this page's. Always closes the page.
 */
export async function withEnginePage(path, options, body) {
  if (typeof options === "function") [options, body] = [{}, options];
  const { width = 1280, height = 900, touch = false, checkProblems = true } = options;
  const server = await proxy();
  server.resetHits();
  const url = /^[a-z]+:/.test(path) ? path : new URL(path, server.url).href;
  const page = await (await engine()).open(url, { width, height, touch, initScript: PROBE });
  try {
    page.element = (fn, ...args) =>
      page.evaluate(`(...args) => { const bits = ${bits}; return (${fn})(document.querySelector("sepal-playground"), ...args); }`, args);
    // Navigation may return before the module scripts ran (WebKit).
    await page.evaluate(async () => {
      await customElements.whenDefined("sepal-playground");
      await Promise.all([...document.querySelectorAll("sepal-playground")].map((el) => el.ready));
    }, []);
    await body({ page, server });
    if (checkProblems) assert.deepEqual(await problems(page), [], "the page logged errors or warnings");
  } finally {
    await page.close();
  }
}

/** What the driver and probe.js saw: console errors and warnings, page errors. */
export async function problems(page) {
  const probed = await probe(page);
  return [...page.problems, ...(probed?.problems ?? [])];
}

/** probe.js's record (null where it could not run: file:// in WebKit). */
export function probe(page) {
  return page.evaluate(() => window.__engineProbe ?? null, []);
}

/** The bits of a double as 16 hex digits (in the page, through page.element). */
function bits(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** The native bits (crates/xtask/src/engines.rs reads them from the pinned constants of sepal-wasm's tests). */
export const NATIVE = {
  cost1000: process.env.SEPAL_NATIVE_COST_BITS,
  map: process.env.SEPAL_NATIVE_MAP_CHECKSUM,
};

/**
 * Waits in the page until `condition(element)` (a function's source, run in
 * the page) is true, checking every 20 ms, for at most `limit` ms. (Not
 * each animation frame: WebKit may stop them in a page it sees as idle.)
 */
export function waitFor(page, condition, limit = 60_000) {
  return page.evaluate(
    `(limit) => new Promise((resolve, reject) => {
      const el = document.querySelector("sepal-playground");
      const started = performance.now();
      const check = () => {
        if ((${condition})(el)) resolve(true);
        else if (performance.now() - started > limit) reject(new Error("timed out waiting for: " + ${JSON.stringify(String(condition))}));
        else setTimeout(check, 20);
      };
      check();
    })`,
    [limit],
  );
}

/** A hash of the plot canvas's pixels, to tell whether it changed. */
export function plotHash(page) {
  return page.element((el) => {
    // Read through a copy: repeated getImageData on the plot itself makes
    // Chromium warn (willReadFrequently), which would fail the test.
    const plot = el.shadowRoot.querySelector('[part="plot"]');
    const copy = document.createElement("canvas");
    [copy.width, copy.height] = [plot.width, plot.height];
    const context = copy.getContext("2d", { willReadFrequently: true });
    context.drawImage(plot, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619);
    return hash >>> 0;
  });
}
