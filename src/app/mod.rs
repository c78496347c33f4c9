//! The desktop app.

use std::ffi::OsString;

/// Opens the window on `paths` (the demo articles when empty); returns the process exit code.
pub fn run(_paths: Vec<OsString>) -> i32 {
    0
}
