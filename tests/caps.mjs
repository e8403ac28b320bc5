// The largest network the settings allow (#15 "never freeze"), and how the
// tests at that size watch the main thread.

/** Six hidden layers of 64 units and 10,000 points: the caps. */
export const CAPS = "#model=deep&layers=64,64,64,64,64,64&points=10000";

/**
 * The bound on one main-thread task at the caps. Generous: the point is
 * that what is now done in parts was one task of 0.15 s to minutes there
 * (an iteration, a build, the batch's gradients, a gradient check), and a
 * shared machine stretches the wall clock of every task 2–4×.
 */
export const LONG_TASK_MS = 250;

/** In the page: records long tasks' durations into window.__tasks. */
export const watchLongTasks = () => {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks.push(Math.round(entry.duration));
  }).observe({ type: "longtask" });
};
