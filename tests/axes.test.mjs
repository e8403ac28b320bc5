// The plot's tick labels stay readable whatever the range of the points:
// plain, else exponent notation, else counted from a shared offset, and
// never overlapping (labels measured as 7.5 px a character, 13 px font).

import { test } from "node:test";
import assert from "node:assert/strict";
import { axisTicks, exponentTick } from "../www/axes.js";

const width = (text) => [...text].length * 7.5;

function assertReadable(min, max, length, ticks) {
  const { values, texts } = ticks;
  assert.ok(values.length >= 2, `${min}…${max}: ${texts}`);
  assert.equal(new Set(texts).size, texts.length, `distinct: ${texts}`);
  for (const t of texts) assert.ok([...t].length <= 7, `short: "${t}"`);
  const at = (v) => ((v - min) / (max - min)) * length;
  for (let i = 1; i < values.length; i += 1) {
    assert.ok(at(values[i]) - at(values[i - 1]) >= (width(texts[i]) + width(texts[i - 1])) / 2, `overlap: ${texts[i - 1]} ${texts[i]}`);
  }
}

test("ordinary ranges keep their plain labels", () => {
  assert.deepEqual(axisTicks(-2.2, 2.4, 500, { count: 7, along: width }).texts, ["−2.0", "−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5", "2.0"]);
  assert.deepEqual(axisTicks(-3, 3, 500, { count: 7, along: width }).texts, ["−3", "−2", "−1", "0", "1", "2", "3"]);
});

test("±1e6 in exponent notation, points 1e-10 apart counted from an offset, never overlapping", () => {
  for (const [min, max] of [[-1.1e6, 1.1e6], [-1e6, 1e6], [0.5 - 6e-11, 0.5 + 6e-11], [-1e-10, 1e-10], [123456.5, 123456.5000001], [1e6 - 1e-4, 1e6]]) {
    for (const length of [500, 300, 150]) {
      const x = axisTicks(min, max, length, { count: Math.max(3, Math.round(length / 70)), along: width });
      assertReadable(min, max, length, x);
      const y = axisTicks(min, max, length, { count: Math.max(3, Math.round(length / 70)), along: () => 15, across: width, room: 41, gap: 4 });
      for (const t of y.texts) assert.ok(width(t) <= 41 || y.values.length <= 3, `y label "${t}" fits`);
    }
  }
  const wide = axisTicks(-1.1e6, 1.1e6, 500, { count: 7, along: width });
  assert.deepEqual(wide.texts, ["−1e6", "−5e5", "0", "5e5", "1e6"]);
  const close = axisTicks(0.5 - 6e-11, 0.5 + 6e-11, 500, { count: 7, along: width });
  assert.equal(close.offsetText, "− 0.5");
  assert.ok(close.texts.includes("0") && close.texts.some((t) => /e−11$/.test(t)), close.texts.join(" "));
  assert.equal(axisTicks(-123456.5 - 1e-7, -123456.5 + 1e-7, 500, { count: 7, along: width }).offsetText, "+ 123456.5");
});

test("exponent labels carry the digits the step needs", () => {
  assert.equal(exponentTick(1.5e6, 5e5), "1.5e6");
  assert.equal(exponentTick(-1e6, 5e5), "−1e6");
  assert.equal(exponentTick(2.0000000000000003e-11, 2e-11), "2e−11");
  assert.equal(exponentTick(1e-17, 2e-11), "0");
});
