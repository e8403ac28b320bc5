// The first screen (#12): at 1280×900 the plot, the network diagram with its
// unit pictures, Play and the numbers are all in sight without scrolling,
// and the formulas start folded (the `folded` attribute and `?folded=`
// choose); on a 375×800 touch phone the order is plot, Play, data, model,
// the plot and the hidden-units control fit one screen, "draw your own"
// brings the plot and its class toggle into view and the hint speaks of
// taps. The network's tooltip sits beside its unit inside the window; a
// large network draws only its strongest links; a click on a built-in
// dataset's plot says how to add points.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

const PHONE = { width: 375, height: 800, context: { hasTouch: true, isMobile: true } };

/** The viewport boxes of the first element matching each selector in the shadow root (null when none). */
function boxes(element, selectors) {
  return element.evaluate((el, list) => {
    const out = {};
    for (const [name, selector] of Object.entries(list)) {
      const found = el.shadowRoot.querySelector(selector);
      out[name] = found ? found.getBoundingClientRect().toJSON() : null;
    }
    return out;
  }, selectors);
}

const inside = (box, width, height) => box.top >= 0 && box.left >= 0 && box.bottom <= height && box.right <= width && box.width > 0;
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const nextFrames = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

// 1200 px: the narrowest page that is to show them side by side.
for (const width of [1280, 1200]) {
  test(`${width}×900: the plot, the network with its unit pictures, Play and the numbers are in the first screen`, () =>
    withPage("", { width, height: 900 }, async ({ page, element }) => {
      await nextFrames(page);
      const seen = await boxes(element, {
        plot: '[part="plot"]',
        network: '[part="network"]',
        diagram: ".diagram",
        neuron: '[part="neuron"]',
        play: '[data-action="toggle"]',
        readouts: ".readouts",
        data: '[part="data"] .thumbs',
      });
      for (const [name, box] of Object.entries(seen)) assert.ok(inside(box, width, 900), `${name} is in the first screen: ${JSON.stringify(box)}`);
      // Data → network → plot, left to right, as in TensorFlow Playground.
      assert.ok(seen.data.right <= seen.network.left && seen.network.right <= seen.plot.left, "data, network, plot in one row");
      assert.ok(seen.plot.width >= 380, `the plot is ${seen.plot.width}px`);
      assert.equal(await page.evaluate(() => document.scrollingElement.scrollTop), 0);
      // The unit pictures are drawn (on screen, so not deferred).
      const drawn = await element.evaluate((el) => {
        const canvas = el.shadowRoot.querySelector('[part="neuron"]');
        return canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data.some((v) => v !== 0);
      });
      assert.ok(drawn, "the first unit's picture is drawn");
    }));
}

test("the formulas start folded; the folded attribute and ?folded= open or fold panels", async () => {
  await withPage("", async ({ element }) => {
    const open = () => element.evaluate((el) => ["formulas", "network"].map((p) => el.shadowRoot.querySelector(`[part="${p}"]`).open));
    assert.deepEqual(await open(), [false, true], "formulas folded, network open");
    await element.evaluate((el) => el.setAttribute("folded", ""));
    assert.deepEqual(await open(), [true, true], "an empty folded opens them");
    await element.evaluate((el) => el.setAttribute("folded", "formulas network"));
    assert.deepEqual(await open(), [false, false]);
    const equationShown = await element.evaluate((el) => el.shadowRoot.querySelector(".equation").checkVisibility());
    assert.equal(equationShown, false, "folded formulas show no equation");
  });
  await withPage("?folded=none", async ({ element }) => {
    const shown = await element.evaluate((el) => ({
      open: el.shadowRoot.querySelector('[part="formulas"]').open,
      equation: el.shadowRoot.querySelector(".equation").checkVisibility(),
    }));
    assert.deepEqual(shown, { open: true, equation: true }, "?folded=none opens the formulas in the full page");
  });
});

test("375×800 touch phone: plot, Play, data, then the model; the plot and hidden units fit one screen", () =>
  withPage("", PHONE, async ({ page, element }) => {
    await nextFrames(page);
    const seen = await boxes(element, {
      plot: '[part="plot"]',
      play: '[data-action="toggle"]',
      readouts: ".readouts",
      data: '[part="data"] .thumbs',
      model: 'select[name="model"]',
      hiddenUnits: 'input[name="hidden-units"]',
      network: '[part="network"]',
      formulas: '[part="formulas"]',
    });
    assert.ok(seen.plot.bottom <= seen.readouts.top && seen.readouts.bottom <= seen.play.top, "the plot, then the numbers and Play");
    assert.ok(seen.play.bottom <= seen.data.top, "then the data");
    assert.ok(seen.data.bottom <= seen.model.top && seen.model.bottom <= seen.network.top, "then the model's settings and the network");
    assert.ok(seen.network.bottom <= seen.formulas.top, "then the formulas");
    assert.ok(seen.hiddenUnits.bottom - seen.plot.top <= 800, `the plot's top to hidden units' bottom: ${seen.hiddenUnits.bottom - seen.plot.top}px`);
    // Scrolled to the plot's top, both are on the one screen.
    await page.evaluate((top) => window.scrollBy(0, top), seen.plot.top);
    const scrolled = await boxes(element, { plot: '[part="plot"]', hiddenUnits: 'input[name="hidden-units"]' });
    assert.ok(inside(scrolled.plot, 375, 800) && inside(scrolled.hiddenUnits, 375, 800), JSON.stringify(scrolled));
    assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 375), "nothing overflows sideways");
  }));

test("phone: tapping draw your own brings the plot and its class toggle into view; the hint says tap", () =>
  withPage("", { ...PHONE, context: { ...PHONE.context, reducedMotion: "reduce" } }, async ({ page, element }) => {
    const custom = element.locator('button.thumb[data-dataset="custom"]');
    await custom.scrollIntoViewIfNeeded();
    // A student who scrolled on to the pictures: the plot is (partly) above the screen.
    const thumbs = await boxes(element, { row: ".thumbs" });
    await page.evaluate((top) => window.scrollBy(0, top), thumbs.row.top);
    const before = await boxes(element, { plot: '[part="plot"]' });
    assert.ok(before.plot.top < 0, "the plot is out of sight, above the pictures");
    await custom.tap();
    await page.waitForFunction(() => document.querySelector("sepal-playground").settings.dataset === "custom");
    await nextFrames(page);
    const after = await boxes(element, { plot: '[part="plot"]', toggle: 'button[data-class="0"]', hint: ".draw-hint" });
    assert.ok(inside(after.plot, 375, 800), `the plot is in view: ${JSON.stringify(after.plot)}`);
    assert.ok(inside(after.toggle, 375, 800), `the class toggle is in view: ${JSON.stringify(after.toggle)}`);
    const hint = await element.locator(".draw-hint").textContent();
    assert.match(hint, /^Tap/, hint);
    assert.match(hint, /class 0/);
    assert.doesNotMatch(hint, /click/i);
  }));

test("with a mouse, the draw hint says click and shift-click, and names the class toggle", () =>
  withPage("#dataset=custom", async ({ page, element }) => {
    await element.locator('[part="plot"]').click({ position: { x: 120, y: 120 } });
    await page.waitForFunction(() => document.querySelector("sepal-playground").points.train.length === 1);
    const hint = await element.locator(".draw-hint").textContent();
    assert.match(hint, /^Click/);
    assert.match(hint, /shift-click/);
    assert.match(hint, /class 0 or class 1/);
  }));

test("the network's tooltip sits beside the hovered unit, off the x₁ node, inside the window", async () => {
  await withPage("", async ({ page, element }) => {
    await nextFrames(page);
    const unit = element.locator('[part="neuron"]').first();
    await unit.hover();
    const tooltip = element.locator(".tooltip");
    await tooltip.waitFor({ state: "visible" });
    const seen = await boxes(element, { tip: ".tooltip", unit: '[part="neuron"]', x1: ".node.input" });
    assert.match(await tooltip.textContent(), /layer 1, unit 1/);
    assert.ok(!overlap(seen.tip, seen.unit), `the tooltip ${JSON.stringify(seen.tip)} leaves the unit ${JSON.stringify(seen.unit)} in sight`);
    assert.ok(!overlap(seen.tip, seen.x1), "and the x₁ node");
    assert.ok(inside(seen.tip, 1280, 900), "inside the window");
  });
  // The last unit at the bottom edge of a phone's screen: not clipped.
  await withPage("#hidden-units=6", PHONE, async ({ page, element }) => {
    const last = element.locator('[part="neuron"]').last();
    await last.evaluate((unit) => unit.scrollIntoView({ block: "end" }));
    await nextFrames(page);
    await last.focus();
    await element.locator(".tooltip").waitFor({ state: "visible" });
    const seen = await element.evaluate((el) => {
      const root = el.shadowRoot;
      const box = (e) => e.getBoundingClientRect().toJSON();
      return { tip: box(root.querySelector(".tooltip")), unit: box([...root.querySelectorAll('[part="neuron"]')].at(-1)) };
    });
    assert.ok(seen.unit.bottom > 700, `the unit is at the screen's bottom: ${seen.unit.bottom}`);
    assert.ok(inside(seen.tip, 375, 800), `the tooltip is inside the screen: ${JSON.stringify(seen.tip)}`);
    assert.ok(!overlap(seen.tip, seen.unit), "beside the unit, not over it");
  });
});

test("6×64: only the strongest links are drawn, and the diagram says how many", () =>
  withPage("#model=deep&layers=64,64,64,64,64,64", async ({ element }) => {
    const note = await element.locator(".link-note").textContent();
    // 2·64 + 5·64·64 + 64 links in 7 layers: 200 shared among them.
    assert.equal(note, "Strongest 200 of 20672 links shown (the largest |w| of each layer).");
    const drawn = await element.evaluate((el) => {
      // The links canvas: ink on few of its pixels (all 20672 lines would cover most of it).
      const canvas = el.shadowRoot.querySelector("canvas.links");
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
      return inked / (data.length / 4);
    });
    assert.ok(drawn < 0.35, `the links cover ${(drawn * 100).toFixed(1)}% of the diagram`);
    await element.evaluate((el) => el.setAttribute("layers", "8,8"));
    assert.equal(await element.locator(".link-note").isVisible(), false, "88 links: all drawn, no note");
  }));

test("clicking a built-in dataset's plot says to choose draw your own, and adds nothing", () =>
  withPage("", async ({ page, element }) => {
    const status = element.locator(".draw-refusal");
    assert.equal(await status.getAttribute("role"), "status");
    assert.equal(await status.isVisible(), false);
    await element.locator('[part="plot"]').click({ position: { x: 150, y: 150 } });
    assert.match(await status.textContent(), /choose “draw your own” to add points/);
    assert.ok(await status.isVisible());
    const seen = await boxes(element, { status: ".draw-refusal", plot: '[part="plot"]' });
    assert.ok(seen.status.top >= seen.plot.bottom - 1 && seen.status.top - seen.plot.bottom < 80, "right under the plot");
    assert.equal(await page.evaluate(() => document.querySelector("sepal-playground").points.train.length), 400);
    // Where a teacher left out the data panel there is no "draw your own" to point to.
    await element.evaluate((el) => el.setAttribute("controls", "play step"));
    await element.locator('[part="plot"]').click({ position: { x: 150, y: 150 } });
    assert.equal(await status.isVisible(), false);
  }));

test("embed=1 fits its window: the plot and legend at 1280×900 and in a 612 px tall frame; a frame posts its height", async () => {
  await withPage("?embed=1", async ({ page, element }) => {
    await nextFrames(page);
    const stage = (await boxes(element, { stage: ".stage" })).stage;
    assert.ok(stage.bottom <= 900, `the plot and legend end at ${stage.bottom}px`);
  });
  await withPage("", async ({ page }) => {
    const frame = await page.evaluate(async () => {
      const heights = [];
      addEventListener("message", (event) => {
        if (event.data?.type === "sepal:height") heights.push(event.data.height);
      });
      const iframe = document.createElement("iframe");
      iframe.src = "index.html?embed=1#dataset=moons";
      iframe.style.cssText = "width: 700px; height: 612px; border: 0";
      document.body.replaceChildren(iframe);
      await new Promise((resolve) => iframe.addEventListener("load", resolve, { once: true }));
      const win = iframe.contentWindow;
      await win.customElements.whenDefined("sepal-playground");
      await win.document.querySelector("sepal-playground").ready;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stage = win.document.querySelector("sepal-playground").shadowRoot.querySelector(".stage").getBoundingClientRect();
      return { heights, stageBottom: stage.bottom, content: Math.ceil(win.document.documentElement.getBoundingClientRect().height) };
    });
    assert.ok(frame.stageBottom <= 612, `in the frame the plot and legend end at ${frame.stageBottom}px`);
    assert.ok(frame.heights.length > 0, "the frame posted its height");
    assert.equal(frame.heights.at(-1), frame.content, "the page's height, as it is now");
  });
});

test("examples: Figure 4's frame at 375 px is as tall as its page, which does not overflow it", () =>
  withPage("examples/", { width: 375, height: 800 }, async ({ page }) => {
    await page.locator("iframe").scrollIntoViewIfNeeded();
    const handle = await page.locator("iframe").elementHandle();
    const content = await handle.contentFrame();
    await content.waitForFunction(() => document.querySelector("sepal-playground")?.iteration > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => {
      const frame = document.querySelector("iframe");
      const inner = frame.contentDocument?.scrollingElement;
      return inner && inner.scrollHeight <= frame.clientHeight;
    }, null, { timeout: 10000 });
    const sizes = await page.evaluate(() => {
      const frame = document.querySelector("iframe");
      return { frame: frame.clientHeight, content: frame.contentDocument.scrollingElement.scrollHeight, width: frame.contentDocument.scrollingElement.scrollWidth, frameWidth: frame.clientWidth };
    });
    assert.ok(sizes.content <= sizes.frame, `${sizes.content}px of page in a ${sizes.frame}px frame`);
    assert.ok(sizes.width <= sizes.frameWidth, "nor sideways");
  }));
