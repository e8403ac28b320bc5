// Colours stay distinguishable with the common colour-blindnesses: the two
// classes (and the map's two sides, in the same colours) are simulated with
// Machado, Oliveira & Fernandes (2009) at full severity for protanopia,
// deuteranopia and tritanopia, and in grey for monochromacy, and must stay
// far apart in CIELAB. No browser: the colours come from the page's modules.

import { test } from "node:test";
import assert from "node:assert/strict";
import { CLASS_COLORS } from "../www/plot.js";
import { TRAIN_COLOR, TEST_COLOR } from "../www/run-chart.js";

const MACHADO = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const parse = (css) => {
  const hex = css.match(/^#([0-9a-f]{6})$/i);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  return css.match(/\d+/g).slice(0, 3).map(Number);
};
const toLinear = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** CIELAB of linear RGB (D65). */
function lab([r, g, b]) {
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116));
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}

const simulate = (matrix, rgb) => matrix.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

test("the two classes stay far apart for every common colour-blindness, and in grey", () => {
  const [zero, one] = CLASS_COLORS.map((c) => parse(c).map(toLinear));
  for (const [name, matrix] of Object.entries(MACHADO)) {
    const d = distance(lab(simulate(matrix, zero)), lab(simulate(matrix, one)));
    assert.ok(d >= 40, `${name}: ΔE ${d.toFixed(1)}`);
  }
  // Monochromacy: lightness alone.
  const d = Math.abs(lab(zero)[0] - lab(one)[0]);
  assert.ok(d >= 20, `grey: ΔL ${d.toFixed(1)}`);
});

test("the training and test curves differ for every colour-blindness (and the test one is dashed)", () => {
  const [train, test_] = [TRAIN_COLOR, TEST_COLOR].map((c) => parse(c).map(toLinear));
  for (const [name, matrix] of Object.entries(MACHADO)) {
    const d = distance(lab(simulate(matrix, train)), lab(simulate(matrix, test_)));
    assert.ok(d >= 20, `${name}: ΔE ${d.toFixed(1)}`);
  }
});
