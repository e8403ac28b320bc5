// The course's second part's data in the page, bit for bit: the
// Initialization notebook's rings (train with seed 1, a test set of its own
// with seed 2), the Optimization notebook's moons, and the Regularization
// notebook's football points. Expected values: scikit-learn's, in
// crates/sepal/tests/fixtures/sklearn_datasets.txt (scripts/sklearn_datasets.py),
// and the notebook's data.mat as crates/sepal/data/football_*.csv.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { withPage } from "./helpers.mjs";

const root = new URL("../", import.meta.url);

/** scikit-learn's points for `set NAME POINTS NOISE SEED`. */
function sklearn(name, points, seed) {
  const lines = readFileSync(new URL("crates/sepal/tests/fixtures/sklearn_datasets.txt", root), "utf8").split("\n");
  const start = lines.findIndex((l) => {
    const [kind, n, m, , s] = l.split(" ");
    return kind === "set" && n === name && Number(m) === points && Number(s) === seed;
  });
  assert.ok(start >= 0, `${name} ${points} ${seed} is in the fixture`);
  return lines.slice(start + 1, start + 1 + points).map((l) => l.split(" ").slice(1).map(Number));
}

function football(set) {
  const text = readFileSync(new URL(`crates/sepal/data/football_${set}.csv`, root), "utf8");
  return text.trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
}

test("rings=300, noise 0.05, data seed 1 and 100 test points are the Initialization notebook's train and test sets", () =>
  withPage("#dataset=rings&points=300&noise=0.05&dataset-seed=1&test-points=100", async ({ element }) => {
    const points = await element.evaluate((el) => el.points);
    assert.deepEqual(points.train, sklearn("rings", 300, 1));
    assert.deepEqual(points.test, sklearn("rings", 100, 2));
    // The test set replaces the held-out share: its control is hidden.
    const hidden = await element.evaluate((el) => el.shadowRoot.querySelector('[name="test-fraction"]')?.closest(".field")?.hidden);
    assert.equal(hidden, true, "test-fraction's field is hidden");
    assert.ok(Number.isFinite(await element.evaluate((el) => el.testAccuracy)));
  }));

test("moons=300, noise 0.2, data seed 3 is the Optimization notebook's training set", () =>
  withPage("#dataset=moons&points=300&noise=0.2&dataset-seed=3", async ({ element }) => {
    const points = await element.evaluate((el) => el.points);
    assert.deepEqual(points.train, sklearn("moons", 300, 3));
    assert.deepEqual(points.test, []);
  }));

test("football is the Regularization notebook's 211 + 200 points; the page says the data settings do not apply", () =>
  withPage("#dataset=football", async ({ element }) => {
    const seen = await element.evaluate((el) => {
      const root = el.shadowRoot;
      const field = (param) => root.querySelector(`[name="${param}"]`)?.closest(".field");
      return {
        points: el.points,
        note: root.querySelector('[data-role="fixed-data"]'),
        noteShown: !root.querySelector('[data-role="fixed-data"]').hidden,
        noteText: root.querySelector('[data-role="fixed-data"]').textContent,
        hidden: ["points", "noise", "dataset-seed", "test-points", "test-fraction"].map((p) => field(p)?.hidden),
        picture: root.querySelector('button.thumb[data-dataset="football"]').getAttribute("aria-pressed"),
      };
    });
    assert.deepEqual(seen.points.train, football("train"));
    assert.deepEqual(seen.points.test, football("test"));
    assert.equal(seen.noteShown, true);
    assert.match(seen.noteText, /211 training and 200 test points/);
    assert.deepEqual(seen.hidden, [true, true, true, true, true]);
    assert.equal(seen.picture, "true");
  }));

test("a model file of the football, or of a drawn test set, loads back with the same points", async () => {
  for (const hash of ["#dataset=football&learning-rate=0.3", "#dataset=rings&points=300&test-points=100"]) {
    await withPage(hash, async ({ element }) => {
      const result = await element.evaluate(async (el) => {
        el.step(5);
        const json = el.exportModel();
        const before = { points: el.points, cost: el.cost };
        el.setAttribute("dataset", "moons");
        await el.importModel(json);
        return { before, after: { points: el.points, cost: el.cost }, dataset: el.settings.dataset };
      });
      assert.deepEqual(result.after, result.before, hash);
    });
  }
});
