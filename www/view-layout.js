// The canvases sized to their boxes: the plot to the window, the cost chart
// to its column, the network diagram beside or under the plot; and on a
// phone the data's fine settings moved after the model's.

/** The cost chart's height in CSS px. */
const CHART_HEIGHT = 160;
/** Container widths (rem) where the layout changes: one column under PHONE_REM, four from WIDE_REM (styles-layout.js). */
const PHONE_REM = 40;
const WIDE_REM = 72;
/** The plot: at least this tall, and room kept above it for at most this much page header (CSS px). */
const MIN_PLOT = 300;
const MAX_HEADER = 130;
/** The network diagram's height under the plot, and at least beside it (CSS px). */
const DIAGRAM_HEIGHT = 380;
const MIN_DIAGRAM = 220;

/**
 * Sizes the canvases of `parts` (the view's pieces, view-build.js) to their
 * boxes in `host`. Returns the host's font and whether the plot, the chart
 * and the network diagram changed.
 */
export function sizeCanvases(host, { dom, plot, chart, network, experiments, data }) {
  const ratio = globalThis.devicePixelRatio || 1;
  const stageWidth = dom.stage.clientWidth;
  const chartBox = chart.box;
  const box = getComputedStyle(chartBox);
  const chartWidth = chartBox.clientWidth - parseFloat(box.paddingLeft) - parseFloat(box.paddingRight);
  const font = getComputedStyle(host).fontFamily || "sans-serif";
  chart.font = font;
  if (stageWidth === 0) return { font, plotChanged: false, chartChanged: false, networkChanged: false };
  // The widths of element-styles.js's container queries (rem of the page).
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const width = host.clientWidth;
  placeDataSettings(dom, data.root, width < PHONE_REM * rem);
  // The plot and what is under it (legend, drawing tools) fit the window
  // below a short page header or a frame's edge.
  const above = Math.min(Math.max(0, dom.stage.getBoundingClientRect().top + globalThis.scrollY), MAX_HEADER);
  const under = plot.height ? dom.stage.offsetHeight - plot.height : 0;
  const maxHeight = Math.max(MIN_PLOT, globalThis.innerHeight - above - under - 8);
  const plotChanged = plot.resize(stageWidth, maxHeight, ratio);
  const chartChanged = chart.resize(chartWidth, CHART_HEIGHT, ratio);
  // Beside the plot the network fills the plot's height; under it, a band.
  let diagramHeight = DIAGRAM_HEIGHT;
  if (width >= WIDE_REM * rem) {
    const header = network.scroller.getBoundingClientRect().top - network.root.getBoundingClientRect().top;
    diagramHeight = Math.max(MIN_DIAGRAM, plot.height + under - header);
  }
  const networkChanged = network.layout(network.scroller.clientWidth, diagramHeight, ratio);
  experiments.relayout(font);
  return { font, plotChanged, chartChanged, networkChanged };
}

/**
 * On a phone the data's fine settings follow the model's (and are a
 * `data` part of their own there); wider, they are in the data column.
 */
function placeDataSettings({ dataSettings, modelSettings }, home, phone) {
  if (phone && dataSettings.parentNode !== modelSettings.parentNode) {
    modelSettings.after(dataSettings);
    dataSettings.setAttribute("part", "data");
  } else if (!phone && dataSettings.parentNode !== home) {
    home.append(dataSettings);
    dataSettings.removeAttribute("part");
  }
}
