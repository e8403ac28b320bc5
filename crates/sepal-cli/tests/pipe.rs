//! A reader that goes away (`sepal-cli ... | head -1`): the binary stops
//! with exit 1 and nothing on stderr.
//!
//! Alone in its own test binary: a child spawned by a test running beside it
//! holds copies of this process's descriptors between its fork and its exec,
//! and a short output written while it holds a pipe's read end would go into
//! the pipe and succeed.

mod common;

use std::io::{self, BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{sepal_into, text, WRITERS};

#[test]
#[cfg(unix)]
fn a_reader_that_stops_early_ends_it_quietly() {
    // `sepal-cli train ... | head -1`: far more than a pipe holds, so the
    // binary is still writing when the reader goes away.
    let mut child = Command::new(env!("CARGO_BIN_EXE_sepal-cli"))
        .args(["train", "--iterations", "1000000", "--log-every", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "Cost after iteration 0: 0.693162\n");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "no error spew");

    // A pipe whose reader is gone before the binary starts.
    for args in WRITERS {
        let (reader, writer) = io::pipe().unwrap();
        drop(reader);
        let out = sepal_into(writer, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "", "{args:?}: no error spew");
    }
}
