//! Bytes → [`Article`]: decoding, mojibake repair, boilerplate, repeated bodies, other formats.

use crate::model::{Article, OffsetMap, SourceFormat};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// Nothing to analyse.
    #[error("{path}: the file is empty")]
    Empty {
        /// The path as given.
        path: String,
    },
}

impl IngestError {
    /// The path the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. } | IngestError::Empty { path } => path,
        }
    }
}

/// Reads and cleans the file at `path`.
pub fn load_path(path: &Path) -> Result<Article, IngestError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: shown.clone(),
        source,
    })?;
    ingest_bytes(&shown, &bytes)
}

/// Cleans `bytes` read from `path` (the path only names the article and hints at its format).
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_string(),
        });
    }
    let mut paragraphs = Vec::new();
    let mut pos = 0;
    for part in text.split('\n') {
        if !part.trim().is_empty() {
            paragraphs.push(pos..pos + part.len());
        }
        pos += part.len() + 1;
    }
    Ok(Article {
        path: path.to_string(),
        title: text.lines().next().unwrap_or_default().trim().to_string(),
        format: SourceFormat::Text,
        offsets: OffsetMap::identity(text.len()),
        byte_len: bytes.len(),
        content_hash: format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes)),
        text,
        paragraphs,
        ..Article::default()
    })
}
