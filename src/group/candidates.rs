//! Profiles → candidate pairs, bounded per quotation.
//!
//! Versions of one statement share their rarest terms (names, numbers, the unusual words),
//! so their rarest terms meet. Two indexes propose pairs:
//! - single terms: each quotation looks up its [`PREFIX`] rarest content terms, and only terms
//!   held by at most [`POSTING_CAP`] quotations propose anything; two of them in common make a
//!   pair (one for a one-term fragment);
//! - pairs of terms: each quotation is filed under every pair of its [`PAIR_PREFIX`] rarest
//!   terms, so a statement made only of common words (every term in thousands of quotations)
//!   still meets its versions; a pair of terms held by more than [`POSTING_CAP`] quotations
//!   proposes nothing.
//!
//! Each quotation keeps its [`PER_QUOTE`] pairs sharing the most. The work per quotation is
//! bounded by constants, so the whole is linear in the number of quotations.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::profile::Profile;

/// Rarest terms a quotation looks up.
const PREFIX: usize = 8;
/// A term held by more quotations than this proposes no pairs.
const POSTING_CAP: usize = 400;
/// Pairs kept per quotation.
pub(super) const PER_QUOTE: usize = 20;
/// Rarest terms whose pairs file a quotation.
const PAIR_PREFIX: usize = 6;

/// The index key of a pair of terms.
fn pair_key(x: u32, y: u32) -> u64 {
    (u64::from(x.min(y)) << 32) | u64::from(x.max(y))
}

/// The keys a quotation is filed under: every pair of its rarest terms.
fn pair_keys(p: &Profile, rare: &dyn Fn(u32) -> usize) -> Vec<u64> {
    let mut terms: Vec<u32> = p.set.clone();
    terms.sort_unstable_by_key(|&t| (rare(t), t));
    terms.truncate(PAIR_PREFIX);
    let mut keys = Vec::with_capacity(terms.len() * terms.len() / 2);
    for (i, &x) in terms.iter().enumerate() {
        for &y in terms.iter().skip(i + 1) {
            keys.push(pair_key(x, y));
        }
    }
    keys
}

/// The indexes proposals are looked up in.
struct Indexes<'a> {
    profiles: &'a [Profile],
    /// Quotations holding each term (terms over the cap left empty).
    singles: Vec<Vec<u32>>,
    /// Each quotation's pair keys.
    keys: Vec<Vec<u64>>,
    /// Every (pair key, quotation) filing, sorted: the quotations under one key are a run.
    pairs: Vec<(u64, u32)>,
    /// Where each pair key's run starts and how long it is (keys filed more than once).
    runs: FxHashMap<u64, (usize, usize)>,
}

impl Indexes<'_> {
    /// The quotations filed under pair key `key`, in order.
    fn filed_under(&self, key: u64) -> &[(u64, u32)] {
        self.runs
            .get(&key)
            .and_then(|&(start, len)| self.pairs.get(start..start + len))
            .unwrap_or_default()
    }
}

/// The runs of equal keys in sorted `pairs` longer than one: a key only one quotation is filed
/// under proposes nothing.
fn runs_of(pairs: &[(u64, u32)]) -> FxHashMap<u64, (usize, usize)> {
    let mut runs = FxHashMap::default();
    let mut start = 0;
    while let Some(&(key, _)) = pairs.get(start) {
        let len = pairs.get(start..).map_or(1, |rest| {
            rest.iter().take_while(|&&(k, _)| k == key).count()
        });
        if len > 1 {
            runs.insert(key, (start, len));
        }
        start += len.max(1);
    }
    runs
}

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
    let keys: Vec<Vec<u64>> = profiles.par_iter().map(|p| pair_keys(p, &rare)).collect();
    let mut filed: Vec<(u64, u32)> = keys
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, list)| list.iter().map(move |&k| (k, i as u32)))
        .collect();
    filed.par_sort_unstable();
    let indexes = Indexes {
        profiles,
        singles: postings,
        keys,
        runs: runs_of(&filed),
        pairs: filed,
    };
    let mut pairs: Vec<(usize, usize)> = (0..profiles.len())
        .into_par_iter()
        .map_init(
            || vec![0u8; profiles.len()],
            |counts, a| proposals(a, &indexes, &rare, counts),
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
    indexes: &Indexes,
    rare: &dyn Fn(u32) -> usize,
    counts: &mut [u8],
) -> Vec<(usize, usize)> {
    let Some(p) = indexes.profiles.get(a) else {
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
    // A shared pair key counts as much as the two single terms it is made of.
    let need = prefix.len().min(2) as u8;
    let singles = prefix
        .iter()
        .filter_map(|&t| indexes.singles.get(t as usize))
        .flat_map(|list| list.iter().map(|&b| (b, 1u8)));
    let pairs = indexes
        .keys
        .get(a)
        .into_iter()
        .flatten()
        .map(|&k| indexes.filed_under(k))
        .filter(|list| list.len() <= POSTING_CAP)
        .flat_map(|list| list.iter().map(|&(_, b)| (b, 2u8)));
    let mut touched: Vec<usize> = Vec::new();
    for (b, weight) in singles.chain(pairs) {
        let b = b as usize;
        if b == a {
            continue;
        }
        if let Some(c) = counts.get_mut(b) {
            if *c == 0 {
                touched.push(b);
            }
            *c = c.saturating_add(weight);
        }
    }
    let mut found: Vec<(u8, usize)> = touched
        .iter()
        .filter_map(|&b| {
            let c = counts.get(b).copied().unwrap_or(0);
            (c >= need.max(1)).then_some((c, b))
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
