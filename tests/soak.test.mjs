// A long run at full speed must not grow memory: the cost chart and every
// history are bounded, and a frame allocates nothing in wasm.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const ITERATIONS = 200_000;

/** JS heap after a full garbage collection, and wasm memory, in bytes. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasmBytes = await page.evaluate(async () => {
    // The page's own instance: an ES module is loaded once per URL.
    const exports = await (await import(new URL("pkg/sepal.js", document.baseURI).href)).default();
    return exports.memory.buffer.byteLength;
  });
  return { heap: usedSize, wasm: wasmBytes };
}

test(`${ITERATIONS.toLocaleString("en")} iterations at speed=max keep memory flat`, { timeout: 240_000 }, () =>
  withPage("#speed=max", async ({ page, element }) => {
    const cdp = await page.context().newCDPSession(page);
    // Warm up past the first allocations (map buffers, chart, JIT).
    await element.evaluate(async (el) => {
      el.play();
      await new Promise((r) => setTimeout(r, 1500));
    });
    const start = await memory(page, cdp);
    const iterations = await element.evaluate(async (el, target) => {
      // Frames at full speed, helped along by big synchronous steps so the
      // run is long without the test taking minutes.
      while (el.iteration < target) {
        el.step(Math.min(5000, target - el.iteration));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      el.pause();
      return el.iteration;
    }, ITERATIONS);
    const end = await memory(page, cdp);
    assert.ok(iterations >= ITERATIONS);
    assert.equal(end.wasm, start.wasm, "wasm memory did not grow");
    assert.ok(end.heap - start.heap < 2_000_000, `JS heap grew by ${end.heap - start.heap} bytes`);
  }));
