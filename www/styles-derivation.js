// The element's CSS: the derivation of one example (its terms and graph)
// and the gradient check.

export const DERIVATION_STYLES = `
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
`;
