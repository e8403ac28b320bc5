// The network diagram's pictures: each input's and unit's tile of the
// wasm's image (tiles side by side), scaled up into its node's canvas.

/**
 * Draws `image`'s tiles, side by side, into the nodes of `kind` of `nodes`
 * in order, through the canvas `tile`: `count` of them from the `from`th
 * (all by default); returns the index of the next.
 */
export function drawTiles(nodes, tile, image, kind, from = 0, count = Infinity) {
  // Each tile goes through a canvas of its own size, so that smoothing
  // while scaling it up cannot pick up its neighbour's edge.
  const cells = image.height;
  if (tile.width !== cells) {
    tile.width = cells;
    tile.height = cells;
  }
  const tileContext = tile.getContext("2d");
  let k = 0;
  for (const column of nodes) {
    for (const n of column) {
      if (n.kind !== kind) continue;
      if (k >= from + count) return k;
      if (k >= from) {
        tileContext.putImageData(image, -k * cells, 0, k * cells, 0, cells, cells);
        const ctx = n.element.getContext("2d");
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(tile, 0, 0, n.element.width, n.element.height);
      }
      k += 1;
    }
  }
  return k;
}
