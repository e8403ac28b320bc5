// The page around the element (index.html). With `?embed=1` in the address
// it is the element alone, without the heading and the text, for an
// <iframe> in course notes; `?controls=…` (the element's attribute, names
// separated by commas or +) chooses what the frame's readers may change.
// The element's settings (autoplay=1, hidden-units=3, …) come from the same
// address.

const query = new URLSearchParams(globalThis.location.search);
if (query.get("embed") === "1") document.documentElement.classList.add("embed");
if (query.has("controls")) document.querySelector("sepal-playground")?.setAttribute("controls", query.get("controls"));
