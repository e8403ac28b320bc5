// The page lives under a strict Content-Security-Policy, talks to no other
// origin, and never turns a value from the URL into markup.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launchBrowser, openPage, assertNoProblems, noticeText, BASE_URL } from "./helpers.mjs";

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** Opens the page recording CSP violations and requests to other origins. */
async function openWatched(path) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const foreign = [];
  const origin = new URL(BASE_URL).origin;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== "data:" && url.protocol !== "blob:") foreign.push(request.url());
  });
  const response = await page.goto(new URL(path, BASE_URL).href);
  await page.evaluate(() => document.querySelector("sepal-playground").ready);
  return { page, response, foreign, close: () => context.close() };
}

test("the server sends the strict policy and the page runs under it with no violation", async () => {
  const { page, response, foreign, close } = await openWatched("");
  try {
    assert.equal(response.headers()["content-security-policy"], CSP);
    await page.evaluate(async () => {
      const el = document.querySelector("sepal-playground");
      el.step(500);
      el.play();
      await new Promise((r) => setTimeout(r, 700));
      el.pause();
    });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(foreign, [], "no request leaves the page's origin");
  } finally {
    await close();
  }
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
  test(`markup in ${setting} is shown as text, never run or rendered`, async () => {
    const { page, problems, close } = await openPage(browser, `#${setting}=${encodeURIComponent(payload)}`);
    try {
      const result = await page.evaluate(() => {
        const root = document.querySelector("sepal-playground").shadowRoot;
        return {
          pwned: window.__pwned === 1,
          injected:
            document.querySelectorAll('img[src="x"], svg[onload]').length +
            root.querySelectorAll('img, svg[onload], script, [part="notice"] b, [part="notice"] i').length,
        };
      });
      assert.equal(result.pwned, false);
      assert.equal(result.injected, 0, "no element was made from the value");
      const notice = await noticeText(page);
      assert.ok(notice.includes(setting), `the notice names ${setting}: ${notice}`);
      assert.ok(notice.includes(payload), `the notice shows the value as text: ${notice}`);
      assertNoProblems(problems);
    } finally {
      await close();
    }
  });
}
