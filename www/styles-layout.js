// The element's CSS, first part: the host's properties, the layout's grid
// (one column, a side column, one row from 72rem) and the headings.

export const LAYOUT_STYLES = `
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
`;
