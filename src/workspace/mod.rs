//! The workspace: everything a user's session needs to come back exactly, in one `.verbatim`
//! file (JSON with a schema version).
//!
//! In: the articles' original bytes as read (with path, content hash, time loaded, format, and
//! for pages fetched from a URL the URL and fetch time), the user's [`Corrections`] (speakers,
//! groups, equivalences, per-group reference choices and notes are all corrections, so they
//! undo and re-apply alike), the article-wide reference choice, and the app's view state as an
//! opaque JSON value. Out: [`Workspace::articles`] re-reads the stored bytes into [`Article`]s,
//! and [`Workspace::analyze_options`] gives the options that re-apply everything.
//!
//! Files are written with [`save_atomic`] (beside the target, flushed, synced, renamed over: a
//! failure at any point leaves the previous file as it was) and read with [`load`], which
//! refuses a damaged file or one written by a newer version with a message naming the file. The
//! app autosaves with [`save_recovery`] and offers [`take_recovery`] on the next start.
//!
//! ```
//! use verbatim::workspace::{self, Workspace};
//! use verbatim::analyze;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut ws = Workspace::new();
//! ws.add_bytes("port.txt", b"Port to expand\n\n\xe2\x80\x9cWe will double the berths,\xe2\x80\x9d Lena Voss said.\n".to_vec())
//!     .unwrap();
//! let path = dir.path().join("story.verbatim");
//! workspace::save_atomic(&path, &ws).unwrap();
//!
//! let opened = workspace::load(&path).unwrap();
//! let (articles, problems) = opened.articles();
//! assert!(problems.is_empty());
//! let analysis = analyze(articles, &opened.analyze_options());
//! assert_eq!(analysis.quotes.len(), 1);
//! ```

mod file;

pub use file::{
    Recovery, WorkspaceError, data_dir, discard_recovery, load, recovery_path, save_atomic,
    save_recovery, take_recovery, write_atomic,
};

use crate::corrections::Corrections;
use crate::ingest::{self, IngestError, Input};
use crate::model::{Article, LoadProblem, SourceFormat};
use crate::pipeline::AnalyzeOptions;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// The schema version this build writes; it reads this and every older one.
pub const SCHEMA_VERSION: u32 = 1;

/// The `kind` field that marks a file as a workspace.
pub const FILE_KIND: &str = "verbatim-workspace";

/// One article as the user loaded it: the original bytes, so the analysis can be made again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    /// The path or URL it was read from.
    pub path: String,
    /// [`Article::content_hash`] of the bytes; corrections name the article by it.
    pub content_hash: String,
    /// When it was loaded (RFC 3339, UTC).
    pub loaded_at: String,
    /// How it was read.
    pub format: SourceFormat,
    /// The original bytes (base64 in the file).
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
    /// The URL it was fetched from, for a page opened from the web.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was fetched (RFC 3339), for a page opened from the web.
    #[serde(default)]
    pub fetched_at: Option<String>,
    /// The outlet the user gave a pasted article (its title is kept in `path`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

impl StoredArticle {
    /// Reads `input` now (a file is read, a URL fetched); returns what to store, the original
    /// bytes included, and the article.
    pub fn read(input: &Input) -> Result<(StoredArticle, Article), IngestError> {
        let (article, bytes) = ingest::read_keeping_bytes(input)?;
        let stored = StoredArticle {
            path: article.path.clone(),
            content_hash: article.content_hash.clone(),
            loaded_at: article.meta.fetched_at.clone().unwrap_or_else(now_rfc3339),
            format: article.format,
            bytes,
            url: article.meta.url.clone(),
            fetched_at: article.meta.fetched_at.clone(),
            outlet: match input {
                Input::Pasted { outlet, .. } if !outlet.trim().is_empty() => {
                    Some(outlet.trim().to_string())
                }
                _ => None,
            },
        };
        Ok((stored, article))
    }

    /// The stored record as an input to read again: a page fetched from the web is read again
    /// as the page it was, whatever its address looks like; pasted text as pasted text.
    pub fn input(&self) -> Input {
        if self.format == SourceFormat::Pasted {
            let title = self
                .path
                .strip_prefix(ingest::PASTED_PREFIX.trim_end())
                .unwrap_or(&self.path);
            return Input::Pasted {
                title: title.trim().to_string(),
                outlet: self.outlet.clone().unwrap_or_default(),
                text: String::from_utf8_lossy(&self.bytes).into_owned(),
            };
        }
        match (&self.url, &self.fetched_at) {
            (Some(url), Some(fetched_at)) => Input::Fetched(ingest::url::Fetched {
                requested: self.path.clone(),
                url: url.clone(),
                bytes: self.bytes.clone(),
                fetched_at: fetched_at.clone(),
            }),
            _ => Input::Bytes {
                name: self.path.clone(),
                bytes: self.bytes.clone(),
            },
        }
    }

    /// The article again from the stored bytes.
    pub fn article(&self) -> Result<Article, IngestError> {
        let mut article = ingest::read(&self.input())?;
        if self.url.is_some() {
            article.meta.url.clone_from(&self.url);
        }
        if self.fetched_at.is_some() {
            article.meta.fetched_at.clone_from(&self.fetched_at);
        }
        if article.content_hash != self.content_hash {
            // Corrections name the article by the stored hash; say why they may not apply.
            article.warnings.push(format!(
                "the article reads differently than when it was saved (hash {} was {}); \
                 corrections made on it may not apply",
                article.content_hash, self.content_hash
            ));
        }
        Ok(article)
    }
}

/// A user's session: articles, corrections, choices and view state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Always [`FILE_KIND`].
    pub kind: String,
    /// The schema version the file was written with.
    pub schema_version: u32,
    /// The articles in the order they were loaded.
    pub articles: Vec<StoredArticle>,
    /// Every correction, including notes and per-group reference choices, oldest first.
    #[serde(default)]
    pub corrections: Corrections,
    /// The article whose versions are preferred as every group's reference, if the user chose
    /// one (an article path or id, as [`AnalyzeOptions::reference_article`]).
    #[serde(default)]
    pub reference_article: Option<String>,
    /// The app's view state (selection, scroll, filters): stored and given back untouched.
    #[serde(default)]
    pub view: serde_json::Value,
}

impl Default for Workspace {
    fn default() -> Self {
        Self::new()
    }
}

impl Workspace {
    /// An empty workspace of the current schema.
    pub fn new() -> Self {
        Self {
            kind: FILE_KIND.to_string(),
            schema_version: SCHEMA_VERSION,
            articles: Vec::new(),
            corrections: Corrections::default(),
            reference_article: None,
            view: serde_json::Value::Null,
        }
    }

    /// Reads `bytes` loaded from `path`, stores them and returns the article. An article
    /// already stored (same content hash) is not stored twice.
    pub fn add_bytes(&mut self, path: &str, bytes: Vec<u8>) -> Result<Article, IngestError> {
        let input = Input::Bytes {
            name: path.to_string(),
            bytes,
        };
        let (stored, article) = StoredArticle::read(&input)?;
        if !self
            .articles
            .iter()
            .any(|a| a.content_hash == stored.content_hash)
        {
            self.articles.push(stored);
        }
        Ok(article)
    }

    /// The stored articles read again, and the ones that could not be (one problem each).
    pub fn articles(&self) -> (Vec<Article>, Vec<LoadProblem>) {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for stored in &self.articles {
            match stored.article() {
                Ok(a) => articles.push(a),
                Err(e) => problems.push(LoadProblem {
                    path: stored.path.clone(),
                    reason: e.to_string(),
                }),
            }
        }
        (articles, problems)
    }

    /// The options that re-apply the user's corrections and reference choice.
    pub fn analyze_options(&self) -> AnalyzeOptions {
        AnalyzeOptions {
            reference_article: self.reference_article.clone(),
            corrections: self.corrections.clone(),
            ..AnalyzeOptions::default()
        }
    }
}

/// The current time as RFC 3339 (UTC), or the Unix epoch if the clock cannot be formatted.
pub fn now_rfc3339() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".to_string())
}

/// Bytes as standard base64 text in the file.
mod base64_bytes {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(|e| serde::de::Error::custom(format!("article bytes are not base64: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_bytes_come_back_byte_for_byte() {
        let mut ws = Workspace::new();
        let bytes = b"Caf\xe9 owners \xe2\x80\x9cwill not pay\xe2\x80\x9d, union says\n".to_vec();
        ws.add_bytes("cafe.txt", bytes.clone()).unwrap();
        let json = serde_json::to_string(&ws).unwrap();
        let back: Workspace = serde_json::from_str(&json).unwrap();
        assert_eq!(back.articles[0].bytes, bytes);
    }

    #[test]
    fn the_same_article_is_stored_once() {
        let mut ws = Workspace::new();
        let bytes =
            b"\xe2\x80\x9cThe bridge opens in May,\xe2\x80\x9d Olu Adeyemi said.\n".to_vec();
        ws.add_bytes("a.txt", bytes.clone()).unwrap();
        ws.add_bytes("copy-of-a.txt", bytes).unwrap();
        assert_eq!(ws.articles.len(), 1);
    }

    #[test]
    fn loaded_time_is_rfc3339() {
        let stamp = now_rfc3339();
        let shape = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$").unwrap();
        assert!(shape.is_match(&stamp), "{stamp}");
    }

    #[test]
    fn url_and_fetch_time_are_given_back_to_the_article() {
        let page = Input::Bytes {
            name: "page.html".into(),
            bytes: b"Some text here.".to_vec(),
        };
        let (mut stored, _) = StoredArticle::read(&page).unwrap();
        stored.url = Some("https://example.org/news/1".into());
        stored.fetched_at = Some("2024-05-01T10:00:00Z".into());
        let article = stored.article().unwrap();
        assert_eq!(
            article.meta.url.as_deref(),
            Some("https://example.org/news/1")
        );
        assert_eq!(
            article.meta.fetched_at.as_deref(),
            Some("2024-05-01T10:00:00Z")
        );
    }

    #[test]
    fn a_pasted_article_reads_back_with_its_title_and_text() {
        let input = Input::Pasted {
            title: "Evening bulletin".into(),
            outlet: "Radio North".into(),
            text: "Evening bulletin\nThe bridge closes on Monday.\n".into(),
        };
        let (stored, first) = StoredArticle::read(&input).unwrap();
        assert_eq!(stored.format, SourceFormat::Pasted);
        assert_eq!(
            stored.bytes,
            b"Evening bulletin\nThe bridge closes on Monday.\n"
        );
        let again = stored.article().unwrap();
        assert_eq!(again.title, "Evening bulletin");
        assert_eq!(again.text, first.text);
        assert_eq!(again.content_hash, stored.content_hash);
        assert_eq!(again.warnings, first.warnings);
    }

    #[test]
    fn a_file_is_stored_with_its_bytes_and_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pier.txt");
        std::fs::write(&path, "Pier shut\nThe pier is shut.\n").unwrap();
        let (stored, article) = StoredArticle::read(&Input::Path(path.clone())).unwrap();
        assert_eq!(stored.path, path.display().to_string());
        assert_eq!(stored.bytes, b"Pier shut\nThe pier is shut.\n");
        assert_eq!(stored.article().unwrap(), article);
    }
}
