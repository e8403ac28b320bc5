//! What the test binaries share.

use std::process::{Command, Output, Stdio};

/// Every command that writes to stdout, kept short.
pub const WRITERS: [&[&str]; 6] = [
    &["train", "--iterations", "10"],
    &["train", "--iterations", "10", "--json"],
    &["sweep", "--iterations", "10"],
    &["sweep", "--iterations", "10", "--json"],
    &["train", "--help"],
    &["--help"],
];

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Runs the binary with `args`, its stdout going to `stdout`.
pub fn sepal_into(stdout: impl Into<Stdio>, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sepal-cli"))
        .args(args)
        .stdout(stdout)
        .output()
        .expect("the binary runs")
}
