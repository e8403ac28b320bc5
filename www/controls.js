// The control panel: buttons that act (play/pause, step, run to an
// iteration, reset, new weights, copy link, save and load the model, save
// the plot, copy the costs) and a field for each setting the settings table places here
// (setting-fields.js builds them; the data's settings are in
// data-panel.js). It holds no state of its own:
// `showSettings` and `showRunning` put the element's state on screen, and
// what the person does comes back through `onAction(name)` (for "run-to"
// `onAction("run-to", iteration)`, once the typed number is a whole number),
// `onSetting(param, text)` and `onLoadModel(file)`. `showOnly` hides the
// controls a page's `controls` attribute leaves out (shown.js).

import { h } from "./dom.js";
import { SETTINGS } from "./settings-table.js";
import { SettingField, field, fieldProblem, showFieldError } from "./setting-fields.js";
import { grouped } from "./readouts.js";

/** What "run to" suggests: the notebook trains 10,000 iterations. */
const RUN_TO_SUGGESTIONS = [1000, 10000];
/** A number as the settings parser reads one: digits, a point, an exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The iterations typed into "run to": `{target}`, or `{problem}` with a
 * code of the settings parser's, so that the field words it as a setting's
 * field would (a comma refused, "abc" not a number).
 */
function typedIterations(typed) {
  const value = typed.trim();
  if (value === "") return { problem: "empty" };
  if (value.includes(",")) return { problem: "comma" };
  if (!NUMBER.test(value)) return { problem: "not-a-number" };
  const target = Number(value);
  return Number.isSafeInteger(target) ? { target } : { problem: "not-an-integer" };
}

export class Controls {
  /** Fills `root` (the `part="controls"` element) with the controls. */
  constructor(root, text, { onAction, onSetting, onLoadModel }) {
    this.text = text;
    this.root = root;
    const button = (name, label, title, extra = {}) => {
      const b = h("button", { type: "button", title, "data-action": name, ...extra }, [label]);
      b.addEventListener("click", () => onAction(name));
      return b;
    };
    this.play = button("toggle", text.play, text.playTitle, { class: "primary play" });
    this.stepButton = button("step", text.step, text.stepTitle);
    this.step100 = button("step100", text.step100, text.step100Title);
    this.reset = button("reset", text.reset, text.resetTitle);
    this.#buildRunTo(onAction);
    this.newSeed = button("new-seed", text.newSeed, text.newSeedTitle);
    this.copyLink = button("copy-link", text.copyLink, text.copyLinkTitle);
    this.saveModel = button("save-model", text.saveModel, text.saveModelTitle);
    this.loadModel = h("button", { type: "button", "data-action": "load-model", title: text.loadModelTitle }, [text.loadModel]);
    this.modelFile = h("input", { type: "file", accept: ".json,application/json", hidden: true, "data-role": "model-file" });
    this.loadModel.addEventListener("click", () => this.modelFile.click());
    this.modelFile.addEventListener("change", () => {
      const [file] = this.modelFile.files;
      this.modelFile.value = "";
      if (file) onLoadModel(file);
    });
    this.savePlot = button("save-plot", text.savePlot, text.savePlotTitle);
    this.copyCosts = button("copy-costs", text.copyCosts, text.copyCostsTitle);
    this.linkStatus = h("div", { class: "link-status", role: "status" });
    /** A field per setting the table places here, in the table's order. */
    this.fields = SETTINGS.filter((row) => row.place === "controls").map((row) => new SettingField(row, text, onSetting));

    this.training = h("div", { class: "buttons training" }, [this.play, this.stepButton, this.step100, this.reset]);
    this.fieldsRow = h("div", { class: "fields" }, this.fields.map((f) => f.root));
    // #17: what fixed and fresh dropout masks mean, in view while dropout is on.
    this.dropoutMasksNote = h("p", { class: "dropout-masks-note", hidden: true }, [text.dropoutMasksNote]);
    this.#fieldOf("dropoutMasks").root.after(this.dropoutMasksNote);
    // The notebook (it sets data, model and training at once) closes the fields, so that on a phone the
    // model's first settings stay on the plot's screen.
    this.fieldsRow.append(this.#fieldOf("notebook").root);
    this.seedRow = h("div", { class: "buttons" }, [this.newSeed, this.copyLink]);
    this.rows = [this.training, this.fieldsRow, this.seedRow, this.runTo];
    root.append(...this.rows, this.linkStatus);
    /** Saving and loading, which the element places under the chart. */
    this.filesStatus = h("div", { class: "link-status", role: "status" });
    this.files = h("div", { class: "files-box" }, [
      h("div", { class: "buttons files", role: "group", "aria-label": text.filesLabel }, [
        this.saveModel,
        this.loadModel,
        this.savePlot,
        this.copyCosts,
        this.modelFile,
      ]),
      this.filesStatus,
    ]);
    this.rows.push(this.files);
    /** What each name of the `controls` attribute shows: its buttons, and each setting its field. */
    this.named = {
      play: [this.play],
      step: [this.stepButton, this.step100, this.runTo],
      reset: [this.reset],
      seed: [this.newSeed],
      link: [this.copyLink],
      save: [this.saveModel, this.savePlot, this.copyCosts],
      load: [this.loadModel],
    };
    for (const f of this.fields) this.named[f.row.param] = [f.root, ...(this.named[f.row.param] ?? [])];
    this.named["dropout-masks"].push(this.dropoutMasksNote);
  }

  /** The field of the setting `key`. */
  #fieldOf(key) {
    return this.fields.find((f) => f.row.key === key);
  }

  /**
   * "Run to": a number field (typed, or one of the suggestions) and its
   * button; Enter in the field does what the button does. A number that is
   * not a whole number is refused beside the field; a whole one goes to
   * `onAction("run-to", target)`.
   */
  #buildRunTo(onAction) {
    const text = this.text;
    this.runToInput = h("input", { type: "text", name: "run-to", inputmode: "numeric", autocomplete: "off", spellcheck: "false", title: text.runToTitle });
    this.runToField = field(text.runToLabel, this.runToInput);
    const suggestions = h(
      "datalist",
      { id: `${this.runToInput.id}-suggestions` },
      RUN_TO_SUGGESTIONS.map((n) => h("option", { value: String(n) })),
    );
    // Their labels group digits with Intl, whose first use in a page costs ~20 ms: made when the
    // field is first focused (the list shows only then), not on the way to the first frame (#15).
    const label = () => {
      for (const option of suggestions.options) option.label = grouped(Number(option.value), text);
    };
    this.runToInput.addEventListener("focus", label, { once: true });
    this.runToInput.setAttribute("list", suggestions.id);
    this.runToButton = h("button", { type: "button", "data-action": "run-to", title: text.runToTitle }, [text.runTo]);
    this.runToStatus = h("p", { class: "run-to-status", role: "status" });
    this.runTo = h("div", { class: "run-to-box" }, [
      h("div", { class: "run-to" }, [this.runToField, suggestions, this.runToButton]),
      this.runToStatus,
    ]);
    const start = () => {
      const typed = this.runToInput.value;
      const { target, problem } = typedIterations(typed);
      if (problem) {
        const value = typed.trim().slice(0, 40);
        const allowed = text.runToAllowed;
        this.refuseRunTo(fieldProblem(text, { label: text.runToLabel, value, problem, allowed, decimal: false }));
        return;
      }
      this.refuseRunTo(null);
      onAction("run-to", target);
    };
    this.runToButton.addEventListener("click", start);
    this.runToInput.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      start();
    });
  }

  /** Says beside the "run to" field why its number was refused (null: it was not). */
  refuseRunTo(message) {
    showFieldError(this.runToField, this.runToInput, message);
  }

  /** Says what became of a "run to": reached, or stopped before (null: nothing to say). */
  showRunToStatus(message) {
    this.runToStatus.textContent = message ?? "";
  }

  /** Hides what `shows(name)` leaves out; rows left empty go too. */
  showOnly(shows) {
    for (const [name, elements] of Object.entries(this.named)) {
      for (const element of elements) element.classList.toggle("off", !shows(name));
    }
    this.root.classList.remove("off");
    for (const row of this.rows) {
      row.classList.remove("off");
      const used = [...row.querySelectorAll("button, select, input:not([type=file])")].some((control) => !control.closest(".off"));
      row.classList.toggle("off", !used);
    }
    this.root.classList.toggle("off", this.rows.every((r) => r === this.files || r.classList.contains("off")));
  }

  /**
   * Puts `settings` into the fields (without firing their events); the
   * settings in `unused` (keys) mean nothing now and are hidden.
   */
  showSettings(settings, unused = []) {
    for (const f of this.fields) f.show(settings, unused);
    const noDropout = this.#fieldOf("dropoutMasks").root.hidden;
    if (this.dropoutMasksNote.hidden !== noDropout) this.dropoutMasksNote.hidden = noDropout;
  }

  /**
   * The play button's label, and which buttons can be used now. While an
   * experiment runs (`experimenting`) Play is refused: the button stays
   * focusable and clickable (the click gets the element's refusal in the
   * notice) but is marked unavailable, its title saying why.
   */
  showRunning({ running, canTrain, loaded, experimenting = false }) {
    const text = this.text;
    const refused = experimenting && !running;
    const label = running ? text.pause : text.play;
    const title = running ? text.pauseTitle : refused ? text.playDuringExperiment : text.playTitle;
    if (this.play.textContent !== label) this.play.textContent = label;
    if (this.play.title !== title) this.play.title = title;
    if (refused) this.play.setAttribute("aria-disabled", "true");
    else this.play.removeAttribute("aria-disabled");
    this.play.classList.toggle("running", running);
    this.play.disabled = !loaded || (!running && !canTrain);
    this.stepButton.disabled = !loaded || !canTrain;
    this.step100.disabled = !loaded || !canTrain;
    this.reset.disabled = !loaded;
    this.runToButton.disabled = !loaded || !canTrain;
    this.newSeed.disabled = !loaded;
    this.copyLink.disabled = !loaded;
    for (const b of [this.saveModel, this.loadModel, this.savePlot, this.copyCosts]) b.disabled = !loaded;
  }

  /**
   * Says what became of a copy (the link, the costs): `message` alone for
   * a moment, or with `copy`, the text to copy by hand when the browser
   * would not (a field for a line, a text area for several).
   */
  showLinkStatus(message, copy = null, status = this.linkStatus) {
    clearTimeout(status.timer);
    if (copy === null) {
      status.replaceChildren(message);
      status.timer = setTimeout(() => status.replaceChildren(), 2500);
      return;
    }
    const lines = copy.includes("\n");
    const box = lines
      ? h("textarea", { readonly: true, rows: 4, class: "link-text", "aria-label": message }, [copy])
      : h("input", { type: "text", readonly: true, value: copy, class: "link-text", "aria-label": message });
    status.replaceChildren(message, box);
    box.select();
  }
}
