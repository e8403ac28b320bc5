// The notice (`part="notice"`): what was rejected and why, that training
// diverged, or that the model failed. Each message is a paragraph of text
// (set as text, never parsed as HTML) with optional buttons.

import { h } from "./dom.js";

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
