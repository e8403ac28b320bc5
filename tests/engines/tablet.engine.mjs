// A tablet (an iPad is WebKit): in portrait 768×1024 and landscape
// 1024×768, with touch where the driver has it, tapping the plot in "draw
// your own" adds points of the class the toggle says, nothing is wider than
// the screen, and every control (folded panels unfolded) can be scrolled to
// and is not covered.
// Run in every engine; WebKit is the one a tablet in class has.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withEnginePage, waitFor } from "./harness.mjs";

/** Scrolls the element matching `selector` (in the shadow root) into view; its centre, or a point of the plot's map at fractions (fx, fy). */
function spot(page, selector, fractions = null) {
  return page.element(
    (el, selector, fractions) => {
      const node = el.shadowRoot.querySelector(selector);
      node.scrollIntoView({ block: "center", inline: "center" });
      const rect = node.getBoundingClientRect();
      if (!fractions) return [rect.left + rect.width / 2, rect.top + rect.height / 2];
      // plot.js's margins: the map starts 50 px from the left and 10 from the top.
      const size = rect.width - 60;
      return [rect.left + 50 + fractions[0] * size, rect.top + 10 + fractions[1] * size];
    },
    selector,
    fractions,
  );
}

async function tap(page, selector, fractions) {
  const [x, y] = await spot(page, selector, fractions);
  await page.tap(x, y);
}

for (const [width, height] of [
  [768, 1024],
  [1024, 768],
]) {
  test(`tablet ${width}×${height}: taps draw points with the class toggle; nothing overflows; every control is reachable`, (t) =>
    withEnginePage("", { width, height, touch: true }, async ({ page }) => {
      const viewport = await page.evaluate(() => [innerWidth, innerHeight, matchMedia("(pointer: coarse)").matches], []);
      assert.deepEqual(viewport.slice(0, 2), [width, height], "the viewport is the tablet's");

      // What kind of pointer the driver's taps really are.
      await page.evaluate(() => {
        window.__pointerTypes = [];
        addEventListener("pointerdown", (event) => window.__pointerTypes.push(event.pointerType), true);
      }, []);
      // Each tap, then what it does, before the next (the layout may move).
      const count = (el) => el.points.train.length + el.points.test.length;
      await tap(page, 'button.thumb[data-dataset="custom"]');
      await waitFor(page, (el) => el.settings.dataset === "custom");
      await page.element((el) => el.shadowRoot.querySelector('button[data-action="clear-points"]').click());
      await tap(page, '[part="plot"]', [0.25, 0.25]);
      await waitFor(page, `(el) => (${count})(el) === 1`);
      await tap(page, 'button.toggle[data-class="0"]');
      await waitFor(page, (el) => el.shadowRoot.querySelector('button.toggle[data-class="0"]').getAttribute("aria-pressed") === "true");
      await tap(page, '[part="plot"]', [0.75, 0.75]);
      await waitFor(page, `(el) => (${count})(el) === 2`);
      const drawn = await page.element((el) => ({ dataset: el.settings.dataset, points: [...el.points.train, ...el.points.test] }));
      assert.equal(drawn.dataset, "custom");
      assert.deepEqual(
        drawn.points.map((point) => point[2]),
        [1, 0],
        "a tap adds class 1, and class 0 after the toggle",
      );
      const pointerTypes = [...new Set(await page.evaluate(() => window.__pointerTypes, []))];
      t.diagnostic(`taps arrive as pointerType ${pointerTypes.join(", ")}; (pointer: coarse) ${viewport[2]}`);
      if (page.touch) assert.deepEqual(pointerTypes, ["touch"], "the driver's taps are touches");
      const [first, second] = drawn.points;
      assert.ok(first[0] < second[0] && first[1] > second[1], "where they were tapped: top left, then bottom right");

      const layout = await page.element((el) => {
        const overflow = document.documentElement.scrollWidth - innerWidth;
        const unreachable = [];
        // Folded panels unfolded, as a person would to reach what is inside.
        for (const panel of el.shadowRoot.querySelectorAll("details")) panel.open = true;
        const controls = el.shadowRoot.querySelectorAll("button, input, select, textarea, summary, a[href]");
        for (const control of controls) {
          if (!control.checkVisibility()) continue; // not shown: hidden, or not for this model
          control.scrollIntoView({ block: "center", inline: "center" });
          const rect = control.getBoundingClientRect();
          const [x, y] = [rect.left + rect.width / 2, rect.top + rect.height / 2];
          let hit = document.elementFromPoint(x, y);
          while (hit?.shadowRoot) {
            const inner = hit.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === hit) break;
            hit = inner;
          }
          const name = control.dataset.action ?? control.getAttribute("name") ?? control.dataset.dataset ?? control.textContent.trim().slice(0, 20);
          if (rect.left < 0 || rect.right > innerWidth + 0.5) unreachable.push(`${name}: off screen at x ${Math.round(rect.left)}–${Math.round(rect.right)}`);
          else if (!(hit === control || control.contains(hit))) unreachable.push(`${name}: covered by ${hit?.localName}.${hit?.className}`);
        }
        return { overflow, unreachable, count: controls.length };
      });
      assert.ok(layout.overflow <= 0, `nothing is wider than the screen (scrollWidth − innerWidth = ${layout.overflow})`);
      assert.deepEqual(layout.unreachable, [], "every control can be scrolled to and is not covered");
      assert.ok(layout.count > 20, `${layout.count} controls`);
      assert.ok((await page.screenshot()).subarray(1, 4).toString() === "PNG", "a screenshot");
    }));
}
