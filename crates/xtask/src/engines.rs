//! The browser engines the page is tested in, beside native: Chromium (as
//! Chrome), Firefox ESR (as Firefox) and WebKitGTK (Safari's engine family,
//! as on an iPad). Each runs `tests/engines/*.engine.mjs` (one driver per
//! engine, `tests/engines/<name>.mjs`), which also writes what the engine
//! computed into `target/engine-bits/<name>.json`; `compare_bits` then holds
//! every engine to the native bits.

use crate::cmd;
use crate::dist;
use crate::test::{node_test, test_files};
use crate::tools::Browsers;
use crate::Result;
use serde_json::Value;
use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// `--engine`'s word, SEPAL_ENGINE's value and the driver's file name.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox ESR",
            Engine::WebKit => "WebKitGTK",
        }
    }

    pub fn parse(name: &str) -> Result<Engine> {
        Engine::ALL
            .into_iter()
            .find(|engine| engine.name() == name)
            .ok_or_else(|| format!("--engine takes chromium, firefox or webkit, not `{name}`"))
    }
}

const BITS_DIR: &str = "target/engine-bits";

fn bits_file(engine: Engine) -> PathBuf {
    Path::new(BITS_DIR).join(format!("{}.json", engine.name()))
}

/// Removes the previous run's results, so that a stage that did not run
/// cannot pass for one that did.
pub fn forget_bits() -> Result<()> {
    match fs::remove_dir_all(BITS_DIR) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(format!("cannot remove {BITS_DIR}: {e}")),
        _ => Ok(()),
    }
}

/// The native bits, as 16 hex digits: the constants the native tests
/// assert (`cargo test`'s tests/native.rs and tests/map_bits.rs of
/// sepal-wasm), read from their sources so that there is one copy.
fn native_bits() -> Result<[(&'static str, String); 2]> {
    let constant = |file: &str, name: &str| -> Result<String> {
        let source = fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let wanted = format!("const {name}: u64 = 0x");
        source
            .lines()
            .find_map(|line| line.trim().strip_prefix(&wanted)?.strip_suffix(';'))
            .map(|hex| format!("{:0>16}", hex.replace('_', "")))
            .ok_or_else(|| format!("{file} has no `{wanted}…;`"))
    };
    Ok([
        (
            "cost1000",
            constant("crates/sepal-wasm/tests/common/pinned_bits.rs", "COST_AFTER_1000_BITS")?,
        ),
        ("map", constant("crates/sepal-wasm/tests/map_bits.rs", "MAP_CHECKSUM")?),
    ])
}

/// tests/engines/*.engine.mjs in `engine`, against the page at `address`.
pub fn engine_tests(engine: Engine, browsers: &Browsers, address: SocketAddr) -> Result<()> {
    let files = test_files(Path::new("tests/engines"), ".engine.mjs")?;
    let [(_, cost), (_, map)] = native_bits()?;
    fs::create_dir_all(BITS_DIR).map_err(|e| format!("cannot create {BITS_DIR}: {e}"))?;
    let missing = || format!("{} was not set up", engine.label());
    let mut node = node_test();
    match engine {
        Engine::Chromium => {
            node.env("CHROMIUM", &browsers.chromium.as_ref().ok_or_else(missing)?.browser);
        }
        Engine::Firefox => {
            node.env("FIREFOX", browsers.firefox.as_ref().ok_or_else(missing)?);
        }
        // MiniBrowser needs a display: the whole run gets a virtual one.
        // With no GPU there, WebKit's GL compositing is software rendering,
        // which halves the frame rate on a loaded machine: drawn without.
        Engine::WebKit => {
            let webkit = browsers.webkit.as_ref().ok_or_else(missing)?;
            let mut under_xvfb = cmd::command(&webkit.xvfb_run);
            under_xvfb
                .args(["-a", "-s", "-screen 0 1600x1200x24"])
                .arg(node.get_program())
                .args(node.get_args())
                .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1")
                .env("WEBKIT_DRIVER", &webkit.driver)
                .env("MINIBROWSER", &webkit.browser);
            node = under_xvfb;
        }
    }
    cmd::run(
        node.args(&files)
            .env("SEPAL_ENGINE", engine.name())
            .env("SEPAL_URL", format!("http://{address}/"))
            .env("SEPAL_SINGLE_FILE", dist::single_file_path()?)
            .env("SEPAL_NATIVE_COST_BITS", cost)
            .env("SEPAL_NATIVE_MAP_CHECKSUM", map)
            .env("SEPAL_BITS_FILE", bits_file(engine)),
    )
}

/// Every engine's cost bits after 1,000 iterations and decision-map
/// checksum against native's, as a table; fails on any difference or on an
/// engine that wrote nothing.
pub fn compare_bits(engines: &[Engine]) -> Result<()> {
    let native = native_bits()?;
    println!("  {:<28} {:<18} {:<18}", "", "cost after 1000", "decision map");
    let cost = u64::from_str_radix(&native[0].1, 16)
        .map(f64::from_bits)
        .unwrap_or(f64::NAN);
    println!(
        "  {:<28} {:<18} {:<18} (the cost is {cost:?})",
        "native (pinned)", native[0].1, native[1].1
    );
    let mut differ = Vec::new();
    for &engine in engines {
        let file = bits_file(engine);
        let text =
            fs::read_to_string(&file).map_err(|e| format!("{} wrote no {}: {e}", engine.label(), file.display()))?;
        let json: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let field = |key: &str| json.get(key).and_then(Value::as_str).unwrap_or("?").to_string();
        let name = format!("{} {}", engine.label(), field("version"));
        println!("  {name:<28} {:<18} {:<18}", field("cost1000"), field("map"));
        for (key, bits) in &native {
            if field(key) != *bits {
                differ.push(format!("{} {key}", engine.label()));
            }
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        Err(format!("not the native bits: {}", differ.join(", ")))
    }
}
