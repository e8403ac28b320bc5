// The element's own CSS, adopted by its shadow root as a <style>. It lives in
// JS so that the single-file build, which inlines modules but not files a
// module fetches, needs nothing else. Its parts, one module a panel, are
// joined here in the order of the element's pieces; the blocks the issues
// added since follow them.
//
// Pages can restyle the parts (`sepal-playground::part(plot)`, ...) and these
// custom properties: --sepal-accent (buttons, the cost curve's neighbours),
// --sepal-ink, --sepal-muted, --sepal-line, --sepal-surface, --sepal-focus.

import { LAYOUT_STYLES } from "./styles-layout.js";
import { PANEL_STYLES } from "./styles-panels.js";
import { NETWORK_EXPERIMENT_STYLES } from "./styles-network-experiments.js";
import { CONTROL_STYLES } from "./styles-controls.js";
import { DERIVATION_STYLES } from "./styles-derivation.js";

export const STYLES = `${LAYOUT_STYLES}${PANEL_STYLES}${NETWORK_EXPERIMENT_STYLES}${CONTROL_STYLES}${DERIVATION_STYLES}/* #17: input features — the checkboxes of the inputs, and the inputs' names in the network diagram. */
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
