//! The saved-page reader: `.html` / `.htm` bytes in, a [`Draft`] out.
//!
//! 1. Decode (`charset`: BOM, UTF-8, `<meta charset>`, then a guess).
//! 2. Refuse pages nested deeper than [`MAX_HTML_DEPTH`] elements (HTML tree building slows
//!    down with depth; no real page comes near it).
//! 3. Metadata and headline from the whole page (`meta`).
//! 4. The main text via `dom_smoothie` (a readability port); when it finds no article, or the
//!    page has more than [`MAX_READABILITY_ELEMENTS`] elements, the whole `<body>` is walked
//!    instead, with the same furniture rules, and a warning says so.
//! 5. Paragraphs and quotation marks from that DOM (`walk`), each character aligned to the
//!    page's source (`locate`): offsets are exact where the text can be found in the
//!    source, and otherwise point at the start of the element the text came from.

mod charset;
mod locate;
mod meta;
mod quotes;
mod walk;

use crate::ingest::IngestError;
use crate::ingest::annotated::AnnotatedText;
use crate::ingest::cleanup::headline::title_from_path;
use crate::ingest::draft::Draft;
use crate::ingest::notes::plural;
use crate::model::SourceFormat;
use dom_smoothie::{Config, Readability};
use meta::{PageMeta, page_meta};
use scraper::{Html, Selector};
use walk::{Walked, walk};

/// The deepest element nesting accepted.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// Pages with more elements than this skip the readability pass (its scoring is slow on huge
/// pages) and are read whole.
pub const MAX_READABILITY_ELEMENTS: usize = 50_000;

/// Elements whose end tag may be left out, so they add no depth when left open.
const OPTIONAL_END: [&str; 21] = [
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rp", "html", "head", "body", "caption", "menuitem",
];

/// Elements that never have content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// Reads a saved page.
pub(crate) fn read_html(path: &str, bytes: &[u8]) -> Result<Draft, IngestError> {
    let page = charset::decode_page(bytes);
    let mut warnings = page.warnings;
    let source = page.text;
    let shape = page_shape(source.as_str(), MAX_HTML_DEPTH + 1);
    if shape.depth > MAX_HTML_DEPTH {
        return Err(IngestError::Unreadable {
            path: path.to_string(),
            reason: format!(
                "the page nests elements more than {MAX_HTML_DEPTH} deep (a damaged or hostile file)"
            ),
        });
    }
    let doc = Html::parse_document(source.as_str());
    let PageMeta { title, meta } = page_meta(&doc);
    let content = if shape.elements > MAX_READABILITY_ELEMENTS {
        None
    } else {
        main_content(source.as_str())
    };
    let walked = match content {
        Some(content) => walk(*Html::parse_fragment(&content).root_element(), &source),
        None => {
            warnings.push("no article found by readability: the whole page was read".to_string());
            whole_body(&doc, &source)
        }
    };
    warnings.extend(walk_notes(&walked));
    let title = title.unwrap_or_else(|| title_from_path(path));
    let mut paragraphs = walked.paragraphs;
    if paragraphs.first().is_some_and(|p| p.text.as_str() == title) {
        paragraphs.remove(0);
    }
    Ok(Draft {
        path: path.to_string(),
        format: SourceFormat::Html,
        title,
        meta,
        paragraphs,
        warnings,
    })
}

/// The warnings about what the walk changed: quotation marks set, link boxes dropped.
fn walk_notes(walked: &Walked) -> Vec<String> {
    let mut notes = Vec::new();
    if walked.quotes_marked > 0 {
        notes.push(format!(
            "set {} <q>/<blockquote> in quotation marks",
            walked.quotes_marked
        ));
    }
    if walked.link_boxes > 0 {
        let paragraphs = plural(walked.link_boxes, "paragraph", "paragraphs");
        notes.push(format!(
            "dropped {} link-only {paragraphs}",
            walked.link_boxes
        ));
    }
    notes
}

/// The main content's HTML as readability finds it, or `None` when it finds none or the page
/// is too large for it.
fn main_content(source: &str) -> Option<String> {
    let config = Config {
        keep_classes: true,
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        ..Config::default()
    };
    let mut readability = Readability::new(source, None, Some(config)).ok()?;
    let article = readability.parse().ok()?;
    Some(article.content.to_string()).filter(|c| !c.trim().is_empty())
}

/// Walks the page's `<body>` (or the whole document when it has none).
fn whole_body(doc: &Html, source: &AnnotatedText) -> Walked {
    let body = Selector::parse("body")
        .ok()
        .and_then(|s| doc.select(&s).next())
        .unwrap_or_else(|| doc.root_element());
    walk(*body, source)
}

/// What a page's tags show before it is parsed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct PageShape {
    /// An estimate of the deepest element nesting.
    depth: usize,
    /// How many start tags the page has.
    elements: usize,
}

/// How far a tag's `>` is looked for (to tell `<x/>` from `<x>`); bounds the scan per tag.
const MAX_TAG_SCAN: usize = 4096;

/// Estimates the nesting depth and counts the start tags of `html` from its tags alone, in one
/// linear pass that stops once the depth passes `stop`. For depth, comments, void elements,
/// self-closed tags, elements whose end tag is optional and the insides of `<script>` /
/// `<style>` add nothing.
fn page_shape(html: &str, stop: usize) -> PageShape {
    let bytes = html.as_bytes();
    let mut shape = PageShape::default();
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(off) = bytes.get(i..).and_then(memchr_lt) {
        i += off + 1;
        let rest = bytes.get(i..).unwrap_or_default();
        if rest.starts_with(b"!--") {
            i += find_bytes(rest, b"-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let closing = rest.starts_with(b"/");
        let name = tag_name(rest.strip_prefix(b"/").unwrap_or(rest));
        if name.is_empty() {
            continue;
        }
        shape.elements += usize::from(!closing);
        if OPTIONAL_END.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closed(rest) {
            depth += 1;
            shape.depth = shape.depth.max(depth);
            if shape.depth > stop {
                break;
            }
            if name == "script" || name == "style" {
                i += find_end_tag(rest, &name);
            }
        }
    }
    shape
}

/// The lower-cased tag name at the start of `rest` (at most 16 characters).
fn tag_name(rest: &[u8]) -> String {
    rest.iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .take(16)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect()
}

/// Whether the tag starting at `rest` ends with `/>` (looked for within [`MAX_TAG_SCAN`]).
fn self_closed(rest: &[u8]) -> bool {
    let head = rest.get(..MAX_TAG_SCAN).unwrap_or(rest);
    head.iter()
        .position(|&b| b == b'>')
        .is_some_and(|end| end > 0 && head.get(end - 1) == Some(&b'/'))
}

/// Where `needle` first occurs in `hay`.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Where `</name` (any case) starts in `rest`, or its length when it never does.
fn find_end_tag(rest: &[u8], name: &str) -> usize {
    let bytes = rest;
    let mut from = 0;
    while let Some(off) = bytes
        .get(from..)
        .and_then(|r| r.windows(2).position(|w| w == b"</"))
    {
        let at = from + off;
        let tag = bytes.get(at + 2..at + 2 + name.len()).unwrap_or_default();
        if tag.eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        from = at + 2;
    }
    rest.len()
}

/// The position of the next `<`.
fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_open_elements_only() {
        let depth = |html| page_shape(html, 10).depth;
        assert_eq!(depth("<div><div><br><img/></div></div>"), 2);
        assert_eq!(depth("<p>a<p>b<p>c<li>d"), 0);
        assert_eq!(depth("<script>if (a<b) {}</script><div>"), 1);
        assert_eq!(depth("<!-- <div><div> --><span>"), 1);
    }

    #[test]
    fn start_tags_are_counted() {
        assert_eq!(page_shape("<p>a<br><p>b</p><!-- <i> -->", 10).elements, 3);
    }

    #[test]
    fn the_walk_notes_count_marks_and_link_boxes() {
        let walked = |quotes_marked, link_boxes| Walked {
            paragraphs: Vec::new(),
            quotes_marked,
            link_boxes,
        };
        assert!(walk_notes(&walked(0, 0)).is_empty());
        assert_eq!(
            walk_notes(&walked(2, 1)),
            [
                "set 2 <q>/<blockquote> in quotation marks",
                "dropped 1 link-only paragraph"
            ]
        );
        assert_eq!(
            walk_notes(&walked(0, 3)),
            ["dropped 3 link-only paragraphs"]
        );
    }

    #[test]
    fn deep_nesting_is_refused_with_a_reason() {
        let html = "<div>".repeat(MAX_HTML_DEPTH + 5);
        let err = read_html("deep.html", html.as_bytes()).err();
        assert!(matches!(err, Some(IngestError::Unreadable { .. })));
        let message = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("deep.html: the page nests elements"));
    }
}
