// Where the network diagram's nodes go in the box it is given: layers left
// to right, units stacked, the views as large as fit (the layout maths).

const GAP = 6;
/** Sides of the views (CSS px): at most, at least; the inputs' and output's at most. */
const MAX_VIEW = 64;
const MIN_VIEW = 12;
const INPUT_SIZE = 44;
const OUTPUT_SIZE = 72;
/** The width of a column of dots (a layer without views). */
const DOT_COLUMN = 20;
/** Room between columns for the links: at least, at most (CSS px). */
const MIN_SPACING = 24;
const MAX_SPACING = 220;
/** The width of the inputs' names beside their pictures (CSS px). */
export const INPUT_NAME = 42;

/**
 * Sets each node's x, y and size (CSS px) in `columns` (per column:
 * [{kind, …}]) for a box `width` × `height`: the largest views that let
 * every layer fit its column (a tall layer wraps into more columns) and
 * leave room for the links. Returns the diagram's width and height.
 */
export function placeNodes(columns, width, height) {
  const kinds = columns.map((c) => c[0].kind);
  const gaps = Math.max(1, columns.length - 1);
  // For a view side s: rows that fit the height, and the width it all takes.
  const rowsFor = (s) => Math.max(1, Math.floor((height + GAP) / (s + GAP)));
  // More than two inputs stack closer and, to fit the height, smaller.
  const inputCount = columns[0].length;
  const inputFit = inputCount > 2 ? Math.max(20, Math.floor((height - (inputCount - 1) * GAP) / inputCount)) : INPUT_SIZE;
  const ends = (s) => [Math.min(INPUT_SIZE, inputFit, Math.max(s, 24)), Math.min(OUTPUT_SIZE, Math.max(s, 40))];
  const needed = (s) => {
    const [input, output] = ends(s);
    return columns.reduce((sum, column, c) => {
      if (kinds[c] === "neuron") return sum + Math.ceil(column.length / rowsFor(s)) * (s + GAP);
      return sum + (kinds[c] === "dot" ? DOT_COLUMN : kinds[c] === "output" ? output : kinds[c] === "input" ? INPUT_NAME + input : input);
    }, 0);
  };
  let size = MAX_VIEW;
  while (size > MIN_VIEW && needed(size) + gaps * MIN_SPACING > width) size -= 2;
  const rows = rowsFor(size);
  const [inputSize, outputSize] = ends(size);
  const inputGap = inputCount > 2 ? GAP : inputCount > 1 ? Math.min(size, 40) : 0;
  const viewRows = Math.max(0, ...columns.filter((c, i) => kinds[i] === "neuron").map((c) => Math.min(c.length, rows)));
  const tall = Math.max(
    2 * inputSize + 3 * GAP,
    inputCount * inputSize + (inputCount - 1) * inputGap,
    outputSize,
    viewRows * (size + GAP),
    ...columns.filter((c, i) => kinds[i] === "dot").map((c) => Math.min(c.length * 8, height)),
  );
  const diagramWidth = Math.max(needed(size) + gaps * MIN_SPACING, Math.min(width, needed(size) + gaps * MAX_SPACING));
  const spacing = (diagramWidth - needed(size)) / gaps;
  let x = 0;
  columns.forEach((column, c) => {
    const kind = kinds[c];
    if (kind === "neuron") {
      const shown = Math.min(column.length, rows);
      const top = (tall - shown * (size + GAP) + GAP) / 2;
      column.forEach((n, u) => {
        Object.assign(n, { x: x + Math.floor(u / rows) * (size + GAP), y: top + (u % rows) * (size + GAP), size });
      });
      x += Math.ceil(column.length / rows) * (size + GAP);
    } else if (kind === "dot") {
      const step = Math.min(size + GAP, tall / column.length);
      const top = (tall - step * column.length) / 2;
      const radius = Math.max(1.5, Math.min(6, step / 2 - 1));
      column.forEach((n, u) => Object.assign(n, { x: x + DOT_COLUMN / 2 - radius, y: top + u * step + step / 2 - radius, size: 2 * radius }));
      x += DOT_COLUMN;
    } else {
      const side = kind === "output" ? outputSize : inputSize;
      const gap = kind === "input" ? inputGap : 0;
      const total = column.length * side + (column.length - 1) * gap;
      if (kind === "input") x += INPUT_NAME;
      column.forEach((n, u) => Object.assign(n, { x, y: (tall - total) / 2 + u * (side + gap), size: side }));
      x += side;
    }
    x += spacing;
  });
  return { diagramWidth, tall };
}
