//! Profiles → candidate pairs, bounded per quotation.
//!
//! Each quotation looks up only its [`PREFIX`] rarest content terms (fewest quotations hold
//! them) in an inverted index, and only terms held by at most [`POSTING_CAP`] quotations
//! propose anything: versions of one statement share their rare terms (names, numbers, the
//! unusual words), so their rarest terms meet. A pair is proposed when the two share at least
//! two of the looking-up side's rare terms (all of them for a one-term fragment); each
//! quotation keeps its [`PER_QUOTE`] pairs sharing the most. The work per quotation is bounded
//! by constants, so the whole is linear in the number of quotations.

use rayon::prelude::*;

use super::profile::Profile;

/// Rarest terms a quotation looks up.
const PREFIX: usize = 8;
/// A term held by more quotations than this proposes no pairs.
const POSTING_CAP: usize = 400;
/// Pairs kept per quotation.
const PER_QUOTE: usize = 48;

/// Candidate pairs `(a, b)`, `a < b`, sorted and without repeats.
pub(super) fn candidates(profiles: &[Profile], df: &[usize]) -> Vec<(usize, usize)> {
    let rare = |t: u32| df.get(t as usize).copied().unwrap_or(usize::MAX);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    for (i, p) in profiles.iter().enumerate() {
        for &t in &p.set {
            if rare(t) <= POSTING_CAP
                && let Some(list) = postings.get_mut(t as usize)
            {
                list.push(i as u32);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..profiles.len())
        .into_par_iter()
        .map_init(
            || vec![0u8; profiles.len()],
            |counts, a| proposals(a, profiles, &postings, &rare, counts),
        )
        .flatten_iter()
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs quotation `a` proposes, as `(min, max)`.
fn proposals(
    a: usize,
    profiles: &[Profile],
    postings: &[Vec<u32>],
    rare: &dyn Fn(u32) -> usize,
    counts: &mut [u8],
) -> Vec<(usize, usize)> {
    let Some(p) = profiles.get(a) else {
        return Vec::new();
    };
    let mut prefix: Vec<u32> = p
        .set
        .iter()
        .copied()
        .filter(|&t| rare(t) <= POSTING_CAP)
        .collect();
    prefix.sort_unstable_by_key(|&t| (rare(t), t));
    prefix.truncate(PREFIX);
    let need = prefix.len().min(2) as u8;
    let mut touched: Vec<usize> = Vec::new();
    for list in prefix.iter().filter_map(|&t| postings.get(t as usize)) {
        for &b in list {
            let b = b as usize;
            if b == a {
                continue;
            }
            if let Some(c) = counts.get_mut(b) {
                if *c == 0 {
                    touched.push(b);
                }
                *c = c.saturating_add(1);
            }
        }
    }
    let mut found: Vec<(u8, usize)> = touched
        .iter()
        .filter_map(|&b| {
            let c = counts.get(b).copied().unwrap_or(0);
            (need > 0 && c >= need).then_some((c, b))
        })
        .collect();
    for &b in &touched {
        if let Some(c) = counts.get_mut(b) {
            *c = 0;
        }
    }
    found.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    found.truncate(PER_QUOTE);
    found
        .into_iter()
        .map(|(_, b)| (a.min(b), a.max(b)))
        .collect()
}
