// #15 "never freeze", rebuilds: at the largest network the settings allow
// (6 hidden layers of 64 units, 10,000 points) a rebuild (a new seed, other
// layers), reset() and importing a model file at that size draw the points
// and initial weights a part a task (Playground.beginBuild / beginModel)
// and leave the run's first evaluation to the frames: no long task while
// the new model is made, on a slower processor (Chromium's CPU throttling,
// 4× as DevTools' "low-end mobile", 8× for the import), and the state it
// ends in is a whole build's (iteration 0, its cost to the bit) or the
// file's (its iteration and the cost it was saved with). Meanwhile the old
// model stays on screen; a second change during a build abandons the first
// (a model file under way is refused, "superseded"); a script that reads
// at once gets the new model whole; the default page rebuilds at once.
//
// The bound is generous (LONG_TASK_MS). What it separates, by hand on this
// 2-core machine (2026-12-02, load 1-10, main's code and this one
// alternately): importing at the caps was one task of 166-598 ms 4× slower
// and 281-343 ms 8× slower, in parts 50-87 ms 8× slower. A rebuild's and a
// reset's own task on main is 60-110 ms 4-6× slower (the whole build is
// 11-25 ms of it at normal speed; the rest, the new model's points read
// out and the view's setting up, is in the last part's task now): under
// the bound either way, so those cases check the state and the behaviour
// in parts, which fail on the whole build (the old model's readouts gone
// two frames after a change, no "superseded").

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";
import { CAPS, LONG_TASK_MS } from "./caps.mjs";

/** Runs `body` with the page's main thread `slower` times slower (Chromium's CPU throttling, through the DevTools Protocol). */
async function throttled(page, slower, body) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: slower });
  try {
    return await body();
  } finally {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await cdp.detach();
  }
}

/**
 * In the page: the cost a whole build of the element's settings with
 * `changes` (JS keys) gives at iteration 0 (the wasm called directly).
 */
const wholeCost = async (el, changes) => {
  const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
  const api = await loadWasm();
  const whole = new api.Playground({ ...el.settings, ...changes });
  const cost = whole.cost;
  whole.free();
  return cost;
};

/**
 * In the page: records long tasks, does `action` (`{set: [name, value]}`,
 * `{reset: true}` or `{importModel: json}`) in a task of its own (as a
 * click's would be), and waits for the `progress` event that shows `want`
 * (its iteration and cost) without reading the element (a read would
 * finish the work at once). Returns the long tasks that began while the
 * new model was made, until it was in place (the first `progress` after
 * the action, or `importModel` resolving); the cost readouts seen meanwhile
 * and the state at the end. (The frames after that evaluate and draw it
 * in parts, as after the page's first build: never-freeze.test.mjs.)
 */
const watchUntil = async (el, { action, want }) => {
  const tasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: Math.round(entry.duration) });
  });
  observer.observe({ type: "longtask" });
  const readout = () => el.shadowRoot.querySelector(".readout.cost dd").textContent;
  const seen = new Set([readout()]);
  const sampler = setInterval(() => seen.add(readout()), 10);
  let placed = Infinity;
  const shown = new Promise((resolve) => {
    const listener = ({ detail }) => {
      if (!action.importModel) placed = Math.min(placed, performance.now());
      if (detail.iteration !== want.iteration || detail.cost !== want.cost) return;
      el.removeEventListener("progress", listener);
      resolve(true);
    };
    el.addEventListener("progress", listener);
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 60000));
  const started = performance.now();
  const done = await new Promise((resolve) =>
    setTimeout(() => {
      if (action.set) el.setAttribute(...action.set);
      if (action.reset) el.reset();
      resolve(action.importModel ? el.importModel(action.importModel) : null);
    }),
  );
  await done;
  if (action.importModel) placed = performance.now();
  const reached = await Promise.race([shown, timeout]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  clearInterval(sampler);
  observer.disconnect();
  const making = tasks.filter((task) => task.start >= started && task.start <= placed).map((task) => task.duration);
  return { tasks: making, seen: [...seen], reached, iteration: el.iteration, cost: el.cost };
};

function assertNoLongTask(t, what, outcome, want, slower) {
  t.diagnostic(`${what}: long tasks while making it ${outcome.tasks.join(", ") || "none"} (ms, ${slower}× slower)`);
  const longest = Math.max(0, ...outcome.tasks);
  assert.ok(longest < LONG_TASK_MS, `${what}: longest task ${longest} ms (${outcome.tasks.join(", ")})`);
  assert.ok(outcome.reached, `${what}: the page showed iteration ${want.iteration} at cost ${want.cost}`);
  assert.ok(!outcome.seen.includes("NaN"), `${what}: the cost readout meanwhile: ${outcome.seen.join(" | ")}`);
  assert.equal(outcome.iteration, want.iteration, what);
  assert.equal(outcome.cost, want.cost, `${what}: the cost of a whole build`);
}

/** The caps page, loaded and settled (its first draw's work over). */
const atCaps = (body) =>
  withPage(CAPS, async ({ element, page }) => {
    await page.waitForTimeout(1500);
    await body({ element, page });
  });

test("at the caps, on a processor 4× slower, a rebuild (seed, layers) and reset() have no long task and end at a whole build's cost", (t) =>
  atCaps(async ({ element, page }) => {
    for (const [what, action, changes] of [
      ["seed=5", { set: ["seed", "5"] }, { seed: 5 }],
      ["layers=64,64,64,64,64,63", { set: ["layers", "64,64,64,64,64,63"] }, { layers: "64,64,64,64,64,63" }],
    ]) {
      const want = { iteration: 0, cost: await element.evaluate(wholeCost, changes) };
      const outcome = await throttled(page, 4, () => element.evaluate(watchUntil, { action, want }));
      assertNoLongTask(t, what, outcome, want, 4);
      await page.waitForTimeout(500);
    }
    // Trained a step, then reset: back to the whole build's cost at iteration 0.
    const want = { iteration: 0, cost: await element.evaluate(wholeCost, {}) };
    await element.evaluate((el) => el.step(1));
    await page.waitForTimeout(1000);
    const outcome = await throttled(page, 4, () => element.evaluate(watchUntil, { action: { reset: true }, want }));
    assertNoLongTask(t, "reset()", outcome, want, 4);
  }));

test("at the caps, on a processor 8× slower, importing a model file has no long task and ends at the file's iteration and cost", (t) =>
  atCaps(async ({ element, page }) => {
    // A file one iteration in, so that its parameters are not the initial weights; then another model on screen.
    const saved = await element.evaluate((el) => {
      el.step(1);
      const json = el.exportModel();
      const file = { iteration: el.iteration, cost: el.cost };
      el.setAttribute("seed", "9");
      return { json, want: file, other: el.cost };
    });
    assert.notEqual(saved.other, saved.want.cost);
    await page.waitForTimeout(1500);
    const outcome = await throttled(page, 8, () =>
      element.evaluate(watchUntil, { action: { importModel: saved.json }, want: saved.want }),
    );
    assertNoLongTask(t, "importModel", outcome, saved.want, 8);
    assert.equal(await element.evaluate((el) => el.exportModel()), saved.json, "it saves the file it was loaded from");
  }));

test("at the caps, the old model stays until the new one is in place, a second change abandons the first, a read gets the new one whole", () =>
  atCaps(async ({ element, page }) => {
    // 4× slower, so that the parts outlast two frames.
    const outcome = await throttled(page, 4, () => element.evaluate(async (el) => {
      const { loadWasm } = await import(new URL("wasm.js", document.baseURI).href);
      const api = await loadWasm();
      const whole = (changes) => {
        const pg = new api.Playground({ ...el.settings, ...changes });
        const cost = pg.cost;
        pg.free();
        return cost;
      };
      const costs = { seed7: whole({ seed: 7 }), seed8: whole({ seed: 8 }) };
      // The old model one iteration in, so that its readout differs from a new model's.
      el.step(1);
      const readout = () => el.shadowRoot.querySelector(".readout.iteration dd").textContent;
      const before = readout();
      const events = [];
      el.addEventListener("progress", ({ detail }) => events.push(detail.cost));
      el.setAttribute("seed", "7");
      // Two frames later (a whole build's readouts are shown by then): still the old model on screen.
      for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
      const during = readout();
      el.setAttribute("seed", "8");
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const told = [...events];
      const settled = { cost: el.cost, iteration: el.iteration, seed: el.settings.seed };
      // A read right after a change waits for the whole build.
      el.setAttribute("seed", "7");
      const atOnce = { cost: el.cost, iteration: el.iteration };
      return { costs, before, during, told, settled, atOnce };
    }));
    assert.match(outcome.before, /^1\b/);
    assert.equal(outcome.during, outcome.before, "the old model's iteration stays shown while the new one is drawn");
    assert.equal(outcome.settled.seed, 8);
    assert.equal(outcome.settled.cost, outcome.costs.seed8, "the last change's model");
    assert.equal(outcome.settled.iteration, 0);
    // Told: the new model while evaluated (its cost not known yet: NaN, as after any large build), then its cost.
    assert.deepEqual(outcome.told.filter((cost) => !Number.isNaN(cost)), [outcome.costs.seed8], "the first change was abandoned");
    assert.deepEqual(outcome.atOnce, { cost: outcome.costs.seed7, iteration: 0 });
  }));

test("at the caps, a new setting while a model file loads refuses the file, and the setting's model stays", () =>
  atCaps(async ({ element }) => {
    const outcome = await element.evaluate(async (el) => {
      el.step(1);
      const json = el.exportModel();
      const loading = el.importModel(json).then(
        () => "loaded",
        (error) => ({ code: error.code, message: error.message }),
      );
      await new Promise((resolve) => setTimeout(resolve));
      el.setAttribute("seed", "6");
      const result = await loading;
      return { result, iteration: el.iteration, seed: el.settings.seed };
    });
    assert.equal(outcome.result.code, "superseded");
    assert.match(outcome.result.message, /replaced it while it loaded/);
    assert.deepEqual([outcome.iteration, outcome.seed], [0, 6]);
  }));

test("on the default page a rebuild is at once: the new model is shown in the attribute's microtask", () =>
  withPage("", async ({ element }) => {
    const outcome = await element.evaluate(async (el) => {
      const before = el.cost;
      const events = [];
      el.addEventListener("progress", ({ detail }) => events.push(detail));
      el.setAttribute("seed", "5");
      await Promise.resolve();
      // Not read through a member (which would wait for a build): what the element told.
      const told = events.map((detail) => [detail.iteration, detail.cost]);
      return { before, told, cost: el.cost };
    });
    assert.notEqual(outcome.cost, outcome.before);
    assert.deepEqual(outcome.told, [[0, outcome.cost]]);
  }));
