// The plot: the model's probability map, its 0.5 contour, the points, and
// axes in data units. It only draws what it is given; the map's pixels and
// the contour come straight from wasm memory (see sepal-playground.js).

import { axisTicks } from "./axes.js";
import { FramePart } from "./frame-part.js";

/** Okabe–Ito orange (class 0) and blue (class 1), as the wasm colours the map. */
export const CLASS_COLORS = ["rgb(230, 159, 0)", "rgb(0, 114, 178)"];

const INK = "#1f2328";
const MUTED = "#57606a";
const CONTOUR = "#16191d";
const POINT_RADIUS = 3.5;
/** How near a click must be to a point to choose it (CSS px). */
const PICK_RADIUS = 9;

/**
 * #15: the most points drawn into the points' layer in one task; more are
 * drawn in the frames that follow (10,000 points at once were a 70–150 ms
 * task on a loaded machine; 2,000, 7–16 ms of the caps' first picture),
 * each frame showing those drawn so far.
 */
const POINTS_PER_PART = 1000;

/** Room around the square map for the tick labels and axis names, in CSS px. */
const MARGIN = { left: 50, right: 10, top: 10, bottom: 42 };

export class Plot {
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext("2d");
    // The map at its own resolution (one pixel per cell), to be scaled up.
    this.cells = document.createElement("canvas");
    this.cellsContext = this.cells.getContext("2d");
    // The points and axes, drawn at the canvas's resolution (see draw).
    this.layer = document.createElement("canvas");
    this.layerContext = this.layer.getContext("2d");
    this.layerKey = [];
    this.layerPoints = null;
    /** The points still to draw into the layer ({groups, group, index}), or null. */
    this.pointsLeft = null;
    /** What the last `draw` put on the canvas besides the layer, to compose it again when more points are drawn. */
    this.lastFrame = null;
    /** The frames that draw the points left (#15). */
    this.pointsPart = new FramePart(this.#morePoints);
    this.width = 0;
    this.height = 0;
    this.ratio = 1;
  }

  /**
   * Fits the canvas to `width` CSS pixels (and at most `maxHeight`), keeping
   * the map square; the height follows. Returns whether anything changed.
   */
  resize(width, maxHeight, ratio) {
    let side = Math.floor(width) - MARGIN.left - MARGIN.right;
    if (maxHeight > 0) side = Math.min(side, Math.floor(maxHeight) - MARGIN.top - MARGIN.bottom);
    side = Math.max(side, 120);
    const cssWidth = side + MARGIN.left + MARGIN.right;
    const cssHeight = side + MARGIN.top + MARGIN.bottom;
    if (cssWidth === this.width && cssHeight === this.height && ratio === this.ratio) return false;
    this.width = cssWidth;
    this.height = cssHeight;
    this.ratio = ratio;
    this.canvas.style.width = `${cssWidth}px`;
    this.canvas.style.height = `${cssHeight}px`;
    this.canvas.width = Math.round(cssWidth * ratio);
    this.canvas.height = Math.round(cssHeight * ratio);
    return true;
  }

  clear() {
    this.pointsPart.cancel();
    this.lastFrame = null;
    this.context.setTransform(1, 0, 0, 1, 0, 0);
    this.context.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** The square the map fills, in CSS px. */
  get mapRect() {
    return {
      left: MARGIN.left,
      top: MARGIN.top,
      size: this.width - MARGIN.left - MARGIN.right,
    };
  }

  /** The data point under a pointer `event`, [x1, x2], or null outside the map. */
  toData(event, bounds) {
    if (!bounds || this.width === 0) return null;
    const box = this.canvas.getBoundingClientRect();
    const { left, top, size } = this.mapRect;
    const u = (event.clientX - box.left - left) / size;
    const v = (event.clientY - box.top - top) / size;
    if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) return null;
    return [bounds.xMin + u * (bounds.xMax - bounds.xMin), bounds.yMax - v * (bounds.yMax - bounds.yMin)];
  }

  /**
   * The point nearest a pointer `event` within PICK_RADIUS CSS px, as
   * {index, set} ("train" or "test"), or null.
   */
  nearestPoint(event, bounds, points) {
    if (!bounds || !points || this.width === 0) return null;
    const box = this.canvas.getBoundingClientRect();
    const { left, top, size } = this.mapRect;
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    let best = null;
    let bestDistance = PICK_RADIUS * PICK_RADIUS;
    for (const set of ["train", "test"]) {
      points[set].forEach(([x, y], index) => {
        const dx = left + ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size - px;
        const dy = top + ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * size - py;
        const distance = dx * dx + dy * dy;
        if (distance <= bestDistance) {
          bestDistance = distance;
          best = { index, set };
        }
      });
    }
    return best;
  }

  /**
   * Draws one frame.
   * - `image`: the map's ImageData, row 0 at the top (y = bounds.yMax);
   * - `contour`: Float32Array of segments x0, y0, x1, y1 in cell units;
   * - `bounds`: {xMin, xMax, yMin, yMax}, the data rectangle the map covers;
   * - `points`: {train, test}, each [[x1, x2, label], ...];
   * - `labels`: {x, y}, the axis names; `font`: a CSS font family;
   * - `selected`: [x1, x2] of the point whose derivation is open, or null.
   */
  draw({ image, contour, bounds, points, labels, font, selected = null }) {
    if (image) {
      if (this.cells.width !== image.width || this.cells.height !== image.height) {
        this.cells.width = image.width;
        this.cells.height = image.height;
      }
      this.cellsContext.putImageData(image, 0, 0);
    }
    // Points and axes change far less often than the map: they are drawn
    // into a layer of their own, and only that layer is copied each frame.
    this.#pointsAndAxes(bounds, points, labels, font);
    // The contour is a view over wasm memory: kept as a copy while points are still to come.
    const kept = this.pointsLeft && contour ? contour.slice() : contour;
    this.lastFrame = { map: Boolean(image), contour: kept, bounds, selected };
    this.#compose(this.lastFrame);
    if (this.pointsLeft) this.pointsPart.request();
  }

  /** The canvas: the map (as last put into `cells`), its contour, the layer, the ring. */
  #compose({ map, contour, bounds, selected }) {
    const ctx = this.context;
    const { left, top, size } = this.mapRect;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    if (map) {
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "low";
      ctx.drawImage(this.cells, left, top, size, size);
      if (contour) this.drawContour(contour, this.cells.width, this.cells.height);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.layer, 0, 0);
    if (selected) this.#ring(selected, bounds);
  }

  /** A frame's share of the points still to draw, then the canvas composed again with them. */
  #morePoints = () => {
    if (!this.pointsLeft || !this.lastFrame) return;
    this.#drawSomePoints();
    this.#compose(this.lastFrame);
    if (this.pointsLeft) this.pointsPart.request();
  };

  /** Up to POINTS_PER_PART of the points left into the layer, in the order a whole drawing has. */
  #drawSomePoints() {
    const left = this.pointsLeft;
    const ctx = this.layerContext;
    const rect = this.mapRect;
    ctx.save();
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.beginPath();
    ctx.rect(rect.left, rect.top, rect.size, rect.size);
    ctx.clip();
    let budget = POINTS_PER_PART;
    while (budget > 0 && left.group < left.groups.length) {
      const { list, label, fill, stroke, width } = left.groups[left.group];
      ctx.beginPath();
      let k = left.index;
      for (; k < list.length && budget > 0; k += 1) {
        const [x, y, l] = list[k];
        if (l !== label) continue;
        const px = left.toX(x);
        const py = left.toY(y);
        ctx.moveTo(px + POINT_RADIUS, py);
        ctx.arc(px, py, POINT_RADIUS, 0, 2 * Math.PI);
        budget -= 1;
      }
      ctx.lineWidth = width;
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.strokeStyle = stroke;
      ctx.stroke();
      if (k < list.length) left.index = k;
      else Object.assign(left, { group: left.group + 1, index: 0 });
    }
    ctx.restore();
    if (left.group >= left.groups.length) this.pointsLeft = null;
  }

  /** A ring around the chosen point: white under dark, visible on either class and the map. */
  #ring([x, y], bounds) {
    const ctx = this.context;
    const { left, top, size } = this.mapRect;
    const px = left + ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size;
    const py = top + ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * size;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    for (const [color, width] of [["#ffffff", 4], [INK, 2]]) {
      ctx.beginPath();
      ctx.arc(px, py, POINT_RADIUS + 4, 0, 2 * Math.PI);
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.stroke();
    }
  }

  /**
   * The layer of axes and points for these inputs, drawn anew when one
   * changed: the axes and the first POINTS_PER_PART points now, the rest
   * in the next frames (`pointsLeft`).
   */
  #pointsAndAxes(bounds, points, labels, font) {
    const key = [this.width, this.height, this.ratio, bounds.xMin, bounds.xMax, bounds.yMin, bounds.yMax, labels.x, labels.y, font];
    if (this.layer.width === this.canvas.width && this.layer.height === this.canvas.height && this.layerPoints === points && key.every((v, i) => v === this.layerKey[i])) {
      return;
    }
    this.layerKey = key;
    this.layerPoints = points;
    this.layer.width = this.canvas.width;
    this.layer.height = this.canvas.height;
    const ctx = this.layerContext;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const { left, top, size } = this.mapRect;
    const toX = (x) => left + ((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size;
    const toY = (y) => top + ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * size;
    const drawn = drawAxes(ctx, this.mapRect, this.height, bounds, toX, toY, labels, font);
    // The labels as drawn, for tests and tools: {x: [[text, px], …], y}.
    this.canvas.dataset.ticks = JSON.stringify(drawn);
    this.pointsLeft = points ? { groups: pointGroups(points), group: 0, index: 0, toX, toY } : null;
    if (this.pointsLeft) this.#drawSomePoints();
  }

  /**
   * The 0.5 contour: one dark stroke. It runs where the map is palest, so
   * it needs no halo.
   */
  drawContour(lines, columns, rows) {
    const ctx = this.context;
    const { left, top, size } = this.mapRect;
    ctx.beginPath();
    contourPath(ctx, lines, left, top, size / columns, size / rows);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = CONTOUR;
    ctx.lineWidth = 2.25;
    ctx.stroke();
  }
}

/**
 * Adds the contour's polylines (x, y pairs in cell units, each ended by a
 * NaN pair, as the wasm writes them) to the current path, each point at
 * (left + x·sx, top + y·sy).
 */
export function contourPath(ctx, lines, left, top, sx, sy) {
  let drawing = false;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const x = lines[i];
    if (Number.isNaN(x)) {
      drawing = false;
    } else if (drawing) {
      ctx.lineTo(left + x * sx, top + lines[i + 1] * sy);
    } else {
      ctx.moveTo(left + x * sx, top + lines[i + 1] * sy);
      drawing = true;
    }
  }
}

/**
 * The points in the order they are drawn: each class's training points
 * (filled in its colour), then each class's test points (white, ringed in
 * its colour); one path, fill and stroke per group (per part).
 */
function pointGroups({ train, test }) {
  const groups = [0, 1].map((label) => ({ list: train, label, fill: CLASS_COLORS[label], stroke: "rgba(20, 20, 20, 0.85)", width: 1 }));
  if (test?.length > 0) groups.push(...[0, 1].map((label) => ({ list: test, label, fill: "#ffffff", stroke: CLASS_COLORS[label], width: 2 })));
  return groups;
}

function drawAxes(ctx, { left, top, size }, height, bounds, toX, toY, labels, font) {
  const bottom = top + size;
  const right = left + size;
  const count = Math.max(3, Math.round(size / 70));
  const TICK_FONT_PX = 13;

  ctx.strokeStyle = INK;
  ctx.lineWidth = 1;
  ctx.strokeRect(left - 0.5, top - 0.5, size + 1, size + 1);

  ctx.font = `${TICK_FONT_PX}px ${font}`;
  ctx.fillStyle = MUTED;
  ctx.beginPath();
  const width = (text) => ctx.measureText(text).width;
  // Labels side by side along x; stacked along y, right of the axis name.
  const x = axisTicks(bounds.xMin, bounds.xMax, size, { count, along: width });
  const y = axisTicks(bounds.yMin, bounds.yMax, size, { count, along: () => TICK_FONT_PX + 2, across: width, room: left - 9, gap: 4 });
  const drawn = { x: [], y: [] };
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  x.values.forEach((value, i) => {
    const px = Math.round(toX(value)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 5);
    // Centred on its tick, but kept on the canvas (the last one at the right).
    const half = width(x.texts[i]) / 2;
    const at = Math.min(px, right + MARGIN.right - 1 - half);
    ctx.fillText(x.texts[i], at, bottom + 7);
    drawn.x.push([x.texts[i], px]);
  });
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  y.values.forEach((value, i) => {
    const py = Math.round(toY(value)) + 0.5;
    ctx.moveTo(left, py);
    ctx.lineTo(left - 5, py);
    ctx.fillText(y.texts[i], left - 7, py);
    drawn.y.push([y.texts[i], py]);
  });
  ctx.stroke();

  ctx.font = `italic 15px ${font}`;
  ctx.fillStyle = INK;
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  // Labels counted from an offset say so after the axis name: "x₁ − 0.5".
  ctx.fillText(x.offsetText ? `${labels.x} ${x.offsetText}` : labels.x, (left + right) / 2, height - 2);
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(labels.y, 2, (top + bottom) / 2);
  if (y.offsetText) {
    ctx.font = `${TICK_FONT_PX}px ${font}`;
    ctx.textBaseline = "bottom";
    ctx.fillText(`${labels.y} ${y.offsetText}`, 2, top - 1);
  }
  return { ...drawn, xOffset: x.offsetText, yOffset: y.offsetText };
}
