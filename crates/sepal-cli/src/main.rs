//! `sepal-cli`: the playground's training without the page, for scripts and
//! for checking the course's numbers. `train` prints the notebook's cost log
//! (or one JSON object), `sweep` the notebook's hidden-layer-size table, `gradcheck` the
//! gradient-checking notebook's check of the backward pass.
//!
//! Exit codes: 0 done, 1 output failed, 2 bad command line, 3 diverged.
//! Each failure says why in one sentence on stderr, except a reader that went
//! away (`| head -1`): that exits 1 quietly.

mod args;
mod gradcheck;
mod json;
mod output;
mod sweep;
mod train;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use args::Parsed;

/// Why a command did not finish normally; each maps to one exit code.
pub enum Failure {
    /// A bad command line: the message names the option, the value and
    /// what is allowed.
    Usage(String),
    /// Training blew up; the message says where and why.
    Diverged(String),
    /// Writing the output failed (e.g. a closed pipe).
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::Output(e)
    }
}

const USAGE: &str = "\
sepal-cli: the Sepal playground's training, from the command line

Usage:
  sepal-cli train [options] [--json]   train once and print the course's cost log
  sepal-cli sweep [options] [--json]   the course's accuracy vs hidden layer size table
  sepal-cli gradcheck [options] [--bug] [--json]
                                       the course's gradient check of the backward pass

Run `sepal-cli train --help` (or sweep, gradcheck) for the options.
";

fn main() -> ExitCode {
    // args_os, not args: a non-UTF-8 argument is an error message, not a panic.
    let mut argv = std::env::args_os().skip(1);
    let command = argv.next();
    let result = match command.as_ref().map(|c| c.to_string_lossy()).as_deref() {
        Some("train") => run(&args::TRAIN, argv, train::run),
        Some("sweep") => run(&args::SWEEP, argv, sweep::run),
        Some("gradcheck") => run(&args::GRADCHECK, argv, gradcheck::run),
        Some("help" | "--help" | "-h") => print(USAGE),
        None => Err(Failure::Usage(format!("a command is needed\n\n{USAGE}"))),
        Some(other) => Err(Failure::Usage(format!("unknown command \"{other}\"\n\n{USAGE}"))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(message)) => fail(&message, 2),
        Err(Failure::Diverged(message)) => fail(&message, 3),
        // A reader that stopped early (`| head`) has what it wanted: stop
        // quietly, as `cat` or `seq` do, but with the exit code the README
        // gives for output that was not all written rather than by SIGPIPE.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(1),
        Err(Failure::Output(e)) => fail(&format!("cannot write the output: {e}"), 1),
    }
}

fn run(
    command: &args::Command,
    argv: impl Iterator<Item = OsString>,
    body: fn(&args::Options, &mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match args::parse(command, argv).map_err(Failure::Usage)? {
        Parsed::Help => print(&args::help(command)),
        Parsed::Run(options) => {
            // Before the work: a run whose output cannot be written is not
            // worth doing.
            let mut out = output::stdout()?;
            match body(&options, &mut out) {
                Err(Failure::Output(e)) => Err(Failure::Output(e)),
                // A diverged run's log or JSON is output too.
                done => {
                    out.flush()?;
                    done
                }
            }
        }
    }
}

/// Writes all of `text` and flushes it, so a failure is seen here and not
/// dropped by the flush at exit.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = output::stdout()?;
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// eprintln! would panic if stderr is closed; a failed message is dropped.
fn fail(message: &str, code: u8) -> ExitCode {
    let _ = writeln!(io::stderr().lock(), "error: {message}");
    ExitCode::from(code)
}
