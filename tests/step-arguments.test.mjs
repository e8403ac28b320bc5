// step(n) takes an integer from 0 to 100000. The contract allows a TypeError
// or a RangeError for anything else; the element throws a TypeError for a
// value that is not a whole number (a non-number, NaN, a fraction) and a
// RangeError for a whole number out of range (or an infinity), and changes
// nothing either way.

import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage } from "./helpers.mjs";

test("step checks its argument and changes nothing when it is wrong", () =>
  withPage("", async ({ element }) => {
    const outcomes = await element.evaluate((el) => {
      el.step(5);
      const attempt = (label, run) => {
        const before = el.iteration;
        try {
          run();
          return { label, error: null, unchanged: el.iteration === before };
        } catch (error) {
          return { label, error: error.constructor.name, unchanged: el.iteration === before };
        }
      };
      return [
        attempt("-1", () => el.step(-1)),
        attempt("1.5", () => el.step(1.5)),
        attempt('"x"', () => el.step("x")),
        attempt('"10"', () => el.step("10")),
        attempt("1e12", () => el.step(1e12)),
        attempt("100001", () => el.step(100001)),
        attempt("NaN", () => el.step(NaN)),
        attempt("Infinity", () => el.step(Infinity)),
        attempt("null", () => el.step(null)),
        attempt("10n", () => el.step(10n)),
      ];
    });
    const expected = {
      "-1": "RangeError",
      "1.5": "TypeError",
      '"x"': "TypeError",
      '"10"': "TypeError",
      "1e12": "RangeError",
      "100001": "RangeError",
      NaN: "TypeError",
      Infinity: "RangeError",
      null: "TypeError",
      "10n": "TypeError",
    };
    for (const outcome of outcomes) {
      assert.equal(outcome.error, expected[outcome.label], `step(${outcome.label})`);
      assert.ok(outcome.unchanged, `step(${outcome.label}) changed the iteration`);
    }
    const fine = await element.evaluate((el) => {
      el.step(0);
      const afterZero = el.iteration;
      el.step();
      return { afterZero, afterDefault: el.iteration };
    });
    assert.deepEqual(fine, { afterZero: 5, afterDefault: 6 });
  }));

test("step(n) refuses more than about a second of work and names train(n); the course's model allows 100000", () =>
  withPage("#model=deep&layers=64,64,64&points=4000", async ({ element }) => {
    const outcome = await element.evaluate((el) => {
      try {
        el.step(1000);
        return { error: null };
      } catch (error) {
        return { error: error.constructor.name, message: error.message, iteration: el.iteration };
      }
    });
    assert.equal(outcome.error, "RangeError");
    assert.match(outcome.message, /train\(n\)/);
    assert.equal(outcome.iteration, 0, "nothing ran");
    const course = await element.evaluate((el) => {
      el.setAttribute("model", "shallow");
      el.setAttribute("points", "400");
      el.step(100000);
      return el.iteration;
    });
    assert.equal(course, 100000);
  }));
