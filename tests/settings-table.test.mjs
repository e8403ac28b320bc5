// The element must know its attributes before the wasm loads, so
// settings-url.js lists the settings' names; they must be exactly the Rust
// table's (sepal::settings::SPECS), in the same order.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test("the element's attribute names are the settings table's", async () => {
  const { page, problems, close } = await openPage(browser);
  try {
    const names = await page.evaluate(async () => {
      const base = document.baseURI;
      const wasm = await import(new URL("pkg/sepal.js", base).href);
      await wasm.default();
      const { SETTING_PARAMS } = await import(new URL("settings-url.js", base).href);
      return {
        table: wasm.settingsTable().map((row) => row.param),
        element: SETTING_PARAMS,
        observed: customElements.get("sepal-playground").observedAttributes.filter((n) => SETTING_PARAMS.includes(n)),
      };
    });
    assert.deepEqual(names.element, names.table);
    assert.deepEqual(names.observed, names.table);
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
