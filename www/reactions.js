// What the element does when something happens to it: the settings change
// (an attribute, the address, a field), a button is pressed (play, step,
// reset, new weights, copy link, save …), a model or CSV file is chosen, a
// dataset picture picked, a point drawn. Where the element has a public
// method for it, a button calls that, so that it does exactly what a
// script would; a failure is already in the notice (model-holder.js).

import { counted, format, loadStrings } from "./strings.js";
import { downloadText, downloadBlob, MAX_CSV_POINTS } from "./csv.js";
import { modelTooBig } from "./model-file.js";
import { SETTINGS } from "./settings-table.js";

/** Copies `text`; resolves with whether the browser let us. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Runs a public method for a button; its failure is already on screen. */
function guarded(action) {
  try {
    action();
  } catch {
    // ModelHolder.fail has shown it in the notice.
  }
}

export class Reactions {
  #host;
  #rooms;
  #wiring;

  /**
   * `host` is the element (its public API); `rooms`: `{model, settings,
   * loop, own, notices, view}`, `view()` giving the view on screen.
   * `wiring`: `measured()` after the model changed (the element tells its
   * listeners) and `linkCopied(detail)` (the `link` event).
   */
  constructor(host, rooms, wiring) {
    this.#host = host;
    this.#rooms = rooms;
    this.#wiring = wiring;
    rooms.notices.provide({
      exportCsv: () => this.action("export-csv"),
      saveModel: () => this.action("save-model"),
    });
    // A new divergence makes "training restarted" old news.
    host.addEventListener("diverged", () => this.#notices.set({ restarted: null }));
  }

  get #model() {
    return this.#rooms.model;
  }

  get #settings() {
    return this.#rooms.settings;
  }

  get #own() {
    return this.#rooms.own;
  }

  get #notices() {
    return this.#rooms.notices;
  }

  #view() {
    return this.#rooms.view();
  }

  /**
   * Makes the element match the explicit settings: a new model, a new
   * learning rate, a new language …; with `playground`, that (an imported
   * model's) replaces the model.
   */
  applySettings({ initial = false, playground = null } = {}) {
    const { settings, rebuild, retune, relabel, repace } = this.#settings.apply();
    const model = this.#model;
    const view = this.#view();
    const relabelled = relabel && this.#relabel(settings.lang);
    // #15: a retune while a large rebuild is drawn in parts draws it again with the new value.
    const renewed = playground !== null || rebuild || !model.pg || (retune && model.building);
    if (playground) model.install(playground, settings);
    else if (renewed) model.build(settings, initial ? null : this.#built);
    else if (retune) this.#retune(retune, settings);
    if (repace) this.#rooms.loop.pacer.changeSpeed();
    if (settings.dataset !== "custom") this.#notices.set({ linkWithoutPoints: null });
    view.showSettings(settings);
    view.showData();
    this.#showRejections();
    view.showRunning();
    if (!initial) {
      this.#settings.scheduleUrlWrite();
      // #15: a large network's first picture in a task after its build's;
      // a rebuild drawn in parts is shown once installed (`#built`).
      if (model.building) {
        if (relabelled) view.draw();
      } else if (renewed && model.evaluating) setTimeout(() => model.pg && this.#wiring.measured());
      else if (renewed) this.#wiring.measured();
      else if (relabelled) view.draw();
    }
  }

  /**
   * #15: a rebuild drawn in parts (model-holder.js `build`) is in place, or
   * failed: shown as `applySettings` shows a build.
   */
  #built = () => {
    const model = this.#model;
    this.#view().showRunning();
    if (model.evaluating) setTimeout(() => model.pg && this.#wiring.measured());
    else this.#wiring.measured();
  };

  /**
   * The view in `lang` now if its strings are loaded, else (#15: a
   * language beside English loads when first shown) once they are, if it
   * is still the language then. Returns whether the view changed now.
   */
  #relabel(lang) {
    const view = this.#view();
    loadStrings(lang).then(
      () => this.#settings.current?.lang === lang && view.relabel(lang) && view.draw(),
      () => {}, // it stays in English
    );
    return view.relabel(lang);
  }

  /**
   * A new learning rate goes into the running model. After a divergence
   * the run cannot go on (its parameters blew up, and keeping a last
   * finite copy would cost every step), so it starts again from the
   * initial weights with the new rate: what the link now reproduces. The
   * notice says so instead of the divergence.
   */
  #retune(retune, settings) {
    const model = this.#model;
    const diverged = model.state.diverged;
    model.call(() => retune(model.pg));
    if (!diverged || !model.usable) return;
    guarded(() => this.#host.reset());
    this.#notices.set({ restarted: { learningRate: settings.learningRate } });
  }

  /**
   * An experiment's run was chosen: its settings (a settings object) become
   * the element's, through the controls' path, and training starts again
   * from iteration 0, paused.
   */
  useSettings = (wanted) => {
    if (!this.#model.api) return;
    this.#host.pause();
    const current = this.#settings.current;
    for (const row of SETTINGS) {
      if (row.effect !== "page" && wanted[row.key] !== current[row.key]) this.#settings.change(row.param, wanted[row.key]);
    }
    this.applySettings();
    // A rebuild drawn in parts (#15) is at iteration 0 already once in place.
    if (this.#model.pg && !this.#model.building) guarded(() => this.#host.reset());
  };

  /**
   * For a stalled run: the current settings with the network the spiral
   * comes with (the settings table's), which learns every built-in dataset;
   * null when that network is the one on screen.
   */
  learningNetwork = () => {
    const current = this.#settings.current;
    const { model, layers, init } = this.#model.api.parseSettings([["dataset", "spiral"]]).settings;
    if (current.model === model && current.layers === layers && current.init === init) return null;
    return { ...current, model, layers, init };
  };

  /** Someone edited the address: start again from the attributes and the URL. */
  hashChanged = () => {
    this.#settings.followUrl();
    if (this.#model.api) this.applySettings();
  };

  /**
   * A field was changed: the setting is kept only if it is valid; else
   * nothing changes and the rejection is returned, for the field to show
   * (the notice drops the link's rejection of that setting).
   */
  setting = (param, value) => {
    if (!this.#model.api) return null;
    if (this.#settings.change(param, value)) {
      this.applySettings();
      return null;
    }
    this.#showRejections();
    return this.#settings.refusedChange;
  };

  /** The rejected values, in the notice in the language on screen. */
  #showRejections() {
    this.#notices.set({ rejections: this.#settings.rejections(this.#view().text) });
  }

  /** Forgets the rejected values (they had no effect) and hides their messages. */
  dismissRejections = () => {
    this.#settings.dismissRejections();
    this.#showRejections();
  };

  /** An imported model's Playground (`opening`, its promise): its settings (and points) become the element's. */
  async adopt(opening) {
    const pg = await opening;
    this.#host.pause();
    const file = pg.settings;
    this.#settings.adopt(file);
    if (file.dataset === "custom") {
      this.#own.replace(pg.allPoints());
      this.#own.keepBounds(pg.bounds());
    }
    this.applySettings({ playground: pg });
  }

  /** After a crash: a new Playground from the same settings. */
  recover = () => {
    const model = this.#model;
    if (!model.api) return;
    model.rebuild(this.#settings.current, this.#built);
    this.#view().showRunning();
    if (model.pg) this.#wiring.measured();
  };

  /**
   * Your own points changed: show them. A point drawn or undone under a
   * model that has trained lets it go on from where it is (playing or
   * not; the cost curve marks the iteration), so that one sees what a
   * point does to a boundary already learnt. Otherwise — nothing trained
   * yet, diverged, crashed, no points left, or imported points with a
   * rectangle of their own — a new model starts on them.
   */
  ownChanged() {
    const view = this.#view();
    const model = this.#model;
    const own = this.#own;
    view.data.showPoints(own.points);
    if (this.#notices.state.linkWithoutPoints) {
      this.#notices.set({ linkWithoutPoints: own.count > 0 ? { count: own.count } : null });
    }
    if (this.#settings.current.dataset !== "custom") {
      this.setting("dataset", "custom");
      return;
    }
    const drawn = own.bounds !== null && own.count > 0;
    const goesOn = drawn && model.usable && !model.state.diverged && model.state.iteration > 0;
    if (goesOn) {
      model.replacePoints(own.points);
      view.showData();
      view.showModel();
    } else {
      model.build(this.#settings.current);
    }
    if (!model.canTrain) this.#host.pause();
    view.showRunning();
    this.#wiring.measured();
  }

  /** A button was pressed (its `data-action`; "run-to" comes with its target, `value`). */
  action = (name, value) => {
    const host = this.#host;
    const model = this.#model;
    if (!model.pg && name !== "reset") return;
    switch (name) {
      case "toggle":
        if (host.running) host.pause();
        else host.play();
        break;
      case "step":
        guarded(() => host.step(1));
        break;
      case "step100":
        guarded(() => host.step(100));
        break;
      case "run-to":
        // A target already behind is refused beside the field; a stop before it, the control says itself.
        host.runTo(value).catch((error) => {
          if (error instanceof RangeError || error instanceof TypeError) this.#view().controls.refuseRunTo(error.message);
        });
        break;
      case "reset":
        this.#notices.set({ restarted: null });
        if (model.crashed || !model.pg) this.recover();
        else guarded(() => host.reset());
        break;
      case "new-seed":
        this.setting("seed", model.api.freshSeed());
        break;
      case "new-data":
        this.setting("dataset-seed", model.api.freshSeed());
        break;
      case "copy-link":
        this.#copyLink();
        break;
      case "export-csv":
        this.#download(host.exportPoints(), "csvFileName", "text/csv");
        break;
      case "save-model":
        this.#download(host.exportModel(), "modelFileName", "application/json");
        break;
      case "save-plot":
        this.#savePlot();
        break;
      case "copy-costs":
        this.#copyCosts();
        break;
    }
  };

  /** A model file was chosen: it replaces the model, or nothing changes. */
  loadModel = async (file) => {
    const text = this.#view().text;
    let message;
    try {
      // Refused before it is read: its size is known without reading it.
      const tooBig = modelTooBig(file.size, text);
      if (tooBig) throw Object.assign(new Error(tooBig), { reason: tooBig, code: "too-big" });
      await this.#host.importModel(await file.text());
      message = { kind: "info", text: format(text.modelLoaded, { name: file.name }) };
    } catch (error) {
      const reason = error?.reason ?? error?.message ?? String(error);
      message = { kind: "error", text: format(text.modelFileFailed, { name: file.name, reason }) };
    }
    this.#notices.set({ pointsMessage: message });
  };

  /** A CSV file was chosen: its points become yours, or nothing changes. */
  importCsv = async (file) => {
    const text = this.#view().text;
    let count;
    try {
      count = this.#host.importPoints(await file.text());
    } catch (error) {
      const message = error?.message ?? String(error);
      this.#notices.set({ pointsMessage: { kind: "error", text: format(text.csvFailed, { name: file.name, message }) } });
      return;
    }
    this.#notices.set({ pointsMessage: { kind: "info", text: counted(text, "csvImported", { count, name: file.name }) } });
  };

  /** A dataset picture was chosen. */
  pick = (name) => {
    const model = this.#model;
    if (!model.api) return;
    if (name === "custom") {
      if (this.#settings.current.dataset === "custom") return;
      if (model.pg) this.#own.startFrom(model.call(() => model.pg.allPoints()), model.bounds);
      this.setting("dataset", "custom");
      return;
    }
    this.#settings.forgetNoise();
    this.setting("dataset", name);
  };

  addPoint = (point) => {
    // As many as a dataset may have; more clicks do nothing.
    if (this.#own.count >= MAX_CSV_POINTS) return;
    this.#notices.set({ pointsMessage: null });
    this.#own.add(point, this.#model.bounds);
    this.ownChanged();
  };

  undoPoint = () => {
    this.#own.undo();
    this.ownChanged();
  };

  clearPoints = () => {
    this.#own.clear();
    this.ownChanged();
  };

  /** Saves `content` (null: nothing to save) as the file named by the string `nameKey`. */
  #download(content, nameKey, type) {
    if (content !== null) downloadText(this.#host.shadowRoot, content, this.#view().text[nameKey], type);
  }

  /** Saves the plot as a PNG, on white (the canvas itself is transparent around the map). */
  #savePlot() {
    const source = this.#view().plot.canvas;
    if (!this.#model.pg || source.width === 0) return;
    const canvas = document.createElement("canvas");
    canvas.width = source.width;
    canvas.height = source.height;
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(source, 0, 0);
    canvas.toBlob((blob) => {
      if (blob) downloadBlob(this.#host.shadowRoot, blob, this.#view().text.plotFileName);
    }, "image/png");
  }

  async #copyCosts() {
    const csv = this.#host.exportCosts();
    if (csv === null) return;
    const copied = await copyText(csv);
    const { controls, text } = this.#view();
    controls.showLinkStatus(copied ? text.costsCopied : text.costsCopyFailed, copied ? null : csv, controls.filesStatus);
  }

  /**
   * Copies the link. A link holds settings, not points: with your own
   * points the notice says so and offers the files that do carry them.
   */
  async #copyLink() {
    const link = this.#host.link;
    if (link === null) return;
    const copied = await copyText(link);
    const { controls, text } = this.#view();
    controls.showLinkStatus(copied ? text.linkCopied : text.linkCopyFailed, copied ? null : link);
    const own = this.#settings.current.dataset === "custom" && this.#own.count > 0;
    this.#notices.set({ linkWithoutPoints: own ? { count: this.#own.count } : null });
    this.#wiring.linkCopied({ link, copied });
  }
}
