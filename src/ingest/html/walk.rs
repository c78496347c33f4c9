//! A page's main-content DOM → paragraphs that keep their origins in the page's source.
//!
//! Block elements (`p`, headings, `li`, `blockquote`, `div`, `br`, table cells…) end a
//! paragraph; text inside them is joined with white space collapsed. Left out: scripts and
//! styles, `figcaption`, `aside`, `nav`, `footer`, forms, and elements whose class or id names
//! site furniture (related links, "most read", newsletter, cookie and share boxes, captions,
//! credits, bylines). A paragraph that is nearly all link text (an in-body link box) is dropped.
//! `<q>` and `<blockquote>` become quotation marks (“ ”) unless their text is already quoted;
//! a blockquote of several paragraphs opens each one and closes the last, as print does.
//!
//! The tree is walked with an explicit edge iterator, not recursion, so nesting depth cannot
//! exhaust the stack.

use super::locate::Locator;
use super::quotes::{first_visible, is_quoted, last_visible};
use crate::ingest::annotated::AnnotatedText;
use crate::ingest::draft::Paragraph;
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::Node;
use std::sync::LazyLock;

/// Elements whose content is never article text.
const SKIPPED_TAGS: [&str; 15] = [
    "script",
    "style",
    "noscript",
    "template",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "header",
    "form",
    "button",
    "select",
    "svg",
    "iframe",
    "object",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: [&str; 26] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "div",
    "section",
    "article",
    "main",
    "figure",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
];

/// A paragraph with at least this share of its letters inside links (in tenths) is a link box.
const LINK_BOX_TENTHS: usize = 8;

/// Class or id words that name site furniture rather than article text.
const FURNITURE_PATTERN: &str = r"(?i)(?:^|[\s_-])(?:related|read-?more|more-?stories|most-?read|most-?popular|popular|newsletter|cookies?|consent|gdpr|promo|share|sharing|social|advert|advertisement|ad-slot|sponsored|recommended|trending|subscribe|paywall|caption|credits?|breadcrumbs?|byline|author-bio|comments?)(?:$|[\s_-])";

/// [`FURNITURE_PATTERN`] compiled. The pattern is a literal, so it either always compiles or
/// never does; a unit test compiles it, so a broken pattern fails the tests instead of
/// silently switching the rule off.
#[expect(
    clippy::expect_used,
    reason = "a literal pattern, compiled by a unit test"
)]
static FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(FURNITURE_PATTERN).expect("FURNITURE_PATTERN compiles"));

/// What the walk produced.
pub(crate) struct Walked {
    /// The paragraphs, in document order.
    pub paragraphs: Vec<Paragraph>,
    /// How many `<q>` / `<blockquote>` got quotation marks.
    pub quotes_marked: usize,
    /// How many link-box paragraphs were dropped.
    pub link_boxes: usize,
}

/// The walk's state.
struct Walker<'a> {
    locator: Locator<'a>,
    out: Walked,
    current: AnnotatedText,
    letters: usize,
    link_letters: usize,
    skip_depth: usize,
    link_depth: usize,
    /// For each open `<q>`, whether it got an opening mark.
    q_marks: Vec<bool>,
    /// For each open `<blockquote>`, the index of its first paragraph.
    blockquotes: Vec<usize>,
}

/// Walks the tree under `root`, aligning its text against `source` (the decoded page).
pub(crate) fn walk(root: NodeRef<'_, Node>, source: &AnnotatedText) -> Walked {
    let mut walker = Walker {
        locator: Locator::new(source),
        out: Walked {
            paragraphs: Vec::new(),
            quotes_marked: 0,
            link_boxes: 0,
        },
        current: AnnotatedText::new(),
        letters: 0,
        link_letters: 0,
        skip_depth: 0,
        link_depth: 0,
        q_marks: Vec::new(),
        blockquotes: Vec::new(),
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => walker.open(node),
            Edge::Close(node) => walker.close(node),
        }
    }
    walker.flush();
    walker.out
}

/// Whether an element is left out with everything inside it.
fn is_skipped(element: &scraper::node::Element) -> bool {
    let name = element.name();
    if SKIPPED_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return false;
    }
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    FURNITURE.is_match(class) || FURNITURE.is_match(id)
}

/// `text` with leading and trailing white space removed and inner runs made one space.
fn collapse(text: &AnnotatedText) -> AnnotatedText {
    let s = text.as_str();
    let mut edits = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), 'x'))) {
        match (c.is_whitespace() && i < s.len(), run) {
            (true, None) => run = Some(i),
            (false, Some(start)) => {
                let edge = start == 0 || i == s.len();
                let replacement = if edge { "" } else { " " };
                if s.get(start..i) != Some(replacement) {
                    edits.push((start..i, replacement.to_string()));
                }
                run = None;
            }
            _ => {}
        }
    }
    text.replace_ranges(edits)
}

impl Walker<'_> {
    fn open(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Element(element) => {
                if self.skip_depth > 0 || is_skipped(element) {
                    self.skip_depth += 1;
                    return;
                }
                let name = element.name();
                if BLOCK_TAGS.contains(&name) {
                    self.flush();
                }
                match name {
                    "blockquote" => self.blockquotes.push(self.out.paragraphs.len()),
                    "a" => self.link_depth += 1,
                    "q" => self.open_q(node),
                    _ => {}
                }
            }
            Node::Text(text) if self.skip_depth == 0 => self.push_text(text),
            _ => {}
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Node::Element(element) = node.value() else {
            return;
        };
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        let name = element.name();
        match name {
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            "q" => self.close_q(),
            _ => {}
        }
        if BLOCK_TAGS.contains(&name) {
            self.flush();
        }
        if name == "blockquote"
            && let Some(first) = self.blockquotes.pop()
        {
            self.mark_blockquote(first);
        }
    }

    fn open_q(&mut self, node: NodeRef<'_, Node>) {
        let quoted = is_quoted(first_visible(node), last_visible(node));
        if !quoted {
            self.current.push_mapped("\u{201c}", self.locator.anchor());
            self.out.quotes_marked += 1;
        }
        self.q_marks.push(!quoted);
    }

    fn close_q(&mut self) {
        if self.q_marks.pop() == Some(true) {
            self.current.push_mapped("\u{201d}", self.locator.anchor());
        }
    }

    fn push_text(&mut self, text: &str) {
        let located = self.locator.locate(text);
        let letters = text.chars().filter(|c| c.is_alphanumeric()).count();
        self.letters += letters;
        if self.link_depth > 0 {
            self.link_letters += letters;
        }
        self.current.push_slice(&located, 0..located.as_str().len());
    }

    /// Ends the current paragraph, keeping it unless it is empty or a link box.
    fn flush(&mut self) {
        let text = collapse(&std::mem::take(&mut self.current));
        let (letters, links) = (self.letters, self.link_letters);
        self.letters = 0;
        self.link_letters = 0;
        if text.as_str().is_empty() {
            return;
        }
        if letters > 0 && links * 10 >= letters * LINK_BOX_TENTHS {
            self.out.link_boxes += 1;
            return;
        }
        let end = text.orig_range(0..text.as_str().len()).end;
        self.out.paragraphs.push(Paragraph {
            text,
            break_after: end..end,
        });
    }

    /// Sets the paragraphs from `first` on (one blockquote) in quotation marks.
    fn mark_blockquote(&mut self, first: usize) {
        let Some(quoted) = self.out.paragraphs.get_mut(first..) else {
            return;
        };
        let (Some(head), Some(tail)) = (quoted.first(), quoted.last()) else {
            return;
        };
        if is_quoted(
            head.text.as_str().chars().next(),
            tail.text.as_str().chars().next_back(),
        ) {
            return;
        }
        let last = quoted.len() - 1;
        for (i, p) in quoted.iter_mut().enumerate() {
            let start = p.text.orig_range(0..0).start;
            let mut marked = AnnotatedText::new();
            marked.push_mapped("\u{201c}", start..start);
            marked.push_slice(&p.text, 0..p.text.as_str().len());
            if i == last {
                marked.push_mapped("\u{201d}", p.break_after.clone());
            }
            p.text = marked;
        }
        self.out.quotes_marked += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn the_furniture_pattern_compiles_and_matches_class_words() {
        assert!(Regex::new(FURNITURE_PATTERN).is_ok());
        assert!(FURNITURE.is_match("story related-links"));
        assert!(FURNITURE.is_match("ad-slot"));
        assert!(!FURNITURE.is_match("article-body unrelated"));
    }

    fn texts(html: &str) -> Vec<String> {
        let source = AnnotatedText::copied(html, 0);
        let doc = Html::parse_document(html);
        let walked = walk(*doc.root_element(), &source);
        walked
            .paragraphs
            .iter()
            .map(|p| p.text.as_str().to_string())
            .collect()
    }

    #[test]
    fn blocks_make_paragraphs_with_white_space_collapsed() {
        let t = texts("<body><p>One\n  <b>two</b></p><h2>Head</h2><ul><li>Item</li></ul></body>");
        assert_eq!(t, ["One two", "Head", "Item"]);
    }

    #[test]
    fn captions_asides_and_furniture_are_left_out() {
        let html = "<p>Body.</p><figure><img><figcaption>Photo: A. Lens</figcaption></figure>\
                    <aside>Related</aside><div class=\"most-read\">Top 10</div><p>End.</p>";
        assert_eq!(texts(html), ["Body.", "End."]);
    }

    #[test]
    fn a_link_box_paragraph_is_dropped() {
        let html = "<p>Text with a <a href=x>link</a> inside.</p><p><a href=y>Other story</a></p>";
        assert_eq!(texts(html), ["Text with a link inside."]);
    }

    #[test]
    fn q_gets_quotation_marks_unless_already_quoted() {
        let html = "<p>She said <q>we will go</q> and <q>\u{201c}stay\u{201d}</q>.</p>";
        assert_eq!(
            texts(html),
            ["She said \u{201c}we will go\u{201d} and \u{201c}stay\u{201d}."]
        );
    }

    #[test]
    fn a_blockquote_opens_each_paragraph_and_closes_the_last() {
        let html = "<blockquote><p>First part.</p><p>Second part.</p></blockquote>";
        assert_eq!(
            texts(html),
            ["\u{201c}First part.", "\u{201c}Second part.\u{201d}"]
        );
    }

    #[test]
    fn paragraph_offsets_point_at_the_source_text() {
        let html = "<p>Alpha &amp; beta</p>";
        let source = AnnotatedText::copied(html, 0);
        let doc = Html::parse_document(html);
        let walked = walk(*doc.root_element(), &source);
        let p = walked
            .paragraphs
            .first()
            .map(|p| p.text.clone())
            .unwrap_or_default();
        assert_eq!(p.as_str(), "Alpha & beta");
        assert_eq!(p.orig_range(0..5), 3..8);
        assert_eq!(p.orig_range(6..7), 9..14);
    }
}
