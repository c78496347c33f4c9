//! One version diffed against the reference on comparison units, turned into classed ops.

use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::ops::Range;

use super::classify::{Side, classify};
use crate::model::{ChangeClass, DiffOp, OpKind};
use crate::normalize::{self, Unit, UnitKind};

/// A text and its comparison units.
pub struct Version<'a> {
    /// The text as printed.
    pub text: &'a str,
    /// Its units, equivalences already merged.
    pub units: Vec<Unit>,
}

impl Version<'_> {
    fn side(&self, range: Range<usize>) -> Side<'_> {
        Side {
            text: self.text,
            units: self.units.get(range).unwrap_or(&[]),
        }
    }

    fn keys(&self) -> Vec<&str> {
        self.units.iter().map(|u| u.key.as_str()).collect()
    }

    /// The unit's own text, without spacing.
    fn surface(&self, i: usize) -> &str {
        self.units
            .get(i)
            .and_then(|u| self.text.get(u.word.clone()))
            .unwrap_or("")
    }
}

/// The raw diff of `member` against `reference`: (tag, reference range, member range).
fn raw_diff(member: &Version, reference: &Version) -> Vec<(DiffTag, Range<usize>, Range<usize>)> {
    capture_diff_slices(Algorithm::Myers, &reference.keys(), &member.keys())
        .iter()
        .map(|op| op.as_tag_tuple())
        .collect()
}

/// How alike two versions are, from 0 to 1: the share of units the diff keeps equal.
pub fn similarity(a: &Version, b: &Version) -> f64 {
    let total = a.units.len() + b.units.len();
    if total == 0 {
        return 1.0;
    }
    let equal: usize = raw_diff(a, b)
        .iter()
        .filter(|(tag, _, _)| *tag == DiffTag::Equal)
        .map(|(_, r, _)| r.len())
        .sum();
    2.0 * equal as f64 / total as f64
}

/// Whether two units with equal keys are written differently only in punctuation, case or
/// quote marks (spacing aside); "24" and "two dozen" share a key but are different words.
fn marks_differ(member: &Version, m: usize, reference: &Version, r: usize) -> bool {
    let (ms, rs) = (member.surface(m), reference.surface(r));
    ms != rs && normalize::letters_only(ms) == normalize::letters_only(rs)
}

/// An op from unit ranges on each side.
fn make_op(
    op: OpKind,
    member: &Version,
    m: Range<usize>,
    reference: &Version,
    r: Range<usize>,
    class: Option<ChangeClass>,
) -> DiffOp {
    let (ms, rs) = (member.side(m), reference.side(r));
    let class = match (op, class) {
        (OpKind::Equal, _) => None,
        (_, Some(class)) => Some(class),
        (_, None) => Some(classify(op, ms, rs)),
    };
    DiffOp {
        op,
        text: ms.slice().to_string(),
        ref_text: rs.slice().to_string(),
        class,
    }
}

/// Splits an equal run where the wording is the same but the marks or case differ, so that
/// those show as punctuation changes.
fn equal_run(
    member: &Version,
    m: Range<usize>,
    reference: &Version,
    r: Range<usize>,
) -> Vec<DiffOp> {
    let mut ops = Vec::new();
    let mut start = 0;
    let len = m.len().min(r.len());
    while start < len {
        let differs = |k: usize| marks_differ(member, m.start + k, reference, r.start + k);
        let kind = differs(start);
        let mut end = start + 1;
        while end < len && differs(end) == kind {
            end += 1;
        }
        let (op, class) = if kind {
            (OpKind::Replace, Some(ChangeClass::Punctuation))
        } else {
            (OpKind::Equal, None)
        };
        let mr = m.start + start..m.start + end;
        let rr = r.start + start..r.start + end;
        ops.push(make_op(op, member, mr, reference, rr, class));
        start = end;
    }
    ops
}

/// Positions of the number units in `range`.
fn number_positions(version: &Version, range: &Range<usize>) -> Vec<usize> {
    range
        .clone()
        .filter(|&i| {
            version
                .units
                .get(i)
                .is_some_and(|u| u.kind == UnitKind::Number)
        })
        .collect()
}

/// A replaced run, split at its numbers when both sides hold as many: "sent at least 9,000"
/// against "shipped no fewer than 900" is a change of wording and a change of number, each
/// classed on its own.
fn replace_run(
    member: &Version,
    m: Range<usize>,
    reference: &Version,
    r: Range<usize>,
) -> Vec<DiffOp> {
    let (mn, rn) = (
        number_positions(member, &m),
        number_positions(reference, &r),
    );
    if mn.is_empty() || mn.len() != rn.len() {
        return vec![make_op(OpKind::Replace, member, m, reference, r, None)];
    }
    let mut ops = Vec::new();
    let (mut mi, mut ri) = (m.start, r.start);
    let piece = |mr: Range<usize>, rr: Range<usize>, ops: &mut Vec<DiffOp>| {
        let op = match (mr.is_empty(), rr.is_empty()) {
            (true, true) => return,
            (false, true) => OpKind::Insert,
            (true, false) => OpKind::Delete,
            (false, false) => OpKind::Replace,
        };
        let same = mr.len() == rr.len()
            && mr.clone().zip(rr.clone()).all(|(a, b)| {
                member.units.get(a).map(|u| &u.key) == reference.units.get(b).map(|u| &u.key)
            });
        if same {
            ops.extend(equal_run(member, mr, reference, rr));
        } else {
            ops.push(make_op(op, member, mr, reference, rr, None));
        }
    };
    for (&a, &b) in mn.iter().zip(&rn) {
        piece(mi..a, ri..b, &mut ops);
        piece(a..a + 1, b..b + 1, &mut ops);
        (mi, ri) = (a + 1, b + 1);
    }
    piece(mi..m.end, ri..r.end, &mut ops);
    ops
}

/// Words cut at either end of a version are where its quotation starts or stops, not a name
/// dropped from the statement: they stay an omission or addition.
fn edge_cuts_are_not_names(ops: &mut [DiffOp]) {
    let last = ops.len().saturating_sub(1);
    for i in [0, last] {
        if let Some(op) = ops.get_mut(i)
            && op.class == Some(ChangeClass::Name)
        {
            op.class = match op.op {
                OpKind::Delete => Some(ChangeClass::Omission),
                OpKind::Insert => Some(ChangeClass::Addition),
                _ => op.class,
            };
        }
    }
}

/// `member` aligned against `reference`: ops whose `text` rebuilds the member and whose
/// `ref_text` rebuilds the reference, every non-equal op classed.
pub fn align(member: &Version, reference: &Version) -> Vec<DiffOp> {
    let mut ops = Vec::new();
    for (tag, r, m) in raw_diff(member, reference) {
        match tag {
            DiffTag::Equal => ops.extend(equal_run(member, m, reference, r)),
            DiffTag::Delete => ops.push(make_op(OpKind::Delete, member, m, reference, r, None)),
            DiffTag::Insert => ops.push(make_op(OpKind::Insert, member, m, reference, r, None)),
            DiffTag::Replace => ops.extend(replace_run(member, m, reference, r)),
        }
    }
    edge_cuts_are_not_names(&mut ops);
    ops
}
