// How the tests and the benchmarks start Chromium: Debian's, headless,
// with the flags it needs in a container without a GPU or a sandbox.
// Plain options (no playwright import), so bench/ can use them with its
// own copy of playwright-core.

export function chromiumOptions() {
  return {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  };
}
