/** Points in a dataset picture. */
const PREVIEW_POINTS = 200;

// The data panel (`part="data"`): the dataset pictures, the settings that
// shape the points (how many, how noisy, which random draw, how many held
// out for testing; with your own points, how many you drew in place of how
// many to generate), and CSV import and export. Like the controls it holds
// no state: `showSettings` puts the settings on screen, and what the person
// does comes back through the callbacks.

import { h } from "./dom.js";
import { counted } from "./strings.js";
import { Thumbnails, GENERATED } from "./thumbnails.js";
import { SETTINGS } from "./settings-table.js";
import { SettingField } from "./setting-fields.js";

export class DataPanel {
  #previewsDue = null; // what showPreviews last asked to draw, until it is drawn

  /**
   * Callbacks: `onPick(dataset)`, `onSetting(param, text)`, `onAction(name)`
   * for "new-data" and "export-csv", `onImport(file)`.
   */
  constructor(text, { onPick, onSetting, onAction, onImport }) {
    this.text = text;
    this.thumbnails = new Thumbnails(text, { onPick });
    /** A field per setting the table places here but the dataset, which the pictures choose. */
    this.fields = SETTINGS.filter((row) => row.place === "data" && row.key !== "dataset").map(
      (row) => new SettingField(row, text, onSetting),
    );
    for (const f of this.fields) if (f.output) f.root.classList.add("wide");
    // Your own points: their count where the generated ones' number would be.
    this.drawnCount = h("output", { "data-role": "drawn-count" });
    this.drawn = h("div", { class: "field drawn", title: text.drawnPointsTitle, hidden: true }, [
      h("span", { class: "label" }, [text.points]),
      this.drawnCount,
    ]);
    this.custom = false;
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

    // #17: why the football's data settings are not there.
    this.fixedNote = h("p", { class: "fixed-data", "data-role": "fixed-data", hidden: true }, [text.footballFixed]);
    this.root = h("section", { part: "data", class: "data", "aria-label": text.dataHeading }, [
      h("h2", {}, [text.dataHeading]),
      this.thumbnails.root,
      this.fixedNote,
      h("div", { class: "fields" }, this.fields.map((f) => f.root)),
      h("div", { class: "buttons" }, [this.importButton, this.exportButton, this.file]),
    ]);
    // "New data" sits beside the data seed it draws anew.
    const seed = this.fields.find((f) => f.row.key === "datasetSeed").root;
    this.newDataField = h("div", { class: "field end" }, [this.newData]);
    seed.after(this.newDataField);
    this.fields.find((f) => f.row.key === "points").root.after(this.drawn);
  }

  /**
   * Puts `settings` into the fields (without firing their events); the
   * settings in `unused` (keys) mean nothing now and are hidden.
   */
  showSettings(settings, unused = []) {
    this.thumbnails.show(settings.dataset);
    for (const f of this.fields) f.show(settings, unused);
    this.custom = settings.dataset === "custom";
    this.fixedNote.hidden = settings.dataset !== "football";
    // New data draws another data seed: nothing to draw where the seed is unused.
    this.newDataField.hidden = unused.includes("datasetSeed");
    if (this.drawn.hidden === this.custom) this.drawn.hidden = !this.custom;
  }

  /**
   * Draws each dataset's picture from its points for the data seed and
   * point count of `settings` (at most PREVIEW_POINTS, each dataset with its
   * own noise), once per change, and your own points' picture. The
   * datasets' pictures are drawn in a task after the next frame, inside
   * `run(draw)` (the wasm makes their points): generating nine datasets is
   * not what the first frame is for (#15); asked again before, the
   * pictures are drawn once, for the last settings.
   */
  showPreviews(api, settings, own, run = (draw) => draw()) {
    const ratio = globalThis.devicePixelRatio || 1;
    const points = Math.min(settings.points, PREVIEW_POINTS);
    const key = `${settings.datasetSeed},${points},${ratio}`;
    if (key !== this.previewKey) {
      this.previewKey = key;
      const due = !this.#previewsDue;
      this.#previewsDue = { api, datasetSeed: settings.datasetSeed, points, ratio, run };
      if (due) requestAnimationFrame(() => setTimeout(() => this.#drawPreviews()));
    }
    this.showPoints(own);
  }

  #drawPreviews() {
    const { api, datasetSeed, points, ratio, run } = this.#previewsDue;
    this.#previewsDue = null;
    run(() => {
      for (const dataset of GENERATED) this.thumbnails.draw(dataset, api.datasetPoints({ dataset, datasetSeed, points }), ratio);
    });
  }

  /** Your own points' picture, and their count. */
  showPoints(own) {
    this.thumbnails.draw("custom", own.flat(), globalThis.devicePixelRatio || 1);
    this.drawnCount.value = counted(this.text, "drawnPoints", { count: own.length });
  }
}
