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

/** A tick label in exponent notation with the digits the step needs: `5e5`, `−1.5e6`, `2e−11`. */
export function exponentTick(value, step) {
  const rounded = Math.round(value / step) * step;
  if (rounded === 0) return "0";
  const digits = Math.floor(Math.log10(Math.abs(rounded)) + 1e-9) - Math.floor(Math.log10(step) + 1e-9);
  const [mantissa, exponent] = rounded.toExponential(Math.min(15, Math.max(0, digits))).split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${trimmed}e${Number(exponent)}`.replaceAll("-", "\u2212");
}

/** The roundest number within [min, max] coarser than `step`: what labels count from. */
function roundestWithin(min, max, step) {
  const top = Math.floor(Math.log10(Math.max(Math.abs(min), Math.abs(max))));
  for (let p = top; p > Math.floor(Math.log10(step) + 1e-9); p -= 1) {
    const unit = 10 ** p;
    const candidate = Math.round((min + max) / 2 / unit) * unit;
    if (candidate >= min && candidate <= max) return candidate;
  }
  return 0;
}

/** The widest a tick label may be before another notation is tried, in characters. */
const LONGEST = 7;

/**
 * One axis's ticks from `min` to `max` over `length` px, labelled so that
 * they stay readable whatever the range: plain decimals (`0.5`, `−2`),
 * else exponent notation (`−1e6`, `5e5`), else numbers counted from a shared
 * `offset` (points 1e−10 apart around 0.5: `−5e−11`, `0`, `5e−11`, and the
 * axis says "− 0.5"); and fewer ticks until no two labels overlap.
 * `along(text)` is a label's extent along the axis in px (its width on x,
 * its line height on y), `across(text)` the other way, which must stay
 * within `room`. Returns {values, texts, offset, offsetText}.
 */
export function axisTicks(min, max, length, { count, along, across = () => 0, room = Infinity, gap = 8 }) {
  const notations = [
    (values, step) => ({ texts: values.map((v) => formatTick(v, step)), offset: 0 }),
    (values, step) => ({ texts: values.map((v) => exponentTick(v, step)), offset: 0 }),
    (values, step) => {
      const offset = roundestWithin(min, max, step);
      return { texts: values.map((v) => exponentTick(v - offset, step)), offset };
    },
  ];
  const fewest = Math.min(count, Math.max(2, Math.floor(count / 2)));
  for (const notation of notations) {
    for (let c = count; c >= fewest; c -= 1) {
      const { values, step } = ticks(min, max, c);
      const choice = notation(values, step);
      const spacing = values.length > 1 ? (length * step) / (max - min) : Infinity;
      const short = choice.texts.every((t) => [...t].length <= LONGEST);
      const fits = choice.texts.every((t) => along(t) + gap <= spacing && across(t) <= room);
      if (short && fits) return result(values, choice);
    }
  }
  // Nothing fits (a tiny plot): two ticks, counted from the offset.
  const { values, step } = ticks(min, max, 2);
  return result(values, notations[2](values, step));
}

function result(values, { texts, offset }) {
  const sign = offset < 0 ? "+" : "\u2212";
  const offsetText = offset === 0 ? "" : `${sign} ${String(Number(Math.abs(offset).toPrecision(12))).replaceAll("-", "\u2212")}`;
  return { values, texts, offset, offsetText };
}
