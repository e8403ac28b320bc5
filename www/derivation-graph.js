// The computation graph of one example, drawn as nodes and edges (`.graph`
// in part="derivation"): x₁, x₂ → each shown unit (z[l]ⱼ, a[l]ⱼ, dz[l]ⱼ)
// → the output a = ŷ → L(a, y), one edge per shown weight W[l]ⱼₖ carrying
// its value and, under it, dW[l]ⱼₖ = a_prev · dz (its tooltip spells out the
// forward-pass factor × the backward-pass factor). Logistic regression is
// the notes' graph: x₁, x₂, b → z → a → L, with w₁, w₂, b, da/dz and dL/da
// on the edges. The lines are SVG, every symbol and number HTML text placed
// over them (read by screen readers and tests, and cheap to change in
// place). Into a unit each labelled edge ends at its own "port" beside the
// node, where its label sits: labels never overlap however the weights go.
// A gap with more than LABELLED_EDGES edges draws them without labels (each
// keeps its numbers as a tooltip), and at most MAX_EDGES are drawn, the
// strongest |W| of each gap.

import { h, svg } from "./dom.js";
import { format } from "./strings.js";

/** Edges into one column drawn with their labels; more are drawn plain. */
export const LABELLED_EDGES = 64;
/** Edges drawn at most; beyond it each gap keeps its strongest |W|. */
export const MAX_EDGES = 300;

const LINE = 15; // a node's line of text (12 px type)
const PAD = 7;
const NODE_W = 150;
const INPUT_W = 92;
const FEATURE_INPUT_W = 128;
const PORT_H = 34; // a labelled edge's share of its unit's height
const PORT_W = 134; // room for that label
const FAN = 90; // the edges' horizontal run between columns
const MIDDLE_LABEL_W = 150; // an edge labelled at its middle (da/dz, dL/da)
const ROW_GAP = 14;
const MORE_H = 44; // the "+k more" button under a column

/** A symbol as text segments: `prefix` + `letter`, [layer] raised, the unit(s) lowered, counted from 1. */
export function symbol(letter, layer, units = [], prefix = "") {
  const parts = [`${prefix}${letter}`];
  if (layer !== null) parts.push({ sup: `[${layer}]` });
  if (units.length > 0) parts.push({ sub: units.map((u) => (typeof u === "number" ? u + 1 : u)).join("") });
  return parts;
}

/** Segments as plain text (a tooltip), the way the page's text reads them. */
function plain(segments) {
  return segments
    .flat()
    .map((s) => (typeof s === "string" ? s : (s.sup ?? s.sub)))
    .join("");
}

/** A line of a node or a label as HTML: strings and text nodes as they are, a symbol (an array) in the course's italics with <sup> and <sub>. */
export function html(segments) {
  const part = (s) => (typeof s === "string" || s instanceof Node ? s : s.sup !== undefined ? h("sup", {}, [s.sup]) : h("sub", {}, [s.sub]));
  return segments.map((s) => (Array.isArray(s) ? h("span", { class: "sym" }, s.map(part)) : part(s)));
}

/** `element` absolutely placed on the graph. */
function at(element, x, y, width, height) {
  element.style.left = `${x}px`;
  element.style.top = `${y}px`;
  if (width !== undefined) element.style.width = `${width}px`;
  if (height !== undefined) element.style.height = `${height}px`;
  return element;
}

/** The units whose outputs feed layer l: the `inputs` inputs (x₁, x₂, or the features, #17), or the shown units of the layer before. */
export function inputsOf(shown, l, inputs) {
  return l === 0 ? Array.from({ length: inputs }, (_, k) => k) : shown[l - 1];
}

/**
 * #17: input k of derivation `d` as a symbol: x₁, x₂ for the plane's
 * coordinates, else the feature itself (x₁², sin x₂, …), in `text`'s words.
 */
export function inputSymbol(d, k, text) {
  if (d.features.join() === "x1,x2") return symbol("x", null, [k]);
  return [text[`features.${d.features[k]}`] ?? d.features[k]];
}

/**
 * The weights drawn, as edge keys `W<l>-<j>-<k>` (null: all of them) and
 * how many there are: every weight between shown units up to MAX_EDGES,
 * else each gap's strongest |W|: a few each, the rest by the gap's size.
 * `into(l, j)`: the drawn weights into unit j of layer l, as positions in
 * `inputsOf` (its edge's port), in order (#15: without a walk over every
 * weight of a gap, 4,096 at 64 × 64).
 */
export function drawnWeights(shown, parameters) {
  const gaps = shown.map((targets, l) => ({ l, targets, sources: inputsOf(shown, l, parameters[0].W[0].length) }));
  const sizes = gaps.map(({ targets, sources }) => targets.length * sources.length);
  const total = sizes.reduce((sum, n) => sum + n, 0);
  if (total <= MAX_EDGES) return { keys: null, count: total, total, into: (l) => gaps[l].sources.map((_, s) => s) };
  // Each gap keeps a few, and shares the rest by its size.
  const few = sizes.map((n) => Math.min(n, 8));
  const given = few.reduce((sum, n) => sum + n, 0);
  const keys = new Set();
  const into = new Map(); // "l-j" → positions of the sources drawn
  gaps.forEach(({ l, targets, sources }, i) => {
    const keep = few[i] + Math.floor(((MAX_EDGES - given) * (sizes[i] - few[i])) / (total - given));
    // The gap's weights by |W|, largest first (ties in order), as indices: a key is made only for those kept (#15: 6 × 4,096 at the caps).
    const size = new Float64Array(sizes[i]);
    targets.forEach((j, t) => sources.forEach((k, s) => (size[t * sources.length + s] = Math.abs(parameters[l].W[j][k]))));
    const order = Array.from(size, (_, e) => e).sort((p, q) => size[q] - size[p]);
    for (const e of order.slice(0, keep).sort((p, q) => p - q)) {
      const [j, s] = [targets[Math.floor(e / sources.length)], e % sources.length];
      keys.add(`W${l}-${j}-${sources[s]}`);
      into.set(`${l}-${j}`, [...(into.get(`${l}-${j}`) ?? []), s]);
    }
  });
  return { keys, count: keys.size, total, into: (l, j) => into.get(`${l}-${j}`) ?? [] };
}

/**
 * The graph as a scrolling box, its numbers `live` (live-numbers.js, read
 * from the panel's data: {d, parameters}). Its shape comes from `data`:
 * `shown`, per layer the indices of the units shown; `drawn`, the weights
 * drawn (drawnWeights); `expanded`, the layers shown in full, and
 * `toggle(l)` what their "+k more" / "show fewer" button does. Returns
 * `{box, parts}`: the box, sized, and the functions that
 * put in its lines and texts (#15: run in order, at once or over frames).
 */
export function drawGraph(text, live, { d, logistic, parameters, shown, drawn, expanded, toggle }) {
  const layers = d.forward.length;
  const short = live.format;
  const L = (l) => (logistic ? null : l + 1);
  const units = (l, j) => (d.forward[l].z.length === 1 && (logistic || l === layers - 1) ? [] : [j]);
  const unitKey = (l, j) => `z${l}-${j}`;
  const sourceKey = (l, k) => (l === 0 ? `x${k}` : unitKey(l - 1, k));
  // Spread into a line (a symbol is the only array in one): its number is made with the line's element (#15).
  const is = (get) => [" = ", { number: get }];
  const made = (segments) => html(segments.map((s) => (s.number ? live.number(s.number) : s)));

  // Columns of nodes: {nodes: [{key, kind, lines: [{line, segments}], ports}], width, gap, more}.
  const inputs = d.x.map((_, k) => ({ key: `x${k}`, kind: "input", lines: [{ line: "x", segments: [inputSymbol(d, k, text), ...is((x) => x.d.x[k])] }] }));
  if (logistic) inputs.push({ key: "b", kind: "parameter", lines: [{ line: "b", segments: ["b", ...is((x) => x.parameters[0].b[0])] }] });
  // A feature's name (x₂², sin x₁) is longer than x₁: its column is wider.
  const columns = [{ nodes: inputs, width: d.features.join() === "x1,x2" ? INPUT_W : FEATURE_INPUT_W }];
  const edges = [];
  for (let l = 0; l < layers; l += 1) {
    const last = l === layers - 1;
    const gap = weightEdges(l);
    const labelled = gap.length <= LABELLED_EDGES;
    const ports = labelled ? inputsOf(shown, l, d.x.length).length + (logistic ? 1 : 0) : 0;
    const nodes = shown[l].map((j) => {
      const lines = [{ line: "z", segments: [symbol("z", L(l), units(l, j)), ...is((x) => x.d.forward[l].z[j])] }];
      if (!logistic) lines.push({ line: "a", segments: [symbol("a", L(l), units(l, j)), ...(last ? [" = ŷ"] : []), ...is((x) => x.d.forward[l].a[j])] });
      lines.push({ line: "dz", segments: [symbol("z", L(l), units(l, j), "d"), ...is((x) => x.d.backward[l].dz[j])] });
      return { key: unitKey(l, j), kind: last && !logistic ? "unit output" : "unit", layer: l + 1, lines, ports };
    });
    const hidden = d.forward[l].z.length - shown[l].length;
    const more = hidden > 0 || expanded.has(l) ? { layer: l, hidden, expanded: expanded.has(l) } : null;
    columns.push({ nodes, width: NODE_W, more, gap: labelled ? PORT_W : 0 });
    edges.push(...gap.map((edge) => ({ ...edge, labelled })));
  }
  if (logistic) {
    // The notes' bias edge into z (db = dz), and z → a as its own step.
    edges.push({ key: "b0-0", from: "b", to: unitKey(0, 0), port: d.x.length, labelled: true, lines: [[], ["db", ...is((x) => x.d.backward[0].db[0])]], title: (x) => `db = dz = ${short(x.d.backward[0].db[0])}` });
    columns.push({ nodes: [{ key: "a", kind: "unit output", lines: [{ line: "a", segments: ["a = ŷ", ...is((x) => x.d.forward[0].a[0])] }] }], width: INPUT_W + 24, gap: MIDDLE_LABEL_W - FAN });
    edges.push({ key: "za", from: unitKey(0, 0), to: "a", middle: ["da/dz", ...is((x) => x.d.backward[0].gPrime[0])], title: (x) => `da/dz = a(1 − a) = ${short(x.d.backward[0].gPrime[0])}` });
  }
  const output = logistic ? "a" : unitKey(layers - 1, 0);
  const dA = (x) => x.d.backward.at(-1).dA[0];
  columns.push({
    nodes: [{ key: "loss", kind: "loss", lines: [{ line: "L", segments: ["L(a, y)", ...is((x) => x.d.loss)] }, { line: "y", segments: ["y", ...is((x) => x.d.y)] }] }],
    width: INPUT_W + 32,
    gap: MIDDLE_LABEL_W - FAN,
  });
  edges.push({ key: "aL", from: output, to: "loss", middle: ["dL/da", ...is(dA)], title: (x) => `dL/da = −y/a + (1 − y)/(1 − a) = ${short(dA(x))}` });

  /** Layer l's drawn weight edges into the shown units, each labelled W = its value over dW = a_prev · dz. */
  function weightEdges(l) {
    const edges = [];
    const sources = inputsOf(shown, l, d.x.length);
    for (const j of shown[l]) {
      for (const port of drawn.into(l, j)) {
        const k = sources[port];
        const key = `W${l}-${j}-${k}`;
        const wName = logistic ? symbol("w", null, [k]) : symbol("W", L(l), [j, k]);
        const dwName = logistic ? symbol("w", null, [k], "d") : symbol("W", L(l), [j, k], "d");
        const prev = l === 0 ? inputSymbol(d, k, text) : symbol("a", L(l - 1), units(l - 1, k));
        const dzName = symbol("z", L(l), units(l, j), "d");
        const weight = (x) => x.parameters[l].W[j][k];
        const forward = (x) => (l === 0 ? x.d.x[k] : x.d.forward[l - 1].a[k]);
        const [w, dw, factors] = [plain(wName), plain(dwName), `${plain(prev)} · ${plain(dzName)}`];
        const title = (x) =>
          `${w} = ${short(weight(x))}; ${dw} = ${factors} = ${short(forward(x))} × ${short(x.d.backward[l].dz[j])} = ${short(x.d.backward[l].dW[j][k])} (${text.derivationFactorProduct})`;
        const lines = [
          [wName, ...is(weight)],
          [dwName, ...is((x) => x.d.backward[l].dW[j][k])],
        ];
        edges.push({ key, layer: l, from: sourceKey(l, k), to: unitKey(l, j), port, weight, factor: l === 0 ? "x" : "a", lines, title });
      }
    }
    return edges;
  }

  // Layout: columns left to right, each centred on the tallest; a node's
  // block is as tall as its lines or its ports, whichever is more.
  let x = 0;
  let height = 0;
  for (const column of columns) {
    x += column.gap === undefined ? 0 : FAN + column.gap;
    column.x = x;
    x += column.width;
    column.blocks = column.nodes.map((node) => {
      const tall = 2 * PAD + 2 + node.lines.length * LINE; // and its border
      return { node, tall, block: Math.max(tall, (node.ports ?? 0) * PORT_H) + ROW_GAP };
    });
    column.height = column.blocks.reduce((sum, b) => sum + b.block, 0) + (column.more ? MORE_H : 0);
    height = Math.max(height, column.height);
  }
  const width = x + 4;
  height += 8;
  const places = new Map();
  for (const column of columns) {
    let y = (height - column.height) / 2;
    for (const { node, tall, block } of column.blocks) {
      places.set(node.key, { node, x: column.x, y: y + (block - tall) / 2, w: column.width, tall, cy: y + block / 2 });
      y += block;
    }
    column.bottom = y;
  }

  const strongest = new Map(); // each gap's largest drawn |W|, found first on each update
  live.prepare((x) => {
    strongest.clear();
    for (const e of edges) if (e.layer !== undefined) strongest.set(e.layer, Math.max(strongest.get(e.layer) ?? 0, Math.abs(e.weight(x))));
  });
  // The lines are SVG (each edge's tooltip its numbers); every text is
  // HTML placed over them (cheap to change in place), in reading order: a
  // column's incoming edge labels, then its nodes.
  const incoming = new Map(); // target node → its incoming edges
  for (const e of edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);
  const start = (e) => {
    const from = places.get(e.from);
    return [from.x + from.w, from.cy];
  };
  /** Where a labelled edge enters its unit: its port, beside the node. */
  const port = (e) => {
    const to = places.get(e.to);
    return [to.x - PORT_W, to.cy + (e.port - (to.node.ports - 1) / 2) * PORT_H];
  };
  const label = (e) => {
    const keys = { "data-graph": e.key };
    if (e.middle) {
      const [from, to] = [places.get(e.from), places.get(e.to)];
      return at(h("div", { class: "edge-label middle", ...keys }, made(e.middle)), (start(e)[0] + to.x) / 2 - MIDDLE_LABEL_W / 2, Math.min(from.cy, to.cy) - 20, MIDDLE_LABEL_W);
    }
    if (!e.labelled) return null;
    const [px, py] = port(e);
    const lines = [h("div", { class: "w-label" }, made(e.lines[0])), h("div", { class: "dw-label" }, made(e.lines[1]))];
    return at(h("div", { class: "edge-label", ...keys }, lines), px + 4, py - 16, PORT_W - 6);
  };
  const edgeNode = (e) => {
    const to = places.get(e.to);
    const points = e.labelled && !e.middle ? `${start(e)} ${port(e)} ${to.x},${port(e)[1]}` : `${start(e)} ${to.x},${to.cy}`;
    const keys = { "data-graph": e.key };
    const g = svg("g", { class: e.layer === undefined ? "edge" : "edge weight", ...keys, "data-from": e.from, "data-to": e.to, "data-factor": e.factor, "stroke-width": 1.5 }, [
      svg("title", {}, [live.text(e.title)]),
      svg("polyline", { points }),
    ]);
    if (e.layer !== undefined) {
      // Thicker for a larger |W| (against the gap's strongest drawn), coloured by its sign.
      // In quarter pixels, set only when it changes: a restyle of the SVG costs more than the numbers.
      let drawnAs = "";
      live.each((x) => {
        const w = e.weight(x);
        const look = `${w < 0 ? "negative" : "positive"} ${1 + Math.round((12 * Math.abs(w)) / (strongest.get(e.layer) || 1)) / 4}`;
        if (look === drawnAs) return;
        drawnAs = look;
        g.classList.toggle("negative", w < 0);
        g.classList.toggle("positive", w >= 0);
        g.setAttribute("stroke-width", look.split(" ")[1]);
      });
    }
    return g;
  };
  const nodeTexts = (key, { node, x, y, w, tall }) => [
    ...(incoming.get(key) ?? []).map(label).filter(Boolean),
    at(
      h(
        "div",
        { class: `node ${node.kind}`, "data-graph": key, "data-layer": node.layer },
        node.lines.map((line) => h("div", { "data-line": line.line }, made(line.segments))),
      ),
      x,
      y,
      w,
      tall,
    ),
  ];
  const picture = svg("svg", { class: "graph-svg", width, height, viewBox: `0 0 ${width} ${height}`, "aria-hidden": "true" });
  const buttons = columns
    .filter((column) => column.more)
    .map(({ more, x, bottom, width }) => {
      const button = h("button", { type: "button", class: "more-units", "data-layer": more.layer + 1, "aria-expanded": String(more.expanded) }, [
        more.expanded ? text.derivationFewerUnits : format(text.derivationMoreUnits, { count: more.hidden }),
      ]);
      at(button, x, bottom + 4, width);
      button.addEventListener("click", () => toggle(more.layer));
      return button;
    });
  const canvas = at(h("div", { class: "graph-canvas", role: "group", "aria-label": text.derivationGraphLabel }, [picture]), 0, 0, width, height);
  // #15: the graph is built in parts (the caller runs them, all at once or
  // a few a frame), column by column: the edges into a column, then its
  // labels and nodes, the buttons last. Each is appended where the whole
  // graph has it (the lines in the SVG, the texts in the box), so the
  // finished graph is the same however it was built; appended, not
  // inserted before the buttons, which restyled every text already there.
  const columnOf = new Map(columns.flatMap((column, i) => column.nodes.map((node) => [node.key, i])));
  const parts = columns.flatMap((column, i) => [
    ...edges.filter((e) => columnOf.get(e.to) === i).map((e) => () => picture.append(edgeNode(e))),
    ...column.nodes.map(({ key }) => () => canvas.append(...nodeTexts(key, places.get(key)))),
  ]);
  parts.push(() => canvas.append(...buttons));
  const notes = [h("span", {}, [text.derivationGraphForward]), h("span", {}, [text.derivationGraphBackward])];
  if (drawn.keys) notes.push(h("span", { class: "edges-shown" }, [format(text.derivationEdgesShown, { shown: drawn.count, count: drawn.total })]));
  return { box: h("div", { class: "graph-box" }, [h("div", { class: "graph" }, [canvas]), h("p", { class: "graph-legend" }, notes)]), parts };
}
