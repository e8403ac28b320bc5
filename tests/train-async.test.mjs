// train(n): n more iterations without blocking the page. It resolves with
// the state n iterations on (the same numbers as step(n)), animating
// frames meanwhile; bad arguments reject and change nothing; pause, reset
// or a divergence first make it reject.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("train(n) resolves n iterations on with step(n)'s numbers, frames drawn meanwhile", () =>
  withPage("", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      el.step(1000);
      const stepped = el.cost;
      el.reset();
      el.step(200);
      let frames = 0;
      el.addEventListener("progress", () => (frames += 1));
      const returned = el.train(800);
      const runningAfterCall = el.running;
      const iterationAfterCall = el.iteration; // nothing ran synchronously
      const state = await returned;
      return { stepped, state, runningAfterCall, iterationAfterCall, frames, running: el.running, iteration: el.iteration };
    });
    assert.equal(result.iterationAfterCall, 200, "train does not run synchronously");
    assert.equal(result.runningAfterCall, true);
    assert.equal(result.state.iteration, 1000);
    assert.equal(result.iteration, 1000, "it stops exactly there");
    assert.equal(result.state.cost, result.stepped, "the same bits as step(1000)");
    assert.equal(result.running, false);
    assert.ok(result.frames >= 1, "the plot was redrawn on the way");
  }));

test("train(n) rejects bad arguments and changes nothing; train(0) resolves at once", () =>
  withPage("", async ({ element }) => {
    const outcomes = await element.evaluate(async (el) => {
      el.step(5);
      const attempt = async (label, arg) => {
        try {
          await el.train(arg);
          return `${label}: resolved@${el.iteration}`;
        } catch (error) {
          return `${label}: ${error.constructor.name}@${el.iteration}/${el.running}`;
        }
      };
      return [
        await attempt("-1", -1),
        await attempt("1.5", 1.5),
        await attempt('"10"', "10"),
        await attempt("NaN", NaN),
        await attempt("Infinity", Infinity),
        await attempt("2^53", 2 ** 53),
        await attempt("0", 0),
      ];
    });
    assert.deepEqual(outcomes, [
      "-1: RangeError@5/false",
      "1.5: TypeError@5/false",
      '"10": TypeError@5/false',
      "NaN: TypeError@5/false",
      "Infinity: RangeError@5/false",
      "2^53: RangeError@5/false",
      "0: resolved@5",
    ]);
  }));

test("train(n) rejects when pause, reset or a divergence stops it first", () =>
  withPage("", async ({ element }) => {
    const outcomes = await element.evaluate(async (el) => {
      const outcome = (promise) => promise.then(() => "resolved", (error) => `rejected: ${error.message}`);
      const paused = el.train(1e9);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      el.pause();
      const afterPause = await outcome(paused);
      const reset = el.train(1e9);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      el.reset();
      const afterReset = { outcome: await outcome(reset), running: el.running };
      el.setAttribute("learning-rate", "5000");
      const diverging = await outcome(el.train(100000));
      return { afterPause, afterReset, diverging, diverged: el.diverged };
    });
    assert.match(outcomes.afterPause, /^rejected: train\(n\): training stopped at iteration/);
    assert.match(outcomes.afterReset.outcome, /^rejected: train\(n\)/);
    assert.equal(outcomes.afterReset.running, false);
    assert.match(outcomes.diverging, /^rejected: train\(n\)/);
    assert.equal(outcomes.diverged, true);
  }));
