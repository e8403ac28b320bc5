// One animation frame loop for every <sepal-playground> on the page, and one
// training budget per frame shared among them.
//
// Each element's frame loop (frame-loop.js) registers here while it plays;
// one requestAnimationFrame callback runs them all in turn, so that twenty
// elements on a page of notes cost one frame's work, not twenty. Each
// element's pacer (pacer.js) gets a `slice` of the frame: its `share` of the
// page's training budget (an equal share of the elements due this frame),
// the page's drawing time (what all of them drawing takes, which the
// budget leaves room for) and the page's frame interval (which steers the
// budget at speed=max).
//
// Elements off screen (IntersectionObserver) take turns: one of them a
// frame, in order. On its turn an element trains one frame's worth (at its
// speed, for the time since its last turn but at most pacer.js's longest
// gap) and draws, so it trains no faster than it draws; it keeps advancing
// (its `progress` events keep coming), and however many elements a page
// has, a frame draws those on screen and one more.

class FrameScheduler {
  #clients = new Map(); // frame loop -> {element, due: whether it takes this frame}
  #turn = 0; // counts frames: which element off screen takes this one
  #visible = new WeakMap(); // element -> whether it is on screen
  #observer = null;
  #request = 0;
  #lastFrame = null;
  // Reused every frame: what the pacers read (see pacer.js `train`).
  #slice = { share: 1, drawMs: 0, interval: null };

  /**
   * `loop` plays from the next frame: its `frame(now, slice)` is called,
   * and its `pacer.drawMs` read, every frame while `element` is on screen,
   * else on its turn.
   */
  add(loop, element) {
    if (this.#clients.has(loop)) return;
    this.#clients.set(loop, { element, due: false });
    if (globalThis.IntersectionObserver) {
      this.#observer ??= new IntersectionObserver(this.#onVisibility);
      this.#observer.observe(element);
    }
    if (!this.#request) {
      this.#lastFrame = null;
      this.#request = requestAnimationFrame(this.#tick);
    }
  }

  /** `loop` stopped playing. */
  remove(loop) {
    const client = this.#clients.get(loop);
    if (!client) return;
    this.#clients.delete(loop);
    this.#observer?.unobserve(client.element);
    if (this.#clients.size === 0) {
      cancelAnimationFrame(this.#request);
      this.#request = 0;
    }
  }

  #onVisibility = (entries) => {
    for (const entry of entries) this.#visible.set(entry.target, entry.isIntersecting);
  };

  /** Whether `element` is on screen (until the observer says, it counts as on screen). */
  #onScreen(element) {
    return this.#visible.get(element) !== false;
  }

  #tick = (now) => {
    this.#request = 0;
    const slice = this.#slice;
    slice.interval = this.#lastFrame === null ? null : now - this.#lastFrame;
    this.#lastFrame = now;
    // Which loop off screen takes this frame: the turn-th of them, in order.
    let offScreen = 0;
    for (const client of this.#clients.values()) if (!this.#onScreen(client.element)) offScreen += 1;
    const turn = offScreen === 0 ? -1 : this.#turn % offScreen;
    this.#turn = (this.#turn + 1) % Number.MAX_SAFE_INTEGER;
    let due = 0;
    let drawMs = 0;
    let index = 0;
    for (const [loop, client] of this.#clients) {
      client.due = this.#onScreen(client.element) || index++ === turn;
      if (!client.due) continue;
      due += 1;
      drawMs += loop.pacer.drawMs;
    }
    slice.share = 1 / Math.max(1, due);
    slice.drawMs = drawMs;
    // A loop may stop (and leave the map) during its own frame or another's.
    for (const [loop, client] of this.#clients) {
      if (client.due) loop.frame(now, slice);
    }
    if (this.#clients.size > 0 && !this.#request) this.#request = requestAnimationFrame(this.#tick);
  };
}

/** The page's one scheduler. */
export const frameScheduler = new FrameScheduler();
