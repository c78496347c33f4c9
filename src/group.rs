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
//! stories is never grouped. A pair shares at least three content terms (all of a shorter
//! fragment's); a short statement one speaker reworded ("we need to delay" / "we require to
//! delay") may share only half, with nearly all its words in place. Its score blends
//! weighted containment (a fragment lies wholly inside its full quotation), weighted Jaccard,
//! and two alignment measures: the longest common run of content terms in order, and of all
//! words (a translation changes words but keeps most content and the sentence's shape in
//! place; unrelated sentences on one topic share words in no particular order), with small
//! bonuses for shared numbers and the same speaker. Clusters form greedily from the best pair
//! down ([`cluster`]).
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

mod candidates;
mod cluster;
pub mod incremental;
mod profile;
mod story;

pub(crate) use profile::Interned;
use profile::Profile;
pub use story::Stories;
pub use story::keys as story_keys;

/// Pairs scoring at least this are the same statement.
const THRESHOLD: f64 = 0.5;
/// The most bytes between two pieces of one split quotation (an attribution).
const PIECE_GAP: usize = 120;
/// The share of its words a short statement reworded by its speaker keeps in place: one word
/// in five replaced ("build" for "construct", "require" for "need"), the rest as printed.
const REWORDED_SHAPE: f64 = 0.8;
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
    /// Each quotation's content weight (the idf of its terms, summed in order).
    weights: Vec<f64>,
    /// Each quotation's article, numbered in order of first appearance.
    article_of: Vec<u32>,
    /// Each quotation's place in `stories`.
    story_of: Vec<Option<usize>>,
    /// Each quotation's speaker, numbered, and whether it is a named one.
    speaker_of: Vec<Option<(u32, bool)>>,
    stories: &'a Stories,
}

impl<'a> Index<'a> {
    #[cfg(test)]
    fn new(quotes: &'a [Quote], stories: &'a Stories) -> Self {
        let interned = profile::Interned::of(quotes, profile::signatures(quotes));
        Self::interned(quotes, stories, &interned)
    }

    /// The index of `quotes`, whose signatures (in order) `interned` holds.
    fn interned(quotes: &'a [Quote], stories: &'a Stories, interned: &Interned) -> Self {
        let (profiles, terms) = interned.profiles(quotes);
        let mut df = vec![0usize; terms];
        for term in profiles.iter().flat_map(|p| &p.set) {
            if let Some(d) = df.get_mut(*term as usize) {
                *d += 1;
            }
        }
        let n = quotes.len().max(1) as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| (1.0 + n / d.max(1) as f64).ln())
            .collect();
        let weights = profiles
            .par_iter()
            .map(|p| weight_of(&idf, &p.set))
            .collect();
        let mut articles: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let mut speakers: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let mut article_of = Vec::with_capacity(quotes.len());
        let mut speaker_of = Vec::with_capacity(quotes.len());
        for q in quotes {
            let next = articles.len() as u32;
            article_of.push(*articles.entry(q.article_id.as_str()).or_insert(next));
            speaker_of.push(q.speaker.as_deref().map(|s| {
                let next = speakers.len() as u32;
                let id = *speakers.entry(s).or_insert(next);
                (id, !crate::speakers::is_unnamed(Some(s)))
            }));
        }
        let story_of = quotes
            .iter()
            .map(|q| stories.position(&q.article_id))
            .collect();
        Self {
            quotes,
            profiles,
            df,
            idf,
            weights,
            article_of,
            story_of,
            speaker_of,
            stories,
        }
    }

    /// The parts of a pair's score, or `None` when the two share too little content to be
    /// compared (all of a short fragment's terms, at least three terms otherwise) or could not
    /// reach the threshold.
    fn parts(&self, a: usize, b: usize) -> Option<Parts> {
        let (pa, pb) = (self.profiles.get(a)?, self.profiles.get(b)?);
        let (shared, ws) = shared_weight(&self.idf, &pa.set, &pb.set);
        let smaller = pa.set.len().min(pb.set.len());
        // Three terms in common, or all of a shorter fragment's; but a short statement
        // reworded by one speaker ("we need to delay …" / "we require to delay …") keeps only
        // half its terms, and nearly all its words in place (checked below).
        let few = shared < smaller.min(3);
        let reworded = few && shared >= 2 && shared * 2 >= smaller && self.same_speaker(a, b);
        if smaller < 2 || (few && !reworded) {
            return None;
        }
        let (mut wa, mut wb) = (*self.weights.get(a)?, *self.weights.get(b)?);
        // A number that changed ("90 percent" for "95 percent") is what the comparison is for:
        // when both sides hold numbers the other lacks, they do not count against the match.
        let common = shared_weight(&self.idf, &pa.numbers, &pb.numbers).0;
        if pa.numbers.len() > common && pb.numbers.len() > common {
            wa -= weight_outside(&self.idf, &pa.numbers, &pb.numbers);
            wb -= weight_outside(&self.idf, &pb.numbers, &pa.numbers);
        }
        let ratio = |common: usize, x: usize, y: usize| common as f64 / x.min(y).max(1) as f64;
        let mut bonus = 0.0;
        if !pa.numbers.is_empty() && !pb.numbers.is_empty() {
            bonus += 0.05 * ratio(common, pa.numbers.len(), pb.numbers.len());
        }
        if let (Some(Some((x, _))), Some(Some((y, _)))) =
            (self.speaker_of.get(a), self.speaker_of.get(b))
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
        let occurrences = |order: &[u32], other: &[u32]| {
            order
                .iter()
                .filter(|t| other.binary_search(t).is_ok())
                .count()
        };
        let runs = occurrences(&pa.order, &pb.set).min(occurrences(&pb.order, &pa.set));
        parts.in_order = ratio(runs, pa.order.len(), pb.order.len()).min(1.0);
        if parts.score() < THRESHOLD {
            return None;
        }
        parts.in_order = ratio(lcs(&pa.order, &pb.order), pa.order.len(), pb.order.len());
        parts.shape = ratio(lcs(&pa.words, &pb.words), pa.words.len(), pb.words.len());
        (!reworded || parts.shape >= REWORDED_SHAPE).then_some(parts)
    }

    /// How alike quotations `a` and `b` are: 0 when they share too little to be compared.
    fn score(&self, a: usize, b: usize) -> f64 {
        self.parts(a, b).map_or(0.0, |p| p.score())
    }

    /// Whether `a` and `b` have one named speaker (a surname alone counts as the full name it
    /// ends: "Okafor" and "Ada Okafor").
    fn same_speaker(&self, a: usize, b: usize) -> bool {
        let (Some(&x), Some(&y)) = (self.speaker_of.get(a), self.speaker_of.get(b)) else {
            return false;
        };
        matches!((x, y), (Some((x, true)), Some((y, true))) if x == y || {
            let (sx, sy) = (self.speaker(a).unwrap_or(""), self.speaker(b).unwrap_or(""));
            crate::speakers::is_surname_of(sx, sy) || crate::speakers::is_surname_of(sy, sx)
        })
    }

    fn speaker(&self, i: usize) -> Option<&str> {
        self.quotes.get(i).and_then(|q| q.speaker.as_deref())
    }

    /// Whether quotations `a` and `b` are from one article.
    fn same_article(&self, a: usize, b: usize) -> bool {
        self.article_of.get(a) == self.article_of.get(b)
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
        if self.same_speaker(a, b) {
            return true;
        }
        let (Some(&x), Some(&y)) = (self.story_of.get(a), self.story_of.get(b)) else {
            return false;
        };
        self.same_article(a, b) || self.stories.shared_at(x, y)
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
        let shared = shared_weight(&self.idf, &pa.set, &pb.set).0;
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

/// The idf of `terms`, summed in order.
fn weight_of(idf: &[f64], terms: &[u32]) -> f64 {
    terms
        .iter()
        .map(|&t| idf.get(t as usize).copied().unwrap_or(0.0))
        .sum()
}

/// How many terms two sorted lists share, and their idf summed in order.
fn shared_weight(idf: &[f64], a: &[u32], b: &[u32]) -> (usize, f64) {
    let (mut i, mut j, mut count, mut weight) = (0, 0, 0, 0.0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                weight += idf.get(x as usize).copied().unwrap_or(0.0);
                i += 1;
                j += 1;
            }
        }
    }
    (count, weight)
}

/// The idf of the terms of sorted `a` that sorted `b` lacks, summed in order.
fn weight_outside(idf: &[f64], a: &[u32], b: &[u32]) -> f64 {
    a.iter()
        .filter(|t| b.binary_search(t).is_err())
        .map(|&t| idf.get(t as usize).copied().unwrap_or(0.0))
        .sum()
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
    let interned = Interned::of(quotes, profile::signatures(quotes));
    group_interned(quotes, stories, &interned)
}

/// Like [`group_in_stories`], with the quotations' signatures already interned (all of
/// `quotes`, in order).
pub(crate) fn group_interned(
    quotes: &[Quote],
    stories: &Stories,
    interned: &Interned,
) -> Vec<Vec<usize>> {
    let index = Index::interned(quotes, stories, interned);
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
