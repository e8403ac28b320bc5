// The page around the element (index.html). With `?embed=1` in the address
// it is the element alone, without the heading and the text, for an
// <iframe> in course notes; `?controls=…` (the element's attribute, names
// separated by commas or +) chooses what the frame's readers may change.
// `?folded=` (the element's attribute) chooses the panels that start
// folded, e.g. ?folded=none opens the formulas too. The element's settings
// (autoplay=1, hidden-units=3, …) come from the same address.
//
// In a frame, the page tells its parent its height whenever it changes:
// postMessage({type: "sepal:height", height}) with the height in CSS px, so
// that the parent can make the frame as tall as the page (README has the
// three lines; examples/frame-height.js is them). The page's own text follows the element's language (`lang`):
// the parts marked lang="en" or lang="zh" show for their language.
//
// The language links (`<a href="#lang=zh" data-lang="zh">`) switch without
// leaving the page: followed, each points to the current hash (the
// settings) with only `lang` changed, and the element, which follows the
// hash, relabels itself, its run and points untouched (`lang` changes
// nothing but the words). Without this script they are plain links to the
// page in that language.

const query = new URLSearchParams(globalThis.location.search);
if (query.get("embed") === "1") document.documentElement.classList.add("embed");
const element = document.querySelector("sepal-playground");
for (const attribute of ["controls", "folded"]) {
  if (query.has(attribute)) element?.setAttribute(attribute, query.get(attribute));
}

if (globalThis.parent !== globalThis) {
  let posted = 0;
  const postHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    globalThis.parent.postMessage({ type: "sepal:height", height }, "*");
  };
  new ResizeObserver(postHeight).observe(document.documentElement);
}

/** Shows the page's text in the element's language. */
let shown = "en";
function followLanguage() {
  const lang = element?.settings?.lang === "zh" ? "zh" : "en";
  if (lang === shown) return;
  shown = lang;
  document.documentElement.lang = lang;
  for (const part of document.querySelectorAll("body [lang]")) {
    if (part.closest("sepal-playground")) continue;
    part.hidden = part.lang !== lang;
  }
}

if (element) {
  element.ready.then(followLanguage, () => {});
  // A change of language (the hash, an attribute) redraws the element, which then reports progress.
  globalThis.addEventListener("hashchange", () => element.ready.then(followLanguage, () => {}));
  element.addEventListener("progress", followLanguage);
}

/** The address of this page in `lang`: the element's settings (its hash, written now) with `lang` changed. */
function inLanguage(lang) {
  const url = new URL(element?.link ?? globalThis.location.href);
  const pairs = new URLSearchParams(url.hash.slice(1));
  pairs.set("lang", lang);
  url.hash = pairs.toString().replaceAll("%2C", ",");
  return url.href;
}

// The link's address is brought up to date before the browser reads it:
// when it is pressed (any button: also to open a new tab or copy the link),
// focused (for the keyboard) and clicked.
for (const link of document.querySelectorAll("a[data-lang]")) {
  const point = () => {
    link.href = inLanguage(link.dataset.lang);
  };
  for (const type of ["pointerdown", "focus", "click", "contextmenu"]) link.addEventListener(type, point);
}
