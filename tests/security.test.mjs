// The page lives under a strict Content-Security-Policy, talks to no other
// origin, and never turns a value from the URL into markup.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText, BASE_URL, recordPolicyViolations, policyViolations } from "./helpers.mjs";

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

/** Before the page loads: records CSP violations in the page, and requests to other origins in `foreign`. */
function watch(foreign) {
  return async ({ context, page }) => {
    await recordPolicyViolations(context);
    const origin = new URL(BASE_URL).origin;
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:") foreign.push(request.url());
    });
  };
}

// Violations and foreign requests are checked here, not the console.
test("the server sends the strict policy and the page runs under it with no violation", () => {
  const foreign = [];
  return withPage("", { setup: watch(foreign), checkProblems: false }, async ({ page, element, response }) => {
    assert.equal(response.headers()["content-security-policy"], CSP);
    await element.evaluate(async (el) => {
      el.step(500);
      el.play();
      await new Promise((r) => setTimeout(r, 700));
      el.pause();
    });
    assert.deepEqual(await policyViolations(page), []);
    assert.deepEqual(foreign, [], "no request leaves the page's origin");
  });
});

// Markup and script in every string-valued setting, through the hash.
const INJECTIONS = [
  ["dataset", '<img src=x onerror="window.__pwned=1">'],
  ["model", "<script>window.__pwned=1</script>"],
  ["activation", '"><svg onload=window.__pwned=1>'],
  ["init", "javascript:window.__pwned=1"],
  ["layers", "<b>8</b>,8"],
  ["lang", "<i>zh</i>"],
  ["speed", "<img src=x onerror=window.__pwned=1>"],
];

for (const [setting, payload] of INJECTIONS) {
  test(`markup in ${setting} is shown as text, never run or rendered`, () =>
    withPage(`#${setting}=${encodeURIComponent(payload)}`, async ({ page, element }) => {
      const result = await element.evaluate((el) => ({
        pwned: window.__pwned === 1,
        injected:
          document.querySelectorAll('img[src="x"], svg[onload]').length +
          el.shadowRoot.querySelectorAll('img, svg[onload], script, [part="notice"] b, [part="notice"] i').length,
      }));
      assert.equal(result.pwned, false);
      assert.equal(result.injected, 0, "no element was made from the value");
      const notice = await noticeText(page);
      assert.ok(notice.includes(setting), `the notice names ${setting}: ${notice}`);
      assert.ok(notice.includes(payload), `the notice shows the value as text: ${notice}`);
    }));
}
