// The native bits that crates/sepal-wasm's native tests assert
// (crates/sepal-wasm/tests/common/pinned_bits.rs), read from that file so
// there is one copy, for the browser tests that must give the same bits.

import { readFileSync } from "node:fs";

const PINNED = readFileSync(new URL("../crates/sepal-wasm/tests/common/pinned_bits.rs", import.meta.url), "utf8");

/** A pinned constant of pinned_bits.rs as 16 hex digits. */
export function pinned(name) {
  const hex = PINNED.match(new RegExp(`const ${name}: u64 = 0x([0-9a-f_]+);`))[1].replaceAll("_", "");
  return hex.padStart(16, "0");
}

/** The settings of the Adam mini-batch pin (ADAM_BATCH_SETTINGS), as a query string. */
export const ADAM_BATCH_QUERY = [...PINNED.match(/const ADAM_BATCH_SETTINGS[^\n]*/)[0].matchAll(/\("([a-z-]+)", "([a-z0-9.,]+)"\)/g)]
  .map(([, name, value]) => `${name}=${value}`)
  .join("&");

/** The settings of the mini-batch dropout pin (MINI_BATCH_DROPOUT_SETTINGS, #17), as a query string. */
export const MINI_BATCH_DROPOUT_QUERY = [...PINNED.match(/const MINI_BATCH_DROPOUT_SETTINGS[^\n]*/)[0].matchAll(/\("([a-z-]+)", "([a-z0-9.,]+)"\)/g)]
  .map(([, name, value]) => `${name}=${value}`)
  .join("&");
