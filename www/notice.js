// The notice (`part="notice"`): what was rejected and why, that training
// diverged, that the model failed, or what became of imported points. Each
// message is a paragraph of text (set as text, never parsed as HTML) with
// optional buttons.
//
// `Notices` is everything the notice may say, in one state object that the
// element's parts set a piece of; each change shows the whole again, so no
// message can be forgotten by whoever changed another one.

import { h } from "./dom.js";
import { counted, format } from "./strings.js";
import { CONTROL_NAMES } from "./shown.js";

/** A nice learning rate (1, 2 or 5 times a power of ten) below `rate`, at most 2. */
export function smallerRate(rate) {
  let candidate = 2;
  for (let k = 0; candidate >= rate && k < 40; k += 1) {
    candidate = [2, 1, 0.5][k % 3] * 10 ** -Math.floor(k / 3);
  }
  return candidate;
}

/**
 * The element's messages, most basic first: the wasm did not load, values
 * were rejected (`rejections`, already worded), the model could not be
 * built, what happened to your points or model file, that a copied link
 * leaves your points behind, the model crashed or diverged (or a new
 * learning rate restarted it after a divergence), then `notes` (already made messages: a `controls` name that is
 * not one, autoplay skipped for reduced motion, Play refused during an
 * experiment). `actions` are the buttons' callbacks.
 */
export function noticeMessages(state, text, actions) {
  const { loadError, rejections, buildError, pointsMessage, crash, divergence, restarted, linkWithoutPoints, notes = [] } = state;
  const messages = [];
  if (loadError) messages.push({ kind: "error", text: format(text.loadFailed, { message: loadError }) });
  rejections.forEach((message, i) => {
    const last = i === rejections.length - 1;
    messages.push({
      kind: "warning",
      text: message,
      actions: last ? [{ label: text.dismiss, run: actions.dismissRejections }] : [],
    });
  });
  if (buildError) messages.push({ kind: "error", text: format(text.buildFailed, { message: buildError }) });
  if (pointsMessage) messages.push({ ...pointsMessage, actions: [{ label: text.dismiss, run: actions.dismissPoints }] });
  if (linkWithoutPoints) {
    messages.push({
      kind: "warning",
      text: counted(text, "linkWithoutPoints", linkWithoutPoints),
      actions: [
        { label: text.exportCsv, run: actions.exportCsv },
        { label: text.saveModel, run: actions.saveModel },
        { label: text.dismiss, run: actions.dismissLinkWarning },
      ],
    });
  }
  if (crash) {
    messages.push({ kind: "error", text: format(text.crashed, crash), actions: [{ label: text.rebuild, run: actions.rebuild }] });
  } else if (divergence) {
    const { iteration, learningRate, reason } = divergence;
    messages.push({
      kind: "warning",
      text: format(text.diverged, {
        iteration,
        learningRate,
        suggestion: smallerRate(learningRate),
        reason: text[`divergence.${reason}`] ?? reason,
      }),
      actions: [{ label: text.reset, run: actions.reset }],
    });
  } else if (restarted) {
    messages.push({
      kind: "info",
      text: format(text.restartedRate, restarted),
      actions: [{ label: text.dismiss, run: actions.dismissRestarted }],
    });
  }
  messages.push(...notes);
  return messages;
}

export class Notice {
  constructor(root) {
    this.root = root;
    this.key = "";
  }

  /**
   * Shows `messages`: [{kind: "warning" | "error", text, actions: [{label, run}]}];
   * none hides the notice. Unchanged messages leave the DOM (and focus) alone.
   */
  show(messages) {
    const key = JSON.stringify(messages.map((m) => [m.kind, m.text, (m.actions ?? []).map((a) => a.label)]));
    if (key === this.key) return;
    this.key = key;
    this.root.replaceChildren(
      ...messages.map((message) => {
        const buttons = (message.actions ?? []).map((action) => {
          const button = h("button", { type: "button" }, [action.label]);
          button.addEventListener("click", action.run);
          return button;
        });
        return h("p", { class: `message ${message.kind}` }, [
          h("span", {}, [message.text]),
          ...buttons,
        ]);
      }),
    );
    this.root.hidden = messages.length === 0;
  }
}

/** Nothing to say: the notice's state when all is well. */
const QUIET = Object.freeze({
  loadError: null, // why the wasm could not be loaded
  rejections: [], // rejected settings, already worded
  buildError: null, // why the last Playground could not be built
  pointsMessage: null, // {kind, text} after a CSV or model file was loaded, or training reached the iteration cap
  crash: null, // {message} once a wasm call has failed
  divergence: null, // {iteration, learningRate, reason} once diverged
  restarted: null, // {learningRate}: a new rate ended a divergence, training began again
  linkWithoutPoints: null, // {count}: a link was copied that cannot carry your own points
  motionNote: false, // autoplay was skipped for reduced motion
  playRefused: false, // play() was refused because an experiment is running
  unknownControls: [], // names in the `controls` attribute that are not controls
});

export class Notices {
  #state = QUIET;
  #notice = null;
  #text = null;
  #actions;

  /** `actions`: the buttons' callbacks, `{dismissRejections, rebuild, reset, play, cancelExperiment}`. */
  constructor(actions) {
    this.#actions = actions;
  }

  /** More buttons' callbacks, from the room that can do them (`{exportCsv, saveModel}`). */
  provide(actions) {
    this.#actions = { ...this.#actions, ...actions };
  }

  /** What the notice says now (frozen: change it with `set`). */
  get state() {
    return this.#state;
  }

  /** Shows the notice in `root`, in the language of `text` (a new one after a language change). */
  attach(root, text) {
    this.#notice = new Notice(root);
    this.#text = text;
    this.#show();
  }

  /** Changes the parts of the state in `patch` and shows the result. */
  set(patch) {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    this.#show();
  }

  #show() {
    if (!this.#notice) return;
    const text = this.#text;
    const { unknownControls, motionNote, playRefused, ...state } = this.#state;
    // Notes for the page's author or reader: unknown control names, skipped autoplay, refused Play.
    // Intl only when there is an unknown name: its first use in a page costs ~20 ms (#15, the first frame).
    const names = unknownControls.length ? new Intl.ListFormat(text.locale, { type: "disjunction" }).format(CONTROL_NAMES) : "";
    const notes = unknownControls.map((name) => ({ kind: "warning", text: format(text.controlsUnknown, { name, names }) }));
    if (playRefused) {
      notes.push({ kind: "info", text: text.playDuringExperiment, actions: [{ label: text.cancelTheExperiment, run: this.#actions.cancelExperiment }] });
    }
    if (motionNote) {
      notes.push({ kind: "info", text: text.reducedMotionAutoplay, actions: [{ label: text.play, run: this.#actions.play }] });
    }
    const actions = {
      ...this.#actions,
      dismissPoints: () => this.set({ pointsMessage: null }),
      dismissRestarted: () => this.set({ restarted: null }),
      dismissLinkWarning: () => this.set({ linkWithoutPoints: null }),
    };
    this.#notice.show(noticeMessages({ ...state, notes }, text, actions));
  }
}
