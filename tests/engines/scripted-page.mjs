// The harness's page interface over a Playwright or Puppeteer page (their
// evaluate, keyboard, touchscreen, mouse and screenshot calls agree), so
// chromium.mjs and firefox.mjs say only how they launch and listen.

/** Console levels that count as problems (Playwright says "warning", Puppeteer's BiDi "warn"). */
const PROBLEM_LEVELS = ["error", "warn", "warning"];

/**
 * `{problems, initScripts, touch, evaluate, press, tap, screenshot, close}`
 * for `page`, collecting its console errors and warnings and page errors
 * from now on (call it before `goto`); `keys` maps the harness's key names
 * to the library's, `close` ends the page's browser context.
 */
export function scriptedPage(page, { touch, keys, close }) {
  const problems = [];
  page.on("console", (message) => {
    if (PROBLEM_LEVELS.includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return {
    problems,
    initScripts: true,
    touch,
    evaluate: (source, args) => page.evaluate(`(${source})(...${JSON.stringify(args)})`),
    press: (key) => page.keyboard.press(keys[key]),
    tap: (x, y) => (touch ? page.touchscreen.tap(x, y) : page.mouse.click(x, y)),
    screenshot: () => page.screenshot(),
    close,
  };
}
