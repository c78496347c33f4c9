//! A group's versions cut into rows so that the same words of every version sit on one row.
//!
//! In: the reference's text and each member's diff against it (byte ranges of the reference
//! follow from the ops' `ref_text`). Out: [`AlignedGroup`], `rows[row][version]` pieces, the
//! reference in column 0. A row boundary is a reference offset where some version changes and no
//! version has a change running across it; equal runs are cut at those offsets so their words
//! line up. Written here because no crate lays out several diffs against one base this way.

use crate::model::{ChangeClass, DiffOp, OpKind};

/// A run of one version's words in one row.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// This version's words.
    pub text: String,
    /// The reference's words at this place.
    pub ref_text: String,
    /// What the op does.
    pub op: OpKind,
    /// Its class, `None` when equal.
    pub class: Option<ChangeClass>,
    /// Index of the op in the version's diff it comes from (`None`: not from a diff).
    pub op_index: Option<usize>,
}

/// One version as the comparison needs it.
#[derive(Clone, Copy, Debug)]
pub struct VersionInput<'a> {
    /// The version's own text (used when it has no diff).
    pub text: &'a str,
    /// Its diff against the reference; empty for the reference itself or when unaligned.
    pub diff: &'a [DiffOp],
}

/// Rows of pieces, one column per version.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlignedGroup {
    /// `rows[row][version]`: the pieces of that version on that row.
    pub rows: Vec<Vec<Vec<Piece>>>,
}

/// An op placed on the reference: its byte range there.
struct Placed<'a> {
    start: usize,
    end: usize,
    op: &'a DiffOp,
    index: usize,
}

/// Whether a change that `hide_cosmetic` hides still counts as one.
fn shows_as_change(op: &DiffOp, hide_cosmetic: bool) -> bool {
    op.op != OpKind::Equal && !(hide_cosmetic && op.class == Some(ChangeClass::Punctuation))
}

/// Whether an op can be cut at any reference offset (its text maps byte for byte).
fn splittable(op: &DiffOp) -> bool {
    op.op == OpKind::Equal && op.text.len() == op.ref_text.len()
}

/// The ops of `diff` with their reference ranges, or `None` if they do not rebuild a reference
/// of `ref_len` bytes.
fn place(diff: &[DiffOp], ref_len: usize) -> Option<Vec<Placed<'_>>> {
    let mut pos = 0;
    let placed: Vec<Placed> = diff
        .iter()
        .enumerate()
        .map(|(index, op)| {
            let start = pos;
            pos += op.ref_text.len();
            Placed {
                start,
                end: pos,
                op,
                index,
            }
        })
        .collect();
    (pos == ref_len && !placed.is_empty()).then_some(placed)
}

/// Row boundaries on the reference: ends of visible changes, minus any offset inside an op
/// that cannot be cut.
fn boundaries(versions: &[Option<Vec<Placed>>], ref_len: usize, hide_cosmetic: bool) -> Vec<usize> {
    let mut cuts = vec![0, ref_len];
    let mut forbidden = Vec::new();
    for placed in versions.iter().flatten() {
        for p in placed {
            if shows_as_change(p.op, hide_cosmetic) {
                cuts.extend([p.start, p.end]);
            }
            if !splittable(p.op) && p.start < p.end {
                forbidden.push((p.start, p.end));
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| !forbidden.iter().any(|&(s, e)| s < c && c < e));
    cuts
}

/// The row whose range holds reference offset `pos` (the last row for the end).
fn row_of(cuts: &[usize], pos: usize) -> usize {
    let rows = cuts.len().saturating_sub(1).max(1);
    cuts.partition_point(|&c| c <= pos)
        .saturating_sub(1)
        .min(rows - 1)
}

/// Cuts `versions` (reference first) into aligned rows.
pub fn align_versions(
    reference: &str,
    versions: &[VersionInput],
    hide_cosmetic: bool,
) -> AlignedGroup {
    let ref_len = reference.len();
    let placed: Vec<Option<Vec<Placed>>> =
        versions.iter().map(|v| place(v.diff, ref_len)).collect();
    let cuts = boundaries(&placed, ref_len, hide_cosmetic);
    let row_count = cuts.len().saturating_sub(1).max(1);
    let mut rows = vec![vec![Vec::new(); versions.len()]; row_count];
    for (vi, version) in versions.iter().enumerate() {
        let pieces: Vec<(usize, Piece)> = match placed.get(vi).and_then(Option::as_ref) {
            Some(ops) => ops.iter().flat_map(|p| cut_op(p, &cuts)).collect(),
            None if vi == 0 => cuts
                .windows(2)
                .enumerate()
                .map(|(row, w)| (row, equal_piece(reference.get(w[0]..w[1]).unwrap_or(""))))
                .collect(),
            None => vec![(0, equal_piece(version.text))],
        };
        for (row, piece) in pieces {
            if let Some(cell) = rows.get_mut(row).and_then(|r| r.get_mut(vi)) {
                cell.push(piece);
            }
        }
    }
    AlignedGroup {
        rows: merge_unchanged_rows(rows, hide_cosmetic),
    }
}

/// Whether every version reads the same on this row (hidden cosmetic changes count as same).
fn row_unchanged(row: &[Vec<Piece>], hide_cosmetic: bool) -> bool {
    row.iter().flatten().all(|p| {
        p.op == OpKind::Equal || (hide_cosmetic && p.class == Some(ChangeClass::Punctuation))
    })
}

/// Joins each unchanged row to the row after it. The joined text is the same in every column
/// and columns are equally wide, so the change that follows still starts at the same place,
/// and the view reads as sentences rather than as a list of fragments.
fn merge_unchanged_rows(rows: Vec<Vec<Vec<Piece>>>, hide_cosmetic: bool) -> Vec<Vec<Vec<Piece>>> {
    let mut out: Vec<Vec<Vec<Piece>>> = Vec::with_capacity(rows.len());
    let mut carry: Option<Vec<Vec<Piece>>> = None;
    for row in rows {
        let row = match carry.take() {
            Some(mut before) => {
                for (cell, after) in before.iter_mut().zip(row) {
                    cell.extend(after);
                }
                before
            }
            None => row,
        };
        if row_unchanged(&row, hide_cosmetic) {
            carry = Some(row);
        } else {
            out.push(row);
        }
    }
    out.extend(carry);
    out
}

/// An unchanged run.
fn equal_piece(text: &str) -> Piece {
    Piece {
        text: text.to_string(),
        ref_text: text.to_string(),
        op: OpKind::Equal,
        class: None,
        op_index: None,
    }
}

/// One op as pieces tagged with their rows; equal runs are cut at every boundary inside them.
fn cut_op(p: &Placed, cuts: &[usize]) -> Vec<(usize, Piece)> {
    let whole = || Piece {
        text: p.op.text.clone(),
        ref_text: p.op.ref_text.clone(),
        op: p.op.op,
        class: p.op.class,
        op_index: Some(p.index),
    };
    if !splittable(p.op) || p.start == p.end {
        return vec![(row_of(cuts, p.start), whole())];
    }
    let mut inner: Vec<usize> = cuts
        .iter()
        .copied()
        .filter(|&c| p.start < c && c < p.end)
        .collect();
    inner.insert(0, p.start);
    inner.push(p.end);
    let mut out = Vec::new();
    for w in inner.windows(2) {
        let (s, e) = (w[0] - p.start, w[1] - p.start);
        let text = p.op.text.get(s..e).or_else(|| p.op.ref_text.get(s..e));
        match text {
            Some(text) => out.push((row_of(cuts, w[0]), equal_piece(text))),
            None => return vec![(row_of(cuts, p.start), whole())],
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn op(kind: OpKind, text: &str, ref_text: &str, class: Option<ChangeClass>) -> DiffOp {
        DiffOp::new(kind, text, ref_text, class)
    }

    const REFERENCE: &str = "The bridge will close for 14 weeks, she said.";

    fn number_change() -> Vec<DiffOp> {
        vec![
            op(
                OpKind::Equal,
                "The bridge will close for ",
                "The bridge will close for ",
                None,
            ),
            op(OpKind::Replace, "40", "14", Some(ChangeClass::Number)),
            op(
                OpKind::Equal,
                " weeks, she said.",
                " weeks, she said.",
                None,
            ),
        ]
    }

    fn texts(aligned: &AlignedGroup, version: usize) -> Vec<String> {
        aligned
            .rows
            .iter()
            .map(|r| r[version].iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_change_gets_its_own_row_in_every_version() {
        let same = vec![op(OpKind::Equal, REFERENCE, REFERENCE, None)];
        let changed = number_change();
        let versions = [
            VersionInput {
                text: REFERENCE,
                diff: &[],
            },
            VersionInput {
                text: REFERENCE,
                diff: &same,
            },
            VersionInput {
                text: "",
                diff: &changed,
            },
        ];
        let aligned = align_versions(REFERENCE, &versions, false);
        // The unchanged opening joins the change's row; the change ends that row everywhere.
        assert_eq!(aligned.rows.len(), 2);
        assert_eq!(texts(&aligned, 0)[0], "The bridge will close for 14");
        assert_eq!(texts(&aligned, 1)[0], "The bridge will close for 14");
        assert_eq!(texts(&aligned, 2)[0], "The bridge will close for 40");
        let last = aligned.rows[0][2].last().unwrap();
        assert_eq!(
            (last.text.as_str(), last.class),
            ("40", Some(ChangeClass::Number))
        );
    }

    #[test]
    fn a_replace_across_another_change_is_never_cut() {
        let wide = vec![
            op(
                OpKind::Equal,
                "The bridge will close for ",
                "The bridge will close for ",
                None,
            ),
            op(
                OpKind::Replace,
                "three months, ",
                "14 weeks, ",
                Some(ChangeClass::Paraphrase),
            ),
            op(OpKind::Equal, "she said.", "she said.", None),
        ];
        let narrow = number_change();
        let versions = [
            VersionInput {
                text: REFERENCE,
                diff: &[],
            },
            VersionInput {
                text: "",
                diff: &wide,
            },
            VersionInput {
                text: "",
                diff: &narrow,
            },
        ];
        let aligned = align_versions(REFERENCE, &versions, false);
        let wide_rows = texts(&aligned, 1);
        let row = wide_rows
            .iter()
            .position(|t| t.ends_with("three months, "))
            .unwrap();
        assert_eq!(
            texts(&aligned, 2)[row],
            "The bridge will close for 40 weeks, "
        );
    }

    #[test]
    fn hidden_punctuation_makes_no_row() {
        let punct = vec![
            op(
                OpKind::Equal,
                "The bridge will close for 14 weeks",
                "The bridge will close for 14 weeks",
                None,
            ),
            op(OpKind::Replace, "; ", ", ", Some(ChangeClass::Punctuation)),
            op(OpKind::Equal, "she said.", "she said.", None),
        ];
        let versions = [
            VersionInput {
                text: REFERENCE,
                diff: &[],
            },
            VersionInput {
                text: "",
                diff: &punct,
            },
        ];
        assert_eq!(align_versions(REFERENCE, &versions, true).rows.len(), 1);
        assert_eq!(align_versions(REFERENCE, &versions, false).rows.len(), 2);
    }

    #[test]
    fn a_diff_that_does_not_fit_the_reference_stays_whole() {
        let wrong = vec![op(OpKind::Equal, "x", "x", None)];
        let versions = [
            VersionInput {
                text: REFERENCE,
                diff: &[],
            },
            VersionInput {
                text: "Other words",
                diff: &wrong,
            },
        ];
        let aligned = align_versions(REFERENCE, &versions, false);
        assert_eq!(texts(&aligned, 1)[0], "Other words");
    }
}
