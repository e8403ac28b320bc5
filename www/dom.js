// A small helper for building the element's DOM without innerHTML: text
// always goes in as text.

/**
 * `<tag>` with `attributes` (`class`, `part`, `aria-*`, ... as attributes;
 * `hidden`, `disabled` and the like as booleans when given `true`) and
 * `children` (nodes, or strings that become text nodes).
 */
export function h(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}
