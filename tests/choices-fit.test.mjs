// Every value a select offers is shown whole in its box, on a laptop and on
// a phone, in English and in Chinese: "gradient descent" is never cut to
// "gradient desc" (long choices get a row of their own, setting-fields.js).

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

/** Room the select's arrow takes beside its text, in px (Chromium draws it in about 20). */
const ARROW = 22;

/** The visible selects whose widest option does not fit: [name, option, needed px, box px]. */
function cutChoices(el, ARROW) {
  const canvas = document.createElement("canvas").getContext("2d");
  const cut = [];
  for (const select of el.shadowRoot.querySelectorAll("select")) {
    if (!select.checkVisibility()) continue;
    const style = getComputedStyle(select);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    for (const option of select.options) {
      const needed = canvas.measureText(option.textContent).width + ARROW;
      if (needed > room) cut.push([select.name, option.textContent, Math.ceil(needed), Math.floor(room)]);
    }
  }
  return cut;
}

for (const [width, height] of [[1280, 900], [375, 800]]) {
  for (const lang of ["en", "zh"]) {
    test(`every choice is shown whole at ${width}×${height} (${lang})`, () =>
      withPage(`?lang=${lang}&optimizer=adam&decay=interval`, { width, height }, async ({ element }) => {
        const cut = await element.evaluate(cutChoices, ARROW);
        assert.deepEqual(cut, [], `cut: ${JSON.stringify(cut)}`);
      }));
  }
}
