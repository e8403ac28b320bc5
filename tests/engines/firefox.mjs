// Firefox ESR through puppeteer-core over WebDriver BiDi (stock Firefox
// speaks it; no geckodriver), behind the interface harness.mjs describes.

import puppeteer from "puppeteer-core";
import { scriptedPage } from "./scripted-page.mjs";

const KEYS = { Tab: "Tab", Enter: "Enter", Space: " " };

export async function launch() {
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
    headless: true,
    protocolTimeout: 120_000,
  });
  return {
    version: (await browser.version()).replace(/^firefox\//i, ""),
    async open(url, { width, height, touch = false, initScript }) {
      const context = await browser.createBrowserContext();
      const problems = [];
      try {
        const page = await context.newPage();
        page.on("console", (message) => {
          if (["error", "warn", "warning"].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
        });
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
        await page.setViewport({ width, height, deviceScaleFactor: 1, hasTouch: touch });
        if (initScript) await page.evaluateOnNewDocument(initScript);
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
