// www/settings-table.js, the page's copy of the Rust settings table
// (crates/sepal/src/settings/table.rs), made from the wasm's
// `settingsTable()` (scripts/generate.mjs writes it). The element needs the
// table before its wasm has loaded (its attribute names, its controls), so
// the table is generated into a module; tests/settings-table.test.mjs fails
// when the copy is not current.

import { loadWasm, WWW } from "./wasm-in-node.mjs";

/** The table as the wasm gives it. */
export async function wasmTable() {
  return (await loadWasm()).settingsTable();
}

/** The text of www/settings-table.js for `table`. */
export function tableModule(table) {
  const rows = table.map((row) => `  ${JSON.stringify(row)},`).join("\n");
  return `// The settings table, one row per setting, generated from the Rust table
// (crates/sepal/src/settings/table.rs) by \`node scripts/generate.mjs\`.
// Do not edit: change the Rust row and run the script again
// (tests/settings-table.test.mjs checks this copy is current).

export const SETTINGS = Object.freeze([
${rows}
]);
`;
}

export const TABLE_MODULE = new URL("settings-table.js", WWW);
