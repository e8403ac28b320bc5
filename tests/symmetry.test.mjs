// Zero initialisation: the hidden units stay identical forever (the course's
// symmetry lesson), and the page shows it — identical unit views and a note.
// Any other initialisation breaks the symmetry.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/**
 * W1's rows, the neuron views' pixels (hashed), and whether the note shows,
 * once the network view is scrolled into sight: it is drawn only there.
 */
async function inside(page) {
  await page.locator("sepal-playground").locator('[part="network"]').scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const el = document.querySelector("sepal-playground");
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
  test(`init=zeros with ${activation}: all rows of W1 stay equal and the page says so`, async () => {
    // Held-out points make the training classes unequal, so that the
    // output's gradient is not zero from the start and the weights move.
    const { page, problems, close } = await openPage(browser, `#init=zeros&activation=${activation}&test-fraction=0.2`);
    try {
      await page.evaluate(() => document.querySelector("sepal-playground").step(2000));
      const seen = await inside(page);
      assert.equal(seen.W1.length, 4);
      for (const row of seen.W1) assert.deepEqual(row, seen.W1[0]);
      if (activation === "sigmoid") assert.ok(seen.W1[0].some((w) => w !== 0), "the weights did move, together");
      assert.equal(seen.views.length, 4);
      assert.equal(new Set(seen.views).size, 1, "the four unit views are the same picture");
      assert.match(seen.note, /same weights/);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });
}

test("small random weights break the symmetry", async () => {
  const { page, problems, close } = await openPage(browser);
  try {
    await page.evaluate(() => document.querySelector("sepal-playground").step(2000));
    const blank = await page.evaluate(() =>
      [...document.querySelector("sepal-playground").shadowRoot.querySelectorAll('[part="neuron"]')].every((canvas) =>
        canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data.every((v) => v === 0),
      ),
    );
    assert.ok(blank, "below the fold, the unit views are not drawn yet");
    const seen = await inside(page);
    assert.notDeepEqual(seen.W1[0], seen.W1[1]);
    assert.equal(new Set(seen.views).size, 4, "four different unit views");
    assert.equal(seen.note, "");
    assertNoProblems(problems);
  } finally {
    await close();
  }
});
