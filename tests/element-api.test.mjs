// The element's API for tools — www/sepal-playground.d.ts and
// www/custom-elements.json, written by scripts/element-api.mjs — must be
// what the script writes from the settings table today, must describe the
// element as it is in a page (members, attributes, parts, events, the
// settings' and parameters' types), and the declarations must type-check
// a strict TypeScript page that uses the element (element-api-usage.ts).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { withPage } from "./helpers.mjs";
import {
  elementApi,
  loadTable,
  settingType,
  DTS_FILE,
  MANIFEST_FILE,
  EXPERIMENT_KINDS,
  PROGRESS_DETAIL,
  PARAMETERS,
} from "../scripts/element-api.mjs";

const REGENERATE = "run `node scripts/generate.mjs` (after `cargo xtask build`) and commit the result";
/** The custom-element callbacks: the browser's protocol, not the element's API. */
const LIFECYCLE = ["constructor", "connectedCallback", "disconnectedCallback", "adoptedCallback", "attributeChangedCallback"];

const manifestText = await readFile(MANIFEST_FILE, "utf8");
const element = JSON.parse(manifestText).modules[0].declarations[0];


/** Fails, naming the first line that differs, unless the committed `file` is `expected`. */
function assertCurrent(committed, expected, file) {
  if (committed === expected) return;
  const [a, b] = [committed.split("\n"), expected.split("\n")];
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  assert.fail(`${file} is out of date (line ${at + 1}: ${JSON.stringify(a[at])}, the script writes ${JSON.stringify(b[at])}): ${REGENERATE}`);
}

test("the committed d.ts and manifest are what the script writes from the settings table", async () => {
  const { dts, manifest } = await elementApi();
  assertCurrent(await readFile(DTS_FILE, "utf8"), dts, "www/sepal-playground.d.ts");
  assertCurrent(manifestText, manifest, "www/custom-elements.json");
});

/** Whether `value` has the type `text` of a settings field ("number", "string", a JSON literal, or a union). */
function hasType(value, text) {
  return text.split(" | ").some((alternative) => {
    if (alternative === "number" || alternative === "string") return typeof value === alternative;
    return value === JSON.parse(alternative);
  });
}

/** How deep `value` is an array of numbers: "number" 0, "number[]" 1, … (-1: not numbers). */
function depth(value) {
  if (typeof value === "number") return 0;
  if (!Array.isArray(value) || value.length === 0) return -1;
  const inner = value.map(depth);
  return inner.every((d) => d === inner[0] && d >= 0) ? inner[0] + 1 : -1;
}

test("the manifest and the types describe the element in the page", async () => {
  await withPage("", async ({ element: el }) => {
    const seen = await el.evaluate(async (el) => {
      const proto = customElements.get("sepal-playground").prototype;
      const members = Object.getOwnPropertyNames(proto).map((name) => {
        const d = Object.getOwnPropertyDescriptor(proto, name);
        return { name, kind: typeof d.value === "function" ? "method" : "field", readonly: !d.set };
      });
      const parts = [...el.shadowRoot.querySelectorAll("[part]")].flatMap((node) => node.getAttribute("part").split(/\s+/));
      const details = [];
      el.addEventListener("progress", (event) => details.push(event.detail));
      el.step(1);
      const shapes = {};
      for (const model of ["logistic", "shallow", "deep"]) {
        el.setAttribute("model", model);
        shapes[model] = { parameters: el.parameters, gradients: el.gradients };
      }
      const { EXPERIMENTS } = await import(new URL("experiments.js", document.baseURI).href);
      return {
        members,
        instance: Object.getOwnPropertyNames(el),
        observed: customElements.get("sepal-playground").observedAttributes,
        parts: [...new Set(parts)],
        settings: el.settings,
        detail: details[0],
        shapes,
        experiments: Object.keys(EXPERIMENTS),
      };
    });

    // Members: each one listed is there, of its kind; nothing public is unlisted.
    const listed = element.members.map((m) => ({ name: m.name, kind: m.kind, readonly: m.kind === "field" ? m.readonly === true : true }));
    const real = seen.members.filter((m) => !LIFECYCLE.includes(m.name));
    const byName = (a, b) => a.name.localeCompare(b.name);
    assert.deepEqual(real.sort(byName), [...listed].sort(byName), "the element's public members are not the manifest's: update MEMBERS in scripts/element-api.mjs");
    assert.deepEqual(seen.instance, [], "the element has public instance fields the manifest does not list");

    // Attributes: the observed ones, and url-settings (read when connected).
    const attributes = element.attributes.map((a) => a.name);
    assert.deepEqual(seen.observed, attributes.filter((name) => name !== "url-settings"));
    const source = await readFile(new URL("../www/sepal-playground.js", import.meta.url), "utf8");
    assert.ok(source.includes('hasAttribute("url-settings")'), "the element no longer reads url-settings");

    // Parts: the ones listed, no others.
    assert.deepEqual(seen.parts.sort(), element.cssParts.map((p) => p.name).sort(), "the shadow DOM's parts are not the manifest's");

    // Events: the element dispatches the listed ones and no others (from its own file and the modules it moved its wiring to).
    const wiring = ["element-rooms.js", "element-progress.js"].map((file) => readFile(new URL(`../www/${file}`, import.meta.url), "utf8"));
    const sources = [source, ...(await Promise.all(wiring))].join("\n");
    const dispatched = [...sources.matchAll(/new CustomEvent\("([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(dispatched)].sort(), element.events.map((e) => e.name).sort());
    assert.deepEqual(Object.keys(seen.detail).sort(), PROGRESS_DETAIL.map(([key]) => key).sort(), "progress's detail is not SepalProgressDetail");
    for (const [key, type] of PROGRESS_DETAIL) assert.equal(typeof seen.detail[key], type, `progress detail.${key}`);

    // The settings: the table's keys, each value of its declared type.
    const { table } = await loadTable();
    assert.deepEqual(Object.keys(seen.settings), table.map((row) => row.key));
    for (const row of table) {
      const value = seen.settings[row.key];
      assert.ok(hasType(value, settingType(row)), `settings.${row.key} is ${JSON.stringify(value)}, not ${settingType(row)}`);
    }

    // The parameters and gradients, per model.
    assert.deepEqual(Object.keys(PARAMETERS), table.find((row) => row.key === "model").choices);
    for (const [model, [, , fields]] of Object.entries(PARAMETERS)) {
      const { parameters, gradients } = seen.shapes[model];
      const expected = fields.map(([key, type]) => [key, type.split("[]").length - 1]);
      const shape = (object) => Object.entries(object).map(([key, value]) => [key, depth(value)]);
      assert.deepEqual(shape(parameters), expected, `${model}: parameters`);
      assert.deepEqual(shape(gradients), expected.map(([key, d]) => [`d${key}`, d]), `${model}: gradients`);
    }

    assert.deepEqual(seen.experiments, EXPERIMENT_KINDS, "runExperiment's kinds are not experiments.js's EXPERIMENTS");
  });
});

test("the declarations type-check a strict TypeScript page, and the manifest the CEM schema", async () => {
  const tests = fileURLToPath(new URL(".", import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), "sepal-element-api-"));
  try {
    // The manifest as a literal typed by the schema's own declarations.
    const schema = join(tests, "node_modules/custom-elements-manifest/schema");
    const check = join(dir, "manifest-check.ts");
    await writeFile(check, `import type { Package } from ${JSON.stringify(schema)};\nexport const manifest: Package = ${manifestText};\n`);
    const tsc = join(tests, "node_modules/typescript/bin/tsc");
    const args = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,dom", "--module", "esnext", "--moduleResolution", "bundler"];
    try {
      await promisify(execFile)(process.execPath, [tsc, ...args, join(tests, "element-api-usage.ts"), check]);
    } catch (error) {
      assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
