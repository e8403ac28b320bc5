//! The benchmark's table: each row's figure, where Sepal's value and its
//! reference's come from in the sources, and the goal it is judged by.
//! What is measured is the runner's (`mod.rs`); how the table is printed
//! and written, `report.rs`'s.

use super::{Source, Sources};
use serde_json::Value;

/// A measured value, or why there is none.
pub type Figure = std::result::Result<f64, String>;

#[derive(Clone, Copy, PartialEq)]
pub enum Unit {
    Micros,
    Millis,
    PerSecond,
    Fps,
    Kilobytes,
}

impl Unit {
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Micros if value < 10.0 => format!("{value:.2} µs"),
            Unit::Micros if value < 1000.0 => format!("{value:.1} µs"),
            Unit::Micros => format!("{} µs", thousands(value)),
            Unit::Millis if value < 10.0 => format!("{value:.2} ms"),
            Unit::Millis => format!("{value:.1} ms"),
            Unit::PerSecond if value < 100.0 => format!("{value:.1} it/s"),
            Unit::PerSecond => format!("{} it/s", thousands(value)),
            Unit::Fps => format!("{value:.1} fps"),
            Unit::Kilobytes => format!("{value:.1} KB"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Micros => "us",
            Unit::Millis => "ms",
            Unit::PerSecond => "iterations/s",
            Unit::Fps => "frames/s",
            Unit::Kilobytes => "KB (1000 bytes)",
        }
    }
}

fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 {
        out.insert(0, '-');
    }
    out
}

/// A goal, shown in the table and judged, never asserted.
#[derive(Clone)]
pub enum Goal {
    /// The ratio reference / Sepal at least this.
    RatioAtLeast(f64),
    /// Sepal's value at most this (in the row's unit).
    AtMost(f64),
    /// Sepal's value at least this.
    AtLeast(f64),
    /// Grows no faster than linearly from `base` as the size grows by
    /// `factor` (with 50 % slack for noise): value / base ≤ 1.5 · factor.
    Linear { base: Figure, factor: f64 },
    /// At most `factor` times `base` (no slack): Adam's iteration against GD's.
    TimesAtMost { base: Figure, factor: f64 },
}

pub struct Row {
    pub figure: String,
    pub unit: Unit,
    pub sepal: Figure,
    /// Shown after Sepal's value, e.g. "(×6.6 from m = 400)".
    pub sepal_note: String,
    /// The reference's name and value (same unit).
    pub reference: Option<(String, Figure)>,
    pub goal: Option<Goal>,
}

impl Row {
    pub fn new(figure: impl Into<String>, unit: Unit, sepal: Figure) -> Row {
        Row {
            figure: figure.into(),
            unit,
            sepal,
            sepal_note: String::new(),
            reference: None,
            goal: None,
        }
    }

    pub fn vs(mut self, name: impl Into<String>, value: Figure) -> Row {
        self.reference = Some((name.into(), value));
        self
    }

    pub fn goal(mut self, goal: Goal) -> Row {
        self.goal = Some(goal);
        self
    }

    /// How many times faster Sepal is: reference / Sepal (both times).
    pub fn ratio(&self) -> Option<Figure> {
        let (_, reference) = self.reference.as_ref()?;
        Some(match (&self.sepal, reference) {
            (Ok(s), Ok(r)) if *s > 0.0 => Ok(r / s),
            (Ok(_), Ok(_)) => Err("Sepal's time is zero".into()),
            (Err(e), _) | (_, Err(e)) => Err(e.clone()),
        })
    }

    pub fn goal_text(&self) -> String {
        let Some(goal) = &self.goal else {
            return "—".into();
        };
        match goal {
            Goal::RatioAtLeast(k) => format!("≥ {}×", trim_number(*k)),
            Goal::AtMost(v) => format!("≤ {}", self.unit.format(*v).replace(".0 ", " ").replace(".00 ", " ")),
            Goal::AtLeast(v) => format!("≥ {}", self.unit.format(*v).replace(".0 ", " ").replace(".00 ", " ")),
            Goal::Linear { factor, .. } => format!("≤ linear (size ×{})", trim_number(*factor)),
            Goal::TimesAtMost { factor, .. } => format!("≤ {}× GD", trim_number(*factor)),
        }
    }

    /// Some(pass) when judgeable, None when a figure is missing.
    pub fn pass(&self) -> Option<bool> {
        let sepal = self.sepal.as_ref().ok()?;
        match self.goal.as_ref()? {
            Goal::RatioAtLeast(k) => Some(self.ratio()?.ok()? >= *k),
            Goal::AtMost(v) => Some(sepal <= v),
            Goal::AtLeast(v) => Some(sepal >= v),
            Goal::Linear { base, factor } => Some(sepal / base.as_ref().ok()? <= 1.5 * factor),
            Goal::TimesAtMost { base, factor } => Some(sepal / base.as_ref().ok()? <= *factor),
        }
    }
}

fn trim_number(value: f64) -> String {
    if value.fract() == 0.0 {
        thousands(value)
    } else {
        format!("{value}")
    }
}

/// A number at `path` in a source, or why it is missing: the source's own
/// failure, an `error` the browser driver recorded for that part, or the
/// key being absent.
fn figure(source: &Source, path: &[&str]) -> Figure {
    let not_a_number = || format!("`{}` is not a number", path.join("."));
    let mut node = source.as_ref().map_err(Clone::clone)?;
    for (depth, key) in path.iter().enumerate() {
        if let Some(Value::String(e)) = node.get("error") {
            return Err(e.clone());
        }
        node = node.get(key).ok_or_else(|| match depth {
            // One reason per part that did not run (BENCH_ONLY, say).
            0 => format!("no `{key}` part in the results"),
            _ => format!("no `{}` in the results", path.join(".")),
        })?;
    }
    match node {
        Value::Number(n) => n.as_f64().filter(|n| n.is_finite()).ok_or_else(not_a_number),
        Value::String(s) => Err(s.clone()),
        _ => Err(not_a_number()),
    }
}

fn scaled(figure: Figure, by: f64) -> Figure {
    figure.map(|v| v * by)
}

pub fn rows(s: &Sources) -> Vec<Row> {
    let browser = |path: &[&str]| figure(&s.browser, path);
    let numpy = |key: &str| figure(&s.numpy, &[key]);
    let native = |key: &str| figure(&s.native, &[key]);
    let iteration = browser(&["sepal", "iteration", "us"]);
    let tfjs = |backend: &str, how: &str| browser(&["tfjs", "backends", backend, how, "us"]);
    let mut rows = vec![Row::new(
        "course iteration (n_h 4, m 400), wasm in Chromium",
        Unit::Micros,
        iteration.clone(),
    )
    .vs("numpy (the course's code)", numpy("numpy_iteration_us"))
    .goal(Goal::RatioAtLeast(10.0))];
    // The same iteration in TF.js: both backends, each with the
    // gradients written out and with its optimizer.
    for (backend, backend_name) in [("wasm", "wasm"), ("cpu", "CPU")] {
        for (how, how_row, how_reference) in [
            ("hand", "hand-written backprop", "hand-written"),
            ("minimize", "sgd.minimize", "minimize"),
        ] {
            rows.push(
                Row::new(
                    format!("  same, vs TF.js {backend_name} backend, {how_row}"),
                    Unit::Micros,
                    iteration.clone(),
                )
                .vs(format!("TF.js {backend_name}, {how_reference}"), tfjs(backend, how))
                .goal(Goal::RatioAtLeast(100.0)),
            );
        }
    }
    rows.push(
        Row::new(
            "course iteration (n_h 4, m 400), native",
            Unit::Micros,
            native("native_iteration_us"),
        )
        .vs("numpy (the course's code)", numpy("numpy_iteration_us")),
    );
    // A frame of the decision map, the course's network (with a goal) and
    // a deep one: in the browser against TF Playground's per-cell map, then
    // natively.
    let models = [("n_h 4", "", Some(Goal::AtMost(2.0))), ("deep 8,8", "_deep88", None)];
    for (model, key, goal) in &models {
        let mut row = Row::new(
            format!("frame 256×256 ({model}): evaluation + colouring"),
            Unit::Millis,
            browser(&["sepal", &format!("frame_256{key}"), "ms"]),
        )
        .vs(
            "TF Playground per-cell, 100×100",
            browser(&["tfplayground", &format!("frame_100{key}"), "ms"]),
        );
        row.goal = goal.clone();
        rows.push(row);
    }
    for (model, key, _) in &models {
        let native_frame = native(&format!("native_frame_256{key}_us"));
        rows.push(Row::new(
            format!("frame 256×256 ({model}), native"),
            Unit::Millis,
            scaled(native_frame, 1e-3),
        ));
    }
    rows.extend([
        Row::new(
            "training at speed=max (real page)",
            Unit::PerSecond,
            browser(&["speedmax", "iterationsPerSecond"]),
        )
        .goal(Goal::AtLeast(20_000.0)),
        Row::new(
            "frame rate at speed=max (real page)",
            Unit::Fps,
            browser(&["speedmax", "fps"]),
        )
        .goal(Goal::AtLeast(55.0)),
    ]);

    // The browser's own ceiling, to read the frame rate against.
    if let (Some(fps), Ok(idle)) = (rows.last_mut(), browser(&["speedmax", "idleAnimationFramesPerSecond"])) {
        fps.sepal_note = format!(" (idle page: {idle:.0})");
    }
    // #16: the same with Adam and mini-batches of 64 (the Optimization notebook).
    rows.push(
        Row::new(
            "frame rate at speed=max, Adam, batches of 64 (real page)",
            Unit::Fps,
            browser(&["speedmaxbatches", "fps"]),
        )
        .goal(Goal::AtLeast(55.0)),
    );

    // Scaling: the browser up to the settings' cap of 10,000 points; m =
    // 40,000 from the native bench (the page cannot hold that many).
    let base = iteration.clone();
    let scaling_browser = [
        ("m 4,000", "iteration_m4000", "numpy_iteration_m4000_us", 10.0),
        ("m 10,000 (the points cap)", "iteration_m10000", "", 25.0),
        ("n_h 16", "iteration_nh16", "numpy_iteration_nh16_us", 4.0),
        ("n_h 64", "iteration_nh64", "numpy_iteration_nh64_us", 16.0),
    ];
    for (label, key, numpy_key, factor) in scaling_browser {
        let value = browser(&["sepal", key, "us"]);
        let mut row = Row::new(
            format!("scaling: iteration at {label}, wasm"),
            Unit::Micros,
            value.clone(),
        );
        if !numpy_key.is_empty() {
            row = row.vs("numpy", numpy(numpy_key));
        }
        row.sepal_note = growth(&value, &base, "m 400, n_h 4");
        rows.push(row.goal(Goal::Linear {
            base: base.clone(),
            factor,
        }));
    }
    let native_base = native("native_iteration_us");
    for (label, key, numpy_key, factor) in [
        ("m 4,000", "native_iteration_m4000_us", "numpy_iteration_m4000_us", 10.0),
        (
            "m 40,000",
            "native_iteration_m40000_us",
            "numpy_iteration_m40000_us",
            100.0,
        ),
        ("n_h 16", "native_iteration_nh16_us", "numpy_iteration_nh16_us", 4.0),
        ("n_h 64", "native_iteration_nh64_us", "numpy_iteration_nh64_us", 16.0),
    ] {
        let value = native(key);
        let mut row = Row::new(
            format!("scaling: iteration at {label}, native"),
            Unit::Micros,
            value.clone(),
        )
        .vs("numpy", numpy(numpy_key));
        row.sepal_note = growth(&value, &native_base, "m 400, n_h 4");
        rows.push(row.goal(Goal::Linear {
            base: native_base.clone(),
            factor,
        }));
    }

    // #16: an iteration with each optimiser against GD's at the course's
    // size (the goal: Adam at most 1.3×), and the Optimization notebook's
    // batches of 64 against its full batch, natively.
    for (name, key) in [("momentum", "momentum"), ("RMSprop", "rmsprop"), ("Adam", "adam")] {
        let value = native(&format!("native_iteration_{key}_us"));
        let mut row = Row::new(
            format!("optimisers: course iteration with {name}, native"),
            Unit::Micros,
            value.clone(),
        );
        row.sepal_note = growth(&value, &native_base, "GD");
        rows.push(row.goal(Goal::TimesAtMost {
            base: native_base.clone(),
            factor: 1.3,
        }));
    }
    let full_batch = native("native_iteration_notebook_all_us");
    rows.push(Row::new(
        "optimisers: notebook iteration (5,2, m 300), full batch, native",
        Unit::Micros,
        full_batch.clone(),
    ));
    let batch64 = native("native_iteration_notebook_batch64_us");
    let mut row = Row::new(
        "optimisers: notebook iteration, batch of 64 (+ J on all 300), native",
        Unit::Micros,
        batch64.clone(),
    );
    row.sepal_note = growth(&batch64, &full_batch, "full batch");
    rows.push(row);

    // #17: L2 and dropout against a plain iteration of the Regularization
    // notebook's network (the goal: at most 1.25×), natively.
    let plain = native("native_iteration_reg_plain_us");
    rows.push(Row::new(
        "regularisation: iteration, deep 20,3 ReLU, m 400, native",
        Unit::Micros,
        plain.clone(),
    ));
    for (label, key) in [
        ("L2 (λ 0.7)", "l2"),
        ("dropout 0.86, fresh masks", "dropout"),
        ("dropout 0.86, fixed masks", "dropout_fixed"),
    ] {
        let value = native(&format!("native_iteration_reg_{key}_us"));
        let mut row = Row::new(
            format!("regularisation: the same with {label}, native"),
            Unit::Micros,
            value.clone(),
        );
        row.sepal_note = growth(&value, &plain, "plain");
        rows.push(row.goal(Goal::TimesAtMost {
            base: plain.clone(),
            factor: 1.25,
        }));
    }

    let kb = |key: &str| scaled(figure(&s.wasm, &[key]), 1e-3);
    rows.push(Row::new("wasm size, raw", Unit::Kilobytes, kb("raw_bytes")).goal(Goal::AtMost(150.0)));
    rows.push(Row::new("wasm size, gzip -9", Unit::Kilobytes, kb("gzip9_bytes")).goal(Goal::AtMost(60.0)));
    // Loads: the site's page (`dist/`, the minified bundles), with the
    // single file's figure beside it.
    for (figure, part, goal) in [
        ("page load to first drawn frame (dist/, localhost)", "firstframe", 250.0),
        (
            "page load to first drawn frame (dist/, phone: 150 ms RTT, 1.6 Mbps, 4× CPU)",
            "firstframemobile",
            2500.0,
        ),
    ] {
        let mut row = Row::new(figure, Unit::Millis, browser(&[part, "ms"])).goal(Goal::AtMost(goal));
        if let Ok(single) = browser(&[part, "singleFile", "ms"]) {
            row.sepal_note = format!(" (single file: {})", Unit::Millis.format(single));
        }
        rows.push(row);
    }
    rows.extend([
        Row::new(
            "2,100 setAttribute calls in one task, with their rebuild",
            Unit::Millis,
            browser(&["storm", "ms"]),
        )
        .goal(Goal::AtMost(200.0)),
        Row::new(
            "20 elements playing (page of notes): frame rate",
            Unit::Fps,
            browser(&["manyelements", "fps"]),
        )
        .goal(Goal::AtLeast(50.0)),
        Row::new(
            "20 elements playing: input latency, key to next frame (worst)",
            Unit::Millis,
            browser(&["manyelements", "inputLatencyMaxMs"]),
        )
        .goal(Goal::AtMost(100.0)),
        // #15: never freeze at the caps.
        Row::new(
            "longest task of the caps' first draw (load to 0.5 s after ready)",
            Unit::Millis,
            browser(&["caps", "firstDrawLongestTaskMs"]),
        )
        .goal(Goal::AtMost(50.0)),
        Row::new(
            "longest task while playing at the caps (6×64, 10,000 points)",
            Unit::Millis,
            browser(&["caps", "longestTaskMs"]),
        )
        .goal(Goal::AtMost(50.0)),
        Row::new(
            "pause() latency there (worst of 5)",
            Unit::Millis,
            browser(&["caps", "pauseLatencyMaxMs"]),
        )
        .goal(Goal::AtMost(100.0)),
        Row::new(
            "iterations per second there",
            Unit::PerSecond,
            browser(&["caps", "iterationsPerSecond"]),
        ),
    ]);
    rows
}

fn growth(value: &Figure, base: &Figure, base_name: &str) -> String {
    match (value, base) {
        (Ok(v), Ok(b)) if *b > 0.0 => format!(" (×{:.1} of {base_name})", v / b),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
