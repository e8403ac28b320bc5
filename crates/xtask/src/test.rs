//! `cargo xtask test [--engine NAME]`: every test of the project, in stages,
//! stopping at the first failing stage. This is what CI runs (`.ci/run`).
//! With `--engine`, only that engine's browser stages (after the `dist`
//! they test), and the bit comparison of that engine with native.

use crate::cmd::{self, command};
use crate::engines::{self, Engine};
use crate::tools::{self, Browsers, NO_STD_TARGET, WASM_TARGET};
use crate::{dist, serve, Result};
use std::cell::OnceCell;
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Stage<'a> = Box<dyn Fn() -> Result<()> + 'a>;

pub fn test(only: Option<Engine>) -> Result<()> {
    let chosen: Vec<Engine> = only.map_or(Engine::ALL.to_vec(), |engine| vec![engine]);
    let mut timings: Vec<(String, Duration)> = Vec::new();
    let started = Instant::now();
    println!("==> tools");
    let wants = |engine| chosen.contains(&engine);
    let browsers = tools::ensure_test_browsers(wants(Engine::Chromium), wants(Engine::Firefox), wants(Engine::WebKit))
        .map_err(|e| format!("stage `tools` failed: {e}"))?;
    let browsers = &browsers;
    timings.push(("tools".into(), started.elapsed()));

    // One server for every browser stage, started when the first needs it
    // (after the dist stage): www/ at /, and dist/ at /dist/ for the test of
    // the site's bundles.
    let address: OnceCell<SocketAddr> = OnceCell::new();
    let served = &|| -> Result<SocketAddr> {
        if let Some(address) = address.get() {
            return Ok(*address);
        }
        let started = serve::start_with_mounts(Path::new("www"), &[("dist", Path::new("dist"))], 0, false)?;
        Ok(*address.get_or_init(|| started))
    };

    // In order: fast and fundamental first, the browsers last, then the
    // comparison of what the browsers computed.
    let mut stages: Vec<(String, Stage)> = Vec::new();
    if only.is_none() {
        stages.push(("native tests".into(), Box::new(native_tests)));
        stages.push(("no_std build".into(), Box::new(no_std_build)));
        stages.push((
            "wasm tests in headless Chromium".into(),
            Box::new(move || wasm_tests(browsers)),
        ));
    }
    stages.push((
        "dist (wasm build, static site, single file)".into(),
        Box::new(dist::dist),
    ));
    stages.push((
        "npm packages of tests/".into(),
        Box::new(|| tools::npm_ci(Path::new("tests"))),
    ));
    for &engine in &chosen {
        if engine == Engine::Chromium {
            stages.push((
                "browser end-to-end tests (Chromium)".into(),
                Box::new(move || end_to_end_tests(browsers, served()?)),
            ));
        }
        stages.push((
            format!("cross-engine tests in {}", engine.label()),
            Box::new(move || engines::engine_tests(engine, browsers, served()?)),
        ));
    }
    stages.push((
        "bit identity: native and every engine".into(),
        Box::new(|| engines::compare_bits(&chosen)),
    ));
    engines::forget_bits()?;

    for (name, stage) in &stages {
        println!("\n==> {name}");
        let started = Instant::now();
        let result = stage();
        let elapsed = started.elapsed();
        println!("<== {name}: {:.1} s", elapsed.as_secs_f64());
        timings.push((name.clone(), elapsed));
        if let Err(e) = result {
            print_timings(&timings);
            return Err(format!("stage `{name}` failed: {e}"));
        }
    }
    print_timings(&timings);
    println!("all {} stages passed", timings.len());
    Ok(())
}

fn print_timings(timings: &[(String, Duration)]) {
    println!("\n==> timings");
    for (name, elapsed) in timings {
        println!("  {name:<44} {:>7.1} s", elapsed.as_secs_f64());
    }
}

/// Unit and integration tests of every crate, natively (sepal-wasm's native
/// half of the bit-identity check among them).
fn native_tests() -> Result<()> {
    cmd::run(cmd::cargo().args(["test", "--workspace"]))
}

/// The math crate without std, for a target that has none.
fn no_std_build() -> Result<()> {
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
fn wasm_tests(browsers: &Browsers) -> Result<()> {
    let chromium = browsers.chromium.as_ref().ok_or("Chromium was not set up")?;
    cmd::run(
        cmd::cargo()
            .args(["test", "-p", "sepal-wasm", "--target", WASM_TARGET])
            .current_dir("crates/sepal-wasm")
            .env("CHROMEDRIVER", &chromium.driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "300"),
    )
}

/// The node test files in `tests/` drive the real page in Chromium, served by
/// our own server.
fn end_to_end_tests(browsers: &Browsers, address: SocketAddr) -> Result<()> {
    let chromium = browsers.chromium.as_ref().ok_or("Chromium was not set up")?;
    let files = test_files(Path::new("tests"), ".test.mjs")?;
    cmd::run(
        node_test()
            .args(&files)
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("SEPAL_SINGLE_FILE", dist::single_file_path()?)
            .env("CHROMIUM", &chromium.browser),
    )
}

/// node's test runner, one file at a time. Force-exit: a failed test that
/// leaves its browser open must not hang CI; the timeout (per test, in ms)
/// catches a test that hangs.
pub fn node_test() -> std::process::Command {
    let mut node = command("node");
    node.args([
        "--test",
        "--test-concurrency=1",
        "--test-force-exit",
        "--test-timeout=300000",
    ]);
    node
}

/// The files of `dir` whose names end with `suffix`, sorted (Node 20 does
/// not expand directories or globs for --test itself).
pub fn test_files(dir: &Path, suffix: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    if files.is_empty() {
        return Err(format!("{} has no *{suffix} files", dir.display()));
    }
    files.sort();
    Ok(files)
}
