//! Child processes. Every command is echoed (`$ cargo build ...`) before it
//! runs so that a log shows exactly what to rerun by hand, and every child
//! sees cargo's bin directory on its PATH, where `cargo install` puts tools.
//! The benchmarks' children run under a time limit, past which they are
//! killed with everything they started.

use crate::Result;
use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

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

/// Runs a command quietly and returns its stdout if it exits 0 within a
/// minute: for asking tools about themselves (`--version`) without noise.
pub fn probe(command: &mut Command) -> Option<String> {
    let stdout = run_quiet(command, Duration::from_secs(60)).ok()?;
    Some(String::from_utf8_lossy(&stdout).into_owned())
}

/// Where `program` would be found on our children's PATH.
pub fn find_program(program: &str) -> Option<PathBuf> {
    env::split_paths(&search_path())
        .map(|dir| dir.join(program))
        .find(|path| path.is_file())
}

/// Echoes and runs a command with its stderr shown, its stdout captured;
/// kills it (and everything it started) after `limit`.
pub fn run_limited(command: &mut Command, limit: Duration) -> Result<String> {
    let shown = display(command);
    println!("$ {shown}");
    let stdout = run_child(command.stderr(Stdio::inherit()), limit).map_err(|e| format!("`{shown}` {e}"))?;
    Ok(String::from_utf8_lossy(&stdout).into_owned())
}

/// Runs a command silently (stderr dropped) under a time limit; its stdout.
pub fn run_quiet(command: &mut Command, limit: Duration) -> Result<Vec<u8>> {
    run_child(command.stderr(Stdio::null()), limit)
}

fn run_child(command: &mut Command, limit: Duration) -> Result<Vec<u8>> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start: {e}"))?;
    let mut pipe = child.stdout.take().expect("stdout is piped");
    // Read as it comes, so that a grandchild keeping the pipe open after
    // the child is gone cannot hold up the result.
    let captured = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let captured = Arc::clone(&captured);
        thread::spawn(move || {
            let mut chunk = [0; 8192];
            while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                captured.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        })
    };
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                kill_tree(child.id());
                let _ = child.wait();
                return Err(format!("took longer than {} s and was stopped", limit.as_secs()));
            }
            Err(e) => return Err(format!("cannot be waited for: {e}")),
        }
    };
    let drained = Instant::now() + Duration::from_secs(5);
    while !reader.is_finished() && Instant::now() < drained {
        thread::sleep(Duration::from_millis(20));
    }
    let stdout = std::mem::take(&mut *captured.lock().unwrap());
    if status.success() {
        Ok(stdout)
    } else {
        Err(format!("failed ({status})"))
    }
}

/// Kills `pid` and its descendants (found through /proc), children first
/// listed after their parent so that nothing is re-parented unseen.
fn kill_tree(pid: u32) {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces.
            let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            let ppid = stat
                .rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().nth(1)?.parse().ok());
            if let Some(ppid) = ppid {
                parents.push((child, ppid));
            }
        }
    }
    let mut tree = vec![pid];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(parents.iter().filter(|(_, p)| *p == parent).map(|(c, _)| *c));
        i += 1;
    }
    let pids: Vec<String> = tree.iter().map(u32::to_string).collect();
    let _ = Command::new("kill").arg("-KILL").args(&pids).status();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_past_its_limit_is_stopped() {
        let started = Instant::now();
        let result = run_quiet(
            Command::new("sh").args(["-c", "sleep 30 & sleep 30"]),
            Duration::from_millis(300),
        );
        assert!(result.unwrap_err().contains("stopped"));
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
