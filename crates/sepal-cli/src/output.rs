//! Standard output, refused when it was not open at start.
//!
//! Before `main`, Rust's runtime opens /dev/null on any of descriptors 0–2
//! that is not open, so with `sepal-cli train >&-` every write would go to
//! /dev/null and "succeed". On Linux a function in `.init_array` runs before
//! that start-up code and notes whether descriptor 1 was open; if it was not,
//! [`stdout`] fails as writing to a closed descriptor would. Elsewhere the
//! runtime's /dev/null stands in unnoticed.

use std::io;

/// Standard output, or the reason nothing can be written to it.
pub fn stdout() -> io::Result<io::StdoutLock<'static>> {
    if closed_at_start() {
        return Err(io::Error::other("standard output is closed"));
    }
    Ok(io::stdout().lock())
}

#[cfg(target_os = "linux")]
fn closed_at_start() -> bool {
    at_start::STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(not(target_os = "linux"))]
fn closed_at_start() -> bool {
    false
}

#[cfg(target_os = "linux")]
mod at_start {
    use std::sync::atomic::{AtomicBool, Ordering};

    pub static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

    /// Called by the C runtime with the other `.init_array` entries, before
    /// `main` and so before Rust's runtime puts /dev/null on descriptor 1.
    extern "C" fn note_stdout() {
        // SAFETY: F_GETFD only reads descriptor 1's flags; it fails (with
        // EBADF, its only error for a valid command) exactly when the
        // descriptor is not open.
        let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
        STDOUT_CLOSED.store(closed, Ordering::Relaxed);
    }

    #[used]
    #[link_section = ".init_array"]
    static NOTE_STDOUT: extern "C" fn() = note_stdout;
}
