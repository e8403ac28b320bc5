// The element's CSS: the folding panels, the formulas, a field's refused
// value and "run to", the data panel, drawing your own points, the plot's
// overlay and the chart's head.

export const PANEL_STYLES = `
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
`;
