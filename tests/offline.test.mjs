// The single file (`cargo xtask dist`) opened from disk with every network
// request blocked trains exactly as the served page does, under the same
// strict Content-Security-Policy, which it carries itself.

import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withPage, recordPolicyViolations, policyViolations, assertNoProblems } from "./helpers.mjs";

const SINGLE_FILE =
  process.env.SEPAL_SINGLE_FILE || fileURLToPath(new URL("../dist/sepal-playground.html", import.meta.url));

/**
 * Opens the single file from disk with every request that is not the file
 * itself (or data: inside it) failed, and recorded in `requests`, and runs
 * `body` like withPage, with withPage's `options` (their `setup` runs after
 * this one's). A script the page's policy refuses never defines the
 * element, which withPage would wait for for ever: this fails at the
 * refusal instead.
 */
async function withSingleFile(requests, { setup, ...options }, body) {
  assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} exists (run cargo xtask dist)`);
  let loading = true;
  let refuse;
  const refused = new Promise((_, reject) => (refuse = reject));
  const open = async ({ context, page }) => {
    await context.route(
      (url) => url.protocol !== "file:" && url.protocol !== "data:",
      (route) => {
        requests.push(route.request().url());
        return route.abort();
      },
    );
    page.on("console", (message) => {
      if (loading && message.type() === "error" && message.text().includes("Content Security Policy")) {
        refuse(new Error(`the page's policy refused something while it loaded: ${message.text()}`));
      }
    });
    await setup?.({ context, page });
  };
  const run = withPage(pathToFileURL(SINGLE_FILE).href, { ...options, setup: open }, (opened) => {
    loading = false;
    return body(opened);
  });
  await Promise.race([run, refused]);
}

test("the single file works from file:// with no network and reaches the course's 90.75%", async () => {
  const requests = [];
  await withSingleFile(requests, {}, async ({ element }) => {
    const state = await element.evaluate((el) => {
      const start = el.cost;
      el.step(1000);
      const after1000 = el.cost;
      el.step(9000);
      return { start, after1000, iteration: el.iteration, accuracy: el.trainAccuracy };
    });
    // REFERENCE.md: cost 0.693162 at 0 and 0.258625 after 1000; 90.75% after 10000.
    assert.ok(Math.abs(state.start - 0.693162) < 1e-6, `${state.start}`);
    assert.ok(Math.abs(state.after1000 - 0.258625) < 1e-6, `${state.after1000}`);
    assert.equal(state.iteration, 10000);
    assert.ok(Math.abs(state.accuracy - 0.9075) <= 0.0026, `${state.accuracy}`);
    assert.deepEqual(requests, [], "no request outside the file");
  });
});

// #15: the site loads the Chinese strings only for a page in Chinese; the
// single file carries them inside it.
test("the single file switches to Chinese with no network: its Chinese strings are inside it", async () => {
  const requests = [];
  await withSingleFile(requests, {}, async ({ element }) => {
    const play = await element.evaluate(async (el) => {
      const label = () => el.shadowRoot.querySelector('[data-action="toggle"]').textContent;
      el.setAttribute("lang", "zh");
      for (let i = 0; i < 200 && label() !== "开始"; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      return label();
    });
    assert.equal(play, "开始");
    assert.deepEqual(requests, [], "no request outside the file");
  });
});

test("the single file carries the strict policy in a <meta> and runs under it with no violation", async () => {
  const requests = [];
  const setup = ({ context }) => recordPolicyViolations(context);
  await withSingleFile(requests, { setup, checkProblems: false }, async ({ page, element, problems }) => {
    const policy = await page.evaluate(() => {
      const first = document.head.firstElementChild;
      return first.matches('meta[http-equiv="Content-Security-Policy"]') ? first.content : null;
    });
    assert.ok(policy, "the first element of <head> is the policy");
    const directives = new Map(
      policy.split(";").map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    assert.deepEqual(directives.get("default-src"), ["'none'"]);
    // Scripts: only the inline ones, by hash, and the wasm; no 'self',
    // 'unsafe-eval' or 'unsafe-inline', and no other script directive.
    const scripts = directives.get("script-src");
    assert.ok(scripts.includes("'wasm-unsafe-eval'"), policy);
    for (const source of scripts.filter((source) => source !== "'wasm-unsafe-eval'")) {
      assert.match(source, /^'sha256-[A-Za-z0-9+/]{43}='$/, policy);
    }
    assert.deepEqual([...directives.keys()].filter((name) => name.startsWith("script-src")), ["script-src"]);

    const iteration = await element.evaluate(async (el) => {
      el.step(500);
      el.play();
      await new Promise((r) => setTimeout(r, 700));
      el.pause();
      return el.iteration;
    });
    assert.ok(iteration > 500, `it played: iteration ${iteration}`);
    assert.deepEqual(await policyViolations(page), []);
    assertNoProblems(problems);
    assert.deepEqual(requests, [], "no request outside the file");

    // The policy is in force from file://, and its violations are seen.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__unhashedRan = true;";
      document.head.append(script);
      return window.__unhashedRan === true;
    });
    assert.equal(ran, false, "an inline script without its hash does not run");
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.deepEqual(await policyViolations(page), ["script-src-elem: inline"]);
  });
});
