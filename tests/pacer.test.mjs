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

test("at speed=max, late frames make the pacer train less, frames on time more", () => {
  const { frame } = pacedFrames();
  let ran = 0;
  for (let i = 0; i < 60; i += 1) ran = frame(33.3);
  const whenLate = ran;
  assert.ok(whenLate * ITERATION_MS <= 1.5, `about a millisecond of training when every frame is late: ${whenLate}`);
  for (let i = 0; i < 400; i += 1) ran = frame(16.7);
  assert.ok(ran > 3 * whenLate, `frames on time let it train more: ${whenLate} → ${ran}`);
  assert.ok(ran * ITERATION_MS <= 12.5, `never more than its cap: ${ran}`);
  // One late frame takes a tenth off, not everything.
  const before = ran;
  ran = frame(33.3);
  ran = frame(16.7);
  assert.ok(ran < before && ran > 0.8 * before, `${before} → ${ran}`);
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
