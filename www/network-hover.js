// Hovering the network diagram: the unit or link under the pointer, and the
// tooltip that shows its live values (a link's weight, a unit's bias and
// incoming weights), placed beside it inside the window.

import { format } from "./strings.js";

const signed = (value) => (Number.isFinite(value) ? value.toFixed(3).replace("-", "\u2212") : String(value));

/**
 * What is at (`px`, `py`) in the diagram's coordinates: a node of `nodes`
 * (not a dot), else the link `forEachLink` visits within 5 px, else null.
 */
export function hoverAt(nodes, forEachLink, px, py) {
  for (const column of nodes) {
    for (const n of column) {
      if (n.kind !== "dot" && px >= n.x && px <= n.x + n.size && py >= n.y && py <= n.y + n.size) {
        return { kind: "node", node: n };
      }
    }
  }
  let best = null;
  let bestDistance = 5;
  forEachLink((from, to, l, i, j) => {
    const x0 = from.x + from.size;
    const y0 = from.y + from.size / 2;
    const x1 = to.x;
    const y1 = to.y + to.size / 2;
    const d = distanceToSegment(px, py, x0, y0, x1, y1);
    if (d < bestDistance) {
      bestDistance = d;
      best = { kind: "link", from, to, l, i, j };
    }
  });
  return best;
}

/**
 * Shows in `tooltip` what `hover` points at, with the packed `weights` of
 * the network of `sizes` (`starts`: where each layer's are), beside it in
 * `diagram`; hides it when nothing is hovered.
 */
export function showTooltip(tooltip, diagram, text, hover, { weights, sizes, starts }) {
  if (!hover || !weights) {
    if (!tooltip.hidden) tooltip.hidden = true;
    return;
  }
  const name = (n) => {
    if (n.kind === "input") return n.label.textContent;
    if (n.kind === "output") return text.outputLabel;
    return format(text.unitLabel, { layer: n.layer, unit: n.unit + 1 });
  };
  let message;
  let anchor;
  if (hover.kind === "link") {
    const w = weights[starts[hover.l] + hover.j * sizes[hover.l] + hover.i];
    message = format(text.weightTooltip, { layer: hover.l + 1, from: name(hover.from), to: name(hover.to), value: signed(w) });
    const x = (hover.from.x + hover.from.size + hover.to.x) / 2;
    const y = (hover.from.y + hover.from.size / 2 + hover.to.y + hover.to.size / 2) / 2;
    anchor = { left: x - 4, right: x + 4, top: y - 4, bottom: y + 4 };
  } else {
    const n = hover.node;
    if (n.kind === "input") {
      message = format(text.inputTooltip, { name: name(n) });
    } else {
      const l = n.layer - 1;
      const b = weights[starts[l] + sizes[l + 1] * sizes[l] + n.unit];
      const incoming = [];
      for (let i = 0; i < sizes[l]; i += 1) incoming.push(signed(weights[starts[l] + n.unit * sizes[l] + i]));
      const shown = incoming.length > 8 ? [...incoming.slice(0, 8), "…"] : incoming;
      message = format(text.unitTooltip, { name: name(n), bias: signed(b), weights: shown.join(", ") });
    }
    anchor = { left: n.x, right: n.x + n.size, top: n.y, bottom: n.y + n.size };
  }
  if (tooltip.textContent !== message) tooltip.textContent = message;
  tooltip.hidden = false;
  place(tooltip, diagram, anchor);
}

/**
 * Puts the tooltip `tip` beside `anchor` (a box in `diagram`'s coordinates):
 * to its right, else its left, else under or over it, and always inside
 * the window. It is position: fixed, so no scrolling box clips it.
 */
function place(tip, diagramElement, anchor) {
  const diagram = diagramElement.getBoundingClientRect();
  const box = { left: diagram.left + anchor.left, right: diagram.left + anchor.right, top: diagram.top + anchor.top, bottom: diagram.top + anchor.bottom };
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  const margin = 6;
  const viewWidth = document.documentElement.clientWidth;
  const viewHeight = globalThis.innerHeight;
  const clamp = (value, low, high) => Math.max(low, Math.min(value, high));
  let left;
  let top = clamp((box.top + box.bottom - height) / 2, margin, viewHeight - height - margin);
  if (box.right + margin + width <= viewWidth - margin) left = box.right + margin;
  else if (box.left - margin - width >= margin) left = box.left - margin - width;
  else {
    left = clamp((box.left + box.right - width) / 2, margin, viewWidth - width - margin);
    const below = box.bottom + margin;
    top = below + height <= viewHeight - margin ? below : Math.max(margin, box.top - margin - height);
  }
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
  // The fixed box's origin is the window's unless an ancestor contains it: correct by what it is.
  const placed = tip.getBoundingClientRect();
  if (Math.abs(placed.left - left) > 0.5 || Math.abs(placed.top - top) > 0.5) {
    tip.style.left = `${2 * left - placed.left}px`;
    tip.style.top = `${2 * top - placed.top}px`;
  }
}

function distanceToSegment(px, py, x0, y0, x1, y1) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / length));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}
