// A setting's control and its words, built from its row of the settings
// table (settings-table.js): a select for a choice, a text field for a
// number or layer sizes, a list of speeds for a number that may also be a
// word (`speed=max`), a checkbox per name for a list of names (`features`,
// as TensorFlow Playground offers its inputs). A new row of the table gets a control here with no
// code of its own; its strings are its label (`text[key]`), an optional
// title (`text[key + "Title"]`) and, for a choice, the names of its values
// (`text["<param>.<value>"]`).
//
// Numbers are typed into text fields (with a numeric keyboard on phones),
// not `<input type=number>`: that one hands over "" for "abc" and drops the
// comma of "1,2", so the parser could only say "empty" or read 12; a text
// field hands over what was typed, and the settings parser says what is
// wrong with it. A refused value stays in its field with the reason beside
// it, in the field's own words (`showFieldError`), until it is fixed, or
// the settings are shown again while the person is elsewhere.

import { h } from "./dom.js";
import { format } from "./strings.js";

/** The presets a number-or-word setting offers, within its limits, before its word. */
const PRESETS = {
  speed: [1, 2, 5, 10, 100, 1000, 10000],
  // #16: the course's mini-batch sizes, powers of 2.
  "batch-size": [1, 16, 32, 64, 128, 256, 512],
};

/**
 * How the page shows a few settings, where a plain field would be clumsy:
 * sliders that retrain as they move, so that one sees the effect.
 */
const SLIDERS = {
  "hidden-units": { step: 1, shown: (value) => String(value) },
  // Past 90 % there is too little left to train on to learn anything.
  "test-fraction": { step: 0.05, max: 0.9, shown: (value, text) => format(text.percent, { value: Math.round(value * 100) }) },
};

/**
 * A select whose widest value is wider than this many Latin letters (a
 * CJK character counts two) gets a row of its own in a narrow panel, so
 * that "gradient descent" is not cut to "gradient desc".
 */
const LONG_CHOICE = 12;

/** The width of a select's widest value, in Latin letters (0 for other controls). */
function widestOption(control) {
  if (control.tagName !== "SELECT") return 0;
  const width = (label) => [...label].reduce((sum, c) => sum + (c.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
  return Math.max(...[...control.options].map((o) => width(o.textContent)));
}

let nextId = 0;

/** A labelled field: `<label for>` + the control, in one grid cell. */
export function field(labelText, control, extra = [], className = "") {
  nextId += 1;
  control.id = `sepal-field-${nextId}`;
  const label = h("label", { for: control.id }, [labelText, ...extra]);
  return h("div", { class: `field ${className}`.trim() }, [label, control]);
}

/**
 * Shows `message` (null: none) beside `control`, in its field `root`: laid
 * over what is below the field, so that nothing on the page moves while
 * typing (and a value refused is rare enough to measure where it fits),
 * and tied to the control (aria-describedby, aria-invalid) so that
 * it is read with it.
 */
export function showFieldError(root, control, message) {
  let note = root.querySelector(":scope > .field-error");
  if (message === null) {
    if (!note) return;
    note.remove();
    control.removeAttribute("aria-invalid");
    control.removeAttribute("aria-describedby");
    return;
  }
  if (!note) {
    note = h("p", { class: "field-error", id: `${control.id}-error`, role: "alert" });
    root.append(note);
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", note.id);
  }
  if (note.textContent !== message) note.textContent = message;
  // Wider than a narrow field, so it reads in a few lines: it grows to the
  // right, or to the left where the element ends first.
  const element = root.getRootNode().host;
  note.classList.remove("end");
  note.classList.toggle("end", note.getBoundingClientRect().right > element.getBoundingClientRect().right);
}

/**
 * A value typed into a field and refused, in the words of `text`: the
 * field's `label`, the `value` as typed, the parser's `problem` code and
 * `allowed` (worded); `decimal` when the field takes fractions, so that a
 * comma in it is a decimal comma.
 */
export function fieldProblem(text, { label, value, problem, allowed, decimal }) {
  const values = { label, value, allowed };
  if (problem === "comma") {
    const decimalComma = decimal && value.split(",").length === 2;
    if (decimalComma) return format(text["field.comma.decimal"], { ...values, point: value.replace(",", ".") });
    return format(text["field.comma.whole"], { ...values, digits: value.replaceAll(",", "") });
  }
  const own = text[`field.${problem}`];
  if (own) return format(own, values);
  return format(text["field.problem"], { ...values, problem: text[`problemShort.${problem}`] ?? problem });
}

/** What `row` allows, in the words of `text`. */
export function allowedText(row, text) {
  if (row.kind === "choice") {
    const choices = new Intl.ListFormat(text.locale, { type: "disjunction" }).format(row.choices);
    return format(text["allowed.choice"], { choices });
  }
  if (row.kind === "names") {
    const choices = new Intl.ListFormat(text.locale, { type: "conjunction" }).format(row.choices);
    return format(text["allowed.names"], { choices });
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
      const presets = (PRESETS[row.param] ?? []).filter((n) => n >= row.min && n <= row.max);
      return h("select", { name }, [...presets, row.word].map((value) => option(row, value, text)));
    }
    case "sizes":
      return h("input", { name, type: "text", inputmode: "numeric", spellcheck: "false", autocomplete: "off", placeholder: row.default });
    case "flag":
      return h("input", { name, type: "checkbox" });
    case "names":
      // #17: one checkbox per name; the group's value is the checked names.
      return h(
        "div",
        { class: "names", role: "group", "data-setting": name },
        row.choices.map((choice) =>
          h("label", { class: "name" }, [h("input", { type: "checkbox", name, value: choice }), valueName(row, choice, text)]),
        ),
      );
    default:
      return h("input", {
        name,
        type: "text",
        inputmode: row.kind === "integer" ? "numeric" : "decimal",
        spellcheck: "false",
        autocomplete: "off",
      });
  }
}

/** One setting's field: its control, label and (for a slider) the value shown beside the label. */
export class SettingField {
  /**
   * `onSetting(param, text)` is called with what the person chose; it
   * returns the parser's rejection (`{value, problem}`) when the value was
   * refused, which the field then shows beside itself.
   */
  constructor(row, text, onSetting) {
    this.row = row;
    this.text = text;
    this.control = control(row, text);
    const slider = SLIDERS[row.param];
    this.output = slider ? h("output", { class: "value", "aria-hidden": "true" }) : null;
    this.root = field(text[row.key] ?? row.param, this.control, this.output ? [this.output] : []);
    const title = text[`${row.key}Title`];
    if (title) this.control.title = title;
    if (widestOption(this.control) > LONG_CHOICE) this.root.classList.add("choice");
    const value = () => {
      if (row.kind === "names") return this.#boxes().filter((box) => box.checked).map((box) => box.value).join(",");
      return this.control.type === "checkbox" ? (this.control.checked ? "1" : "0") : this.control.value.trim();
    };
    if (row.kind === "names") this.control.setAttribute("aria-label", text[row.key] ?? row.param);
    if (slider) {
      this.control.addEventListener("input", () => {
        this.#showOutput(Number(this.control.value));
        onSetting(row.param, value());
      });
    } else {
      this.control.addEventListener("change", (event) => {
        const rejection = onSetting(row.param, value()) ?? null;
        // A list of names left empty is refused: the box goes back, the reason stays beside it.
        if (rejection && row.kind === "names") event.target.checked = !event.target.checked;
        this.#refused(rejection);
      });
    }
  }

  /** The checkboxes of a list of names. */
  #boxes() {
    return [...this.control.querySelectorAll("input[type=checkbox]")];
  }

  /** Shows why the typed value was refused (`rejection` from the parser), or that it was not (null). */
  #refused(rejection) {
    const text = this.text;
    const message =
      rejection &&
      fieldProblem(text, {
        label: text[this.row.key] ?? this.row.param,
        value: rejection.value,
        problem: rejection.problem,
        // A bound set by other settings (#16: a batch no larger than the training points).
        allowed: allowedText(rejection.limit ? { ...this.row, max: rejection.limit } : this.row, text),
        decimal: this.row.kind === "number",
      });
    showFieldError(this.root, this.control, message);
  }

  #showOutput(value) {
    if (this.output) this.output.value = SLIDERS[this.row.param].shown(value, this.text);
  }

  /**
   * Puts the value of `settings` into the control, unless the person is
   * typing in it (a refused value stays while the person is in the
   * field); the field is hidden while the setting means nothing (`unused`,
   * from the settings parser: hidden units of a deep network, …).
   */
  show(settings, unused) {
    const typing = ["text", "number"].includes(this.control.type) && this.control === this.control.getRootNode().activeElement;
    if (!typing) this.revert(settings);
    const hidden = unused.includes(this.row.key);
    if (this.root.hidden !== hidden) this.root.hidden = hidden;
  }

  /** Puts the control back to what `settings` says (a refused value and its message go). */
  revert(settings) {
    const value = settings[this.row.key];
    const control = this.control;
    this.#refused(null);
    if (control.type === "checkbox") {
      control.checked = value === 1;
      return;
    }
    if (this.row.kind === "names") {
      const names = String(value).split(",");
      for (const box of this.#boxes()) box.checked = names.includes(box.value);
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
