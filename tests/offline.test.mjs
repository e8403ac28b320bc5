// The single file (`cargo xtask dist`) opened from disk with every network
// request blocked trains exactly as the served page does.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withPage } from "./helpers.mjs";

const SINGLE_FILE =
  process.env.SEPAL_SINGLE_FILE || fileURLToPath(new URL("../dist/sepal-playground.html", import.meta.url));

test("the single file works from file:// with no network and reaches the course's 90.75%", async () => {
  assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} exists (run cargo xtask dist)`);
  const requests = [];
  // Every request that is not the file itself (or data: inside it) fails.
  const blockNetwork = ({ context }) =>
    context.route(
      (url) => url.protocol !== "file:" && url.protocol !== "data:",
      (route) => {
        requests.push(route.request().url());
        return route.abort();
      },
    );
  await withPage(pathToFileURL(SINGLE_FILE).href, { setup: blockNetwork }, async ({ element }) => {
    const state = await element.evaluate((el) => {
      const start = el.cost;
      el.step(1000);
      const after1000 = el.cost;
      el.step(9000);
      return { start, after1000, iteration: el.iteration, accuracy: el.trainAccuracy };
    });
    // REFERENCE.md: cost 0.693162 at 0 and 0.258625 after 1000; 90.75% after 10000.
    assert.ok(Math.abs(state.start - 0.693162) < 1e-6, `${state.start}`);
    assert.ok(Math.abs(state.after1000 - 0.258625) < 1e-6, `${state.after1000}`);
    assert.equal(state.iteration, 10000);
    assert.ok(Math.abs(state.accuracy - 0.9075) <= 0.0026, `${state.accuracy}`);
    assert.deepEqual(requests, [], "no request outside the file");
  });
});
