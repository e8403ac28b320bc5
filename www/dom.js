// A small helper for building the element's DOM without innerHTML: text
// always goes in as text.

/**
 * `<tag>` with `attributes` (`class`, `part`, `aria-*`, ... as attributes;
 * `hidden`, `disabled` and the like as booleans when given `true`) and
 * `children` (nodes, or strings that become text nodes).
 */
export function h(tag, attributes = {}, children = []) {
  return fill(document.createElement(tag), attributes, children);
}

/** The same for an SVG element (`<svg>`, `<g>`, `<line>`, `<text>`, …): text stays text. */
export function svg(tag, attributes = {}, children = []) {
  return fill(document.createElementNS("http://www.w3.org/2000/svg", tag), attributes, children);
}

function fill(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}
