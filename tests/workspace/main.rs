//! The user's work: corrections, workspaces, exports, and the command line that writes them.

#[path = "../support/mod.rs"]
mod support;

mod cli;
mod work;
mod work_export;
