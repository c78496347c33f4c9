//! A statement's versions as columns of spans, so no version is ever shown printing words it
//! did not print.
//!
//! In: a [`Group`], a way to find its quotations and where each article stands among the loaded
//! ones, and whether punctuation and case changes are hidden. Out: [`Comparison`]: the reference
//! column first, the others in article order (so they keep their place when the reference
//! changes), and `rows[row][column]` spans. A version's [`SpanRole::Printed`] spans, joined,
//! are exactly its text; its [`SpanRole::Struck`] spans are the reference's words it lacks.
//! Class never decides the role: it only tells how a changed span is marked.

use super::pieces::{self, Version};
use super::rows::{Piece, VersionInput, align_versions};
use crate::model::{ChangeClass, DiffOp, Group, OpKind, Quote, QuoteKind};

/// Whether a span's words were printed by its version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpanRole {
    /// Words this version printed.
    Printed,
    /// Words only the reference has, at the place this version lacks them.
    Struck,
    /// Where one piece of a version ends and the next begins (a split quotation): a mark, not
    /// words of any version.
    Gap,
}

/// A run of words in one cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// The words, with the spacing that follows them.
    pub text: String,
    /// Printed by this version, or the reference's words it lacks.
    pub role: SpanRole,
    /// The change the words belong to; `None` for unchanged (or hidden cosmetic) words.
    pub class: Option<ChangeClass>,
    /// The other side of the change at this place: the reference's words for printed words,
    /// this version's words for struck ones (empty when that side has none).
    pub counterpart: String,
    /// For a marked span, the index of its change in the version's diff.
    pub change: Option<usize>,
}

impl Span {
    fn new(text: &str, role: SpanRole, class: Option<ChangeClass>) -> Self {
        Self {
            text: text.to_string(),
            role,
            class,
            counterpart: String::new(),
            change: None,
        }
    }

    fn change(text: &str, role: SpanRole, class: Option<ChangeClass>, other: &str) -> Self {
        Self {
            counterpart: other.to_string(),
            ..Self::new(text, role, class)
        }
    }
}

/// One version's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The quotation shown.
    pub quote_id: String,
    /// The article it is from.
    pub article_id: String,
    /// Whether the others are compared with this one.
    pub reference: bool,
    /// What the version itself shows: a splice, a cut, a partial quotation.
    pub marks: VersionMarks,
    /// The quotations the version is made of, in text order: one, or the pieces of a split
    /// quotation.
    pub pieces: Vec<String>,
    /// What the version printed: its pieces joined in order.
    pub text: String,
    /// Its diff against the reference column (empty for the reference).
    pub diff: Vec<DiffOp>,
}

/// What a version shows about how it was quoted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VersionMarks {
    /// The article joined two statements into this quotation with an ellipsis.
    pub spliced: bool,
    /// It starts mid-sentence.
    pub cut_start: bool,
    /// It ends mid-sentence.
    pub cut_end: bool,
    /// A fragment inside the reporter's own sentence.
    pub partial: bool,
    /// Printed in pieces (a split quotation) shown joined.
    pub pieced: bool,
}

impl VersionMarks {
    /// The marks of `quote`: where a truncated quotation is cut follows from its text (an
    /// ellipsis or a lower-case start; an ellipsis or no closing stop at the end).
    pub fn of(quote: &Quote) -> Self {
        let text = quote.text.trim();
        let ellipsis = |s: &str| s.starts_with('…') || s.starts_with("...");
        let cut_start = ellipsis(text) || text.chars().next().is_some_and(char::is_lowercase);
        let ends_open = text.ends_with('…')
            || text.ends_with("...")
            || !text.ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}']);
        Self {
            spliced: quote.spliced,
            cut_start: quote.truncated && cut_start,
            cut_end: quote.truncated && (ends_open || !cut_start),
            partial: quote.kind == QuoteKind::Partial,
            pieced: false,
        }
    }

    /// The marks of either.
    fn or(self, other: Self) -> Self {
        Self {
            spliced: self.spliced || other.spliced,
            cut_start: self.cut_start || other.cut_start,
            cut_end: self.cut_end || other.cut_end,
            partial: self.partial || other.partial,
            pieced: self.pieced || other.pieced,
        }
    }

    /// The label of [`VersionMarks::pieced`].
    pub const PIECED: &'static str = "in pieces […]";

    /// The marks' names, for the column head.
    pub fn labels(self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (on, label) in [
            (self.pieced, Self::PIECED),
            (self.partial, "partial"),
            (self.spliced, "spliced at …"),
            (self.cut_start, "cut at start"),
            (self.cut_end, "cut at end"),
        ] {
            if on {
                out.push(label);
            }
        }
        out
    }
}

/// The columns and their aligned rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Reference first, then article order.
    pub columns: Vec<Column>,
    /// `rows[row][column]`: the spans of that column on that row.
    pub rows: Vec<Vec<Vec<Span>>>,
}

/// One marked change: the column it is in and its index in that version's diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChangeAt {
    /// The column.
    pub column: usize,
    /// The op's index in the column's diff.
    pub change: usize,
}

impl Comparison {
    /// Every marked change, in reading order: down the rows, and across the columns on each.
    pub fn changes(&self) -> Vec<ChangeAt> {
        let mut out: Vec<ChangeAt> = Vec::new();
        for row in &self.rows {
            for (column, cell) in row.iter().enumerate() {
                for change in cell
                    .iter()
                    .filter(|s| s.class.is_some())
                    .filter_map(|s| s.change)
                {
                    let at = ChangeAt { column, change };
                    if !out.contains(&at) {
                        out.push(at);
                    }
                }
            }
        }
        out
    }

    /// Column `column`'s spans of `role`, joined, across every row.
    pub fn text_of(&self, column: usize, role: SpanRole) -> String {
        self.rows
            .iter()
            .filter_map(|row| row.get(column))
            .flatten()
            .filter(|s| s.role == role)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// Lays out `group`'s versions. `quote_of` finds a quotation by id; `article_rank` orders
/// articles (load order). `None` when the group has no version that can be found.
///
/// ```
/// use verbatim::align::{build_group, AlignOptions};
/// use verbatim::view::{compare, SpanRole};
/// use verbatim::Quote;
/// let quote = |id: &str, text: &str| Quote { quote_id: id.into(), text: text.into(), ..Quote::default() };
/// let (a, b) = (quote("q1", "We will not close the school."), quote("q2", "We will close the school."));
/// let group = build_group("g1".into(), &[&a, &b], Some(0), &AlignOptions::default());
/// let quotes = [a, b];
/// let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
/// let comparison = compare(&group, find, |_| 0, false).unwrap();
/// assert_eq!(comparison.text_of(1, SpanRole::Printed), "We will close the school.");
/// assert_eq!(comparison.text_of(1, SpanRole::Struck), "not ");
/// ```
pub fn compare<'a>(
    group: &'a Group,
    quote_of: impl Fn(&str) -> Option<&'a Quote>,
    article_rank: impl Fn(&str) -> usize,
    hide_cosmetic: bool,
) -> Option<Comparison> {
    let members: Vec<(&Quote, &[DiffOp])> = group
        .members
        .iter()
        .filter_map(|m| Some((quote_of(&m.quote_id)?, m.diff.as_slice())))
        .collect();
    let mut versions = pieces::reference_first(pieces::versions(&members), &group.reference)?;
    if let Some(others) = versions.get_mut(1..) {
        others.sort_by_key(|v| v.first().map(|q| (article_rank(&q.article_id), q.start)));
    }
    let texts: Vec<String> = versions.iter().map(Version::text).collect();
    let diffs = pieces::diffs(&versions, &texts);
    let reference_text = texts.first().map_or("", String::as_str);
    let inputs: Vec<VersionInput> = texts
        .iter()
        .zip(&diffs)
        .map(|(text, diff)| VersionInput { text, diff })
        .collect();
    let aligned = align_versions(reference_text, &inputs, hide_cosmetic);
    let mut rows: Vec<Vec<Vec<Span>>> = aligned
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| {
                    cell.iter()
                        .flat_map(|p| spans_of(p, hide_cosmetic))
                        .collect()
                })
                .collect()
        })
        .collect();
    for (column, version) in versions.iter().enumerate() {
        lift_leading_space(&mut rows, column);
        pieces::mark_joints(&mut rows, column, &version.joints());
    }
    let columns = (versions.iter().zip(texts).zip(diffs).enumerate())
        .filter_map(|(i, ((version, text), diff))| {
            column_of(version, i == 0, &group.reference, text, diff)
        })
        .collect();
    Some(Comparison { columns, rows })
}

/// The column of `version`; named by the reference quotation when it is the reference, else
/// by its first piece.
fn column_of(
    version: &Version,
    reference: bool,
    reference_id: &str,
    text: String,
    diff: Vec<DiffOp>,
) -> Option<Column> {
    let first = version.first()?;
    let mut marks = VersionMarks::default();
    for (q, _) in &version.pieces {
        marks = marks.or(VersionMarks::of(q));
    }
    marks.pieced = version.pieces.len() > 1;
    let quote_id = if reference && version.holds(reference_id) {
        reference_id.to_string()
    } else {
        first.quote_id.clone()
    };
    Some(Column {
        quote_id,
        article_id: first.article_id.clone(),
        reference,
        marks,
        pieces: version
            .pieces
            .iter()
            .map(|(q, _)| q.quote_id.clone())
            .collect(),
        text,
        diff,
    })
}

/// A piece's spans: what the version printed, and before it the reference's words it lacks.
fn spans_of(piece: &Piece, hide_cosmetic: bool) -> Vec<Span> {
    let hidden = hide_cosmetic && piece.class == Some(ChangeClass::Punctuation);
    let mut out = Vec::with_capacity(2);
    match piece.op {
        OpKind::Equal => out.push(Span::new(&piece.text, SpanRole::Printed, None)),
        _ if hidden => out.push(Span::new(&piece.text, SpanRole::Printed, None)),
        _ => {
            let (text, ref_text, class) = (&piece.text, &piece.ref_text, piece.class);
            for (words, role, other) in [
                (ref_text, SpanRole::Struck, text),
                (text, SpanRole::Printed, ref_text),
            ] {
                out.push(Span {
                    change: piece.op_index,
                    ..Span::change(words, role, class, other)
                });
            }
        }
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// Moves the spacing a row starts with to the end of the column's previous row, so each row
/// starts at a word and the column's printed text is still whole.
fn lift_leading_space(rows: &mut [Vec<Vec<Span>>], column: usize) {
    let mut previous: Option<usize> = None;
    for r in 0..rows.len() {
        let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(column)) else {
            continue;
        };
        let Some(first) = cell.first_mut() else {
            continue;
        };
        let lead = first.text.len() - first.text.trim_start().len();
        if let Some(p) = previous
            && first.role == SpanRole::Printed
            && lead > 0
        {
            let space: String = first.text.drain(..lead).collect();
            if first.text.is_empty() {
                cell.remove(0);
            }
            if let Some(before) = rows.get_mut(p).and_then(|row| row.get_mut(column)) {
                match before.last_mut() {
                    Some(last) if last.role == SpanRole::Printed => last.text.push_str(&space),
                    _ => before.push(Span::new(&space, SpanRole::Printed, None)),
                }
            }
        }
        if rows
            .get(r)
            .and_then(|row| row.get(column))
            .is_some_and(|c| !c.is_empty())
        {
            previous = Some(r);
        }
    }
}

#[cfg(test)]
#[path = "columns_tests.rs"]
mod tests;
