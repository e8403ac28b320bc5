// The first frame of two builds side by side (#15): loads A's and B's
// `index.html` and single file in turn, alternating which goes first, each
// in a fresh context (nothing cached), and prints for each the median time
// from navigation to the element's `ready` (its first frame drawn), as
// bench/run.mjs measures it. With TRACE=1 it also traces each load and
// prints the renderer main thread's CPU time until `ready`, by kind, from
// the trace's thread times: on a shared machine the wall clock grows with
// the other jobs' load, the CPU time a load costs much less.
//
//   SEPAL_URL=http://127.0.0.1:PORT/ A=old/ B=new/ node bench/profile/first-frame.mjs
//
// A and B: folders under SEPAL_URL that each hold a `cargo xtask dist`
// output (copy dist/ once per build); or BUILDS="a/,b/,c/" for more than
// two, each round taking them in turn from a different first one. ROUNDS (default 7) loads of each page
// of each build; PAGES (default "index.html,sepal-playground.html");
// MOBILE=1 for bench/run.mjs's phone (150 ms RTT, 1.6 Mbit/s, 4× CPU).
// `cargo xtask serve` leaves the single file's own policy alone; a server
// that puts its policy header on every file blocks the single file's
// inline script (it never gets `ready`): load that page from disk then,
// `SEPAL_URL=file:///…/ PAGES=sepal-playground.html`.

import os from "node:os";
import { chromium } from "playwright-core";
import { chromiumOptions } from "../../tests/chromium.mjs";

const BASE = process.env.SEPAL_URL || "http://127.0.0.1:8000/";
const BUILDS = process.env.BUILDS ? process.env.BUILDS.split(",") : [process.env.A, process.env.B];
const ROUNDS = Number(process.env.ROUNDS || 7);
const PAGES = (process.env.PAGES || "index.html,sepal-playground.html").split(",");
const TRACE = process.env.TRACE === "1";
const MOBILE = process.env.MOBILE === "1";
// (navigationStart is in blink.user_timing.)
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "blink.user_timing", "loading", "v8", "v8.execute", "v8.wasm"];
/** Trace events by what they are; each is counted without the events of this list inside it. */
const KINDS = {
  ParseHTML: "parse HTML",
  ParseAuthorStyleSheet: "style",
  UpdateLayoutTree: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Commit: "paint",
  "v8.compileModule": "compile modules",
  "v8.evaluateModule": "run modules (the element is built)",
  "v8.wasm.compileConsume": "wasm bytes (streaming compile)",
  RunMicrotasks: "microtasks (the wasm is ready: model, first draw)",
  FunctionCall: "callbacks (frames, timers, events)",
  FireAnimationFrame: "callbacks (frames, timers, events)",
  TimerFire: "callbacks (frames, timers, events)",
  EventDispatch: "callbacks (frames, timers, events)",
};

if (BUILDS.length < 2 || BUILDS.some((build) => !build)) throw new Error("A and B (or BUILDS) name the builds' folders under SEPAL_URL");

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The main thread's CPU time from navigation to the "sepal ready" stamp, in all and by kind (ms). */
function cpuUntilReady(events) {
  const threads = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const ready = events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === "sepal ready");
  const start = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && /^(http|file)/.test(e.args?.data?.documentLoaderURL ?? ""),
  );
  const main = events
    .filter((e) => e.ph === "X" && e.pid === ready.pid && threads.get(`${e.pid}:${e.tid}`) === "CrRendererMain")
    .filter((e) => e.ts >= start.ts && e.ts <= ready.ts && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let total = 0;
  let end = -Infinity;
  for (const e of main) {
    if (e.ts < end) continue; // inside a task already counted
    total += e.tdur;
    end = e.ts + e.dur;
  }
  const kinds = {};
  const open = [];
  for (const e of main) {
    const kind = KINDS[e.name];
    if (!kind) continue;
    while (open.length && open[open.length - 1].end <= e.ts) open.pop();
    kinds[kind] = (kinds[kind] ?? 0) + e.tdur;
    if (open.length) kinds[open[open.length - 1].kind] -= e.tdur;
    open.push({ end: e.ts + e.dur, kind });
  }
  kinds.other = total - Object.values(kinds).reduce((a, b) => a + b, 0);
  return { total: total / 1000, kinds: Object.fromEntries(Object.entries(kinds).map(([k, us]) => [k, us / 1000])) };
}

/** One fresh load of `url`: ms to `ready`, and with TRACE the CPU time. */
async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (MOBILE) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const network = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
      await cdp.send("Network.emulateNetworkConditions", network);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    await page.addInitScript(() => {
      globalThis.__sepalReadyAt = null;
      customElements.whenDefined("sepal-playground").then(() =>
        document.querySelector("sepal-playground").ready.then(() => {
          globalThis.__sepalReadyAt = performance.now();
          console.timeStamp("sepal ready");
        }),
      );
    });
    if (TRACE) await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__sepalReadyAt !== null, null, { timeout: 60000 });
    const ms = await page.evaluate(() => globalThis.__sepalReadyAt);
    if (!TRACE) return { ms };
    const trace = JSON.parse((await browser.stopTracing()).toString());
    return { ms, cpu: cpuUntilReady(trace.traceEvents ?? trace) };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch(chromiumOptions());
const loadBefore = os.loadavg();
const results = new Map();
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const page of PAGES) {
      // Each build first in turn, and (for two) A then B, then B then A.
      const turn = round % BUILDS.length;
      for (const build of [...BUILDS.slice(turn), ...BUILDS.slice(0, turn)]) {
        const key = `${build}${page}`;
        if (!results.has(key)) results.set(key, []);
        results.get(key).push(await load(browser, new URL(key, BASE).href));
      }
    }
  }
} finally {
  await browser.close();
}
const average = (loads) => loads.map((x) => x.toFixed(2)).join(" ");
console.log(`load average ${average(loadBefore)} before, ${average(os.loadavg())} after${MOBILE ? "; phone conditions" : ""}`);
for (const [key, loads] of results) {
  console.log(`${key}: first frame median ${median(loads.map((l) => l.ms)).toFixed(1)} ms (${loads.map((l) => l.ms.toFixed(0)).join(", ")})`);
  if (!TRACE) continue;
  const totals = loads.map((l) => l.cpu.total);
  console.log(`  main-thread CPU until then: median ${median(totals).toFixed(1)} ms (${totals.map((t) => t.toFixed(0)).join(", ")}); by kind, medians:`);
  const kinds = [...new Set(loads.flatMap((l) => Object.keys(l.cpu.kinds)))];
  for (const kind of kinds) console.log(`    ${median(loads.map((l) => l.cpu.kinds[kind] ?? 0)).toFixed(1).padStart(6)}  ${kind}`);
}
