// The cost curve of the whole run, from the wasm's bounded history buffers
// (at most 1024 (iteration, cost) pairs, downsampled as the run grows).

import { ticks, formatTick } from "./axes.js";
import { format } from "./strings.js";

const INK = "#1f2328";
const MUTED = "#57606a";
const GRID = "#e4e7eb";
const LINE = "#0b6e4f";
const MARGIN = { left: 46, right: 14, top: 22, bottom: 26 };

export class CostChart {
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
   * Draws the curve. `iterations` and `costs` are parallel arrays (typed
   * arrays over wasm memory are fine: they are read, not kept); `labels` is
   * {title, iterations, thousands}; `font` a CSS font family.
   */
  draw({ iterations, costs, labels, font }) {
    const ctx = this.context;
    const { width, height } = this;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const left = MARGIN.left;
    const top = MARGIN.top;
    const plotWidth = width - MARGIN.left - MARGIN.right;
    const plotHeight = height - MARGIN.top - MARGIN.bottom;

    const n = Math.min(iterations.length, costs.length);
    let lastIteration = 0;
    let highest = 0;
    for (let i = 0; i < n; i += 1) {
      if (Number.isFinite(costs[i])) highest = Math.max(highest, costs[i]);
      lastIteration = Math.max(lastIteration, iterations[i]);
    }
    const yTicks = ticks(0, highest > 0 ? highest : 1, 4);
    const yMax = yTicks.values.at(-1) < highest ? yTicks.values.at(-1) + yTicks.step : yTicks.values.at(-1);
    const xTicks = ticks(0, Math.max(lastIteration, 10), Math.max(2, Math.round(plotWidth / 80)));
    const xMax = Math.max(lastIteration, 10);
    const toX = (i) => left + (i / xMax) * plotWidth;
    const toY = (c) => top + plotHeight - (Math.min(c, yMax) / yMax) * plotHeight;

    ctx.font = `12px ${font}`;
    ctx.lineWidth = 1;
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
      ctx.fillText(formatTick(value, yTicks.step), left - 6, py);
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
      if (value > xMax + 1e-9) continue;
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

    ctx.fillStyle = INK;
    ctx.font = `600 12px ${font}`;
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText(labels.title, 4, 3);
    ctx.font = `12px ${font}`;
    ctx.fillStyle = MUTED;
    ctx.textAlign = "right";
    ctx.fillText(labels.iterations, left + plotWidth, 3);

    if (n === 0) return;
    ctx.beginPath();
    let drawing = false;
    for (let i = 0; i < n; i += 1) {
      if (!Number.isFinite(costs[i])) {
        drawing = false;
        continue;
      }
      const px = toX(iterations[i]);
      const py = toY(costs[i]);
      if (drawing) ctx.lineTo(px, py);
      else ctx.moveTo(px, py);
      drawing = true;
    }
    ctx.strokeStyle = LINE;
    ctx.lineWidth = 2;
    ctx.lineJoin = "round";
    ctx.stroke();
    const last = n - 1;
    if (Number.isFinite(costs[last])) {
      ctx.beginPath();
      ctx.arc(toX(iterations[last]), toY(costs[last]), 3.5, 0, 2 * Math.PI);
      ctx.fillStyle = LINE;
      ctx.fill();
    }
  }
}
