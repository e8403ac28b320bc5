// Shared by the end-to-end tests: one headless browser per test file
// (launched when a test first asks for a page, closed after the file's
// last test), one fresh context and page per test, and a record of every
// console error, page error and failed request, which must stay empty
// unless a test says otherwise.
//
// SEPAL_URL is the served www/ (`cargo xtask test` starts a server and sets
// it); CHROMIUM is the browser binary.

import { chromium } from "playwright-core";
import { after } from "node:test";
import assert from "node:assert/strict";
import { chromiumOptions } from "./chromium.mjs";

export const BASE_URL = process.env.SEPAL_URL || "http://127.0.0.1:8000/";

/**
 * Starts the browser: the one engine-specific place of the tests. Running
 * them in another engine means launching that engine here.
 */
export function launchBrowser() {
  return chromium.launch(chromiumOptions());
}

/** This test file's browser (a promise), once a test has asked for a page. */
let shared;

// Registered at the test file's top level: this module is imported before
// any of its tests runs.
after(async () => {
  const browser = await shared?.catch(() => null);
  await browser?.close();
});

/**
 * Opens `path` (relative to BASE_URL, e.g. "?model=logistic#seed=4"; an
 * absolute URL as it is) in a new context and waits for the element's
 * `ready`. Options: `width` and `height` of the viewport, `context` (more
 * options for the new context, e.g. `{ locale: "zh-CN" }`) and `setup`,
 * called with {context, page} before the page loads.
 * Returns {page, problems, response, close}; `problems` collects console
 * errors, page errors and failed requests; `response` is the page's own.
 */
export async function openPage(browser, path = "", { width = 1280, height = 900, context: options, setup } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, ...options });
  try {
    const page = await context.newPage();
    const problems = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
    await setup?.({ context, page });
    const response = await page.goto(new URL(path, BASE_URL).href);
    await page.evaluate(async () => {
      await customElements.whenDefined("sepal-playground");
      await document.querySelector("sepal-playground").ready;
    });
    return { page, problems, response, close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * Opens `path` like openPage (with its `options`, which may be left out) in
 * this file's browser and runs `body({page, element, problems, response})`.
 * `element` is a locator of the page's (first) <sepal-playground>:
 * `element.evaluate((el, arg) => …, arg)` runs in the page with the element,
 * `element.locator(…)` finds what is inside it. Then fails the test if the
 * page logged an error, unless `options.checkProblems` is false (for a test
 * that looks at `problems` itself), and always closes the page's context.
 */
export async function withPage(path, options, body) {
  if (typeof options === "function") [options, body] = [{}, options];
  const { checkProblems = true, ...open } = options;
  shared ??= launchBrowser();
  const { page, problems, response, close } = await openPage(await shared, path, open);
  try {
    await body({ page, element: page.locator("sepal-playground").first(), problems, response });
    if (checkProblems) assertNoProblems(problems);
  } finally {
    await close();
  }
}

/** Fails the test if the page logged an error or threw. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], "the page logged errors");
}

/**
 * For openPage's `setup`, with its context: the page records its
 * Content-Security-Policy violations from before its first script runs;
 * `policyViolations(page)` reads them.
 */
export function recordPolicyViolations(context) {
  return context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
}

/** The page's policy violations so far, as "directive: blocked URI" (see recordPolicyViolations). */
export function policyViolations(page) {
  return page.evaluate(() => window.__violations);
}

/** A cheap hash of the plot canvas's pixels, to tell whether it changed. */
export function plotHash(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector("sepal-playground").shadowRoot.querySelector('[part="plot"]');
    const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619);
    return hash >>> 0;
  });
}

/** The bytes of a finished download. */
export async function readDownload(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The text of the element's notice ("" when it is hidden). */
export function noticeText(page) {
  return page.evaluate(() => {
    const notice = document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]');
    return notice.hidden ? "" : notice.textContent;
  });
}
