//! A web page by its URL → the fetched bytes, then an [`Article`].
//!
//! Nothing here runs unless the user asks for a URL ("Open URL…" in the app, a URL among the
//! files on the command line). [`fetch`] accepts only `http` and `https`, follows at most
//! [`MAX_REDIRECTS`] redirects, gives up after [`CONNECT_TIMEOUT`] to connect and
//! [`READ_TIMEOUT`] without an answer or body bytes (and [`TOTAL_TIMEOUT`] overall), and
//! refuses bodies over [`MAX_PAGE_BYTES`].
//!
//! The caller keeps the [`Fetched`] bytes with the workspace: reading them again as
//! [`Input::Fetched`](crate::ingest::Input::Fetched) rebuilds the same article later, so an
//! analysis can be reproduced after the page has changed.
//!
//! ```no_run
//! use verbatim::ingest::{Input, read, url::fetch};
//! let fetched = fetch("https://news.example/harbour").unwrap();
//! let article = read(&Input::Fetched(fetched.clone())).unwrap();
//! assert_eq!(article.meta.fetched_at.as_deref(), Some(fetched.fetched_at.as_str()));
//! ```

use crate::ingest::repair::decode;
use crate::ingest::{IngestError, check_size, finish, html};
use crate::model::Article;
use std::time::Duration;
use ureq::ResponseExt;

/// The most redirects followed.
pub const MAX_REDIRECTS: u32 = 5;

/// How long connecting may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the server may stay silent, for the answer and for the body.
pub const READ_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a whole fetch may take.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(60);

/// The largest page accepted, in bytes (10 MiB).
pub const MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;

/// A page as fetched: keep it to read the article again later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The URL asked for.
    pub requested: String,
    /// The URL the page came from, after redirects.
    pub url: String,
    /// The body as received.
    pub bytes: Vec<u8>,
    /// When it was fetched (RFC 3339, UTC).
    pub fetched_at: String,
}

/// Limits for one fetch; [`FetchOptions::default`] uses the module's constants.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// See [`CONNECT_TIMEOUT`].
    pub connect_timeout: Duration,
    /// See [`READ_TIMEOUT`].
    pub read_timeout: Duration,
    /// See [`TOTAL_TIMEOUT`].
    pub total_timeout: Duration,
    /// See [`MAX_PAGE_BYTES`].
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            connect_timeout: CONNECT_TIMEOUT,
            read_timeout: READ_TIMEOUT,
            total_timeout: TOTAL_TIMEOUT,
            max_bytes: MAX_PAGE_BYTES,
        }
    }
}

/// Why a page could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an http or https URL.
    #[error("{url}: only http:// and https:// addresses can be opened")]
    Scheme {
        /// The URL as given.
        url: String,
    },
    /// The server answered with an error status.
    #[error("{url}: the server answered {status}")]
    Status {
        /// The URL as given.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The body is larger than the limit.
    #[error("{url}: the page is larger than {limit} bytes")]
    TooLarge {
        /// The URL as given.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The server took too long.
    #[error("{url}: the server took too long to answer")]
    Timeout {
        /// The URL as given.
        url: String,
    },
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("{url}: more than {MAX_REDIRECTS} redirects")]
    Redirects {
        /// The URL as given.
        url: String,
    },
    /// Anything else: the address, the connection, the protocol.
    #[error("{url}: cannot fetch: {reason}")]
    Network {
        /// The URL as given.
        url: String,
        /// What went wrong.
        reason: String,
    },
}

impl FetchError {
    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            FetchError::Scheme { url }
            | FetchError::Status { url, .. }
            | FetchError::TooLarge { url, .. }
            | FetchError::Timeout { url }
            | FetchError::Redirects { url }
            | FetchError::Network { url, .. } => url,
        }
    }
}

/// Whether `input` is an http(s) URL rather than a file path.
pub fn is_url(input: &str) -> bool {
    let lower = input
        .trim_start()
        .get(..8)
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url` with the default limits.
pub fn fetch(url: &str) -> Result<Fetched, FetchError> {
    fetch_with(url, &FetchOptions::default())
}

/// Fetches `url` with `options`.
pub fn fetch_with(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let url = url.trim();
    if !is_url(url) {
        return Err(FetchError::Scheme {
            url: url.to_string(),
        });
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(options.connect_timeout))
        .timeout_recv_response(Some(options.read_timeout))
        .timeout_recv_body(Some(options.read_timeout))
        .timeout_global(Some(options.total_timeout))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .https_only(false)
        .build()
        .into();
    let fail = |e: ureq::Error| classify(url, options, e);
    let mut response = agent
        .get(url)
        .header(
            "User-Agent",
            concat!("verbatim/", env!("CARGO_PKG_VERSION")),
        )
        .call()
        .map_err(fail)?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status {
            url: url.to_string(),
            status,
        });
    }
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(fail)?;
    Ok(Fetched {
        requested: url.to_string(),
        url: final_url,
        bytes,
        fetched_at: now_rfc3339(),
    })
}

/// Turns ureq's error into ours.
fn classify(url: &str, options: &FetchOptions, error: ureq::Error) -> FetchError {
    let url = url.to_string();
    match error {
        ureq::Error::Timeout(_) => FetchError::Timeout { url },
        ureq::Error::TooManyRedirects => FetchError::Redirects { url },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            limit: options.max_bytes,
        },
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            FetchError::Timeout { url }
        }
        other => FetchError::Network {
            url,
            reason: other.to_string(),
        },
    }
}

/// The current time in RFC 3339, UTC.
fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Reads the article in a fetched page: format HTML, `path` the URL as asked for, `meta.url`
/// the URL after redirects, `meta.fetched_at` the time of fetching. Offsets point into
/// `fetched.bytes`.
pub(crate) fn read_fetched(fetched: &Fetched) -> Result<Article, IngestError> {
    let path = fetched.requested.as_str();
    let bytes = fetched.bytes.as_slice();
    check_size(path, bytes.len() as u64)?;
    if decode::looks_binary(bytes) {
        return Err(IngestError::Binary {
            path: path.to_string(),
        });
    }
    let mut draft = html::read_html(path, bytes)?;
    draft.meta.url = Some(fetched.url.clone());
    draft.meta.fetched_at = Some(fetched.fetched_at.clone());
    finish(draft, bytes)
}
