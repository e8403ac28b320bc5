// Frames of Sepal's page (index.html?embed=1…) say how tall they are; each
// frame that says so is made that tall, so nothing in it is cut off or
// scrolls inside the notes. The three lines in README, as a file because
// this page's Content-Security-Policy allows no inline script.
addEventListener("message", ({ source, data }) => {
  if (data?.type !== "sepal:height") return;
  for (const frame of document.querySelectorAll("iframe")) if (frame.contentWindow === source) frame.style.height = `${data.height}px`;
});
