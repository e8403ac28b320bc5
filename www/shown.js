// The `controls` and `folded` attributes. `controls`: which controls and panels an element shows, so
// that a teacher decides what students may change. The plot, its legend and
// the live numbers are always there.
//
//   controls="play step reset learning-rate formulas"
//
// Names are separated by spaces or commas; no attribute (or "all") shows
// everything, an empty one (or "none") nothing but the plot and numbers.
// "experiments" shows every experiment; "sweep", "learning-rates",
// "activations" and "inits" show one each.

import { SETTINGS } from "./settings-table.js";
import { EXPERIMENTS } from "./experiments.js";

const EXPERIMENT_NAMES = Object.keys(EXPERIMENTS);

/**
 * Every name, in the order the element lays them out: the buttons, a field
 * per setting of the training controls (from the settings table), the
 * panels and the experiments.
 */
export const CONTROL_NAMES = [
  "play",
  "step",
  "reset",
  ...SETTINGS.filter((row) => row.place === "controls").map((row) => row.param),
  "link",
  "save",
  "load",
  "data",
  "chart",
  "formulas",
  "network",
  "experiments",
  ...EXPERIMENT_NAMES,
];

/**
 * `{shows(name), unknown}` for an attribute value (null when there is no
 * attribute): `shows` says whether a control is shown, `unknown` lists the
 * names that are not controls.
 */
export function parseControls(value) {
  const words = value === null ? ["all"] : value.split(/[\s,]+/).filter(Boolean);
  const all = words.includes("all");
  const chosen = new Set(words.filter((w) => CONTROL_NAMES.includes(w)));
  if (chosen.has("experiments")) for (const name of EXPERIMENT_NAMES) chosen.add(name);
  const unknown = words.filter((w) => w !== "all" && w !== "none" && !CONTROL_NAMES.includes(w));
  const shows = (name) => {
    if (all) return true;
    if (name === "experiments") return EXPERIMENT_NAMES.some((e) => chosen.has(e));
    return chosen.has(name);
  };
  return { shows, unknown };
}

// The `folded` attribute (and index.html's `?folded=`): the panels that
// start folded, so that notes choose what a reader first sees.
//
//   folded="formulas network"
//
// Names from FOLDABLE, separated by spaces or commas; no attribute folds the
// formulas (the full page's first screen is the plot and the network), an
// empty one (or "none") folds nothing. A person opens and folds them anyway.

export const FOLDABLE = ["formulas", "network"];

/** The set of panels an attribute value (null when there is none) folds. */
export function parseFolded(value) {
  const words = value === null ? ["formulas"] : value.split(/[\s,]+/);
  return new Set(words.filter((w) => FOLDABLE.includes(w)));
}
