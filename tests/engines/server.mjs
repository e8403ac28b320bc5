// The cross-engine tests' view of the page: a proxy in front of the served
// www/ (SEPAL_URL, our own server with its strict policy) that counts the
// requests for each path — the one way to count them in every engine,
// since WebKit's WebDriver sees no network — and puts probe.js first in
// every HTML page's <head>. It also serves the tests' own pages (`pages`,
// path → HTML), under the policy the real index.html comes with.

import http from "node:http";
import { readFile } from "node:fs/promises";

const PROBE = "/__engine-probe.js";
const PASSED_HEADERS = ["content-type", "content-security-policy", "cache-control"];

export async function startServer(target, pages = {}) {
  const probe = await readFile(new URL("probe.js", import.meta.url));
  const index = await fetch(target, { signal: AbortSignal.timeout(30_000) });
  const policy = index.headers.get("content-security-policy");
  await index.arrayBuffer();
  const hits = new Map();

  const server = http.createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    try {
      if (path === PROBE) {
        response.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-cache" });
        return response.end(probe);
      }
      if (path in pages) {
        response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": policy });
        return response.end(withProbe(pages[path]));
      }
      const upstream = await fetch(new URL(request.url, target), { signal: AbortSignal.timeout(30_000) });
      const headers = {};
      for (const name of PASSED_HEADERS) {
        const value = upstream.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      let body = Buffer.from(await upstream.arrayBuffer());
      if (headers["content-type"]?.startsWith("text/html")) body = Buffer.from(withProbe(body.toString("utf8")));
      response.writeHead(upstream.status, headers);
      response.end(request.method === "HEAD" ? undefined : body);
    } catch (error) {
      response.writeHead(502, { "content-type": "text/plain" });
      response.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** How many requests for `path` (e.g. "/pkg/sepal_bg.wasm") since the last reset. */
    hits: (path) => hits.get(path) ?? 0,
    /** The paths requested more than once since the last reset, with their counts. */
    repeated: () => Object.fromEntries([...hits].filter(([, count]) => count > 1)),
    resetHits: () => hits.clear(),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function withProbe(html) {
  return html.replace(/<head>/i, `<head><script src="${PROBE}"></script>`);
}
