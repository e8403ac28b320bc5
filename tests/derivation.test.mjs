// The derivation of one example (`part="derivation"`): a click on a point,
// or the keyboard on the plot, opens that point's computation graph with
// the numbers `element.derivation(i)` gives; the per-point dW averaged over
// the training points is the batch gradient; step-through walks the terms.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";
import { short } from "../www/derivation-panel.js";

/** Where training point `index` is on the page, found from the axes' tick labels. */
function onScreen(element, index) {
  return element.evaluate((el, i) => {
    const canvas = el.shadowRoot.querySelector('[part="plot"]');
    const box = canvas.getBoundingClientRect();
    const ticks = JSON.parse(canvas.dataset.ticks);
    const fit = (pairs) => {
      const [[a, pa], [b, pb]] = [pairs[0], pairs.at(-1)].map(([t, p]) => [Number(t.replace("−", "-")), p]);
      return (v) => pa + ((v - a) / (b - a)) * (pb - pa);
    };
    const [x, y] = el.points.train[i];
    return { x: box.left + fit(ticks.x)(x), y: box.top + fit(ticks.y)(y) };
  }, index);
}

test("clicking a point opens its derivation with the element's numbers", () =>
  withPage("", async ({ page, element }) => {
    // Point 0 of the flower.
    const at = await onScreen(element, 0);
    await page.mouse.click(at.x, at.y);
    const panel = element.locator('[part="derivation"]');
    await panel.waitFor({ state: "visible" });
    const shown = await element.evaluate((el) => {
      const root = el.shadowRoot;
      const d = el.derivation(0);
      return {
        d,
        heading: root.querySelector('[part="derivation"] .derivation-point').textContent,
        status: root.querySelector(".point-status").textContent,
        text: root.querySelector('[part="derivation"]').textContent,
        graph: root.querySelectorAll('[part="derivation"] .graph .node').length,
      };
    });
    assert.match(shown.heading, /Training point 0: x = \(1\.204, 3\.576\), y = 0/);
    assert.match(shown.status, /Training point 0 of 400: x₁ = 1\.204, x₂ = 3\.576, label 0/);
    const a = Number(shown.d.forward.at(-1).a[0].toPrecision(4));
    assert.ok(shown.heading.includes(`ŷ = ${a}`), `${shown.heading} shows a = ${a}`);
    assert.ok(shown.text.includes(`L(a, y) = −(y log a + (1 − y) log(1 − a)) = ${Number(shown.d.loss.toPrecision(4))}`));
    assert.ok(shown.graph >= 2 + 4 + 1, "inputs, the four hidden units, the output and the loss");
    // The course's dz = a − y at the output, and one dW labelled as forward × backward.
    assert.equal(shown.d.backward.at(-1).dz[0], shown.d.forward.at(-1).a[0] - shown.d.y);
    assert.match(shown.text, /dW\[2\]11 = a\[1\]1 · dz\[2\] = /);
  }));

test("the per-point dW and db averaged over the training points are the batch gradients", () =>
  withPage("?model=deep&layers=5,3&activation=sigmoid&init=he", async ({ element }) => {
    const { worst } = await element.evaluate((el) => {
      el.step(5);
      const m = el.points.train.length;
      const g = el.gradients;
      let worst = 0;
      const sum = el.derivation(0).backward.map((b) => ({ dW: b.dW.map((r) => r.map(() => 0)), db: b.db.map(() => 0) }));
      for (let i = 0; i < m; i += 1) {
        el.derivation(i).backward.forEach((b, l) => {
          b.dW.forEach((r, j) => r.forEach((v, k) => (sum[l].dW[j][k] += v / m)));
          b.db.forEach((v, j) => (sum[l].db[j] += v / m));
        });
      }
      sum.forEach((s, l) => {
        s.dW.forEach((r, j) => r.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - g.dW[l][j][k])))));
        s.db.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - g.db[l][j]))));
      });
      return { worst };
    });
    assert.ok(worst < 1e-12, `largest gap ${worst}`);
  }));

test("logistic regression shows the notes' graph: z → a → L with dz = a − y and dw₁ = x₁·dz", () =>
  withPage("?model=logistic", async ({ element }) => {
    const shown = await element.evaluate((el) => {
      el.step(3);
      el.selectPoint(5);
      const d = el.derivation(5);
      const root = el.shadowRoot.querySelector('[part="derivation"]');
      return { d, text: root.textContent, nodes: [...root.querySelectorAll(".graph .node")].map((n) => n.dataset.node) };
    });
    assert.deepEqual(shown.nodes, ["x0", "w0", "x1", "w1", "b", "z0-0", "loss"]);
    const out = shown.d.backward[0];
    assert.equal(out.dz[0], shown.d.forward[0].a[0] - shown.d.y);
    assert.equal(out.dW[0][0], shown.d.x[0] * out.dz[0]);
    assert.match(shown.text, /dw1 = x1 · dz = /);
    assert.match(shown.text, /z = w1x1 \+ w2x2 \+ b = /);
    assert.match(shown.text, /db = dz = /);
    // All points: each term is the average over the training points; dw₁ is the batch's.
    const mean = await element.evaluate((el) => {
      el.shadowRoot.querySelector('[data-view="mean"]').click();
      const lines = [...el.shadowRoot.querySelectorAll('[part="derivation"] .term')].map((p) => p.textContent);
      return { line: lines.find((t) => t.startsWith("dw1 = ")), dw: el.gradients.dw };
    });
    assert.equal(mean.line, `dw1 = (1/m) Σi dw1(i) = ${short(mean.dw[0])}`);
  }));

test("the keyboard chooses points on the plot and step-through advances term by term", () =>
  withPage("", async ({ page, element }) => {
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    const hint = await element.evaluate((el) => el.shadowRoot.querySelector(".point-status").textContent);
    assert.equal(hint, "Arrow keys choose a point and show its derivation; Escape closes it.");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const status = await element.evaluate((el) => el.shadowRoot.querySelector(".point-status").textContent);
    assert.match(status, /^Training point 1 of 400: x₁ = /);
    assert.ok(await element.locator('[part="derivation"]').isVisible());
    await element.locator('[data-action="step-through"]').click();
    const first = await element.evaluate((el) => el.shadowRoot.querySelector(".term.current").textContent);
    assert.match(first, /^z\[1\]1 = /, "the forward pass starts at z[1]₁");
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    const third = await element.evaluate((el) => ({
      term: el.shadowRoot.querySelector(".term.current").textContent,
      status: el.shadowRoot.querySelector(".step-status").textContent,
    }));
    assert.match(third.term, /^z\[1\]2 = /);
    assert.match(third.status, /^Step 3 of \d+: z\[1\]2 = /);
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    await page.keyboard.press("Escape");
    assert.equal(await element.locator('[part="derivation"]').isVisible(), false);
  }));

test("wide layers show the units with the largest |dz| and expand on request", () =>
  withPage("?hidden-units=20", async ({ element }) => {
    const counts = await element.evaluate((el) => {
      el.selectPoint(3);
      const root = el.shadowRoot.querySelector('[part="derivation"]');
      const units = () => root.querySelectorAll('.column[data-layer="1"] .node').length;
      const before = units();
      const more = root.querySelector('.column[data-layer="1"] .more-units');
      const label = more.textContent;
      const dz = el.derivation(3).backward[0].dz.map(Math.abs);
      const top = Math.max(...dz);
      const topShown = root.querySelector(`.node[data-node="z0-${dz.indexOf(top)}"]`) !== null;
      more.click();
      return { before, label, after: units(), topShown };
    });
    assert.equal(counts.before, 4);
    assert.equal(counts.label, "+16 more");
    assert.equal(counts.after, 20);
    assert.ok(counts.topShown, "the unit with the largest |dz| is among the four");
  }));

test("bad arguments throw and change nothing", () =>
  withPage("", async ({ element }) => {
    const errors = await element.evaluate((el) => {
      const attempt = (f) => {
        try {
          f();
          return "no error";
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      return [
        attempt(() => el.derivation(400)),
        attempt(() => el.derivation(-1)),
        attempt(() => el.derivation(1.5)),
        attempt(() => el.derivation("3")),
        attempt(() => el.derivation(0, "held-out")),
        attempt(() => el.derivation(0, "test")),
        attempt(() => el.selectPoint(0, 7)),
        el.shadowRoot.querySelector('[part="derivation"]').hidden,
      ];
    });
    assert.match(errors[0], /^RangeError: derivation\(index, set\): there is no train point 400; they are numbered 0 to 399/);
    assert.match(errors[1], /^RangeError/);
    assert.match(errors[2], /^TypeError: derivation\(index\): index must be a whole number, not 1.5/);
    assert.match(errors[3], /^TypeError/);
    assert.match(errors[4], /^RangeError: derivation\(index, set\): set must be "train" or "test", not "held-out"/);
    assert.match(errors[5], /^RangeError: derivation\(index, set\): there are no test points/);
    assert.match(errors[6], /^TypeError/);
    assert.equal(errors[7], true, "nothing opened");
  }));

test("the open derivation follows training while it plays, and is current once paused", () =>
  withPage("#speed=max", async ({ element }) => {
    const before = await element.evaluate((el) => {
      el.selectPoint(7);
      return el.shadowRoot.querySelector(".derivation-point").textContent;
    });
    const during = await element.evaluate(
      (el, first) =>
        new Promise((resolve) => {
          el.addEventListener("progress", function check() {
            const shown = el.shadowRoot.querySelector(".derivation-point").textContent;
            if (el.iteration >= 200 && shown !== first) {
              el.removeEventListener("progress", check);
              resolve(shown);
            }
          });
          el.play();
        }),
      before,
    );
    assert.notEqual(during, before, "the numbers moved while it played");
    const after = await element.evaluate((el) => {
      el.pause();
      return { shown: el.shadowRoot.querySelector(".derivation-point").textContent, a: el.derivation(7).forward.at(-1).a[0] };
    });
    assert.ok(after.shown.endsWith(`ŷ = ${Number(after.a.toPrecision(4))}`), `${after.shown} vs ${after.a}`);
  }));

test("with your own points a click adds one and an Alt-click chooses one", () =>
  withPage("?dataset=custom", async ({ page, element }) => {
    await element.evaluate((el) => el.importPoints("x1,x2,label\n0,0,0\n2,2,1\n-2,2,0\n2,-2,1\n"));
    const at = await onScreen(element, 1);
    await page.keyboard.down("Alt");
    await page.mouse.click(at.x, at.y);
    await page.keyboard.up("Alt");
    const picked = await element.evaluate((el) => ({
      count: el.points.train.length,
      status: el.shadowRoot.querySelector(".point-status").textContent,
      open: !el.shadowRoot.querySelector('[part="derivation"]').hidden,
    }));
    assert.equal(picked.count, 4, "the Alt-click added nothing");
    assert.ok(picked.open);
    assert.match(picked.status, /^Training point 1 of 4: x₁ = 2, x₂ = 2, label 1/);
    await page.mouse.click(at.x + 30, at.y + 30);
    assert.equal(await element.evaluate((el) => el.points.train.length), 5, "a plain click still adds a point");
  }));

test("on a 375 px phone the open derivation is text that fits the width", () =>
  withPage("?hidden-units=8", { width: 375, height: 800 }, async ({ element }) => {
    const fit = await element.evaluate((el) => {
      el.step(100);
      el.selectPoint(0);
      const panel = el.shadowRoot.querySelector('[part="derivation"]');
      const wider = [...panel.querySelectorAll("*")].filter((n) => n.getBoundingClientRect().right > 375 + 0.5).map((n) => n.className || n.tagName);
      return {
        pageWidth: document.scrollingElement.scrollWidth,
        wider,
        pictures: panel.querySelectorAll("canvas, img, svg").length,
        terms: panel.querySelectorAll(".term").length,
      };
    });
    assert.equal(fit.pageWidth, 375, "no sideways scrolling");
    assert.deepEqual(fit.wider, [], "nothing sticks out");
    assert.equal(fit.pictures, 0, "numbers and symbols as text");
    assert.ok(fit.terms > 20);
  }));
