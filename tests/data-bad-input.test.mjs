// Bad data settings of the course's second part: a test set above the cap
// or negative, and points given for the football's fixed data. Each gets a
// notice naming the setting and the value; the setting keeps its default
// and nothing else changes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText } from "./helpers.mjs";

for (const value of ["10001", "-1", "2.5"]) {
  test(`test-points=${value} is refused with a notice, no test set drawn`, () =>
    withPage(`#dataset=rings&points=300&test-points=${value}`, async ({ page, element }) => {
      const notice = await noticeText(page);
      assert.ok(notice.includes("test-points") && notice.includes(value), notice);
      const seen = await element.evaluate((el) => ({ testPoints: el.settings.testPoints, test: el.points.test.length, train: el.points.train.length }));
      assert.deepEqual(seen, { testPoints: 0, test: 0, train: 300 });
    }));
}

test("points given for the football: a notice says it does not apply, and the rest of the link holds", () =>
  withPage("#points=300&dataset=football&learning-rate=0.3", async ({ page, element }) => {
    const notice = await noticeText(page);
    assert.match(notice, /points = "300" does not apply to the football data/);
    const seen = await element.evaluate((el) => ({
      dataset: el.settings.dataset,
      points: el.settings.points,
      rate: el.settings.learningRate,
      train: el.points.train.length,
      test: el.points.test.length,
    }));
    assert.deepEqual(seen, { dataset: "football", points: 400, rate: 0.3, train: 211, test: 200 });
  }));
