// The control panel: buttons that act (play/pause, step, reset, new
// weights, copy link) and fields that change the model and the training
// (the data's settings are in data-panel.js). It holds no state of its own:
// `showSettings` and `showRunning` put the element's state on screen, and
// what the person does comes back through `onAction(name)` and
// `onSetting(param, text)`.

import { h } from "./dom.js";
import { format } from "./strings.js";

const MODELS = ["logistic", "shallow", "deep"];
const ACTIVATIONS = ["tanh", "relu", "leaky-relu", "sigmoid"];
const INITS = ["zeros", "small", "xavier", "he"];
const SPEEDS = [1, 10, 100, 1000, 10000, "max"];
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
  constructor(root, text, { onAction, onSetting }) {
    this.text = text;
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
    this.linkStatus = h("span", { class: "link-status", role: "status" });
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

    root.append(
      h("div", { class: "buttons" }, [this.play, this.stepButton, this.step100, this.reset]),
      h("div", { class: "fields" }, [
        field(text.model, this.model, [], "choice"),
        this.hiddenUnitsField,
        this.layersField,
        this.activationField,
        this.initField,
        field(text.learningRate, this.learningRate),
        field(text.seed, this.seed),
        field(text.speed, this.speed),
      ]),
      h("div", { class: "buttons" }, [this.newSeed, this.copyLink, this.linkStatus]),
    );

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
  }

  /** Says whether the link was copied; `link` is shown to copy by hand when not. */
  showLinkStatus(message, link = null) {
    clearTimeout(this.linkTimer);
    if (link === null) {
      this.linkStatus.replaceChildren(message);
      this.linkTimer = setTimeout(() => this.linkStatus.replaceChildren(), 2500);
      return;
    }
    const input = h("input", { type: "text", readonly: true, value: link, class: "link-text", "aria-label": message });
    this.linkStatus.replaceChildren(message, input);
    input.select();
  }

  /** Puts the field that shows `param` back to what `settings` says. */
  revert(param, settings) {
    if (param === "learning-rate") this.learningRate.value = String(settings.learningRate);
    if (param === "layers") this.layers.value = settings.layers;
    if (param === "seed") this.seed.value = String(settings.seed);
  }
}
