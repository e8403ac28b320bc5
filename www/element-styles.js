// The element's own CSS, adopted by its shadow root as a <style>. It lives in
// JS so that the single-file build, which inlines modules but not files a
// module fetches, needs nothing else.
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

.layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr) minmax(18rem, 24rem);
  grid-template-areas: "notice notice" "stage side";
  gap: 1rem 2rem;
  align-items: start;
}
[part="notice"] { grid-area: notice; }
.stage {
  grid-area: stage;
  min-width: 0;
  margin: 0;
  display: flex;
  flex-direction: column;
  align-items: center;
  position: relative;
}
.side {
  grid-area: side;
  min-width: 0;
  display: flex;
  flex-direction: column;
  gap: 1.1rem;
}
@container (max-width: 47rem) {
  .layout {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas: "notice" "stage" "side";
  }
}

canvas { display: block; max-width: 100%; }
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
  font-size: 1.5rem;
  font-weight: 600;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}

[part="controls"] {
  display: flex;
  flex-direction: column;
  gap: 0.9rem;
  container-type: inline-size;
}
.buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; }
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
.message button { min-height: 2.2rem; background: #ffffff; }
`;
