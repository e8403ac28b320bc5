// Model files: exportModel() → importModel() gives back the same run to the
// bit (the same cost, and the same cost after 100 more iterations), in the
// same element or another; bad files are refused with a message that says
// what is wrong, changing nothing; the buttons save and load the same JSON,
// the plot as a PNG and the costs as CSV.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText, readDownload } from "./helpers.mjs";

/** The bits of a double, as hex, so that assert shows them. */
const BITS = `(x) => { const v = new DataView(new ArrayBuffer(8)); v.setFloat64(0, x); return v.getBigUint64(0).toString(16); }`;

test("export → import gives the same cost bits, and training goes on identically", () =>
  withPage("#hidden-units=5&test-fraction=0.2&learning-rate=0.9", async ({ element }) => {
    const result = await element.evaluate(async (el, bitsSource) => {
      const bits = eval(bitsSource);
      el.step(1234);
      const json = el.exportModel();
      const exported = { cost: bits(el.cost), iteration: el.iteration, settings: el.settings, points: el.points };
      // Change everything: another model, other data, more training.
      el.setAttribute("hidden-units", "7");
      el.setAttribute("dataset", "moons");
      el.step(50);
      await el.importModel(json);
      const imported = { cost: bits(el.cost), iteration: el.iteration, settings: el.settings, points: el.points };
      // A second element, loading the same text.
      const other = document.createElement("sepal-playground");
      other.setAttribute("controls", "none");
      document.body.append(other);
      await other.ready;
      await other.importModel(json);
      const otherCost = bits(other.cost);
      el.step(100);
      other.step(100);
      // And the run that never stopped.
      const straight = document.createElement("sepal-playground");
      straight.setAttribute("hidden-units", "5");
      straight.setAttribute("test-fraction", "0.2");
      straight.setAttribute("learning-rate", "0.9");
      document.body.append(straight);
      await straight.ready;
      straight.step(1334);
      return {
        json,
        exported,
        imported,
        otherCost,
        continued: [bits(el.cost), bits(other.cost), bits(straight.cost)],
        reexport: el.exportModel() !== json,
      };
    }, BITS);
    const file = JSON.parse(result.json);
    assert.equal(file.format, "sepal-model");
    assert.equal(file.version, 1);
    assert.equal(file.iteration, 1234);
    assert.equal(file.settings.hiddenUnits, 5);
    assert.equal(file.settings.speed, undefined, "the page's own settings are not in the file");
    assert.deepEqual(Object.keys(file.parameters), ["W1", "b1", "W2", "b2"]);
    assert.equal(file.points.test.length, 80);

    assert.equal(result.imported.cost, result.exported.cost, "the same cost bits after import");
    assert.equal(result.imported.iteration, 1234);
    assert.deepEqual(result.imported.settings, result.exported.settings);
    assert.deepEqual(result.imported.points, result.exported.points);
    assert.equal(result.otherCost, result.exported.cost, "another element loads the same run");
    const [continued, other, straight] = result.continued;
    assert.equal(continued, straight, "100 more iterations: the same bits as a run that never stopped");
    assert.equal(other, straight);
    assert.ok(result.reexport, "the run moved on");
  }));

test("bad model files are refused with what is wrong, and nothing changes", () =>
  withPage("#hidden-units=3", async ({ element }) => {
    const result = await element.evaluate(async (el) => {
      el.step(10);
      const good = JSON.parse(el.exportModel());
      const state = () => JSON.stringify([el.iteration, el.cost, el.settings, el.points, el.parameters]);
      const before = state();
      const variant = (change) => {
        const copy = structuredClone(good);
        change(copy);
        return JSON.stringify(copy);
      };
      const inputs = {
        notJson: "{ this is not json",
        notModel: "[1, 2, 3]",
        format: variant((f) => (f.format = "keras")),
        version: variant((f) => (f.version = 7)),
        setting: variant((f) => (f.settings.learningRate = -1)),
        unknownSetting: variant((f) => (f.settings.colour = "red")),
        point: variant((f) => (f.points.train[4] = [0, 1, 2])),
        shortPoint: variant((f) => (f.points.train[0] = [0, 1])),
        shape: variant((f) => (f.settings.hiddenUnits = 4)),
        ragged: variant((f) => f.parameters.W1[1].push(0.5)),
        missing: variant((f) => delete f.parameters.b2),
        notFinite: variant((f) => (f.parameters.W1[0][0] = 12345.678)).replace("12345.678", "1e400"),
        iteration: variant((f) => (f.iteration = 2.5)),
      };
      const messages = {};
      for (const [name, input] of Object.entries(inputs)) {
        try {
          await el.importModel(input);
          messages[name] = "accepted";
        } catch (error) {
          messages[name] = error.message;
        }
      }
      return { messages, unchanged: state() === before };
    });
    const m = result.messages;
    const expect = {
      notJson: /^This model cannot be loaded: it is not JSON \(/,
      notModel: /it is not a Sepal model: a model file is a JSON object with format, version/,
      format: /format is "keras", not "sepal-model"/,
      version: /version 7 is not supported/,
      setting: /in its settings, learning-rate = "-1" is out of range: use a number above 0 and at most 10000/,
      unknownSetting: /"colour" is not a setting/,
      point: /point 5 of points\.train has label 2; labels are 0 or 1/,
      shortPoint: /point 1 of points\.train has 2 values instead of x1, x2, label/,
      shape: /W1 is 3×2 but the settings need 4×2/,
      ragged: /row 2 of W1 has 3 numbers but the settings need 2/,
      missing: /parameters\.b2 is missing/,
      notFinite: /W1 holds a value that is not a finite number/,
      iteration: /iteration 2\.5 is not a whole number from 0 to 9007199254740991/,
    };
    for (const [name, pattern] of Object.entries(expect)) assert.match(m[name], pattern, name);
    assert.ok(result.unchanged, "a refused file changes nothing");
  }));

test("the buttons save the model, load it back, save the plot and copy the costs", () =>
  withPage("#model=logistic&dataset=blobs", async ({ page, element }) => {
    await element.evaluate((el) => el.step(300));
    const cost = await element.evaluate((el) => el.cost);

    const [modelDownload] = await Promise.all([page.waitForEvent("download"), element.locator('button[data-action="save-model"]').click()]);
    assert.equal(modelDownload.suggestedFilename(), "sepal-model.json");
    const json = (await readDownload(modelDownload)).toString("utf8");
    assert.equal(json, await element.evaluate((el) => el.exportModel()));
    assert.deepEqual(Object.keys(JSON.parse(json).parameters), ["w", "b"]);

    // Something else, then the file back through the picker.
    await element.evaluate((el) => el.reset());
    await element.locator('input[data-role="model-file"]').setInputFiles({ name: "blobs.json", mimeType: "application/json", buffer: Buffer.from(json) });
    await page.waitForFunction(() => document.querySelector("sepal-playground").iteration === 300);
    assert.equal(await element.evaluate((el) => el.cost), cost);
    assert.match(await noticeText(page), /Loaded the model from blobs\.json\./);

    // A broken file through the picker: the notice says why.
    await element.locator('input[data-role="model-file"]').setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{}") });
    await page.waitForFunction(() => /broken\.json/.test(document.querySelector("sepal-playground").shadowRoot.querySelector('[part="notice"]').textContent));
    assert.match(await noticeText(page), /Could not load broken\.json: format is missing\. Nothing was changed\./);
    assert.equal(await element.evaluate((el) => el.iteration), 300);

    const [plotDownload] = await Promise.all([page.waitForEvent("download"), element.locator('button[data-action="save-plot"]').click()]);
    assert.equal(plotDownload.suggestedFilename(), "sepal-plot.png");
    const png = await readDownload(plotDownload);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG");
    assert.ok(png.length > 5000, `${png.length} bytes`);

    const csv = await element.evaluate((el) => el.exportCosts());
    const lines = csv.trim().split("\n");
    assert.equal(lines[0], "iteration,cost,train_accuracy");
    assert.equal(lines.length, 2, "an imported run's curve starts at its iteration");
    assert.equal(lines[1], `300,${cost},${await element.evaluate((el) => el.trainAccuracy)}`);
    // The button copies it, or shows it to copy by hand.
    await element.locator('button[data-action="copy-costs"]').click();
    await page.waitForFunction(() => document.querySelector("sepal-playground").shadowRoot.querySelector(".files-box .link-status").textContent !== "");
    const status = await element.evaluate((el) => {
      const box = el.shadowRoot.querySelector(".files-box .link-status");
      return { text: box.textContent, area: box.querySelector("textarea")?.value ?? null };
    });
    if (status.area === null) assert.match(status.text, /Cost history copied/);
    else assert.equal(status.area, csv);
  }));

test("the cost history as CSV lists every recorded iteration, with test columns when points are held out", () =>
  withPage("#test-fraction=0.25", async ({ element }) => {
    const csv = await element.evaluate((el) => {
      el.step(1000);
      return el.exportCosts();
    });
    const lines = csv.trim().split("\n");
    assert.equal(lines[0], "iteration,cost,train_accuracy,test_cost,test_accuracy");
    assert.equal(lines.length, 1002, "iterations 0 to 1000");
    const [iteration, cost] = lines[1001].split(",").map(Number);
    assert.equal(iteration, 1000);
    assert.equal(cost, await element.evaluate((el) => el.cost));
  }));
