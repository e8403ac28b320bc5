// Bit for bit the native numbers, in this engine: the course's cost after
// 1,000 iterations from a reset, and a checksum of the decision map (its
// RGBA pixels and its 0.5 contour, as crates/sepal-wasm/tests/map_bits.rs
// computes it natively). Written to SEPAL_BITS_FILE for `cargo xtask
// test`'s last stage, which puts every engine beside native. And (#16) an
// Adam mini-batch run's costs, against the bits sepal-wasm's native tests
// pin (pinned_bits.rs).

import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { withEnginePage, engine, NATIVE, ENGINE } from "./harness.mjs";
import { pinned, ADAM_BATCH_QUERY } from "../pinned-bits.mjs";

test("the cost after 1,000 iterations and the decision map have the native bits", (t) =>
  withEnginePage("", async ({ page }) => {
    const cost1000 = await page.element((el) => {
      el.step(7);
      el.reset();
      el.step(1000);
      return bits(el.cost);
    });
    // map_bits.rs: the course's network after 500 iterations over
    // x ∈ [-5.2, 5.1], y ∈ [-5.0, 5.3] at 256×256 cells; FNV-1a over the
    // pixels and the contour's f32 bytes (little-endian, as wasm memory is).
    const map = await page.evaluate(async () => {
      const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
      const { memory, Playground, datasetPoints } = await loadWasm();
      const flat = datasetPoints({});
      const points = [];
      for (let i = 0; i < flat.length; i += 3) points.push([flat[i], flat[i + 1], flat[i + 2]]);
      const run = Playground.withPoints({}, points, { xMin: -5.2, xMax: 5.1, yMin: -5.0, yMax: 5.3 });
      try {
        run.step(500);
        run.render(256, 256);
        const pixels = new Uint8Array(memory.buffer, run.pixelsPtr(), run.pixelsLen());
        const contour = new Uint8Array(memory.buffer, run.contourPtr(), run.contourLen() * 4);
        let hash = 0xcbf29ce484222325n;
        for (const bytes of [pixels, contour]) {
          for (const byte of bytes) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
        }
        return hash.toString(16).padStart(16, "0");
      } finally {
        run.free();
      }
    }, []);
    const { version } = await engine();
    t.diagnostic(`${ENGINE} ${version}: cost after 1,000 iterations ${cost1000}, decision map ${map}`);
    if (process.env.SEPAL_BITS_FILE) {
      writeFileSync(process.env.SEPAL_BITS_FILE, JSON.stringify({ engine: ENGINE, version, cost1000, map }));
    }
    assert.ok(NATIVE.cost1000 && NATIVE.map, "SEPAL_NATIVE_COST_BITS and SEPAL_NATIVE_MAP_CHECKSUM are set (cargo xtask test sets them)");
    assert.equal(cost1000, NATIVE.cost1000, "the cost after 1,000 iterations");
    assert.equal(map, NATIVE.map, "the decision map's checksum");
  }));

test("an Adam mini-batch run has the native bits", (t) =>
  withEnginePage(`?${ADAM_BATCH_QUERY}`, async ({ page }) => {
    const run = await page.element(async (el) => {
      await el.train(5000);
      return { iteration: el.iteration, epoch: el.epoch, cost: bits(el.cost), epochCost: bits(el.epochCost) };
    });
    t.diagnostic(`${ENGINE}: Adam mini-batch cost ${run.cost}, epoch cost ${run.epochCost}`);
    assert.deepEqual([run.iteration, run.epoch], [5000, 1000], "300 points in batches of 64: 5 updates an epoch");
    assert.equal(run.cost, pinned("ADAM_BATCH_COST_BITS"), "J after 1,000 epochs");
    assert.equal(run.epochCost, pinned("ADAM_BATCH_EPOCH_COST_BITS"), "the last epoch's printed cost");
  }));
