//! Analyses written out: the JSON contract, CSV, HTML, workspaces.

pub mod json;
