// The CSV reader's numbers follow the settings' one grammar (Rust's f64
// parse): decimal with an optional exponent, nothing JS's Number() adds.

import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv, readNumber } from "../www/csv.js";
import { strings, counted } from "../www/strings.js";
import { zh } from "../www/strings-zh.js";

const text = strings("en");

const tryCsv = (csv) => {
  try {
    return parseCsv(csv, text);
  } catch (error) {
    return error.message;
  }
};

test("decimal and exponent numbers are read, with or without sign and spaces", () => {
  for (const [cell, value] of [
    ["1", 1],
    [" 1 ", 1],
    ["+1.5", 1.5],
    ["-0.25", -0.25],
    ["1.", 1],
    [".5", 0.5],
    ["1e3", 1000],
    ["2.5E-3", 0.0025],
    ["-1e+2", -100],
    ["0001", 1],
  ]) {
    assert.equal(readNumber(cell), value, cell);
  }
});

test("hex, binary, octal, words and empty cells are not numbers", () => {
  for (const cell of ["0x10", "0b11", "0o7", "0X1F", "Infinity", "-Infinity", "inf", "NaN", "infinity", "", " ", "1_000", "1e", "e5", ".", "+", "1,5", "1 2", "١"]) {
    assert.ok(Number.isNaN(readNumber(cell)), JSON.stringify(cell));
  }
  assert.match(tryCsv("x1,x2,label\n0x10,1,1\n"), /line 2: "0x10" is not a number/);
  assert.match(tryCsv("x1,x2,label\n1,0b11,1\n"), /line 2: "0b11" is not a number/);
  assert.match(tryCsv("x1,x2,label\n1,2,0o1\n"), /line 2: the label must be 0 or 1, not "0o1"/);
  assert.match(tryCsv("x1,x2,label\n1e400,2,1\n"), /line 2: "1e400" is not a number from/);
  // A hex line is not a number line, so it is not taken for data either.
  assert.deepEqual(tryCsv(" 1 , 2.5e-1 , 1 \n"), [[1, 0.25, 1]]);
});

test("a huge bad cell is quoted short", () => {
  const message = tryCsv(`x1,x2,label\n${"x".repeat(100000)},1,1\n`);
  assert.equal(message, `line 2: "${"x".repeat(39)}…" is not a number from −1000000 to 1000000`);
});

test("one point, one value: the singular in English, the same words in Chinese", () => {
  assert.match(tryCsv("x1,x2,label\n1\n"), /line 2 has 1 value instead of three/);
  assert.match(tryCsv("x1,x2,label\n1,2\n"), /line 2 has 2 values instead of three/);
  assert.equal(counted(text, "csvImported", { count: 1, name: "a.csv" }), "Imported 1 point from a.csv.");
  assert.equal(counted(text, "csvImported", { count: 0, name: "a.csv" }), "Imported 0 points from a.csv.");
  assert.equal(counted(text, "drawCount", { count: 1 }), "1 point");
  assert.equal(counted(zh, "csvImported", { count: 1, name: "a.csv" }), "已从 a.csv 导入 1 个样本。");
});

test("a model file's point with one value reads in the singular", async () => {
  const { modelErrorText } = await import("../www/model-file.js");
  const error = (count) => ({ code: "point-values", values: { list: "points.train", n: "3", count } });
  assert.match(modelErrorText(error("1"), text), /has 1 value instead/);
  assert.match(modelErrorText(error("2"), text), /has 2 values instead/);
});
