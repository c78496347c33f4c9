//! The readers of each file format except HTML (which has its own folder): bytes in, a
//! [`Draft`](super::draft::Draft) out.
//!
//! - [`text`]: plain text (and pasted text): decoded and repaired (`repair/`), one paragraph
//!   per non-blank line, the headline taken out as the title.
//! - [`pdf`] (text layer) and [`docx`] (`word/document.xml`): paragraph texts pulled out of a
//!   container, laid end to end by [`extracted`], since the file's own bytes are compressed.
//! - [`url`]: fetches a page and reads it as HTML.

pub(crate) mod docx;
pub(crate) mod extracted;
pub(crate) mod pdf;
pub(crate) mod text;
pub mod url;
