//! What the integration tests and benchmarks share: hand-made analyses (re-exported here),
//! invented articles and corrections (`articles`), builders for PDF and Word files (`files`) and
//! the seeded news generator (`news`).
#![allow(dead_code, unused_imports)]

pub mod analyses;
pub mod articles;
pub mod files;
pub mod news;

pub use analyses::*;
