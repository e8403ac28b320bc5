// Firefox ESR through puppeteer-core over WebDriver BiDi (stock Firefox
// speaks it; no geckodriver), behind the interface harness.mjs describes.

import puppeteer from "puppeteer-core";
import { scriptedPage } from "./scripted-page.mjs";

const KEYS = { Tab: "Tab", Enter: "Enter", Space: " ", ArrowRight: "ArrowRight", ArrowLeft: "ArrowLeft", Home: "Home", End: "End", Escape: "Escape" };

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
      try {
        const page = await context.newPage();
        const scripted = scriptedPage(page, { touch, keys: KEYS, close: () => context.close() });
        await page.setViewport({ width, height, deviceScaleFactor: 1, hasTouch: touch });
        if (initScript) await page.evaluateOnNewDocument(initScript);
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
