// #16: optimisers, mini-batches and the notebook presets in the page. Bad
// values are named and change nothing; a notebook preset comes in the
// order it is given; an Adam mini-batch run in the page has the native bits
// (crates/sepal-wasm/tests/common/pinned_bits.rs, asserted natively too).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";
import { pinned, ADAM_BATCH_QUERY } from "./pinned-bits.mjs";

const DEFAULTS = { optimizer: "gd", batchSize: "all", beta1: 0.9, beta2: 0.999, epsilon: 1e-8, decay: "none", decayInterval: 1000 };

test("bad optimiser values are named with what is allowed, and the defaults stay", () =>
  withPage("?beta1=1&beta2=-0.1&epsilon=0&batch-size=0&decay-interval=0&optimizer=nesterov&learning-rate=0.5", async ({ page, element }) => {
    const notice = await noticeText(page);
    for (const [setting, value, allowed] of [
      ["beta1", "1", "up to (not including) 1"],
      ["beta2", "-0.1", "from 0"],
      ["epsilon", "0", "above 0"],
      ["batch-size", "0", "or all"],
      ["decay-interval", "0", "from 1"],
      ["optimizer", "nesterov", "adam"],
    ]) {
      assert.ok(notice.includes(`${setting} = "${value}"`), `the notice names ${setting} = "${value}": ${notice}`);
      assert.ok(notice.includes(allowed), `the notice says what ${setting} allows (${allowed}): ${notice}`);
    }
    const settings = await element.evaluate((el) => el.settings);
    for (const [key, value] of Object.entries(DEFAULTS)) assert.equal(settings[key], value, key);
    assert.equal(settings.learningRate, 0.5, "the good value beside them is kept");
  }));

test("a batch larger than the training points is named with the points' count, and nothing else changes", () =>
  withPage("?points=100&test-fraction=0.2&batch-size=81", async ({ page, element }) => {
    const notice = await noticeText(page);
    assert.ok(notice.includes('batch-size = "81"'), notice);
    assert.ok(notice.includes("from 1 to 80"), `80 training points of 100: ${notice}`);
    const settings = await element.evaluate((el) => el.settings);
    assert.deepEqual([settings.batchSize, settings.points, settings.testFraction], ["all", 100, 0.2]);
  }));

test("a notebook preset is overridden by what follows it and overrides what precedes it", async () => {
  await withPage("?optimizer=adam&notebook=optimization&layers=8", async ({ element }) => {
    const settings = await element.evaluate((el) => el.settings);
    assert.deepEqual(
      [settings.dataset, settings.points, settings.layers, settings.activation, settings.init, settings.learningRate, settings.batchSize, settings.optimizer],
      ["moons", 300, "8", "relu", "he", 0.0007, 64, "gd"],
    );
    // The link is the preset and what differs from it.
    const link = await element.evaluate((el) => el.link);
    assert.equal(new URL(link).hash, "#notebook=optimization&layers=8");
  });
  await withPage("", async ({ element }) => {
    // Attributes have no order: the notebook's is applied first.
    const layers = await element.evaluate(async (el) => {
      el.setAttribute("layers", "3");
      el.setAttribute("notebook", "optimization");
      await null;
      return [el.settings.layers, el.settings.model, el.settings.batchSize];
    });
    assert.deepEqual(layers, ["3", "deep", 64]);
  });
});

test("an Adam mini-batch run in the page has the native bits, and the epoch is shown", () =>
  withPage(`?${ADAM_BATCH_QUERY}`, async ({ element }) => {
    const state = await element.evaluate(async (el) => {
      const bits = (x) => {
        const view = new DataView(new ArrayBuffer(8));
        view.setFloat64(0, x);
        return view.getBigUint64(0).toString(16).padStart(16, "0");
      };
      await el.train(5000);
      const epochRow = el.shadowRoot.querySelector(".readout.epoch");
      return { iteration: el.iteration, epoch: el.epoch, cost: bits(el.cost), epochCost: bits(el.epochCost), shown: !epochRow.hidden && epochRow.textContent };
    });
    assert.deepEqual([state.iteration, state.epoch], [5000, 1000], "300 points in batches of 64: 5 updates an epoch");
    assert.equal(state.cost, pinned("ADAM_BATCH_COST_BITS"), "J after 1,000 epochs");
    assert.equal(state.epochCost, pinned("ADAM_BATCH_EPOCH_COST_BITS"), "the last epoch's printed cost");
    assert.ok(state.shown && state.shown.includes("1000"), `the readout shows the epoch: ${state.shown}`);
  }));

test("with full batches an epoch is an iteration and no epoch readout is added", () =>
  withPage("", async ({ element }) => {
    const state = await element.evaluate((el) => {
      el.step(10);
      return { epoch: el.epoch, hidden: el.shadowRoot.querySelector(".readout.epoch").hidden };
    });
    assert.deepEqual(state, { epoch: 10, hidden: true });
  }));

test("the formulas show the chosen optimiser's update, and Show values its v and s", () =>
  withPage("?folded=none#optimizer=adam&hidden-units=3&learning-rate=0.01", async ({ element }) => {
    const shown = await element.evaluate((el) => {
      el.step(20);
      const update = el.shadowRoot.querySelector(".formula-group.update");
      el.shadowRoot.querySelector('[data-action="show-values"]').click();
      const values = el.shadowRoot.querySelector(".formula-values");
      const tables = [...values.querySelectorAll("table.matrix")].map((t) =>
        [...t.rows].map((r) => [...r.cells].map((c) => Number(c.textContent.replaceAll("\u2212", "-")))),
      );
      return { heading: update.querySelector("h3").textContent, lines: update.querySelectorAll(".equation").length, tables, file: JSON.parse(el.exportModel()) };
    });
    assert.equal(shown.heading, "Adam");
    assert.equal(shown.lines, 10, "v, s, v̂, ŝ and the step, for W and for b");
    // Per layer: W, b, dW, db, then v_dW, v_db, s_dW, s_db.
    assert.equal(shown.tables.length, 16);
    const [vW1, , sW1] = shown.tables.slice(4, 8);
    const close3 = (shownValue, value) => Math.abs(shownValue - value) <= Math.abs(value) * 0.006 + 1e-12;
    const { v, s, t } = shown.file.optimizer;
    assert.equal(t, 20);
    assert.ok(close3(vW1[1][0], v.W1[1][0]), `v_dW[1] is Adam's v: ${vW1[1][0]} vs ${v.W1[1][0]}`);
    assert.ok(close3(sW1[2][1], s.W1[2][1]), `s_dW[1] is Adam's s: ${sW1[2][1]} vs ${s.W1[2][1]}`);
  }));

test("a saved Adam mini-batch run loads and goes on with the same bits", () =>
  withPage(`?${ADAM_BATCH_QUERY}`, async ({ element }) => {
    const [saved, loaded] = await element.evaluate(async (el) => {
      el.step(12); // two epochs and 2 batches into the third
      const file = el.exportModel();
      el.step(30);
      const saved = [el.iteration, el.epoch, el.cost, el.epochCost];
      await el.importModel(file);
      el.step(30);
      return [saved, [el.iteration, el.epoch, el.cost, el.epochCost]];
    });
    assert.deepEqual(loaded, saved);
  }));

test("choosing a batch larger than the points in the control says how many there are, and keeps the batch", () =>
  withPage("?points=100", async ({ element }) => {
    const state = await element.evaluate(async (el) => {
      const select = el.shadowRoot.querySelector('select[name="batch-size"]');
      select.value = "128";
      select.dispatchEvent(new Event("change"));
      await null;
      const field = select.closest(".field");
      return { batchSize: el.settings.batchSize, text: field.textContent };
    });
    assert.equal(state.batchSize, "all");
    assert.ok(state.text.includes("from 1 to 100"), state.text);
  }));

test("the Optimizers and Batch sizes experiments run each choice from the same initial weights", () =>
  withPage("?notebook=optimization&learning-rate=0.01", async ({ element }) => {
    const [optimizers, batches] = await element.evaluate(async (el) => {
      const rows = (list) => list.map((r) => ({ value: r.value, label: r.label, iteration: r.iteration, cost: r.cost }));
      return [rows(await el.runExperiment("optimizers")), rows(await el.runExperiment("batch-sizes"))];
    });
    assert.deepEqual(optimizers.map((r) => r.label), ["gradient descent", "momentum", "RMSprop", "Adam"]);
    assert.deepEqual(batches.map((r) => r.value), [1, 64, "all"]);
    for (const row of [...optimizers, ...batches]) assert.equal(row.iteration, 3000, row.label);
    // Adam's adaptive steps go further than plain GD's in the same 3,000 updates.
    assert.ok(optimizers[3].cost < optimizers[0].cost, `Adam ${optimizers[3].cost} vs GD ${optimizers[0].cost}`);
  }));
