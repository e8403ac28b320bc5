// Numbers that change in place. A view built once for a shape (the
// derivation's graph and terms) registers each number, and each attribute
// that follows one, as a getter of the data; `update(data)` starts a pass
// that rewrites only those, and `work(deadline)` runs it — all at once, or
// a slice a frame while training plays, so that a large graph never makes
// a frame late (for a moment its numbers are from two nearby iterations).
// A view built in parts (#15) registers its numbers as it goes: once a
// pass has begun, each new one shows the latest data when registered.

export class LiveNumbers {
  #items = [];
  #prepare = [];
  #data = null;
  #cursor = 0;
  #left = 0; // items the current pass has still to rewrite

  /** `format(value)` writes a number. */
  constructor(format) {
    this.format = format;
  }

  /** A text node showing `format(get(data))`. */
  number(get) {
    return this.text((data) => this.format(get(data)));
  }

  /** A text node showing `get(data)`. */
  text(get) {
    const node = document.createTextNode("");
    this.#add((data) => {
      const value = get(data);
      if (node.nodeValue !== value) node.nodeValue = value;
    });
    return node;
  }

  /** `apply(data)` on every pass (an attribute that follows the numbers). */
  each(apply) {
    this.#add(apply);
  }

  /**
   * A new item, applied at once to the latest data if there is any. A pass
   * under way counts one more: it may wrap past the end where the item is.
   */
  #add(item) {
    this.#items.push(item);
    if (this.#data === null) return;
    item(this.#data);
    if (this.#left > 0) this.#left += 1;
  }

  /** `compute(data)` once at the start of every pass, before any item (what several items share). */
  prepare(compute) {
    this.#prepare.push(compute);
  }

  /** Starts a pass over every item with `data` (a pass under way goes on with it from where it is). */
  update(data) {
    this.#data = data;
    for (const compute of this.#prepare) compute(data);
    this.#left = this.#items.length;
  }

  /** Whether a pass is under way. */
  get pending() {
    return this.#left > 0;
  }

  /** Rewrites items until the pass is done or `deadline` (performance.now()) passes; returns whether it is done. */
  work(deadline = Infinity) {
    const items = this.#items;
    for (let n = 1; this.#left > 0; n += 1) {
      items[this.#cursor](this.#data);
      this.#cursor = (this.#cursor + 1) % items.length;
      this.#left -= 1;
      if (n % 32 === 0 && performance.now() > deadline) break;
    }
    return this.#left === 0;
  }
}
