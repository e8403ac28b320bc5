// The dataset picker: one small picture per dataset, drawn from its real
// points (the same generator and data seed as the plot), and "draw your
// own", which shows the points a person drew. Buttons with aria-pressed,
// so the choice works with a keyboard and a screen reader.

import { h } from "./dom.js";
import { CLASS_COLORS } from "./plot.js";

export const GENERATED = ["flower", "circles", "moons", "blobs", "quantiles", "xor", "spiral"];
const SIZE = 56;

export class Thumbnails {
  /** `onPick(name)` is called with a dataset name, or "custom". */
  constructor(text, { onPick }) {
    this.text = text;
    this.buttons = new Map();
    const names = [...GENERATED, "custom"];
    this.root = h(
      "div",
      { class: "thumbs", role: "group", "aria-label": text.datasetsLabel },
      names.map((name) => {
        const canvas = h("canvas", { width: SIZE, height: SIZE, "aria-hidden": "true" });
        const label = name === "custom" ? text["thumb.custom"] : text[`dataset.${name}`];
        const button = h("button", { type: "button", class: "thumb", "data-dataset": name, "aria-pressed": "false" }, [
          canvas,
          h("span", {}, [label]),
        ]);
        button.addEventListener("click", () => onPick(name));
        this.buttons.set(name, { button, canvas });
        return button;
      }),
    );
  }

  /** Marks the dataset in use. */
  show(dataset) {
    for (const [name, { button }] of this.buttons) button.setAttribute("aria-pressed", String(name === dataset));
  }

  /** Draws `points` ([[x1, x2, label], …]) into the picture of `name`. */
  draw(name, points, ratio = 1) {
    const entry = this.buttons.get(name);
    if (!entry) return;
    const { canvas } = entry;
    const pixels = Math.round(SIZE * ratio);
    if (canvas.width !== pixels) {
      canvas.width = pixels;
      canvas.height = pixels;
      canvas.style.width = `${SIZE}px`;
      canvas.style.height = `${SIZE}px`;
    }
    const ctx = canvas.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (points.length === 0) {
      // Nothing drawn yet: a plus, the invitation to click.
      ctx.strokeStyle = "#8c959f";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(SIZE / 2 - 9, SIZE / 2);
      ctx.lineTo(SIZE / 2 + 9, SIZE / 2);
      ctx.moveTo(SIZE / 2, SIZE / 2 - 9);
      ctx.lineTo(SIZE / 2, SIZE / 2 + 9);
      ctx.stroke();
      return;
    }
    let lo = [Infinity, Infinity];
    let hi = [-Infinity, -Infinity];
    for (const [x, y] of points) {
      lo = [Math.min(lo[0], x), Math.min(lo[1], y)];
      hi = [Math.max(hi[0], x), Math.max(hi[1], y)];
    }
    const half = Math.max(hi[0] - lo[0], hi[1] - lo[1], 1e-9) / 2;
    const centre = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2];
    const scale = (SIZE / 2 - 4) / half;
    const radius = points.length > 150 ? 1.3 : 2;
    for (const label of [0, 1]) {
      ctx.fillStyle = CLASS_COLORS[label];
      ctx.beginPath();
      for (const [x, y, l] of points) {
        if (l !== label) continue;
        const px = SIZE / 2 + (x - centre[0]) * scale;
        const py = SIZE / 2 - (y - centre[1]) * scale;
        ctx.moveTo(px + radius, py);
        ctx.arc(px, py, radius, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }
}
