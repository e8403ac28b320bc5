// Model files the page must not take (issue #11): a file over the size cap
// is refused before it is read or parsed; of a file, only the format's keys
// go into the wasm, and a tree bigger than any model stops being read at
// the first value over; wasm memory stays near a fresh page's either way.
// A file with no training points, or with parameters beyond ±1e6, is
// refused and changes nothing; training stops at the largest iteration a
// file holds, so that what is saved always loads again.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

/** The wasm memory's size in bytes (the page's own instance: a module loads once per URL). */
const wasmBytes = (page) =>
  page.evaluate(async () => {
    const exports = await (await import(new URL("pkg/sepal.js", document.baseURI).href)).default();
    return exports.memory.buffer.byteLength;
  });

const MB = 1_000_000;

test("a file over the cap is refused unread; unknown keys and oversized trees never fill the wasm memory", { timeout: 120_000 }, () =>
  withPage("", async ({ page, element }) => {
    const fresh = await wasmBytes(page);
    const results = await element.evaluate(async (el) => {
      const json = el.exportModel();
      const model = JSON.parse(json);
      const outcome = async (input) => {
        try {
          await el.importModel(input);
          return "accepted";
        } catch (error) {
          return error.code;
        }
      };
      // 50 MB: a valid model and 25 million zeros under a key the format does not have.
      const zeros = new Array(25_000_000).fill(0);
      const bigText = `${json.slice(0, json.lastIndexOf("}"))},\n"extra": ${JSON.stringify(zeros)}}`;
      const bigTextOutcome = await outcome(bigText);
      // The same, through the Load model button.
      const input = el.shadowRoot.querySelector('input[data-role="model-file"]');
      const files = new DataTransfer();
      files.items.add(new File([bigText], "big.json", { type: "application/json" }));
      input.files = files.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      // As an object (no text to measure): the extra key is not handed over.
      const extraOutcome = await outcome({ ...model, extra: zeros });
      // Millions of values where the format has its own: refused while being read.
      const rows = Array.from({ length: 1_000_000 }, () => [0, 0]);
      const w1Outcome = await outcome({ ...model, parameters: { ...model.parameters, W1: rows } });
      const pointsOutcome = await outcome({ ...model, points: { train: Array.from({ length: 1_000_000 }, () => [0, 0, 1]), test: [] } });
      // A text bigger than a file may be, where the format has a text.
      const longText = await outcome({ ...model, settings: { dataset: "x".repeat(50_000_000) } });
      const longKey = await outcome({ ...model, settings: { ["x".repeat(50_000_000)]: 1 } });
      // Just over the values a tree may hold, in small lists, as text under the size cap.
      const many = { ...model, points: { train: Array.from({ length: 40_000 }, (_, k) => [k % 7, 0, 1]), test: [] } };
      const manyOutcome = await outcome(JSON.stringify(many));
      return { bigTextOutcome, extraOutcome, w1Outcome, pointsOutcome, manyOutcome, longText, longKey, size: bigText.length };
    });
    assert.ok(results.size > 50 * MB, `${results.size}`);
    assert.equal(results.bigTextOutcome, "too-big");
    assert.equal(results.extraOutcome, "accepted");
    assert.equal(results.w1Outcome, "too-many-values");
    assert.equal(results.pointsOutcome, "too-many-values");
    assert.equal(results.manyOutcome, "too-many-values");
    assert.equal(results.longText, "too-big");
    assert.equal(results.longKey, "too-big");
    await page.waitForFunction(() => /big\.json/.test(document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]').textContent));
    assert.match(await noticeText(page), /big\.json.*50(\.\d)? MB.*4 MB/s, "the notice names the size and the cap");
    const after = await wasmBytes(page);
    console.log(`wasm memory: fresh ${fresh}, after ${after} bytes`);
    assert.ok(after - fresh <= 4 * MB, `wasm memory grew from ${fresh} to ${after} bytes`);
  }));

test("a model file with no training points is refused and the drawn points stay", () =>
  withPage("", async ({ element }) => {
    await element.locator('button.thumb[data-dataset="custom"]').click();
    const result = await element.evaluate(async (el) => {
      const before = JSON.stringify(el.points);
      const model = JSON.parse(el.exportModel());
      model.points = { train: [], test: [] };
      let code = null;
      try {
        await el.importModel(JSON.stringify(model));
      } catch (error) {
        code = error.code;
      }
      return { code, before, after: JSON.stringify(el.points), count: el.points.train.length + el.points.test.length, cost: el.cost, dataset: el.settings.dataset };
    });
    assert.equal(result.code, "no-points");
    assert.equal(result.count, 400);
    assert.equal(result.after, result.before, "the drawn points are unchanged");
    assert.equal(result.dataset, "custom");
    assert.ok(Number.isFinite(result.cost), `cost ${result.cost}`);
  }));

test("training stops at the largest iteration a file holds: the counts stay distinct and the file loads again", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      const model = JSON.parse(el.exportModel());
      model.iteration = 9007199254740990;
      await el.importModel(model);
      el.step(5);
      const iteration = el.iteration;
      el.step(100);
      const rows = el.exportCosts().trim().split("\n").slice(1).map((line) => line.split(",")[0]);
      const saved = el.exportModel();
      let reloaded;
      try {
        await el.importModel(saved);
        reloaded = el.iteration;
      } catch (error) {
        reloaded = error.code;
      }
      return { iteration, after: el.iteration, rows, reloaded };
    });
    assert.equal(result.iteration, 9007199254740991);
    assert.equal(new Set(result.rows).size, result.rows.length, `duplicate rows: ${result.rows}`);
    assert.equal(result.reloaded, 9007199254740991);
  }));

test("parameters beyond ±1e6 are refused, naming the parameter", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      const model = JSON.parse(el.exportModel());
      model.parameters.W2 = [model.parameters.W2[0].map(() => 1e308)];
      const cost = el.cost;
      try {
        await el.importModel(model);
        return { code: "accepted" };
      } catch (error) {
        return { code: error.code, reason: error.reason, same: el.cost === cost };
      }
    });
    assert.equal(result.code, "parameter-too-large");
    assert.match(result.reason, /W2.*1000000/);
    assert.ok(result.same, "nothing changed");
  }));

test("played up to the cap, training stops and says why", () =>
  withPage("", async ({ page, element }) => {
    await element.evaluate(async (el) => {
      const model = JSON.parse(el.exportModel());
      model.iteration = Number.MAX_SAFE_INTEGER - 3;
      await el.importModel(model);
      el.play();
    });
    await page.waitForFunction(() => !document.querySelector("sepal-playground").running);
    const state = await element.evaluate((el) => {
      el.play();
      return { iteration: el.iteration, running: el.running };
    });
    assert.deepEqual(state, { iteration: Number.MAX_SAFE_INTEGER, running: false });
    assert.match(await noticeText(page), /9007199254740991/);
  }));
