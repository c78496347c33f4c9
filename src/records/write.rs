//! Articles → record lines: each article's record, then one record per quotation, as JSON
//! Lines. [`extract_to`] reads and extracts a list of inputs on every core, a chunk at a time,
//! and writes their records in input order, so memory stays that of one chunk however long the
//! list is.

use std::io::Write;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::{ArticleRecord, QuoteRecord, Record};
use crate::extract;
use crate::ingest::{self, IngestError};
use crate::model::Article;

/// Inputs read and extracted at a time, between writes.
const CHUNK: usize = 256;

/// The id of the `n`-th input (from 1) at `path`: `PREFIX{n}` when a prefix is given (one
/// prefix per shard keeps ids unique across shards), else `p` and 16 hex digits of the path's
/// xxh3 hash, the same in every shard that reads that path.
///
/// ```
/// use verbatim::records::article_id;
/// assert_eq!(article_id("news/a.txt", Some("s2-"), 7), "s2-7");
/// assert_eq!(article_id("news/a.txt", None, 7), article_id("news/a.txt", None, 1));
/// assert_ne!(article_id("news/a.txt", None, 1), article_id("news/b.txt", None, 1));
/// ```
pub fn article_id(path: &str, prefix: Option<&str>, n: usize) -> String {
    match prefix {
        Some(prefix) => format!("{prefix}{n}"),
        None => format!("p{:016x}", xxhash_rust::xxh3::xxh3_64(path.as_bytes())),
    }
}

/// The records of `article` under `id`: its article record and its quotations' records,
/// extracted here.
pub fn records_of(article: &Article, id: &str) -> (ArticleRecord, Vec<QuoteRecord>) {
    let quotes = extract::extract(article);
    let quote_records = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| QuoteRecord::new(id, &article.path, i, q))
        .collect();
    (ArticleRecord::new(id, article, quotes.len()), quote_records)
}

/// The record lines of `article` under `id`, each ending in a newline.
pub fn article_lines(article: &Article, id: &str) -> Result<String, serde_json::Error> {
    let (head, quotes) = records_of(article, id);
    let mut out = serde_json::to_string(&Record::Article(head))?;
    out.push('\n');
    for q in quotes {
        out.push_str(&serde_json::to_string(&Record::Quote(q))?);
        out.push('\n');
    }
    Ok(out)
}

/// What [`extract_to`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Article records.
    pub articles: usize,
    /// Quotation records.
    pub quotes: usize,
    /// Inputs that could not be read (each handed to the caller's `failed`).
    pub failed: usize,
}

/// The ids of `inputs` (see [`article_id`]); a path named twice without a prefix gets `-2`,
/// `-3`… after its second and later ids, so every id of one run is distinct.
fn ids(inputs: &[String], prefix: Option<&str>) -> Vec<String> {
    let mut used: FxHashSet<String> = FxHashSet::default();
    inputs
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let base = article_id(path, prefix, i + 1);
            let mut id = base.clone();
            let mut k = 1;
            while used.contains(&id) {
                k += 1;
                id = format!("{base}-{k}");
            }
            used.insert(id.clone());
            id
        })
        .collect()
}

/// Reads each of `inputs` (files or URLs, as [`ingest::Input::named`] takes them), extracts its
/// quotations and writes its records to `out`, in input order. An input that cannot be read
/// is handed to `failed` and has no records; the others are still written.
pub fn extract_to(
    inputs: &[String],
    prefix: Option<&str>,
    mut out: impl Write,
    failed: &mut dyn FnMut(IngestError),
) -> std::io::Result<Written> {
    let ids = ids(inputs, prefix);
    let mut written = Written::default();
    for (paths, ids) in inputs.chunks(CHUNK).zip(ids.chunks(CHUNK)) {
        let lines: Vec<Result<(String, usize), IngestError>> = paths
            .par_iter()
            .zip(ids)
            .map(|(path, id)| {
                let article = ingest::read(&ingest::Input::named(path))?;
                let lines = article_lines(&article, id).map_err(|e| IngestError::Unreadable {
                    path: path.clone(),
                    reason: format!("cannot write its records: {e}"),
                })?;
                let quotes = lines.matches('\n').count().saturating_sub(1);
                Ok((lines, quotes))
            })
            .collect();
        for result in lines {
            match result {
                Ok((lines, quotes)) => {
                    out.write_all(lines.as_bytes())?;
                    written.articles += 1;
                    written.quotes += quotes;
                }
                Err(e) => {
                    written.failed += 1;
                    failed(e);
                }
            }
        }
    }
    out.flush()?;
    Ok(written)
}
