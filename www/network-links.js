// The network diagram's links: where each weight is in the packed weights,
// which links are drawn (above MAX_LINKS only each layer's strongest), and
// drawing them — thicker for a larger |w|, blue for positive, orange for negative.

/** Above this many links, each layer draws only its strongest share of them. */
export const MAX_LINKS = 200;

const POSITIVE = [0, 114, 178];
const NEGATIVE = [230, 159, 0];
/** Link widths are bucketed so that thousands of links are a few paths. */
const BUCKETS = 8;
const MAX_LINK_WIDTH = 6;

/** Where W[l][j][i] and b[l][j] are in the packed weights of `sizes`. */
export function offsets(sizes) {
  const starts = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    starts.push(at);
    at += sizes[l + 1] * sizes[l] + sizes[l + 1];
  }
  return starts;
}

/**
 * `budget` links shared among layers of `counts` links: each the same share,
 * but a layer with fewer links than its share draws all of them and leaves
 * the rest to the others.
 */
export function shares(counts, budget) {
  const out = counts.map(() => 0);
  const smallestFirst = counts.map((_, l) => l).sort((a, b) => counts[a] - counts[b]);
  let left = budget;
  smallestFirst.forEach((l, k) => {
    out[l] = Math.min(counts[l], Math.max(1, Math.floor(left / (counts.length - k))));
    left -= out[l];
  });
  return out;
}

/**
 * Each layer's smallest |w| among its `strongest` links into `thresholds`
 * (0 where all are drawn), sorting `magnitudes` (per layer, reused).
 */
export function findStrongest(weights, starts, magnitudes, strongest, thresholds) {
  magnitudes.forEach((layer, l) => {
    if (layer.length === 0) return;
    const start = starts[l];
    for (let k = 0; k < layer.length; k += 1) layer[k] = Math.abs(weights[start + k]);
    layer.sort();
    thresholds[l] = layer[layer.length - strongest[l]];
  });
}

/** Calls `visit(from, to, l, i, j, w)` for every link drawn between the columns of `nodes`. */
export function eachLink({ nodes, sizes, starts, thresholds, weights }, visit) {
  if (!weights) return;
  for (let l = 0; l + 1 < nodes.length; l += 1) {
    const from = nodes[l];
    const to = nodes[l + 1];
    const start = starts[l];
    const threshold = thresholds[l];
    for (let j = 0; j < to.length; j += 1) {
      for (let i = 0; i < from.length; i += 1) {
        const w = weights[start + j * sizes[l] + i];
        // NaN (a diverged run) is drawn: it is not weaker than the rest.
        if (!(Math.abs(w) < threshold)) visit(from[i], to[j], l, i, j, w);
      }
    }
  }
}

/**
 * Draws into `canvas` the links `forEachLink` visits, the dots of the
 * layers shown without views (of `nodes`), and the link `hover` points at.
 */
export function drawLinks(canvas, ratio, nodes, forEachLink, hover) {
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const paths = Array.from({ length: 2 * BUCKETS }, () => new Path2D());
  const ends = (n, side) => [side > 0 ? n.x + n.size : n.x, n.y + n.size / 2];
  forEachLink((a, b, _l, _i, _j, w) => {
    const bucket = Math.min(BUCKETS - 1, Math.floor(Math.min(Math.abs(w) / 4, 1) * BUCKETS - 1e-9));
    const path = paths[(w < 0 ? BUCKETS : 0) + Math.max(0, bucket)];
    const [x0, y0] = ends(a, 1);
    const [x1, y1] = ends(b, -1);
    path.moveTo(x0, y0);
    path.lineTo(x1, y1);
  });
  paths.forEach((path, k) => {
    const bucket = k % BUCKETS;
    const share = (bucket + 1) / BUCKETS;
    const [r, g, b] = k < BUCKETS ? POSITIVE : NEGATIVE;
    ctx.strokeStyle = `rgba(${r}, ${g}, ${b}, ${0.25 + 0.6 * share})`;
    ctx.lineWidth = 0.6 + (MAX_LINK_WIDTH - 0.6) * (bucket / (BUCKETS - 1));
    ctx.stroke(path);
  });
  // The dots of layers shown without views.
  ctx.fillStyle = "#57606a";
  for (const column of nodes) {
    for (const n of column) {
      if (n.kind !== "dot") continue;
      ctx.beginPath();
      ctx.arc(n.x + n.size / 2, n.y + n.size / 2, n.size / 2, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
  if (hover?.kind === "link") {
    const [x0, y0] = ends(hover.from, 1);
    const [x1, y1] = ends(hover.to, -1);
    ctx.strokeStyle = "#0969da";
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
