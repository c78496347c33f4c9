//! Reading articles: every format, hostile input, URLs.

#[path = "../support/mod.rs"]
mod support;

mod formats;
mod hostile;
mod ingest;
mod url;
