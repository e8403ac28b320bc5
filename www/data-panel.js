/** Points in a dataset picture. */
const PREVIEW_POINTS = 200;

// The data panel (`part="data"`): the dataset pictures, the settings that
// shape the points (how many, how noisy, which random draw, how many held
// out for testing), and CSV import and export. Like the controls it holds
// no state: `showSettings` puts the settings on screen, and what the person
// does comes back through the callbacks.

import { h } from "./dom.js";
import { format } from "./strings.js";
import { Thumbnails, GENERATED } from "./thumbnails.js";
import { field } from "./controls.js";

export class DataPanel {
  /**
   * Callbacks: `onPick(dataset)`, `onSetting(param, text)`, `onAction(name)`
   * for "new-data" and "export-csv", `onImport(file)`.
   */
  constructor(text, { onPick, onSetting, onAction, onImport }) {
    this.text = text;
    this.thumbnails = new Thumbnails(text, { onPick });
    const number = (name, attributes) =>
      h("input", { name, type: "number", inputmode: "decimal", ...attributes });
    this.points = number("points", { min: 2, max: 10000, step: 1, inputmode: "numeric" });
    this.noise = number("noise", { min: 0, max: 10, step: 0.05 });
    this.datasetSeed = number("dataset-seed", { min: 0, max: 4294967295, step: 1, inputmode: "numeric" });
    this.testFraction = h("input", { name: "test-fraction", type: "range", min: 0, max: 0.9, step: 0.05 });
    this.testFractionValue = h("output", { class: "value", "aria-hidden": "true" });
    const button = (action, label, title) => {
      const b = h("button", { type: "button", "data-action": action, title }, [label]);
      return b;
    };
    this.newData = button("new-data", text.newData, text.newDataTitle);
    this.newData.addEventListener("click", () => onAction("new-data"));
    this.importButton = button("import-csv", text.importCsv, text.importCsvTitle);
    this.exportButton = button("export-csv", text.exportCsv, text.exportCsvTitle);
    this.file = h("input", { type: "file", accept: ".csv,text/csv,text/plain", hidden: true, "data-role": "csv-file" });
    this.importButton.addEventListener("click", () => this.file.click());
    this.exportButton.addEventListener("click", () => onAction("export-csv"));
    this.file.addEventListener("change", () => {
      const [file] = this.file.files;
      this.file.value = "";
      if (file) onImport(file);
    });

    this.pointsField = field(text.points, this.points);
    this.noiseField = field(text.noise, this.noise);
    this.root = h("section", { part: "data", class: "data", "aria-label": text.dataHeading }, [
      h("h2", {}, [text.dataHeading]),
      this.thumbnails.root,
      h("div", { class: "fields" }, [
        this.pointsField,
        this.noiseField,
        field(text.datasetSeed, this.datasetSeed),
        h("div", { class: "field end" }, [this.newData]),
        field(text.testFraction, this.testFraction, [this.testFractionValue], "wide"),
      ]),
      h("div", { class: "buttons" }, [this.importButton, this.exportButton, this.file]),
    ]);

    const commit = (param, control) => () => onSetting(param, control.value.trim());
    this.points.addEventListener("change", commit("points", this.points));
    this.noise.addEventListener("change", commit("noise", this.noise));
    this.datasetSeed.addEventListener("change", commit("dataset-seed", this.datasetSeed));
    this.testFraction.addEventListener("input", () => {
      this.#showFraction(Number(this.testFraction.value));
      onSetting("test-fraction", this.testFraction.value);
    });
  }

  #showFraction(fraction) {
    this.testFractionValue.value = format(this.text.testFractionValue, { value: Math.round(fraction * 100) });
  }

  /** Puts `settings` into the fields (without firing their events). */
  showSettings(settings) {
    const custom = settings.dataset === "custom";
    this.thumbnails.show(settings.dataset);
    const set = (control, value) => {
      if (control !== control.getRootNode().activeElement) control.value = String(value);
    };
    set(this.points, settings.points);
    set(this.noise, settings.noise);
    set(this.datasetSeed, settings.datasetSeed);
    this.testFraction.value = String(settings.testFraction);
    this.#showFraction(settings.testFraction);
    for (const [control, box] of [[this.points, this.pointsField], [this.noise, this.noiseField]]) {
      control.disabled = custom;
      box.classList.toggle("disabled", custom);
      box.title = custom ? this.text.notUsedForCustom : "";
    }
  }

  /**
   * Draws each dataset's picture from its points for the data seed and
   * point count of `settings` (at most PREVIEW_POINTS, each dataset with its
   * own noise), once per change, and your own points' picture.
   */
  showPreviews(api, settings, own) {
    const ratio = globalThis.devicePixelRatio || 1;
    const points = Math.min(settings.points, PREVIEW_POINTS);
    const key = `${settings.datasetSeed},${points},${ratio}`;
    if (key !== this.previewKey) {
      this.previewKey = key;
      for (const dataset of GENERATED) {
        this.thumbnails.draw(dataset, api.datasetPoints({ dataset, datasetSeed: settings.datasetSeed, points }), ratio);
      }
    }
    this.showPoints(own);
  }

  /** Your own points' picture. */
  showPoints(own) {
    this.thumbnails.draw("custom", own.flat(), globalThis.devicePixelRatio || 1);
  }

  /** Puts the field that shows `param` back to what `settings` says. */
  revert(param, settings) {
    const controls = { points: this.points, noise: this.noise, "dataset-seed": this.datasetSeed };
    const key = { points: "points", noise: "noise", "dataset-seed": "datasetSeed" }[param];
    if (controls[param]) controls[param].value = String(settings[key]);
  }
}
