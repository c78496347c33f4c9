//! Verbatim finds every quotation in a set of news articles, works out who said it, puts the
//! versions of one statement from different articles side by side and marks what changed.
//!
//! ```text
//! bytes ──ingest──▶ Article (clean text, offsets to the original, warnings)
//!       ──extract─▶ Quote (direct / partial, span, attribution as written)
//!       ──speakers▶ Quote.speaker (pronouns and roles resolved, names unified)
//!       ──group───▶ groups of the same statement across articles
//!       ──align───▶ Group (reference, word diff of each member, classes, flags)
//! ```
//!
//! The engine is pure: it takes bytes and text and returns the plain data in [`model`]. The
//! command line ([`cli`]) and the desktop window (`app`, only with the default `gui` feature)
//! are thin layers over [`pipeline::analyze`]. Built with `--no-default-features`, the crate
//! (library and command line) depends on no GUI crate at all.

pub mod align;
#[cfg(feature = "gui")]
pub mod app;
pub(crate) mod chars;
pub mod cli;
pub mod corrections;
pub mod extract;
pub mod folder;
pub mod group;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod records;
pub mod report;
pub mod speakers;
pub mod view;
pub mod workspace;

pub use model::{Analysis, Article, Group, Quote};
pub use pipeline::{AnalyzeOptions, analyze};
