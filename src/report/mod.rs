//! Analyses written out: the JSON contract, CSV, text for a terminal.

pub mod csv;
pub mod json;
pub mod text;
