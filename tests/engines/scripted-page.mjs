// The harness's page interface over a Playwright or Puppeteer page (their
// evaluate, keyboard, touchscreen, mouse and screenshot calls agree), so
// chromium.mjs and firefox.mjs say only how they launch and listen.

/**
 * `{problems, initScripts, touch, evaluate, press, tap, screenshot, close}`
 * for `page`; `keys` maps the harness's key names to the library's, `close`
 * ends the page's browser context.
 */
export function scriptedPage(page, { problems, touch, keys, close }) {
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
