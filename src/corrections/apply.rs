//! How the pipeline re-applies [`Corrections`] at each stage of an analysis.
//!
//! [`Applying`] walks along with [`analyze_with_progress`](crate::pipeline::analyze_with_progress):
//!
//! 1. after each article's extraction, [`Applying::edit_quotes`] removes what the user marked as
//!    not a quotation and adds what the user added;
//! 2. after speakers are unified across articles, [`Applying::set_speakers`] puts the user's
//!    speakers in (so they win over the engine's);
//! 3. after grouping, [`Applying::regroup`] applies moves, splits and merges in the order made;
//! 4. per group, [`Applying::align_options`] adds the user's equivalences and
//!    [`Applying::chosen_reference`] the user's reference;
//! 5. at the end, [`Applying::notes`] attaches notes and [`Applying::unapplied`] lists every
//!    correction that found nothing to act on (its quotation is gone, its article not loaded).

use super::manual::manual_quote;
use super::{Correction, Corrections, EquivalenceScope, NoteTarget, SpeakerScope};
use crate::align::AlignOptions;
use crate::model::{Analysis, Article, Note, Quote, QuoteKey, Unapplied};
use rustc_hash::FxHashMap as HashMap;

/// One analysis's pass over the corrections: which took effect, and where each quotation is.
#[derive(Debug)]
pub struct Applying<'c> {
    corrections: &'c Corrections,
    applied: Vec<bool>,
    /// Quotation index by key, built once the quotations are final.
    index: HashMap<QuoteKey, usize>,
}

impl<'c> Applying<'c> {
    /// Starts a pass; nothing is applied yet.
    pub fn new(corrections: &'c Corrections) -> Self {
        Self {
            corrections,
            applied: vec![false; corrections.items.len()],
            index: HashMap::default(),
        }
    }

    fn mark(&mut self, i: usize) {
        if let Some(a) = self.applied.get_mut(i) {
            *a = true;
        }
    }

    /// Removes and adds quotations of one article (`quotes` are that article's, in text
    /// order; they stay in text order).
    pub fn edit_quotes(&mut self, article: &Article, quotes: &mut Vec<Quote>) {
        let mut added = false;
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            match c {
                Correction::NotAQuote { span } if span.article_hash == article.content_hash => {
                    let before = quotes.len();
                    quotes.retain(|q| !(q.start >= span.start && q.end <= span.end));
                    if quotes.len() < before {
                        self.mark(i);
                    }
                }
                Correction::AddQuote { span, speaker }
                    if span.article_hash == article.content_hash =>
                {
                    if let Some(existing) = quotes
                        .iter_mut()
                        .find(|q| q.start == span.start && q.end == span.end)
                    {
                        if speaker.is_some() {
                            existing.speaker.clone_from(speaker);
                            existing.speaker_evidence = corrected_evidence(existing);
                        }
                        self.mark(i);
                    } else if let Some(quote) = manual_quote(article, span, speaker, quotes) {
                        quotes.push(quote);
                        added = true;
                        self.mark(i);
                    }
                }
                _ => {}
            }
        }
        if added {
            // Stable: the engine's own order among its quotations is kept.
            quotes.sort_by_key(|q| q.span.start);
        }
    }

    /// Puts the user's speakers in, and indexes the (now final) quotations by key.
    pub fn set_speakers(&mut self, articles: &[Article], quotes: &mut [Quote]) {
        // Only a correction looks a quotation up by its key.
        if !self.corrections.items.is_empty() {
            self.index = key_index(articles, quotes);
        }
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let Correction::SetSpeaker {
                quote,
                speaker,
                scope,
            } = c
            else {
                continue;
            };
            let Some(&qi) = self.index.get(quote) else {
                continue;
            };
            let Some(named) = quotes.get(qi) else {
                continue;
            };
            let words = match scope {
                SpeakerScope::Quote => None,
                SpeakerScope::SameWords => named.speaker_as_written.as_deref().map(fold),
            };
            let article_id = named.article_id.clone();
            for (k, q) in quotes.iter_mut().enumerate() {
                let same_words = words.as_ref().is_some_and(|w| {
                    q.article_id == article_id
                        && q.speaker_as_written.as_deref().map(fold).as_ref() == Some(w)
                });
                if k == qi || same_words {
                    q.speaker.clone_from(speaker);
                    q.speaker_evidence = corrected_evidence(q);
                }
            }
            self.mark(i);
        }
        self.join_speakers(quotes);
    }

    /// Joins speaker entries the user said are one, in the order the joins were made (so a
    /// join of a join lands on the last name); a join taken back later is skipped.
    fn join_speakers(&mut self, quotes: &mut [Quote]) {
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let Correction::SameSpeaker { speaker, same_as } = c else {
                continue;
            };
            if let Some(j) = taken_back(&corrections.items, i, speaker, same_as) {
                self.mark(i);
                self.mark(j);
                continue;
            }
            let mut joined = false;
            for q in quotes.iter_mut() {
                if q.speaker.as_deref() == Some(speaker.as_str()) {
                    q.speaker = Some(same_as.clone());
                    joined = true;
                }
            }
            if joined {
                self.mark(i);
            }
        }
    }

    /// Applies moves, splits and merges to `clusters` (indices into the quotations), in the
    /// order the user made them. Untouched clusters keep their order and members.
    pub fn regroup(&mut self, clusters: &mut Vec<Vec<usize>>) {
        let regrouping = |c: &Correction| {
            matches!(
                c,
                Correction::MoveToGroup { .. }
                    | Correction::SplitOff { .. }
                    | Correction::MergeGroups { .. }
            )
        };
        if !self.corrections.items.iter().any(regrouping) {
            return;
        }
        let mut label: HashMap<usize, usize> = HashMap::default();
        for (c, cluster) in clusters.iter().enumerate() {
            for &q in cluster {
                label.insert(q, c);
            }
        }
        let mut next_label = clusters.len();
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let done = match c {
                Correction::MoveToGroup { quote, to_group_of } => self
                    .pair(quote, to_group_of, &label)
                    .map(|(q, _, lt)| label.insert(q, lt)),
                Correction::SplitOff { quote } => self.index.get(quote).map(|&q| {
                    next_label += 1;
                    label.insert(q, next_label)
                }),
                Correction::MergeGroups {
                    group_of,
                    with_group_of,
                } => self
                    .pair(group_of, with_group_of, &label)
                    .map(|(_, la, lb)| {
                        label
                            .values_mut()
                            .filter(|l| **l == lb)
                            .for_each(|l| *l = la);
                        None
                    }),
                _ => continue,
            };
            if done.is_some() {
                self.mark(i);
            }
        }
        *clusters = rebuild(clusters, &label);
    }

    /// The quotation of `a`, its label, and the label of `b`'s quotation, when both exist.
    fn pair(
        &self,
        a: &QuoteKey,
        b: &QuoteKey,
        label: &HashMap<usize, usize>,
    ) -> Option<(usize, usize, usize)> {
        let qa = *self.index.get(a)?;
        let qb = *self.index.get(b)?;
        Some((qa, *label.get(&qa)?, *label.get(&qb)?))
    }

    /// `base` plus the user's equivalences for the group made of `cluster`.
    pub fn align_options(&mut self, cluster: &[usize], base: &AlignOptions) -> AlignOptions {
        let mut options = base.clone();
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let Correction::Equivalent {
                wording,
                same_as,
                scope,
            } = c
            else {
                continue;
            };
            let here = match scope {
                EquivalenceScope::Everywhere => true,
                EquivalenceScope::Group { member } => {
                    self.index.get(member).is_some_and(|q| cluster.contains(q))
                }
            };
            if here {
                options
                    .equivalences
                    .push((wording.clone(), same_as.clone()));
                self.mark(i);
            }
        }
        options
    }

    /// The position in `cluster` of the reference the user chose last for it, if any.
    pub fn chosen_reference(&mut self, cluster: &[usize]) -> Option<usize> {
        let mut chosen = None;
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let Correction::ChooseReference { quote } = c else {
                continue;
            };
            let position = self
                .index
                .get(quote)
                .and_then(|q| cluster.iter().position(|m| m == q));
            if position.is_some() {
                chosen = position;
                self.mark(i);
            }
        }
        chosen
    }

    /// The notes in force on `analysis`, in the order they were first written.
    pub fn notes(&mut self, analysis: &Analysis) -> Vec<Note> {
        if !(self.corrections.items.iter()).any(|c| matches!(c, Correction::Note { .. })) {
            return Vec::new();
        }
        let group_of: HashMap<&str, &str> = analysis
            .groups
            .iter()
            .flat_map(|g| {
                g.members
                    .iter()
                    .map(|m| (m.quote_id.as_str(), g.group_id.as_str()))
            })
            .collect();
        let mut notes: Vec<Note> = Vec::new();
        let corrections = self.corrections;
        for (i, c) in corrections.items.iter().enumerate() {
            let Correction::Note { target, text } = c else {
                continue;
            };
            let (NoteTarget::Group { member } | NoteTarget::Difference { member, .. }) = target;
            let Some(quote) = self.index.get(member).and_then(|&q| analysis.quotes.get(q)) else {
                continue;
            };
            let Some(group_id) = group_of.get(quote.quote_id.as_str()) else {
                continue;
            };
            let note = attached_note(target, group_id, &quote.quote_id, text);
            let same_target = notes.iter().position(|n| n.same_target(&note));
            match (same_target, text.is_empty()) {
                (Some(k), true) => {
                    notes.remove(k);
                }
                (Some(k), false) => {
                    if let Some(n) = notes.get_mut(k) {
                        *n = note;
                    }
                }
                (None, false) => notes.push(note),
                (None, true) => {}
            }
            self.mark(i);
        }
        notes
    }

    /// Every correction that took no effect, with the reason for a person.
    pub fn unapplied(&self, articles: &[Article]) -> Vec<Unapplied> {
        self.corrections
            .items
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.applied.get(*i).copied().unwrap_or(false))
            .map(|(index, c)| Unapplied {
                index,
                reason: self.reason(c, articles),
            })
            .collect()
    }

    fn reason(&self, c: &Correction, articles: &[Article]) -> String {
        for key in c.keys() {
            let Some(article) = articles.iter().find(|a| a.content_hash == key.article_hash) else {
                return format!(
                    "its article (content hash {}) is not loaded",
                    key.article_hash
                );
            };
            let missing = match c {
                Correction::AddQuote { .. } => "no text to quote at",
                Correction::NotAQuote { .. } => "no quotation found within",
                _ if self.index.contains_key(key) => continue,
                _ => "no quotation any more at",
            };
            return format!(
                "{missing} bytes {}–{} of {}",
                key.start, key.end, article.path
            );
        }
        "nothing it applies to".into()
    }
}

/// Notes' targets are compared as the user named them, through the quotation's current ids.
fn attached_note(target: &NoteTarget, group_id: &str, quote_id: &str, text: &str) -> Note {
    let (quote_id, reference_words, words) = match target {
        NoteTarget::Group { .. } => (None, None, None),
        NoteTarget::Difference {
            reference_words,
            words,
            ..
        } => (
            Some(quote_id.to_string()),
            Some(reference_words.clone()),
            Some(words.clone()),
        ),
    };
    Note {
        group_id: group_id.to_string(),
        quote_id,
        reference_words,
        words,
        text: text.to_string(),
    }
}

/// Attribution words compared without case or surrounding space.
fn fold(words: &str) -> String {
    words.trim().to_lowercase()
}

/// Each quotation's key → its index (the first, when one article was loaded twice).
fn key_index(articles: &[Article], quotes: &[Quote]) -> HashMap<QuoteKey, usize> {
    let by_id: HashMap<&str, &Article> = articles
        .iter()
        .map(|a| (a.article_id.as_str(), a))
        .collect();
    let mut index = HashMap::default();
    for (i, q) in quotes.iter().enumerate() {
        if let Some(a) = by_id.get(q.article_id.as_str()) {
            index.entry(q.key(a)).or_insert(i);
        }
    }
    index
}

/// Clusters again from labels: clusters in the order their first member is met walking the old
/// clusters, members in walking order, empty clusters gone.
fn rebuild(old: &[Vec<usize>], label: &HashMap<usize, usize>) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = Vec::new();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for &q in old.iter().flatten() {
        let Some(&l) = label.get(&q) else { continue };
        let list = members.entry(l).or_default();
        if list.is_empty() {
            order.push(l);
        }
        list.push(q);
    }
    order
        .into_iter()
        .filter_map(|l| members.remove(&l))
        .collect()
}

/// The evidence for a speaker a correction set: the attribution words if the text has them.
fn corrected_evidence(q: &Quote) -> Option<crate::model::SpeakerEvidence> {
    q.speaker.as_ref()?;
    let (words, start, end) = match &q.speaker_evidence {
        Some(e) => (e.words.clone(), e.start, e.end),
        None => (
            q.speaker_as_written.clone().unwrap_or_default(),
            q.start,
            q.start,
        ),
    };
    Some(crate::model::SpeakerEvidence {
        words,
        start,
        end,
        via: crate::model::SpeakerVia::Correction,
    })
}

/// The index of a [`Correction::NotSameSpeaker`] after `at` that takes back the join of
/// `speaker` to `same_as`, if any.
pub(crate) fn taken_back(
    items: &[Correction],
    at: usize,
    speaker: &str,
    same_as: &str,
) -> Option<usize> {
    (items.iter().enumerate().skip(at + 1)).find_map(|(j, c)| match c {
        Correction::NotSameSpeaker {
            speaker: s,
            same_as: a,
        } if s == speaker && a == same_as => Some(j),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(start: usize) -> QuoteKey {
        QuoteKey {
            article_hash: "h".into(),
            start,
            end: start + 1,
        }
    }

    /// A pass whose quotations 0..n have keys `key(0)`…`key(n-1)`.
    fn pass(corrections: &Corrections, n: usize) -> Applying<'_> {
        let mut applying = Applying::new(corrections);
        applying.index = (0..n).map(|i| (key(i), i)).collect();
        applying
    }

    #[test]
    fn nothing_to_apply_leaves_clusters_as_they_are() {
        let corrections = Corrections::default();
        let mut clusters = vec![vec![2, 0], vec![1], vec![3, 4]];
        pass(&corrections, 5).regroup(&mut clusters);
        assert_eq!(clusters, vec![vec![2, 0], vec![1], vec![3, 4]]);
    }

    #[test]
    fn moves_splits_and_merges_apply_in_order() {
        let items = vec![
            Correction::MoveToGroup {
                quote: key(1),
                to_group_of: key(0),
            },
            Correction::MergeGroups {
                group_of: key(0),
                with_group_of: key(3),
            },
            Correction::SplitOff { quote: key(0) },
        ];
        let corrections = Corrections { items };
        let mut applying = pass(&corrections, 5);
        let mut clusters = vec![vec![0], vec![1, 2], vec![3, 4]];
        applying.regroup(&mut clusters);
        assert_eq!(clusters, vec![vec![0], vec![1, 3, 4], vec![2]]);
        assert!(applying.unapplied(&[]).is_empty());
    }

    #[test]
    fn group_equivalences_reach_only_their_group() {
        let items = vec![
            Correction::Equivalent {
                wording: "the isles".into(),
                same_as: "the islands".into(),
                scope: EquivalenceScope::Group { member: key(2) },
            },
            Correction::Equivalent {
                wording: "PM".into(),
                same_as: "prime minister".into(),
                scope: EquivalenceScope::Everywhere,
            },
        ];
        let corrections = Corrections { items };
        let mut applying = pass(&corrections, 4);
        let base = AlignOptions::default();
        let here = applying.align_options(&[1, 2], &base);
        let elsewhere = applying.align_options(&[0, 3], &base);
        assert_eq!(here.equivalences.len(), 2);
        assert_eq!(
            elsewhere.equivalences,
            vec![("PM".to_string(), "prime minister".to_string())]
        );
    }

    #[test]
    fn the_last_reference_chosen_for_a_group_wins() {
        let items = vec![
            Correction::ChooseReference { quote: key(1) },
            Correction::ChooseReference { quote: key(2) },
            Correction::ChooseReference { quote: key(9) },
        ];
        let corrections = Corrections { items };
        let mut applying = pass(&corrections, 3);
        assert_eq!(applying.chosen_reference(&[0, 1, 2]), Some(2));
        let unapplied = applying.unapplied(&[]);
        assert_eq!(unapplied.len(), 1);
        assert_eq!(unapplied[0].index, 2);
    }

    #[test]
    fn a_speaker_join_taken_back_joins_nothing_and_a_later_join_holds() {
        let join = Correction::SameSpeaker {
            speaker: "Harbour Office".into(),
            same_as: "Brannock Harbour Authority".into(),
        };
        let take_back = Correction::NotSameSpeaker {
            speaker: "Harbour Office".into(),
            same_as: "Brannock Harbour Authority".into(),
        };
        let speakers = |items: Vec<Correction>| {
            let corrections = Corrections { items };
            let mut quotes: Vec<Quote> = ["Harbour Office", "Brannock Harbour Authority"]
                .iter()
                .map(|s| Quote {
                    speaker: Some((*s).into()),
                    ..Quote::default()
                })
                .collect();
            let mut applying = Applying::new(&corrections);
            applying.set_speakers(&[], &mut quotes);
            let names: Vec<String> = quotes.into_iter().filter_map(|q| q.speaker).collect();
            (names, applying.unapplied(&[]).len())
        };
        let joined = vec!["Brannock Harbour Authority".to_string(); 2];
        assert_eq!(speakers(vec![join.clone()]), (joined.clone(), 0));
        let apart = vec![
            "Harbour Office".to_string(),
            "Brannock Harbour Authority".to_string(),
        ];
        assert_eq!(speakers(vec![join.clone(), take_back.clone()]), (apart, 0));
        let log = Corrections {
            items: vec![join.clone(), take_back.clone()],
        };
        assert!(log.speaker_joins().is_empty());
        assert_eq!(speakers(vec![join.clone(), take_back, join]), (joined, 0));
    }
}
