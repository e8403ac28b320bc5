// Embedding: index.html?embed=1&autoplay=1 in an <iframe> is the element
// alone and trains by itself; the `controls` attribute shows only what a
// teacher chose; attributes changed from script take effect; a column of
// course notes 320 px wide fits; the examples page works.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

test("an iframe of index.html?embed=1&autoplay=1 shows the element alone, with ?controls=, and trains", () =>
  withPage("", async ({ page }) => {
    const frame = await page.evaluate(async () => {
      const iframe = document.createElement("iframe");
      iframe.src = "index.html?embed=1&autoplay=1&controls=play,step,reset#dataset=moons&hidden-units=3";
      iframe.style.cssText = "width: 640px; height: 700px";
      document.body.replaceChildren(iframe);
      await new Promise((resolve) => iframe.addEventListener("load", resolve, { once: true }));
      const win = iframe.contentWindow;
      await win.customElements.whenDefined("sepal-playground");
      const el = win.document.querySelector("sepal-playground");
      await el.ready;
      const start = el.iteration;
      await new Promise((resolve) => setTimeout(resolve, 600));
      const doc = win.document;
      return {
        running: el.running,
        start,
        iteration: el.iteration,
        settings: el.settings,
        masthead: win.getComputedStyle(doc.querySelector(".masthead")).display,
        explainer: win.getComputedStyle(doc.querySelector(".explainer")).display,
        scrollWidth: doc.scrollingElement.scrollWidth,
        hash: win.location.hash,
        controls: el.getAttribute("controls"),
        modelShown: el.shadowRoot.querySelector('select[name="model"]').getClientRects().length > 0,
        playShown: el.shadowRoot.querySelector('[data-action="toggle"]').getClientRects().length > 0,
      };
    });
    assert.equal(frame.running, true, "autoplay=1 started training");
    assert.ok(frame.iteration > frame.start + 50, `it trains: ${frame.start} → ${frame.iteration}`);
    assert.equal(frame.settings.dataset, "moons");
    assert.equal(frame.settings.hiddenUnits, 3);
    assert.equal(frame.masthead, "none", "no heading in embed mode");
    assert.equal(frame.explainer, "none", "no text in embed mode");
    assert.ok(frame.scrollWidth <= 640, `nothing overflows the frame (${frame.scrollWidth}px)`);
    assert.equal(frame.controls, "play,step,reset", "?controls= chooses the frame's controls");
    assert.deepEqual([frame.playShown, frame.modelShown], [true, false]);
  }));

/** Which controls and panels of the first element are shown. */
function shown(element) {
  return element.evaluate((el) => {
    const visible = (selector) => {
      const found = el.shadowRoot.querySelector(selector);
      return Boolean(found && found.getClientRects().length > 0);
    };
    return {
      play: visible('[data-action="toggle"]'),
      step: visible('[data-action="step"]'),
      reset: visible('[data-action="reset"]'),
      model: visible('select[name="model"]'),
      rate: visible('input[name="learning-rate"]'),
      speed: visible('select[name="speed"]'),
      seed: visible('input[name="seed"]'),
      link: visible('[data-action="copy-link"]'),
      save: visible('[data-action="save-model"]'),
      load: visible('[data-action="load-model"]'),
      data: visible('[part="data"]'),
      chart: visible('[part="cost-chart"]'),
      formulas: visible('[part="formulas"]'),
      network: visible('[part="network"]'),
      experiments: visible('[part="experiments"]'),
      sweep: visible('[data-experiment="sweep"]'),
      inits: visible('[data-experiment="inits"]'),
      plot: visible('[part="plot"]'),
      readouts: visible(".readouts"),
    };
  });
}

test("controls=… shows only the chosen controls, and can change later", () =>
  withPage("", async ({ page, element }) => {
    await page.evaluate(async () => {
      document.body.innerHTML = '<sepal-playground model="logistic" controls="play step reset"></sepal-playground>';
      await document.querySelector("sepal-playground").ready;
    });
    assert.deepEqual(await shown(element), {
      play: true, step: true, reset: true, model: false, rate: false, speed: false, seed: false, link: false,
      save: false, load: false, data: false, chart: false, formulas: false, network: false, experiments: false,
      sweep: false, inits: false, plot: true, readouts: true,
    });
    // The teacher adds the learning rate, the formulas and one experiment.
    await element.evaluate((el) => el.setAttribute("controls", "play, learning-rate formulas sweep"));
    const later = await shown(element);
    assert.deepEqual(
      Object.keys(later).filter((key) => later[key]),
      ["play", "rate", "formulas", "experiments", "sweep", "plot", "readouts"],
    );
    // No attribute: everything.
    await element.evaluate((el) => el.removeAttribute("controls"));
    const all = await shown(element);
    assert.ok(Object.values(all).every(Boolean), JSON.stringify(all));
    // An unknown name is pointed out, not fatal.
    await element.evaluate((el) => el.setAttribute("controls", "play hiden-units"));
    assert.match(await noticeText(page), /controls: "hiden-units" is not a control, so it was ignored/);
  }));

test("attributes set from script take effect, each element on its own", () =>
  withPage("", async ({ page }) => {
    const result = await page.evaluate(async () => {
      document.body.innerHTML =
        '<sepal-playground dataset="moons" model="shallow" hidden-units="3"></sepal-playground>' +
        '<sepal-playground model="logistic"></sepal-playground>';
      const [a, b] = document.querySelectorAll("sepal-playground");
      await Promise.all([a.ready, b.ready]);
      const first = [a.settings.dataset, a.settings.hiddenUnits, b.settings.model];
      a.step(200);
      a.setAttribute("hidden-units", "6");
      const rebuilt = [a.settings.hiddenUnits, a.iteration, a.parameters.W1.length];
      a.setAttribute("learning-rate", "0.3");
      a.step(5);
      b.setAttribute("dataset", "circles");
      a.removeAttribute("dataset");
      return { first, rebuilt, rate: a.settings.learningRate, iteration: a.iteration, dataset: a.settings.dataset, b: [b.settings.dataset, b.settings.model, b.iteration] };
    });
    assert.deepEqual(result.first, ["moons", 3, "logistic"]);
    assert.deepEqual(result.rebuilt, [6, 0, 6], "a new network from iteration 0");
    assert.equal(result.rate, 0.3);
    assert.equal(result.iteration, 0, "removing an attribute goes back to the default (a new dataset)");
    assert.equal(result.dataset, "flower");
    assert.deepEqual(result.b, ["circles", "logistic", 0]);
  }));

test("a 320 px column of course notes fits the element, plot above the numbers", () =>
  withPage("", { width: 360, height: 740 }, async ({ page }) => {
    const layout = await page.evaluate(async () => {
      document.body.innerHTML =
        '<article style="width: 320px; margin: 0 20px"><p>Notes…</p><sepal-playground controls="play step reset learning-rate formulas"></sepal-playground></article>';
      const el = document.querySelector("sepal-playground");
      await el.ready;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const root = el.shadowRoot;
      const box = (selector) => root.querySelector(selector).getBoundingClientRect().toJSON();
      const widest = Math.max(...[...root.querySelectorAll("*")].filter((e) => e.getClientRects().length && !e.closest(".equation")).map((e) => e.getBoundingClientRect().right));
      return { host: el.getBoundingClientRect().toJSON(), plot: box('[part="plot"]'), readouts: box(".readouts"), widest, scrollWidth: document.scrollingElement.scrollWidth };
    });
    assert.equal(layout.host.width, 320);
    assert.ok(layout.plot.width >= 280 && layout.plot.right <= layout.host.right + 0.5, `plot ${layout.plot.width}px`);
    assert.ok(layout.readouts.top >= layout.plot.bottom, "the numbers under the plot");
    assert.ok(layout.widest <= layout.host.right + 0.5, `nothing sticks out (${layout.widest} > ${layout.host.right})`);
    assert.ok(layout.scrollWidth <= 360);
  }));

test("the examples page: three figures with their controls and a frame that trains", () =>
  withPage("examples/", { width: 900, height: 900 }, async ({ page }) => {
    const figures = await page.evaluate(async () => {
      const elements = [...document.querySelectorAll("sepal-playground")];
      await Promise.all(elements.map((el) => el.ready));
      return elements.map((el) => ({ model: el.settings.model, controls: el.getAttribute("controls"), iteration: el.iteration }));
    });
    assert.deepEqual(
      figures.map((f) => [f.model, f.controls]),
      [
        ["logistic", "play step reset"],
        ["shallow", "play step reset learning-rate speed formulas"],
        ["shallow", "sweep"],
      ],
    );
    assert.equal(await page.evaluate(() => document.querySelectorAll("figure figcaption").length), 4);
    // The frame (loaded lazily) trains by itself.
    await page.locator("iframe").scrollIntoViewIfNeeded();
    const frame = page.frameLocator("iframe");
    await frame.locator("sepal-playground").waitFor();
    const handle = await page.locator("iframe").elementHandle();
    const content = await handle.contentFrame();
    await content.waitForFunction(() => document.querySelector("sepal-playground")?.iteration > 100, null, { timeout: 20000 });
  }));
