//! Makes sure the tools a command needs are there. On a fresh Debian machine
//! with only rustup, cargo, node and npm everything is installed (each install
//! says what it does first); what cannot be installed stops the command with
//! one sentence saying what to install.

use crate::cmd::{self, command};
use crate::Result;
use std::fs;
use std::path::{Path, PathBuf};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// A bare-metal target, to prove the math crate builds without std.
pub const NO_STD_TARGET: &str = "thumbv7em-none-eabihf";

/// What `build` needs: the wasm32 target and the wasm-bindgen CLI pinned by
/// Cargo.lock (the CLI must match the library exactly or it refuses the wasm).
pub fn ensure_build_tools() -> Result<()> {
    ensure_rust_targets(&[WASM_TARGET])?;
    ensure_wasm_bindgen()
}

/// The headless browser used by the wasm tests and the end-to-end tests.
pub struct Chromium {
    pub browser: PathBuf,
    pub driver: PathBuf,
}

/// WebKitGTK, Safari's engine family: its WebDriver, the MiniBrowser it
/// drives, and xvfb-run, because MiniBrowser has no headless mode.
pub struct WebKit {
    pub driver: PathBuf,
    pub browser: PathBuf,
    pub xvfb_run: PathBuf,
}

/// The browsers of the stages that run (see `engines::Engine`).
#[derive(Default)]
pub struct Browsers {
    pub chromium: Option<Chromium>,
    pub firefox: Option<PathBuf>,
    pub webkit: Option<WebKit>,
}

/// What the browser commands need on top of the build tools: the no_std
/// target, node and npm, Chromium and chromedriver.
pub fn ensure_test_tools() -> Result<Chromium> {
    ensure_test_tools_without_browsers()?;
    ensure_chromium()
}

/// What `test` needs: `ensure_test_tools` with the browsers asked for
/// (Chromium also runs the wasm tests).
pub fn ensure_test_browsers(chromium: bool, firefox: bool, webkit: bool) -> Result<Browsers> {
    ensure_test_tools_without_browsers()?;
    Ok(Browsers {
        chromium: chromium.then(ensure_chromium).transpose()?,
        firefox: firefox.then(ensure_firefox).transpose()?,
        webkit: webkit.then(ensure_webkit).transpose()?,
    })
}

fn ensure_test_tools_without_browsers() -> Result<()> {
    ensure_rust_targets(&[WASM_TARGET, NO_STD_TARGET])?;
    ensure_wasm_bindgen()?;
    ensure_node()
}

fn ensure_rust_targets(targets: &[&str]) -> Result<()> {
    let installed = cmd::probe(command("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is missing: install Rust with rustup")?;
    let missing: Vec<&str> = targets
        .iter()
        .copied()
        .filter(|target| !installed.lines().any(|line| line.trim() == *target))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("Rust target {} is missing: installing it", missing.join(", "));
    cmd::run(command("rustup").args(["target", "add"]).args(&missing))
}

fn ensure_wasm_bindgen() -> Result<()> {
    let lock = fs::read_to_string("Cargo.lock").map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let version = locked_version(&lock, "wasm-bindgen")
        .ok_or("Cargo.lock pins no wasm-bindgen: run `cargo generate-lockfile`")?;
    // The CLI also provides the test runner; both must match the library.
    let matches = |tool: &str| {
        cmd::probe(command(tool).arg("--version")).is_some_and(|out| out.split_whitespace().nth(1) == Some(version))
    };
    if matches("wasm-bindgen") && matches("wasm-bindgen-test-runner") {
        return Ok(());
    }
    println!("wasm-bindgen CLI {version} (the version Cargo.lock pins) is missing: installing it");
    // Not `--locked`: the CLI's own lock file does not resolve on this toolchain.
    cmd::run(cmd::cargo().args(["install", "wasm-bindgen-cli", "--version", version]))
}

/// The version Cargo.lock records for package `name`.
fn locked_version<'a>(lock: &'a str, name: &str) -> Option<&'a str> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines().map(str::trim);
    lines.find(|line| *line == wanted)?;
    lines.next()?.strip_prefix("version = \"")?.strip_suffix('"')
}

/// Node 20.14 is the first with all the test runner flags `test` uses.
fn ensure_node() -> Result<()> {
    if cmd::find_program("node").is_none() || cmd::find_program("npm").is_none() {
        apt_install("Node.js", &["nodejs", "npm"])?;
    }
    let version = cmd::probe(command("node").arg("--version")).unwrap_or_default();
    let numbers: Vec<u32> = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .map_while(|n| n.parse().ok())
        .collect();
    if numbers.as_slice() < [20, 14].as_slice() {
        return Err(format!(
            "Node.js {} is too old: install Node.js 20.14 or newer",
            version.trim()
        ));
    }
    Ok(())
}

fn ensure_chromium() -> Result<Chromium> {
    let find = || {
        Some(Chromium {
            browser: cmd::find_program("chromium")?,
            driver: cmd::find_program("chromedriver")?,
        })
    };
    if let Some(found) = find() {
        return Ok(found);
    }
    apt_install("Chromium", &["chromium", "chromium-driver"])?;
    find()
        .ok_or_else(|| "Chromium is still missing after installing it: install `chromium` and `chromium-driver`".into())
}

/// Debian's Firefox ESR (stock Firefox speaks WebDriver BiDi, which
/// puppeteer-core drives; no geckodriver needed).
fn ensure_firefox() -> Result<PathBuf> {
    let find = || cmd::find_program("firefox-esr");
    if let Some(found) = find() {
        return Ok(found);
    }
    apt_install("Firefox ESR", &["firefox-esr"])?;
    find().ok_or_else(|| "Firefox ESR is still missing after installing it: install `firefox-esr`".into())
}

fn ensure_webkit() -> Result<WebKit> {
    let find = || {
        Some(WebKit {
            driver: cmd::find_program("WebKitWebDriver")?,
            browser: minibrowser()?,
            xvfb_run: cmd::find_program("xvfb-run")?,
        })
    };
    if let Some(found) = find() {
        return Ok(found);
    }
    apt_install("WebKitGTK", &["webkit2gtk-driver", "xvfb"])?;
    find().ok_or_else(|| {
        "WebKitGTK is still missing after installing it: install `webkit2gtk-driver` \
         (WebKitWebDriver, with MiniBrowser in libwebkit2gtk-4.1-0) and `xvfb`"
            .into()
    })
}

/// MiniBrowser is not on PATH: Debian ships it in the library's directory,
/// /usr/lib/<multiarch triple>/webkit2gtk-4.1/.
fn minibrowser() -> Option<PathBuf> {
    fs::read_dir("/usr/lib")
        .ok()?
        .flatten()
        .map(|entry| entry.path().join("webkit2gtk-4.1/MiniBrowser"))
        .find(|path| path.is_file())
}

/// Installs Debian packages when we are root; otherwise says how to.
fn apt_install(what: &str, packages: &[&str]) -> Result<()> {
    let packages = packages.join(" ");
    let is_root = cmd::probe(command("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "{what} is missing: install it with `sudo apt-get install {packages}`"
        ));
    }
    println!("{what} is missing: installing it with apt-get");
    cmd::run(command("apt-get").arg("update"))
        .and_then(|()| {
            cmd::run(
                command("apt-get")
                    .env("DEBIAN_FRONTEND", "noninteractive")
                    .args(["install", "-y"])
                    .args(packages.split(' ')),
            )
        })
        .map_err(|e| {
            format!("{what} is missing and apt-get could not install it ({e}): install the Debian packages {packages}")
        })
}

/// Runs `npm ci` in `dir` unless its node_modules is at least as new as its
/// package-lock.json, so that a changed lock file reinstalls by itself.
pub fn npm_ci(dir: &Path) -> Result<()> {
    let modified = |path: PathBuf| fs::metadata(path).and_then(|meta| meta.modified()).ok();
    // The file `npm ci` writes last, not the directory: an emptied
    // node_modules (a worktree's link removed) must install again.
    let installed = modified(dir.join("node_modules/.package-lock.json"));
    let locked = modified(dir.join("package-lock.json")).ok_or_else(|| {
        format!(
            "{}/package-lock.json is missing: run `npm install` there",
            dir.display()
        )
    })?;
    if installed.is_some_and(|installed| installed >= locked) {
        return Ok(());
    }
    if cmd::find_program("npm").is_none() {
        return Err("npm is missing: install it with `sudo apt-get install nodejs npm`".into());
    }
    println!(
        "{}/node_modules is missing or older than its lock file: installing it",
        dir.display()
    );
    cmd::run(
        command("npm")
            .args(["ci", "--no-audit", "--no-fund", "--prefix"])
            .arg(dir),
    )
}

/// binaryen's wasm-opt from `tools/`, or None with a warning: a smaller
/// wasm is welcome, not required.
pub fn wasm_opt() -> Option<PathBuf> {
    npm_tool("wasm-opt")
        .inspect_err(|e| println!("warning: wasm-opt is unavailable, the wasm stays unoptimised: {e}"))
        .ok()
}

/// esbuild from `tools/`, which bundles the single-file page's JS.
pub fn esbuild() -> Result<PathBuf> {
    npm_tool("esbuild")
}

/// A program of an npm package in `tools/` (pinned by
/// tools/package-lock.json), installed first if need be.
fn npm_tool(name: &str) -> Result<PathBuf> {
    npm_ci(Path::new("tools"))?;
    let path = Path::new("tools/node_modules/.bin").join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: delete tools/node_modules to reinstall it",
            path.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::locked_version;

    #[test]
    fn reads_the_locked_version() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.131\"\n";
        assert_eq!(locked_version(lock, "wasm-bindgen"), Some("0.2.130"));
        assert_eq!(locked_version(lock, "wasm-bindgen-macro"), Some("0.2.131"));
        assert_eq!(locked_version(lock, "js-sys"), None);
    }
}
