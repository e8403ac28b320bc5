// Loading the wasm module: once per page, however many elements there are.
//
// The wasm comes from `pkg/sepal_bg.wasm` next to this file, or, in the
// single-file build (`cargo xtask dist`), from the base64 text the page puts
// in `globalThis.SEPAL_WASM_BASE64` before any module runs.

import init, { Playground, parseSettings, freshSeed, lastPanic, datasetPoints } from "./pkg/sepal.js";

/**
 * The bytes of a base64 string: the engine's own decoder where it has one
 * (~1 ms for the wasm's 450 KB of text, against ~10 ms for this loop, on
 * the single file's way to its first frame: #15).
 */
function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Fetched and compiled as soon as this module is evaluated (index.html runs
// it as an async script ahead of the element's modules), while the rest of
// the page loads; every element then instantiates this one compiled module.
const embedded = globalThis.SEPAL_WASM_BASE64;
const compiled = embedded
  ? WebAssembly.compile(decodeBase64(embedded))
  : WebAssembly.compileStreaming(fetch(new URL("./pkg/sepal_bg.wasm", import.meta.url)));
// A failure is reported by loadWasm(), to the element that asked.
compiled.catch(() => {});

let loading = null;

/**
 * Resolves to the wasm API: `{memory, Playground, parseSettings,
 * freshSeed, lastPanic, datasetPoints}`. Every call returns the same
 * promise. (The settings table is settings-table.js, generated from the
 * wasm's `settingsTable()`.)
 */
export function loadWasm() {
  loading ??= (async () => {
    const exports = await init({ module_or_path: compiled });
    return {
      memory: exports.memory,
      Playground,
      parseSettings,
      freshSeed,
      lastPanic,
      datasetPoints,
    };
  })();
  return loading;
}
