// The control panel: buttons that act (play/pause, step, reset, new
// weights, copy link, save and load the model, save the plot, copy the
// costs) and fields that change the model and the training (the data's
// settings are in data-panel.js). It holds no state of its own:
// `showSettings` and `showRunning` put the element's state on screen, and
// what the person does comes back through `onAction(name)`,
// `onSetting(param, text)` and `onLoadModel(file)`. `showOnly` hides the
// controls a page's `controls` attribute leaves out (shown.js).

import { h } from "./dom.js";
import { format } from "./strings.js";

const MODELS = ["logistic", "shallow", "deep"];
const ACTIVATIONS = ["tanh", "relu", "leaky-relu", "sigmoid"];
const INITS = ["zeros", "small", "xavier", "he"];
const SPEEDS = [1, 2, 5, 10, 100, 1000, 10000, "max"];
const MAX_HIDDEN_UNITS = 64;

let nextId = 0;

/** A labelled field: `<label for>` + the control, in one grid cell. */
export function field(labelText, control, extra = [], className = "") {
  nextId += 1;
  control.id = `sepal-field-${nextId}`;
  const label = h("label", { for: control.id }, [labelText, ...extra]);
  return h("div", { class: `field ${className}`.trim() }, [label, control]);
}

function select(name, options) {
  return h(
    "select",
    { name },
    options.map(([value, text]) => h("option", { value }, [text])),
  );
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
    this.model = select("model", MODELS.map((m) => [m, text[`model.${m}`]]));
    this.hiddenUnits = h("input", {
      name: "hidden-units",
      type: "range",
      min: 1,
      max: MAX_HIDDEN_UNITS,
      step: 1,
    });
    this.hiddenUnitsValue = h("output", { class: "value", "aria-hidden": "true" });
    this.layers = h("input", {
      name: "layers",
      type: "text",
      inputmode: "numeric",
      spellcheck: "false",
      autocomplete: "off",
      placeholder: "8,8",
      title: text.layersHint,
    });
    this.activation = select("activation", ACTIVATIONS.map((a) => [a, text[`activation.${a}`]]));
    this.init = select("init", INITS.map((i) => [i, text[`init.${i}`]]));
    this.seed = h("input", { name: "seed", type: "number", min: 0, max: 4294967295, step: 1, inputmode: "numeric" });
    this.learningRate = h("input", {
      name: "learning-rate",
      type: "number",
      min: 0,
      max: 10000,
      step: "any",
      inputmode: "decimal",
    });
    this.speed = select("speed", SPEEDS.map((s) => [String(s), this.speedText(s)]));
    this.speed.title = text.speedTitle;

    this.hiddenUnitsField = field(text.hiddenUnits, this.hiddenUnits, [this.hiddenUnitsValue]);
    this.layersField = field(text.layers, this.layers);
    this.activationField = field(text.activation, this.activation);

    this.initField = field(text.init, this.init);
    this.modelField = field(text.model, this.model, [], "choice");
    this.learningRateField = field(text.learningRate, this.learningRate);
    this.seedField = field(text.seed, this.seed);
    this.speedField = field(text.speed, this.speed);

    this.rows = [
      h("div", { class: "buttons training" }, [this.play, this.stepButton, this.step100, this.reset]),
      h("div", { class: "fields" }, [
        this.modelField,
        this.hiddenUnitsField,
        this.layersField,
        this.activationField,
        this.initField,
        this.learningRateField,
        this.seedField,
        this.speedField,
      ]),
      h("div", { class: "buttons" }, [this.newSeed, this.copyLink]),
    ];
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
    /** What each name of the `controls` attribute shows. */
    this.named = {
      play: [this.play],
      step: [this.stepButton, this.step100],
      reset: [this.reset],
      model: [this.modelField],
      "hidden-units": [this.hiddenUnitsField],
      layers: [this.layersField],
      activation: [this.activationField],
      init: [this.initField],
      "learning-rate": [this.learningRateField],
      seed: [this.seedField, this.newSeed],
      speed: [this.speedField],
      link: [this.copyLink],
      save: [this.saveModel, this.savePlot, this.copyCosts],
      load: [this.loadModel],
    };

    const commit = (param, control) => () => onSetting(param, control.value.trim());
    this.model.addEventListener("change", commit("model", this.model));
    this.activation.addEventListener("change", commit("activation", this.activation));
    this.init.addEventListener("change", commit("init", this.init));
    this.seed.addEventListener("change", commit("seed", this.seed));
    this.speed.addEventListener("change", commit("speed", this.speed));
    this.layers.addEventListener("change", commit("layers", this.layers));
    this.learningRate.addEventListener("change", commit("learning-rate", this.learningRate));
    // The slider retrains as it moves, so that one sees the network change.
    this.hiddenUnits.addEventListener("input", () => {
      this.hiddenUnitsValue.value = this.hiddenUnits.value;
      onSetting("hidden-units", this.hiddenUnits.value);
    });
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

  speedText(speed) {
    return speed === "max" ? this.text.speedMax : format(this.text.speedPerSecond, { speed });
  }

  /** Puts `settings` into the fields (without firing their events). */
  showSettings(settings) {
    const shallow = settings.model === "shallow";
    const deep = settings.model === "deep";
    this.model.value = settings.model;
    this.hiddenUnits.value = String(settings.hiddenUnits);
    this.hiddenUnitsValue.value = String(settings.hiddenUnits);
    this.hiddenUnits.disabled = !shallow;
    this.hiddenUnitsField.classList.toggle("disabled", !shallow);
    this.hiddenUnitsField.hidden = deep;
    this.layersField.hidden = !deep;
    if (this.layers !== this.layers.getRootNode().activeElement) this.layers.value = settings.layers;
    this.activation.value = settings.activation;
    this.activation.disabled = settings.model === "logistic";
    this.activationField.classList.toggle("disabled", settings.model === "logistic");
    this.init.value = settings.init;
    if (this.seed !== this.seed.getRootNode().activeElement) this.seed.value = String(settings.seed);
    if (this.learningRate !== this.learningRate.getRootNode().activeElement) {
      this.learningRate.value = String(settings.learningRate);
    }
    const speed = String(settings.speed);
    if (![...this.speed.options].some((o) => o.value === speed)) {
      // A speed from the URL that is not in the list gets its own entry.
      const option = h("option", { value: speed }, [this.speedText(settings.speed)]);
      const after = [...this.speed.options].find((o) => o.value !== "max" && Number(o.value) > settings.speed);
      this.speed.insertBefore(option, after ?? this.speed.options[this.speed.options.length - 1]);
    }
    this.speed.value = speed;
  }

  /** The play button's label, and which buttons can be used now. */
  showRunning({ running, canTrain, loaded }) {
    const label = running ? this.text.pause : this.text.play;
    if (this.play.textContent !== label) {
      this.play.textContent = label;
      this.play.title = running ? this.text.pauseTitle : this.text.playTitle;
    }
    this.play.classList.toggle("running", running);
    this.play.disabled = !loaded || (!running && !canTrain);
    this.stepButton.disabled = !loaded || !canTrain;
    this.step100.disabled = !loaded || !canTrain;
    this.reset.disabled = !loaded;
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

  /** Puts the field that shows `param` back to what `settings` says. */
  revert(param, settings) {
    if (param === "learning-rate") this.learningRate.value = String(settings.learningRate);
    if (param === "layers") this.layers.value = settings.layers;
    if (param === "seed") this.seed.value = String(settings.seed);
  }
}
