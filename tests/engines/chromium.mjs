// Chromium through playwright-core (as the other end-to-end tests), behind
// the interface harness.mjs describes.

import { chromium } from "playwright-core";
import { chromiumOptions } from "../chromium.mjs";
import { scriptedPage } from "./scripted-page.mjs";

const KEYS = { Tab: "Tab", Enter: "Enter", Space: "Space" };

export async function launch() {
  const browser = await chromium.launch(chromiumOptions());
  return {
    version: browser.version(),
    async open(url, { width, height, touch = false, initScript }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, hasTouch: touch });
      const problems = [];
      try {
        const page = await context.newPage();
        page.on("console", (message) => {
          if (["error", "warning"].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
        page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
        if (initScript) await page.addInitScript(initScript);
        await page.goto(url);
        return scriptedPage(page, { problems, touch, keys: KEYS, close: () => context.close() });
      } catch (error) {
        await context.close();
        throw error;
      }
    },
    close: () => browser.close(),
  };
}
