//! Bytes → [`Article`]: text, saved pages, PDFs, Word files and URLs; decoding, mojibake
//! repair, boilerplate, repeated bodies, language.
//!
//! The entry point is [`read`]: an [`Input`] (a file, a URL, pasted text, bytes already held
//! such as a workspace's, a page fetched earlier) in, an [`Article`] or one [`IngestError`]
//! out; [`read_keeping_bytes`] also gives back the original bytes for a caller that stores
//! them. [`load_path`] and [`ingest_bytes`] are the same path for a file and for borrowed
//! bytes. Every article comes out with cleaned `text` (body paragraphs joined by `"\n\n"`,
//! the headline in `title`), paragraph spans, an exact
//! [`OffsetMap`](crate::model::OffsetMap) back to the original bytes and one human-readable
//! warning per kind of repair.
//!
//! How it is put together, stage by stage (each a folder), so other formats can plug in:
//! - A reader turns bytes into a `draft::Draft`: paragraphs as `AnnotatedText` (text where each
//!   byte knows the original bytes it came from), a title, metadata and its own warnings.
//!   [`ingest_bytes`] picks the reader by [`source_format`]:
//!   - `formats/`: plain text (`formats::text`), PDF (text layer) and DOCX
//!     (`word/document.xml`), whose offsets count the extracted text since the file's own bytes
//!     are compressed, and [`url`], which fetches a page and reads it as HTML.
//!   - `html/` (`.html`, `.htm`, `.xhtml`): decoding (`charset`), metadata (`meta`), the main
//!     text through `dom_smoothie` and the walk (`walk`), offsets aligned to the page's source
//!     (`locate`: exact where the text is found there; otherwise the start of the element it
//!     came from).
//! - `repair/`: decoding (BOM, UTF-8, a legacy encoding guessed) and mojibake repair (UTF-8
//!   read as windows-1252 or as windows-874), keeping every character's original bytes.
//! - `cleanup/`: what every format shares once read: the headline, boilerplate lines, repeated
//!   bodies and captions; `cleanup::finish` builds the `Article` and its offset map.
//! - `language` settles the language once, after cleaning, and warns when the attribution
//!   rules cannot read it.
//!
//! # Limits
//! Every file gets either an article or one [`IngestError`] naming it; nothing input can
//! contain makes reading panic, hang or take memory out of proportion to the limits below.
//! - Any input (a file, held bytes, a fetched page, pasted text): at most [`MAX_FILE_BYTES`]
//!   (20 MiB); a file's size is checked from its metadata before reading. Text with a NUL
//!   byte or mostly control characters in its first 8 KiB is refused as binary.
//! - HTML: nesting deeper than [`MAX_HTML_DEPTH`] (2,000) elements is refused (a linear
//!   pre-scan of the tags, before parsing); pages with more than
//!   [`MAX_READABILITY_ELEMENTS`] (50,000) elements skip the readability pass and are read
//!   whole; the source alignment spends at most 8 comparisons per source byte.
//! - DOCX: at most [`MAX_DOCX_ENTRIES`] (10,000) entries and [`MAX_DOCX_INFLATED`] (64 MiB)
//!   declared *and* actually inflated; XML with a DTD is refused; 2 million XML nodes at most.
//! - PDF: streams may inflate to [`MAX_PDF_INFLATED`] (64 MiB) in all; at most
//!   [`MAX_PDF_TEXT`] (4 MiB) of text is kept. Panics inside the third-party PDF parsers are
//!   caught and reported as an unreadable file.
//! - URL: http/https only, [`url::MAX_REDIRECTS`] redirects, connect/read/total timeouts of
//!   10/20/60 s, [`url::MAX_PAGE_BYTES`] (10 MiB) of body.

mod annotated;
mod cleanup;
mod draft;
mod formats;
mod html;
mod input;
mod language;
mod notes;
mod repair;

pub use formats::docx::{MAX_DOCX_ENTRIES, MAX_DOCX_INFLATED};
pub use formats::pdf::{MAX_PDF_INFLATED, MAX_PDF_TEXT};
pub use formats::url;
use formats::{docx, pdf, text};
pub use html::{MAX_HTML_DEPTH, MAX_READABILITY_ELEMENTS};
pub use input::{Input, PASTED_PREFIX, PASTED_UNTITLED, read, read_keeping_bytes};

use crate::model::{Article, SourceFormat};
use std::path::Path;

/// The largest file read, in bytes (20 MiB); news articles are far smaller, so anything bigger
/// is not an article and would only make the app slow.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

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
    #[error("{path}: the file is empty or holds only white space")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file is not text.
    #[error("{path}: this is a binary file, not text")]
    Binary {
        /// The path as given.
        path: String,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The path as given.
        path: String,
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is of a known format but cannot be read as an article: a PDF without a text
    /// layer, a damaged or hostile DOCX or page. `reason` says which, for a person.
    #[error("{path}: {reason}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A URL could not be fetched.
    #[error(transparent)]
    Fetch(#[from] url::FetchError),
}

impl IngestError {
    /// The path the error is about.
    pub fn path(&self) -> &str {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path }
            | IngestError::TooLarge { path, .. }
            | IngestError::Unreadable { path, .. } => path,
            IngestError::Fetch(e) => e.url(),
        }
    }
}

/// Reads and cleans the file at `path`: [`read`] of an [`Input::Path`]. The size is checked
/// from the file's metadata before anything is read.
pub fn load_path(path: &Path) -> Result<Article, IngestError> {
    read(&Input::Path(path.to_path_buf()))
}

/// Cleans `bytes` read from `path` (the path only names the article and hints at its format):
/// [`read`] of an [`Input::Bytes`], without handing the bytes over.
///
/// ```
/// let a = verbatim::ingest::ingest_bytes(
///     "news/bridge.txt",
///     b"Bridge to close\r\nThe bridge will close on Monday.\r\nAdvertisement\r\n",
/// ).unwrap();
/// assert_eq!(a.title, "Bridge to close");
/// assert_eq!(a.text, "The bridge will close on Monday.");
/// assert_eq!(a.warnings, ["dropped 1 boilerplate line"]);
/// ```
pub fn ingest_bytes(path: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    check_size(path, bytes.len() as u64)?;
    let format = source_format(path);
    let text_like = matches!(
        format,
        SourceFormat::Text | SourceFormat::Pasted | SourceFormat::Html
    );
    if text_like && repair::decode::looks_binary(bytes) {
        return Err(IngestError::Binary {
            path: path.to_string(),
        });
    }
    let draft = match format {
        SourceFormat::Text | SourceFormat::Pasted => text::read_text(path, bytes),
        SourceFormat::Html => html::read_html(path, bytes)?,
        SourceFormat::Pdf => pdf::read_pdf(path, bytes)?,
        SourceFormat::Docx => docx::read_docx(path, bytes)?,
    };
    finish(draft, bytes)
}

/// Builds the article from a reader's draft: shared cleaning, then the language.
fn finish(draft: draft::Draft, bytes: &[u8]) -> Result<Article, IngestError> {
    if draft.paragraphs.is_empty() {
        return Err(IngestError::Empty { path: draft.path });
    }
    let mut article = cleanup::finish(draft, bytes);
    language::review(&mut article);
    Ok(article)
}

/// The format `path` names by its extension (plain text when it names none we know).
pub fn source_format(path: &str) -> SourceFormat {
    let ext = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => SourceFormat::Html,
        Some("pdf") => SourceFormat::Pdf,
        Some("docx") => SourceFormat::Docx,
        _ => SourceFormat::Text,
    }
}

pub(crate) fn check_size(path: &str, size: u64) -> Result<(), IngestError> {
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            path: path.to_string(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_only_is_empty() {
        let err = ingest_bytes("blank.txt", b" \r\n\t\n\xc2\xa0\n").err();
        assert!(matches!(err, Some(IngestError::Empty { .. })));
    }

    #[test]
    fn oversized_bytes_are_refused_before_decoding() {
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let err = ingest_bytes("big.txt", &big).err();
        assert!(
            matches!(err, Some(IngestError::TooLarge { size, .. }) if size == MAX_FILE_BYTES + 1)
        );
    }

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(source_format("a/B.HTML"), SourceFormat::Html);
        assert_eq!(source_format("a/b.docx"), SourceFormat::Docx);
        assert_eq!(source_format("a/b.txt"), SourceFormat::Text);
        assert_eq!(source_format("notes"), SourceFormat::Text);
    }

    #[test]
    fn offsets_of_a_clean_utf8_file_point_past_the_title() {
        let src = "Title here\nBody one.\nBody two.\n";
        let a = ingest_bytes("t.txt", src.as_bytes())
            .ok()
            .unwrap_or_default();
        assert_eq!(a.offsets.original(0), 11);
        assert_eq!(a.offsets.original(11), 21);
    }
}
