// Your own points: the list a person drew or imported, and the rectangle
// they were drawn in (so that the plot does not move as points are added).
// It belongs to the element, not to any Playground, so that no setting,
// reset, divergence or failed import can lose it; with `dataset=custom`
// every Playground is built on it.

export class OwnPoints {
  /** [[x1, x2, label], …], in the order they were added. */
  points = [];
  /** {xMin, xMax, yMin, yMax}, or null for the points' own rectangle. */
  bounds = null;

  get count() {
    return this.points.length;
  }

  /**
   * "Draw your own" from another dataset: when nothing has been drawn yet,
   * start from the points on screen (`all`, plotted over `bounds`), to move
   * or mislabel a few of them — or Clear for a blank plot. Drawn points are
   * never replaced by it.
   */
  startFrom(all, bounds) {
    if (this.points.length > 0 || !all) return;
    this.points = all;
    this.bounds = bounds;
  }

  add(point, bounds) {
    this.points = [...this.points, point];
    this.bounds = bounds;
  }

  undo() {
    this.points = this.points.slice(0, -1);
  }

  clear() {
    this.points = [];
  }

  /** Imported points: plotted over their own rectangle. */
  replace(points) {
    this.points = points;
    this.bounds = null;
  }

  /** The rectangle of the Playground just built on them, kept for the next. */
  keepBounds(bounds) {
    this.bounds = bounds;
  }

  /**
   * A Playground (wasm `api`) with `settings` on these points, its first
   * evaluation left to `advance` (#15: `withPointsInParts`).
   */
  playground(api, settings) {
    return api.Playground.withPointsInParts(settings, this.points, this.bounds ?? undefined);
  }
}
