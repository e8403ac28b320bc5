// Tick marks for the plot's and the cost chart's axes: round numbers, about
// `count` of them, and labels with just enough decimals.

/** A round step (1, 2 or 5 times a power of ten) that cuts `span` into about `count` parts. */
export function niceStep(span, count) {
  const raw = span / Math.max(count, 1);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10;
  return nice * magnitude;
}

/** The multiples of a nice step within [min, max], and that step. */
export function ticks(min, max, count) {
  const step = niceStep(max - min, count);
  const values = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k += 1) {
    values.push(k * step);
  }
  return { values, step };
}

/** A tick label: the decimals the step needs, and a real minus sign. */
export function formatTick(value, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const text = (Math.round(value / step) * step).toFixed(decimals);
  return text === "-0" ? "0" : text.replace("-", "\u2212");
}
