// A setting's control and its words, built from its row of the settings
// table (settings-table.js): a select for a choice, a number field for a
// number, a text field for layer sizes, a list of speeds for a number that
// may also be a word (`speed=max`). A new row of the table gets a control
// here with no code of its own; its strings are its label (`text[key]`),
// an optional title (`text[key + "Title"]`) and, for a choice, the names of
// its values (`text["<param>.<value>"]`).

import { h } from "./dom.js";
import { format } from "./strings.js";

/** The presets a number-or-word setting offers, within its limits, before its word. */
const PRESETS = [1, 2, 5, 10, 100, 1000, 10000];

/**
 * How the page shows a few settings, where a plain field would be clumsy:
 * sliders that retrain as they move, so that one sees the effect.
 */
const SLIDERS = {
  "hidden-units": { step: 1, shown: (value) => String(value) },
  // Past 90 % there is too little left to train on to learn anything.
  "test-fraction": { step: 0.05, max: 0.9, shown: (value, text) => format(text.percent, { value: Math.round(value * 100) }) },
};

let nextId = 0;

/** A labelled field: `<label for>` + the control, in one grid cell. */
export function field(labelText, control, extra = [], className = "") {
  nextId += 1;
  control.id = `sepal-field-${nextId}`;
  const label = h("label", { for: control.id }, [labelText, ...extra]);
  return h("div", { class: `field ${className}`.trim() }, [label, control]);
}

/** What `row` allows, in the words of `text`. */
export function allowedText(row, text) {
  if (row.kind === "choice") {
    const choices = new Intl.ListFormat(text.locale, { type: "disjunction" }).format(row.choices);
    return format(text["allowed.choice"], { choices });
  }
  if (row.kind === "number") {
    const ends = `${row.minInclusive ? "from" : "above"}-${row.maxInclusive ? "to" : "below"}`;
    return format(text[`allowed.number.${ends}`], row);
  }
  return format(text[`allowed.${row.kind}`], row);
}

/** The name of one value of `row` (a choice, or a number-or-word's value). */
function valueName(row, value, text) {
  if (row.kind === "integer-or-word" && value !== row.word) return format(text[`${row.param}.value`], { value });
  return text[`${row.param}.${value}`] ?? String(value);
}

function option(row, value, text) {
  return h("option", { value: String(value) }, [valueName(row, value, text)]);
}

/** The bare control for `row`. */
function control(row, text) {
  const name = row.param;
  const slider = SLIDERS[name];
  if (slider) return h("input", { name, type: "range", min: row.min, max: slider.max ?? row.max, step: slider.step });
  switch (row.kind) {
    case "choice":
      return h("select", { name }, row.choices.map((choice) => option(row, choice, text)));
    case "integer-or-word": {
      const presets = PRESETS.filter((n) => n >= row.min && n <= row.max);
      return h("select", { name }, [...presets, row.word].map((value) => option(row, value, text)));
    }
    case "sizes":
      return h("input", { name, type: "text", inputmode: "numeric", spellcheck: "false", autocomplete: "off", placeholder: row.default });
    case "flag":
      return h("input", { name, type: "checkbox" });
    default: {
      const integer = row.kind === "integer";
      return h("input", {
        name,
        type: "number",
        min: row.min,
        max: row.max,
        step: integer ? 1 : "any",
        inputmode: integer ? "numeric" : "decimal",
      });
    }
  }
}

/** One setting's field: its control, label and (for a slider) the value shown beside the label. */
export class SettingField {
  /** `onSetting(param, text)` is called with what the person chose. */
  constructor(row, text, onSetting) {
    this.row = row;
    this.text = text;
    this.control = control(row, text);
    const slider = SLIDERS[row.param];
    this.output = slider ? h("output", { class: "value", "aria-hidden": "true" }) : null;
    this.root = field(text[row.key] ?? row.param, this.control, this.output ? [this.output] : []);
    const title = text[`${row.key}Title`];
    if (title) this.control.title = title;
    const value = () => (this.control.type === "checkbox" ? (this.control.checked ? "1" : "0") : this.control.value.trim());
    if (slider) {
      this.control.addEventListener("input", () => {
        this.#showOutput(Number(this.control.value));
        onSetting(row.param, value());
      });
    } else {
      this.control.addEventListener("change", () => onSetting(row.param, value()));
    }
  }

  #showOutput(value) {
    if (this.output) this.output.value = SLIDERS[this.row.param].shown(value, this.text);
  }

  /**
   * Puts the value of `settings` into the control, unless the person is
   * typing in it; the field is hidden while the setting means nothing
   * (`unused`, from the settings parser: hidden units of a deep network, …).
   */
  show(settings, unused) {
    const typing = ["text", "number"].includes(this.control.type) && this.control === this.control.getRootNode().activeElement;
    if (!typing) this.revert(settings);
    const hidden = unused.includes(this.row.key);
    if (this.root.hidden !== hidden) this.root.hidden = hidden;
  }

  /** Puts the control back to what `settings` says. */
  revert(settings) {
    const value = settings[this.row.key];
    const control = this.control;
    if (control.type === "checkbox") {
      control.checked = value === 1;
      return;
    }
    if (control.tagName === "SELECT" && ![...control.options].some((o) => o.value === String(value))) {
      // A value from a link that is not among the presets gets its own entry, in order.
      const after = [...control.options].find((o) => Number(o.value) > value);
      control.insertBefore(option(this.row, value, this.text), after ?? control.lastElementChild);
    }
    control.value = String(value);
    this.#showOutput(value);
  }
}
