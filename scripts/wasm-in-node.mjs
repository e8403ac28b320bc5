// The page's wasm (www/pkg, from `cargo xtask build`) loaded in Node, for
// the scripts that generate files from the settings table.

import { readFile } from "node:fs/promises";

export const WWW = new URL("../www/", import.meta.url);

let loading = null;

/** The wasm-bindgen module, initialised once. */
export function loadWasm() {
  loading ??= (async () => {
    let wasm;
    try {
      wasm = await import(new URL("pkg/sepal.js", WWW).href);
    } catch (error) {
      throw new Error(`www/pkg/sepal.js cannot be loaded (run \`cargo xtask build\` first): ${error.message}`);
    }
    await wasm.default({ module_or_path: await readFile(new URL("pkg/sepal_bg.wasm", WWW)) });
    return wasm;
  })();
  return loading;
}
