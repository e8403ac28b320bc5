// Issue #12 item 12's teaching details: "Show values" becomes "Hide values"
// and back; the cost formula is typeset as the course writes it (log set
// apart, a^[L](i) one superscript); the run's chart names its axes, in the
// canvas and in its label, clear of the tick labels at 375 px; and a
// finished experiment's run can be taken into the main plot.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("Show values becomes Hide values, pressed, and back", () =>
  withPage("?folded=none", async ({ element }) => {
    const button = element.locator('[data-action="show-values"]');
    const state = async () => ({
      text: (await button.textContent()).trim(),
      pressed: await button.getAttribute("aria-pressed"),
      values: await element.evaluate((el) => !el.shadowRoot.querySelector(".formula-values").hidden),
    });
    assert.deepEqual(await state(), { text: "Show values", pressed: "false", values: false });
    await button.focus();
    await button.press("Enter");
    assert.deepEqual(await state(), { text: "Hide values", pressed: "true", values: true });
    await button.press("Space");
    assert.deepEqual(await state(), { text: "Show values", pressed: "false", values: false });
  }));

test("the cost formula: log apart from its argument, a^[2](i) one superscript to the right of a, above its baseline", () =>
  withPage("?folded=none", async ({ element }) => {
    const layout = await element.evaluate((el) => {
      const cost = el.shadowRoot.querySelector('.equation[data-step="cost"]');
      const box = (node) => {
        const r = node.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const logs = [...cost.querySelectorAll("mi")].filter((mi) => mi.textContent === "log");
      const sups = [...cost.querySelectorAll("msup")].filter((s) => s.firstElementChild.textContent === "a");
      return {
        text: cost.textContent.replace(/\s+/g, ""),
        logs: logs.map((log) => ({ log: box(log), next: log.nextElementSibling.textContent, after: box(log.nextElementSibling.nextElementSibling) })),
        sups: sups.map((s) => ({ base: box(s.children[0]), script: box(s.children[1]), scriptText: s.children[1].textContent, nested: s.querySelector("msup") !== null })),
        previous: logs.map((log) => box(log.previousElementSibling.previousElementSibling)),
      };
    });
    assert.equal(layout.text, "J=−1m∑i(y(i)log\u2061(a[2](i))+(1−y(i))log\u2061(1−a[2](i)))");
    assert.equal(layout.logs.length, 2);
    for (const { log, next, after } of layout.logs) {
      assert.equal(next, "\u2061", "log is applied to its argument (&ApplyFunction;)");
      assert.ok(after.left >= log.right, `log ends at ${log.right}, its bracket starts at ${after.left}`);
    }
    // What comes before each log (y(i) and a bracket) does not touch it.
    layout.previous.forEach((before, i) => assert.ok(layout.logs[i].log.left > before.right, `a space before log ${i + 1}`));
    assert.equal(layout.sups.length, 2);
    for (const { base, script, scriptText, nested } of layout.sups) {
      assert.equal(scriptText, "[2](i)");
      assert.equal(nested, false, "one superscript, not a superscript on a superscript");
      assert.ok(script.left >= base.right - 0.5, `the superscript (from ${script.left}) is right of a (to ${base.right})`);
      assert.ok(script.bottom < base.bottom, "and raised above a's baseline");
    }
  }));

/** The chart's label, and where its canvas has ink in the margins: the titles and the tick labels. */
function chart(element) {
  return element.evaluate((el) => {
    const canvas = el.shadowRoot.querySelector('[part="cost-chart"]');
    const ctx = canvas.getContext("2d");
    const { width, height } = canvas;
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const inked = (x, y) => pixels[(y * width + x) * 4 + 3] > 40;
    // Columns with ink left of the y axis; rows with ink below the x axis.
    const columns = [];
    for (let x = 0; x < width; x += 1) {
      let ink = false;
      for (let y = 0; y < height && !ink; y += 1) ink = inked(x, y);
      columns.push(ink);
    }
    const rows = [];
    for (let y = 0; y < height; y += 1) {
      let ink = false;
      for (let x = 0; x < width && !ink; x += 1) ink = inked(x, y);
      rows.push(ink);
    }
    return { label: canvas.getAttribute("aria-label"), width, height, columns, rows };
  });
}

/** The runs of true in `flags`: [[start, end], …]. */
function runs(flags) {
  const out = [];
  flags.forEach((on, i) => {
    if (on && (i === 0 || !flags[i - 1])) out.push([i, i]);
    if (on) out.at(-1)[1] = i;
  });
  return out;
}

test("the chart names its axes in the canvas and its label; at 375 px the titles are clear of the tick labels", () =>
  withPage("", { width: 375, height: 800 }, async ({ element }) => {
    await element.evaluate((el) => el.step(300));
    const cost = await chart(element);
    assert.match(cost.label, /horizontal axis: iteration; vertical axis: cost/);
    // Left of the y axis: the turned title, a gap, the tick labels, a gap, the axis.
    const left = runs(cost.columns.slice(0, 64));
    assert.ok(left.length >= 3, `title, tick labels and axis apart: ${JSON.stringify(left)}`);
    assert.ok(left[0][1] < 18 && left[1][0] - left[0][1] >= 3, `the y title (${left[0]}) is clear of the tick labels (${left[1]})`);
    // Below the plot: tick marks and labels, a gap, the x title.
    const below = runs(cost.rows).filter(([start]) => start > cost.height - 44);
    assert.ok(below.length >= 2, `tick labels and title apart: ${JSON.stringify(below)}`);
    assert.ok(below.at(-1)[0] - below.at(-2)[1] >= 2, `the x title (${below.at(-1)}) is below the tick labels (${below.at(-2)})`);

    await element.locator('button[data-chart="accuracy"]').click();
    const accuracy = await chart(element);
    assert.match(accuracy.label, /horizontal axis: iteration; vertical axis: accuracy/);
  }));

test("an experiment's run: Use these settings makes them the main plot's, from iteration 0, paused; the results stay", () =>
  withPage("", async ({ element }) => {
    await element.evaluate((el) => el.step(50));
    await element.evaluate((el) => el.runExperiment("learning-rates"));
    const use = element.locator('.experiment-legend button.use-run[aria-label*="α = 0.5"]');
    assert.equal(await element.locator(".experiment-legend button.use-run").count(), 6, "one button per run");
    await use.focus();
    await use.press("Enter");
    const after = await element.evaluate((el) => ({
      learningRate: el.settings.learningRate,
      iteration: el.iteration,
      running: el.running,
      used: el.shadowRoot.querySelector(".experiment-used").textContent,
      legend: el.shadowRoot.querySelectorAll(".experiment-legend li").length,
      field: el.shadowRoot.querySelector('[name="learning-rate"]').value,
      chart: el.shadowRoot.querySelector(".experiment-chart").getAttribute("aria-label"),
    }));
    assert.deepEqual(after, {
      learningRate: 0.5,
      iteration: 0,
      running: false,
      used: "The main plot now uses the settings of α = 0.5, from iteration 0.",
      legend: 6,
      field: "0.5",
      chart: "Cost for different learning rates, 3000 iterations (horizontal axis: iteration; vertical axis: cost)",
    });
    // The sweep's runs too: n_h = 20 is the shallow network with 20 units.
    await element.evaluate((el) => el.runExperiment("sweep"));
    await element.locator('.multiple button.use-run[aria-label*="n_h = 20"]').click();
    const sweep = await element.evaluate((el) => ({ model: el.settings.model, hiddenUnits: el.settings.hiddenUnits, learningRate: el.settings.learningRate, iteration: el.iteration }));
    assert.deepEqual(sweep, { model: "shallow", hiddenUnits: 20, learningRate: 0.5, iteration: 0 });
  }));
