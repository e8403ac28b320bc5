// Where the real page's time goes in headless Chromium, from a trace of
// the renderer's main thread:
//
// - at speed=max: per animation frame, our frame callback (training and
//   drawing), the commit (where Chromium rasterises the canvases that
//   changed), style and layout, and paint; and how often a frame was late;
// - on load: the main thread's tasks until the element's first frame.
//
//   SEPAL_URL=http://127.0.0.1:PORT/ node bench/profile/page.mjs
//
// (`cargo xtask profile` serves www/ and runs it.)

import { chromium } from "playwright-core";
import { chromiumOptions } from "../../tests/chromium.mjs";

const BASE = process.env.SEPAL_URL || "http://127.0.0.1:8000/";
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "blink", "cc", "v8.execute"];

/** Complete events on the busiest renderer main thread of a trace. */
function mainThread(trace) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) {
    if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || names.get(key) !== "CrRendererMain") continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  return [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

const ms = (us) => (us / 1000).toFixed(2).padStart(6);

async function traced(browser, url, during) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  const result = await during(page, url);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  return { result, events: mainThread(trace), all: trace.traceEvents ?? trace };
}

async function speedMax(browser) {
  const { result, events } = await traced(browser, new URL("index.html#speed=max&autoplay=1", BASE).href, async (page, url) => {
    await page.goto(url);
    await page.waitForTimeout(2000); // the pacer settles
    return page.evaluate(async () => {
      const intervals = [];
      let last = null;
      const el = document.querySelector("sepal-playground");
      const first = el.iteration;
      await new Promise((resolve) => {
        const start = performance.now();
        const tick = (now) => {
          if (last !== null) intervals.push(now - last);
          last = now;
          if (now - start < 3000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return { intervals, iterations: el.iteration - first };
    });
  });
  const frames = events.filter((e) => e.name === "ProxyMain::BeginMainFrame");
  const total = (name) => events.filter((e) => e.name === name).reduce((sum, e) => sum + e.dur, 0) / frames.length;
  const late = result.intervals.filter((t) => t > 17.5).length;
  const seconds = result.intervals.reduce((a, b) => a + b, 0) / 1000;
  console.log(`speed=max: ${(result.intervals.length / seconds).toFixed(1)} fps, ${Math.round(result.iterations / seconds)} iterations/s, ${late} of ${result.intervals.length} frames late`);
  console.log("main thread per frame (ms), over the traced frames:");
  console.log(`  ${ms(total("ProxyMain::BeginMainFrame"))}  the whole frame`);
  console.log(`  ${ms(total("FireAnimationFrame"))}  our frame callback: training, the map, readouts, chart`);
  console.log(`  ${ms(total("Commit"))}  commit: rasterising the canvases that changed`);
  console.log(`  ${ms(total("UpdateLayoutTree") + total("Layout"))}  style and layout`);
  console.log(`  ${ms(total("PrePaint") + total("Paint"))}  pre-paint and paint`);
}

async function firstFrame(browser) {
  const { result, events, all } = await traced(browser, new URL("index.html", BASE).href, async (page, url) => {
    await page.addInitScript(() => {
      globalThis.__marks = [];
      const mark = (what) => globalThis.__marks.push([what, performance.now()]);
      document.addEventListener("DOMContentLoaded", () => mark("DOMContentLoaded"));
      customElements.whenDefined("sepal-playground").then(() => {
        mark("element defined");
        document.querySelector("sepal-playground").ready.then(() => {
          mark("first frame (ready)");
          console.timeStamp("sepal first frame"); // in the trace, on its clock
        });
      });
    });
    await page.goto(url);
    await page.waitForFunction(() => globalThis.__marks.some(([what]) => what.startsWith("first frame")));
    return page.evaluate(() => ({ marks: globalThis.__marks }));
  });
  console.log("\nload (ms from navigation start):");
  for (const [what, t] of result.marks) console.log(`  ${t.toFixed(0).padStart(6)}  ${what}`);
  const ready = all.find((e) => e.name === "TimeStamp" && e.args?.data?.message === "sepal first frame");
  const base = Math.min(...events.map((e) => e.ts));
  const inside = (task, names) =>
    events.filter((e) => names.includes(e.name) && e.ts >= task.ts && e.ts < task.ts + task.dur).reduce((s, e) => s + e.dur, 0);
  console.log("main-thread tasks over 3 ms until then (ms from the first: start, length, of which):");
  for (const task of events.filter((e) => e.name === "RunTask" && e.dur > 3000 && (!ready || e.ts <= ready.ts))) {
    const parts = [
      ["script", inside(task, ["v8.evaluateModule", "FunctionCall", "RunMicrotasks", "EvaluateScript"])],
      ["layout", inside(task, ["Layout"])],
      ["style", inside(task, ["UpdateLayoutTree"])],
      ["paint", inside(task, ["Paint", "PrePaint"])],
      ["html", inside(task, ["ParseHTML"])],
    ].filter(([, us]) => us > 500);
    console.log(`  ${((task.ts - base) / 1000).toFixed(0).padStart(6)} ${ms(task.dur)}  ${parts.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(", ")}`);
  }
}

const browser = await chromium.launch(chromiumOptions());
try {
  await speedMax(browser);
  await firstFrame(browser);
} finally {
  await browser.close();
}
