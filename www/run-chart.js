// The run's curves under the plot (`part="cost-chart"`): the training cost
// and, with held-out points, the test cost — or, switched with the two
// buttons above it, the training and test accuracy: the course's bias and
// variance side by side. The numbers come from the wasm's bounded history
// buffers (at most 1024 points, all four series at the same iterations).

import { h } from "./dom.js";
import { LineChart } from "./line-chart.js";
import { format } from "./strings.js";

export const TRAIN_COLOR = "#0b6e4f";
export const TEST_COLOR = "#8250df";
const TEST_DASH = [6, 4];

export class RunChart {
  #mode = "cost";
  #last = null;

  constructor(text, font) {
    this.text = text;
    this.font = font;
    const toggle = (mode, label) => {
      const button = h("button", { type: "button", class: "toggle", "data-chart": mode, "aria-pressed": String(mode === "cost") }, [label]);
      button.addEventListener("click", () => this.#show(mode));
      return button;
    };
    this.buttons = [toggle("cost", text.costChartTitle), toggle("accuracy", text.accuracyChartTitle)];
    const swatch = (color, dashed) =>
      h("i", { class: `line-swatch${dashed ? " dashed" : ""}`, style: `--swatch: ${color}` });
    this.testKey = h("span", { hidden: true }, [swatch(TEST_COLOR, true), text.chartTest]);
    const legend = h("span", { class: "chart-legend" }, [
      h("span", {}, [swatch(TRAIN_COLOR, false), text.chartTrain]),
      this.testKey,
    ]);
    this.canvas = h("canvas", { part: "cost-chart", role: "img", "aria-label": this.#label() });
    this.box = h("div", { class: "chart" }, [
      h("div", { class: "chart-head" }, [h("span", { class: "segmented", role: "group", "aria-label": text.chartModeLabel }, this.buttons), legend]),
      this.canvas,
    ]);
    this.chart = new LineChart(this.canvas);
  }

  get mode() {
    return this.#mode;
  }

  resize(width, height, ratio) {
    return this.chart.resize(width, height, ratio);
  }

  clear() {
    this.#last = null;
    this.chart.clear();
  }

  /**
   * `history`: {iterations, trainCosts, testCosts, trainAccuracies,
   * testAccuracies} (parallel arrays) and `hasTest`, whether points are held out.
   */
  draw(history) {
    this.#last = history;
    const { iterations, hasTest } = history;
    const accuracy = this.#mode === "accuracy";
    const train = accuracy ? history.trainAccuracies : history.trainCosts;
    const test = accuracy ? history.testAccuracies : history.testCosts;
    const series = [{ x: iterations, y: train, color: TRAIN_COLOR }];
    if (hasTest) series.push({ x: iterations, y: test, color: TEST_COLOR, dash: TEST_DASH });
    if (this.testKey.hidden === hasTest) this.testKey.hidden = !hasTest;
    this.chart.draw({ series, percent: accuracy, labels: this.text, font: this.font, titles: this.#titles() });
  }

  /** The axes' titles in the current mode: iteration, and cost or accuracy. */
  #titles() {
    const text = this.text;
    return { x: text.chartAxisIteration, y: this.#mode === "accuracy" ? text.chartAxisAccuracy : text.chartAxisCost };
  }

  /** What the chart shows, with its axes, for those who cannot see it. */
  #label() {
    const text = this.text;
    const { x, y } = this.#titles();
    return format(text.chartAxes, { label: this.#mode === "accuracy" ? text.accuracyChartLabel : text.costChartLabel, x, y });
  }

  #show(mode) {
    this.#mode = mode;
    for (const button of this.buttons) button.setAttribute("aria-pressed", String(button.dataset.chart === mode));
    this.canvas.setAttribute("aria-label", this.#label());
    // The arrays of the last draw are views over wasm memory: the element
    // redraws with fresh ones.
    this.onModeChange?.();
  }
}
