//! Child processes. Every command is echoed (`$ cargo build ...`) before it
//! runs so that a log shows exactly what to rerun by hand, and every child
//! sees cargo's bin directory on its PATH, where `cargo install` puts tools.

use crate::Result;
use std::env;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// A command whose PATH starts with cargo's bin directory.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    command.env("PATH", search_path());
    command
}

/// The cargo that runs this xtask (cargo tells us in `$CARGO`), so that the
/// nested builds use the same toolchain.
pub fn cargo() -> Command {
    command(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Echoes and runs a command, streaming its output; fails unless it exits 0.
pub fn run(command: &mut Command) -> Result<()> {
    let shown = display(command);
    println!("$ {shown}");
    let status = command.status().map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its stdout if it exits 0: for asking
/// tools about themselves (`--version`) without noise.
pub fn probe(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Where `program` would be found on our children's PATH.
pub fn find_program(program: &str) -> Option<PathBuf> {
    env::split_paths(&search_path())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

/// PATH with cargo's bin directory in front (once).
fn search_path() -> OsString {
    let mut dirs: Vec<PathBuf> = env::split_paths(&env::var_os("PATH").unwrap_or_default()).collect();
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    if let Some(bin) = cargo_home.map(|home| home.join("bin")) {
        if !dirs.contains(&bin) {
            dirs.insert(0, bin);
        }
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// `(cd DIR && KEY=value program args)`, the way one would type it.
fn display(command: &Command) -> String {
    let program = if Some(command.get_program()) == env::var_os("CARGO").as_deref() {
        "cargo".to_string()
    } else {
        command.get_program().to_string_lossy().into_owned()
    };
    let mut words: Vec<String> = command
        .get_envs()
        .filter(|(key, _)| *key != "PATH")
        .filter_map(|(key, value)| Some(format!("{}={}", key.to_string_lossy(), value?.to_string_lossy())))
        .collect();
    words.push(program);
    words.extend(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    let line = words.join(" ");
    match command.get_current_dir() {
        Some(dir) => format!("(cd {} && {line})", dir.display()),
        None => line,
    }
}
