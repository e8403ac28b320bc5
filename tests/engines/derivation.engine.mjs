// One example's derivation from the keyboard alone, in every engine (#14):
// the arrow keys, Home and End on the focused plot choose a point and open
// its computation graph, drawn with an edge per weight; step-through goes
// forward node by node with Space and Enter, then backward edge by edge;
// Escape closes it. The keys are each driver's own, real input.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withEnginePage } from "./harness.mjs";

/** The chosen point's line, whether the panel is open, its graph's edges, and what step-through highlights. */
function shown(page) {
  return page.element((el) => {
    const root = el.shadowRoot;
    const panel = root.querySelector('[part="derivation"]');
    return {
      status: root.querySelector(".point-status").textContent,
      open: !panel.hidden,
      edges: panel.querySelectorAll(".graph .edge.weight").length,
      places: [...new Set([...panel.querySelectorAll(".graph .current")].map((n) => n.dataset.graph))],
      terms: [...panel.querySelectorAll(".term.current")].map((t) => t.textContent.split(" =")[0]),
      focused: root.activeElement?.dataset.action ?? root.activeElement?.getAttribute("part") ?? null,
    };
  });
}

test("the keyboard chooses a point, steps through its graph with Space and Enter, and Escape closes it", () =>
  withEnginePage("", async ({ page }) => {
    await page.element((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    await page.press("ArrowRight");
    await page.press("ArrowRight");
    let now = await shown(page);
    assert.match(now.status, /^Training point 1 of 400: x₁ = /);
    assert.ok(now.open, "the derivation opened");
    assert.equal(now.edges, 2 * 4 + 4, "an edge per weight of the course's 2-4-1 network");
    await page.press("End");
    assert.match((await shown(page)).status, /^Training point 399 of 400/);
    await page.press("Home");
    await page.press("ArrowLeft");
    assert.match((await shown(page)).status, /^Training point 399 of 400/, "ArrowLeft from the first goes round to the last");
    await page.press("ArrowRight");
    assert.match((await shown(page)).status, /^Training point 0 of 400/);

    // Step-through (its button pressed through the DOM, as the harness does), then the keys on "Next step".
    await page.element((el) => el.shadowRoot.querySelector('[data-action="step-through"]').click());
    now = await shown(page);
    assert.equal(now.focused, "next-step");
    assert.deepEqual(now.places, ["z0-0"]);
    assert.deepEqual(now.terms, ["z[1]1", "a[1]1"], "a unit's z and a are one step");
    await page.press("Space");
    assert.deepEqual((await shown(page)).places, ["z0-1"]);
    await page.press("Enter");
    assert.deepEqual((await shown(page)).places, ["z0-2"]);
    // Node z0-3, the output, the loss; then backward: dL/da on the edge into the loss, dz at the output, the first weight's edge.
    for (const key of ["Space", "Enter", "Space", "Enter", "Space"]) await page.press(key);
    now = await shown(page);
    assert.deepEqual(now.places, ["z1-0"]);
    assert.deepEqual(now.terms, ["da/dz", "dz[2]"]);
    await page.press("Enter");
    now = await shown(page);
    assert.deepEqual(now.places, ["W1-0-0"], "the backward pass goes edge by edge");
    assert.deepEqual(now.terms, ["dW[2]11"]);

    await page.element((el) => el.shadowRoot.querySelector('[part="plot"]').focus());
    await page.press("Escape");
    now = await shown(page);
    assert.equal(now.open, false, "Escape closes the derivation");
    assert.equal(now.status, "");
  }));
