// The settings table drives the page: these tests walk it, row by row.
// www/settings-table.js (the page's copy, which the element needs before
// its wasm loads) must be the Rust table as the wasm gives it; every row
// placed on the page has a control, words in every language and a URL round
// trip. (Each row's CLI option and model-file round trip are walked in
// crates/sepal-cli/src/args.rs and crates/sepal-wasm/src/model/tests/round_trip.rs.)

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";
import { SETTINGS } from "../www/settings-table.js";
import { strings } from "../www/strings.js";
import { zh } from "../www/strings-zh.js";
import { allowedText } from "../www/setting-fields.js";
import { wasmTable, tableModule, TABLE_MODULE } from "../scripts/settings-table.mjs";
import { readFile } from "node:fs/promises";

test("www/settings-table.js is the Rust table (else: node scripts/generate.mjs)", async () => {
  const table = await wasmTable();
  assert.equal(await readFile(TABLE_MODULE, "utf8"), tableModule(table));
});

test("every row has words in every language", () => {
  for (const [lang, text] of Object.entries({ en: strings("en"), zh })) {
    const all = { ...strings("en"), ...text };
    for (const row of SETTINGS) {
      const allowed = allowedText(row, all);
      assert.ok(allowed && !/[{}]/.test(allowed), `${lang}: what ${row.param} allows: ${allowed}`);
      assert.equal(typeof text[`${row.key}Title`], "string", `${lang}: what ${row.param} does (${row.key}Title)`);
      if (row.place === "nowhere") continue;
      assert.equal(typeof text[row.key], "string", `${lang}: the label of ${row.param}`);
      for (const choice of row.choices ?? []) {
        assert.equal(typeof all[`${row.param}.${choice}`], "string", `${lang}: the name of ${row.param}=${choice}`);
      }
    }
  }
});

test("every row placed on the page has a control, and every row a URL round trip", async () => {
  // One link with every setting at a value other than its default.
  const hash = SETTINGS.map((row) => `${row.param}=${encodeURIComponent(row.example)}`).join("&");
  await withPage(`#${hash}&autoplay=0`, async ({ element }) => {
    const seen = await element.evaluate(async (el) => {
      await new Promise((resolve) => setTimeout(resolve, 400)); // the hash is written after a pause
      const controls = {};
      for (const control of el.shadowRoot.querySelectorAll("[name]")) controls[control.name] = control.closest("[part]").getAttribute("part");
      return { settings: el.settings, hash: location.hash, controls, pictures: el.shadowRoot.querySelectorAll("[data-dataset]").length };
    });
    const written = new URLSearchParams(seen.hash.slice(1));
    for (const row of SETTINGS) {
      const expected = row.key === "autoplay" ? 0 : row.example;
      assert.equal(seen.settings[row.key], expected, `${row.param} from the link`);
      if (row.key !== "autoplay") assert.equal(written.get(row.param), String(expected), `${row.param} back in the hash`);
      if (row.key === "dataset") {
        assert.equal(seen.pictures, row.choices.length, "a picture per dataset");
      } else if (row.place === "nowhere") {
        assert.equal(seen.controls[row.param], undefined, `${row.param} has no control`);
      } else {
        assert.equal(seen.controls[row.param], row.place, `${row.param}'s control is in part="${row.place}"`);
      }
    }
  });
});

test("the element's attributes are the table's settings", async () => {
  await withPage("", async ({ page }) => {
    const observed = await page.evaluate(() => customElements.get("sepal-playground").observedAttributes);
    assert.deepEqual(
      observed.filter((name) => name !== "controls" && name !== "folded"),
      SETTINGS.map((row) => row.param),
    );
  });
});
