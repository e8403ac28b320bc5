// Settings in the address bar.
//
// Reading: the query string first, then the hash, as `[name, value]` pairs in
// that order, so that when both name a setting the hash wins (the settings
// parser applies pairs in order). Query parameters that are not settings are
// left alone, as they may belong to the page; everything in the hash is ours.
//
// Writing: the settings that differ from their defaults go into the hash, and
// the settings are taken out of the query (other parameters stay), with
// `history.replaceState`: no new history entry, no reload, no `hashchange`.

import { SETTINGS } from "./settings-table.js";

/** Every setting's URL parameter and attribute name, in the table's order. */
export const SETTING_PARAMS = SETTINGS.map((row) => row.param);

/** `name=value&...` pairs of a query string or hash (a leading ? or # is ignored). */
function parsePairs(text) {
  return [...new URLSearchParams(text.replace(/^[?#]/, ""))];
}

/**
 * The settings named in `location`: `[name, value]` pairs, query first.
 * `isSetting(name)` says whether a query parameter is a setting.
 */
export function readUrlSettings(location, isSetting) {
  const query = parsePairs(location.search).filter(([name]) => isSetting(name));
  const hash = parsePairs(location.hash).filter(([name]) => name !== "");
  return [...query, ...hash];
}

/** A pair as it reads best in an address bar: commas stay commas. */
export function encodePair([name, value]) {
  const encode = (text) => encodeURIComponent(text).replace(/%2C/gi, ",");
  return `${encode(name)}=${encode(value)}`;
}

/**
 * Puts `pairs` (`[param, value]`, only the non-default settings) in the hash
 * of the current address and takes the settings out of its query.
 */
export function writeUrlSettings(pairs, isSetting, location, history) {
  const url = new URL(location.href);
  for (const name of [...url.searchParams.keys()]) {
    if (isSetting(name)) url.searchParams.delete(name);
  }
  url.hash = pairs.map(encodePair).join("&");
  if (url.href !== location.href) history.replaceState(history.state, "", url.href);
}
