// CSV export and import of the points: `x1,x2,label` with a header; export
// then import gives back exactly the same points (and so the same split);
// bad files are rejected with the line that is wrong, changing nothing.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, noticeText, readDownload } from "./helpers.mjs";

test("export, then import through the file picker, gives back the same points", () =>
  withPage("#dataset=moons&points=60&test-fraction=0.25", async ({ page, element }) => {
    const before = await element.evaluate((el) => el.points);
    const [download] = await Promise.all([page.waitForEvent("download"), element.locator('button[data-action="export-csv"]').click()]);
    assert.equal(download.suggestedFilename(), "sepal-points.csv");
    const csv = (await readDownload(download)).toString("utf8");
    const lines = csv.trim().split("\n");
    assert.equal(lines[0], "x1,x2,label");
    assert.equal(lines.length, 61);
    assert.match(lines[1], /^-?\d[\d.e-]*,-?\d[\d.e-]*,[01]$/);

    await element.locator('input[data-role="csv-file"]').setInputFiles({ name: "moons.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.querySelector("sepal-playground").settings.dataset === "custom");
    const after = await element.evaluate((el) => el.points);
    assert.deepEqual(after, before, "the same points, bit for bit, and the same held-out ones");
    assert.match(await noticeText(page), /Imported 60 points from moons\.csv/);
    // And out again: the same file.
    const again = await element.evaluate((el) => el.exportPoints());
    assert.equal(again, csv);
  }));

test("a bad file says which line is wrong and changes nothing", () =>
  withPage("#dataset=custom", async ({ element }) => {
    const result = await element.evaluate((el) => {
      const count = el.importPoints("x1,x2,label\r\n0.5,1,1\r\n\r\n-1,-2,0\r\n");
      const tries = ["x1,x2,label\n1,2\n", "x1,x2,label\n1,2,1\n3,abc,0\n", "1,2,0.5\n", "x1,x2,label\n", "1,2,1,4\n"].map((text) => {
        try {
          el.importPoints(text);
          return "accepted";
        } catch (error) {
          return error.message;
        }
      });
      return { count, tries, points: el.points.train };
    });
    assert.equal(result.count, 2);
    assert.deepEqual(result.points, [[0.5, 1, 1], [-1, -2, 0]]);
    assert.match(result.tries[0], /line 2 has 2 values/);
    assert.match(result.tries[1], /line 3: "abc" is not a number/);
    assert.match(result.tries[2], /line 1: the label must be 0 or 1/);
    assert.match(result.tries[3], /no points/);
    assert.match(result.tries[4], /line 1 has 4 values/);
  }));
