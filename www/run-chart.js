// The run's curves under the plot (`part="cost-chart"`): the training cost
// and, with held-out points, the test cost — or, switched with the two
// buttons above it, the training and test accuracy: the course's bias and
// variance side by side. The numbers come from the wasm's bounded history
// buffers (at most 1024 points, all four series at the same iterations).
// When training has stalled (the cost hardly moved from where it started),
// a line under the chart says so and offers a network that learns (`suggest`,
// `onTry`, wired by the view).

import { h } from "./dom.js";
import { LineChart } from "./line-chart.js";
import { format } from "./strings.js";

export const TRAIN_COLOR = "#0b6e4f";
export const TEST_COLOR = "#8250df";
const TEST_DASH = [6, 4];
/** Training has stalled when, after at least STALL_AFTER iterations, the cost fell by less than STALL_FLAT of itself over the last STALL_WINDOW, */
const STALL_AFTER = 2000;
const STALL_WINDOW = 1000;
const STALL_FLAT = 0.01;
/** is still above STALL_LEARNED of where it started, and fewer than STALL_ACCURACY of the points are right. */
const STALL_LEARNED = 0.8;
const STALL_ACCURACY = 0.9;

/** Whether the run in `history` has stalled: a network that learns nothing of these points. */
export function stalled({ iterations, trainCosts, trainAccuracies }) {
  const n = iterations.length;
  const last = n - 1;
  if (n < 2 || iterations[last] < STALL_AFTER || !(trainAccuracies[last] < STALL_ACCURACY)) return false;
  let then = last;
  while (then > 0 && iterations[then] > iterations[last] - STALL_WINDOW) then -= 1;
  const cost = trainCosts[last];
  return trainCosts[then] - cost < STALL_FLAT * trainCosts[then] && cost > STALL_LEARNED * trainCosts[0];
}

export class RunChart {
  #mode = "cost";
  #last = null;
  #titles = null; // the axes' titles in this mode, made once per mode
  #stalled = false;
  #network = null; // the network the stall hint offers
  /** `suggest()`: settings of a network that learns, or null when it is the one on screen; `onTry(settings)` applies them. */
  suggest = null;
  onTry = null;

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
    this.#titles = this.#titlesFor("cost");
    this.canvas = h("canvas", { part: "cost-chart", role: "img", "aria-label": this.#label() });
    this.tryButton = h("button", { type: "button", class: "try-network" });
    this.tryButton.addEventListener("click", () => this.onTry?.(this.#network));
    this.hint = h("p", { class: "stall-hint", role: "status", hidden: true }, [h("span", {}, [text.stalled]), " ", this.tryButton]);
    this.box = h("div", { class: "chart" }, [
      h("div", { class: "chart-head" }, [h("span", { class: "segmented", role: "group", "aria-label": text.chartModeLabel }, this.buttons), legend]),
      this.canvas,
      this.hint,
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
    this.#showStall(false);
  }

  /**
   * `history`: {iterations, trainCosts, testCosts, trainAccuracies,
   * testAccuracies} (parallel arrays), `hasTest`, whether points are held
   * out, and `markers`, the iterations where the points changed.
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
    this.chart.draw({ series, markers: history.markers, percent: accuracy, labels: this.text, font: this.font, titles: this.#titles });
    // Last: `history` is views over wasm memory, which asking for a suggestion may move.
    this.#showStall(stalled(history));
  }

  /** The stall hint, shown or hidden when the run starts or stops stalling; offered only with a network to try. */
  #showStall(stall) {
    if (stall === this.#stalled) return;
    this.#stalled = stall;
    this.#network = stall ? (this.suggest?.() ?? null) : null;
    const network = this.#network;
    if (network) {
      const text = this.text;
      this.tryButton.textContent = format(text.tryNetwork, { layers: network.layers, init: text[`init.${network.init}`] });
    }
    this.hint.hidden = !network;
  }

  /** The axes' titles in `mode`: iteration, and cost or accuracy. */
  #titlesFor(mode) {
    const text = this.text;
    return { x: text.chartAxisIteration, y: mode === "accuracy" ? text.chartAxisAccuracy : text.chartAxisCost };
  }

  /** What the chart shows, with its axes, for those who cannot see it. */
  #label() {
    const text = this.text;
    const { x, y } = this.#titles;
    return format(text.chartAxes, { label: this.#mode === "accuracy" ? text.accuracyChartLabel : text.costChartLabel, x, y });
  }

  #show(mode) {
    this.#mode = mode;
    this.#titles = this.#titlesFor(mode);
    for (const button of this.buttons) button.setAttribute("aria-pressed", String(button.dataset.chart === mode));
    this.canvas.setAttribute("aria-label", this.#label());
    // The arrays of the last draw are views over wasm memory: the element
    // redraws with fresh ones.
    this.onModeChange?.();
  }
}
