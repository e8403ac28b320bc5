// Chromium through playwright-core (as the other end-to-end tests), behind
// the interface harness.mjs describes.

import { chromium } from "playwright-core";
import { chromiumOptions } from "../chromium.mjs";
import { scriptedPage } from "./scripted-page.mjs";

const KEYS = { Tab: "Tab", Enter: "Enter", Space: "Space", ArrowRight: "ArrowRight", ArrowLeft: "ArrowLeft", Home: "Home", End: "End", Escape: "Escape" };

export async function launch() {
  const browser = await chromium.launch(chromiumOptions());
  return {
    version: browser.version(),
    async open(url, { width, height, touch = false, initScript }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, hasTouch: touch });
      try {
        const page = await context.newPage();
        const scripted = scriptedPage(page, { touch, keys: KEYS, close: () => context.close() });
        page.on("requestfailed", (request) => scripted.problems.push(`request failed: ${request.url()}`));
        if (initScript) await page.addInitScript(initScript);
        await page.goto(url);
        return scripted;
      } catch (error) {
        await context.close();
        throw error;
      }
    },
    close: () => browser.close(),
  };
}
