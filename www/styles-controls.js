// The element's CSS: the plot's legend, the numbers (readouts), the controls
// (buttons, fields), the chart's box and the notices.

export const CONTROL_STYLES = `
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
`;
