//! The one way in: an [`Input`] (a file, a URL, pasted text, bytes already held, a page
//! fetched earlier) → an [`Article`] by [`read`], with the same size limits whichever way it
//! came. The command line, the app, workspaces and paste all read through here.
//!
//! [`read_keeping_bytes`] reads the same way and also gives back the original bytes (a file's
//! contents, a fetched page's body, pasted text as UTF-8), for a caller that stores them to
//! read the article again later as [`Input::Bytes`], [`Input::Fetched`] or [`Input::Pasted`].

use super::formats::{text, url};
use super::{IngestError, check_size, finish, ingest_bytes};
use crate::model::Article;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// How the path of a pasted article begins: `pasted: <title>`.
pub const PASTED_PREFIX: &str = "pasted: ";

/// The title of a pasted article whose user gave none.
pub const PASTED_UNTITLED: &str = "Pasted article";

/// Something to read into an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk; its size is checked from its metadata before it is read.
    Path(PathBuf),
    /// An `http://` or `https://` address: the page is fetched (the only input that uses the
    /// network) and read as HTML.
    Url(String),
    /// Bytes already held (a workspace's saved bytes, a dropped file, a demo article): `name`
    /// becomes the article's path and its extension says the format.
    Bytes {
        /// The name the bytes came under.
        name: String,
        /// The original bytes.
        bytes: Vec<u8>,
    },
    /// A page fetched earlier, read again as the page it was.
    Fetched(url::Fetched),
    /// Text pasted by the user with the title and outlet they gave (either may be empty).
    /// The article's path is [`PASTED_PREFIX`] and the title.
    Pasted {
        /// The headline the user gave; [`PASTED_UNTITLED`] when blank.
        title: String,
        /// The outlet the user gave.
        outlet: String,
        /// The text as pasted.
        text: String,
    },
}

impl Input {
    /// A name given on a command line: a URL when it reads as one, else a file path.
    ///
    /// ```
    /// use verbatim::ingest::Input;
    /// assert_eq!(Input::named("https://news.example/a"), Input::Url("https://news.example/a".into()));
    /// assert_eq!(Input::named("a.txt"), Input::Path("a.txt".into()));
    /// ```
    pub fn named(name: &str) -> Input {
        if url::is_url(name) {
            Input::Url(name.to_string())
        } else {
            Input::Path(PathBuf::from(name))
        }
    }
}

/// Reads `input` into a cleaned article, or says why it cannot, naming the file, URL or
/// pasted title.
///
/// ```
/// use verbatim::ingest::{Input, read};
/// let pasted = Input::Pasted {
///     title: "Bridge".into(),
///     outlet: "Daily Post".into(),
///     text: "It will close.\nRead more: Storm\n".into(),
/// };
/// let a = read(&pasted).unwrap();
/// assert_eq!(a.path, "pasted: Bridge");
/// assert_eq!(a.meta.outlet.as_deref(), Some("Daily Post"));
/// assert_eq!(a.text, "It will close.");
///
/// let held = Input::Bytes { name: "bridge.txt".into(), bytes: b"Bridge shut\nIt will close.\n".to_vec() };
/// assert_eq!(read(&held).unwrap().title, "Bridge shut");
/// ```
pub fn read(input: &Input) -> Result<Article, IngestError> {
    read_source(input).map(|(article, _)| article)
}

/// Reads `input` like [`read`] and gives back the original bytes the article's offsets point
/// into, for a caller that keeps them.
pub fn read_keeping_bytes(input: &Input) -> Result<(Article, Vec<u8>), IngestError> {
    read_source(input).map(|(article, bytes)| (article, bytes.into_owned()))
}

/// The article and the bytes it was read from (borrowed when the input already held them).
fn read_source(input: &Input) -> Result<(Article, Cow<'_, [u8]>), IngestError> {
    match input {
        Input::Path(path) => {
            let (shown, bytes) = read_file(path)?;
            Ok((ingest_bytes(&shown, &bytes)?, Cow::Owned(bytes)))
        }
        Input::Url(address) => {
            let fetched = url::fetch(address)?;
            Ok((url::read_fetched(&fetched)?, Cow::Owned(fetched.bytes)))
        }
        Input::Bytes { name, bytes } => Ok((ingest_bytes(name, bytes)?, Cow::Borrowed(bytes))),
        Input::Fetched(fetched) => Ok((
            url::read_fetched(fetched)?,
            Cow::Borrowed(fetched.bytes.as_slice()),
        )),
        Input::Pasted {
            title,
            outlet,
            text,
        } => Ok((
            read_pasted(title, outlet, text)?,
            Cow::Borrowed(text.as_bytes()),
        )),
    }
}

/// The bytes of the file at `path` and the path as shown in messages; the size is checked
/// from the metadata before anything is read.
fn read_file(path: &Path) -> Result<(String, Vec<u8>), IngestError> {
    let shown = path.display().to_string();
    let io = |source| IngestError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    check_size(&shown, size)?;
    let bytes = std::fs::read(path).map_err(io)?;
    Ok((shown, bytes))
}

/// Pasted text: the same limits as a file, the user's title (trimmed; [`PASTED_UNTITLED`]
/// when blank) and outlet.
fn read_pasted(title: &str, outlet: &str, pasted: &str) -> Result<Article, IngestError> {
    let title = Some(title.trim())
        .filter(|t| !t.is_empty())
        .unwrap_or(PASTED_UNTITLED);
    let path = format!("{PASTED_PREFIX}{title}");
    check_size(&path, pasted.len() as u64)?;
    finish(
        text::read_pasted(&path, title, outlet, pasted),
        pasted.as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;

    const STORY: &[u8] =
        b"Ferry fares rise\n\xe2\x80\x9cWe had no choice,\xe2\x80\x9d Ines Lamb said.\n";

    #[test]
    fn a_file_and_its_bytes_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fares.txt");
        std::fs::write(&path, STORY).unwrap();
        let (from_file, kept) = read_keeping_bytes(&Input::Path(path.clone())).unwrap();
        assert_eq!(kept, STORY);
        let held = Input::Bytes {
            name: path.display().to_string(),
            bytes: kept,
        };
        let from_bytes = read(&held).unwrap();
        assert_eq!(from_file, from_bytes);
        assert_eq!(from_file.title, "Ferry fares rise");
    }

    #[test]
    fn pasted_text_keeps_every_line_but_a_repeated_title() {
        let input = Input::Pasted {
            title: "  Ferry fares rise ".into(),
            outlet: " Island Times ".into(),
            text: "Ferry fares rise\r\nShort first line.\r\nAdvertisement\r\nSecond line.".into(),
        };
        let a = read(&input).unwrap();
        assert_eq!(a.format, SourceFormat::Pasted);
        assert_eq!(a.path, "pasted: Ferry fares rise");
        assert_eq!(a.title, "Ferry fares rise");
        assert_eq!(a.meta.outlet.as_deref(), Some("Island Times"));
        assert_eq!(a.text, "Short first line.\n\nSecond line.");
    }

    #[test]
    fn pasted_text_without_a_title_is_named_and_empty_text_is_refused() {
        let untitled = Input::Pasted {
            title: " ".into(),
            outlet: String::new(),
            text: "One line.".into(),
        };
        let a = read(&untitled).unwrap();
        assert_eq!(a.title, PASTED_UNTITLED);
        assert_eq!(a.meta.outlet, None);
        let blank = Input::Pasted {
            title: "Notes".into(),
            outlet: String::new(),
            text: " \n\t".into(),
        };
        let err = read(&blank).err();
        assert!(matches!(err, Some(IngestError::Empty { ref path }) if path == "pasted: Notes"));
    }

    #[test]
    fn pasted_text_has_the_file_size_limit() {
        let input = Input::Pasted {
            title: "Huge".into(),
            outlet: String::new(),
            text: "a".repeat(super::super::MAX_FILE_BYTES as usize + 1),
        };
        assert!(matches!(read(&input), Err(IngestError::TooLarge { .. })));
    }

    #[test]
    fn a_missing_file_is_an_error_naming_it() {
        let err = read(&Input::named("no/such/dir/story.txt")).err();
        assert!(
            matches!(err, Some(IngestError::Io { ref path, .. }) if path.ends_with("story.txt"))
        );
    }
}
