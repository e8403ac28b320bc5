// Where the wasm's bytes and a course iteration's time go, by function.
//
//   node bench/profile/wasm.mjs DIR
//
// DIR holds a wasm-bindgen build that kept its function names
// (`wasm-bindgen --keep-debug`; `cargo xtask profile` makes one). Prints
// the code size per crate and the largest functions, read from the name
// section, then a sampling profile (V8's, through node:inspector) of
// Playground.step on the default settings, self time per function. Node
// runs the same V8 as Chromium; the iteration time it shows is close to
// the browser's.

import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";

const dir = path.resolve(process.argv[2] ?? "target/profile/pkg");
const bytes = fs.readFileSync(path.join(dir, "sepal_bg.wasm"));

/** Unsigned LEB128 at `at`: [value, next offset]. */
function leb(at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Sections as {id, start, size}, and custom sections' names. */
function sections() {
  const out = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(at + 1);
    let name = null;
    if (id === 0) {
      const [length, from] = leb(start);
      name = bytes.subarray(from, from + length).toString();
    }
    out.push({ id, start, size, name });
    at = start + size;
  }
  return out;
}

/** Limits (of a table or memory) at `at`: the offset after them. */
function skipLimits(at) {
  const flags = bytes[at];
  at = leb(at + 1)[1];
  return flags & 1 ? leb(at)[1] : at;
}

/** How many functions are imported: function indices start after them. */
function importedFunctions(section) {
  if (!section) return 0;
  let functions = 0;
  let [count, at] = leb(section.start);
  for (; count > 0; count -= 1) {
    for (let i = 0; i < 2; i += 1) {
      const [length, next] = leb(at); // module, then field name
      at = next + length;
    }
    const kind = bytes[at++];
    if (kind === 0) {
      functions += 1;
      at = leb(at)[1];
    } else if (kind === 1) {
      at = skipLimits(at + 1); // reference type, limits
    } else if (kind === 2) {
      at = skipLimits(at);
    } else if (kind === 3) {
      at += 2; // value type, mutability
    } else {
      at = leb(at + 1)[1]; // tag: attribute, type
    }
  }
  return functions;
}

/** Function names from the name section's function subsection. */
function functionNames(section) {
  const names = new Map();
  if (!section) return names;
  const [length, from] = leb(section.start);
  const end = section.start + section.size;
  for (let at = from + length; at < end; ) {
    const kind = bytes[at];
    const [size, body] = leb(at + 1);
    if (kind === 1) {
      let [count, p] = leb(body);
      for (; count > 0; count -= 1) {
        const [index, q] = leb(p);
        const [chars, r] = leb(q);
        names.set(index, bytes.subarray(r, r + chars).toString());
        p = r + chars;
      }
    }
    at = body + size;
  }
  return names;
}

function codeSizes() {
  const all = sections();
  const imported = importedFunctions(all.find((s) => s.id === 2));
  const nameSection = all.find((s) => s.name === "name");
  const names = functionNames(nameSection);
  const code = all.find((s) => s.id === 10);
  const functions = [];
  let [count, at] = leb(code.start);
  for (let i = 0; i < count; i += 1) {
    const [size, body] = leb(at);
    functions.push({ name: names.get(imported + i) ?? `function ${imported + i}`, size });
    at = body + size;
  }
  const data = all.filter((s) => s.id === 11).reduce((sum, s) => sum + s.size, 0);
  return { functions, data, total: bytes.length - (nameSection ? nameSection.size : 0) };
}

/**
 * The crate a function belongs to: its path's first segment, or for an
 * impl of a trait for a type without a path (`<f64 as core::…>`), the
 * trait's; the exports and imports wasm-bindgen generates count as theirs.
 */
function crateOf(name) {
  const segment = "([A-Za-z_][A-Za-z0-9_]*)(?:\\[[0-9a-f]+\\])?::";
  const path = new RegExp(`^<?(?:&(?:mut )?)?${segment}`).exec(name);
  if (path) return path[1];
  const trait = new RegExp(` as <?${segment}`).exec(name);
  if (trait) return trait[1];
  if (/^(playground_|__wbg|__wbindgen|__externref)/.test(name)) return "(wasm-bindgen glue)";
  return "(other)";
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

function printSizes() {
  const { functions, data, total } = codeSizes();
  const code = functions.reduce((sum, f) => sum + f.size, 0);
  console.log(`wasm without names: ${kb(total)} (code ${kb(code)}, data ${kb(data)}), before wasm-opt`);
  const byCrate = new Map();
  for (const f of functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
  console.log("\ncode by crate:");
  for (const [name, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`  ${kb(size).padStart(9)}  ${name}`);
  }
  console.log("\nlargest functions:");
  for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, 15)) {
    console.log(`  ${kb(f.size).padStart(9)}  ${f.name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 110)}`);
  }
}

async function printIterationProfile() {
  const { default: init, Playground } = await import(path.join(dir, "sepal.js"));
  await init({ module_or_path: bytes });
  const pg = new Playground({});
  const iterations = 2000;
  const batch = () => {
    pg.reset();
    const start = performance.now();
    pg.step(iterations);
    return ((performance.now() - start) * 1000) / iterations;
  };
  for (let i = 0; i < 5; i += 1) batch(); // optimised code, not the baseline tier
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 });
  await session.post("Profiler.start");
  let fastest = Infinity;
  for (let i = 0; i < 40; i += 1) fastest = Math.min(fastest, batch());
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const selfSamples = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const id of profile.samples) {
    const name = byId.get(id).callFrame.functionName || "(anonymous)";
    selfSamples.set(name, (selfSamples.get(name) ?? 0) + 1);
  }
  const inWasm = [...selfSamples].filter(([name]) => name.includes("::"));
  const total = inWasm.reduce((sum, [, n]) => sum + n, 0);
  console.log(`\ncourse iteration (n_h 4, m 400) in node's V8: fastest batch ${fastest.toFixed(2)} µs`);
  console.log("self time in wasm, by function (inlined callees count as their caller):");
  for (const [name, n] of inWasm.sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    const share = n / total;
    console.log(`  ${(100 * share).toFixed(1).padStart(5)} %  ${(share * fastest).toFixed(2).padStart(5)} µs  ${name.replace(/::h[0-9a-f]{16}$/, "")}`);
  }
  pg.free();
}

printSizes();
await printIterationProfile();
