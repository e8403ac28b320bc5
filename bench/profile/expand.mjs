// The derivation panel's longest main-thread tasks (#15 "never freeze"),
// for two servers of www/ side by side, alternately: on `index.html` with
// deep hidden layers, the run played for 3 s with the panel closed (for
// comparison), the panel opened on a point, then each layer
// expanded in turn, another point chosen, the run played for 3 s with the
// layers expanded, one layer collapsed and the rest after it. Each action
// is followed until the panel is complete (its terms no longer
// `aria-busy`) and the frames after it; the figure is the longest task
// (PerformanceObserver `longtask`, so 0 means none over 50 ms) from the
// action to then. With TRACE=1 each long task is broken down from a
// Chromium trace of the renderer's main thread: script, style, layout,
// paint, garbage collection; and each action's longest task is also given
// in CPU time (the trace's thread time: on a loaded machine the wall clock
// of a task grows with the other jobs, its CPU time much less); with PROFILE=1 (a sampling CPU profile, which
// slows the page) each action with a long task prints its busiest functions.
//
//   OLD=http://127.0.0.1:8781/ NEW=http://127.0.0.1:8771/ node bench/profile/expand.mjs
//
// LAYERS (default "64,64"; the caps: "64,64,64,64,64,64" with POINTS=10000),
// ROUNDS (default 3) of each server, old first in odd rounds.

import { chromium } from "playwright-core";
import { chromiumOptions } from "../../tests/chromium.mjs";

const SERVERS = [
  ["old", process.env.OLD],
  ["new", process.env.NEW],
].filter(([, url]) => url);
const LAYERS = process.env.LAYERS || "64,64";
const POINTS = process.env.POINTS;
const ROUNDS = Number(process.env.ROUNDS || 3);
const TRACE = process.env.TRACE === "1";
const PROFILE = process.env.PROFILE === "1";
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute", "blink.user_timing"];
const KINDS = {
  FunctionCall: "script",
  FireAnimationFrame: "script",
  TimerFire: "script",
  EventDispatch: "script",
  "v8.evaluateModule": "script",
  RunMicrotasks: "script",
  UpdateLayoutTree: "style",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  Commit: "paint",
  MajorGC: "gc",
  MinorGC: "gc",
  "V8.GC_MARK_COMPACTOR": "gc",
  "V8.GC_SCAVENGER": "gc",
};

if (SERVERS.length === 0) throw new Error("OLD and/or NEW: the servers of www/ to measure");

/** In the page: a long-task observer and an action log, on window. */
function watch() {
  const record = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask" });
  window.__expand = record;
}

/** In the page: runs `action` (by name), waits until the panel is complete and a few frames more; the long tasks since it started. */
async function act([action, argument]) {
  const el = document.querySelector("sepal-playground");
  const panel = el.shadowRoot.querySelector('[part="derivation"]');
  const record = window.__expand;
  const frames = (n) => new Promise((resolve) => {
    const next = () => (n-- > 0 ? requestAnimationFrame(next) : setTimeout(resolve, 50));
    next();
  });
  await frames(3);
  const start = performance.now();
  console.timeStamp(`expand: ${action} ${argument ?? ""}`);
  if (action === "select") el.selectPoint(argument);
  if (action === "toggle") panel.querySelector(`.more-units[data-layer="${argument}"]`).click();
  if (action === "play") {
    el.setAttribute("speed", "max");
    el.play();
    await new Promise((resolve) => setTimeout(resolve, argument));
    el.pause();
  }
  // Complete: one list of terms (what showed before is gone), nothing busy.
  const complete = () => panel.hidden || (panel.querySelectorAll(".terms").length === 1 && !panel.querySelector('[aria-busy="true"]'));
  while (!complete() && performance.now() - start < 20000) await frames(1);
  const took = performance.now() - start;
  await frames(10);
  const tasks = record.tasks.filter((t) => t.start + t.duration >= start).map((t) => Math.round(t.duration));
  return {
    took: Math.round(took),
    longest: Math.max(0, ...tasks),
    tasks,
    units: panel.querySelectorAll(".graph .node").length,
    edges: panel.querySelectorAll(".graph .edge.weight").length,
    terms: panel.querySelectorAll(".term").length,
  };
}

/** A CPU profile's functions by self time (ms), the busiest first. */
function busiest(profile, count = 10) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...self].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, count);
}

/** Complete events on the busiest renderer main thread of a trace. */
function mainThread(trace) {
  const events = trace.traceEvents ?? trace;
  const names = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== "CrRendererMain") continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  return [...byThread.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** Each main-thread task over 50 ms: when (after which action), how long, and its time by kind (each kind without what is nested in it). */
function breakDown(events) {
  const stamps = events.filter((e) => e.name === "TimeStamp").map((e) => ({ ts: e.ts, what: e.args?.data?.message ?? "" }));
  const complete = events.filter((e) => e.ph === "X");
  const lines = [];
  for (const task of complete.filter((e) => e.name === "RunTask" && e.dur > 50000)) {
    const inside = complete.filter((e) => KINDS[e.name] && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const by = {};
    for (const e of inside) {
      // Self time: less the events of these kinds directly inside it.
      const nested = inside.filter((n) => n !== e && n.ts >= e.ts && n.ts + n.dur <= e.ts + e.dur);
      const direct = nested.filter((n) => !nested.some((m) => m !== n && n.ts >= m.ts && n.ts + n.dur <= m.ts + m.dur));
      by[KINDS[e.name]] = (by[KINDS[e.name]] ?? 0) + e.dur - direct.reduce((sum, n) => sum + n.dur, 0);
    }
    const after = stamps.filter((s) => s.ts <= task.ts).at(-1)?.what ?? "load";
    const parts = Object.entries(by).map(([kind, us]) => `${kind} ${(us / 1000).toFixed(1)}`);
    lines.push(`    ${(task.dur / 1000).toFixed(1).padStart(6)} ms after "${after}": ${parts.join(", ")}`);
  }
  return lines;
}

/** Per action (from its time stamp to the next), the longest main-thread task's thread time (ms). */
function longestCpu(events, count) {
  const stamps = events.filter((e) => e.name === "TimeStamp" && /^expand: /.test(e.args?.data?.message ?? "")).map((e) => e.ts);
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask" && e.tdur !== undefined);
  return Array.from({ length: count }, (_, i) => {
    const [from, to] = [stamps[i], stamps[i + 1] ?? Infinity];
    // A task is the action's that it ends in (the one an action starts in began before its stamp).
    return Math.round(Math.max(0, ...tasks.filter((t) => t.ts + t.dur > from && t.ts + t.dur <= to).map((t) => t.tdur)) / 1000);
  });
}

const layers = LAYERS.split(",").length;
const ACTIONS = [
  ["play", 3000], // the panel closed: what playing costs without it
  ["select", 0],
  ...Array.from({ length: layers }, (_, l) => ["toggle", l + 1]),
  ["select", 1],
  ["play", 3000],
  ["toggle", layers],
  ...Array.from({ length: layers - 1 }, (_, l) => ["toggle", l + 1]),
];
const hash = `#model=deep&layers=${LAYERS}${POINTS ? `&points=${POINTS}` : ""}`;
const browser = await chromium.launch(chromiumOptions());
const results = new Map(SERVERS.map(([name]) => [name, ACTIONS.map(() => [])]));
const cpu = new Map(SERVERS.map(([name]) => [name, ACTIONS.map(() => [])]));
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? SERVERS : [...SERVERS].reverse();
    for (const [name, url] of order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error(`${name}: page error: ${error.message}`));
      await page.goto(new URL(`index.html${hash}`, url).href);
      await page.evaluate(async () => {
        await customElements.whenDefined("sepal-playground");
        await document.querySelector("sepal-playground").ready;
      });
      await page.waitForTimeout(1500); // the first draw's parts end
      await page.evaluate(watch);
      if (TRACE) await browser.startTracing(page, { categories: CATEGORIES });
      const cdp = PROFILE ? await context.newCDPSession(page) : null;
      await cdp?.send("Profiler.enable");
      const line = [];
      for (const [i, action] of ACTIONS.entries()) {
        await cdp?.send("Profiler.start");
        const outcome = await page.evaluate(act, action);
        const profile = (await cdp?.send("Profiler.stop"))?.profile;
        results.get(name)[i].push(outcome.longest);
        line.push(`${action.join(" ")}: ${outcome.longest} (done ${outcome.took} ms; ${outcome.units} units, ${outcome.edges} edges, ${outcome.terms} terms)`);
        if (profile && outcome.longest > 0) {
          line.push(...busiest(profile).map(([fn, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${fn}`));
        }
      }
      console.log(`round ${round + 1} ${name}, longest task (ms):\n  ${line.join("\n  ")}`);
      if (TRACE) {
        const trace = JSON.parse((await browser.stopTracing()).toString());
        const events = mainThread(trace);
        console.log(breakDown(events).join("\n"));
        longestCpu(events, ACTIONS.length).forEach((ms, i) => cpu.get(name)[i].push(ms));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
const table = (title, figures) => {
  console.log(`\n${hash}: ${title} per action over ${ROUNDS} rounds (ms, min–max)`);
  for (const [i, action] of ACTIONS.entries()) {
    const cells = SERVERS.map(([name]) => {
      const values = figures.get(name)[i];
      return `${name} ${Math.min(...values)}–${Math.max(...values)}`;
    });
    console.log(`  ${action.join(" ").padEnd(12)} ${cells.join("   ")}`);
  }
};
table("longest task over 50 ms (0: none)", results);
if (TRACE) table("longest task's CPU time", cpu);
