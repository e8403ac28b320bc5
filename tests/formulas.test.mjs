// The live formulas (`part="formulas"`): the course's equations for the
// model on screen with its shapes, the step being computed highlighted
// while training runs slowly, and the current values and gradients. The
// panel starts folded on the full page; `?folded=none` opens it here.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** The text of each equation, by its data-step. */
function equations(element) {
  return element.evaluate((el) => {
    const panel = el.shadowRoot.querySelector('[part="formulas"]');
    const out = {};
    for (const line of panel.querySelectorAll(".equation[data-step]")) {
      out[line.dataset.step] = (out[line.dataset.step] ?? "") + line.textContent.replace(/\s+/g, "");
    }
    return { open: panel.open, visible: panel.offsetParent !== null, mathml: panel.querySelectorAll("math").length, out };
  });
}

test("hidden-units = 7: the equations with the shapes W[1] 7×2, b[1] 7×1, W[2] 1×7, X 2×400", () =>
  withPage("?folded=none#hidden-units=7", async ({ element }) => {
    const { open, visible, mathml, out } = await equations(element);
    assert.ok(open && visible, "the panel is open");
    assert.ok(mathml >= 15, `typeset as MathML: ${mathml} equations`);
    // Forward and backward propagation as the course writes them.
    assert.equal(out["forward-1-z"], "Z[1]=W[1]X+b[1]");
    assert.equal(out["forward-1-a"], "A[1]=tanh(Z[1])");
    assert.equal(out["forward-2-a"], "A[2]=σ(Z[2])");
    assert.equal(out["backward-2-dz"], "dZ[2]=A[2]−Y");
    assert.equal(out["backward-1-dw"], "dW[1]=1mdZ[1]XT");
    assert.equal(out["backward-1-dz"], "dZ[1]=W[2]TdZ[2]⊙(1−A[1]2)");
    // The shapes of this network.
    assert.equal(out["shapes-x"], "X:2×400,Y:1×400");
    assert.equal(out["shapes-1"], "W[1]:7×2,b[1]:7×1");
    assert.equal(out["shapes-1-za"], "Z[1],A[1]:7×400");
    assert.equal(out["shapes-2"], "W[2]:1×7,b[2]:1×1");
    // Another model: the equations follow it.
    await element.evaluate((el) => el.setAttribute("layers", "5,3"));
    await element.evaluate((el) => el.setAttribute("model", "deep"));
    await element.evaluate((el) => el.setAttribute("activation", "relu"));
    const deep = (await equations(element)).out;
    assert.equal(deep["shapes-2"], "W[2]:3×5,b[2]:3×1");
    assert.equal(deep["forward-3-a"], "A[3]=σ(Z[3])");
    assert.equal(deep["backward-2-dz"], "dZ[2]=W[3]TdZ[3]⊙1Z[2]>0");
  }));

test("training slowly highlights the step being computed, in order; fast or paused, none", () =>
  withPage("?folded=none#speed=2", async ({ element }) => {
    const seen = await element.evaluate(async (el) => {
      const panel = el.shadowRoot.querySelector('[part="formulas"]');
      const steps = [];
      el.play();
      const until = performance.now() + 1600;
      while (performance.now() < until) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const current = panel.querySelector(".equation.current")?.dataset.step ?? null;
        if (current !== steps.at(-1)) steps.push(current);
      }
      el.pause();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return { steps, afterPause: panel.querySelectorAll(".equation.current").length, aria: panel.querySelector("[aria-current=step]") };
    });
    assert.ok(seen.steps.length >= 8, `highlighted ${seen.steps.join(", ")}`);
    const order = ["forward-1-z", "forward-1-a", "forward-2-z", "forward-2-a", "cost", "backward-2-dz", "backward-2-dw", "backward-2-db", "backward-1-dz", "backward-1-dw", "backward-1-db", "update"];
    const positions = seen.steps.filter((s) => s !== null).map((s) => order.indexOf(s));
    assert.ok(positions.every((p) => p >= 0), `only known steps: ${seen.steps}`);
    // Within an iteration the steps go forward; they start again at the next one.
    let restarts = 0;
    for (let i = 1; i < positions.length; i += 1) if (positions[i] < positions[i - 1]) restarts += 1;
    assert.ok(restarts <= 3, `in computing order: ${seen.steps}`);
    assert.equal(seen.afterPause, 0, "nothing is highlighted once paused");

    const fast = await element.evaluate(async (el) => {
      el.setAttribute("speed", "1000");
      el.play();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const count = el.shadowRoot.querySelectorAll('[part="formulas"] .equation.current').length;
      el.pause();
      return count;
    });
    assert.equal(fast, 0, "at 1000 iterations per second nothing is highlighted");
  }));

test("at the caps, trained in parts, the highlight follows the iteration's parts: forward up the layers, backward down", () =>
  // #15: 6 hidden layers of 64 units on 10,000 points, an iteration of many
  // parts over many frames; at 2 a second the machine is behind, so parts
  // run in every frame. Before, the highlight followed the time owed and
  // stayed on the update while the parts ran.
  withPage("?folded=none#model=deep&layers=64,64,64,64,64,64&points=10000&speed=2", async ({ element }) => {
    const seen = await element.evaluate(async (el) => {
      const panel = el.shadowRoot.querySelector('[part="formulas"]');
      const steps = [];
      el.play();
      const until = performance.now() + 6000;
      while (performance.now() < until) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const current = panel.querySelector(".equation.current")?.dataset.step ?? null;
        if (current !== null && current !== steps.at(-1)) steps.push(current);
      }
      el.pause();
      return steps;
    });
    // The passes' steps as [pass, layer] (J and the update between them aside).
    const parsed = seen.flatMap((step) => {
      const [, pass, layer] = /^(forward|backward)-(\d)-/.exec(step) ?? [];
      return pass ? [[pass, Number(layer)]] : [];
    });
    const forward = parsed.filter(([pass]) => pass === "forward").map(([, l]) => l);
    const backward = parsed.filter(([pass]) => pass === "backward").map(([, l]) => l);
    assert.ok(new Set(forward).size >= 4, `the forward pass through several layers: ${seen.join(", ")}`);
    assert.ok(new Set(backward).size >= 4, `the backward pass through several layers: ${seen.join(", ")}`);
    // Up the layers forward, down them backward, each pass restarting once an iteration.
    const restarts = (layers, up) => layers.filter((l, i) => i > 0 && (up ? l < layers[i - 1] : l > layers[i - 1])).length;
    const passes = parsed.filter(([pass], i) => i > 0 && pass === "backward" && parsed[i - 1][0] !== "backward").length + 1;
    assert.ok(restarts(forward, true) <= passes, `forward in order: ${seen.join(", ")}`);
    assert.ok(restarts(backward, false) <= passes, `backward in order: ${seen.join(", ")}`);
    // Each pass runs through: the backward one starts near the output after
    // a forward pass near it, the forward one near the inputs. (A layer
    // done in one part, like the output layer's single unit, may not be
    // seen between frames.)
    for (let i = 1; i < parsed.length; i += 1) {
      const [[previous, from], [pass, to]] = [parsed[i - 1], parsed[i]];
      if (pass === previous) continue;
      const fromTop = pass === "backward";
      assert.ok(fromTop ? from >= 5 && to >= 5 : from <= 3 && to <= 3, `passes run through: ${seen.join(", ")}`);
    }
  }));

test("show values: W, b and their gradients dW, db for a small network; too many for a large one", () =>
  withPage("?folded=none#hidden-units=3", async ({ element }) => {
    const shown = await element.evaluate((el) => {
      el.step(20);
      const button = el.shadowRoot.querySelector('[data-action="show-values"]');
      button.click();
      const values = el.shadowRoot.querySelector(".formula-values");
      const tables = [...values.querySelectorAll("table.matrix")].map((t) =>
        [...t.rows].map((r) => [...r.cells].map((c) => Number(c.textContent.replaceAll("\u2212", "-")))),
      );
      return { pressed: button.getAttribute("aria-pressed"), heading: values.querySelector("h3").textContent, tables, parameters: el.parameters, gradients: el.gradients };
    });
    assert.equal(shown.pressed, "true");
    assert.equal(shown.heading, "Values at iteration 20");
    const [W1, b1, dW1, db1, W2, b2, dW2, db2] = shown.tables;
    assert.equal(W1.length, 3);
    assert.equal(W1[0].length, 2);
    assert.equal(b1.length, 3);
    assert.equal(W2[0].length, 3);
    const close3 = (shownValue, value) => Math.abs(shownValue - value) <= Math.abs(value) * 0.006 + 1e-12;
    assert.ok(close3(W1[1][0], shown.parameters.W1[1][0]), "W[1] is the current W1");
    assert.ok(close3(dW2[0][2], shown.gradients.dW2[0][2]), "dW[2] is the current gradient");
    assert.ok(close3(db1[2][0], shown.gradients.db1[2]));
    assert.ok(close3(b2[0][0], shown.parameters.b2[0]));
    assert.ok(close3(dW1[0][1], shown.gradients.dW1[0][1]));
    assert.ok(close3(db2[0][0], shown.gradients.db2[0]));
    // The gradients are those the next update applies: W − α dW.
    const next = await element.evaluate((el) => {
      const { W1 } = el.parameters;
      const { dW1 } = el.gradients;
      el.step(1);
      return { predicted: W1[0][0] - 1.2 * dW1[0][0], actual: el.parameters.W1[0][0] };
    });
    assert.equal(next.actual, next.predicted);

    const many = await element.evaluate(async (el) => {
      el.setAttribute("hidden-units", "40");
      await null; // the task's attribute changes are shown in a microtask after it
      return el.shadowRoot.querySelector(".formula-values").textContent;
    });
    assert.match(many, /This network has 161 parameters, too many to show here \(at most 64\)/);
  }));
