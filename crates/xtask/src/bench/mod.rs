//! `cargo xtask bench`: Sepal's figures measured side by side with their
//! references in one run, printed as one table and written to
//! `target/bench.json` (every raw number) and `target/bench.md` (the table).
//!
//! The sources, in order, each optional — one that fails or is missing is
//! reported as "n/a" with its reason, and the others go on:
//! 1. the wasm build and `dist/` (the same `cargo xtask dist`, which
//!    builds the wasm first): the single file's load is measured too;
//! 2. the native bench of the math crate, `cargo bench -p sepal`, when the
//!    crate has a `benches/` directory: its last JSON line;
//! 3. `bench/numpy_course.py`, the course's numpy code timed (numpy is
//!    pip-installed if `import numpy` fails);
//! 4. `bench/run.mjs` in node: headless Chromium on the pages under
//!    `bench/pages/` (Sepal's wasm API, TensorFlow.js, TensorFlow
//!    Playground's heatmap) and on the real page (`speed=max`, first frame
//!    on localhost and on an emulated phone, beside the single file's),
//!    served by our own server with `bench/` and `dist/` mounted;
//! 5. the size of `www/pkg/sepal_bg.wasm`, raw and `gzip -9`.
//!
//! Every child runs under a time limit (the build aside, which is the
//! build's own); on expiry it is killed with all of its descendants.
//! Goals are shown as pass/fail columns, never asserted: the command fails
//! only when it cannot produce a report at all.
//!
//! This file runs the sources; `table.rs` says what each row compares with
//! what and its goal, `report.rs` prints the table and writes the JSON.

mod report;
mod table;

use crate::cmd::{self, command, run_limited, run_quiet};
use crate::{dist, serve, tools, wasm_build, Result};
use serde::Serialize;
use serde_json::{json, Value};
use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

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

    println!("==> wasm build and dist/");
    let built = dist::dist();
    if let Err(e) = &built {
        println!("warning: the wasm or dist build failed, so the browser figures are n/a: {e}");
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
        Err(e) => Err(format!("the wasm or dist build failed: {e}")),
    };
    report_source("browser", &sources.browser);

    sources.wasm = match &built {
        Ok(()) => wasm_size(),
        Err(e) => Err(format!("the wasm or dist build failed: {e}")),
    };
    sources.machine.load_average_after = load_average();
    sources.machine.seconds = (started.elapsed().as_secs_f64() * 10.0).round() / 10.0;

    let rows = table::rows(&sources);
    let table = report::markdown(&rows, &sources);
    println!("\n==> results\n\n{table}");

    fs::create_dir_all("target").map_err(|e| format!("cannot create target/: {e}"))?;
    fs::write("target/bench.json", report::json(&rows, &sources) + "\n")
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

/// A source's JSON, or why there is none.
type Source = std::result::Result<Value, String>;

struct Sources {
    machine: Machine,
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
    let mounts = [("bench", Path::new("bench")), ("dist", Path::new("dist"))];
    let address = serve::start_with_mounts(Path::new("www"), &mounts, 0, false)?;
    let stdout = run_limited(
        command("node")
            .arg("bench/run.mjs")
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("CHROMIUM", &chromium.browser),
        BROWSER_LIMIT,
    )?;
    let json = last_json_line(&stdout, None).ok_or("bench/run.mjs printed no JSON line")?;
    if let Some(e) = json.get("error").and_then(Value::as_str) {
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
        .map(|bytes| json!(bytes.len()))
        .unwrap_or_else(|e| json!(format!("n/a: gzip: {e}")));
    Ok(json!({ "path": wasm_build::WASM, "raw_bytes": raw, "gzip9_bytes": gzipped }))
}

/// Where and when the figures were measured, in the JSON's order.
#[derive(Serialize)]
struct Machine {
    date: String,
    cpu: String,
    cores: usize,
    commit: String,
    uncommitted_changes: bool,
    load_average_before: String,
    /// This and `seconds` are set when the sources have run.
    load_average_after: String,
    seconds: f64,
}

fn machine() -> Machine {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|line| {
            line.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let text = |out: Option<String>| out.map_or_else(|| "unknown".into(), |s| s.trim().to_string());
    let dirty = text(cmd::probe(command("git").args(["status", "--porcelain"])));
    Machine {
        date: text(cmd::probe(command("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))),
        cpu,
        cores: thread::available_parallelism().map_or(0, |n| n.get()),
        commit: text(cmd::probe(command("git").args(["rev-parse", "--short", "HEAD"]))),
        uncommitted_changes: !dirty.is_empty(),
        load_average_before: load_average(),
        load_average_after: String::new(),
        seconds: 0.0,
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// The last stdout line that is a JSON object (holding `key`, if given).
fn last_json_line(stdout: &str, key: Option<&str>) -> Option<Value> {
    stdout.lines().rev().find_map(|line| {
        let line = line.trim();
        if !line.starts_with('{') {
            return None;
        }
        let json: Value = serde_json::from_str(line).ok()?;
        (key.is_none_or(|key| json.get(key).is_some())).then_some(json)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_last_json_line() {
        let out = "Compiling\n{\"other\": 1}\nbench: 3 us\n{\"native_iteration_us\": 4.5}\n{\"broken\": \n\n";
        assert_eq!(last_json_line(out, Some(NATIVE_KEY)), Some(json!({ NATIVE_KEY: 4.5 })));
        assert_eq!(last_json_line(out, Some("other")), Some(json!({ "other": 1 })));
        assert_eq!(last_json_line(out, None), Some(json!({ NATIVE_KEY: 4.5 })));
        assert!(last_json_line("no json", None).is_none());
    }
}
