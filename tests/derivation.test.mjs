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
    // One edge per weight (2 × 4 into the hidden layer, 4 into the output), each carrying W and dW.
    const edges = await element.evaluate((el) => {
      const root = el.shadowRoot.querySelector('[part="derivation"]');
      const labels = Object.fromEntries([...root.querySelectorAll(".graph .edge-label")].map((n) => [n.dataset.graph, n.textContent]));
      return { keys: [...root.querySelectorAll(".graph .edge.weight")].map((e) => e.dataset.graph), labels, W: [el.parameters.W1, el.parameters.W2] };
    });
    assert.equal(edges.keys.length, 2 * 4 + 4);
    for (const key of edges.keys) {
      const [l, j, k] = key.slice(1).split("-").map(Number);
      const name = `W[${l + 1}]${j + 1}${k + 1}`;
      const dW = shown.d.backward[l].dW[j][k];
      assert.equal(edges.labels[key], `${name} = ${short(edges.W[l][j][k])}d${name} = ${short(dW)}`);
    }
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
      return {
        d,
        w: el.parameters.w,
        text: root.textContent,
        nodes: [...root.querySelectorAll(".graph .node")].map((n) => n.dataset.graph),
        edges: [...root.querySelectorAll(".graph .edge")].map((n) => n.dataset.graph),
        labels: Object.fromEntries([...root.querySelectorAll(".graph .edge-label")].map((n) => [n.dataset.graph, n.textContent])),
      };
    });
    assert.deepEqual(shown.nodes, ["x0", "x1", "b", "z0-0", "a", "loss"]);
    // The notes' edges: w₁, w₂ and b into z, then z → a (da/dz), a → L (dL/da).
    assert.deepEqual(shown.edges, ["W0-0-0", "W0-0-1", "b0-0", "za", "aL"]);
    const out0 = shown.d.backward[0];
    assert.equal(shown.labels["W0-0-0"], `w1 = ${short(shown.w[0])}dw1 = ${short(out0.dW[0][0])}`);
    assert.equal(shown.labels["W0-0-1"], `w2 = ${short(shown.w[1])}dw2 = ${short(out0.dW[0][1])}`);
    assert.equal(shown.labels["b0-0"], `db = ${short(out0.db[0])}`);
    assert.equal(shown.labels.za, `da/dz = ${short(out0.gPrime[0])}`);
    assert.equal(shown.labels.aL, `dL/da = ${short(out0.dA[0])}`);
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

test("the keyboard chooses points; step-through goes forward node by node, then backward edge by edge, with Space and Enter", () =>
  withPage("", async ({ page, element }) => {
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    const hint = await element.evaluate((el) => el.shadowRoot.querySelector(".point-status").textContent);
    assert.equal(hint, "Arrow keys choose a point and show its derivation; Escape closes it.");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const status = await element.evaluate((el) => el.shadowRoot.querySelector(".point-status").textContent);
    assert.match(status, /^Training point 1 of 400: x₁ = /);
    assert.ok(await element.locator('[part="derivation"]').isVisible());
    /** What is highlighted: the terms, the places on the graph, the two factors of an edge, the status line. */
    const current = () =>
      element.evaluate((el) => {
        const root = el.shadowRoot.querySelector('[part="derivation"]');
        const key = (n) => `${n.closest("[data-graph]").dataset.graph}:${n.dataset.line}`;
        return {
          terms: [...root.querySelectorAll(".term.current")].map((t) => t.textContent),
          places: [...new Set([...root.querySelectorAll(".graph .current")].map((n) => `${n.classList.contains("node") ? "node" : "edge"} ${n.dataset.graph}`))],
          forward: [...root.querySelectorAll(".forward-factor")].map(key),
          backward: [...root.querySelectorAll(".backward-factor")].map(key),
          status: root.querySelector(".step-status").textContent,
        };
      });
    await element.locator('[data-action="step-through"]').click();
    const first = await current();
    assert.equal(first.terms.length, 2, "a node's z and a are one step");
    assert.match(first.terms[0], /^z\[1\]1 = /);
    assert.match(first.terms[1], /^a\[1\]1 = tanh/);
    assert.deepEqual(first.places, ["node z0-0"]);
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    const third = await current();
    assert.deepEqual(third.places, ["node z0-2"]);
    assert.match(third.status, /^Step 3 of \d+: z\[1\]3 = .*; a\[1\]3 = /);
    // Forward: the four hidden units, the output, the loss; then backward from the loss.
    for (let i = 0; i < 3; i += 1) await page.keyboard.press(i % 2 ? "Enter" : "Space");
    assert.deepEqual((await current()).places, ["node loss"]);
    await page.keyboard.press("Space");
    const dLda = await current();
    assert.deepEqual(dLda.places, ["edge aL"], "dL/da on the edge from a to L");
    assert.match(dLda.terms[0], /^dL\/da = /);
    await page.keyboard.press("Enter");
    const dz = await current();
    assert.deepEqual(dz.places, ["node z1-0"]);
    assert.deepEqual(dz.terms.map((t) => t.split(" =")[0]), ["da/dz", "dz[2]"]);
    // Then edge by edge: dW[2]₁ₖ = a[1]ₖ · dz[2], the forward-pass factor at the node it comes from, the backward-pass factor at the node it goes to.
    for (const k of [0, 1]) {
      await page.keyboard.press(k ? "Enter" : "Space");
      const edge = await current();
      assert.deepEqual(edge.places, [`edge W1-0-${k}`]);
      assert.match(edge.terms[0], new RegExp(`^dW\\[2\\]1${k + 1} = a\\[1\\]${k + 1} · dz\\[2\\] = `));
      assert.deepEqual(edge.forward, [`z0-${k}:a`]);
      assert.deepEqual(edge.backward, ["z1-0:dz"]);
    }
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    await page.keyboard.press("Escape");
    assert.equal(await element.locator('[part="derivation"]').isVisible(), false);
  }));

test("wide layers show the units with the largest |dz|, with edges only between shown units, and expand on request", () =>
  withPage("?hidden-units=20", async ({ element }) => {
    const graph = () =>
      element.evaluate((el) => {
        const root = el.shadowRoot.querySelector('[part="derivation"]');
        const shown = new Set([...root.querySelectorAll(".graph .node")].map((n) => n.dataset.graph));
        const edges = [...root.querySelectorAll(".graph .edge.weight")];
        const dz = el.derivation(3).backward[0].dz.map(Math.abs);
        return {
          units: root.querySelectorAll('.graph .node[data-layer="1"]').length,
          edges: edges.length,
          between: edges.every((e) => shown.has(e.dataset.from) && shown.has(e.dataset.to)),
          more: root.querySelector('.more-units[data-layer="1"]').textContent,
          topShown: shown.has(`z0-${dz.indexOf(Math.max(...dz))}`),
        };
      });
    await element.evaluate((el) => el.selectPoint(3));
    assert.deepEqual(await graph(), { units: 4, edges: 4 * 2 + 4, between: true, more: "+16 more", topShown: true });
    await element.locator('.more-units[data-layer="1"]').click();
    assert.deepEqual(await graph(), { units: 20, edges: 20 * 2 + 20, between: true, more: "Show fewer", topShown: true });
    await element.locator('.more-units[data-layer="1"]').click();
    assert.equal((await graph()).units, 4);
  }));

test("expanded 64-unit layers draw at most MAX_EDGES edges, the strongest of each layer, and list their terms", () =>
  withPage("#model=deep&layers=64,64", async ({ element }) => {
    await element.evaluate((el) => el.selectPoint(0));
    await element.locator('.more-units[data-layer="1"]').click();
    await element.locator('.more-units[data-layer="2"]').click();
    // #15: so many terms come over a few frames; the list is busy until then.
    await element.locator('[part="derivation"] .terms:not([aria-busy])').waitFor();
    const drawn = await element.evaluate((el) => {
      const root = el.shadowRoot.querySelector('[part="derivation"]');
      const W = el.parameters.W;
      const keys = new Set([...root.querySelectorAll(".graph .edge.weight")].map((e) => e.dataset.graph));
      // Layer 2's 64 × 64 weights: the weakest drawn against the strongest left out.
      let weakestDrawn = Infinity;
      let strongestLeft = 0;
      W[1].forEach((row, j) =>
        row.forEach((w, k) => {
          if (keys.has(`W1-${j}-${k}`)) weakestDrawn = Math.min(weakestDrawn, Math.abs(w));
          else strongestLeft = Math.max(strongestLeft, Math.abs(w));
        }),
      );
      const dWterms = [...root.querySelectorAll(".term")].filter((t) => /^W\d/.test(t.dataset.graph)).map((t) => t.dataset.graph);
      return {
        units: root.querySelectorAll(".graph .node").length,
        edges: keys.size,
        weakestDrawn,
        strongestLeft,
        note: root.querySelector(".edges-shown").textContent,
        termsAreEdges: dWterms.length === keys.size && dWterms.every((k) => keys.has(k)),
      };
    });
    assert.equal(drawn.units, 2 + 64 + 64 + 1 + 1);
    assert.ok(drawn.edges <= 300 && drawn.edges >= 250, `${drawn.edges} edges`);
    assert.ok(drawn.weakestDrawn >= drawn.strongestLeft, `${drawn.weakestDrawn} ≥ ${drawn.strongestLeft}`);
    assert.equal(drawn.note, `The ${drawn.edges} strongest of these ${64 * 2 + 64 * 64 + 64} weights are drawn; the terms below list those too.`);
    assert.ok(drawn.termsAreEdges, "a dW term for each drawn edge");
  }));

test("the panel computes nothing while closed, and at most once a drawn frame while open, 64-unit layers expanded", (t) =>
  withPage("#model=deep&layers=64,64&speed=max", async ({ element }) => {
    await element.evaluate(async (el) => {
      // Every call into the wasm derivation, counted.
      const { Playground } = await import("./pkg/sepal.js");
      window.derivationCalls = 0;
      for (const name of ["derivation", "derivationMean"]) {
        const original = Playground.prototype[name];
        Playground.prototype[name] = function counted(...args) {
          window.derivationCalls += 1;
          return original.apply(this, args);
        };
      }
    });
    /** Plays for `ms` and counts the frames drawn, the iterations and the derivation's calls; and the frames' intervals. */
    const playFor = (ms) =>
      element.evaluate(
        (el, ms) =>
          new Promise((resolve) => {
            const calls = window.derivationCalls;
            const iteration = el.iteration;
            const times = [];
            const start = performance.now();
            const frame = (time) => {
              times.push(time);
              if (time - start < ms) return requestAnimationFrame(frame);
              const intervals = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
              resolve({
                frames: times.length,
                iterations: el.iteration - iteration,
                calls: window.derivationCalls - calls,
                median: intervals[intervals.length >> 1],
                p95: intervals[Math.floor(intervals.length * 0.95)],
              });
            };
            requestAnimationFrame(frame);
          }),
        ms,
      );
    await element.evaluate((el) => el.play());
    const closed = await playFor(1500);
    assert.equal(closed.calls, 0, "nothing computed while the panel is closed");
    assert.ok(closed.iterations > 0);
    await element.evaluate((el) => el.selectPoint(0));
    await element.locator('.more-units[data-layer="1"]').click();
    await element.locator('.more-units[data-layer="2"]').click();
    await element.evaluate((el) => el.shadowRoot.querySelector('[part="derivation"] .graph').scrollIntoView());
    const open = await playFor(3000);
    await element.evaluate((el) => el.pause());
    assert.ok(open.calls >= 1, "the open panel follows training");
    assert.ok(open.calls <= open.frames, `${open.calls} calls in ${open.frames} frames`);
    assert.ok(open.calls < open.iterations, `${open.calls} calls for ${open.iterations} iterations: not one per iteration`);
    const ms = (v) => v.toFixed(1);
    t.diagnostic(`frame interval closed: median ${ms(closed.median)} ms, p95 ${ms(closed.p95)} ms (${closed.frames} frames, ${closed.iterations} iterations)`);
    t.diagnostic(`frame interval open, 64,64 expanded, on screen: median ${ms(open.median)} ms, p95 ${ms(open.p95)} ms (${open.frames} frames, ${open.iterations} iterations, ${open.calls} derivations)`);
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

test("on a 375 px phone the open derivation fits the width: the graph scrolls inside its box, its numbers are text", () =>
  withPage("?hidden-units=8", { width: 375, height: 800 }, async ({ element }) => {
    const fit = await element.evaluate((el) => {
      el.step(100);
      el.selectPoint(0);
      const panel = el.shadowRoot.querySelector('[part="derivation"]');
      const box = panel.querySelector(".graph");
      box.scrollIntoView();
      const outside = [...panel.querySelectorAll("*")].filter((n) => !box.contains(n) && n.getBoundingClientRect().right > 375 + 0.5);
      return {
        pageWidth: document.scrollingElement.scrollWidth,
        outside: outside.map((n) => n.className || n.tagName),
        box: box.getBoundingClientRect().right,
        scrolls: box.scrollWidth > box.clientWidth,
        numbers: [...panel.querySelectorAll(".graph .node")].map((n) => n.textContent).slice(0, 2),
        pictures: panel.querySelectorAll("canvas, img, svg text").length,
        terms: panel.querySelectorAll(".term").length,
      };
    });
    assert.equal(fit.pageWidth, 375, "no sideways scrolling of the page");
    assert.deepEqual(fit.outside, [], "nothing but the graph's scrolling content is wider");
    assert.ok(fit.box <= 375, `the graph's box ends at ${fit.box}`);
    assert.ok(fit.scrolls, "the graph keeps its size and scrolls in its box");
    assert.match(fit.numbers[0], /^x1 = \d/);
    assert.equal(fit.pictures, 0, "numbers and symbols as text, not drawn");
    assert.ok(fit.terms > 20);
  }));

test("#15: at a large size All points is averaged in parts, counting the points, the numbers meanwhile busy and dimmed, and ends at the batch gradients", () =>
  // 64, 64 units on 2,000 points: 4,417 parameters × 2,000 points, over MEAN_WORK (point-derivation.js).
  withPage("?model=deep&layers=64,64&points=2000", async ({ element }) => {
    await element.evaluate(async (el) => {
      await el.ready;
      el.step(3);
      el.selectPoint(0);
      const subtitle = el.shadowRoot.querySelector(".derivation-point");
      const body = el.shadowRoot.querySelector(".derivation-body");
      window.__subtitles = [];
      // With each subtitle, whether the numbers below are marked busy and dimmed (they are not the mean yet).
      window.__bodies = [];
      new MutationObserver(() => {
        window.__subtitles.push(subtitle.textContent);
        window.__bodies.push({ busy: body.getAttribute("aria-busy"), opacity: getComputedStyle(body).opacity });
      }).observe(subtitle, { childList: true, characterData: true, subtree: true });
    });
    await element.locator('[data-view="mean"]').click();
    await element.page().waitForFunction(
      (el) => /^Every value averaged/.test(el.shadowRoot.querySelector(".derivation-point").textContent),
      await element.elementHandle(),
      { timeout: 60000 },
    );
    const shown = await element.evaluate(async (el) => {
      const { short } = await import(new URL("derivation-panel.js", document.baseURI).href);
      const g = el.gradients;
      const terms = [...el.shadowRoot.querySelectorAll('[part="derivation"] [data-graph^="W0-"]')].map((n) => {
        const [, unit, input] = n.dataset.graph.split("-").map(Number);
        return { text: n.textContent, expected: short(g.dW[0][unit][input]) };
      });
      const body = el.shadowRoot.querySelector(".derivation-body");
      const end = { busy: body.getAttribute("aria-busy"), opacity: getComputedStyle(body).opacity };
      return { subtitles: window.__subtitles, bodies: window.__bodies, end, terms };
    });
    assert.match(shown.subtitles[0], /^Averaging over the training points… [\d,]+ of 2,000$/);
    assert.match(shown.subtitles.at(-1), /^Every value averaged over the 2000 training points/);
    // While it averages, the point's numbers still shown are busy and dimmed; the mean is neither.
    const averaging = shown.bodies.filter((_, i) => shown.subtitles[i].startsWith("Averaging"));
    assert.ok(averaging.length > 0);
    for (const body of averaging) assert.deepEqual(body, { busy: "true", opacity: "0.4" });
    assert.deepEqual(shown.end, { busy: null, opacity: "1" });
    assert.ok(shown.terms.length > 0);
    for (const { text, expected } of shown.terms) assert.ok(text.includes(`= ${expected}`), `${text} shows the batch's ${expected}`);
  }));
