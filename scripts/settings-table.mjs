// Writes www/settings-table.js, the page's copy of the Rust settings table
// (crates/sepal/src/settings/table.rs), from the wasm's `settingsTable()`.
// The element needs the table before its wasm has loaded (its attribute
// names, its controls), so the table is generated into a module;
// tests/settings-table.test.mjs fails when the copy is not current.
//
//   cargo xtask build && node scripts/settings-table.mjs

import { readFile, writeFile } from "node:fs/promises";

const www = new URL("../www/", import.meta.url);

/** The table as the wasm gives it. */
export async function wasmTable() {
  const wasm = await import(new URL("pkg/sepal.js", www).href);
  await wasm.default({ module_or_path: await readFile(new URL("pkg/sepal_bg.wasm", www)) });
  return wasm.settingsTable();
}

/** The text of www/settings-table.js for `table`. */
export function tableModule(table) {
  const rows = table.map((row) => `  ${JSON.stringify(row)},`).join("\n");
  return `// The settings table, one row per setting, generated from the Rust table
// (crates/sepal/src/settings/table.rs) by \`node scripts/settings-table.mjs\`.
// Do not edit: change the Rust row and run the script again
// (tests/settings-table.test.mjs checks this copy is current).

export const SETTINGS = Object.freeze([
${rows}
]);
`;
}

export const TABLE_MODULE = new URL("settings-table.js", www);

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeFile(TABLE_MODULE, tableModule(await wasmTable()));
  console.log(`wrote ${TABLE_MODULE.pathname}`);
}
