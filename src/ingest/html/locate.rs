//! Finds where a text node of a parsed page sits in the page's source, so the text read from
//! the DOM keeps exact offsets into the original file.
//!
//! An HTML parser gives no source positions, so [`Locator`] aligns each text node's decoded
//! text against the (decoded) source, moving forward through the page: equal characters map
//! byte for byte, a character reference (`&amp;`, `&#8220;`) maps to the whole reference, and a
//! run of white space maps to the source's run. Written by hand because no HTML crate here
//! reports source offsets for text. A node that cannot be aligned (the extractor changed its
//! text, or the scan budget is spent) maps as a whole to the position where the search
//! started, which is inside the file and at or just before the element it came from.

use crate::ingest::annotated::AnnotatedText;
use std::ops::Range;

/// How many candidate start positions one text node may try.
const MAX_TRIES: usize = 64;

/// The scan budget, in source bytes compared, as a multiple of the source's length: keeps the
/// whole page's alignment linear even when many nodes cannot be found.
const BUDGET_FACTOR: usize = 8;

/// The longest character reference recognised (`&CounterClockwiseContourIntegral;` is 33).
const MAX_REFERENCE: usize = 40;

/// One aligned piece: text bytes and the source bytes they came from. `copied` pieces are equal
/// on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Piece {
    text: Range<usize>,
    src: Range<usize>,
    copied: bool,
}

/// Aligns text nodes against the source, in document order.
pub(crate) struct Locator<'a> {
    /// The decoded page, with its origins in the original bytes.
    source: &'a AnnotatedText,
    /// Where the next search starts.
    cursor: usize,
    /// Source bytes that may still be compared.
    budget: usize,
}

impl<'a> Locator<'a> {
    /// A locator over the decoded page `source`.
    pub(crate) fn new(source: &'a AnnotatedText) -> Self {
        let len = source.as_str().len();
        Self {
            source,
            cursor: 0,
            budget: len.saturating_mul(BUDGET_FACTOR).saturating_add(1 << 16),
        }
    }

    /// An empty text at the current position: for characters the reader inserts (quotation
    /// marks around `<q>`), mapped to no original bytes.
    pub(crate) fn anchor(&self) -> Range<usize> {
        let at = self.source.orig_range(self.cursor..self.cursor).start;
        at..at
    }

    /// `text` with its origins: aligned against the source after the previous node when it can
    /// be, else mapped as a whole to the current position.
    pub(crate) fn locate(&mut self, text: &str) -> AnnotatedText {
        let mut out = AnnotatedText::new();
        let body = text.trim();
        let lead = text.len() - text.trim_start().len();
        if body.is_empty() {
            out.push_mapped(text, self.anchor());
            return out;
        }
        match self.find(body) {
            Some(pieces) => {
                out.push_mapped(text.get(..lead).unwrap_or(""), self.anchor());
                self.write(&mut out, text, lead, &pieces);
                let tail = text.get(lead + body.len()..).unwrap_or("");
                out.push_mapped(tail, self.anchor());
            }
            None => out.push_mapped(text, self.anchor()),
        }
        out
    }

    /// Appends the aligned pieces of `text[lead..]` to `out` and moves the cursor past them.
    fn write(&mut self, out: &mut AnnotatedText, text: &str, lead: usize, pieces: &[Piece]) {
        for piece in pieces {
            let t = (piece.text.start + lead)..(piece.text.end + lead);
            if piece.copied {
                out.push_slice(self.source, piece.src.clone());
            } else {
                let orig = self.source.orig_range(piece.src.clone());
                out.push_mapped(text.get(t).unwrap_or(""), orig);
            }
        }
        if let Some(last) = pieces.last() {
            self.cursor = last.src.end;
        }
    }

    /// Tries the start positions after the cursor where `body` could begin.
    fn find(&mut self, body: &str) -> Option<Vec<Piece>> {
        let src = self.source.as_str();
        let first = body.chars().next()?;
        let mut from = self.cursor;
        for _ in 0..MAX_TRIES {
            let rest = src.get(from..)?;
            let offset = rest.find([first, '&'])?;
            let at = from + offset;
            self.spend(offset)?;
            if let Some(pieces) = self.align(body, at) {
                return Some(pieces);
            }
            from = at + src.get(at..)?.chars().next()?.len_utf8();
        }
        None
    }

    /// Takes `n` bytes from the budget; `None` once it is spent.
    fn spend(&mut self, n: usize) -> Option<()> {
        self.budget = self.budget.checked_sub(n.max(1))?;
        Some(())
    }

    /// Aligns all of `body` against the source starting at `at`.
    fn align(&mut self, body: &str, at: usize) -> Option<Vec<Piece>> {
        let src = self.source.as_str();
        let mut pieces: Vec<Piece> = Vec::new();
        let (mut i, mut j) = (0, at);
        while i < body.len() {
            let c = body.get(i..)?.chars().next()?;
            let s = src.get(j..)?.chars().next()?;
            self.spend(1)?;
            let reference = if s == '&' {
                reference_len(src.get(j..)?)
            } else {
                None
            };
            let (ti, sj, copied) = if c.is_whitespace() && s.is_whitespace() {
                (skip_space(body, i), skip_space(src, j), false)
            } else if let Some(len) = reference {
                (i + c.len_utf8(), j + len, false)
            } else if c == s {
                (i + c.len_utf8(), j + s.len_utf8(), true)
            } else {
                return None;
            };
            push_piece(&mut pieces, i..ti, j..sj, copied);
            i = ti;
            j = sj;
        }
        Some(pieces)
    }
}

/// Appends a piece, merging it into the previous copied piece when both are copies.
fn push_piece(pieces: &mut Vec<Piece>, text: Range<usize>, src: Range<usize>, copied: bool) {
    if let Some(last) = pieces.last_mut()
        && copied
        && last.copied
        && last.text.end == text.start
        && last.src.end == src.start
    {
        last.text.end = text.end;
        last.src.end = src.end;
        return;
    }
    pieces.push(Piece { text, src, copied });
}

/// The end of the run of white space starting at `i`.
fn skip_space(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + (rest.len() - rest.trim_start().len())
}

/// The length of the character reference at the start of `s` (`&name;`, `&#123;`, `&#x1F;`),
/// the semicolon optional as browsers allow.
fn reference_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix('&')?;
    let name_len = body
        .bytes()
        .take(MAX_REFERENCE)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    if name_len == 0 {
        return None;
    }
    let semicolon = usize::from(body.as_bytes().get(name_len) == Some(&b';'));
    Some(1 + name_len + semicolon)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(s: &str) -> AnnotatedText {
        AnnotatedText::copied(s, 0)
    }

    #[test]
    fn plain_text_maps_byte_for_byte() {
        let src = source("<p>Hello <b>there</b></p>");
        let mut loc = Locator::new(&src);
        let a = loc.locate("Hello ");
        let b = loc.locate("there");
        assert_eq!(a.orig_range(0..5), 3..8);
        assert_eq!(b.orig_range(0..5), 12..17);
    }

    #[test]
    fn a_character_reference_maps_to_the_whole_reference() {
        let src = source("<p>&ldquo;Yes&rdquo; &amp; no</p>");
        let mut loc = Locator::new(&src);
        let t = loc.locate("\u{201c}Yes\u{201d} & no");
        assert_eq!(t.as_str(), "\u{201c}Yes\u{201d} & no");
        assert_eq!(t.orig_range(0..3), 3..10);
        assert_eq!(t.orig_range(3..6), 10..13);
        assert_eq!(t.orig_range(10..11), 21..26);
    }

    #[test]
    fn white_space_runs_may_differ() {
        let src = source("<p>one\r\n   two</p>");
        let mut loc = Locator::new(&src);
        let t = loc.locate("one\ntwo");
        assert_eq!(t.orig_range(3..4), 6..11);
        assert_eq!(t.orig_range(4..7), 11..14);
    }

    #[test]
    fn a_node_the_source_lacks_maps_to_the_current_position() {
        let src = source("<p>alpha</p><p>beta</p>");
        let mut loc = Locator::new(&src);
        let _ = loc.locate("alpha");
        let t = loc.locate("gamma");
        assert_eq!(t.orig_range(0..5), 8..8);
    }

    #[test]
    fn the_search_moves_forward_past_earlier_copies() {
        let src = source("<title>Same</title><p>Same</p>");
        let mut loc = Locator::new(&src);
        assert_eq!(loc.locate("Same").orig_range(0..4), 7..11);
        assert_eq!(loc.locate("Same").orig_range(0..4), 22..26);
    }
}
