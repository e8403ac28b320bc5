// Issue #17: regularisation in the page. Bad values of l2, l1, keep-prob and
// dropout-masks are named in the notice and the defaults kept; a run with
// L2, L1 and dropout gives in the browser the cost bits the native build
// pins (crates/sepal-wasm/tests/common/pinned_bits.rs, read here so that
// there is one copy); a model file carries the new settings and goes on
// with the same bits (the dropout masks depend on the seed and the
// iteration only). The notebooks' own numbers are pinned natively in
// crates/sepal/tests/regularization_notebooks.rs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withPage, noticeText } from "./helpers.mjs";
import { pinned as pinnedBits, MINI_BATCH_DROPOUT_QUERY } from "./pinned-bits.mjs";

const PINNED = readFileSync(new URL("../crates/sepal-wasm/tests/common/pinned_bits.rs", import.meta.url), "utf8");

/** The pinned regularised run: its settings and its cost bits after 300 iterations. */
function pinned() {
  const block = PINNED.slice(PINNED.indexOf("const REGULARISED:"));
  const settings = [...block.slice(0, block.indexOf("];")).matchAll(/\("([\w-]+)", "([^"]*)"\)/g)].map((m) => [m[1], m[2]]);
  const bits = /const REGULARISED_COST_AFTER_300_BITS: u64 = 0x([0-9a-f_]+);/.exec(PINNED)[1].replaceAll("_", "");
  return { settings, bits: bits.padStart(16, "0") };
}

/** The bits of a double, as hex. */
function bits(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

// [setting, value, what the notice must say is allowed]
const BAD = [
  ["l2", "-0.1", "a number from 0 to 1000"],
  ["l1", "-1", "a number from 0 to 1000"],
  ["keep-prob", "0", "a number above 0 and at most 1"],
  ["keep-prob", "1.5", "a number above 0 and at most 1"],
  ["dropout-masks", "sometimes", "fresh"],
];

test("bad regularisation values are named with what is allowed, and the defaults kept", async () => {
  for (const [setting, value, allowed] of BAD) {
    await withPage(`#model=deep&${setting}=${value}`, async ({ page, element }) => {
      const notice = await noticeText(page);
      assert.ok(notice.includes(setting), `the notice names ${setting}: ${notice}`);
      assert.ok(notice.includes(`"${value}"`), `the notice quotes ${value}: ${notice}`);
      assert.ok(notice.includes(allowed), `the notice says what is allowed (${allowed}): ${notice}`);
      const settings = await element.evaluate((el) => el.settings);
      assert.deepEqual(
        [settings.l2, settings.l1, settings.keepProb, settings.dropoutMasks],
        [0, 0, 1, "fresh"],
      );
      // Training goes on, unregularised.
      const cost = await element.evaluate((el) => (el.step(10), el.cost));
      assert.ok(Number.isFinite(cost));
    });
  }
});

test("L2, L1 and dropout in the browser: the native cost bits", () => {
  const { settings, bits: native } = pinned();
  assert.equal(settings.length, 6, "the pinned settings were read");
  const hash = settings.map(([k, v]) => `${k}=${v}`).join("&");
  return withPage(`#${hash}`, async ({ page, element }) => {
    assert.equal(await noticeText(page), "", "no rejected value");
    const cost = await element.evaluate((el) => (el.reset(), el.step(300), el.cost));
    assert.equal(bits(cost), native, `cost after 300 iterations ${cost}`);
  });
});

test("with mini-batches keep-prob is shown and applies: the native bits of a mini-batch dropout run", () =>
  withPage(`?${MINI_BATCH_DROPOUT_QUERY}`, async ({ page, element }) => {
    assert.equal(await noticeText(page), "", `no rejected value in ${MINI_BATCH_DROPOUT_QUERY}`);
    assert.ok(await element.locator('input[name="keep-prob"]').isVisible(), "keep-prob beside batch-size");
    assert.ok(await element.locator('select[name="dropout-masks"]').isVisible(), "and its masks");
    const state = await element.evaluate((el) => (el.reset(), el.step(330), { cost: el.cost, epochCost: el.epochCost, epoch: el.epoch }));
    assert.equal(state.epoch, 82, "82 epochs of four batches and two more");
    assert.equal(bits(state.cost), pinnedBits("MINI_BATCH_DROPOUT_COST_BITS"), `J ${state.cost}`);
    assert.equal(bits(state.epochCost), pinnedBits("MINI_BATCH_DROPOUT_EPOCH_COST_BITS"), `epoch cost ${state.epochCost}`);
  }));

test("a model file carries L2 and dropout and goes on with the same bits", () =>
  withPage("#model=deep&layers=20,3&activation=relu&init=xavier&learning-rate=0.3&l2=0.7&keep-prob=0.86&dropout-masks=fixed", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      el.step(500);
      const json = el.exportModel();
      el.step(100);
      const original = el.cost;
      el.setAttribute("keep-prob", "1");
      el.setAttribute("l2", "0");
      el.step(20);
      await el.importModel(json);
      const settings = el.settings;
      el.step(100);
      return { json: JSON.parse(json).settings, settings, original, imported: el.cost };
    });
    assert.deepEqual(
      [result.json.l2, result.json.keepProb, result.json.dropoutMasks],
      [0.7, 0.86, "fixed"],
      "the file holds the settings",
    );
    assert.deepEqual([result.settings.l2, result.settings.keepProb, result.settings.dropoutMasks], [0.7, 0.86, "fixed"]);
    assert.equal(bits(result.imported), bits(result.original), "100 more iterations from the file: the same cost bits");
  }));

test("the formulas show the L2 and L1 terms in J and dW, and dropout's steps, only when on", () =>
  withPage("?folded=none#model=deep&layers=5,3&activation=relu&l2=0.7&l1=0.1&keep-prob=0.8", async ({ element }) => {
    const equations = () =>
      element.evaluate((el) => {
        const out = {};
        for (const line of el.shadowRoot.querySelectorAll('[part="formulas"] .equation[data-step]')) {
          out[line.dataset.step] = (out[line.dataset.step] ?? "") + line.textContent.replace(/\s+/g, "");
        }
        return out;
      });
    const on = await equations();
    assert.ok(on.cost.endsWith("+λ2m∑l‖W[l]‖F2+λ₁m∑l∑|W[l]|"), on.cost);
    assert.equal(on["backward-1-dw"], "dW[1]=1mdZ[1]XT+λmW[1]+λ₁msign(W[1])");
    assert.equal(on["forward-1-dropout"], "D[1]=(rand(5,m)<keep_prob)A[1]≔A[1]⊙D[1]/keep_prob");
    assert.equal(on["forward-2-dropout"], "D[2]=(rand(3,m)<keep_prob)A[2]≔A[2]⊙D[2]/keep_prob");
    assert.equal(on["forward-3-dropout"], undefined, "not on the output layer");
    assert.equal(on["backward-1-dz"], "dZ[1]=W[2]TdZ[2]⊙D[1]/keep_prob⊙1Z[1]>0");
    for (const [name, value] of [["l2", "0"], ["l1", "0"], ["keep-prob", "1"]]) {
      await element.evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
    }
    const off = await equations();
    assert.ok(!off.cost.includes("λ"), off.cost);
    assert.equal(off["backward-1-dw"], "dW[1]=1mdZ[1]XT");
    assert.equal(off["forward-1-dropout"], undefined);
    assert.equal(off["backward-1-dz"], "dZ[1]=W[2]TdZ[2]⊙1Z[1]>0");
  }));

test("the Regularisation experiment: none, L2 and dropout side by side with train and test accuracy", () =>
  withPage("?folded=none#model=deep&layers=20,3&activation=relu&init=xavier&learning-rate=0.3&test-fraction=0.3", async ({ element }) => {
    const captions = await element.evaluate(async (el) => {
      await el.runExperiment("regularization");
      return [...el.shadowRoot.querySelectorAll('[part="experiments"] .multiples figcaption')].map((c) => c.textContent);
    });
    assert.equal(captions.length, 3, captions.join(" | "));
    assert.match(captions[0], /^none: train \d+(\.\d+)? %, test \d+(\.\d+)? %/);
    assert.match(captions[1], /^L2, λ = 0\.7: train/);
    assert.match(captions[2], /^dropout, keep 0\.86: train/);
  }));
