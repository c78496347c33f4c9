//! What kind of change one alignment op is, from the units on each side.
//!
//! Precedence: negation > number > name > omission / addition / paraphrase > punctuation.

use crate::model::{ChangeClass, OpKind};
use crate::normalize::{self, Unit, UnitKind};

/// How many negation words a side holds.
fn negations(units: &[Unit]) -> usize {
    units.iter().filter(|u| u.negation).count()
}

/// The number keys of a side, sorted.
fn numbers(units: &[Unit]) -> Vec<&str> {
    let mut keys: Vec<&str> = units
        .iter()
        .filter(|u| u.kind == UnitKind::Number)
        .map(|u| u.key.as_str())
        .collect();
    keys.sort_unstable();
    keys
}

/// The names of a side as written (letters only, possessive dropped), sorted: "U.S." and "US"
/// are one name, "the DPRK" and "North Korea" two.
fn names(text: &str, units: &[Unit]) -> Vec<String> {
    let mut out: Vec<String> = units
        .iter()
        .filter(|u| u.name)
        .map(|u| {
            let folded = normalize::fold(text.get(u.word.clone()).unwrap_or(""));
            normalize::letters_only(folded.strip_suffix("'s").unwrap_or(&folded))
        })
        .collect();
    out.sort_unstable();
    out
}

/// Whether an inserted or deleted side is, in content, only names ("and Estrania").
fn only_names(units: &[Unit]) -> bool {
    let content: Vec<&Unit> = content(units).collect();
    !content.is_empty() && content.iter().all(|u| u.name)
}

/// One side of an op: the text its units index into, and the units.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// The whole text of the version.
    pub text: &'a str,
    /// The op's units on this side.
    pub units: &'a [Unit],
}

impl Side<'_> {
    /// The exact text the op covers on this side.
    pub fn slice(&self) -> &str {
        match (self.units.first(), self.units.last()) {
            (Some(first), Some(last)) => {
                self.text.get(first.span.start..last.span.end).unwrap_or("")
            }
            _ => "",
        }
    }
}

/// The content words and numbers of a side.
fn content(units: &[Unit]) -> impl Iterator<Item = &Unit> {
    units
        .iter()
        .filter(|u| u.kind == UnitKind::Number || (u.kind == UnitKind::Word && !u.stop))
}

/// Whether a number differs between the two sides. An inserted or deleted run counts only when
/// numbers are at least half its content ("9,000", "some 40 more"), so that a dropped clause
/// which happens to hold a number stays an omission.
fn number_changed(op: OpKind, member: Side, reference: Side) -> bool {
    let mostly_numbers = |units: &[Unit]| {
        let (all, nums) = content(units).fold((0, 0), |(a, n), u| {
            (a + 1, n + usize::from(u.kind == UnitKind::Number))
        });
        nums > 0 && 2 * nums >= all
    };
    match op {
        OpKind::Insert => mostly_numbers(member.units),
        OpKind::Delete => mostly_numbers(reference.units),
        OpKind::Replace => numbers(member.units) != numbers(reference.units),
        OpKind::Equal => false,
    }
}

/// Whether a name differs between the two sides of an op.
fn name_changed(op: OpKind, member: Side, reference: Side) -> bool {
    match op {
        OpKind::Insert => only_names(member.units),
        OpKind::Delete => only_names(reference.units),
        OpKind::Replace => {
            let (m, r) = (
                names(member.text, member.units),
                names(reference.text, reference.units),
            );
            m != r
        }
        OpKind::Equal => false,
    }
}

/// A negation word inside a long run of added or dropped words is part of an omission or an
/// addition ("…, and we cannot wait for the rains" cut off), not a negation flipped: the side
/// with more negations must be short.
fn negation_is_the_change(member: Side, reference: Side) -> bool {
    let words = |units: &[Unit]| {
        units
            .iter()
            .filter(|u| matches!(u.kind, UnitKind::Word | UnitKind::Number))
            .count()
    };
    let side = if negations(member.units) > negations(reference.units) {
        member.units
    } else {
        reference.units
    };
    words(side) <= 4
}

/// The class of a non-equal op with `member` units on this version's side and `reference`
/// units on the reference's side.
pub fn classify(op: OpKind, member: Side, reference: Side) -> ChangeClass {
    if negations(member.units) != negations(reference.units)
        && negation_is_the_change(member, reference)
    {
        return ChangeClass::Negation;
    }
    if number_changed(op, member, reference) {
        return ChangeClass::Number;
    }
    if name_changed(op, member, reference) {
        return ChangeClass::Name;
    }
    if normalize::letters_only(member.slice()) == normalize::letters_only(reference.slice()) {
        return ChangeClass::Punctuation;
    }
    match op {
        OpKind::Insert => ChangeClass::Addition,
        OpKind::Delete => ChangeClass::Omission,
        OpKind::Replace | OpKind::Equal => ChangeClass::Paraphrase,
    }
}
