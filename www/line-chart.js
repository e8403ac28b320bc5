// Curves over iterations on one canvas: the run's training and test cost
// (or accuracy) under the plot, and the experiments' overlaid curves. It
// only draws what it is given — typed arrays over wasm memory are fine, as
// they are read, not kept — and leaves legends to the DOM around it.

import { ticks, formatTick } from "./axes.js";
import { format } from "./strings.js";

const MUTED = "#57606a";
const INK = "#1f2328";
const GRID = "#e4e7eb";
const MARKER = "#8c959f";
const NO_MARKERS = Object.freeze([]);
const MARGIN = { left: 46, right: 14, top: 12, bottom: 26 };
/** Room for an axis title: a 12 px line beside the y tick labels, below the x ones. */
const TITLE_ROOM = 16;

export class LineChart {
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext("2d");
    this.width = 0;
    this.height = 0;
    this.ratio = 1;
  }

  /** Sizes the canvas in CSS px; returns whether anything changed. */
  resize(width, height, ratio) {
    width = Math.max(Math.floor(width), 160);
    height = Math.max(Math.floor(height), 100);
    if (width === this.width && height === this.height && ratio === this.ratio) return false;
    Object.assign(this, { width, height, ratio });
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    return true;
  }

  clear() {
    this.context.setTransform(1, 0, 0, 1, 0, 0);
    this.context.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /**
   * Draws the curves.
   * - `series`: [{x, y, color, dash?, width?}], x and y parallel arrays
   *   (non-finite y values leave gaps);
   * - `percent`: y is a share from 0 to 1, drawn as 0 … 100%;
   * - `yCap`: the y axis ends at most here (curves that blew up are cut);
   * - `xMax`: the x axis reaches at least this iteration;
   * - `markers`: iterations marked with a thin vertical line (where the data changed);
   * - `labels`: {thousands, percent}; `font`: a CSS font family;
   * - `titles`: {x, y}, the axes' titles (the canvas's label should say them too).
   */
  draw({ series, markers = NO_MARKERS, percent = false, yCap = Infinity, xMax: wantedX = 10, labels, font, titles = null }) {
    const ctx = this.context;
    const { width, height } = this;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const left = MARGIN.left + (titles ? TITLE_ROOM : 0);
    const top = MARGIN.top;
    const plotWidth = width - left - MARGIN.right;
    const plotHeight = height - top - MARGIN.bottom - (titles ? TITLE_ROOM : 0);

    let lastX = wantedX;
    let highest = 0;
    for (const { x, y } of series) {
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i += 1) {
        if (Number.isFinite(y[i])) highest = Math.max(highest, Math.min(y[i], yCap));
        lastX = Math.max(lastX, x[i]);
      }
    }
    if (percent) highest = 1;
    const yTicks = ticks(0, highest > 0 ? highest : 1, 4);
    const yMax = yTicks.values.at(-1) < highest ? yTicks.values.at(-1) + yTicks.step : yTicks.values.at(-1);
    const xTicks = ticks(0, lastX, Math.max(2, Math.round(plotWidth / 80)));
    const toX = (i) => left + (i / lastX) * plotWidth;
    const toY = (c) => top + plotHeight - (Math.min(c, yMax) / yMax) * plotHeight;

    ctx.font = `12px ${font}`;
    ctx.lineWidth = 1;
    ctx.setLineDash([]);
    ctx.strokeStyle = GRID;
    ctx.fillStyle = MUTED;
    ctx.beginPath();
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const value of yTicks.values) {
      if (value > yMax + 1e-12) continue;
      const py = Math.round(toY(value)) + 0.5;
      ctx.moveTo(left, py);
      ctx.lineTo(left + plotWidth, py);
      const label = percent
        ? format(labels.percent, { value: Math.round(value * 100) })
        : formatTick(value, yTicks.step);
      ctx.fillText(label, left - 6, py);
    }
    ctx.stroke();

    ctx.strokeStyle = INK;
    ctx.beginPath();
    ctx.moveTo(left + 0.5, top);
    ctx.lineTo(left + 0.5, top + plotHeight + 0.5);
    ctx.lineTo(left + plotWidth, top + plotHeight + 0.5);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    for (const value of xTicks.values) {
      if (value > lastX + 1e-9) continue;
      const px = Math.round(toX(value)) + 0.5;
      ctx.moveTo(px, top + plotHeight);
      ctx.lineTo(px, top + plotHeight + 4);
      const text = value >= 10000 && value % 1000 === 0
        ? format(labels.thousands, { value: value / 1000 })
        : formatTick(value, xTicks.step);
      const half = ctx.measureText(text).width / 2;
      ctx.fillText(text, Math.min(px, width - half - 1), top + plotHeight + 6);
    }
    ctx.stroke();
    if (titles) this.#titles(titles, left, top, plotWidth, plotHeight);

    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top - 2, plotWidth + 2, plotHeight + 4);
    ctx.clip();
    if (markers.length > 0) {
      ctx.strokeStyle = MARKER;
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      for (const marker of markers) {
        const px = Math.round(toX(marker)) + 0.5;
        ctx.moveTo(px, top);
        ctx.lineTo(px, top + plotHeight);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
    for (const { x, y, color, dash = [], width: lineWidth = 2 } of series) {
      this.#curve(x, y, toX, toY, color, dash, lineWidth);
    }
    ctx.restore();
  }

  /** The x title centred under the tick labels, the y title turned up along the left edge. */
  #titles({ x, y }, left, top, plotWidth, plotHeight) {
    const ctx = this.context;
    ctx.fillStyle = MUTED;
    ctx.textAlign = "center";
    ctx.textBaseline = "bottom";
    ctx.fillText(x, left + plotWidth / 2, this.height - 2);
    ctx.save();
    ctx.translate(2, top + plotHeight / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "top";
    ctx.fillText(y, 0, 0);
    ctx.restore();
  }

  #curve(x, y, toX, toY, color, dash, lineWidth) {
    const ctx = this.context;
    const n = Math.min(x.length, y.length);
    if (n === 0) return;
    ctx.beginPath();
    let drawing = false;
    for (let i = 0; i < n; i += 1) {
      if (!Number.isFinite(y[i])) {
        drawing = false;
        continue;
      }
      const px = toX(x[i]);
      const py = toY(y[i]);
      if (drawing) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      drawing = true;
    }
    ctx.setLineDash(dash);
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.lineJoin = "round";
    ctx.stroke();
    ctx.setLineDash([]);
    const last = n - 1;
    if (Number.isFinite(y[last])) {
      ctx.beginPath();
      ctx.arc(toX(x[last]), toY(y[last]), 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
    }
  }
}
