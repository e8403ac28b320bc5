// The element's own CSS, adopted by its shadow root as a <style>. It lives in
// JS so that the single-file build, which inlines modules but not files a
// module fetches, needs nothing else.
//
// One string though over 500 lines: the shadow root adopts one stylesheet,
// and its blocks are in the order of the element's pieces.
//
// Pages can restyle the parts (`sepal-playground::part(plot)`, ...) and these
// custom properties: --sepal-accent (buttons, the cost curve's neighbours),
// --sepal-ink, --sepal-muted, --sepal-line, --sepal-surface, --sepal-focus.

export const STYLES = `
:host {
  --sepal-accent: #0b6e4f;
  --sepal-accent-ink: #ffffff;
  --sepal-ink: #1f2328;
  --sepal-muted: #57606a;
  --sepal-line: #d0d7de;
  --sepal-surface: #f6f8fa;
  --sepal-focus: #0969da;
  display: block;
  container-type: inline-size;
  color: var(--sepal-ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem;
  line-height: 1.45;
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }

/* What the controls attribute leaves out. */
.off { display: none !important; }

/* #12: layout */
/* In the DOM (and Tab) order a student uses them, which is the phone's
   single column: the plot, the numbers and Play (.run), the data, the
   model's settings (.model), the network, the curves and files (.more),
   the formulas, the experiments. From 40rem the plot has a side column
   (.run, .model, .more, each a row of the grid) and the rest follows full
   width; from 72rem the data, the network, the plot and the side column
   are one row, as TensorFlow Playground's data → network → output, so the
   plot, the diagram, Play and the numbers share the first screen. The
   plot, the data and the network span the side column's rows; the last
   row (1fr) takes what they need beyond it. A piece that is not shown
   takes no row and leaves no gap (row gaps are margins). The notice is
   above the grid, as wide as the element. */
.layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  column-gap: 2rem;
  align-items: start;
}
.layout > * { grid-column: 1 / -1; min-width: 0; }
.layout > * + * { margin-top: 1.25rem; }
[part="notice"]:not([hidden]) { margin-bottom: 1.25rem; }
.data-settings { display: flex; flex-direction: column; gap: 0.8rem; }
.data-settings-heading { display: none; margin: 0; }
.layout > .data-settings .data-settings-heading { display: block; }
.model { display: flex; flex-direction: column; gap: 0.9rem; container-type: inline-size; }
.model:not(:has(> :not(.off, .link-status:empty))) { display: none; }
.run [part="controls"]:not(:has(> :not(.off, .link-status:empty))) { display: none; }
.run, .more { display: flex; flex-direction: column; gap: 1rem; container-type: inline-size; }
@container sepal (min-width: 40rem) {
  .layout {
    grid-template-columns: [plot] minmax(0, 1fr) [side] minmax(16rem, 24rem) [end];
    grid-template-rows: [run] auto [model] auto [more] auto [rest] 1fr;
  }
  .layout > .stage { grid-column: plot; grid-row: run / span 4; margin-top: 0; }
  .layout > .run { grid-column: side; grid-row: run; margin-top: 0; }
  .layout > .model { grid-column: side; grid-row: model; margin-top: 1rem; }
  .layout > .more { grid-column: side; grid-row: more; margin-top: 1rem; }
}
@container sepal (min-width: 40rem) and (max-width: 56rem) {
  /* A column of course notes: the plot gets the room, the numbers shrink. */
  .layout { grid-template-columns: [plot] minmax(0, 1fr) [side] minmax(14.5rem, 19rem) [end]; column-gap: 1.5rem; }
}
@container sepal (min-width: 72rem) {
  .layout {
    grid-template-columns: [data] 10rem [network] minmax(11.5rem, 13.5rem) [plot] minmax(0, 1fr) [side] minmax(16rem, 19rem) [end];
    column-gap: 1.25rem;
  }
  .layout:has(> [part="network"]:not([open])) { grid-template-columns: [data] 10rem [network] auto [plot] minmax(0, 1fr) [side] minmax(16rem, 19rem) [end]; }
  .layout:has(> [part="data"].off) { grid-template-columns: [data network] minmax(11.5rem, 13.5rem) [plot] minmax(0, 1fr) [side] minmax(16rem, 19rem) [end]; }
  .layout:has(> [part="network"].off) { grid-template-columns: [data] 10rem [network plot] minmax(0, 1fr) [side] minmax(16rem, 19rem) [end]; }
  .layout:has(> [part="data"].off):has(> [part="network"].off) { grid-template-columns: [data network plot] minmax(0, 1fr) [side] minmax(16rem, 19rem) [end]; }
  .layout > [part="data"] { grid-column: data; grid-row: run / span 4; margin-top: 0; }
  .layout > [part="network"] { grid-column: network; grid-row: run / span 4; margin-top: 0; border-top: 0; padding-top: 0; }
  .data .thumbs { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .data .data-settings .fields { grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
  .data .data-settings .field.end { justify-content: flex-start; }
}
/* The element's own width (the side column's boxes are containers too). */
:host { container-name: sepal; }
@container sepal (max-width: 40rem) {
  /* A phone: the numbers in one row, the dataset pictures in one scrolling row. */
  .run .readouts:has(.readout.test[hidden]) { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.4rem; }
  .run .readouts:has(.readout.test[hidden]) .readout.train { grid-column: auto; }
  .run .readouts:has(.readout.test[hidden]) .readout { padding: 0.25rem 0.5rem; }
  /* A long label wraps (never "Training ac…"); the values stay on one baseline at the bottom. */
  .run .readouts:has(.readout.test[hidden]) .readout { display: flex; flex-direction: column; justify-content: space-between; }
  .run .readouts:has(.readout.test[hidden]) .readout dt { line-height: 1.15; }
  .run .readouts:has(.readout.test[hidden]) .readout dd { font-size: 1rem; }
  .layout > * + * { margin-top: 1rem; }
  .data .thumbs button.thumb { min-height: 0; padding: 0.2rem; font-size: 0.75rem; }
  .data .thumbs { display: flex; overflow-x: auto; padding-bottom: 0.25rem; scroll-snap-type: x proximity; }
  .data .thumbs button.thumb { flex: 0 0 4.4rem; scroll-snap-align: start; }
  .data .thumbs button.thumb canvas { width: 40px; height: 40px; }
  .stage .legend { font-size: 0.85rem; gap: 0.2rem 0.9rem; }
}
.stage {
  min-width: 0;
  margin: 0;
  display: flex;
  flex-direction: column;
  align-items: center;
  position: relative;
}

h2 {
  margin: 0 0 0.5rem;
  font-size: 1.05rem;
  letter-spacing: 0.01em;
}
h3 { margin: 0 0 0.5rem; font-size: 1rem; }
.hint { margin: 0 0 0.75rem; color: var(--sepal-muted); font-size: 0.9rem; max-width: 60rem; }
.network, .experiments, .formulas { border-top: 1px solid var(--sepal-line); padding-top: 1rem; min-width: 0; }

/* The folding panels: formulas, network, gradient check. */
:is(.formulas, .network, .gradient-check) > summary {
  display: flex;
  align-items: center;
  gap: 0.45rem;
  width: fit-content;
  cursor: pointer;
  list-style: none;
  border-radius: 4px;
}
:is(.formulas, .network, .gradient-check) > summary::-webkit-details-marker { display: none; }
:is(.formulas, .network, .gradient-check) > summary::before {
  content: "";
  width: 0.5rem;
  height: 0.5rem;
  border: solid var(--sepal-ink);
  border-width: 0 2px 2px 0;
  transform: rotate(-45deg);
  transition: transform 0.15s;
}
:is(.formulas, .network, .gradient-check)[open] > summary::before { transform: rotate(45deg) translate(-2px, -2px); }
:is(.formulas, .network, .gradient-check) > summary h2 { margin: 0; }
:is(.formulas, .network, .gradient-check)[open] > summary { margin-bottom: 0.5rem; }
/* The formulas. */
.formula-groups {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 2.5rem;
  align-items: flex-start;
  margin-bottom: 0.75rem;
}
.formula-group { min-width: 0; max-width: 100%; }
.formula-group h3 { margin: 0.4rem 0 0.2rem; font-size: 0.85rem; font-weight: 600; color: var(--sepal-muted); letter-spacing: 0.02em; }
.formulas math { font-family: "STIX Two Math", "Cambria Math", "Latin Modern Math", "DejaVu Math TeX Gyre", math; }
.formulas .equation {
  font-size: 1.15rem;
  margin: 0.1rem 0;
  padding: 0.15rem 0.45rem;
  border-radius: 4px;
  overflow-x: auto;
  overflow-y: hidden;
  max-width: 100%;
}
@container (max-width: 30rem) {
  .formulas .equation { font-size: 0.98rem; padding-inline: 0.2rem; }
}
.formulas .equation math + math { margin-left: 0.3em; }
.formulas .equation.current {
  background: #fff3bf;
  box-shadow: inset 4px 0 0 #9a6700;
}
.formula-values h3 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
.value-layers { display: flex; flex-direction: column; gap: 0.5rem; }
.value-layer { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.5rem; }
.value { display: flex; align-items: center; gap: 0.3rem; font-size: 1.05rem; }
.bracketed { display: inline-flex; align-items: stretch; }
.bracket { width: 0.3rem; border: 1.5px solid currentColor; }
.bracket.left { border-right: 0; }
.bracket.right { border-left: 0; }
table.matrix { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
table.matrix td { padding: 0.05rem 0.4rem; text-align: right; white-space: nowrap; line-height: 1.3; }

/* #12: typing mistakes and "run to". A refused value's reason is laid over
   what is below its field, so that nothing moves while typing. */
.field { position: relative; }
.field-error {
  position: absolute;
  top: 100%;
  left: 0;
  width: max-content;
  min-width: 100%;
  max-width: 16rem;
  z-index: 3;
  margin: 0.2rem 0 0;
  padding: 0.3rem 0.5rem;
  border: 1px solid #cf222e;
  border-radius: 6px;
  background: #fff5f5;
  color: #82071e;
  font-size: 0.85rem;
  line-height: 1.3;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
}
.field-error.end { left: auto; right: 0; }
input[type][aria-invalid="true"] { border-color: #cf222e; }
.run-to { display: flex; align-items: flex-end; gap: 0.5rem; }
.run-to .field { flex: 1 1 auto; }
.run-to > button { white-space: nowrap; }
.run-to-status { margin: 0.3rem 0 0; color: var(--sepal-muted); font-size: 0.9rem; }
.run-to-status:empty { display: none; }
.readout .target { margin-left: 0.4em; font-weight: 600; color: var(--sepal-ink); }

/* The data panel. */
.data { display: flex; flex-direction: column; gap: 0.8rem; min-width: 0; }
.data h2 { margin: 0; }
.thumbs {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(5.2rem, 1fr));
  gap: 0.4rem;
}
button.thumb {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 0.15rem;
  min-height: 0;
  padding: 0.3rem 0.2rem 0.25rem;
  background: #ffffff;
  font-weight: 500;
  font-size: 0.8rem;
  line-height: 1.2;
}
button.thumb canvas { border-radius: 4px; background: #fbfcfd; }
button.thumb[aria-pressed="true"] {
  border-color: var(--sepal-accent);
  box-shadow: inset 0 0 0 2px var(--sepal-accent);
  background: #eef6f2;
  font-weight: 700;
}
.field.end { justify-content: flex-end; }
.field.end button { white-space: nowrap; padding-inline: 0.5rem; }
.data .buttons button { flex: 1 1 auto; padding-inline: 0.5rem; font-size: 0.9rem; white-space: nowrap; }
.files-box { display: flex; flex-direction: column; gap: 0.5rem; }
.buttons.files { display: grid; grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr)); }
.buttons.files button { min-height: 2.2rem; padding: 0.25rem 0.6rem; font-size: 0.9rem; font-weight: 500; }
.field.wide { grid-column: 1 / -1; }

/* Drawing your own points. */
[part="plot"].drawing { cursor: crosshair; }
.draw-bar {
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 0.4rem;
  margin-top: 0.5rem;
  width: 100%;
}
.draw-hint { margin: 0; color: var(--sepal-muted); font-size: 0.9rem; text-align: center; }
/* #12: drawing */
.draw-refusal { margin: 0.4rem 0 0; padding: 0.3rem 0.7rem; border-radius: 6px; background: #ddf4ff; font-size: 0.9rem; text-align: center; }
.draw-refusal:empty { display: none; }
.draw-tools { display: flex; flex-wrap: wrap; justify-content: center; align-items: center; gap: 0.5rem 0.75rem; }
.draw-count { color: var(--sepal-muted); font-variant-numeric: tabular-nums; }
.segmented { display: inline-flex; }
.segmented button { border-radius: 0; min-height: 2.2rem; padding: 0.25rem 0.7rem; font-weight: 500; display: inline-flex; align-items: center; gap: 0.35rem; }
.segmented button:first-child { border-radius: 6px 0 0 6px; }
.segmented button:last-child { border-radius: 0 6px 6px 0; margin-left: -1px; }
.segmented button[aria-pressed="true"] { background: #ffffff; border-color: var(--sepal-accent); box-shadow: inset 0 0 0 1px var(--sepal-accent); font-weight: 700; position: relative; }
.swatch.hollow { background: #ffffff; border: 2px solid var(--sepal-muted); }

/* #12: plot states — why the plot has no boundary, over its top; your own points' count. */
.plot-overlay {
  position: absolute;
  top: 18%;
  left: 50%;
  transform: translateX(-50%);
  width: min(26rem, 78%);
  pointer-events: none;
  z-index: 1;
}
.plot-overlay[hidden] { display: none; }
.plot-overlay p {
  margin: 0;
  padding: 0.6rem 0.8rem;
  background: rgb(255 255 255 / 0.92);
  border: 1px solid var(--sepal-line);
  border-left: 4px solid var(--sepal-focus);
  border-radius: 6px;
  box-shadow: 0 1px 4px rgb(0 0 0 / 0.12);
  font-size: 0.95rem;
  line-height: 1.35;
}
@media (max-width: 30rem) {
  .plot-overlay { top: 12%; width: 88%; }
  .plot-overlay p { padding: 0.45rem 0.6rem; font-size: 0.85rem; }
}
.field.drawn .label { font-weight: 600; font-size: 0.9rem; }

/* The chart's head: what it shows, and its key. */
.chart-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.3rem 0.6rem; margin-bottom: 0.3rem; }
.chart-head .segmented button { min-height: 1.9rem; padding: 0.1rem 0.6rem; font-size: 0.85rem; }
.chart-legend { display: inline-flex; gap: 0.8rem; color: var(--sepal-muted); font-size: 0.85rem; }
.chart-legend span { display: inline-flex; align-items: center; gap: 0.3rem; }
.line-swatch { display: inline-block; width: 1.3rem; height: 0; border-top: 2.5px solid var(--swatch); }
.line-swatch.dashed { border-top-style: dashed; }
.link-status { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 0.5rem; color: var(--sepal-muted); font-size: 0.9rem; min-width: 0; }
.link-status:empty { display: none; }
.link-status input, .link-status textarea { flex: 1 1 12rem; min-width: 0; min-height: 2.2rem; font: inherit; font-size: 0.85rem; }

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
   the window (network-view.js places it beside its unit, inside the
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

canvas { display: block; max-width: 100%; }

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { transition: none !important; animation: none !important; scroll-behavior: auto !important; }
}
[part="plot"] { touch-action: manipulation; }
.loading {
  position: absolute;
  inset: 0;
  display: grid;
  place-items: center;
  color: var(--sepal-muted);
  font-size: 1.1rem;
}

.legend {
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  gap: 0.35rem 1.25rem;
  margin-top: 0.4rem;
  color: var(--sepal-muted);
  font-size: 0.95rem;
}
.legend span { display: inline-flex; align-items: center; gap: 0.4rem; }
.swatch {
  width: 0.8rem;
  height: 0.8rem;
  border-radius: 50%;
  border: 1px solid rgba(20, 20, 20, 0.85);
}
.swatch.class0 { background: rgb(230, 159, 0); }
.swatch.class1 { background: rgb(0, 114, 178); }
.swatch.line { width: 1.4rem; height: 0; border: 0; border-top: 2.5px solid #16191d; border-radius: 0; }

.readouts {
  display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr));
  gap: 0.6rem;
  margin: 0;
}
.readouts:has(.readout.test[hidden]) .readout.train { grid-column: 1 / -1; }
/* With held-out points: the iteration on a line of its own, then cost and
   accuracy, training beside test. */
.readouts:has(.readout.test:not([hidden])) .readout.iteration {
  grid-column: 1 / -1;
  display: flex;
  align-items: baseline;
  justify-content: space-between;
  padding-block: 0.3rem;
}
.readouts:has(.readout.test:not([hidden])) .readout.iteration dd { font-size: 1.2rem; }
.readout {
  padding: 0.5rem 0.75rem;
  border: 1px solid var(--sepal-line);
  border-radius: 8px;
  background: #ffffff;
}
.readout dt {
  color: var(--sepal-muted);
  font-size: 0.8rem;
  letter-spacing: 0.02em;
}
.readout dd {
  margin: 0;
  font-size: clamp(1.15rem, 7.5cqi, 1.5rem);
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
.readout dd.words { white-space: normal; font-size: 1rem; line-height: 1.2; }

[part="controls"] {
  display: flex;
  flex-direction: column;
  gap: 0.9rem;
  container-type: inline-size;
}
.buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
/* Play, step, +100, reset share one row however narrow the column. */
.buttons.training > button { flex: 1 1 0; min-width: 0; padding-inline: 0.4rem; white-space: nowrap; }
.buttons.training > button.primary { flex-grow: 1.5; min-width: 0; }
.fields {
  display: grid;
  grid-template-columns: repeat(2, minmax(0, 1fr));
  gap: 0.7rem 0.9rem;
}
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
@container (max-width: 23rem) {
  /* The long choices get the whole width in a narrow panel. */
  .field.choice { grid-column: 1 / -1; }
}
.field label {
  display: flex;
  justify-content: space-between;
  gap: 0.5rem;
  font-size: 0.9rem;
  font-weight: 600;
}
.field.disabled label { color: var(--sepal-muted); font-weight: 400; }
.field output { font-variant-numeric: tabular-nums; font-weight: 600; }

button, select, input {
  font: inherit;
  color: inherit;
}
button {
  min-height: 2.5rem;
  padding: 0.35rem 0.95rem;
  border: 1px solid var(--sepal-line);
  border-radius: 6px;
  background: var(--sepal-surface);
  cursor: pointer;
  font-weight: 600;
}
button:hover:not(:disabled) { background: #eaeef2; }
button:disabled { cursor: default; opacity: 0.5; }
button.primary {
  min-width: 6.5rem;
  background: var(--sepal-accent);
  border-color: var(--sepal-accent);
  color: var(--sepal-accent-ink);
}
button.primary:hover:not(:disabled) { background: #095c42; }
button.primary.running { background: #ffffff; color: var(--sepal-accent); }
button.primary.running:hover:not(:disabled) { background: #eef6f2; }
/* Play while an experiment runs: refused (the title says why), still focusable. */
button[aria-disabled="true"] { cursor: not-allowed; opacity: 0.5; }
button.primary[aria-disabled="true"]:hover { background: var(--sepal-accent); }
select, input[type="number"], input[type="text"] {
  width: 100%;
  min-height: 2.5rem;
  padding: 0.3rem 0.5rem;
  border: 1px solid var(--sepal-line);
  border-radius: 6px;
  background: #ffffff;
}
input[type="range"] { width: 100%; min-height: 2.5rem; margin: 0; accent-color: var(--sepal-accent); }
select:disabled, input:disabled { opacity: 0.55; }
:focus-visible {
  outline: 3px solid var(--sepal-focus);
  outline-offset: 2px;
}

.chart {
  border: 1px solid var(--sepal-line);
  border-radius: 8px;
  padding: 0.4rem 0.4rem 0.2rem;
  background: #ffffff;
}

[part="notice"] { display: flex; flex-direction: column; gap: 0.5rem; }
.message {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.5rem 1rem;
  margin: 0;
  padding: 0.6rem 0.9rem;
  border-radius: 6px;
  border-left: 5px solid #bf8700;
  background: #fff8c5;
  overflow-wrap: anywhere;
}
.message span { flex: 1 1 18rem; }
.message.error { border-left-color: #cf222e; background: #ffebe9; }
.message.info { border-left-color: var(--sepal-accent); background: #eef6f2; }
.message button { min-height: 2.2rem; background: #ffffff; }

/* #14: the derivation of one example, and gradient checking */
.point-status { margin: 0.35rem 0 0; font-size: 0.9rem; color: var(--sepal-ink); }
.point-status:empty { display: none; }
canvas[part="plot"]:focus-visible { outline: 3px solid var(--sepal-focus); outline-offset: 2px; }
.derivation, .gradient-check { border-top: 1px solid var(--sepal-line); padding-top: 1rem; min-width: 0; }
.derivation-head { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
.derivation-head h2 { margin: 0; }
.derivation .close { min-width: 2.2rem; min-height: 2.2rem; font-size: 1.3rem; line-height: 1; }
.derivation-point { font-weight: 600; overflow-wrap: anywhere; }
.derivation .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.derivation .step-status { min-height: 1.2em; margin: 0.4rem 0; color: var(--sepal-muted); overflow-wrap: anywhere; }
.derivation .term.current { outline: 3px solid var(--sepal-focus); background: #ddf4ff; }
.derivation .terms h3 { margin: 0.8rem 0 0.3rem; font-size: 1rem; }
.derivation .term { margin: 0.15rem 0; padding: 0.1rem 0.3rem; border-radius: 4px; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.derivation .sym { font-style: italic; }
.derivation .sym sup, .derivation .sym sub { font-style: normal; font-size: 0.7em; }
.derivation .factor { padding: 0 0.2rem; border-radius: 3px; }
.derivation .factor.forward { background: #eef6f2; box-shadow: inset 0 -2px 0 var(--sepal-accent); }
.derivation .factor.backward { background: #fff1e5; box-shadow: inset 0 -2px 0 #bc4c00; }
.derivation .factors-legend { display: flex; flex-wrap: wrap; gap: 0.5rem; font-size: 0.85rem; margin: 0 0 0.4rem; }
.derivation .batch { margin-left: 0.8rem; color: var(--sepal-muted); white-space: nowrap; }
.gradient-check .buttons { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.gradient-check label.check { display: inline-flex; gap: 0.4rem; align-items: center; }
.gradient-check .verdict { font-weight: 700; padding: 0.4rem 0.7rem; border-radius: 6px; border-left: 5px solid; }
.gradient-check .verdict.ok { border-color: var(--sepal-accent); background: #eef6f2; }
.gradient-check .verdict.mistake { border-color: #cf222e; background: #ffebe9; }
.gradient-check .at.old { text-decoration: line-through; color: var(--sepal-muted); }
.gradcheck-table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9rem; display: block; overflow-x: auto; max-width: 100%; }
.gradcheck-table th, .gradcheck-table td { padding: 0.2rem 0.6rem; text-align: right; border-bottom: 1px solid var(--sepal-line); white-space: nowrap; }
.gradcheck-table th[scope="row"] { text-align: left; font-weight: 500; }
.gradcheck-table tr.flagged { background: #ffebe9; }
.gradcheck-table tr.flagged th { color: #a40e26; font-weight: 700; }
/* #14: derivation graph */
.derivation .graph-box { margin: 0.5rem 0; }
/* The graph keeps its size and scrolls inside its box (both ways when a layer is expanded), never the page. */
.derivation .graph { overflow: auto; max-width: 100%; max-height: 34rem; border: 1px solid var(--sepal-line); border-radius: 6px; background: #ffffff; overscroll-behavior-x: contain; content-visibility: auto; contain-intrinsic-size: auto 20rem; }
.derivation .graph-canvas { position: relative; margin: 0.5rem; font-size: 12px; line-height: 15px; font-variant-numeric: tabular-nums; }
.derivation .graph-svg { position: absolute; inset: 0; }
.derivation .graph-svg .edge polyline { fill: none; stroke: #8c959f; }
.derivation .graph-svg .edge.positive polyline { stroke: #0072b2; stroke-opacity: 0.75; }
.derivation .graph-svg .edge.negative polyline { stroke: #e69f00; stroke-opacity: 0.85; }
.derivation .graph-svg .edge.current polyline { stroke: var(--sepal-focus); stroke-opacity: 1; stroke-width: 4px; }
/* Each text box is laid out on its own: changing a number re-lays only its box. */
.derivation .graph-canvas .node, .derivation .edge-label { position: absolute; box-sizing: border-box; white-space: nowrap; contain: layout paint style; }
.derivation .graph-canvas .node { padding: 7px; border: 1px solid #8c959f; border-radius: 6px; background: #ffffff; }
.derivation .graph-canvas .node.parameter { background: var(--sepal-surface); }
.derivation .graph-canvas .node.output, .derivation .graph-canvas .node.loss { border-color: var(--sepal-ink); }
.derivation .graph-canvas .node.current { outline: 3px solid var(--sepal-focus); background: #ddf4ff; }
.derivation .graph-canvas [data-line="dz"], .derivation .edge-label .dw-label { color: #8a4600; }
.derivation .edge-label { font-size: 11px; overflow: visible; }
.derivation .edge-label .dw-label { margin-top: 2px; }
.derivation .edge-label.middle { text-align: center; }
.derivation .edge-label.current { font-weight: 700; color: var(--sepal-focus); }
.derivation .graph-canvas sup, .derivation .graph-canvas sub { font-size: 0.72em; line-height: 0; }
.derivation .graph-canvas .forward-factor { background: #eef6f2; box-shadow: inset 0 -2px 0 var(--sepal-accent); font-weight: 700; }
.derivation .graph-canvas .backward-factor { background: #fff1e5; box-shadow: inset 0 -2px 0 #bc4c00; font-weight: 700; }
.derivation .more-units { position: absolute; font-size: 0.85rem; min-height: 2rem; }
.derivation .graph-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0.3rem 0 0; font-size: 0.85rem; color: var(--sepal-muted); }
/* Numbers change in place while training: a block of terms off screen is not laid out. #15: blocks of
   lines, not each line, so that every frame has ~25 contained boxes to composite, not ~1,000. The
   lines' margins stay inside a block: its own take them back, so the spacing is as without blocks. */
.derivation .term-block { content-visibility: auto; contain-intrinsic-size: auto 74.4em; margin: -0.15rem 0; overflow-clip-margin: 4px; }
/* #17: input features — the checkboxes of the inputs, and the inputs' names in the network diagram. */
.field:has(> .names) { grid-column: 1 / -1; }
.names { display: flex; flex-wrap: wrap; gap: 0.15rem 0.9rem; }
.names .name { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 400; min-height: 1.8rem; font-variant-numeric: tabular-nums; white-space: nowrap; }
.names input { width: 1.05rem; height: 1.05rem; margin: 0; }
.diagram .input-name { position: absolute; display: flex; align-items: center; justify-content: flex-end; font-size: 0.8rem; color: var(--sepal-ink); white-space: nowrap; pointer-events: none; }
/* #17: the football's fixed data */
.data .fixed-data { margin: 0.4rem 0 0; font-size: 0.85rem; color: #57606a; }
/* #16/#17: the notebook a run reproduces, its published result beside Sepal's */
.notebook-result { margin: 0.5rem 0; font-size: 0.9rem; line-height: 1.4; color: var(--sepal-ink); }
.notebook-result button { margin-top: 0.3rem; }
/* #17: large weights saturate the output; fixed or fresh dropout masks */
.saturation-note { margin: 0.5rem 0; font-size: 0.9rem; line-height: 1.4; color: var(--sepal-ink); }
.fields .dropout-masks-note { grid-column: 1 / -1; margin: 0; font-size: 0.85rem; line-height: 1.35; color: #57606a; }
/* #15: a gradient check in parts: its progress */
.gradcheck-progress { display: flex; flex-wrap: wrap; gap: 0.6rem; align-items: center; margin: 0.6rem 0; font-variant-numeric: tabular-nums; }
.gradcheck-progress[hidden] { display: none; }
.gradcheck-meter { width: min(16rem, 100%); }
/* #15: batch gradients in parts — a batch value being computed; the derivation's numbers while "All points" averages */
.derivation .batch[aria-busy="true"] { font-style: italic; }
.derivation-body[aria-busy="true"] { opacity: 0.4; }
`;
