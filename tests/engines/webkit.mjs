// WebKitGTK (Safari's engine family) through plain W3C WebDriver over HTTP:
// WebKitWebDriver drives MiniBrowser, which has no headless mode and runs on
// the X display xvfb-run gives the test run (`cargo xtask test` starts it).
// Node's fetch is the client; every command has a time limit, since a
// browser that cannot start hangs rather than fails. Behind the interface
// harness.mjs describes. No console log endpoint and no init scripts: the
// page's problems come from probe.js, served into every page.

import { spawn } from "node:child_process";
import { createServer } from "node:net";

const COMMAND_LIMIT = 120_000;
// WebDriver's key codes (https://w3c.github.io/webdriver/#keyboard-actions).
const KEYS = { Tab: "\uE004", Enter: "\uE007", Space: "\uE00D", ArrowRight: "\uE014", ArrowLeft: "\uE012", Home: "\uE011", End: "\uE010", Escape: "\uE00C" };

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function launch() {
  if (!process.env.DISPLAY) throw new Error("WebKit needs an X display: run the tests under xvfb-run (cargo xtask test does)");
  const port = await freePort();
  const driver = spawn(process.env.WEBKIT_DRIVER || "/usr/bin/WebKitWebDriver", [`--port=${port}`], { stdio: "ignore" });
  const stop = () => driver.kill();
  process.on("exit", stop);
  const base = `http://127.0.0.1:${port}`;

  async function call(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(COMMAND_LIMIT),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  for (let started = Date.now(); ; ) {
    try {
      if ((await call("GET", "/status")).ready) break;
    } catch (error) {
      if (Date.now() - started > 20_000) {
        stop();
        throw new Error(`WebKitWebDriver did not answer on port ${port}: ${error.message}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const capabilities = {
    alwaysMatch: {
      "webkitgtk:browserOptions": {
        binary: process.env.MINIBROWSER || "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
        args: ["--automation"],
      },
    },
  };
  let version = null;

  return {
    get version() {
      return version;
    },
    // One session (one MiniBrowser, ephemeral) per page: a fresh profile,
    // as the other engines' new contexts.
    async open(url, { width, height }) {
      const session = await call("POST", "/session", { capabilities });
      version ??= session.capabilities.browserVersion;
      const at = `/session/${session.sessionId}`;
      const evaluate = async (source, args) => {
        const script = `const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${source})(...arguments[0])).then(
            (value) => done({ value: value === undefined ? null : value }),
            (error) => done({ error: String(error?.message ?? error) + " " + String(error?.stack ?? "") }),
          );`;
        const result = await call("POST", `${at}/execute/async`, { script, args: [args] });
        if (result?.error) throw new Error(`in the page: ${result.error}`);
        return result.value;
      };
      const actions = (list) => call("POST", `${at}/actions`, { actions: list });
      try {
        await call("POST", `${at}/timeouts`, { script: COMMAND_LIMIT - 10_000, pageLoad: 60_000 });
        // The window's size is the viewport's plus MiniBrowser's own frame.
        let rect = await call("POST", `${at}/window/rect`, { width, height });
        const inner = await evaluate(() => [innerWidth, innerHeight], []);
        await call("POST", `${at}/window/rect`, { width: rect.width + width - inner[0], height: rect.height + height - inner[1] });
        await call("POST", `${at}/url`, { url });
        return {
          problems: [],
          initScripts: false,
          // WebKitGTK's driver takes touch pointer actions but delivers them
          // as mouse events (pointerType "mouse"; the GTK port simulates no
          // touch): taps here are clicks at the same place.
          touch: false,
          evaluate,
          press: (key) =>
            actions([{ type: "key", id: "keyboard", actions: [{ type: "keyDown", value: KEYS[key] }, { type: "keyUp", value: KEYS[key] }] }]),
          tap: (x, y) =>
            actions([
              {
                type: "pointer",
                id: "mouse",
                parameters: { pointerType: "mouse" },
                actions: [
                  { type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport" },
                  { type: "pointerDown", button: 0 },
                  { type: "pointerUp", button: 0 },
                ],
              },
            ]),
          screenshot: async () => Buffer.from(await call("GET", `${at}/screenshot`), "base64"),
          close: () => call("DELETE", at).catch(() => {}),
        };
      } catch (error) {
        await call("DELETE", at).catch(() => {});
        throw error;
      }
    },
    async close() {
      stop();
    },
  };
}
