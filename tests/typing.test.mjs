// Typing mistakes in the controls are read as a person means them, or
// refused with the real reason, in the field's own words, beside the field:
// layer sizes by spaces or with a trailing comma are the sizes; "abc" is not
// a number (not "empty", and not the URL's name); a decimal comma is refused
// (never read as 12); and nothing on the page moves while typing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

/** Types `text` into the field named `name` and presses Enter. */
async function typeInto(element, name, text) {
  const field = element.locator(`input[name="${name}"]`);
  await field.fill(text);
  await field.press("Enter");
}

/** What a person sees of the field `name`: its value, its message beside it (and whether that is its description), where things are. */
function fieldState(page, name) {
  return page.evaluate((name) => {
    const el = document.querySelector("sepal-playground");
    const input = el.shadowRoot.querySelector(`input[name="${name}"]`);
    const describedBy = input.getAttribute("aria-describedby");
    const message = describedBy ? el.shadowRoot.getElementById(describedBy) : null;
    const plot = el.shadowRoot.querySelector('[part="plot"]').getBoundingClientRect();
    const box = message?.getBoundingClientRect();
    const field = input.getBoundingClientRect();
    return {
      value: input.value,
      invalid: input.getAttribute("aria-invalid"),
      message: message?.textContent ?? null,
      visible: Boolean(box && box.width > 0 && box.height > 0),
      // The message sits just under the field, under it or to one side.
      beside: Boolean(box && box.top >= field.bottom - 1 && box.top - field.bottom < 20 && box.left < field.right && box.right > field.left),
      inside: Boolean(box && box.left >= 0 && box.right <= document.documentElement.clientWidth),
      scrollY: window.scrollY,
      plotTop: plot.top,
      inputTop: field.top,
      settings: el.settings,
    };
  }, name);
}

test('layers "8 8" and "8,8," are the layers 8,8; "8,,8" is refused as an empty item', () =>
  withPage("#model=deep&layers=4", async ({ page, element }) => {
    for (const typed of ["8 8", "8,8,"]) {
      await typeInto(element, "layers", "4");
      await page.waitForFunction(() => document.querySelector("sepal-playground").settings.layers === "4");
      await typeInto(element, "layers", typed);
      await page.waitForFunction(() => document.querySelector("sepal-playground").settings.layers === "8,8");
      const state = await fieldState(page, "layers");
      assert.equal(state.message, null, `"${typed}": no message`);
      assert.equal(state.invalid, null);
    }
    await typeInto(element, "layers", "8,,8");
    const refused = await fieldState(page, "layers");
    assert.equal(refused.settings.layers, "8,8", "nothing changed");
    assert.match(refused.message, /^Hidden layers: “8,,8” has an empty item between commas/);
    assert.equal(refused.invalid, "true");
    assert.equal(refused.value, "8,,8", "what was typed stays, to be fixed");
    // Fixed: the message goes.
    await typeInto(element, "layers", "8,4");
    const fixed = await fieldState(page, "layers");
    assert.equal(fixed.settings.layers, "8,4");
    assert.equal(fixed.message, null);
    assert.equal(fixed.invalid, null);
  }));

for (const [width, height] of [[1280, 700], [375, 800]]) {
  test(`"abc" in Learning rate is not a number, said beside the field in its words, and nothing moves (${width} px)`, () =>
    withPage("", { width, height }, async ({ page, element }) => {
      const field = element.locator('input[name="learning-rate"]');
      await field.scrollIntoViewIfNeeded();
      const before = await fieldState(page, "learning-rate");
      await typeInto(element, "learning-rate", "abc");
      const after = await fieldState(page, "learning-rate");
      assert.match(after.message, /^Learning rate: “abc” is not a number\. Use a number above 0 and at most 10000\.$/);
      assert.doesNotMatch(after.message, /learning-rate|empty/);
      assert.ok(after.visible && after.beside, "the message is shown just under the field");
      assert.ok(after.inside, "within the window");
      assert.equal(after.invalid, "true");
      assert.equal(after.settings.learningRate, 1.2, "the learning rate is unchanged");
      assert.equal(await noticeText(page), "", "no banner for a value typed into a field");
      assert.equal(after.scrollY, before.scrollY, "the page did not scroll");
      assert.equal(after.plotTop, before.plotTop, "the plot did not move");
      assert.equal(after.inputTop, before.inputTop, "the field did not move");
      // Fixed: the message goes, the new rate is in effect.
      await typeInto(element, "learning-rate", "0.5");
      const fixed = await fieldState(page, "learning-rate");
      assert.equal(fixed.settings.learningRate, 0.5);
      assert.equal(fixed.message, null);
      assert.equal(fixed.invalid, null);
    }));
}

test('a decimal comma ("1,2") is refused with its reason, never read as 12', () =>
  withPage("", async ({ page, element }) => {
    await typeInto(element, "learning-rate", "1,2");
    const state = await fieldState(page, "learning-rate");
    assert.equal(state.settings.learningRate, 1.2, "unchanged, not 12");
    assert.equal(state.message, "Learning rate: “1,2” has a decimal comma. Use a point: 1.2.");
    assert.equal(await noticeText(page), "");
    // The same in Chinese: refused (a link means the same in every language).
    await element.evaluate((el) => el.setAttribute("lang", "zh"));
    await typeInto(element, "learning-rate", "0,5");
    const zh = await fieldState(page, "learning-rate");
    assert.equal(zh.settings.learningRate, 1.2);
    assert.match(zh.message, /^学习率：“0,5”用了逗号作小数点。请用小数点：0\.5。$/);
  }));

test("a value from the URL is still named by its parameter in the notice", () =>
  withPage("#learning-rate=1,2&layers=8,,8&model=deep", async ({ page }) => {
    const notice = await noticeText(page);
    assert.match(notice, /learning-rate = "1,2" has a comma/);
    assert.match(notice, /layers = "8,,8" has an empty item between commas/);
  }));
