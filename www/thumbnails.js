// The dataset picker: one small picture per dataset, drawn from its real
// points (the same generator and data seed as the plot), and "draw your
// own", which shows the points a person drew. Buttons with aria-pressed,
// so the choice works with a keyboard and a screen reader.

import { h } from "./dom.js";
import { CLASS_COLORS } from "./plot.js";

/** Every dataset but your own points (the football's are fixed, not generated, but pictured the same way). */
export const GENERATED = ["flower", "circles", "moons", "blobs", "quantiles", "xor", "spiral", "rings", "football"];
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
        const title = text[`datasetTitle.${name}`];
        const button = h("button", { type: "button", class: "thumb", "data-dataset": name, "aria-pressed": "false", title }, [
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

  /**
   * Draws `points` into the picture of `name`: x1, x2, label of each point
   * in turn, in one flat array (what the wasm's `datasetPoints` returns).
   */
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
    let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
    for (let i = 0; i < points.length; i += 3) {
      xMin = Math.min(xMin, points[i]);
      xMax = Math.max(xMax, points[i]);
      yMin = Math.min(yMin, points[i + 1]);
      yMax = Math.max(yMax, points[i + 1]);
    }
    const half = Math.max(xMax - xMin, yMax - yMin, 1e-9) / 2;
    const [cx, cy] = [(xMin + xMax) / 2, (yMin + yMax) / 2];
    const scale = (SIZE / 2 - 4) / half;
    const radius = points.length > 3 * 150 ? 1.3 : 2;
    for (const label of [0, 1]) {
      ctx.fillStyle = CLASS_COLORS[label];
      ctx.beginPath();
      for (let i = 0; i < points.length; i += 3) {
        if (points[i + 2] !== label) continue;
        const px = SIZE / 2 + (points[i] - cx) * scale;
        const py = SIZE / 2 - (points[i + 1] - cy) * scale;
        ctx.moveTo(px + radius, py);
        ctx.arc(px, py, radius, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
  }
}
