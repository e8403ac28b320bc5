//! `cargo xtask <command>`: the project's build, serve, test and dist steps,
//! written in Rust so that they run wherever cargo does and install what they
//! need on a fresh machine instead of assuming it.

mod bench;
mod cmd;
mod dist;
mod engines;
mod profile;
mod serve;
mod test;
mod tools;
mod wasm_build;

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every failure is one readable sentence; `main` prints it as `error: ...`.
pub type Result<T> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build             build the wasm into www/pkg/ (installs the wasm32 target and the pinned wasm-bindgen CLI if missing)
  serve [--port N]  build, then serve www/ at http://127.0.0.1:N/ (default 8000)
  test              every test: native, no_std build, wasm in headless Chromium, dist, the browser
                    end-to-end tests, the cross-engine tests in Chromium, Firefox ESR and WebKitGTK, and
                    their bits against native (installs the browsers if missing)
  test --engine E   only engine E's browser stages (chromium, firefox or webkit), after dist
  dist              build dist/ (the static site) and dist/sepal-playground.html (one self-contained file)
  bench             the benchmarks
  profile           where the wasm's bytes and the time of an iteration, a frame and the page load go";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // Every path below is relative to the project root, wherever cargo was run from.
    if let Err(e) = env::set_current_dir(project_root()) {
        eprintln!("error: cannot enter the project root: {e}");
        return ExitCode::FAILURE;
    }
    let result = match args.as_slice() {
        ["build"] => wasm_build::build(),
        ["serve"] => serve::serve(serve::DEFAULT_PORT),
        ["serve", "--port", port] => match port.parse() {
            Ok(port) => serve::serve(port),
            Err(_) => Err(format!("--port takes a port number, not `{port}`")),
        },
        ["test"] => test::test(None),
        ["test", "--engine", name] => engines::Engine::parse(name).and_then(|engine| test::test(Some(engine))),
        ["dist"] => dist::dist(),
        ["bench"] => bench::bench(),
        ["profile"] => profile::profile(),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: this crate lives in `<root>/crates/xtask`.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/xtask has two parents")
        .to_path_buf()
}
