//! Grouping, alignment and whole analyses over invented articles and generated sets: properties, the project corpus, fuzz-found inputs.

#[path = "../support/mod.rs"]
mod support;

mod align;
mod corpus;
mod fuzz_regressions;
mod incremental;
mod properties;
mod records;
