// Shared by the end-to-end tests: one headless Chromium per test file, one
// fresh page per test, and a record of every console error and page error
// so that each test can assert there were none.
//
// SEPAL_URL is the served www/ (`cargo xtask test` starts a server and sets
// it); CHROMIUM is the browser binary.

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { chromiumOptions } from "./chromium.mjs";

export const BASE_URL = process.env.SEPAL_URL || "http://127.0.0.1:8000/";

export function launchBrowser() {
  return chromium.launch(chromiumOptions());
}

/**
 * Opens `path` (relative to BASE_URL, e.g. "?model=logistic#seed=4") in a
 * new context and waits for the element's `ready`. Returns
 * {page, problems, close}; `problems` collects console errors and page errors.
 */
export async function openPage(browser, path = "", { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(new URL(path, BASE_URL).href);
  await page.evaluate(async () => {
    await customElements.whenDefined("sepal-playground");
    await document.querySelector("sepal-playground").ready;
  });
  return { page, problems, close: () => context.close() };
}

/** Fails the test if the page logged an error or threw. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], "the page logged errors");
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

/** The text of the element's notice ("" when it is hidden). */
export function noticeText(page) {
  return page.evaluate(() => {
    const notice = document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]');
    return notice.hidden ? "" : notice.textContent;
  });
}
