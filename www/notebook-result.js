// #16/#17: which of the course's notebooks the settings reproduce, and the
// notebook's published result beside Sepal's once the run stands at the
// notebook's length. A run matches when its link (the settings that differ
// from the notebook's preset, page settings aside) is exactly one of the
// notebook's runs. The published numbers are REFERENCE.md's; the native
// tests reach them through the same presets
// (crates/sepal/tests/optimization_notebook.rs, regularization_notebooks.rs).

import { h } from "./dom.js";
import { format } from "./strings.js";
import { SETTINGS } from "./settings-table.js";
import { grouped } from "./readouts.js";

/** Per notebook: its length (in epochs with mini-batches, else iterations) and its runs, by the link they add to the preset. */
export const NOTEBOOK_RESULTS = {
  optimization: {
    length: 5000,
    runs: [
      { name: "gd", link: [], train: 0.7167 },
      { name: "momentum", link: [["optimizer", "momentum"]], train: 0.7167 },
      { name: "adam", link: [["optimizer", "adam"]], train: 0.9433 },
    ],
  },
  initialization: {
    length: 15000,
    runs: [
      { name: "he", link: [], train: 0.9933, test: 0.96 },
      { name: "zeros", link: [["init", "zeros"]], train: 0.5, test: 0.5 },
      { name: "large", link: [["init", "large"]], train: 0.83, test: 0.86 },
    ],
  },
  regularization: {
    length: 30000,
    runs: [
      { name: "none", link: [], train: 0.9479, test: 0.915 },
      { name: "l2", link: [["l2", "0.7"]], train: 0.9384, test: 0.93 },
      { name: "dropout", link: [["keep-prob", "0.86"]], train: 0.9289, test: 0.95 },
    ],
  },
};

const PAGE_PARAMS = new Set(SETTINGS.filter((row) => row.effect === "page").map((row) => row.param));

/** The notebook run `link` ([param, value] pairs) reproduces, or null. */
export function matchingRun(notebook, link) {
  const results = NOTEBOOK_RESULTS[notebook];
  if (!results) return null;
  const own = link.filter(([param]) => param !== "notebook" && !PAGE_PARAMS.has(param));
  const key = (pairs) => JSON.stringify([...pairs].sort());
  return results.runs.find((run) => key(run.link) === key(own)) ?? null;
}

export class NotebookResult {
  /** `onRunTo(iterations)` runs the model to the notebook's length. */
  constructor(text, onRunTo) {
    this.text = text;
    this.line = h("span", { class: "notebook-line" });
    this.button = h("button", { type: "button", class: "notebook-run-to" }, [""]);
    this.button.addEventListener("click", () => onRunTo(this.iterations));
    this.root = h("p", { class: "notebook-result", role: "status", hidden: true }, [this.line, " ", this.button]);
    this.iterations = 0;
    this.shown = "";
    this.last = { settings: null, link: null, phase: NaN, train: NaN, test: NaN };
  }

  /**
   * Shows what the notebook `settings.notebook` reports for the run the
   * `link` describes, and Sepal's numbers beside it when `state` stands at
   * the notebook's length. Called every frame: it does nothing unless
   * what it shows depends on something that changed (no text is built,
   * no link matched, per frame otherwise).
   */
  show(settings, link, state, points) {
    // What is shown depends on the settings, the link, whether the run is
    // before, at or past the notebook's length, and Sepal's accuracies at it.
    const last = this.last;
    const length = settings ? NOTEBOOK_RESULTS[settings.notebook]?.length : undefined;
    const count = state ? (state.batched ? state.epoch : state.iteration) : NaN;
    const phase = length === undefined ? NaN : Math.sign(count - length);
    const train = phase === 0 ? state.trainAccuracy : NaN;
    const test = phase === 0 ? state.testAccuracy : NaN;
    const unchanged =
      settings === last.settings && link === last.link && Object.is(phase, last.phase) && Object.is(train, last.train) && Object.is(test, last.test);
    if (unchanged) return;
    last.settings = settings;
    last.link = link;
    last.phase = phase;
    last.train = train;
    last.test = test;
    const run = settings && state ? matchingRun(settings.notebook, link ?? []) : null;
    const text = this.text;
    let line = "";
    let button = "";
    if (settings && settings.notebook !== "planar") {
      const notebook = text[`notebook.${settings.notebook}`];
      if (!run) {
        line = format(text.notebookDiffers, { notebook });
      } else {
        const batched = Boolean(state.batched);
        const at = format(text[batched ? "notebookAtEpoch" : "notebookAtIteration"], { count: grouped(length, text) });
        const percent = (v) => format(text.percent, { value: (v * 100).toFixed(2) });
        const theirs = format(text[run.test === undefined ? "notebookTrain" : "notebookTrainTest"], {
          train: percent(run.train),
          test: run.test === undefined ? "" : percent(run.test),
        });
        line = format(text.notebookReports, { notebook, run: text[`notebookRun.${run.name}`], at, result: theirs });
        if (phase === 0) {
          const ours = format(text[run.test === undefined ? "notebookTrain" : "notebookTrainTest"], {
            train: percent(state.trainAccuracy),
            test: percent(state.testAccuracy),
          });
          line += " " + format(text.notebookSepal, { result: ours });
        } else if (phase < 0) {
          // From iteration 0 every epoch has the same number of updates.
          const perEpoch = batched ? Math.ceil((points?.train?.length ?? 0) / settings.batchSize) : 1;
          this.iterations = length * perEpoch;
          button = format(text.notebookRunTo, { at });
        }
      }
    }
    const shown = `${line}\u0000${button}`;
    if (shown === this.shown) return;
    this.shown = shown;
    this.line.textContent = line;
    this.button.textContent = button;
    this.button.hidden = !button;
    this.root.hidden = !line;
  }
}
