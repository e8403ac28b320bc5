//! `cargo xtask test`: every test of the project, in stages, stopping at the
//! first failing stage. This is what CI runs (`.ci/run`).

use crate::cmd::{self, command};
use crate::tools::{self, Chromium, NO_STD_TARGET, WASM_TARGET};
use crate::{dist, serve, Result};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

type Stage = fn(&Chromium) -> Result<()>;

/// In order: fast and fundamental first, the browser last.
const STAGES: [(&str, Stage); 5] = [
    ("native tests", native_tests),
    ("no_std build", no_std_build),
    ("wasm tests in headless Chromium", wasm_tests),
    ("dist (wasm build, static site, single file)", |_| dist::dist()),
    ("browser end-to-end tests", end_to_end_tests),
];

pub fn test() -> Result<()> {
    let mut timings: Vec<(&str, Duration)> = Vec::new();
    let started = Instant::now();
    println!("==> tools");
    let chromium = tools::ensure_test_tools().map_err(|e| format!("stage `tools` failed: {e}"))?;
    timings.push(("tools", started.elapsed()));
    for (name, stage) in STAGES {
        println!("\n==> {name}");
        let started = Instant::now();
        let result = stage(&chromium);
        timings.push((name, started.elapsed()));
        if let Err(e) = result {
            print_timings(&timings);
            return Err(format!("stage `{name}` failed: {e}"));
        }
    }
    print_timings(&timings);
    println!("all {} stages passed", timings.len());
    Ok(())
}

fn print_timings(timings: &[(&str, Duration)]) {
    println!("\n==> timings");
    for (name, elapsed) in timings {
        println!("  {name:<34} {:>7.1} s", elapsed.as_secs_f64());
    }
}

/// Unit and integration tests of every crate, natively (sepal-wasm's native
/// half of the bit-identity check among them).
fn native_tests(_: &Chromium) -> Result<()> {
    cmd::run(cmd::cargo().args(["test", "--workspace"]))
}

/// The math crate without std, for a target that has none.
fn no_std_build(_: &Chromium) -> Result<()> {
    cmd::run(cmd::cargo().args([
        "build",
        "-p",
        "sepal",
        "--no-default-features",
        "--target",
        NO_STD_TARGET,
    ]))
}

/// wasm-bindgen-test drives Chromium through chromedriver; the browser flags
/// it needs here (root, no GPU, small /dev/shm) are in
/// `crates/sepal-wasm/webdriver.json`, which the runner reads from its
/// working directory.
fn wasm_tests(chromium: &Chromium) -> Result<()> {
    cmd::run(
        cmd::cargo()
            .args(["test", "-p", "sepal-wasm", "--target", WASM_TARGET])
            .current_dir("crates/sepal-wasm")
            .env("CHROMEDRIVER", &chromium.driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )
}

/// The node test files in `tests/` drive the real page in Chromium, served by
/// our own server on a free port.
fn end_to_end_tests(chromium: &Chromium) -> Result<()> {
    let dir = Path::new("tests");
    if !dir.join("package.json").is_file() {
        println!("warning: tests/package.json does not exist yet: skipping the end-to-end tests");
        return Ok(());
    }
    tools::npm_ci(dir)?;
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("cannot list tests/: {e}"))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    if files.is_empty() {
        return Err("tests/ has a package.json but no *.test.mjs files".into());
    }
    // Node 20 does not expand directories or globs for --test itself.
    files.sort();
    let address = serve::start(Path::new("www"), 0, false)?;
    cmd::run(
        command("node")
            // Force-exit: a failed test that leaves its browser open must not
            // hang CI; the timeout (per test, in ms) catches a test that hangs.
            .args([
                "--test",
                "--test-concurrency=1",
                "--test-force-exit",
                "--test-timeout=300000",
            ])
            .args(&files)
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("SEPAL_SINGLE_FILE", dist::single_file_path()?)
            .env("CHROMIUM", &chromium.browser),
    )
}
