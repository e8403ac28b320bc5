// #17: input features — TensorFlow Playground's lesson, in the page: on
// the circles, logistic regression draws a line through (x1, x2) and stays
// near chance; given x1² and x2² its line is a circle in the plane, and it
// separates them. The diagram shows one labelled input per feature with
// its picture, the formulas the input vector, the checkboxes choose them,
// and a bad list is refused with a notice while the default stays.
//
// The accuracies come from crates/sepal/tests/features.rs (printed there):
// at noise 0.1, after 1,000 iterations, x1,x2 0.51 and x1sq,x2sq 0.9925.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

const LESSON = "?model=logistic&dataset=circles&noise=0.1&features=x1sq,x2sq";

/** Whether the pixel at (fx, fy) of the plot (fractions of its size) leans to class 1's blue (true) or class 0's orange (false). */
function plotLeans(page, spots) {
  return page.evaluate((spots) => {
    const canvas = document.querySelector("sepal-playground").shadowRoot.querySelector('[part="plot"]');
    const ctx = canvas.getContext("2d");
    return spots.map(([fx, fy]) => {
      const [r, , b] = ctx.getImageData(Math.round(fx * canvas.width), Math.round(fy * canvas.height), 1, 1).data;
      return b > r + 30 ? "blue" : r > b + 30 ? "orange" : "white";
    });
  }, spots);
}

test("x1², x2² let logistic regression separate the circles with a closed boundary; x1, x2 cannot", () =>
  withPage(LESSON, async ({ page, element }) => {
    const state = await element.evaluate((el) => {
      el.step(1000);
      return { accuracy: el.trainAccuracy, features: el.settings.features, w: el.parameters.w };
    });
    assert.equal(state.features, "x1sq,x2sq");
    assert.equal(state.w.length, 2, "one weight per feature");
    assert.ok(state.accuracy >= 0.98, `accuracy ${state.accuracy}`);
    // The inner ring (class 1) is blue; everything around it, on all four sides, orange: a closed curve.
    await page.waitForTimeout(100);
    const [centre, ...around] = await plotLeans(page, [[0.5, 0.5], [0.15, 0.5], [0.85, 0.5], [0.5, 0.15], [0.5, 0.85], [0.15, 0.15], [0.85, 0.85]]);
    assert.equal(centre, "blue");
    assert.deepEqual(around, Array(6).fill("orange"));
    const plane = await element.evaluate((el) => {
      el.setAttribute("features", "x1,x2");
      el.step(1000);
      return el.trainAccuracy;
    });
    assert.ok(plane < 0.6, `x1, x2: ${plane}`);
  }));

test("the diagram shows one labelled input per feature, each with its picture", () =>
  withPage(LESSON.replace("x1sq,x2sq", "x1,x1sq,x2sq,sinx2"), async ({ page, element }) => {
    await element.evaluate((el) => el.step(10));
    await page.waitForTimeout(200);
    const inputs = await element.evaluate((el) => {
      const root = el.shadowRoot.querySelector('[part="network"]');
      const nodes = [...root.querySelectorAll(".node.input")];
      return {
        names: [...root.querySelectorAll(".input-name")].map((n) => n.textContent),
        labels: nodes.map((n) => n.getAttribute("aria-label")),
        pictures: nodes.map((canvas) => {
          const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
          const w = canvas.width;
          const at = (x, y) => {
            const i = 4 * (Math.floor(y) * w + Math.floor(x));
            return data[i + 2] - data[i]; // > 0 blue, < 0 orange
          };
          // Left, right, top and bottom middles.
          return [at(2, w / 2), at(w - 3, w / 2), at(w / 2, 2), at(w / 2, w - 3)];
        }),
      };
    });
    assert.deepEqual(inputs.names, ["x₁", "x₁²", "x₂²", "sin x₂"]);
    assert.deepEqual(inputs.labels, ["input x₁", "input x₁²", "input x₂²", "input sin x₂"]);
    const [x1, x1sq, x2sq, sinx2] = inputs.pictures;
    assert.ok(x1[0] < -50 && x1[1] > 50, `x₁ runs orange to blue left to right: ${x1}`);
    assert.ok(x1sq[0] > 50 && x1sq[1] > 50 && Math.abs(x1sq[2]) < 40, `x₁² blue at both sides, white at the middle: ${x1sq}`);
    assert.ok(x2sq[2] > 50 && x2sq[3] > 50 && Math.abs(x2sq[0]) < 40, `x₂² blue at top and bottom: ${x2sq}`);
    assert.ok(sinx2.some((v) => Math.abs(v) > 30), `sin x₂ is drawn: ${sinx2}`);
    const formula = await element.evaluate((el) =>
      el.shadowRoot.querySelector('[part="formulas"] .equation[data-step="inputs"]').textContent.replace(/\s/g, ""),
    );
    assert.ok(formula.startsWith("x=[x1,x12,x22,sin⁡x2]T"), formula);
    assert.ok(formula.endsWith("nx=4"), formula);
  }));

test("the checkboxes choose the inputs; unchecking the last one is refused beside them", () =>
  withPage("?model=logistic", async ({ element }) => {
    const boxes = element.locator('.names input[type="checkbox"]');
    assert.equal(await boxes.count(), 7);
    await element.locator('.names input[value="x1x2"]').check();
    let state = await element.evaluate((el) => ({ features: el.settings.features, w: el.parameters.w.length }));
    assert.deepEqual(state, { features: "x1,x2,x1x2", w: 3 });
    await element.locator('.names input[value="x1"]').uncheck();
    await element.locator('.names input[value="x2"]').uncheck();
    // A click, not uncheck(): the box is meant to stay checked.
    await element.locator('.names input[value="x1x2"]').click();
    state = await element.evaluate((el) => ({
      features: el.settings.features,
      checked: [...el.shadowRoot.querySelectorAll(".names input:checked")].map((b) => b.value),
      error: el.shadowRoot.querySelector(".field-error")?.textContent ?? "",
    }));
    assert.equal(state.features, "x1x2");
    assert.deepEqual(state.checked, ["x1x2"], "the last box stays checked");
    assert.match(state.error, /empty/);
  }));

test("an unknown, repeated or empty feature list is named in the notice and the default kept", async () => {
  for (const [value, words] of [["x3", "not one of the choices"], ["x1,x1", "twice"], ["", "empty"]]) {
    await withPage(`?model=logistic&features=${value}`, async ({ page, element }) => {
      const notice = await noticeText(page);
      assert.ok(notice.includes("features"), notice);
      if (value) assert.ok(notice.includes(`"${value}"`), notice);
      assert.ok(notice.includes(words), notice);
      assert.ok(notice.includes("x1, x2, x1sq, x2sq, x1x2, sinx1"), `the allowed values: ${notice}`);
      const state = await element.evaluate((el) => ({ features: el.settings.features, w: el.parameters.w.length }));
      assert.deepEqual(state, { features: "x1,x2", w: 2 });
    });
  }
});

test("the derivation's x is the feature vector, gradient checking passes, a model file keeps the features", () =>
  withPage("?dataset=circles&features=x1sq,x2sq,sinx1&hidden-units=3", async ({ element }) => {
    const out = await element.evaluate(async (el) => {
      el.step(50);
      const d = el.derivation(4);
      const [x1, x2] = el.points.train[4];
      el.selectPoint(4);
      const graphInputs = [...el.shadowRoot.querySelectorAll('[part="derivation"] .node.input')].map((n) => n.textContent.split(" = ")[0]);
      const check = el.gradientCheck();
      const file = el.exportModel();
      const cost = el.cost;
      el.setAttribute("features", "x1,x2");
      el.step(3);
      await el.importModel(file);
      return { graphInputs, x: d.x, features: d.features, point: [x1, x2], difference: check.difference, cost, imported: el.cost, settings: el.settings.features, file: JSON.parse(file).settings.features };
    });
    assert.deepEqual(out.features, ["x1sq", "x2sq", "sinx1"]);
    assert.deepEqual(out.graphInputs, ["x₁²", "x₂²", "sin x₁"], "the graph names each input by its feature");
    assert.equal(out.x[0], out.point[0] * out.point[0]);
    assert.equal(out.x[1], out.point[1] * out.point[1]);
    assert.ok(Math.abs(out.x[2] - Math.sin(out.point[0])) < 1e-15);
    assert.ok(out.difference < 2e-7, `gradient check ${out.difference}`);
    assert.equal(out.file, "x1sq,x2sq,sinx1");
    assert.equal(out.settings, "x1sq,x2sq,sinx1");
    assert.equal(out.imported, out.cost, "the same bits");
  }));
