// The element's settings: what was set explicitly, and what that parses to.
//
// Settings come from, in order (a later one wins): the attributes, then with
// the `url-settings` attribute the page's query string and hash, then what
// the person changes in the controls. A `notebook` preset resets what came
// before it (see the Rust `settings/notebooks.rs`): in the URL it is where
// it is written, as an attribute it comes first. They are kept as `[param, value]` pairs
// (text as given, or a number that already is one: a fresh seed, an
// imported model's settings) and parsed once, by the wasm's
// `parseSettings`, the same parser as the CLI's; a
// rejected value leaves its setting at the default and is named in the
// notice. With `url-settings` the hash is kept current (the settings that
// differ from their defaults, settings-url.js writes them).
//
// Every use of the wasm's settings API (`parseSettings`) and of what the
// settings table says a setting does is here, so that the element only
// learns what a change means (`apply`).
//
// Recording a change costs nothing: the values are parsed when someone
// reads them (`preview`, the element's `settings`) or when they are applied,
// whichever comes first, and once per set of values, so that a script
// setting 2,000 attributes in a loop pays for one parse and one rebuild.

import { format } from "./strings.js";
import { SETTING_PARAMS, readUrlSettings, writeUrlSettings, encodePair } from "./settings-url.js";
import { SETTINGS } from "./settings-table.js";
import { allowedText } from "./setting-fields.js";

/** How long the hash waits for more changes before it is written (ms). */
const URL_WRITE_MS = 150;

/** The language the browser prefers, if we have it, else English. */
function browserLang() {
  return /^zh\b/i.test(globalThis.navigator?.language ?? "") ? "zh" : "en";
}

export class SettingsState {
  #host; // the element: its attributes, and whether it follows the URL
  #api = null; // the loaded wasm, for its settings parser
  #explicit = new Map(); // param -> text or number, in the order they were set
  #settings = null; // the parsed settings in effect
  #parsed = null; // what parseSettings said of them: {settings (as parsed, lang unset unless given), unused, link}
  #errors = []; // parseSettings' errors for #explicit
  #uiError = null; // a value typed into a control and rejected
  #checked = null; // {version, parsed}: the explicit values parsed before they were applied
  #version = 0; // counts the changes to #explicit
  #appliedVersion = -1; // the version `apply` last made current
  #urlTimer = 0;

  constructor(host) {
    this.#host = host;
  }

  /** The settings in effect (JS keys, numbers as numbers); null until the wasm is loaded. */
  get current() {
    return this.#settings;
  }

  /** The link's [param, value] pairs: the settings that differ from the defaults (after the notebook's preset). */
  get linkPairs() {
    return this.#parsed?.link ?? [];
  }

  /** The keys of the settings that mean nothing with the others (e.g. hidden units for a deep network). */
  get unused() {
    return this.#parsed?.unused ?? [];
  }

  /** The language to show: the setting's, or before there are settings the browser's. */
  get lang() {
    return this.#settings?.lang ?? browserLang();
  }

  /** The language the explicit values give, applied or not (before the wasm parses them: `lang`). */
  get nextLang() {
    if (!this.#api || !this.pending) return this.lang;
    return this.#parsePending().settings.lang ?? browserLang();
  }

  /** Whether the explicit values changed since they were last applied. */
  get pending() {
    return this.#version !== this.#appliedVersion;
  }

  /**
   * The settings the explicit values give, applied or not yet (what `apply`
   * will make current); null until the wasm is loaded.
   */
  preview() {
    return this.#settings ? this.upcoming() : null;
  }

  /**
   * The settings the next `apply` makes current, the first ones too (#15:
   * the page begins a large build before applying them); null until the
   * wasm is loaded.
   */
  upcoming() {
    if (!this.#api) return null;
    if (this.#settings && !this.pending) return this.#settings;
    const settings = this.#parsePending().settings;
    return { ...settings, lang: settings.lang ?? browserLang() };
  }

  /** The explicit values parsed, once per version. */
  #parsePending() {
    if (this.#checked?.version !== this.#version) this.#checked = { version: this.#version, parsed: this.#parse(this.#explicit) };
    return this.#checked.parsed;
  }

  /** The wasm is loaded: its parser can be used. */
  loaded(api) {
    this.#api = api;
  }

  /**
   * An attribute changed (`value` null when removed). Attributes have no
   * order, so a `notebook` attribute is applied first, under every other
   * explicit value: its preset never overrides another attribute.
   */
  attributeChanged(name, value) {
    const param = this.#param(name);
    if (value === null) this.#explicit.delete(param);
    else if (param === "notebook") this.#explicit = new Map([[param, value], ...[...this.#explicit].filter(([p]) => p !== param)]);
    else this.#setExplicit(name, value);
    this.#version += 1;
  }

  /** Adds the settings in the page's address (query, then hash). */
  readUrl() {
    for (const [name, value] of readUrlSettings(globalThis.location, this.#isSetting)) {
      this.#setExplicit(name, value);
    }
    this.#version += 1;
  }

  /** Someone edited the address: start again from the attributes and the URL. */
  followUrl() {
    this.#explicit = new Map();
    this.#version += 1;
    for (const param of SETTING_PARAMS) {
      if (this.#host.hasAttribute(param)) this.#explicit.set(param, this.#host.getAttribute(param));
    }
    this.readUrl();
  }

  /**
   * Parses the explicit values into the settings in effect and says what
   * the change means: `rebuild` (the data or the network changed: a new
   * Playground), `retune(pg)` (only what an existing Playground can take
   * changed: applies it, else null), `relabel` (the language changed),
   * `repace` (the speed changed). The first call's settings change
   * everything.
   */
  apply() {
    const previous = this.#settings;
    const parsed = this.#parsePending();
    this.#checked = null;
    this.#appliedVersion = this.#version;
    const settings = { ...parsed.settings, lang: parsed.settings.lang ?? browserLang() };
    this.#parsed = parsed;
    this.#settings = settings;
    this.#errors = parsed.errors;
    return {
      settings,
      errors: parsed.errors,
      rebuild: !previous || ["data", "network"].includes(parsed.effect),
      retune: parsed.effect === "retune" ? (pg) => pg.retune(parsed.settings) : null,
      relabel: previous?.lang !== settings.lang,
      repace: Boolean(previous) && parsed.changed.includes("speed"),
    };
  }

  /**
   * A setting changed in the controls: kept (true; `apply` next) only if
   * it is valid, else remembered as rejected (false) and nothing changes.
   */
  change(param, value) {
    const candidate = new Map(this.#explicit);
    candidate.delete(param);
    candidate.set(param, value);
    const parsed = this.#parse(candidate);
    const rejected = parsed.errors.find((e) => e.setting === param);
    if (rejected) {
      this.#uiError = rejected;
      return false;
    }
    this.#uiError = null;
    this.#explicit = candidate;
    this.#version += 1;
    // `apply` uses this parse rather than parsing the same values again.
    this.#checked = { version: this.#version, parsed };
    return true;
  }

  /** `explicit` parsed, compared with the settings in effect. */
  #parse(explicit) {
    return this.#api.parseSettings([...explicit], this.#parsed?.settings);
  }

  /** Each dataset comes with its own noise scale (flower 0.2, blobs 1, …): a picked one forgets a set one. */
  forgetNoise() {
    this.#explicit.delete("noise");
    this.#version += 1;
  }

  /** An imported model's settings (`file`) become the explicit ones; the page's own (speed, …) stay. */
  adopt(file) {
    const explicit = new Map();
    for (const row of SETTINGS) {
      if (row.effect !== "page") explicit.set(row.param, file[row.key]);
      else if (this.#explicit.has(row.param)) explicit.set(row.param, this.#explicit.get(row.param));
    }
    this.#explicit = explicit;
    this.#version += 1;
    this.#uiError = null;
  }

  /**
   * The value last typed into a control and refused (`{setting, value,
   * problem, …}` from the parser), or null: the control shows it beside
   * itself, not the notice, so that the page does not move while typing.
   */
  get refusedChange() {
    return this.#uiError;
  }

  /**
   * The rejected values of the attributes and the URL, worded in `text` for
   * the notice, one per setting; once a value typed into that setting's
   * control is refused, the control says the latest and the notice stops
   * repeating the link's.
   */
  rejections(text) {
    const typed = this.#uiError?.setting;
    return this.#errors.filter((error) => error.setting !== typed).map((error) => {
      const template = text[`problem.${error.problem}`] ?? text.problemOther;
      const row = SETTINGS.find((r) => r.param === error.setting);
      const current = row && this.#settings ? String(this.#settings[row.key]) : "";
      // A bound set by other settings (a batch no larger than the training points).
      const allowed = row ? allowedText(error.limit ? { ...row, max: error.limit } : row, text) : error.allowed;
      return format(template, { ...error, allowed, current });
    });
  }

  /** Forgets the rejected values (they had no effect). */
  dismissRejections() {
    const bad = new Set(this.#errors.map((e) => `${e.setting}\u0000${e.given}`));
    for (const [param, value] of [...this.#explicit]) {
      if (bad.has(`${param}\u0000${value}`)) this.#explicit.delete(param);
    }
    this.#version += 1;
    this.#uiError = null;
    this.#errors = [];
    this.scheduleUrlWrite();
  }

  /** With `url-settings`, the hash follows the settings, once changes settle. */
  scheduleUrlWrite() {
    if (!this.#host.hasAttribute("url-settings") || !this.#settings) return;
    clearTimeout(this.#urlTimer);
    this.#urlTimer = setTimeout(() => this.#writeUrl(), URL_WRITE_MS);
  }

  /** A link that reproduces the settings: the page's own address with `url-settings`, else index.html's. */
  link() {
    if (!this.#settings) return null;
    if (this.#host.hasAttribute("url-settings")) {
      clearTimeout(this.#urlTimer);
      this.#writeUrl();
      return globalThis.location.href;
    }
    const page = /^https?:$/.test(globalThis.location.protocol)
      ? new URL("index.html", import.meta.url)
      : new URL(globalThis.location.href);
    page.hash = this.#parsed.link.map(encodePair).join("&");
    return page.href;
  }

  /** The URL/attribute name of a setting given by either of its names. */
  #param(name) {
    const row = SETTINGS.find((r) => r.key === name || r.param === name);
    return row ? row.param : name;
  }

  #isSetting = (name) => SETTING_PARAMS.includes(this.#param(name));

  #setExplicit(name, value) {
    const param = this.#param(name);
    this.#explicit.delete(param);
    this.#explicit.set(param, value);
  }

  /** The hash: every setting that differs from its default. */
  #writeUrl() {
    writeUrlSettings(this.#parsed.link, this.#isSetting, globalThis.location, globalThis.history);
  }
}
