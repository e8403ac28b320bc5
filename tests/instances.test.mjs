// Several playgrounds on one page: each keeps its own settings and state,
// and all of them share one loaded wasm module.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("two elements on one page stay independent and share the wasm", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate(async (first) => {
      const second = document.createElement("sepal-playground");
      second.setAttribute("dataset", "moons");
      second.setAttribute("hidden-units", "3");
      document.body.append(second);
      await second.ready;
      first.step(1000);
      second.step(10);
      second.setAttribute("learning-rate", "0.5");
      const wasmLoads = performance
        .getEntriesByType("resource")
        .filter((entry) => entry.name.endsWith(".wasm")).length;
      return {
        first: { iteration: first.iteration, cost: first.cost, hidden: first.settings.hiddenUnits, rate: first.settings.learningRate },
        second: { iteration: second.iteration, dataset: second.settings.dataset, hidden: second.settings.hiddenUnits, rate: second.settings.learningRate },
        wasmLoads,
      };
    });
    // The first is the course's run (REFERENCE.md: 0.258625 after 1000).
    assert.deepEqual(
      { ...result.first, cost: Math.round(result.first.cost * 1e6) / 1e6 },
      { iteration: 1000, cost: 0.258625, hidden: 4, rate: 1.2 },
    );
    assert.deepEqual(result.second, { iteration: 10, dataset: "moons", hidden: 3, rate: 0.5 });
    assert.equal(result.wasmLoads, 1, "the wasm is fetched once for both");
  }));
