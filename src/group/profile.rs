//! Quotations → what grouping compares of each: interned content terms, numbers, word keys
//! and stems, with the corpus's stock phrases taken out of the content.
//!
//! A stock phrase ("by the end of the month", "at this stage") is a run of
//! [`STOCK_GRAM`] words that many different named speakers use ([`stock_speakers`]: at least
//! three, and the square root of all the named speakers in a larger set): the same statement
//! quoted by many outlets keeps one speaker, a turn of phrase has many. Its content words say
//! nothing about which statement a quotation renders, so they are dropped from the content
//! terms (the sentence shape keeps them).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::Quote;
use crate::normalize::{self, Signature};

/// Words in a stock-phrase window.
const STOCK_GRAM: usize = 4;
/// Distinct named speakers that make a window a stock phrase, among `named` in all.
fn stock_speakers(named: usize) -> usize {
    ((named as f64).sqrt().ceil() as usize).max(3)
}

/// One quotation reduced to what grouping compares.
#[derive(Debug, Default)]
pub(super) struct Profile {
    /// Content terms in text order, interned (stock phrases left out).
    pub order: Vec<u32>,
    /// The same terms, sorted and without repeats.
    pub set: Vec<u32>,
    /// The number terms, sorted and without repeats.
    pub numbers: Vec<u32>,
    /// Word and number keys in order, interned, for telling near-identical texts apart.
    pub keys: Vec<u32>,
    /// Stems of all words in order, interned.
    pub words: Vec<u32>,
}

/// The signatures of a list of quotations, interned, in order: what their profiles are made
/// from, before the stock phrases of the whole list are known.
///
/// Ids are given in order of first appearance, so a list interned whole and one whose first
/// quotations were kept from an earlier grouping and the rest added hold the same ids; when
/// the list changes inside the part kept, the part from there on is interned again
/// ([`Interned::follow`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Interned {
    /// Term ids (content terms, numbers and stems share one space).
    terms: FxHashMap<String, u32>,
    /// Word key ids.
    keys: FxHashMap<String, u32>,
    /// Each quotation's text, to tell whether a kept quotation is still the one at its place.
    texts: Vec<String>,
    /// Each quotation interned.
    quotes: Vec<Raw>,
    /// How many terms and keys were interned up to and including each quotation.
    sizes: Vec<(u32, u32)>,
}

/// One quotation's signature, interned.
#[derive(Clone, Debug, Default, PartialEq)]
struct Raw {
    order: Vec<u32>,
    numbers: Vec<u32>,
    keys: Vec<u32>,
    words: Vec<u32>,
}

impl Interned {
    /// The signatures of `quotes` (one each, in order) interned.
    pub(super) fn of(quotes: &[Quote], signatures: Vec<Signature>) -> Self {
        let mut interned = Self::default();
        for (quote, signature) in quotes.iter().zip(signatures) {
            interned.push(&quote.text, signature);
        }
        interned
    }

    /// Makes this the interning of `quotes`: the quotations kept while their texts are those
    /// of `quotes` in order, the rest signed (on every core) and interned after them.
    pub(crate) fn follow(&mut self, quotes: &[Quote]) {
        let held = self
            .texts
            .iter()
            .zip(quotes)
            .take_while(|(text, quote)| **text == quote.text)
            .count();
        self.truncate(held);
        let rest = quotes.get(held..).unwrap_or_default();
        for (quote, signature) in rest.iter().zip(signatures(rest)) {
            self.push(&quote.text, signature);
        }
    }

    /// Forgets the quotations from `len` on, and the ids only they used.
    fn truncate(&mut self, len: usize) {
        if len >= self.quotes.len() {
            return;
        }
        self.texts.truncate(len);
        self.quotes.truncate(len);
        self.sizes.truncate(len);
        let (terms, keys) = self.sizes.last().copied().unwrap_or((0, 0));
        self.terms.retain(|_, id| *id < terms);
        self.keys.retain(|_, id| *id < keys);
    }

    /// Interns one more quotation.
    fn push(&mut self, text: &str, signature: Signature) {
        fn intern(ids: &mut FxHashMap<String, u32>, term: String) -> u32 {
            let next = ids.len() as u32;
            *ids.entry(term).or_insert(next)
        }
        let terms = &mut self.terms;
        let order: Vec<u32> = (signature.terms.into_iter())
            .map(|t| intern(terms, t))
            .collect();
        let mut numbers: Vec<u32> = (signature.numbers.into_iter())
            .map(|t| intern(terms, t))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let words: Vec<u32> = (signature.stems.into_iter())
            .map(|t| intern(terms, t))
            .collect();
        let keys: Vec<u32> = (signature.keys.into_iter())
            .map(|k| intern(&mut self.keys, k))
            .collect();
        self.texts.push(text.to_string());
        self.quotes.push(Raw {
            order,
            numbers,
            keys,
            words,
        });
        self.sizes
            .push((self.terms.len() as u32, self.keys.len() as u32));
    }

    /// The profiles of `quotes` (those interned, in order) and the number of distinct terms:
    /// the interned signatures with the stock phrases of `quotes` taken out.
    pub(super) fn profiles(&self, quotes: &[Quote]) -> (Vec<Profile>, usize) {
        let mut profiles: Vec<Profile> = self
            .quotes
            .par_iter()
            .map(|raw| Profile {
                order: raw.order.clone(),
                numbers: raw.numbers.clone(),
                keys: raw.keys.clone(),
                words: raw.words.clone(),
                ..Profile::default()
            })
            .collect();
        drop_stock_phrases(quotes, &mut profiles);
        profiles.par_iter_mut().for_each(|p| {
            p.set = p.order.clone();
            p.set.sort_unstable();
            p.set.dedup();
        });
        (profiles, self.terms.len())
    }
}

/// The profiles of `quotes` and the number of distinct terms.
#[cfg(test)]
pub(super) fn profiles(quotes: &[Quote]) -> (Vec<Profile>, usize) {
    Interned::of(quotes, signatures(quotes)).profiles(quotes)
}

/// The signature of each of `quotes`, on every core.
pub(super) fn signatures(quotes: &[Quote]) -> Vec<Signature> {
    quotes
        .par_iter()
        .map(|q| normalize::signature(&q.text))
        .collect()
}

/// A window of words, hashed.
fn gram_key(gram: &[u32]) -> u64 {
    gram.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &w| {
        (h ^ u64::from(w)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Takes the content terms of stock phrases out of each profile's `order`.
fn drop_stock_phrases(quotes: &[Quote], profiles: &mut [Profile]) {
    fn named(q: &Quote) -> Option<&str> {
        q.speaker
            .as_deref()
            .filter(|s| !crate::speakers::is_unnamed(Some(s)))
    }
    let mut all: Vec<&str> = quotes.iter().filter_map(named).collect();
    all.sort_unstable();
    all.dedup();
    let needed = stock_speakers(all.len());
    let mut speakers: FxHashMap<u64, Vec<&str>> = FxHashMap::default();
    for (quote, p) in quotes.iter().zip(profiles.iter()) {
        let Some(speaker) = named(quote) else {
            continue;
        };
        for gram in p.words.windows(STOCK_GRAM) {
            let seen = speakers.entry(gram_key(gram)).or_default();
            if seen.len() < needed && !seen.contains(&speaker) {
                seen.push(speaker);
            }
        }
    }
    let stock = |gram: &[u32]| {
        speakers
            .get(&gram_key(gram))
            .is_some_and(|s| s.len() >= needed)
    };
    profiles.par_iter_mut().for_each(|p| {
        let mut in_stock = vec![false; p.words.len()];
        for (i, gram) in p.words.windows(STOCK_GRAM).enumerate() {
            if stock(gram) {
                for flag in in_stock.iter_mut().skip(i).take(STOCK_GRAM) {
                    *flag = true;
                }
            }
        }
        if !in_stock.contains(&true) {
            return;
        }
        // Content terms are a subsequence of the words: walk both.
        let mut kept = Vec::with_capacity(p.order.len());
        let mut next = 0;
        for (word, &dropped) in p.words.iter().zip(&in_stock) {
            if p.order.get(next) == Some(word) {
                if !dropped {
                    kept.push(*word);
                }
                next += 1;
            }
        }
        kept.extend(p.order.iter().skip(next));
        p.order = kept;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(speaker: &str, text: &str) -> Quote {
        Quote {
            text: text.into(),
            speaker: Some(speaker.into()),
            ..Quote::default()
        }
    }

    #[test]
    fn a_phrase_many_speakers_use_leaves_the_content() {
        let quotes = [
            said(
                "Ana Ruiz",
                "The ferry will sail again by the end of the month.",
            ),
            said(
                "Piet Varga",
                "We will repair the roof by the end of the month.",
            ),
            said("Lina Ostrova", "By the end of the month the school opens."),
            said(
                "Ana Ruiz",
                "The ferry will sail again by the end of the week.",
            ),
        ];
        let (profiles, _) = profiles(&quotes);
        let sizes: Vec<usize> = profiles.iter().map(|p| p.order.len()).collect();
        // "end" and "month" are gone from the first three; the fourth loses "end" (it sits in
        // the stock window "the end of the") and keeps "ferry", "sail" and "week".
        assert_eq!(sizes, [2, 2, 2, 3]);
    }

    #[test]
    fn kept_interning_equals_interning_from_scratch() {
        let mut quotes = vec![
            said("Ana Ruiz", "The ferry will sail again in March."),
            said("Piet Varga", "We will repair the roof before the frost."),
            said("Lina Ostrova", "The school opens in March, not in May."),
        ];
        let mut kept = Interned::default();
        kept.follow(&quotes);
        assert_eq!(kept, Interned::of(&quotes, signatures(&quotes)));
        // One added at the end: the first three are kept.
        quotes.push(said("Ana Ruiz", "The ferry to Kellam will sail in April."));
        kept.follow(&quotes);
        assert_eq!(kept, Interned::of(&quotes, signatures(&quotes)));
        // One changed inside, one taken out: the ids of the words only they held are gone.
        quotes[1].text = "Nobody expected the storm to close the harbour.".into();
        kept.follow(&quotes);
        assert_eq!(kept, Interned::of(&quotes, signatures(&quotes)));
        quotes.remove(0);
        kept.follow(&quotes);
        assert_eq!(kept, Interned::of(&quotes, signatures(&quotes)));
    }

    #[test]
    fn one_speaker_repeating_a_phrase_keeps_it() {
        let quotes = [
            said(
                "Ana Ruiz",
                "The ferry will sail again by the end of the month.",
            ),
            said("Ana Ruiz", "The ferry sails again by the end of the month."),
            said("Piet Varga", "Repairs finish by the end of the month."),
        ];
        let (profiles, _) = profiles(&quotes);
        assert!(profiles.iter().all(|p| p.order.len() >= 3));
    }
}
