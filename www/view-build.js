// The shadow DOM's pieces, made in one language and put in their places:
// the plot's stage, the panels and the grid they sit in (the view keeps
// them and what was on screen; view.js).

import { Plot } from "./plot.js";
import { RunChart } from "./run-chart.js";
import { Controls } from "./controls.js";
import { DataPanel } from "./data-panel.js";
import { DrawTool } from "./draw-points.js";
import { NetworkView } from "./network-view.js";
import { Experiments } from "./experiments.js";
import { Readouts } from "./readouts.js";
import { NotebookResult } from "./notebook-result.js";
import { STYLES } from "./element-styles.js";
import { h } from "./dom.js";
import { FormulasPanel } from "./formulas-panel.js";
import { GradientCheckPanel } from "./gradient-check-panel.js";
import { GRADCHECK_EPSILON, gradientCheckFits } from "./api-arguments.js";
import { PointDerivation } from "./point-derivation.js";
import { PlotOverlay } from "./plot-overlay.js";

/**
 * Builds the whole shadow DOM of `host` in the language of `text` and
 * returns its pieces. `rooms`: `{model, settings, loop, notices, font}`;
 * `on`: what the controls do (reactions.js); `view`: what the view does
 * for them (`draw`, `showRunning`, `showValues`, `revealStage`).
 */
export function buildParts(text, host, { model, settings, loop, notices, font }, on, view) {
  const plot = h("canvas", { part: "plot", role: "img", "aria-label": text.plotLabel });
  const controls = h("div", { part: "controls", role: "group", "aria-label": text.controlsLabel });
  const notice = h("div", { part: "notice", role: "status", "aria-live": "polite", hidden: true });
  const readouts = h("dl", { class: "readouts", "aria-label": text.readoutsLabel });
  const loading = h("p", { class: "loading" }, [text.loading]);
  const legend = h("div", { class: "legend" }, [
    h("span", {}, [h("i", { class: "swatch class0" }), text.legendClass0]),
    h("span", {}, [h("i", { class: "swatch class1" }), text.legendClass1]),
    h("span", {}, [h("i", { class: "swatch line" }), text.legendBoundary]),
  ]);
  const testNote = h("span", { class: "test-note", hidden: true }, [h("i", { class: "swatch hollow" }), text.legendTest]);
  legend.append(testNote);
  const point = new PointDerivation(text, { model, settings, loop }, (index, set) => host.selectPoint(index, set));
  const gradcheck = new GradientCheckPanel(text, {
    fits: () => !model.pg || gradientCheckFits(model.pg.parameterCount(), model.points.train.length),
    check: ({ bug }) => {
      const result = host.gradientCheck({ bug });
      return result && { ...result, iteration: model.state.iteration };
    },
    // #15: in parts, of the parameters of a paused run between iterations.
    begin: ({ bug }) => {
      host.pause();
      const pg = model.pg;
      if (!pg || loop.running || loop.finishing || pg.midIteration) return null;
      const iteration = model.state.iteration;
      const unchanged = () => model.pg === pg && model.state.iteration === iteration && !loop.running;
      return { run: pg.gradientCheckBegin(GRADCHECK_EPSILON, bug), iteration, unchanged };
    },
  });
  const drawTool = new DrawTool(text, { onAdd: on.addPoint, onUndo: on.undoPoint, onClear: on.clearPoints });
  const stage = h("figure", { class: "stage" }, [plot, legend, point.picker.status, drawTool.refusal, drawTool.bar, loading]);
  const overlay = new PlotOverlay(text);
  stage.append(overlay.root);
  const chart = new RunChart(text, font);
  chart.onModeChange = () => view.draw();
  Object.assign(chart, { suggest: on.learningNetwork, onTry: on.useSettings });
  const data = new DataPanel(text, {
    onPick: (name) => {
      on.pick(name);
      if (name === "custom") view.revealStage();
    },
    onSetting: on.setting,
    onAction: on.action,
    onImport: on.importCsv,
  });
  // The data's fine settings in a box of their own: on a phone they come
  // after the model's settings, so that a dataset picture, the model and
  // the plot fit one screen (layout() moves the box).
  const dataSettings = h("div", { class: "data-settings" }, [
    h("h3", { class: "data-settings-heading" }, [text.dataSettingsHeading]),
    ...data.root.querySelectorAll(":scope > .fields, :scope > .buttons"),
  ]);
  data.root.append(dataSettings);
  const network = new NetworkView(text);
  const formulas = new FormulasPanel(text, { onToggleValues: () => view.showValues(true) });
  const experiments = new Experiments(text, {
    makePlayground: model.make,
    getSettings: () => ({ ...settings.current }),
    getApi: () => model.api,
    onUse: on.useSettings,
    // While an experiment runs, the main training pauses and Play is refused.
    onStart: () => {
      host.pause();
      view.showRunning();
    },
    onEnd: () => {
      notices.set({ playRefused: false });
      view.showRunning();
    },
  });
  const controlsPanel = new Controls(controls, text, { onAction: on.action, onSetting: on.setting, onLoadModel: on.loadModel });
  // In the order a student uses them, which is the order on a phone: the
  // plot, the numbers and Play, the data, the model's settings, the
  // network, the curves and files, then the formulas and experiments.
  // Wider, the grid puts the data, the network, the plot and a side
  // column (numbers, Play, model settings, curves) side by side, so the
  // DOM order (and Tab) stays the phone's. The model's settings leave the
  // play buttons' row for their own group, which the data comes before.
  // Run to comes after them: on a phone the plot and Hidden units fit one screen above it.
  const { fieldsRow, seedRow, runTo } = controlsPanel;
  const modelSettings = h("div", { class: "model", part: "controls", role: "group", "aria-label": text.modelSettingsLabel }, [
    fieldsRow,
    seedRow,
    runTo,
    controlsPanel.linkStatus,
  ]);
  const notebookResult = new NotebookResult(text, (iterations) => on.action("run-to", iterations));
  // #17: while large initial weights saturate the output and the plot shows a boundary anyway.
  const saturationNote = h("p", { class: "saturation-note", role: "status", hidden: true }, [text.saturationNote]);
  const run = h("div", { class: "run" }, [readouts, saturationNote, notebookResult.root, controls]);
  const more = h("div", { class: "more" }, [chart.box, controlsPanel.files]);
  const style = h("style", {}, [STYLES]);
  const layout = h("div", { class: "layout" }, [
    stage,
    run,
    data.root,
    modelSettings,
    network.root,
    more,
    point.panel.root,
    formulas.root,
    gradcheck.root,
    experiments.root,
  ]);
  host.shadowRoot.replaceChildren(style, notice, layout);
  const plotView = new Plot(plot);
  drawTool.attach(
    plot,
    (event) => plotView.toData(event, model.bounds),
    (event, drawing) => point.picker.click(event, drawing),
  );
  point.picker.attach(plot, (event) => plotView.nearestPoint(event, model.bounds, model.points));
  notices.attach(notice, text);
  return {
    dom: { stage, loading, testNote, dataSettings, modelSettings },
    plot: plotView,
    chart,
    controls: controlsPanel,
    data,
    drawTool,
    network,
    experiments,
    formulas,
    readouts: new Readouts(readouts, text),
    notebookResult,
    saturationNote,
    point,
    gradcheck,
    overlay,
  };
}
