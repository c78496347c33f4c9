//! The command line: `verbatim analyze`, `verbatim export`.

use std::ffi::OsString;

/// Whether `args` (the program name first) ask for a command-line subcommand rather than the
/// window.
pub fn is_cli(args: &[OsString]) -> bool {
    matches!(
        args.get(1).and_then(|a| a.to_str()),
        Some("analyze" | "export" | "help" | "--help" | "-h" | "--version" | "-V")
    )
}

/// Runs the command line; returns the process exit code.
pub fn main(_args: Vec<OsString>) -> i32 {
    0
}

/// Reads one input named on the command line: an `http://` or `https://` URL is fetched (the
/// only time the command line uses the network), anything else is read as a file.
pub fn load_input(input: &str) -> Result<crate::model::Article, crate::ingest::IngestError> {
    if crate::ingest::url::is_url(input) {
        crate::ingest::url::ingest_url(input)
    } else {
        crate::ingest::load_path(std::path::Path::new(input))
    }
}
