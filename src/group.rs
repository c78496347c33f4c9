//! Quotations → groups of the same statement across articles.
//!
//! Each quotation is reduced to its content signature ([`crate::normalize::signature`]): stems of
//! content words, numbers as values, known names under their canonical form, with the
//! corpus's stock phrases left out ([`profile`]). Terms are weighted by rarity over the whole
//! set (idf), so that words every quotation of a story shares ("weapons", a country) count for
//! little. Each quotation proposes a bounded number of candidates through its rarest terms
//! ([`candidates`]); only those are scored, never all pairs.
//!
//! A pair may only be one statement when its speakers agree (the same named speaker) or its
//! articles share a story ([`story`]): a turn of phrase said by different people in different
//! stories is never grouped. Its score blends weighted containment (a fragment lies wholly
//! inside its full quotation), weighted Jaccard, and two alignment measures: the longest
//! common run of content terms in order, and of all words (a translation changes words but
//! keeps most content and the sentence's shape in place; unrelated sentences on one topic
//! share words in no particular order), with small bonuses for shared numbers and the same
//! speaker. Clusters form greedily from the best pair down ([`cluster`]).
//!
//! The index is written here rather than taken from gaoya: MinHash/LSH approximates set
//! overlap, while an exact inverted index of the rarer terms finds the same candidates without
//! tuning bands and rows for sentences of a dozen terms.
//!
//! Out come clusters of indices into the quotations, each sorted, ordered by first index;
//! every quotation is in exactly one cluster. The result does not depend on the number of
//! threads: work is split per quotation and per pair, and gathered in order.

use rayon::prelude::*;

use crate::model::{Article, Quote};
use crate::normalize::Signature;

mod candidates;
mod cluster;
pub mod incremental;
mod profile;
mod story;

use profile::Profile;
pub use story::Stories;
pub use story::keys as story_keys;

/// Pairs scoring at least this are the same statement.
const THRESHOLD: f64 = 0.5;
/// The most bytes between two pieces of one split quotation (an attribution).
const PIECE_GAP: usize = 120;
/// A lone fragment joins a cluster through a link this strong to any member.
const FRAGMENT_LINK: f64 = 0.7;
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
    /// Quotations holding each interned term.
    df: Vec<usize>,
    /// Inverse document frequency of each interned term.
    idf: Vec<f64>,
    stories: &'a Stories,
}

impl<'a> Index<'a> {
    #[cfg(test)]
    fn new(quotes: &'a [Quote], stories: &'a Stories) -> Self {
        Self::signed(quotes, stories, profile::signatures(quotes))
    }

    /// The index of `quotes`, whose signatures (one each, in order) are `signatures`.
    fn signed(quotes: &'a [Quote], stories: &'a Stories, signatures: Vec<Signature>) -> Self {
        let (profiles, terms) = profile::profiles_of(quotes, signatures);
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
            df,
            idf,
            stories,
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

    /// Whether `a` and `b` may be one statement at all: the same named speaker (a surname alone
    /// counts as the full name it ends: "Okafor" and "Ada Okafor"), or articles that share a
    /// story.
    fn compatible(&self, a: usize, b: usize) -> bool {
        let named = |i: usize| {
            self.speaker(i)
                .filter(|s| !crate::speakers::is_unnamed(Some(s)))
        };
        if let (Some(x), Some(y)) = (named(a), named(b))
            && (x == y
                || crate::speakers::is_surname_of(x, y)
                || crate::speakers::is_surname_of(y, x))
        {
            return true;
        }
        match (self.article(a), self.article(b)) {
            (Some(x), Some(y)) => self.stories.shared(x, y),
            _ => false,
        }
    }

    /// Whether `a` and `b` are two pieces of one statement in one article: a quotation split
    /// by its attribution ("…,” she said. “…"), so the same article and speaker, no more than
    /// an attribution between them, and hardly a content term in common.
    fn pieces(&self, a: usize, b: usize) -> bool {
        let (Some(qa), Some(qb)) = (self.quotes.get(a), self.quotes.get(b)) else {
            return false;
        };
        let (Some(pa), Some(pb)) = (self.profiles.get(a), self.profiles.get(b)) else {
            return false;
        };
        let (first, second) = if qa.span.start <= qb.span.start {
            (qa, qb)
        } else {
            (qb, qa)
        };
        let gap = second.span.start.saturating_sub(first.span.end);
        let shared = intersection(&pa.set, &pb.set).len();
        qa.article_id == qb.article_id
            && qa.speaker == qb.speaker
            && first.span.end <= second.span.start
            && gap <= PIECE_GAP
            && shared * 4 <= pa.set.len().min(pb.set.len())
    }

    /// Candidate pairs `(a, b)`, `a < b`, sharing enough rare terms, sorted.
    fn candidates(&self) -> Vec<(usize, usize)> {
        candidates::candidates(&self.profiles, &self.df)
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

/// Clusters of indices into `quotes`, taking every quotation to be of one story (see
/// [`group_in_stories`]); every index is in exactly one cluster, each cluster is sorted and
/// clusters are ordered by their first index.
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
    group_in_stories(quotes, &Stories::unknown())
}

/// Clusters of indices into `quotes` whose articles' stories are `stories` (see
/// [`Stories::new`]): two quotations by different speakers join only when their articles share
/// a story.
pub fn group_in_stories(quotes: &[Quote], stories: &Stories) -> Vec<Vec<usize>> {
    group_signed(quotes, stories, profile::signatures(quotes))
}

/// Like [`group_in_stories`], with each quotation's signature already computed (one per
/// quotation, in order; see [`crate::normalize::signature`]).
pub(crate) fn group_signed(
    quotes: &[Quote],
    stories: &Stories,
    signatures: Vec<Signature>,
) -> Vec<Vec<usize>> {
    let index = Index::signed(quotes, stories, signatures);
    let edges: Vec<(f64, usize, usize)> = index
        .candidates()
        .into_par_iter()
        .filter_map(|(a, b)| {
            if !index.compatible(a, b) {
                return None;
            }
            let score = index.score(a, b);
            (score >= THRESHOLD).then_some((score, a, b))
        })
        .collect();
    cluster::cluster(&index, edges)
}

/// The stories of `articles`, for [`group_in_stories`].
pub fn stories(articles: &[Article]) -> Stories {
    Stories::new(articles)
}

#[cfg(test)]
mod tests;
