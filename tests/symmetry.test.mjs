// Zero initialisation: the hidden units stay identical forever (the course's
// symmetry lesson), and the page shows it — identical unit views and a note.
// Any other initialisation breaks the symmetry.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/**
 * W1's rows, the neuron views' pixels (hashed), and whether the note shows,
 * once the network view is scrolled into sight: it is drawn only there.
 */
async function inside(page, element) {
  await element.locator('[part="network"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return element.evaluate((el) => {
    const root = el.shadowRoot;
    const hash = (canvas) => {
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let h = 2166136261;
      for (let i = 0; i < data.length; i += 1) h = Math.imul(h ^ data[i], 16777619);
      return h >>> 0;
    };
    const note = root.querySelector(".symmetry");
    return {
      W1: el.parameters.W1,
      views: [...root.querySelectorAll('[part="neuron"]')].map(hash),
      note: note.hidden ? "" : note.textContent,
    };
  });
}

for (const activation of ["sigmoid", "tanh"]) {
  // Held-out points make the training classes unequal, so that the
  // output's gradient is not zero from the start and the weights move.
  test(`init=zeros with ${activation}: all rows of W1 stay equal and the page says so`, () =>
    withPage(`#init=zeros&activation=${activation}&test-fraction=0.2`, async ({ page, element }) => {
      await element.evaluate((el) => el.step(2000));
      const seen = await inside(page, element);
      assert.equal(seen.W1.length, 4);
      for (const row of seen.W1) assert.deepEqual(row, seen.W1[0]);
      if (activation === "sigmoid") assert.ok(seen.W1[0].some((w) => w !== 0), "the weights did move, together");
      assert.equal(seen.views.length, 4);
      assert.equal(new Set(seen.views).size, 1, "the four unit views are the same picture");
      assert.match(seen.note, /same weights/);
    }));
}

test("small random weights break the symmetry", () =>
  // On a phone the network is below the fold (on a wide screen it is in the first screen).
  withPage("", { width: 375, height: 800 }, async ({ page, element }) => {
    await element.evaluate((el) => el.step(2000));
    const blank = await element.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('[part="neuron"]')].every((canvas) =>
        canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data.every((v) => v === 0),
      ),
    );
    assert.ok(blank, "below the fold, the unit views are not drawn yet");
    const seen = await inside(page, element);
    assert.notDeepEqual(seen.W1[0], seen.W1[1]);
    assert.equal(new Set(seen.views).size, 4, "four different unit views");
    assert.equal(seen.note, "");
  }));
