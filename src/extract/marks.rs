//! Quotation marks → quoted spans.
//!
//! Every quotation-mark character is classed by glyph family (double or single) and by the
//! direction its surroundings give it: a mark with a space before and a letter after opens, one
//! with a letter or punctuation before and a space after closes, whatever its glyph. That reads
//! reversed marks (`” … “`), French guillemets with inner spaces (`« … »`), German `„ … “`, and
//! straight marks alike. A mark at the start of a paragraph opens and one at its end closes.
//! Apostrophes (it's, government's, the '90s) are told from single quotes by their letters.
//!
//! No crate pairs news quotation marks with these conventions, so this is written here.

use crate::model::Span;

/// A quotation-mark glyph family. Marks pair only within their family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// “ ” „ ‟ " « » and their kin.
    Double,
    /// ‘ ’ ‚ ‛ ' ‹ ›.
    Single,
}

/// What a mark's surroundings say it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
}

/// One quotation mark in the text.
#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    dir: Dir,
    /// Only a closing mark if a quotation is open (else an apostrophe).
    weak: bool,
}

/// A quoted stretch of one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The quoted text, without its marks, trimmed of spaces.
    pub inner: Span,
    /// From the opening mark to past the closing mark (or to the end of the paragraph).
    pub outer: Span,
    /// Index of the paragraph it is in.
    pub paragraph: usize,
    /// Which marks enclose it.
    pub family: Family,
    /// It has no closing mark in this paragraph.
    pub unclosed: bool,
    /// It continues a quotation left open at the end of the previous paragraph.
    pub continues: bool,
}

fn family_of(c: char) -> Option<Family> {
    match c {
        '“' | '”' | '„' | '‟' | '"' | '«' | '»' | '〝' | '〞' | '＂' => {
            Some(Family::Double)
        }
        '‘' | '’' | '‚' | '‛' | '\'' | '‹' | '›' => Some(Family::Single),
        _ => None,
    }
}

/// The direction a glyph has in the common conventions, for marks with spaces on both sides.
fn glyph_dir(c: char) -> Option<Dir> {
    match c {
        '“' | '„' | '‟' | '«' | '‘' | '‚' | '‛' | '‹' | '〝' => Some(Dir::Open),
        '”' | '»' | '’' | '›' | '〞' => Some(Dir::Close),
        _ => None,
    }
}

fn is_opening_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'),
    }
}

fn is_closing_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ')' | ']' | '}' | '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '…'
                )
        }
    }
}

/// Whether a single-family mark is an apostrophe rather than a quotation mark.
fn is_apostrophe(prev: Option<char>, after: &[char]) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let next = after.first().copied();
    // it's, don't, O'Brien, rock'n'roll
    if letter(prev) && letter(next) {
        return true;
    }
    // the '90s, in '22 — two digits, maybe an s, then no more digits or letters
    let digits = after.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = after.get(digits..).unwrap_or(&[]);
    let rest = if rest.first() == Some(&'s') {
        &rest[1..]
    } else {
        rest
    };
    let number_goes_on =
        matches!(rest.first(), Some('.' | ',')) && rest.get(1).is_some_and(char::is_ascii_digit);
    !letter(prev) && digits == 2 && !letter(rest.first().copied()) && !number_goes_on
}

/// A plural possessive (governments’ plans) looks like a closing single quote: it closes only
/// when a single quotation is open.
fn is_possible_possessive(prev: Option<char>, next: Option<char>, prev2: Option<char>) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    prev == Some('s') && letter(prev2) && next.is_some_and(char::is_whitespace)
}

/// Finds and classes the quotation marks in `text[range]`.
fn marks_in(text: &str, range: Span) -> Vec<Mark> {
    let Some(para) = text.get(range.clone()) else {
        return Vec::new();
    };
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let first_text = para.len() - para.trim_start().len();
    let last_text_end = para.trim_end().len();
    let mut marks = Vec::new();
    for (i, &(off, c)) in chars.iter().enumerate() {
        let Some(family) = family_of(c) else { continue };
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).map(|x| x.1);
        let prev2 = i.checked_sub(2).and_then(|j| chars.get(j)).map(|x| x.1);
        let next = chars.get(i + 1).map(|x| x.1);
        let after: Vec<char> = chars.iter().skip(i + 1).take(4).map(|x| x.1).collect();
        if family == Family::Single && is_apostrophe(prev, &after) {
            continue;
        }
        let weak = family == Family::Single && is_possible_possessive(prev, next, prev2);
        let at_start = off <= first_text;
        let at_end = off + c.len_utf8() >= last_text_end;
        let open_ctx = is_opening_context(prev)
            && next.is_some_and(|c| !c.is_whitespace() && !",.;:!?)]".contains(c));
        let close_ctx = is_closing_context(next) && !prev.is_some_and(char::is_whitespace);
        let dir = if at_start && !at_end {
            Some(Dir::Open)
        } else if at_end && !at_start {
            Some(Dir::Close)
        } else if open_ctx && !close_ctx {
            Some(Dir::Open)
        } else if close_ctx && !open_ctx {
            Some(Dir::Close)
        } else {
            glyph_dir(c)
        };
        // A straight mark with no telling context is left for pairing to decide.
        let dir = dir.unwrap_or(Dir::Open);
        marks.push(Mark {
            pos: range.start + off,
            len: c.len_utf8(),
            family,
            dir,
            weak,
        });
    }
    marks
}

/// Finds the quoted stretches of every paragraph, in text order.
pub fn quoted_spans(text: &str, paragraphs: &[Span]) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut pending_continuation = [false, false];
    for (p, range) in paragraphs.iter().enumerate() {
        let marks = marks_in(text, range.clone());
        for family in [Family::Double, Family::Single] {
            let fam_marks: Vec<Mark> = marks
                .iter()
                .copied()
                .filter(|m| m.family == family)
                .collect();
            let slot = family as usize;
            let continues = std::mem::take(&mut pending_continuation[slot]);
            let found = pair(text, range, &fam_marks, p, family, continues);
            if let Some(last) = found.last()
                && last.unclosed
                && next_paragraph_opens(text, paragraphs, p, family)
            {
                pending_continuation[slot] = true;
            }
            out.extend(found);
        }
    }
    // A span inside another (of either family) is a quote within a quote: ‘…“…”…’.
    out.sort_by(|a, b| {
        a.outer
            .start
            .cmp(&b.outer.start)
            .then(b.outer.end.cmp(&a.outer.end))
    });
    let mut cover_end = 0;
    out.retain(|q| {
        if q.outer.end <= cover_end {
            return false;
        }
        cover_end = q.outer.end;
        true
    });
    out
}

fn next_paragraph_opens(text: &str, paragraphs: &[Span], p: usize, family: Family) -> bool {
    let Some(next) = paragraphs.get(p + 1) else {
        return false;
    };
    text.get(next.clone())
        .and_then(|t| t.trim_start().chars().next())
        .and_then(family_of)
        == Some(family)
}

/// Pairs one family's marks within one paragraph.
fn pair(
    text: &str,
    para: &Span,
    marks: &[Mark],
    paragraph: usize,
    family: Family,
    continues: bool,
) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // byte offset just past the opening mark
    let mut open_at: usize = para.start;
    let mut stray_close: Option<usize> = None;
    // close_after[i]: some mark after i closes (computed once: pairing stays linear).
    let mut close_after = vec![false; marks.len() + 1];
    for i in (0..marks.len()).rev() {
        close_after[i] =
            close_after[i + 1] || marks.get(i + 1).is_some_and(|n| n.dir == Dir::Close);
    }
    for (i, m) in marks.iter().enumerate() {
        if m.weak && open.is_none() {
            continue; // a plural possessive, not a quotation mark
        }
        // A straight mark after an opening one closes it: straight marks have no direction.
        let straight = matches!(text.get(m.pos..m.pos + m.len), Some("\"" | "'"));
        let dir = if open.is_some() && straight {
            Dir::Close
        } else {
            m.dir
        };
        match (open, dir) {
            (None, Dir::Open) => {
                if let Some(sc) = stray_close.take() {
                    // A close glyph then an open glyph with nothing closing after: reversed marks.
                    let later_close = close_after[i];
                    if !later_close {
                        push_span(
                            &mut out,
                            text,
                            sc - 1,
                            sc,
                            m.pos,
                            m.pos + m.len,
                            paragraph,
                            family,
                            false,
                        );
                        continue;
                    }
                }
                open = Some(m.pos + m.len);
                open_at = m.pos;
            }
            (None, Dir::Close) => {
                stray_close = Some(m.pos + m.len);
            }
            (Some(start), Dir::Close) => {
                push_span(
                    &mut out,
                    text,
                    open_at,
                    start,
                    m.pos,
                    m.pos + m.len,
                    paragraph,
                    family,
                    false,
                );
                open = None;
            }
            (Some(start), Dir::Open) => {
                // Two openings in a row: the first one's closing mark is missing.
                push_span(
                    &mut out, text, open_at, start, m.pos, m.pos, paragraph, family, true,
                );
                open = Some(m.pos + m.len);
                open_at = m.pos;
            }
        }
    }
    if let Some(start) = open {
        push_span(
            &mut out, text, open_at, start, para.end, para.end, paragraph, family, true,
        );
    }
    if continues && let Some(first) = out.first_mut() {
        first.continues = true;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn push_span(
    out: &mut Vec<Quoted>,
    text: &str,
    outer_start: usize,
    inner_start: usize,
    inner_end: usize,
    outer_end: usize,
    paragraph: usize,
    family: Family,
    unclosed: bool,
) {
    let Some(inner) = text.get(inner_start..inner_end) else {
        return;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    if inner.trim().is_empty() {
        return;
    }
    out.push(Quoted {
        inner: inner_start + lead..inner_end - trail,
        outer: outer_start..outer_end,
        paragraph,
        family,
        unclosed,
        continues: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let paragraphs = crate::extract::tests_support::paragraphs(text);
        quoted_spans(text, &paragraphs)
            .into_iter()
            .map(|q| text[q.inner].to_string())
            .collect()
    }

    #[test]
    fn curly_double_quotes() {
        assert_eq!(spans("“We are ready,” she said."), ["We are ready,"]);
    }

    #[test]
    fn reversed_marks_read_by_context() {
        assert_eq!(
            spans("He wanted ” about thirty “ of the boats."),
            ["about thirty"]
        );
        assert_eq!(spans("”We are ready,“ she said."), ["We are ready,"]);
    }

    #[test]
    fn guillemets_with_inner_spaces() {
        assert_eq!(
            spans("Elle a dit : « Nous sommes prêts » hier."),
            ["Nous sommes prêts"]
        );
    }

    #[test]
    fn guillemet_closing_before_a_comma() {
        assert_eq!(
            spans("« Ce projet ne sera pas retardé », a déclaré la maire."),
            ["Ce projet ne sera pas retardé"]
        );
    }

    #[test]
    fn german_low_high_marks() {
        assert_eq!(
            spans("Er sagte: „Wir sind bereit“ und ging."),
            ["Wir sind bereit"]
        );
    }

    #[test]
    fn british_single_quotes_and_apostrophes() {
        assert_eq!(
            spans("'It's the government's fault,' said the mayor of the '90s town."),
            ["It's the government's fault,"]
        );
        assert_eq!(spans("‘We don’t know,’ she said."), ["We don’t know,"]);
    }

    #[test]
    fn plural_possessive_is_not_a_mark_outside_a_quotation() {
        assert_eq!(
            spans("The workers’ union said it was ‘a fair deal’."),
            ["a fair deal"]
        );
        assert_eq!(spans("A ‘seamless’ journey, Mr Lee said."), ["seamless"]);
    }

    #[test]
    fn a_single_quote_before_a_number_opens() {
        assert_eq!(
            spans("He would invest ‘4.5 billion euros’ by 2030."),
            ["4.5 billion euros"]
        );
        assert_eq!(
            spans("Back in the ’90s, ‘trains ran,’ she said."),
            ["trains ran,"]
        );
    }

    #[test]
    fn quote_within_quote_is_not_separate() {
        assert_eq!(
            spans("“They called it ‘a disaster’ at once,” he said."),
            ["They called it ‘a disaster’ at once,"]
        );
    }

    #[test]
    fn double_quote_inside_single_quote_is_not_separate() {
        assert_eq!(
            spans("He said: ‘My boy was screaming “Run!” and we ran.’"),
            ["My boy was screaming “Run!” and we ran."]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        assert_eq!(
            spans("“We will stay. We will fight.\n\nNext."),
            ["We will stay. We will fight."]
        );
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(spans("“Done,” of the town,” said the mayor."), ["Done,"]);
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "“First part.\n\n“Second part,” she said.";
        let paragraphs = crate::extract::tests_support::paragraphs(text);
        let q = quoted_spans(text, &paragraphs);
        assert_eq!(q.len(), 2);
        assert!(q[0].unclosed);
        assert!(q[1].continues);
    }

    #[test]
    fn straight_double_quotes_pair() {
        assert_eq!(
            spans("\"Yes,\" he said, \"we will.\""),
            ["Yes,", "we will."]
        );
    }
}
