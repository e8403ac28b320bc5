//! `cargo xtask build`: the release wasm, its wasm-bindgen glue in `www/pkg/`,
//! then wasm-opt to shrink it when binaryen is at hand.

use crate::cmd::{self, command};
use crate::tools::{self, WASM_TARGET};
use crate::Result;
use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the page loads the wasm from (`--out-name sepal` in `www/pkg/`).
pub const WASM: &str = "www/pkg/sepal_bg.wasm";

pub fn build() -> Result<()> {
    tools::ensure_build_tools()?;
    cmd::run(cmd::cargo().args([
        "build",
        "-p",
        "sepal-wasm",
        "--lib",
        "--target",
        WASM_TARGET,
        "--release",
    ]))?;
    let raw = raw_wasm();
    cmd::run(
        command("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-dir",
                "www/pkg",
                "--out-name",
                "sepal",
            ])
            .arg(raw),
    )?;
    let unoptimised = size(WASM)?;
    if let Some(wasm_opt) = tools::wasm_opt() {
        optimise(&wasm_opt);
    }
    let size = size(WASM)?;
    if size == unoptimised {
        println!("{WASM}: {size} bytes");
    } else {
        println!("{WASM}: {size} bytes ({unoptimised} before wasm-opt)");
    }
    Ok(())
}

/// What cargo builds, before wasm-bindgen and wasm-opt.
pub fn raw_wasm() -> PathBuf {
    let target_dir = env::var_os("CARGO_TARGET_DIR").map_or_else(|| PathBuf::from("target"), PathBuf::from);
    target_dir.join(WASM_TARGET).join("release/sepal_wasm.wasm")
}

/// Runs wasm-opt on the wasm in place. Its output goes to a temporary file
/// first so that a failure (only warned about) leaves the working wasm alone.
fn optimise(wasm_opt: &Path) {
    let optimised = "www/pkg/sepal_bg.opt.wasm";
    let result = cmd::run(
        command(wasm_opt)
            .args(["-Oz", "--strip-debug"])
            // The features rustc's wasm32 target enables by default.
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .args([WASM, "-o", optimised]),
    )
    .and_then(|()| fs::rename(optimised, WASM).map_err(|e| format!("cannot replace {WASM}: {e}")));
    if let Err(e) = result {
        let _ = fs::remove_file(optimised);
        println!("warning: keeping the unoptimised wasm: {e}");
    }
}

fn size(path: &str) -> Result<u64> {
    fs::metadata(path)
        .map(|meta| meta.len())
        .map_err(|e| format!("cannot read {path}: {e}"))
}
