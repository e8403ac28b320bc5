// #15 "never freeze", the derivation's batch column: beside each dW and db
// the panel shows the batch's (1/m) Σᵢ dW⁽ⁱ⁾, a backward pass over every
// training point. At the caps (6 × 64 units, 10,000 points: ~2 × 10⁸
// multiply-adds, a single 0.15–0.4 s task before) choosing a point while
// paused shows the point's own numbers at once and the batch's as
// "computing…" (`aria-busy`), computed in parts (Playground.gradientsAdvance)
// with no long task, then the numbers of a whole computation. Play
// abandons it; it is computed again once paused. The course's small page
// computes it at once, as before.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";
import { CAPS, LONG_TASK_MS, watchLongTasks } from "./caps.mjs";


/** In the page: the derivation's batch values and what is busy, and its point terms' numbers. */
const batchColumn = (el) => {
  const panel = el.shadowRoot.querySelector('[part="derivation"]');
  const batches = [...panel.querySelectorAll(".batch")];
  return {
    texts: batches.map((n) => n.textContent),
    busy: batches.filter((n) => n.getAttribute("aria-busy") === "true").length,
    anyBusy: panel.querySelectorAll("[aria-busy]").length,
    loss: [...panel.querySelectorAll(".term")].find((n) => n.textContent.startsWith("L(a, y)"))?.textContent ?? null,
  };
};

/** Until the batch column shows numbers and nothing in the panel is busy. */
const batchShown = (page) =>
  page.waitForFunction(
    () => {
      const panel = document.querySelector("sepal-playground").shadowRoot.querySelector('[part="derivation"]');
      const batches = panel.querySelectorAll(".batch");
      return batches.length > 0 && !panel.querySelector("[aria-busy]") && [...batches].every((n) => /Σᵢ: −?\d/.test(n.textContent));
    },
    null,
    { timeout: 120000, polling: 100 },
  );

/**
 * In the page: each dW term's batch value with the whole computation's
 * (a Playground of the same settings built and differentiated in one go),
 * and how long that computation took (ms).
 */
const againstWhole = async (el) => {
  const { short } = await import(new URL("derivation-panel.js", document.baseURI).href);
  const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
  const api = await loadWasm();
  const whole = new api.Playground(el.settings);
  whole.step(el.iteration);
  const started = performance.now();
  const g = whole.gradients();
  const ms = performance.now() - started;
  whole.free();
  const panel = el.shadowRoot.querySelector('[part="derivation"]');
  const terms = [...panel.querySelectorAll('.term[data-graph^="W"]')].map((n) => {
    const [l, j, k] = n.dataset.graph.slice(1).split("-").map(Number);
    return { shown: n.querySelector(".batch").textContent, expected: short(g.dW[l][j][k]) };
  });
  return { terms, ms };
};

test("at the caps, choosing a point while paused shows its numbers at once and the batch's in parts: no long task, a whole computation's numbers", (t) =>
  withPage(CAPS, async ({ element, page }) => {
    await element.evaluate((el) => el.ready);
    await page.waitForTimeout(1500);
    await page.evaluate(watchLongTasks);
    // Every frame until the batch is shown: what the panel showed (a large graph is built a part a task).
    await element.evaluate((el, column) => {
      const read = new Function(`return (${column})`)();
      window.__seen = [];
      const sample = () => {
        const seen = read(el);
        window.__seen.push(seen);
        if (seen.texts.length === 0 || seen.anyBusy > 0 || seen.texts.some((text) => text.endsWith("…"))) requestAnimationFrame(sample);
      };
      // In a task of the page's own, as a click's (a script's evaluation is not watched as a task).
      setTimeout(() => {
        el.selectPoint(0);
        requestAnimationFrame(sample);
      });
    }, batchColumn.toString());
    await batchShown(page);
    const tasks = await page.evaluate(() => window.__tasks);
    const longest = Math.max(0, ...tasks);
    const seen = await page.evaluate(() => window.__seen);
    const computing = seen.filter((at) => at.texts.length > 0 && at.texts.every((text) => text === "batch (1/10000) Σᵢ: computing…"));
    assert.ok(computing.length > 0, `the batch column said it was computing: ${seen.map((at) => at.texts[0]).join(" | ")}`);
    assert.ok(computing.every((at) => at.busy === at.texts.length), "each batch value computing is busy");
    assert.ok(computing.some((at) => /= \d/.test(at.loss ?? "")), "the point's own numbers meanwhile");
    const end = await element.evaluate(batchColumn);
    assert.equal(end.busy, 0);
    const whole = await element.evaluate(againstWhole);
    t.diagnostic(`long tasks: ${tasks.length > 0 ? `${tasks.join(", ")} ms` : "none"}; the whole computation: ${Math.round(whole.ms)} ms`);
    assert.ok(longest < LONG_TASK_MS, `longest task ${longest} ms (${tasks.join(", ")})`);
    // The selection's task held the whole computation and more before (192 ms against a whole 127 ms, load 4–5);
    // in parts no task is as long as it (machine load scales both).
    assert.ok(longest < whole.ms, `longest task ${longest} ms, the whole computation ${Math.round(whole.ms)} ms`);
    assert.ok(whole.terms.length > 0);
    for (const { shown, expected } of whole.terms) assert.equal(shown, `batch (1/10000) Σᵢ: ${expected}`);

    // Another point of the same parameters: its batch column at once (the same gradients).
    const other = await element.evaluate((el, column) => {
      el.selectPoint(7);
      return new Function(`return (${column})`)()(el);
    }, batchColumn.toString());
    assert.equal(other.busy, 0, "no computing again for the same parameters");
  }));

test("at the caps, Play abandons the batch computation, a pause computes it again for the new parameters, and so does reset()", () =>
  withPage(CAPS, async ({ element, page }) => {
    await element.evaluate((el) => el.ready);
    await page.waitForTimeout(1500);
    await element.evaluate((el) => {
      el.selectPoint(3);
      el.play();
    });
    await page.waitForFunction((el) => el.iteration >= 1, await element.elementHandle(), { timeout: 60000 });
    const playing = await element.evaluate(batchColumn);
    assert.ok(playing.texts.every((text) => text.endsWith("computing…")), "not computed while training plays");
    await element.evaluate((el) => el.pause());
    await batchShown(page);
    const whole = await element.evaluate(againstWhole);
    assert.ok(whole.terms.length > 0);
    for (const { shown, expected } of whole.terms) assert.equal(shown, `batch (1/10000) Σᵢ: ${expected}`);

    // reset(): the initial parameters' batch, once their first evaluation (in parts too) is done.
    await element.evaluate((el) => el.reset());
    // Computing again (from the next frame drawn).
    await page.waitForFunction(
      () => document.querySelector("sepal-playground").shadowRoot.querySelector('[part="derivation"] .batch[aria-busy="true"]'),
      null,
      { timeout: 60000, polling: "raf" },
    );
    await batchShown(page);
    const initial = await element.evaluate(againstWhole);
    assert.equal(await element.evaluate((el) => el.iteration), 0);
    for (const { shown, expected } of initial.terms) assert.equal(shown, `batch (1/10000) Σᵢ: ${expected}`);
  }));

test("the course's page computes the batch column at once, as before", () =>
  withPage("", async ({ element }) => {
    const shown = await element.evaluate((el, column) => {
      el.selectPoint(0);
      return { now: new Function(`return (${column})`)()(el) };
    }, batchColumn.toString());
    assert.equal(shown.now.anyBusy, 0);
    assert.ok(shown.now.texts.length > 0);
    assert.ok(shown.now.texts.every((text) => /^batch \(1\/400\) Σᵢ: −?\d/.test(text)), shown.now.texts[0]);
  }));
