// Served into every page the cross-engine tests open, as the first script of
// its <head> (server.mjs), because WebKit's WebDriver has no console log and
// no init scripts: records console errors and warnings, uncaught errors,
// failed resource loads, unhandled rejections and Content-Security-Policy
// violations, from before the page's own scripts run. A classic script, so
// that it runs at once; a file of the page's origin, so that the strict
// policy allows it.
// Installed once per page (it may come both as a driver's init script and
// from the server).
(() => {
  if (window.__engineProbe) return;
  const probe = { problems: [], violations: [], resizeLoops: 0 };
  window.__engineProbe = probe;
  for (const level of ["error", "warn"]) {
    const original = console[level];
    console[level] = function (...args) {
      probe.problems.push(`console.${level}: ${args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ")}`);
      return original.apply(this, args);
    };
  }
  addEventListener(
    "error",
    (event) => {
      const target = event.target;
      if (target instanceof Element) probe.problems.push(`failed to load: ${target.src || target.href}`);
      // Not an exception but the spec's notice that an observed size changed
      // again before the frame ended (delivered next frame). WebKit reported
      // it once as elements were added to a page, although view.js defers
      // its resizes to the next frame: counted here, not a problem, and
      // left to the element (issue #13's note).
      else if (/^ResizeObserver loop/.test(event.message)) probe.resizeLoops += 1;
      else probe.problems.push(`page error: ${event.message}`);
    },
    true,
  );
  addEventListener("unhandledrejection", (event) =>
    probe.problems.push(`unhandled rejection: ${event.reason?.message ?? event.reason}`),
  );
  document.addEventListener("securitypolicyviolation", (event) =>
    probe.violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
  );
})();
