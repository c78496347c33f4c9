//! Quotations → groups of the same statement across articles.
//!
//! Each quotation is reduced to its content signature ([`normalize::signature`]): stems of
//! content words, numbers as values, known names under their canonical form. Terms are
//! weighted by rarity over the whole set (idf), so that words every quotation of a story
//! shares ("weapons", a country) count for little. An inverted index of the rarer terms
//! proposes candidate pairs; only those are scored, never all pairs.
//!
//! A pair's score blends weighted containment (a fragment lies wholly inside its full
//! quotation), weighted Jaccard, and two alignment measures: the longest common run of content
//! terms in order, and of all words (a translation changes words but keeps most content and
//! the sentence's shape in place; unrelated sentences on one topic share words in no
//! particular order), with small bonuses for shared numbers and the same speaker.
//! Clusters form greedily from the best pair down; two clusters join only when their core
//! members (the most complete ones) match each other, which stops chains of weak links, and
//! only when no article would hold two members unless the two repeat the same words.
//!
//! The index is written here rather than taken from gaoya: MinHash/LSH approximates set
//! overlap, while an exact inverted index of the rarer terms finds the same candidates without
//! tuning bands and rows for sentences of a dozen terms.
//!
//! Out come clusters of indices into the quotations, each sorted, ordered by first index;
//! every quotation is in exactly one cluster.

use rustc_hash::FxHashMap;

use crate::model::Quote;
use crate::normalize;

mod cluster;

/// Pairs scoring at least this are the same statement.
const THRESHOLD: f64 = 0.5;
/// A lone fragment joins a cluster through a link this strong to any member.
const FRAGMENT_LINK: f64 = 0.7;
/// A term in more quotations than this (and than [`MIN_POSTING_CAP`]) proposes no candidates.
const POSTING_SHARE: usize = 20;
/// The smallest posting-list cap, so small sets use every term.
const MIN_POSTING_CAP: usize = 200;

/// One quotation reduced to what grouping compares.
#[derive(Debug, Default)]
struct Profile {
    /// Content terms in text order, interned.
    order: Vec<u32>,
    /// The same terms, sorted and without repeats.
    set: Vec<u32>,
    /// The number terms, sorted and without repeats.
    numbers: Vec<u32>,
    /// Word and number keys in order, for telling near-identical texts apart.
    keys: Vec<String>,
    /// Stems of all words in order, interned.
    words: Vec<u32>,
}

/// What a pair's score is made of, each from 0 to 1 but the bonus.
#[derive(Clone, Copy, Debug)]
struct Parts {
    /// Shared content weight over the smaller side's.
    containment: f64,
    /// Shared content weight over the union's.
    jaccard: f64,
    /// Longest run of content terms in the same order, over the shorter side.
    in_order: f64,
    /// Longest run of all words in the same order, over the shorter side.
    shape: f64,
    /// Shared numbers and the same speaker.
    bonus: f64,
}

impl Parts {
    fn score(&self) -> f64 {
        0.35 * self.containment
            + 0.15 * self.jaccard
            + 0.25 * self.in_order
            + 0.25 * self.shape
            + self.bonus
    }
}

/// Everything the scoring needs about the set of quotations.
struct Index<'a> {
    quotes: &'a [Quote],
    profiles: Vec<Profile>,
    /// Inverse document frequency of each interned term.
    idf: Vec<f64>,
}

/// Interns each quotation's signature.
fn profiles(quotes: &[Quote]) -> (Vec<Profile>, usize) {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut intern = |term: String| {
        let next = ids.len() as u32;
        *ids.entry(term).or_insert(next)
    };
    let profiles = quotes
        .iter()
        .map(|quote| {
            let sig = normalize::signature(&quote.text);
            let order: Vec<u32> = sig.terms.into_iter().map(&mut intern).collect();
            let mut numbers: Vec<u32> = sig.numbers.into_iter().map(&mut intern).collect();
            numbers.sort_unstable();
            numbers.dedup();
            let words: Vec<u32> = sig.stems.into_iter().map(&mut intern).collect();
            let mut set = order.clone();
            set.sort_unstable();
            set.dedup();
            Profile {
                order,
                set,
                numbers,
                keys: sig.keys,
                words,
            }
        })
        .collect();
    (profiles, ids.len())
}

impl<'a> Index<'a> {
    fn new(quotes: &'a [Quote]) -> Self {
        let (profiles, terms) = profiles(quotes);
        let mut df = vec![0usize; terms];
        for term in profiles.iter().flat_map(|p| &p.set) {
            if let Some(d) = df.get_mut(*term as usize) {
                *d += 1;
            }
        }
        let n = quotes.len().max(1) as f64;
        let idf = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f64).ln())
            .collect();
        Self {
            quotes,
            profiles,
            idf,
        }
    }

    fn weight(&self, terms: &[u32]) -> f64 {
        terms
            .iter()
            .map(|&t| self.idf.get(t as usize).copied().unwrap_or(0.0))
            .sum()
    }

    /// The parts of a pair's score, or `None` when the two share too little content to be
    /// compared (all of a short fragment's terms, at least three terms otherwise) or could not
    /// reach the threshold.
    fn parts(&self, a: usize, b: usize) -> Option<Parts> {
        let (pa, pb) = (self.profiles.get(a)?, self.profiles.get(b)?);
        let shared = intersection(&pa.set, &pb.set);
        let smaller = pa.set.len().min(pb.set.len());
        if smaller < 2 || shared.len() < smaller.min(3) {
            return None;
        }
        let (mut wa, mut wb, ws) = (
            self.weight(&pa.set),
            self.weight(&pb.set),
            self.weight(&shared),
        );
        // A number that changed ("90 percent" for "95 percent") is what the comparison is for:
        // when both sides hold numbers the other lacks, they do not count against the match.
        let common_numbers = intersection(&pa.numbers, &pb.numbers);
        let only = |numbers: &[u32]| -> Vec<u32> {
            numbers
                .iter()
                .copied()
                .filter(|n| common_numbers.binary_search(n).is_err())
                .collect()
        };
        let (only_a, only_b) = (only(&pa.numbers), only(&pb.numbers));
        if !only_a.is_empty() && !only_b.is_empty() {
            wa -= self.weight(&only_a);
            wb -= self.weight(&only_b);
        }
        let ratio = |common: usize, x: usize, y: usize| common as f64 / x.min(y).max(1) as f64;
        let mut bonus = 0.0;
        if !pa.numbers.is_empty() && !pb.numbers.is_empty() {
            let common = intersection(&pa.numbers, &pb.numbers).len();
            bonus += 0.05 * ratio(common, pa.numbers.len(), pb.numbers.len());
        }
        if let (Some(x), Some(y)) = (self.speaker(a), self.speaker(b))
            && x == y
        {
            bonus += 0.05;
        }
        let mut parts = Parts {
            containment: ws / wa.min(wb).max(f64::EPSILON),
            jaccard: ws / (wa + wb - ws).max(f64::EPSILON),
            in_order: 1.0,
            shape: 1.0,
            bonus,
        };
        if pa.words == pb.words {
            // Repeated wording (a story copied between outlets): nothing to align.
            return Some(parts);
        }
        // The ordered run of terms is no longer than the shared terms: skip the quadratic
        // parts when even perfect order could not reach the threshold.
        let occurrences = |order: &[u32]| {
            order
                .iter()
                .filter(|t| shared.binary_search(t).is_ok())
                .count()
        };
        let runs = occurrences(&pa.order).min(occurrences(&pb.order));
        parts.in_order = ratio(runs, pa.order.len(), pb.order.len()).min(1.0);
        if parts.score() < THRESHOLD {
            return None;
        }
        parts.in_order = ratio(lcs(&pa.order, &pb.order), pa.order.len(), pb.order.len());
        parts.shape = ratio(lcs(&pa.words, &pb.words), pa.words.len(), pb.words.len());
        Some(parts)
    }

    /// How alike quotations `a` and `b` are: 0 when they share too little to be compared.
    fn score(&self, a: usize, b: usize) -> f64 {
        self.parts(a, b).map_or(0.0, |p| p.score())
    }

    fn speaker(&self, i: usize) -> Option<&str> {
        self.quotes.get(i).and_then(|q| q.speaker.as_deref())
    }

    fn article(&self, i: usize) -> Option<&str> {
        self.quotes.get(i).map(|q| q.article_id.as_str())
    }

    /// Whether two quotations repeat the same words: equal, or one a run of the other.
    fn near_identical(&self, a: usize, b: usize) -> bool {
        let (Some(pa), Some(pb)) = (self.profiles.get(a), self.profiles.get(b)) else {
            return false;
        };
        let (short, long) = if pa.keys.len() <= pb.keys.len() {
            (&pa.keys, &pb.keys)
        } else {
            (&pb.keys, &pa.keys)
        };
        !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
    }

    /// Candidate pairs `(a, b)`, `a < b`, sharing enough rare terms, sorted.
    fn candidates(&self) -> Vec<(usize, usize)> {
        let n = self.profiles.len();
        let cap = (n / POSTING_SHARE).max(MIN_POSTING_CAP);
        let mut postings: Vec<Vec<usize>> = vec![Vec::new(); self.idf.len()];
        for (i, p) in self.profiles.iter().enumerate() {
            for &t in &p.set {
                if let Some(list) = postings.get_mut(t as usize) {
                    list.push(i);
                }
            }
        }
        let mut counts = vec![0u32; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut pairs = Vec::new();
        for (a, p) in self.profiles.iter().enumerate() {
            for list in p.set.iter().filter_map(|&t| postings.get(t as usize)) {
                if list.len() > cap {
                    continue;
                }
                for &b in list.iter().filter(|&&b| b > a) {
                    if let Some(c) = counts.get_mut(b) {
                        if *c == 0 {
                            touched.push(b);
                        }
                        *c += 1;
                    }
                }
            }
            for &b in &touched {
                // Scoring needs min(3, smaller) shared terms; the rare ones counted here are
                // most of them.
                let need = p
                    .set
                    .len()
                    .min(self.profiles.get(b).map_or(0, |q| q.set.len()));
                if counts
                    .get(b)
                    .is_some_and(|&c| c as usize >= need.clamp(2, 3))
                {
                    pairs.push((a, b));
                }
                if let Some(c) = counts.get_mut(b) {
                    *c = 0;
                }
            }
            touched.clear();
        }
        pairs.sort_unstable();
        pairs
    }
}

/// The sorted intersection of two sorted lists.
fn intersection(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Length of the longest common subsequence of two term lists.
fn lcs(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = if x == y {
                diagonal + 1
            } else {
                above.max(left)
            };
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// Clusters of indices into `quotes`; every index is in exactly one cluster, each cluster is
/// sorted and clusters are ordered by their first index.
///
/// ```
/// use verbatim::{group::group, Quote};
/// let quote = |article: &str, text: &str| Quote {
///     article_id: article.into(),
///     text: text.into(),
///     ..Quote::default()
/// };
/// let quotes = [
///     quote("a1", "The new bridge will carry trains across the bay by next spring."),
///     quote("a2", "The new bridge is going to carry trains across the bay by next spring."),
///     quote("a2", "Nobody expected the storm to close the harbour for a week."),
/// ];
/// assert_eq!(group(&quotes), vec![vec![0, 1], vec![2]]);
/// ```
pub fn group(quotes: &[Quote]) -> Vec<Vec<usize>> {
    let index = Index::new(quotes);
    let edges: Vec<(f64, usize, usize)> = index
        .candidates()
        .into_iter()
        .filter_map(|(a, b)| {
            let score = index.score(a, b);
            (score >= THRESHOLD).then_some((score, a, b))
        })
        .collect();
    cluster::cluster(&index, edges)
}

#[cfg(test)]
mod tests;
