//! `cargo xtask profile`: where the bytes and the time go, to explain the
//! benchmark's figures. A wasm build that keeps its function names
//! (`target/profile/pkg/`) is read by `bench/profile/wasm.mjs` (code size
//! per crate and function, and a sampling profile of a course iteration in
//! node's V8), then `bench/profile/page.mjs` traces the real page in
//! headless Chromium (a frame at `speed=max`, and the load to the first
//! frame).

use crate::cmd::{self, command};
use crate::tools;
use crate::{serve, wasm_build, Result};
use std::path::Path;

const NAMED_PKG: &str = "target/profile/pkg";

pub fn profile() -> Result<()> {
    wasm_build::build()?;
    // The same module as www/pkg, before wasm-opt, with its name section.
    cmd::run(
        command("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-debug",
                "--out-dir",
                NAMED_PKG,
            ])
            .args(["--out-name", "sepal"])
            .arg(wasm_build::raw_wasm()),
    )?;
    println!("\n==> bench/profile/wasm.mjs");
    cmd::run(command("node").args(["bench/profile/wasm.mjs", NAMED_PKG]))?;

    let chromium = tools::ensure_test_tools()?;
    tools::npm_ci(Path::new("bench"))?;
    let address = serve::start(Path::new("www"), 0, false)?;
    println!("\n==> bench/profile/page.mjs");
    cmd::run(
        command("node")
            .arg("bench/profile/page.mjs")
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("CHROMIUM", &chromium.browser),
    )
}
