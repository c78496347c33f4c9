//! Which of a statement's quotations are pieces of one version, and where the pieces meet.
//!
//! An article may print one statement in several pieces: a quotation split by its attribution
//! ("…,” she said. “…"), or a partial quotation beside a direct one. Those pieces are one
//! version of the statement and are compared as one. An article that prints the same words
//! twice (a pull quote, a repeated line) holds two versions, not pieces.
//!
//! In: a group's members with their quotations. Out: [`Version`]s, each the pieces of one
//! article in text order; a version's printed text is its pieces joined in order, one space
//! between them ([`Version::text`], [`Version::joints`]).

use super::columns::{Span, SpanRole};
use crate::align::{AlignOptions, align_texts};
use crate::model::{DiffOp, Group, Quote};
use crate::normalize::{self, UnitKind};
use rustc_hash::FxHashSet;

/// Two quotations of one article are one version's pieces unless they share at least this share
/// of the shorter one's content words (then the article repeats itself).
const REPEATED_SHARE: f64 = 0.5;

/// What goes between two pieces in a version's printed text.
pub const PIECE_JOINT: &str = " ";
/// The mark drawn where one piece ends and the next begins (not printed by the version).
pub const GAP_MARK: &str = "[…] ";

/// One version of a statement: one quotation, or the pieces one article printed it in.
#[derive(Clone, Debug)]
pub struct Version<'a> {
    /// The pieces in text order, each with its own diff against the group's reference.
    pub pieces: Vec<(&'a Quote, &'a [DiffOp])>,
}

impl<'a> Version<'a> {
    /// The first piece.
    pub fn first(&self) -> Option<&'a Quote> {
        self.pieces.first().map(|(q, _)| *q)
    }

    /// Whether `quote_id` is one of the pieces.
    pub fn holds(&self, quote_id: &str) -> bool {
        self.pieces.iter().any(|(q, _)| q.quote_id == quote_id)
    }

    /// The printed text: the pieces joined in order by [`PIECE_JOINT`].
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.pieces.iter().map(|(q, _)| q.text.as_str()).collect();
        texts.join(PIECE_JOINT)
    }

    /// Byte offsets in [`Version::text`] where a piece after the first begins.
    pub fn joints(&self) -> Vec<usize> {
        let mut at = 0;
        let mut out = Vec::new();
        for (i, (q, _)) in self.pieces.iter().enumerate() {
            if i > 0 {
                at += PIECE_JOINT.len();
                out.push(at);
            }
            at += q.text.len();
        }
        out
    }
}

/// A quotation's content words (numbers included), by comparison key.
fn content_words(text: &str) -> FxHashSet<String> {
    normalize::units(text)
        .into_iter()
        .filter(|u| u.kind == UnitKind::Number || (u.kind == UnitKind::Word && !u.stop))
        .map(|u| u.key)
        .collect()
}

/// Whether `a` and `b` repeat the same words rather than continue each other.
fn repeats(a: &FxHashSet<String>, b: &FxHashSet<String>) -> bool {
    let shorter = a.len().min(b.len());
    let shared = a.intersection(b).count();
    shorter == 0 || shared as f64 >= REPEATED_SHARE * shorter as f64
}

/// Gathers `members` into versions: in each article, a quotation joins the first version it
/// neither overlaps nor repeats, else starts one. Versions come in the order of their first
/// piece among `members`; pieces in text order.
pub fn versions<'a>(members: &[(&'a Quote, &'a [DiffOp])]) -> Vec<Version<'a>> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by_key(|&i| members.get(i).map(|(q, _)| (q.span.start, q.start)));
    let words: Vec<FxHashSet<String>> = members
        .iter()
        .map(|(q, _)| content_words(&q.text))
        .collect();
    let mut built: Vec<Vec<usize>> = Vec::new();
    for i in order {
        let Some((quote, _)) = members.get(i) else {
            continue;
        };
        let fits = |version: &Vec<usize>| {
            version.iter().all(|&j| {
                let Some((other, _)) = members.get(j) else {
                    return false;
                };
                other.article_id == quote.article_id
                    && other.span.end <= quote.span.start
                    && words
                        .get(i)
                        .zip(words.get(j))
                        .is_some_and(|(a, b)| !repeats(a, b))
            })
        };
        match built.iter_mut().find(|v| fits(v)) {
            Some(version) => version.push(i),
            None => built.push(vec![i]),
        }
    }
    built.sort_by_key(|v| v.iter().copied().min());
    built
        .into_iter()
        .map(|v| Version {
            pieces: v.iter().filter_map(|&i| members.get(i).copied()).collect(),
        })
        .collect()
}

/// `versions` with the one holding `reference` (a quotation id) first, the others in their
/// order; `None` when there is no version. Without the reference, the first stays first.
pub fn reference_first<'a>(
    mut versions: Vec<Version<'a>>,
    reference: &str,
) -> Option<Vec<Version<'a>>> {
    let at = versions
        .iter()
        .position(|v| v.holds(reference))
        .unwrap_or(0);
    if at >= versions.len() {
        return None;
    }
    let pinned = versions.remove(at);
    versions.insert(0, pinned);
    Some(versions)
}

/// Each version's diff against the reference version (`versions[0]`): the group's own when
/// neither is pieced, else the joined pieces aligned anew.
pub fn diffs(versions: &[Version], texts: &[String]) -> Vec<Vec<DiffOp>> {
    let reference_pieced = versions.first().is_some_and(|v| v.pieces.len() > 1);
    let reference_text = texts.first().map_or("", String::as_str);
    let options = AlignOptions::default();
    (versions.iter().zip(texts).enumerate())
        .map(|(i, (version, text))| match version.pieces.as_slice() {
            _ if i == 0 => Vec::new(),
            [(_, diff)] if !reference_pieced => diff.to_vec(),
            _ => align_texts(text, reference_text, &options),
        })
        .collect()
}

/// The diffs of `group`'s versions against its reference version, pieces joined: what the
/// comparison shows, for counting its differences. `quotes` are the members' quotations.
pub fn group_diffs(group: &Group, quotes: &[&Quote]) -> Vec<Vec<DiffOp>> {
    let members: Vec<(&Quote, &[DiffOp])> = quotes.iter().map(|q| (*q, &[][..])).collect();
    let Some(versions) = reference_first(versions(&members), &group.reference) else {
        return Vec::new();
    };
    let texts: Vec<String> = versions.iter().map(Version::text).collect();
    let reference = texts.first().map_or("", String::as_str);
    let options = AlignOptions::default();
    texts
        .iter()
        .skip(1)
        .map(|text| align_texts(text, reference, &options))
        .collect()
}

/// Puts a [`SpanRole::Gap`] span in `column` of `rows` before the printed byte offset of each
/// of `joints` (offsets in the version's printed text), splitting a span the joint falls in.
pub fn mark_joints(rows: &mut [Vec<Vec<Span>>], column: usize, joints: &[usize]) {
    for &joint in joints.iter().rev() {
        let mut pos = 0;
        let found = rows.iter().enumerate().find_map(|(r, row)| {
            let cell = row.get(column)?;
            cell.iter().enumerate().find_map(|(i, span)| {
                if span.role != SpanRole::Printed {
                    return None;
                }
                let start = pos;
                pos += span.text.len();
                (start <= joint && joint < pos).then_some((r, i, joint - start))
            })
        });
        let Some((r, i, offset)) = found else {
            continue;
        };
        let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(column)) else {
            continue;
        };
        let Some(span) = cell.get_mut(i) else {
            continue;
        };
        let mut at = i;
        if offset > 0 && span.text.is_char_boundary(offset) {
            let rest = Span {
                text: span.text.split_off(offset),
                ..span.clone()
            };
            cell.insert(i + 1, rest);
            at = i + 1;
        }
        // The reference's words struck at the joint belong to the second piece's place.
        while at > 0 && cell.get(at - 1).is_some_and(|s| s.role == SpanRole::Struck) {
            at -= 1;
        }
        cell.insert(at, gap());
    }
}

fn gap() -> Span {
    Span {
        text: GAP_MARK.to_string(),
        role: SpanRole::Gap,
        class: None,
        counterpart: String::new(),
        change: None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    fn quote(quote_id: &str, article_id: &str, at: usize, text: &str) -> Quote {
        Quote {
            quote_id: quote_id.into(),
            article_id: article_id.into(),
            text: text.into(),
            span: at..at + text.len(),
            ..Quote::default()
        }
    }

    fn ids<'a>(versions: &[Version<'a>]) -> Vec<Vec<&'a str>> {
        versions
            .iter()
            .map(|v| v.pieces.iter().map(|(q, _)| q.quote_id.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_split_quotation_is_one_version_in_text_order() {
        let quotes = [
            quote("q1", "a1", 0, "The canal opens in May, with tolls halved."),
            quote("q3", "a2", 90, "and pilots will be trained locally."),
            quote("q2", "a2", 10, "The canal opens in May, with tolls halved,"),
        ];
        let members: Vec<(&Quote, &[DiffOp])> = quotes.iter().map(|q| (q, &[][..])).collect();
        let versions = versions(&members);
        assert_eq!(ids(&versions), [vec!["q1"], vec!["q2", "q3"]]);
        let pieced = &versions[1];
        let text = pieced.text();
        assert_eq!(
            text,
            "The canal opens in May, with tolls halved, and pilots will be trained locally."
        );
        assert_eq!(pieced.joints(), [43]);
        assert!(text[43..].starts_with("and pilots"));
    }

    #[test]
    fn an_article_repeating_itself_holds_two_versions() {
        let quotes = [
            quote("q1", "a1", 0, "The canal opens in May."),
            quote("q2", "a1", 200, "The canal opens in May, we hope."),
        ];
        let members: Vec<(&Quote, &[DiffOp])> = quotes.iter().map(|q| (q, &[][..])).collect();
        assert_eq!(ids(&versions(&members)), [vec!["q1"], vec!["q2"]]);
    }
    #[test]
    fn a_pieced_version_counts_only_its_own_changes() {
        let quotes = [
            quote(
                "q1",
                "a1",
                0,
                "The canal opens in May, and tolls will not rise.",
            ),
            quote("q2", "a2", 10, "The canal opens in May,"),
            quote("q3", "a2", 60, "and tolls will rise."),
        ];
        let refs: Vec<&Quote> = quotes.iter().collect();
        let group =
            crate::align::build_group("g1".into(), &refs, Some(0), &AlignOptions::default());
        let substantive = |diffs: &[Vec<DiffOp>]| -> Vec<crate::model::ChangeClass> {
            diffs
                .iter()
                .flatten()
                .filter_map(|op| op.class.filter(|c| c.is_substantive()))
                .collect()
        };
        let own: Vec<Vec<DiffOp>> = group.members.iter().map(|m| m.diff.clone()).collect();
        assert!(
            substantive(&own).len() > 1,
            "each piece alone lacks half the statement"
        );
        let joined = group_diffs(&group, &refs);
        assert_eq!(joined.len(), 1);
        assert_eq!(substantive(&joined), [crate::model::ChangeClass::Negation]);
    }
}
