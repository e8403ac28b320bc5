//! What the test binaries share.

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
