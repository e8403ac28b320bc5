// Writes every file generated from the Rust settings table: the page's copy
// of the table (www/settings-table.js), the element's TypeScript
// declarations (www/sepal-playground.d.ts) and its Custom Elements Manifest
// (www/custom-elements.json). Tests fail when one of them is not current.
//
//   cargo xtask build && node scripts/generate.mjs

import { writeFile } from "node:fs/promises";
import { wasmTable, tableModule, TABLE_MODULE } from "./settings-table.mjs";
import { elementApi, DTS_FILE, MANIFEST_FILE } from "./element-api.mjs";

await writeFile(TABLE_MODULE, tableModule(await wasmTable()));
const { dts, manifest } = await elementApi();
await writeFile(DTS_FILE, dts);
await writeFile(MANIFEST_FILE, manifest);
console.log("wrote www/settings-table.js, www/sepal-playground.d.ts and www/custom-elements.json");
