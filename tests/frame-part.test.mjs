// Drawing that can wait a frame (www/frame-part.js, #15), on a clock and
// animation frames the test drives: parts run while the frame has room,
// longest waiting first, one overdue part a frame when it has none, and
// never more than that in one frame.

import { test } from "node:test";
import assert from "node:assert/strict";

let clock = 0;
let callbacks = [];
globalThis.performance = { now: () => clock };
globalThis.requestAnimationFrame = (callback) => callbacks.push(callback);
const { FramePart } = await import("../www/frame-part.js");

/**
 * One animation frame at `time`: `spentBefore` ms of other callbacks (the
 * frame loop's training) run first, then the frame's callbacks in order.
 */
function frame(time, spentBefore = 0) {
  clock = time + spentBefore;
  const due = callbacks;
  callbacks = [];
  for (const callback of due) callback(time);
}

/** A part that takes `ms` and logs its name when it runs. */
function part(name, ms, log) {
  return new FramePart(() => {
    log.push(name);
    clock += ms;
  });
}

test("parts run in the next frame while it has room, and wait once it has none", () => {
  const log = [];
  const a = part("a", 6, log);
  const b = part("b", 6, log);
  const c = part("c", 6, log);
  a.request();
  b.request();
  c.request();
  a.request(); // asked again before it ran: once
  frame(0);
  // 6 + 6 ms spent: c would start at 12 ms, still room; a fourth would not.
  assert.deepEqual(log, ["a", "b", "c"]);
  assert.ok(!a.requested && !b.requested && !c.requested);
  const d = part("d", 15, log);
  const e = part("e", 10, log);
  d.request();
  e.request();
  frame(100, 2);
  assert.deepEqual(log.slice(3), ["d"], "e waits: the frame had spent 2 ms when d began, 17 when e would");
  assert.ok(e.requested);
  frame(200, 2);
  assert.deepEqual(log.slice(4), ["e"]);
});

test("a crowded frame runs none; a part that waited runs with less room, one a frame, longest waiting first", () => {
  const log = [];
  const old = part("old", 3, log);
  const young = part("young", 3, log);
  old.request();
  frame(0, 30); // the frame loop took 30 ms: no room
  young.request();
  for (let k = 1; k <= 3; k += 1) frame(100 * k, 20); // 20 ms each: no room, not overdue yet
  assert.deepEqual(log, []);
  frame(400, 20); // old has waited four frames: it runs below 24 ms spent; young waits
  assert.deepEqual(log, ["old"]);
  frame(500, 20);
  assert.deepEqual(log, ["old", "young"]);
  const late = part("late", 3, log);
  late.request();
  for (let k = 6; k <= 12; k += 1) frame(100 * k, 30); // 30 ms: too crowded even when overdue
  assert.deepEqual(log, ["old", "young"]);
  frame(1300, 5);
  assert.deepEqual(log, ["old", "young", "late"]);
});

test("a cancelled part does not run, and one asked for during a frame runs in the next", () => {
  const log = [];
  let runs = 0;
  const again = new FramePart(() => {
    log.push("again");
    clock += 1;
    runs += 1;
    if (runs < 3) again.request();
  });
  const cancelled = part("cancelled", 1, log);
  const canceller = new FramePart(() => {
    log.push("canceller");
    cancelled.cancel();
  });
  canceller.request();
  cancelled.request();
  again.request();
  frame(0);
  assert.deepEqual(log, ["canceller", "again"]);
  assert.ok(!cancelled.requested && again.requested);
  frame(100);
  frame(200);
  frame(300);
  assert.deepEqual(log, ["canceller", "again", "again", "again"]);
  assert.equal(callbacks.length, 0, "no frame is asked for once nothing waits");
});
