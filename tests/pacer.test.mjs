// How much a frame trains (www/pacer.js), on a clock the test drives: the
// pacer reads performance.now(), and each iteration here "takes" 20 µs.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Pacer } from "../www/pacer.js";

const ITERATION_MS = 0.02;

/**
 * A pacer on a fake clock, and a way to run one frame `interval` ms after
 * the last one began (animation frames come at a fixed cadence, whatever
 * the work in them).
 */
function pacedFrames() {
  let clock = 1000;
  let frameStart = clock;
  globalThis.performance = { now: () => clock };
  const pacer = new Pacer();
  pacer.start();
  const step = (n) => {
    clock += n * ITERATION_MS;
    return n;
  };
  const frame = (interval, speed = "max") => {
    frameStart += interval;
    clock = frameStart;
    const ran = pacer.train(clock, speed, step);
    pacer.drew(2, 1, 200); // the script's own drawing: 2 ms
    return ran;
  };
  return { frame };
}

/**
 * Runs `count` frames of a page whose browser work (layout, paint, raster)
 * takes `browserMs` a frame, on a 60 Hz display: each frame starts on the
 * first tick after the last one's training and browser work are done.
 * Returns each frame's [training ms, interval ms].
 */
function playAtMax(browserMs, count) {
  const { frame } = pacedFrames();
  const VSYNC = 1000 / 60;
  let interval = VSYNC;
  const frames = [];
  for (let i = 0; i < count; i += 1) {
    const trained = frame(interval) * ITERATION_MS;
    frames.push([trained, interval]);
    interval = Math.ceil((trained + browserMs) / VSYNC - 1e-9) * VSYNC;
  }
  return frames;
}

test("at speed=max, training fills what a 60 Hz frame leaves, and frames stay on time", () => {
  const frames = playAtMax(10, 600).slice(300);
  const late = frames.filter(([, interval]) => interval > 17).length;
  assert.ok(late <= 0.06 * frames.length, `${late} of ${frames.length} frames late`);
  const trained = frames.reduce((sum, [ms]) => sum + ms, 0) / frames.length;
  assert.ok(trained >= 4.5 && trained <= 16.7 - 10, `${trained.toFixed(2)} ms of training a frame`);
});

test("at speed=max, a machine too slow for 60 frames a second aims at 30 and trains for most of each", () => {
  // The browser's own work alone is more than a 60 Hz frame.
  const frames = playAtMax(20, 400).slice(200);
  const slow = frames.filter(([, interval]) => interval > 34).length;
  assert.ok(slow <= 0.06 * frames.length, `${slow} of ${frames.length} frames slower than 30 a second`);
  const trained = frames.reduce((sum, [ms]) => sum + ms, 0) / frames.length;
  assert.ok(trained >= 6, `${trained.toFixed(2)} ms of training a frame`);
});

test("at a finite speed, a frame trains speed × elapsed time, whatever the frame interval", () => {
  const { frame } = pacedFrames();
  frame(16.7, 1000);
  let total = 0;
  for (let i = 0; i < 60; i += 1) total += frame(16.7, 1000);
  assert.ok(Math.abs(total - 1002) <= 2, `1000 iterations a second over 1.002 s: ${total}`);
  total = 0;
  for (let i = 0; i < 30; i += 1) total += frame(33.4, 1000);
  assert.ok(Math.abs(total - 1002) <= 2, `the same with late frames: ${total}`);
});

// #15: an iteration far longer than a frame (here 40 parts of 5 ms: the
// caps' 200 ms) trains in parts, `advance()` returning 1 when one completes.
function partsFrames() {
  let clock = 1000;
  globalThis.performance = { now: () => clock };
  const pacer = new Pacer();
  pacer.start();
  let part = 0;
  let calls = 0;
  const advance = () => {
    clock += 5;
    calls += 1;
    part = (part + 1) % 40;
    return part === 0 ? 1 : 0;
  };
  const step = () => {
    throw new Error("a whole iteration would block the frame");
  };
  const frame = (speed) => {
    const started = (clock = Math.ceil(clock / 16.7) * 16.7 + 16.7);
    const before = calls;
    const ran = pacer.train(started, speed, step, undefined, advance);
    return { ran, ms: clock - started, parts: calls - before };
  };
  return { frame, now: () => clock };
}

test("an iteration longer than a frame trains in parts: each frame a frame's worth, the count only when one completes", () => {
  const { frame } = partsFrames();
  const frames = Array.from({ length: 200 }, () => frame("max"));
  const longest = Math.max(...frames.map((f) => f.ms));
  assert.ok(longest <= 14 + 5, `a frame trains at most its budget and one part: ${longest} ms`);
  assert.ok(frames.every((f) => f.parts >= 1), "every frame moves the iteration on");
  const completed = frames.reduce((sum, f) => sum + f.ran, 0);
  // 200 frames × ~3 parts of 5 ms = ~600 parts = ~15 iterations of 40.
  assert.ok(completed >= 10 && completed <= 20, `${completed} iterations`);
});

test("in parts at a finite speed, an iteration starts when one is owed and goes on until it completes", () => {
  const { frame, now } = partsFrames();
  frame(1); // the first frame starts one at once
  const start = now();
  let completed = 0;
  let idle = 0;
  for (let i = 0; i < 300; i += 1) {
    const f = frame(1);
    completed += f.ran;
    if (f.parts === 0) idle += 1;
  }
  // One a second (each is ~20 frames of work), with frames idle in between.
  const seconds = (now() - start) / 1000;
  assert.ok(Math.abs(completed - seconds) <= 1.5, `${completed} iterations in ${seconds.toFixed(1)} s at speed 1`);
  assert.ok(idle > 100, `${idle} frames without training`);
});
