// The element's CSS: inside the network (the diagram, its tooltip) and the
// experiments (their buttons, progress, small multiples and curves).

export const NETWORK_EXPERIMENT_STYLES = `
/* Inside the network. */
.symmetry {
  margin: 0 0 0.75rem;
  padding: 0.5rem 0.8rem;
  border-left: 5px solid var(--sepal-focus);
  background: #ddf4ff;
  border-radius: 6px;
  max-width: 60rem;
}
/* #12: network */
/* How to read it: one line, unfolded on demand. The tooltip is fixed to
   the window (network-hover.js places it beside its unit, inside the
   window), so no scrolling box clips it. */
.how-to { margin-bottom: 0.5rem; }
.how-to > summary { cursor: pointer; width: fit-content; border-radius: 4px; }
.how-to[open] > summary { margin-bottom: 0.3rem; }
.link-note { margin: 0 0 0.5rem; color: var(--sepal-muted); font-size: 0.85rem; }
.diagram-scroll { position: relative; overflow-x: auto; padding-bottom: 0.5rem; }
.diagram { position: relative; margin: 0 auto; }
.diagram .links { position: absolute; left: 0; top: 0; }
.diagram .node { position: absolute; display: block; border: 1px solid #8c959f; border-radius: 4px; background: #ffffff; }
.diagram .node.output { border-color: var(--sepal-ink); }
.diagram .node[part="neuron"]:focus-visible { outline-offset: 1px; }
.tooltip {
  position: fixed;
  z-index: 2;
  max-width: min(22rem, calc(100vw - 12px));
  padding: 0.3rem 0.55rem;
  border-radius: 6px;
  background: var(--sepal-ink);
  color: #ffffff;
  font-size: 0.85rem;
  font-variant-numeric: tabular-nums;
  pointer-events: none;
  white-space: normal;
}

/* #12: teaching details */
.experiments .experiment-legend { grid-template-columns: 1.6rem auto auto auto; }
.use-run { font-size: 0.85rem; padding: 0.15rem 0.55rem; justify-self: start; }
.experiment-used { margin: 0.75rem 0 0; font-size: 0.9rem; }
.stall-hint { margin: 0.5rem 0 0; font-size: 0.9rem; }
.stall-hint button { margin-top: 0.3rem; }

/* The experiments. */
.experiments .buttons { margin-bottom: 0.75rem; }
.experiment-status { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin-bottom: 0.75rem; }
.experiment-status progress { width: min(20rem, 100%); accent-color: var(--sepal-accent); }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); gap: 0.75rem; }
.multiple { margin: 0; display: flex; flex-direction: column; align-items: center; gap: 0.3rem; }
.multiple canvas { width: 128px; height: 128px; border: 1px solid var(--sepal-line); border-radius: 4px; image-rendering: auto; }
.multiple figcaption { font-size: 0.85rem; text-align: center; font-variant-numeric: tabular-nums; }
.curves { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
.experiment-legend {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: 1.6rem auto auto;
  gap: 0.35rem 0.6rem;
  align-items: center;
  font-size: 0.9rem;
}
.experiment-legend li { display: contents; }
.run-result { color: var(--sepal-muted); font-variant-numeric: tabular-nums; }
`;
