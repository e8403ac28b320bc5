// The course's equations for the model on screen, typeset as MathML, with
// the current shapes: forward propagation, the cost, backward propagation
// and the update, for any number of layers (logistic regression is one).
//
// Each equation carries `data-step` (e.g. "forward-1-z", "backward-2-dw",
// "cost", "update"), so the element can highlight the term being computed
// when training runs slowly; `formulaSteps(layers)` lists them in computing
// order, and `stepsUnderWay` those a part of an iteration trained in parts
// computes. Symbols (tanh, ReLU, σ, log) are the course's notation in every
// language; the section headings come from the string tables.

const MATHML = "http://www.w3.org/1998/Math/MathML";

/** A MathML element with children (nodes or strings, which become text). */
export function m(tag, ...children) {
  const element = document.createElementNS(MATHML, tag);
  element.append(...children);
  return element;
}

export const mi = (name) => m("mi", name);
export const mo = (op) => m("mo", op);
export const mn = (n) => m("mn", String(n));
export const row = (...children) => m("mrow", ...children);

/** Z[l] written the course's way, the layer in brackets (dZ[l] with a prefix). */
export function layered(prefix, letter, l) {
  const name = prefix ? row(mi(prefix), mi(letter)) : mi(letter);
  return m("msup", name, row(mo("["), typeof l === "number" ? mn(l) : mi(l), mo("]")));
}

/** A[l − 1], which the course writes X for the input layer. */
function previous(l) {
  return l > 1 ? layered("", "A", l - 1) : mi("X");
}

const transpose = (x) => m("msup", x, mi("T"));
const oneOverM = () => m("mfrac", mn(1), mi("m"));
const sum = () => m("munder", mo("∑"), mi("i"));

/**
 * log(…) as TeX sets \log: a thin space before the function name (MathML
 * Core gives an <mi> none), the name applied to its bracketed argument.
 */
function log(...argument) {
  const thin = m("mspace");
  thin.setAttribute("width", "0.1667em");
  // Its own row, so that its brackets fit the argument, not the whole line.
  return [thin, mi("log"), mo("\u2061"), row(mo("("), ...argument, mo(")"))];
}

/** A bracket at its own size: the cost's outer pair is split over two <math>s, whose heights differ. */
function unstretched(bracket) {
  const op = mo(bracket);
  op.setAttribute("stretchy", "false");
  return op;
}

/** g′(Z[l]) as the course writes it for each activation. */
function derivative(activation, l) {
  const a = layered("", "A", l);
  switch (activation) {
    case "tanh":
      return row(mo("("), mn(1), mo("−"), m("msup", a, mn(2)), mo(")"));
    case "sigmoid":
      return row(a, mo("⊙"), mo("("), mn(1), mo("−"), a, mo(")"));
    case "relu":
      return row(m("msub", mn(1), row(layered("", "Z", l), mo(">"), mn(0))));
    default: // leaky-relu
      return row(mi("max"), mo("("), mn(0.01), mo(","), m("msub", mn(1), row(layered("", "Z", l), mo(">"), mn(0))), mo(")"));
  }
}

/** The activation of layer l: g for hidden layers, σ for the output. */
function activationName(activation, l, layers) {
  if (l === layers) return mi("σ");
  return mi(activation === "leaky-relu" ? "leaky ReLU" : activation === "relu" ? "ReLU" : activation === "sigmoid" ? "σ" : "tanh");
}

/** #17: an input feature as the course would write it: x₁, x₁², x₁x₂, sin x₁. */
function featureMath(name) {
  const x = (k) => m("msub", mi("x"), mn(k));
  if (name === "x1x2") return row(x(1), x(2));
  const k = name.includes("x2") ? 2 : 1;
  if (name.endsWith("sq")) return m("msubsup", mi("x"), mn(k), mn(2));
  if (name.startsWith("sin")) return row(mi("sin"), mo("\u2061"), x(k));
  return x(k);
}

/** x = [x₁, x₂, …]ᵀ, n_x = …: what one example's input vector holds. */
function inputVector(features) {
  const items = features.flatMap((name, i) => (i === 0 ? [featureMath(name)] : [mo(","), featureMath(name)]));
  const vector = m("msup", row(mo("["), ...items, mo("]")), mi("T"));
  return equation("inputs", mi("x"), mo("="), vector, mo(","), m("msub", mi("n"), mi("x")), mo("="), mn(features.length));
}

/** v_dW[l] (or s_db[l], …): an optimiser's running average of a gradient, the course's notation. */
export function averaged(letter, parameter, l) {
  return m("msub", mi(letter), layered("d", parameter, l));
}

/** v̂ or ŝ, Adam's bias-corrected averages. */
function corrected(letter, parameter, l) {
  return m("msub", m("mover", mi(letter), mo("^")), layered("d", parameter, l));
}

/** x ≔ β·x + (1 − β)·g, the running averages of momentum, RMSprop and Adam. */
function average(letter, beta, parameter, gradient) {
  const x = () => averaged(letter, parameter, "l");
  const b = () => m("msub", mi("β"), mn(beta));
  return equation("update", x(), mo("≔"), b(), x(), mo("+"), mo("("), mn(1), mo("−"), b(), mo(")"), gradient);
}

/** √(s) + ε under a fraction's line. */
const rootPlusEpsilon = (s) => row(m("msqrt", s), mo("+"), mi("ε"));

/**
 * The update of parameter `P` (W or b) of layer l for `optimizer`, as the
 * "Optimization methods" lesson writes it (#16).
 */
function updateLines(optimizer, P) {
  const p = () => layered("", P, "l");
  const g = () => layered("d", P, "l");
  const step = (...rest) => equation("update", p(), mo("≔"), p(), mo("−"), mi("α"), ...rest);
  const power = (beta) => m("msubsup", mi("β"), mn(beta), mi("t"));
  switch (optimizer) {
    case "momentum":
      return [average("v", 1, P, g()), step(averaged("v", P, "l"))];
    case "rmsprop":
      return [average("s", 2, P, m("msup", g(), mn(2))), step(m("mfrac", g(), rootPlusEpsilon(averaged("s", P, "l"))))];
    case "adam":
      return [
        average("v", 1, P, g()),
        average("s", 2, P, m("msup", g(), mn(2))),
        equation("update", corrected("v", P, "l"), mo("="), m("mfrac", averaged("v", P, "l"), row(mn(1), mo("−"), power(1)))),
        equation("update", corrected("s", P, "l"), mo("="), m("mfrac", averaged("s", P, "l"), row(mn(1), mo("−"), power(2)))),
        step(m("mfrac", corrected("v", P, "l"), rootPlusEpsilon(corrected("s", P, "l")))),
      ];
    default:
      return [step(g())];
  }
}

/** The steps in the order one iteration computes them. */
export function formulaSteps(layers) {
  const steps = [];
  for (let l = 1; l <= layers; l += 1) steps.push(`forward-${l}-z`, `forward-${l}-a`);
  steps.push("cost", `backward-${layers}-dz`);
  for (let l = layers; l >= 1; l -= 1) {
    steps.push(`backward-${l}-dw`, `backward-${l}-db`);
    if (l > 1) steps.push(`backward-${l - 1}-dz`);
  }
  steps.push("update");
  return steps;
}

/**
 * #15: the steps that a part of an iteration trained in parts computes,
 * from the trainer's step under way (sepal-wasm's `iterationStep`: `kind +
 * 8 × layer`) in a network of `layers` layers; none between iterations or
 * while the readouts' passes run. The trainer's forward part of the output
 * layer ends with J; its first backward part starts with dZ[L].
 */
export function stepsUnderWay(code, layers) {
  const kind = code % 8;
  const l = (code - kind) / 8;
  const output = l === layers;
  switch (kind) {
    case 1:
      return [`forward-${l}-z`, `forward-${l}-a`, `forward-${l}-dropout`, ...(output ? ["cost"] : [])];
    case 2:
      return [...(output ? [`backward-${l}-dz`] : []), `backward-${l}-dw`, `backward-${l}-db`];
    case 3:
      return [`backward-${l}-dz`];
    case 4:
      return ["update"];
    default:
      return [];
  }
}

/** One equation on a line of its own, `data-step` naming it (display style, left-aligned by the page's CSS). */
export function equation(step, ...children) {
  return brokenEquation(step, children);
}

/**
 * An equation in pieces (arrays of children), each its own <math>, so that
 * a narrow screen wraps it between pieces like words.
 */
function brokenEquation(step, ...pieces) {
  const line = document.createElement("div");
  line.className = "equation";
  if (step) line.setAttribute("data-step", step);
  for (const piece of pieces) {
    const math = m("math", row(...piece));
    math.setAttribute("displaystyle", "true");
    line.append(math);
  }
  return line;
}

/** #17: λ/m (or λ/(2m)) as the Regularization notebook's penalty writes it. */
const lambdaOver = (lambda, denominator) => m("mfrac", mi(lambda), denominator);
const keepProb = () => mi("keep_prob");

/**
 * The equations of a network with layer sizes `sizes` ([n_x, n_1, …, n_L]),
 * hidden `activation`, `m` examples and the inputs `features` (names), as a fragment of sections headed by
 * `text["formulas.forward"]`, `…cost`, `…backward`, `…update`, `…shapes`.
 * With `l2`, `l1` (λ, λ₁ > 0) and `keepProb` < 1 the cost and dW gain their
 * penalty terms and the passes their dropout steps (#17).
 */
export function buildFormulas({ sizes, activation, m: examples, features = ["x1", "x2"], optimizer = "gd", l2 = 0, l1 = 0, keepProb: keep = 1 }, text) {
  const layers = sizes.length - 1;
  const dropout = keep < 1;
  const forward = [];
  for (let l = 1; l <= layers; l += 1) {
    forward.push(
      equation(`forward-${l}-z`, layered("", "Z", l), mo("="), layered("", "W", l), previous(l), mo("+"), layered("", "b", l)),
      equation(`forward-${l}-a`, layered("", "A", l), mo("="), activationName(activation, l, layers), mo("("), layered("", "Z", l), mo(")")),
    );
    if (dropout && l < layers) {
      // Inverted dropout, as the course writes it (training passes only).
      forward.push(
        equation(
          `forward-${l}-dropout`,
          layered("", "D", l), mo("="), mo("("), mi("rand"), mo("("), mn(sizes[l]), mo(","), mi("m"), mo(")"), mo("<"), keepProb(), mo(")"),
        ),
        equation(`forward-${l}-dropout`, layered("", "A", l), mo("≔"), layered("", "A", l), mo("⊙"), layered("", "D", l), mo("/"), keepProb()),
      );
    }
  }
  // a^[L](i) (one superscript, the course's) and y(i), made afresh for each use (a node has one place).
  const a = () => m("msup", mi("a"), row(mo("["), mn(layers), mo("]"), mo("("), mi("i"), mo(")")));
  const y = () => m("msup", mi("y"), row(mo("("), mi("i"), mo(")")));
  const penalties = [];
  if (l2 > 0) {
    const norm = m("msubsup", row(mo("‖"), layered("", "W", "l"), mo("‖")), mi("F"), mn(2));
    penalties.push([mo("+"), lambdaOver("λ", row(mn(2), mi("m"))), m("munder", mo("∑"), mi("l")), norm]);
  }
  if (l1 > 0) {
    penalties.push([mo("+"), lambdaOver("λ₁", mi("m")), m("munder", mo("∑"), mi("l")), mo("∑"), mo("|"), layered("", "W", "l"), mo("|")]);
  }
  const cost = brokenEquation(
    "cost",
    [mi("J"), mo("="), mo("−"), oneOverM(), sum(), unstretched("("), y(), ...log(a())],
    [mo("+"), mo("("), mn(1), mo("−"), y(), mo(")"), ...log(mn(1), mo("−"), a()), unstretched(")")],
    ...penalties,
  );
  // dW's penalty terms, the same for every layer.
  const dwPenalty = (l) => [
    ...(l2 > 0 ? [mo("+"), lambdaOver("λ", mi("m")), layered("", "W", l)] : []),
    ...(l1 > 0 ? [mo("+"), lambdaOver("λ₁", mi("m")), mi("sign"), mo("("), layered("", "W", l), mo(")")] : []),
  ];
  const backward = [
    equation(`backward-${layers}-dz`, layered("d", "Z", layers), mo("="), layered("", "A", layers), mo("−"), mi("Y")),
  ];
  for (let l = layers; l >= 1; l -= 1) {
    backward.push(
      equation(`backward-${l}-dw`, layered("d", "W", l), mo("="), oneOverM(), layered("d", "Z", l), transpose(previous(l)), ...dwPenalty(l)),
      equation(`backward-${l}-db`, layered("d", "b", l), mo("="), oneOverM(), sum(), layered("d", "Z", l)),
    );
    if (l > 1) {
      backward.push(
        equation(
          `backward-${l - 1}-dz`,
          layered("d", "Z", l - 1), mo("="), transpose(layered("", "W", l)), layered("d", "Z", l),
          // With dropout the same units are dropped: dA ⊙ D / keep_prob.
          ...(dropout ? [mo("⊙"), layered("", "D", l - 1), mo("/"), keepProb()] : []),
          mo("⊙"), derivative(activation, l - 1),
        ),
      );
    }
  }
  // Every line is the one step "update".
  const update = [...updateLines(optimizer, "W"), ...updateLines(optimizer, "b")];
  const shapes = [inputVector(features), equation("shapes-x", mi("X"), mo(":"), mn(`${sizes[0]}×${examples}`), mo(","), mi("Y"), mo(":"), mn(`1×${examples}`))];
  for (let l = 1; l <= layers; l += 1) {
    shapes.push(
      equation(
        `shapes-${l}`,
        layered("", "W", l), mo(":"), mn(`${sizes[l]}×${sizes[l - 1]}`), mo(","),
        layered("", "b", l), mo(":"), mn(`${sizes[l]}×1`),
      ),
      equation(`shapes-${l}-za`, layered("", "Z", l), mo(","), layered("", "A", l), mo(":"), mn(`${sizes[l]}×${examples}`)),
    );
  }
  const section = (name, items) => {
    const element = document.createElement("section");
    element.className = `formula-group ${name}`;
    const heading = document.createElement("h3");
    heading.textContent = name === "update" && optimizer !== "gd" ? text[`formulas.update.${optimizer}`] : text[`formulas.${name}`];
    element.append(heading, ...items);
    return element;
  };
  const fragment = document.createDocumentFragment();
  fragment.append(
    section("forward", forward),
    section("cost", [cost]),
    section("backward", backward),
    section("update", update),
    section("shapes", shapes),
  );
  return fragment;
}
