//! A group's members aligned word by word against a reference, each difference classed.
//!
//! In come the quotations of one group; out comes a [`Group`]: the reference (the caller's
//! choice, else the most central member), each member's diff against it as [`DiffOp`]s whose
//! texts rebuild both versions exactly, a [`ChangeClass`] on every non-equal op, the group's
//! flags and its most common speaker. Versions are compared on [`normalize::units`] keys, so
//! case, quote marks and digit grouping never count as different words; user-declared
//! equivalences are merged into single units first, so they compare equal.

mod classify;
mod diff;

use diff::Version;
use rustc_hash::FxHashSet;

use crate::model::{ChangeClass, DiffOp, Group, GroupFlag, Member, OpKind, Quote};
use crate::normalize::{self, Unit, UnitKind};

/// How versions are compared.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AlignOptions {
    /// Wordings to treat as the same, e.g. ("the DPRK", "North Korea"); case-insensitive.
    pub equivalences: Vec<(String, String)>,
}

/// A member is truncated when it keeps less than this share of the reference's content words.
const TRUNCATED_SHARE: f64 = 0.6;
/// The reference needs this many content words before coverage can call a member truncated.
const TRUNCATED_MIN_WORDS: usize = 3;

/// The declared equivalences as unit-key phrases, each pair sharing one merged key.
fn equivalence_phrases(options: &AlignOptions) -> Vec<(Vec<String>, String)> {
    let phrase_keys = |phrase: &str| -> Vec<String> {
        normalize::units(phrase)
            .into_iter()
            .filter(|u| u.kind != UnitKind::Space)
            .map(|u| u.key)
            .collect()
    };
    options
        .equivalences
        .iter()
        .enumerate()
        .flat_map(|(i, (a, b))| {
            let key = format!("\u{2261}{i}");
            [(phrase_keys(a), key.clone()), (phrase_keys(b), key)]
        })
        .collect()
}

/// `text` as units, with every declared equivalence merged into one unit per occurrence.
fn version<'a>(text: &'a str, equivalences: &[(Vec<String>, String)]) -> Version<'a> {
    let mut units = normalize::units(text);
    for (phrase, key) in equivalences {
        normalize::merge_phrase(&mut units, phrase, key);
    }
    Version { text, units }
}

/// Marks a capitalised sentence-initial word as a name when another version uses the same word
/// as a name mid-sentence, so "Estrania has…" reads as the name it is.
fn share_names(versions: &mut [Version]) {
    let names: FxHashSet<String> = versions
        .iter()
        .flat_map(|v| v.units.iter())
        .filter(|u| u.name && u.kind == UnitKind::Word)
        .map(|u| u.key.clone())
        .collect();
    for version in versions.iter_mut() {
        let text = version.text;
        for unit in version.units.iter_mut().filter(|u| !u.name) {
            let capital = text
                .get(unit.word.clone())
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if capital && names.contains(&unit.key) {
                unit.name = true;
            }
        }
    }
}

/// A version with fewer than this share of the fullest version's content words is a trimmed
/// one, never the reference while a fuller one is there.
const FULL_SHARE: f64 = 0.6;

/// The most central member: highest summed similarity to the others, among the versions that
/// keep most of the fullest one's content words (outlets trim a statement; a trimmed copy
/// read as the reference would show the full one as additions); ties go to the longest text,
/// then the first.
fn central(versions: &[Version]) -> usize {
    let content: Vec<usize> = versions
        .iter()
        .map(|v| v.units.iter().filter(|u| is_content(u)).count())
        .collect();
    let fullest = content.iter().copied().max().unwrap_or(0) as f64;
    let full = |k: usize| {
        content
            .get(k)
            .is_some_and(|&c| c as f64 >= FULL_SHARE * fullest)
    };
    let n = versions.len();
    let mut sums = vec![0.0f64; n];
    for (i, a) in versions.iter().enumerate() {
        for (j, b) in versions.iter().enumerate().skip(i + 1) {
            let s = diff::similarity(a, b);
            for k in [i, j] {
                if let Some(sum) = sums.get_mut(k) {
                    *sum += s;
                }
            }
        }
    }
    let len = |k: usize| versions.get(k).map_or(0, |v| v.text.len());
    let better = |i: usize, best: usize| {
        if full(i) != full(best) {
            return full(i);
        }
        let (s, b) = (sums.get(i).copied(), sums.get(best).copied());
        let (s, b) = (s.unwrap_or(0.0), b.unwrap_or(0.0));
        s > b + 1e-9 || ((s - b).abs() <= 1e-9 && len(i) > len(best))
    };
    (1..n).fold(0, |best, i| if better(i, best) { i } else { best })
}

/// Whether a reference unit is a content word or number.
fn is_content(unit: &Unit) -> bool {
    match unit.kind {
        UnitKind::Number => true,
        UnitKind::Word => !unit.stop,
        UnitKind::Punct | UnitKind::Space => false,
    }
}

/// Whether `diff` keeps clearly less than `reference`: under [`TRUNCATED_SHARE`] of its
/// content words, the rest omitted. The ops' reference texts tile the reference, so each op's
/// words are the reference units it spans.
fn covers_less(diff: &[DiffOp], reference: &Version) -> bool {
    let mut units = reference.units.iter().peekable();
    let (mut total, mut omitted, mut end) = (0, 0, 0);
    for op in diff {
        end += op.ref_text.len();
        let mut words = 0;
        while let Some(unit) = units.next_if(|u| u.word.start < end) {
            words += usize::from(is_content(unit));
        }
        total += words;
        if op.op == OpKind::Delete {
            omitted += words;
        }
    }
    total >= TRUNCATED_MIN_WORDS
        && omitted > 0
        && ((total - omitted) as f64) < TRUNCATED_SHARE * total as f64
}

/// The group's flags, sorted.
fn flags(members: &[&Quote], diffs: &[Vec<DiffOp>], reference: Option<&Version>) -> Vec<GroupFlag> {
    let mut flags = Vec::new();
    let mut speakers: Vec<&str> = members
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    // A surname alone names the full name it ends ("Okafor", "Ada Okafor"): no conflict.
    let all = speakers.clone();
    speakers.retain(|s| {
        !all.iter()
            .any(|full| crate::speakers::is_surname_of(s, full))
    });
    if speakers.len() > 1 {
        flags.push(GroupFlag::SpeakerConflict);
    }
    let has_class = |class: ChangeClass| diffs.iter().flatten().any(|op| op.class == Some(class));
    if has_class(ChangeClass::Number) {
        flags.push(GroupFlag::NumberChange);
    }
    if has_class(ChangeClass::Negation) {
        flags.push(GroupFlag::NegationChange);
    }
    if members.iter().any(|q| q.spliced) {
        flags.push(GroupFlag::Splice);
    }
    if members.iter().any(|q| q.truncated)
        || reference.is_some_and(|r| diffs.iter().any(|d| covers_less(d, r)))
    {
        flags.push(GroupFlag::Truncated);
    }
    flags.sort_unstable();
    flags
}

/// The speaker most members name; ties go to the reference's, then to the first named.
fn common_speaker(members: &[&Quote], reference: usize) -> Option<String> {
    let named: Vec<&str> = members
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    let count = |s: &str| named.iter().filter(|&&n| n == s).count();
    let top = named.iter().map(|s| count(s)).max()?;
    let own = members.get(reference).and_then(|q| q.speaker.as_deref());
    own.filter(|s| count(s) == top)
        .or_else(|| named.iter().copied().find(|s| count(s) == top))
        .map(str::to_string)
}

/// Builds the group `group_id` from `members`, aligned against `members[reference]` (or the most
/// central member when `None` or out of range). The reference comes first among the members.
///
/// ```
/// use verbatim::{align::{build_group, AlignOptions}, Quote, model::{ChangeClass, GroupFlag}};
/// let quote = |id: &str, text: &str| Quote { quote_id: id.into(), text: text.into(), ..Quote::default() };
/// let (a, b) = (quote("q1", "We will not close the school."), quote("q2", "We will close the school."));
/// let group = build_group("g1".into(), &[&a, &b], Some(0), &AlignOptions::default());
/// assert_eq!(group.reference, "q1");
/// assert!(group.flags.contains(&GroupFlag::NegationChange));
/// let classes: Vec<_> = group.members[1].diff.iter().filter_map(|op| op.class).collect();
/// assert_eq!(classes, vec![ChangeClass::Negation]);
/// ```
pub fn build_group(
    group_id: String,
    members: &[&Quote],
    reference: Option<usize>,
    options: &AlignOptions,
) -> Group {
    if let [only] = members {
        // One version: nothing to align, no units to read.
        return Group {
            group_id,
            speaker: only.speaker.clone(),
            reference: only.quote_id.clone(),
            flags: flags(members, &[], None),
            members: vec![Member {
                quote_id: only.quote_id.clone(),
                diff: Vec::new(),
            }],
        };
    }
    let equivalences = equivalence_phrases(options);
    let mut versions: Vec<Version> = members
        .iter()
        .map(|q| version(&q.text, &equivalences))
        .collect();
    share_names(&mut versions);
    let reference = reference
        .filter(|&r| r < members.len())
        .unwrap_or_else(|| central(&versions));
    let order: Vec<usize> = std::iter::once(reference)
        .chain((0..members.len()).filter(|&i| i != reference))
        .filter(|&i| i < members.len())
        .collect();
    let diffs: Vec<Vec<DiffOp>> = order
        .iter()
        .map(|&i| match (versions.get(i), versions.get(reference)) {
            (Some(v), Some(r)) if i != reference => diff::align(v, r),
            _ => Vec::new(),
        })
        .collect();
    let ordered: Vec<&Quote> = order
        .iter()
        .filter_map(|&i| members.get(i).copied())
        .collect();
    Group {
        group_id,
        speaker: common_speaker(members, reference),
        reference: members
            .get(reference)
            .map(|q| q.quote_id.clone())
            .unwrap_or_default(),
        flags: flags(&ordered, &diffs, versions.get(reference)),
        members: ordered
            .iter()
            .zip(diffs)
            .map(|(q, diff)| Member {
                quote_id: q.quote_id.clone(),
                diff,
            })
            .collect(),
    }
}

/// `member`'s text aligned against `reference`'s alone, as [`build_group`] aligns each member:
/// ops whose `text` rebuilds `member` and whose `ref_text` rebuilds `reference`. For a version
/// the caller assembles itself, such as the pieces of a split quotation joined.
///
/// ```
/// use verbatim::align::{align_texts, AlignOptions};
/// let diff = align_texts("We will close it.", "We will not close it.", &AlignOptions::default());
/// let rebuilt: String = diff.iter().map(|op| op.ref_text.as_str()).collect();
/// assert_eq!(rebuilt, "We will not close it.");
/// ```
pub fn align_texts(member: &str, reference: &str, options: &AlignOptions) -> Vec<DiffOp> {
    let equivalences = equivalence_phrases(options);
    let mut versions = [
        version(member, &equivalences),
        version(reference, &equivalences),
    ];
    share_names(&mut versions);
    let [member, reference] = &versions;
    diff::align(member, reference)
}

#[cfg(test)]
mod tests;
