// The browser half of `cargo xtask bench`: opens the benchmark pages and the
// real page in headless Chromium and prints, as its last stdout line, one
// JSON object with every figure (progress goes to stderr).
//
//   SEPAL_URL   where xtask serves www/ at / and bench/ at /bench/
//   CHROMIUM    the browser (default /usr/bin/chromium)
//   BENCH_ONLY  optional comma-separated parts to run (sepal, tfplayground,
//               tfjs, speedmax, speedmaxbatches, firstframe, firstframemobile, storm,
//               manyelements, caps)
//   SITE        the site's page for the first-frame and caps parts (default
//               dist/index.html under SEPAL_URL: the minified bundles `cargo
//               xtask dist` makes; www/index.html, the plain modules, is
//               measured beside it as `modules`)
//   SINGLE_FILE where the single file is served (default dist/sepal-playground.html
//               under SEPAL_URL), for the first-frame parts
//
// Every part has its own time limit and its own browser context; a part that
// fails or times out is reported as {"error": "..."} and the rest go on.

import { chromium } from "playwright-core";
import { chromiumOptions } from "../tests/chromium.mjs";

const BASE = process.env.SEPAL_URL || "http://127.0.0.1:8000/";
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : null;
const SPEED_MAX_SECONDS = 5;
// On this shared 2-core machine one load's wall clock moves by ±40 %: eleven
// give a median that moves by less (five moved 256 → 405 ms between runs).
const FIRST_FRAME_LOADS = 11;
const MOBILE_LOADS = 3;
const SINGLE_FILE = process.env.SINGLE_FILE || "dist/sepal-playground.html";
const SITE = process.env.SITE || "dist/index.html";
/**
 * Lighthouse's mobile preset through the DevTools Protocol: 150 ms round
 * trips, 1.6 Mbit/s down, 750 kbit/s up, the CPU 4× slower.
 */
const MOBILE = {
  // Bytes per second, as Lighthouse sets them (its kbit/s are 1024 bit/s).
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpuSlowdown: 4,
};
const STORM_CALLS = 2100;
const MANY_ELEMENTS = 20;
const MANY_ELEMENTS_SECONDS = 5;
const KEY_PRESSES = 20;
/** #15: the largest network the settings allow, and how long it plays. */
const CAPS = "model=deep&layers=64,64,64,64,64,64&points=10000";
const CAPS_SECONDS = 6;
const CAPS_PAUSES = 5;

const log = (...args) => console.error("[bench]", ...args);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A fresh context and page; page errors are collected, not thrown. */
async function openContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    // Failed loads are reported below, with their address.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    // No favicon is served; the browser asks anyway.
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return { context, page, problems };
}

/** Opens a bench page and runs its `globalThis.bench.run()`. */
async function benchPage(browser, path) {
  const { context, page, problems } = await openContext(browser);
  try {
    await page.goto(new URL(path, BASE).href);
    await page.waitForFunction(() => typeof globalThis.bench?.run === "function", null, { timeout: 30000 });
    const result = await page.evaluate(() => globalThis.bench.run());
    if (problems.length) result.problems = problems;
    return result;
  } catch (e) {
    throw new Error(`${e.message}${problems.length ? ` (page: ${problems.join("; ")})` : ""}`);
  } finally {
    await context.close();
  }
}

/**
 * The real page at speed=max with the settings `hash` adds: iterations and
 * drawn frames over a few seconds.
 */
async function speedMax(browser, hash = "") {
  const { context, page, problems } = await openContext(browser);
  try {
    await page.goto(new URL(`index.html#speed=max&autoplay=1${hash}`, BASE).href);
    const result = await page.evaluate(async (seconds) => {
      await customElements.whenDefined("sepal-playground");
      const el = document.querySelector("sepal-playground");
      await el.ready;
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      let progress = 0;
      let frames = 0;
      let measuring = true;
      el.addEventListener("progress", () => { progress += 1; });
      const tick = () => {
        frames += 1;
        if (measuring) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      await sleep(1000); // the pacer learns the costs first
      const start = { t: performance.now(), iteration: el.iteration, progress, frames };
      await sleep(seconds * 1000);
      const end = { t: performance.now(), iteration: el.iteration, progress, frames };
      measuring = false;
      const s = (end.t - start.t) / 1000;
      return {
        seconds: Number(s.toFixed(3)),
        iterations: end.iteration - start.iteration,
        iterationsPerSecond: Math.round((end.iteration - start.iteration) / s),
        fps: Number(((end.progress - start.progress) / s).toFixed(1)),
        animationFramesPerSecond: Number(((end.frames - start.frames) / s).toFixed(1)),
        running: el.running,
        diverged: el.diverged,
        finalIteration: el.iteration,
        cost: el.cost,
      };
    }, SPEED_MAX_SECONDS);
    if (!result.running) result.note = "the element was not running at the end";
    // The browser's own ceiling: animation frames on an idle page.
    await page.goto(new URL("bench/pages/sepal.html", BASE).href);
    result.idleAnimationFramesPerSecond = await page.evaluate(async () => {
      let frames = 0;
      const start = performance.now();
      await new Promise((resolve) => {
        const tick = () => {
          frames += 1;
          if (performance.now() - start < 2000) requestAnimationFrame(tick);
          else resolve();
        };
        requestAnimationFrame(tick);
      });
      return Number((frames / ((performance.now() - start) / 1000)).toFixed(1));
    });
    if (problems.length) result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Navigation start → the element's `ready` resolved (its first frame drawn),
 * over `loads` fresh loads (a new context each: nothing cached) of `path`,
 * under `conditions` (see MOBILE) if given: the median, every sample, and
 * the bytes that came over the network for the last load.
 */
async function loadToFirstFrame(browser, path, loads, conditions) {
  const samples = [];
  const problems = [];
  let transferred = 0;
  for (let i = 0; i < loads; i += 1) {
    const opened = await openContext(browser);
    try {
      const cdp = await opened.context.newCDPSession(opened.page);
      await cdp.send("Network.enable");
      transferred = 0;
      cdp.on("Network.loadingFinished", (event) => (transferred += event.encodedDataLength));
      if (conditions) {
        await cdp.send("Network.emulateNetworkConditions", conditions.network);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: conditions.cpuSlowdown });
      }
      await opened.page.addInitScript(() => {
        globalThis.__sepalReadyAt = null;
        customElements.whenDefined("sepal-playground").then(() => {
          document.querySelector("sepal-playground").ready.then(() => {
            globalThis.__sepalReadyAt = performance.now();
          });
        });
      });
      await opened.page.goto(new URL(path, BASE).href);
      await opened.page.waitForFunction(() => globalThis.__sepalReadyAt !== null, null, { timeout: 60000 });
      // performance.now() counts from the navigation's start (timeOrigin).
      samples.push(await opened.page.evaluate(() => Number(globalThis.__sepalReadyAt.toFixed(1))));
      problems.push(...opened.problems);
    } finally {
      await opened.context.close();
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const result = { ms: sorted[Math.floor(sorted.length / 2)], samples, loads: samples.length, transferredBytes: transferred };
  if (problems.length) result.problems = problems;
  return result;
}

/**
 * The site's page, the single file and the development page of plain
 * modules, on localhost, then as a phone would.
 */
async function firstFrame(browser) {
  return {
    ...(await loadToFirstFrame(browser, SITE, FIRST_FRAME_LOADS)),
    singleFile: await loadToFirstFrame(browser, SINGLE_FILE, FIRST_FRAME_LOADS).catch((e) => ({ error: e.message })),
    modules: await loadToFirstFrame(browser, "index.html", FIRST_FRAME_LOADS).catch((e) => ({ error: e.message })),
  };
}

async function firstFrameMobile(browser) {
  return {
    ...(await loadToFirstFrame(browser, SITE, MOBILE_LOADS, MOBILE)),
    singleFile: await loadToFirstFrame(browser, SINGLE_FILE, MOBILE_LOADS, MOBILE).catch((e) => ({ error: e.message })),
    modules: await loadToFirstFrame(browser, "index.html", MOBILE_LOADS, MOBILE).catch((e) => ({ error: e.message })),
    conditions: MOBILE,
  };
}

/**
 * An attribute storm: STORM_CALLS setAttribute calls in one task on the
 * real page's element, cycling through settings that rebuild the model,
 * timed from the first call to the end of the task that applies them.
 */
async function storm(browser) {
  const { context, page, problems } = await openContext(browser);
  try {
    await page.goto(new URL("index.html", BASE).href);
    const result = await page.evaluate(async (calls) => {
      await customElements.whenDefined("sepal-playground");
      const el = document.querySelector("sepal-playground");
      await el.ready;
      const values = [
        ["hidden-units", (i) => String(1 + (i % 9))],
        ["learning-rate", (i) => String(0.1 + (i % 5) / 10)],
        ["points", (i) => String(100 + (i % 9) * 50)],
        ["seed", (i) => String(i)],
        ["noise", (i) => String((i % 5) / 10)],
        ["activation", (i) => (i % 2 ? "relu" : "tanh")],
        ["dataset-seed", (i) => String(i % 7)],
      ];
      let rebuilds = 0;
      el.addEventListener("progress", () => (rebuilds += 1));
      const started = performance.now();
      for (let i = 0; i < calls; i += 1) {
        const [name, value] = values[i % values.length];
        el.setAttribute(name, value(i));
      }
      const loop = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 0)); // after the microtask that applies them
      return { ms: Number((performance.now() - started).toFixed(1)), loopMs: Number(loop.toFixed(1)), calls, rebuilds };
    }, STORM_CALLS);
    if (problems.length) result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

/**
 * MANY_ELEMENTS elements playing at their default speed on the page of
 * course notes: animation frames per second, and the worst input latency,
 * from a key press's event time to the next animation frame after its
 * handler ran (what a reader typing waits for).
 */
async function manyElements(browser) {
  const { context, page, problems } = await openContext(browser);
  try {
    await page.goto(new URL("examples/index.html", BASE).href);
    await page.evaluate(async (count) => {
      await customElements.whenDefined("sepal-playground");
      const elements = [...document.querySelectorAll("sepal-playground")];
      while (elements.length < count) elements.push(document.body.appendChild(document.createElement("sepal-playground")));
      await Promise.all(elements.map((el) => el.ready));
      const field = document.body.insertBefore(document.createElement("input"), document.body.firstChild);
      field.id = "bench-latency";
      globalThis.__latencies = [];
      field.addEventListener("keydown", (event) => {
        requestAnimationFrame((now) => globalThis.__latencies.push(now - event.timeStamp));
      });
      field.focus();
      for (const el of elements) el.play();
      globalThis.__frames = 0;
      const tick = () => {
        globalThis.__frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, MANY_ELEMENTS);
    await page.waitForTimeout(1000); // the pacers learn the costs first
    const start = await page.evaluate(() => ({ t: performance.now(), frames: globalThis.__frames }));
    for (let i = 0; i < KEY_PRESSES; i += 1) {
      await page.waitForTimeout((MANY_ELEMENTS_SECONDS * 1000) / KEY_PRESSES);
      await page.keyboard.press("a");
    }
    const result = await page.evaluate((start) => {
      const seconds = (performance.now() - start.t) / 1000;
      const latencies = globalThis.__latencies;
      const elements = [...document.querySelectorAll("sepal-playground")];
      return {
        elements: elements.length,
        playing: elements.filter((el) => el.running).length,
        fps: Number(((globalThis.__frames - start.frames) / seconds).toFixed(1)),
        inputLatencyMaxMs: Number(Math.max(...latencies).toFixed(1)),
        keyPresses: latencies.length,
      };
    }, start);
    if (problems.length) result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

/**
 * #15: the site's page (SITE) at the caps (CAPS): the longest main-thread
 * task (PerformanceObserver "longtask") of its first draw, from the
 * navigation to 0.5 s after `ready`, in a new context (nothing cached); then playing
 * at speed=max: the longest task, iterations per second, and pause()
 * latency: from a pause asked for at some moment while playing (a timer
 * due at once, as a click would be) to the moment it ran, the worst of
 * CAPS_PAUSES, each followed by Play again.
 */
async function caps(browser) {
  const { context, page, problems } = await openContext(browser);
  try {
    await page.addInitScript(() => {
      globalThis.__loadTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) globalThis.__loadTasks.push(entry.duration);
      });
      observer.observe({ type: "longtask", buffered: true });
    });
    await page.goto(new URL(`${SITE}#${CAPS}&speed=max`, BASE).href);
    const result = await page.evaluate(
      async ({ seconds, pauses }) => {
        await customElements.whenDefined("sepal-playground");
        const el = document.querySelector("sepal-playground");
        await el.ready;
        const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        await sleep(500); // the first frame's work ends
        const loadTasks = globalThis.__loadTasks.splice(0);
        const tasks = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        });
        observer.observe({ type: "longtask" });
        el.play();
        const start = { t: performance.now(), iteration: el.iteration };
        await sleep(seconds * 1000);
        const end = { t: performance.now(), iteration: el.iteration };
        const playingTasks = tasks.splice(0);
        const latencies = [];
        for (let i = 0; i < pauses; i += 1) {
          await sleep(150 + 97 * i); // at different moments of an iteration
          const asked = performance.now();
          await new Promise((resolve) =>
            setTimeout(() => {
              latencies.push(performance.now() - asked);
              el.pause();
              resolve();
            }, 0),
          );
          el.play();
        }
        el.pause();
        observer.disconnect();
        const s = (end.t - start.t) / 1000;
        return {
          firstDrawLongestTaskMs: Number(Math.max(0, ...loadTasks).toFixed(1)),
          firstDrawLongTasks: loadTasks.length,
          longestTaskMs: Number(Math.max(0, ...playingTasks).toFixed(1)),
          longTasks: playingTasks.length,
          iterationsPerSecond: Number(((end.iteration - start.iteration) / s).toFixed(2)),
          iterations: end.iteration - start.iteration,
          pauseLatencyMaxMs: Number(Math.max(...latencies).toFixed(1)),
          pauseLatenciesMs: latencies.map((ms) => Number(ms.toFixed(1))),
        };
      },
      { seconds: CAPS_SECONDS, pauses: CAPS_PAUSES },
    );
    if (problems.length) result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

const PARTS = [
  ["sepal", (b) => benchPage(b, "bench/pages/sepal.html"), 180000],
  ["tfplayground", (b) => benchPage(b, "bench/pages/tfplayground.html"), 120000],
  ["tfjs", (b) => benchPage(b, "bench/pages/tfjs.html"), 240000],
  ["speedmax", speedMax, 60000],
  // #16: the Optimization notebook's Adam with mini-batches of 64.
  ["speedmaxbatches", (b) => speedMax(b, "&notebook=optimization&optimizer=adam"), 60000],
  ["firstframe", firstFrame, 120000],
  ["firstframemobile", firstFrameMobile, 180000],
  ["storm", storm, 60000],
  ["manyelements", manyElements, 90000],
  ["caps", caps, 90000],
];

const out = { base: BASE };
let browser;
try {
  browser = await withTimeout(
    chromium.launch(chromiumOptions()),
    60000,
    "launching Chromium",
  );
  out.browser = `Chromium ${browser.version()}`;
  for (const [name, part, limit] of PARTS) {
    if (ONLY && !ONLY.includes(name)) continue;
    const started = Date.now();
    log(`${name}...`);
    try {
      out[name] = await withTimeout(part(browser), limit, name);
    } catch (e) {
      out[name] = { error: String(e.message || e) };
    }
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s${out[name].error ? ` (failed: ${out[name].error})` : ""}`);
  }
} catch (e) {
  out.error = String(e.message || e);
}
console.log(JSON.stringify(out));
// Never hang on a browser that will not close.
await withTimeout(browser?.close() ?? Promise.resolve(), 10000, "closing Chromium").catch(() => {});
process.exit(0);
