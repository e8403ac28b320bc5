// Points as CSV: `x1,x2,label` with a header line, one point per line,
// coordinates written in full precision so that export then import gives
// back exactly the same points. Reading is forgiving about spaces, blank
// lines, CRLF and the header's wording, and strict about everything else:
// an error names the line and what is wrong with it.

import { counted } from "./strings.js";

export const CSV_HEADER = "x1,x2,label";
/** As many points as a dataset may have (the settings' `points` limit). */
export const MAX_CSV_POINTS = 10000;

/**
 * A number as the settings read it (Rust's `f64` parse), so one grammar
 * holds everywhere: an optional sign, digits with an optional fraction
 * (`1`, `1.`, `.5`), an optional exponent (`1e3`, `2.5E-3`). Not `0x10`,
 * `0b11`, `0o7`, `Infinity`, `1_000` or an empty cell, which JS's
 * `Number()` would take.
 */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number `cell` (spaces around it ignored) spells, or NaN. */
export function readNumber(cell) {
  const trimmed = String(cell).trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : NaN;
}

/** `points` ([[x1, x2, label], …]) as CSV text, header first. */
export function pointsToCsv(points) {
  const lines = [CSV_HEADER];
  for (const [x1, x2, label] of points) lines.push(`${x1},${x2},${label}`);
  return `${lines.join("\n")}\n`;
}

/**
 * The points of CSV `source`: [[x1, x2, label], …]. Throws an Error whose
 * message (from `text`, the element's strings) says which line is wrong.
 */
export function parseCsv(source, text) {
  const fail = (key, values) => {
    throw new Error(counted(text, key, values));
  };
  const points = [];
  const lines = String(source).split(/\r\n|\n|\r/);
  let sawHeader = false;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const number = index + 1;
    const cells = line.split(",").map((cell) => cell.trim());
    const isNumber = (cell) => Number.isFinite(readNumber(cell));
    if (points.length === 0 && !sawHeader && !cells.some(isNumber)) {
      // The header: any words, as long as it has the three columns.
      sawHeader = true;
      if (cells.length !== 3) fail("csvColumns", { line: number, count: cells.length });
      return;
    }
    if (cells.length !== 3) fail("csvColumns", { line: number, count: cells.length });
    const [x1, x2, label] = cells.map(readNumber);
    for (const [i, cell] of cells.slice(0, 2).entries()) {
      const value = [x1, x2][i];
      if (!Number.isFinite(value) || Math.abs(value) > 1e6) fail("csvNumber", { line: number, value: quoted(cell) });
    }
    if (label !== 0 && label !== 1) fail("csvLabel", { line: number, value: quoted(cells[2]) });
    points.push([x1, x2, label]);
    if (points.length > MAX_CSV_POINTS) fail("csvTooMany", { max: MAX_CSV_POINTS });
  });
  if (points.length === 0) fail("csvEmpty", {});
  return points;
}

/** `text` as a message quotes it: at most 40 characters (as the settings' messages). */
function quoted(text) {
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : text;
}

/** Offers `text` as a file called `name` (a download), from an element in `root`. */
export function downloadText(root, text, name, type) {
  downloadBlob(root, new Blob([text], { type }), name);
}

/** Offers `blob` as a file called `name` (a download), from an element in `root`. */
export function downloadBlob(root, blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
