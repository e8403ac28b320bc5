// The published accuracies the page shows beside Sepal's (www/notebook-result.js)
// are the notebooks' own: each equals, to the 4 decimals shown, what the
// notebooks' numpy code gives in the fixtures the native tests pin
// (scripts/optimization_notebook.py, scripts/regularization_notebooks.py).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { NOTEBOOK_RESULTS } from "../www/notebook-result.js";

const fixture = (name) =>
  readFileSync(new URL(`../crates/sepal/tests/fixtures/${name}`, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("accuracy "))
    .map((line) => line.split(" "));

const rounded = (v) => Math.round(Number(v) * 1e4) / 1e4;

test("the Optimization notebook's accuracies are the fixture's at its length", () => {
  const { length, runs } = NOTEBOOK_RESULTS.optimization;
  const lines = fixture("optimization_runs.txt");
  for (const run of runs) {
    const line = lines.find(([, name, epoch]) => name === run.name && Number(epoch) === length);
    assert.ok(line, `${run.name} at epoch ${length}`);
    assert.equal(run.train, rounded(line[3]), run.name);
  }
});

test("the Initialization and Regularization notebooks' train and test accuracies are the fixtures'", () => {
  for (const [notebook, file, names] of [
    ["initialization", "initialization.txt", {}],
    ["regularization", "regularization.txt", { none: "baseline" }],
  ]) {
    const lines = fixture(file);
    for (const run of NOTEBOOK_RESULTS[notebook].runs) {
      const name = names[run.name] ?? run.name;
      for (const set of ["train", "test"]) {
        const line = lines.find(([, n, s]) => n === name && s === set);
        assert.ok(line, `${notebook} ${name} ${set}`);
        assert.equal(run[set], rounded(line[3]), `${notebook} ${name} ${set}`);
      }
    }
  }
});
