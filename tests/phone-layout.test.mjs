// On a phone (375 px wide) the controls stack under the plot and nothing
// overflows sideways.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("the page fits a 375 px wide phone", () =>
  withPage("", { width: 375, height: 800 }, async ({ element }) => {
    const layout = await element.evaluate((el) => {
      const box = (selector) => el.shadowRoot.querySelector(selector).getBoundingClientRect().toJSON();
      return {
        scrollWidth: document.scrollingElement.scrollWidth,
        plot: box('[part="plot"]'),
        controls: box('[part="controls"]'),
      };
    });
    assert.ok(layout.scrollWidth <= 375, `the page is ${layout.scrollWidth}px wide`);
    assert.ok(layout.plot.width >= 250, `the plot is ${layout.plot.width}px wide`);
    assert.ok(layout.plot.left >= 0 && layout.plot.right <= 375, "the plot is inside the screen");
    assert.ok(layout.plot.top < 800, "the plot starts on the first screen");
    assert.ok(layout.controls.top >= layout.plot.bottom, "the controls are under the plot");
    assert.ok(layout.controls.right <= 375, "the controls fit");
    await assert.doesNotReject(element.locator('[part="plot"]').waitFor({ state: "visible" }));
  }));

test("on a phone the readouts' words wrap in their boxes rather than being cut: your own points with none yet", () =>
  withPage("#dataset=custom", { width: 375, height: 800 }, async ({ element }) => {
    const cost = await element.evaluate((el) => {
      const value = el.shadowRoot.querySelector(".readout.cost dd");
      return { text: value.textContent, scrollWidth: value.scrollWidth, clientWidth: value.clientWidth };
    });
    assert.equal(cost.text, "no points yet");
    assert.ok(cost.scrollWidth <= cost.clientWidth, `"${cost.text}" needs ${cost.scrollWidth}px of a ${cost.clientWidth}px box`);
  }));
