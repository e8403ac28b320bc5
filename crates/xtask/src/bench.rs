//! `cargo xtask bench`: Sepal's figures measured side by side with their
//! references in one run, printed as one table and written to
//! `target/bench.json` (every raw number) and `target/bench.md` (the table).
//!
//! The sources, in order, each optional — one that fails or is missing is
//! reported as "n/a" with its reason, and the others go on:
//! 1. the wasm build (the same `cargo xtask build`);
//! 2. the native bench of the math crate, `cargo bench -p sepal`, when the
//!    crate has a `benches/` directory: its last JSON line;
//! 3. `bench/numpy_course.py`, the course's numpy code timed (numpy is
//!    pip-installed if `import numpy` fails);
//! 4. `bench/run.mjs` in node: headless Chromium on the pages under
//!    `bench/pages/` (Sepal's wasm API, TensorFlow.js, TensorFlow
//!    Playground's heatmap) and on the real page (`speed=max`, first frame),
//!    served by our own server with `bench/` mounted at `/bench/`;
//! 5. the size of `www/pkg/sepal_bg.wasm`, raw and `gzip -9`.
//!
//! Every child runs under a time limit (the build aside, which is the
//! build's own); on expiry it is killed with all of its descendants.
//! Goals are shown as pass/fail columns, never asserted: the command fails
//! only when it cannot produce a report at all.

use crate::cmd::{self, command, run_limited, run_quiet};
use crate::{serve, tools, wasm_build, Result};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const NATIVE_LIMIT: Duration = Duration::from_secs(20 * 60);
const NUMPY_LIMIT: Duration = Duration::from_secs(5 * 60);
const PIP_LIMIT: Duration = Duration::from_secs(5 * 60);
const BROWSER_LIMIT: Duration = Duration::from_secs(15 * 60);
const PROBE_LIMIT: Duration = Duration::from_secs(60);

/// What the native bench prints (its last stdout line), all microseconds.
const NATIVE_KEY: &str = "native_iteration_us";

pub fn bench() -> Result<()> {
    let started = Instant::now();
    let skipped = || Err("not run".to_string());
    let mut sources = Sources {
        machine: machine(),
        native: skipped(),
        numpy: skipped(),
        browser: skipped(),
        wasm: skipped(),
    };

    println!("==> wasm build");
    let built = wasm_build::build();
    if let Err(e) = &built {
        println!("warning: the wasm build failed, so the browser figures are n/a: {e}");
    }

    println!("\n==> native bench (cargo bench -p sepal)");
    sources.native = native_bench();
    report_source("native bench", &sources.native);

    println!("\n==> numpy (bench/numpy_course.py)");
    sources.numpy = numpy_bench();
    report_source("numpy", &sources.numpy);

    println!("\n==> headless Chromium (bench/run.mjs)");
    sources.browser = match &built {
        Ok(()) => browser_bench(),
        Err(e) => Err(format!("the wasm build failed: {e}")),
    };
    report_source("browser", &sources.browser);

    sources.wasm = match &built {
        Ok(()) => wasm_size(),
        Err(e) => Err(format!("the wasm build failed: {e}")),
    };
    sources.machine.push(("load_average_after", Json::Str(load_average())));
    sources.machine.push((
        "seconds",
        Json::Num((started.elapsed().as_secs_f64() * 10.0).round() / 10.0),
    ));

    let rows = rows(&sources);
    let table = render_table(&rows, &sources);
    println!("\n==> results\n\n{table}");

    fs::create_dir_all("target").map_err(|e| format!("cannot create target/: {e}"))?;
    let json = report_json(&rows, &sources);
    fs::write("target/bench.json", json.to_string() + "\n")
        .map_err(|e| format!("cannot write target/bench.json: {e}"))?;
    fs::write("target/bench.md", &table).map_err(|e| format!("cannot write target/bench.md: {e}"))?;
    println!("wrote target/bench.json and target/bench.md");
    Ok(())
}

fn report_source(name: &str, source: &Source) {
    match source {
        Ok(_) => println!("{name}: done"),
        Err(e) => println!("{name}: n/a: {e}"),
    }
}

// ---- the sources -----------------------------------------------------------

type Source = std::result::Result<Json, String>;

struct Sources {
    machine: Vec<(&'static str, Json)>,
    native: Source,
    numpy: Source,
    browser: Source,
    wasm: Source,
}

/// `cargo bench -p sepal`, if the math crate has benchmarks.
fn native_bench() -> Source {
    let benches = Path::new("crates/sepal/benches");
    if !benches.is_dir() {
        return Err("crates/sepal has no benches/ yet".into());
    }
    let stdout = run_limited(cmd::cargo().args(["bench", "-p", "sepal"]), NATIVE_LIMIT)?;
    last_json_line(&stdout, Some(NATIVE_KEY))
        .ok_or_else(|| format!("`cargo bench -p sepal` printed no JSON line with {NATIVE_KEY}"))
}

/// The course's numpy code, timed; installs numpy with pip if it is missing.
fn numpy_bench() -> Source {
    if cmd::find_program("python3").is_none() {
        return Err("python3 is missing: install it with `sudo apt-get install python3`".into());
    }
    let has_numpy = || cmd::probe(command("python3").args(["-c", "import numpy"])).is_some();
    if !has_numpy() {
        println!("numpy is missing: installing it with `python3 -m pip install numpy`");
        let installed = run_limited(
            command("python3").args(["-m", "pip", "install", "--quiet", "numpy"]),
            PIP_LIMIT,
        );
        if let Err(e) = installed {
            return Err(format!(
                "numpy is missing and `python3 -m pip install numpy` failed ({e}): install numpy"
            ));
        }
        if !has_numpy() {
            return Err("numpy is still missing after `python3 -m pip install numpy`".into());
        }
    }
    let stdout = run_limited(command("python3").arg("bench/numpy_course.py"), NUMPY_LIMIT)?;
    last_json_line(&stdout, Some("numpy_iteration_us"))
        .ok_or_else(|| "bench/numpy_course.py printed no JSON line".into())
}

/// node + playwright-core + Chromium on our own server.
fn browser_bench() -> Source {
    let chromium = tools::ensure_test_tools()?;
    tools::npm_ci(Path::new("bench"))?;
    let address = serve::start_with_mounts(Path::new("www"), &[("bench", Path::new("bench"))], 0, false)?;
    let stdout = run_limited(
        command("node")
            .arg("bench/run.mjs")
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("CHROMIUM", &chromium.browser),
        BROWSER_LIMIT,
    )?;
    let json = last_json_line(&stdout, None).ok_or("bench/run.mjs printed no JSON line")?;
    if let Some(Json::Str(e)) = json.get("error") {
        return Err(format!("bench/run.mjs: {e}"));
    }
    Ok(json)
}

/// `www/pkg/sepal_bg.wasm`: bytes, and bytes after `gzip -9`.
fn wasm_size() -> Source {
    let raw = fs::metadata(wasm_build::WASM)
        .map_err(|e| format!("cannot read {}: {e}", wasm_build::WASM))?
        .len();
    let gzipped = run_quiet(command("gzip").args(["-9", "-c", wasm_build::WASM]), PROBE_LIMIT)
        .map(|bytes| Json::Num(bytes.len() as f64))
        .unwrap_or_else(|e| Json::Str(format!("n/a: gzip: {e}")));
    Ok(Json::Obj(vec![
        ("path".into(), Json::Str(wasm_build::WASM.into())),
        ("raw_bytes".into(), Json::Num(raw as f64)),
        ("gzip9_bytes".into(), gzipped),
    ]))
}

fn machine() -> Vec<(&'static str, Json)> {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| {
            line.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = thread::available_parallelism().map_or(0, |n| n.get());
    let text = |out: Option<String>| out.map_or_else(|| "unknown".into(), |s| s.trim().to_string());
    let commit = text(cmd::probe(command("git").args(["rev-parse", "--short", "HEAD"])));
    let dirty = text(cmd::probe(command("git").args(["status", "--porcelain"])));
    let unix = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    vec![
        ("date", Json::Str(utc_date(unix))),
        ("cpu", Json::Str(model)),
        ("cores", Json::Num(cores as f64)),
        ("commit", Json::Str(commit)),
        ("uncommitted_changes", Json::Bool(!dirty.is_empty())),
        ("load_average_before", Json::Str(load_average())),
    ]
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// `YYYY-MM-DD HH:MM UTC` from seconds since 1970 (civil-from-days).
fn utc_date(unix: u64) -> String {
    let days = (unix / 86400) as i64;
    let (hour, minute) = ((unix % 86400) / 3600, (unix % 3600) / 60);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// The last stdout line that is a JSON object (holding `key`, if given).
fn last_json_line(stdout: &str, key: Option<&str>) -> Option<Json> {
    stdout.lines().rev().find_map(|line| {
        let line = line.trim();
        if !line.starts_with('{') {
            return None;
        }
        let json = Json::parse(line).ok()?;
        (key.is_none_or(|key| json.get(key).is_some())).then_some(json)
    })
}

// ---- the table -----------------------------------------------------------------

/// A measured value, or why there is none.
type Figure = std::result::Result<f64, String>;

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Micros,
    Millis,
    PerSecond,
    Fps,
    Kilobytes,
}

impl Unit {
    fn format(self, value: f64) -> String {
        match self {
            Unit::Micros if value < 10.0 => format!("{value:.2} µs"),
            Unit::Micros if value < 1000.0 => format!("{value:.1} µs"),
            Unit::Micros => format!("{} µs", thousands(value)),
            Unit::Millis if value < 10.0 => format!("{value:.2} ms"),
            Unit::Millis => format!("{value:.1} ms"),
            Unit::PerSecond => format!("{} it/s", thousands(value)),
            Unit::Fps => format!("{value:.1} fps"),
            Unit::Kilobytes => format!("{value:.1} KB"),
        }
    }

    fn name(self) -> &'static str {
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
enum Goal {
    /// The ratio reference / Sepal at least this.
    RatioAtLeast(f64),
    /// Sepal's value at most this (in the row's unit).
    AtMost(f64),
    /// Sepal's value at least this.
    AtLeast(f64),
    /// Grows no faster than linearly from `base` as the size grows by
    /// `factor` (with 50 % slack for noise): value / base ≤ 1.5 · factor.
    Linear { base: Figure, factor: f64 },
}

struct Row {
    figure: String,
    unit: Unit,
    sepal: Figure,
    /// Shown after Sepal's value, e.g. "(×6.6 from m = 400)".
    sepal_note: String,
    /// The reference's name and value (same unit).
    reference: Option<(String, Figure)>,
    goal: Option<Goal>,
}

impl Row {
    fn new(figure: impl Into<String>, unit: Unit, sepal: Figure) -> Row {
        Row {
            figure: figure.into(),
            unit,
            sepal,
            sepal_note: String::new(),
            reference: None,
            goal: None,
        }
    }

    fn vs(mut self, name: impl Into<String>, value: Figure) -> Row {
        self.reference = Some((name.into(), value));
        self
    }

    fn goal(mut self, goal: Goal) -> Row {
        self.goal = Some(goal);
        self
    }

    /// How many times faster Sepal is: reference / Sepal (both times).
    fn ratio(&self) -> Option<Figure> {
        let (_, reference) = self.reference.as_ref()?;
        Some(match (&self.sepal, reference) {
            (Ok(s), Ok(r)) if *s > 0.0 => Ok(r / s),
            (Ok(_), Ok(_)) => Err("Sepal's time is zero".into()),
            (Err(e), _) | (_, Err(e)) => Err(e.clone()),
        })
    }

    fn goal_text(&self) -> String {
        let Some(goal) = &self.goal else {
            return "—".into();
        };
        match goal {
            Goal::RatioAtLeast(k) => format!("≥ {}×", trim_number(*k)),
            Goal::AtMost(v) => format!("≤ {}", self.unit.format(*v).replace(".0 ", " ").replace(".00 ", " ")),
            Goal::AtLeast(v) => format!("≥ {}", self.unit.format(*v).replace(".0 ", " ").replace(".00 ", " ")),
            Goal::Linear { factor, .. } => format!("≤ linear (size ×{})", trim_number(*factor)),
        }
    }

    /// Some(pass) when judgeable, None when a figure is missing.
    fn pass(&self) -> Option<bool> {
        let sepal = self.sepal.as_ref().ok()?;
        match self.goal.as_ref()? {
            Goal::RatioAtLeast(k) => Some(self.ratio()?.ok()? >= *k),
            Goal::AtMost(v) => Some(sepal <= v),
            Goal::AtLeast(v) => Some(sepal >= v),
            Goal::Linear { base, factor } => Some(sepal / base.as_ref().ok()? <= 1.5 * factor),
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
    let mut node = source.as_ref().map_err(Clone::clone)?;
    for (depth, key) in path.iter().enumerate() {
        if let Some(Json::Str(e)) = node.get("error") {
            return Err(e.clone());
        }
        node = node.get(key).ok_or_else(|| match depth {
            // One reason per part that did not run (BENCH_ONLY, say).
            0 => format!("no `{key}` part in the results"),
            _ => format!("no `{}` in the results", path.join(".")),
        })?;
    }
    match node {
        Json::Num(n) if n.is_finite() => Ok(*n),
        Json::Str(s) => Err(s.clone()),
        _ => Err(format!("`{}` is not a number", path.join("."))),
    }
}

fn scaled(figure: Figure, by: f64) -> Figure {
    figure.map(|v| v * by)
}

fn rows(s: &Sources) -> Vec<Row> {
    let browser = |path: &[&str]| figure(&s.browser, path);
    let numpy = |key: &str| figure(&s.numpy, &[key]);
    let native = |key: &str| figure(&s.native, &[key]);
    let iteration = browser(&["sepal", "iteration", "us"]);
    let tfjs = |backend: &str, how: &str| browser(&["tfjs", "backends", backend, how, "us"]);
    let mut rows = vec![
        Row::new(
            "course iteration (n_h 4, m 400), wasm in Chromium",
            Unit::Micros,
            iteration.clone(),
        )
        .vs("numpy (the course's code)", numpy("numpy_iteration_us"))
        .goal(Goal::RatioAtLeast(10.0)),
        Row::new(
            "  same, vs TF.js wasm backend, hand-written backprop",
            Unit::Micros,
            iteration.clone(),
        )
        .vs("TF.js wasm, hand-written", tfjs("wasm", "hand"))
        .goal(Goal::RatioAtLeast(100.0)),
        Row::new(
            "  same, vs TF.js wasm backend, sgd.minimize",
            Unit::Micros,
            iteration.clone(),
        )
        .vs("TF.js wasm, minimize", tfjs("wasm", "minimize"))
        .goal(Goal::RatioAtLeast(100.0)),
        Row::new(
            "  same, vs TF.js CPU backend, hand-written backprop",
            Unit::Micros,
            iteration.clone(),
        )
        .vs("TF.js CPU, hand-written", tfjs("cpu", "hand"))
        .goal(Goal::RatioAtLeast(100.0)),
        Row::new(
            "  same, vs TF.js CPU backend, sgd.minimize",
            Unit::Micros,
            iteration.clone(),
        )
        .vs("TF.js CPU, minimize", tfjs("cpu", "minimize"))
        .goal(Goal::RatioAtLeast(100.0)),
        Row::new(
            "course iteration (n_h 4, m 400), native",
            Unit::Micros,
            native("native_iteration_us"),
        )
        .vs("numpy (the course's code)", numpy("numpy_iteration_us")),
        Row::new(
            "frame 256×256 (n_h 4): evaluation + colouring",
            Unit::Millis,
            browser(&["sepal", "frame_256", "ms"]),
        )
        .vs(
            "TF Playground per-cell, 100×100",
            browser(&["tfplayground", "frame_100", "ms"]),
        )
        .goal(Goal::AtMost(2.0)),
        Row::new(
            "frame 256×256 (deep 8,8): evaluation + colouring",
            Unit::Millis,
            browser(&["sepal", "frame_256_deep88", "ms"]),
        )
        .vs(
            "TF Playground per-cell, 100×100",
            browser(&["tfplayground", "frame_100_deep88", "ms"]),
        ),
        Row::new(
            "frame 256×256 (n_h 4), native",
            Unit::Millis,
            scaled(native("native_frame_256_us"), 1e-3),
        ),
        Row::new(
            "frame 256×256 (deep 8,8), native",
            Unit::Millis,
            scaled(native("native_frame_256_deep88_us"), 1e-3),
        ),
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
    ];

    // The browser's own ceiling, to read the frame rate against.
    if let (Some(fps), Ok(idle)) = (rows.last_mut(), browser(&["speedmax", "idleAnimationFramesPerSecond"])) {
        fps.sepal_note = format!(" (idle page: {idle:.0})");
    }

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

    let kb = |key: &str| scaled(figure(&s.wasm, &[key]), 1e-3);
    rows.push(Row::new("wasm size, raw", Unit::Kilobytes, kb("raw_bytes")).goal(Goal::AtMost(150.0)));
    rows.push(Row::new("wasm size, gzip -9", Unit::Kilobytes, kb("gzip9_bytes")).goal(Goal::AtMost(60.0)));
    rows.push(
        Row::new(
            "page load to first drawn frame (localhost)",
            Unit::Millis,
            browser(&["firstframe", "ms"]),
        )
        .goal(Goal::AtMost(300.0)),
    );
    rows
}

fn growth(value: &Figure, base: &Figure, base_name: &str) -> String {
    match (value, base) {
        (Ok(v), Ok(b)) if *b > 0.0 => format!(" (×{:.1} of {base_name})", v / b),
        _ => String::new(),
    }
}

/// The table as markdown (aligned, so that it reads in a terminal too), then
/// the reasons for every n/a, then the machine.
fn render_table(rows: &[Row], s: &Sources) -> String {
    let mut reasons: Vec<String> = Vec::new();
    let mut na = |e: &String| {
        let i = reasons.iter().position(|r| r == e).unwrap_or_else(|| {
            reasons.push(e.clone());
            reasons.len() - 1
        });
        format!("n/a [{}]", i + 1)
    };
    let mut cells: Vec<[String; 6]> = vec![[
        "figure".into(),
        "Sepal".into(),
        "reference".into(),
        "ratio".into(),
        "goal".into(),
        "pass".into(),
    ]];
    for row in rows {
        let sepal = match &row.sepal {
            Ok(v) => format!("{}{}", row.unit.format(*v), row.sepal_note),
            Err(e) => na(e),
        };
        let reference = match &row.reference {
            None => "—".into(),
            Some((name, Ok(v))) => format!("{name}: {}", row.unit.format(*v)),
            Some((name, Err(e))) => format!("{name}: {}", na(e)),
        };
        let ratio = match row.ratio() {
            None => "—".into(),
            Some(Ok(r)) if r >= 10.0 => format!("{r:.0}× faster"),
            Some(Ok(r)) if r >= 1.0 => format!("{r:.1}× faster"),
            Some(Ok(r)) => format!("{:.1}× slower", 1.0 / r),
            Some(Err(_)) => "n/a".into(),
        };
        let pass = match (&row.goal, row.pass()) {
            (None, _) => "—".into(),
            (Some(_), Some(true)) => "pass".into(),
            (Some(_), Some(false)) => "FAIL".into(),
            (Some(_), None) => "n/a".into(),
        };
        cells.push([row.figure.clone(), sepal, reference, ratio, row.goal_text(), pass]);
    }
    let width = |c: usize| cells.iter().map(|r| r[c].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..6).map(width).collect();
    let mut out = String::new();
    for (i, row) in cells.iter().enumerate() {
        out += "|";
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            let _ = write!(out, " {cell}{} |", " ".repeat(pad));
        }
        out += "\n";
        if i == 0 {
            out += "|";
            for w in &widths {
                let _ = write!(out, "{}|", "-".repeat(w + 2));
            }
            out += "\n";
        }
    }
    if !reasons.is_empty() {
        out += "\n";
        for (i, reason) in reasons.iter().enumerate() {
            let _ = writeln!(out, "[{}] {}", i + 1, reason);
        }
    }
    out += "\nRatios are reference time / Sepal time. ";
    let machine = |key: &str| {
        s.machine
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| match v {
                Json::Str(s) => s.clone(),
                other => other.to_string(),
            })
            .unwrap_or_default()
    };
    let browser_name = match &s.browser {
        Ok(json) => match json.get("browser") {
            Some(Json::Str(b)) => b.clone(),
            _ => "Chromium".into(),
        },
        Err(_) => "Chromium".into(),
    };
    let _ = writeln!(
        out,
        "Measured {} on {} cores ({}), {browser_name} headless, commit {}{}; load average {} before, {} after.",
        machine("date"),
        machine("cores"),
        machine("cpu"),
        machine("commit"),
        if machine("uncommitted_changes") == "true" {
            " with uncommitted changes"
        } else {
            ""
        },
        machine("load_average_before"),
        machine("load_average_after"),
    );
    out
}

fn report_json(rows: &[Row], s: &Sources) -> Json {
    let figure_json = |f: &Figure| match f {
        Ok(v) => Json::Num(*v),
        Err(e) => Json::Obj(vec![("na".into(), Json::Str(e.clone()))]),
    };
    let source_json = |src: &Source| match src {
        Ok(json) => json.clone(),
        Err(e) => Json::Obj(vec![("error".into(), Json::Str(e.clone()))]),
    };
    let rows = rows
        .iter()
        .map(|row| {
            let mut fields = vec![
                ("figure".to_string(), Json::Str(row.figure.trim().to_string())),
                ("unit".into(), Json::Str(row.unit.name().into())),
                ("sepal".into(), figure_json(&row.sepal)),
            ];
            if let Some((name, value)) = &row.reference {
                fields.push(("reference_name".into(), Json::Str(name.clone())));
                fields.push(("reference".into(), figure_json(value)));
            }
            if let Some(ratio) = row.ratio() {
                fields.push(("ratio_times_faster".into(), figure_json(&ratio)));
            }
            if row.goal.is_some() {
                fields.push(("goal".into(), Json::Str(row.goal_text())));
                fields.push(("pass".into(), row.pass().map_or(Json::Null, Json::Bool)));
            }
            Json::Obj(fields)
        })
        .collect();
    Json::Obj(vec![
        (
            "machine".into(),
            Json::Obj(s.machine.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()),
        ),
        ("rows".into(), Json::Arr(rows)),
        (
            "sources".into(),
            Json::Obj(vec![
                ("native".into(), source_json(&s.native)),
                ("numpy".into(), source_json(&s.numpy)),
                ("browser".into(), source_json(&s.browser)),
                ("wasm".into(), source_json(&s.wasm)),
            ]),
        ),
    ])
}

// ---- a small JSON value, parser and printer (xtask has no dependencies) ----

#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn parse(text: &str) -> std::result::Result<Json, String> {
        let mut parser = Parser {
            bytes: text.as_bytes(),
            at: 0,
        };
        let value = parser.value()?;
        parser.space();
        if parser.at != parser.bytes.len() {
            return Err(format!("trailing characters at {}", parser.at));
        }
        Ok(value)
    }
}

impl std::fmt::Display for Json {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Num(n) if n.is_finite() => write!(f, "{n}"),
            Json::Num(_) => f.write_str("null"),
            Json::Str(s) => write_string(f, s),
            Json::Arr(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Obj(fields) => {
                f.write_str("{")?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write_string(f, key)?;
                    write!(f, ":{value}")?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_string(f: &mut std::fmt::Formatter<'_>, s: &str) -> std::fmt::Result {
    f.write_str("\"")?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\r' => f.write_str("\\r")?,
            '\t' => f.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(f, "\\u{:04x}", c as u32)?,
            c => write!(f, "{c}")?,
        }
    }
    f.write_str("\"")
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> std::result::Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(format!("expected `{}` at {}", byte as char, self.at))
        }
    }

    fn value(&mut self) -> std::result::Result<Json, String> {
        self.space();
        let rest = &self.bytes[self.at..];
        for (word, value) in [
            ("null", Json::Null),
            ("true", Json::Bool(true)),
            ("false", Json::Bool(false)),
        ] {
            if rest.starts_with(word.as_bytes()) {
                self.at += word.len();
                return Ok(value);
            }
        }
        match rest.first() {
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                Ok(Json::Arr(items))
            }
            Some(b'{') => {
                self.at += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        self.expect(b':')?;
                        fields.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        self.expect(b',')?;
                    }
                }
                Ok(Json::Obj(fields))
            }
            Some(b'-' | b'0'..=b'9') => {
                let start = self.at;
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.bytes[start..self.at]).map_err(|e| e.to_string())?;
                text.parse()
                    .map(Json::Num)
                    .map_err(|_| format!("bad number `{text}` at {start}"))
            }
            _ => Err(format!("unexpected input at {}", self.at)),
        }
    }

    fn string(&mut self) -> std::result::Result<String, String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return Err(format!("expected a string at {}", self.at));
        }
        self.at += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let byte = *self.bytes.get(self.at).ok_or("unterminated string")?;
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escape = *self.bytes.get(self.at).ok_or("unterminated string")?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xd800..0xdc00).contains(&code) && self.bytes[self.at..].starts_with(b"\\u") {
                                self.at += 2;
                                let low = self.hex4()?;
                                code = 0x10000 + ((code - 0xd800) << 10) + (low.wrapping_sub(0xdc00) & 0x3ff);
                            }
                            char::from_u32(code).unwrap_or('\u{fffd}')
                        }
                        other => return Err(format!("bad escape `\\{}`", other as char)),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                byte => out.push(byte),
            }
        }
        String::from_utf8(out).map_err(|e| e.to_string())
    }

    fn hex4(&mut self) -> std::result::Result<u32, String> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or("short \\u escape")?;
        self.at += 4;
        u32::from_str_radix(std::str::from_utf8(digits).map_err(|e| e.to_string())?, 16).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trips() {
        let text = r#"{"a": [1, -2.5e-3, true, null], "b": {"c": "x\"y\\n\u00e9\ud83d\ude00"}, "d": []}"#;
        let json = Json::parse(text).unwrap();
        assert_eq!(
            json.get("a"),
            Some(&Json::Arr(vec![
                Json::Num(1.0),
                Json::Num(-0.0025),
                Json::Bool(true),
                Json::Null
            ]))
        );
        assert_eq!(
            json.get("b").and_then(|b| b.get("c")),
            Some(&Json::Str("x\"y\\né😀".into()))
        );
        assert_eq!(Json::parse(&json.to_string()).unwrap(), json);
        assert!(Json::parse("{\"a\": 1} x").is_err());
        assert!(Json::parse("{\"a\" 1}").is_err());
    }

    #[test]
    fn finds_the_last_json_line() {
        let out = "Compiling\n{\"other\": 1}\nbench: 3 us\n{\"native_iteration_us\": 4.5}\n\n";
        assert_eq!(
            figure(&Ok(last_json_line(out, Some(NATIVE_KEY)).unwrap()), &[NATIVE_KEY]),
            Ok(4.5)
        );
        assert_eq!(
            last_json_line(out, None).unwrap().get(NATIVE_KEY),
            Some(&Json::Num(4.5))
        );
        assert!(last_json_line("no json", None).is_none());
    }

    #[test]
    fn figures_say_why_they_are_missing() {
        let source: Source = Ok(Json::parse(r#"{"sepal": {"error": "page crashed"}, "x": {"y": 2}}"#).unwrap());
        assert_eq!(figure(&source, &["x", "y"]), Ok(2.0));
        assert_eq!(
            figure(&source, &["sepal", "iteration", "us"]),
            Err("page crashed".into())
        );
        assert!(figure(&source, &["x", "z"]).unwrap_err().contains("x.z"));
        assert_eq!(
            figure(&source, &["tfjs", "a"]),
            Err("no `tfjs` part in the results".into())
        );
        assert_eq!(figure(&Err("no numpy".into()), &["a"]), Err("no numpy".into()));
    }

    #[test]
    fn goals_are_judged() {
        let row = Row::new("it", Unit::Micros, Ok(10.0))
            .vs("numpy", Ok(150.0))
            .goal(Goal::RatioAtLeast(10.0));
        assert_eq!(row.pass(), Some(true));
        let row = Row::new("it", Unit::Micros, Ok(20.0))
            .vs("numpy", Ok(150.0))
            .goal(Goal::RatioAtLeast(10.0));
        assert_eq!(row.pass(), Some(false));
        let row = Row::new("f", Unit::Millis, Err("x".into())).goal(Goal::AtMost(2.0));
        assert_eq!(row.pass(), None);
        let row = Row::new("m", Unit::Micros, Ok(140.0)).goal(Goal::Linear {
            base: Ok(10.0),
            factor: 10.0,
        });
        assert_eq!(row.pass(), Some(true));
        let row = Row::new("m", Unit::Micros, Ok(160.0)).goal(Goal::Linear {
            base: Ok(10.0),
            factor: 10.0,
        });
        assert_eq!(row.pass(), Some(false));
    }

    #[test]
    fn formats_dates_and_numbers() {
        assert_eq!(utc_date(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_date(951_782_400 + 3661), "2000-02-29 01:01 UTC");
        assert_eq!(thousands(1_234_567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(Unit::Micros.format(12.345), "12.3 µs");
    }
}
