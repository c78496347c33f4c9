//! The speaker table: every resolved speaker, how many quotations are theirs, and per article
//! the words it used to name them.
//!
//! In: an [`Analysis`]. Out: [`SpeakerRow`]s, A to Z, each article named by its title in the
//! order the articles were loaded.

use crate::model::Analysis;
use std::collections::BTreeMap;

/// How one source named one speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerSource {
    /// The article's title.
    pub article_title: String,
    /// The words used, each once, in order found.
    pub as_written: Vec<String>,
    /// Quotations attributed there.
    pub quotes: usize,
}

/// A resolved speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerRow {
    /// The resolved name.
    pub name: String,
    /// Quotations attributed to them overall.
    pub quotes: usize,
    /// Per article, in article order.
    pub sources: Vec<SpeakerSource>,
}

/// Speakers A to Z with how each article named them.
pub fn speaker_rows(analysis: &Analysis) -> Vec<SpeakerRow> {
    let mut by_name: BTreeMap<String, BTreeMap<usize, SpeakerSource>> = BTreeMap::new();
    for quote in &analysis.quotes {
        let Some(name) = &quote.speaker else { continue };
        let article_pos = analysis
            .article_position(&quote.article_id)
            .unwrap_or(usize::MAX);
        let entry = by_name
            .entry(name.clone())
            .or_default()
            .entry(article_pos)
            .or_insert_with(|| SpeakerSource {
                article_title: (analysis.articles.get(article_pos))
                    .map(|a| a.title.clone())
                    .unwrap_or_default(),
                ..SpeakerSource::default()
            });
        entry.quotes += 1;
        if let Some(written) = &quote.speaker_as_written
            && !entry.as_written.contains(written)
        {
            entry.as_written.push(written.clone());
        }
    }
    by_name
        .into_iter()
        .map(|(name, sources)| SpeakerRow {
            quotes: sources.values().map(|s| s.quotes).sum(),
            sources: sources.into_values().collect(),
            name,
        })
        .collect()
}

/// The "said by" line of one version: the words the article used, whom they resolve to, and
/// how ("said by: “she” → Ana Ruiz: the subject of the sentence before"). A name printed in
/// full is shown once.
pub fn said_by(quote: &crate::model::Quote) -> String {
    let written = quote.speaker_as_written.as_deref();
    let resolved = quote.speaker.as_deref();
    match (&quote.speaker_evidence, resolved) {
        (Some(e), Some(resolved)) => {
            let words = e.words.trim();
            if words.ends_with(resolved) && e.via == crate::model::SpeakerVia::Named {
                format!("said by: {words}")
            } else if words.ends_with(resolved) {
                format!("said by: {words} ({})", e.via.explain())
            } else {
                format!("said by: “{words}” → {resolved}: {}", e.via.explain())
            }
        }
        _ => match (written, resolved) {
            (Some(w), Some(r)) if w.ends_with(r) => format!("said by: {w}"),
            (Some(w), Some(r)) => format!("said by: “{w}” → {r}"),
            (Some(w), None) => format!("said by: “{w}” (not resolved)"),
            (None, Some(r)) => format!("said by: {r} (no attribution in this article)"),
            (None, None) => "no attribution found".to_string(),
        },
    }
}

/// Whether a version names another speaker than its statement's: both named, and neither the
/// same name nor a surname alone of the other ("Okafor" for "Ada Okafor" is the same person).
pub fn names_another_speaker(statement: Option<&str>, version: Option<&str>) -> bool {
    match (statement, version) {
        (Some(a), Some(b)) => {
            a != b && !crate::speakers::is_surname_of(a, b) && !crate::speakers::is_surname_of(b, a)
        }
        _ => false,
    }
}

#[cfg(test)]
mod said_by_tests {
    use super::said_by;
    use crate::model::{Quote, SpeakerEvidence, SpeakerVia};

    fn quote(written: &str, speaker: &str, via: Option<SpeakerVia>) -> Quote {
        Quote {
            speaker_as_written: Some(written.into()),
            speaker: Some(speaker.into()),
            speaker_evidence: via.map(|via| SpeakerEvidence {
                words: written.into(),
                start: 10,
                end: 10 + written.len(),
                via,
            }),
            ..Quote::default()
        }
    }

    #[test]
    fn a_pronoun_says_whom_it_means_and_how() {
        let q = quote("she", "Ana Ruiz", Some(SpeakerVia::PreviousSubject));
        assert_eq!(
            said_by(&q),
            "said by: “she” → Ana Ruiz: the subject of the sentence before"
        );
    }

    #[test]
    fn a_full_name_is_shown_once() {
        let q = quote("Mayor Ana Ruiz", "Ana Ruiz", Some(SpeakerVia::Named));
        assert_eq!(said_by(&q), "said by: Mayor Ana Ruiz");
    }

    #[test]
    fn a_full_name_found_another_way_is_shown_once_with_how() {
        let q = quote("Mayor Ana Ruiz", "Ana Ruiz", Some(SpeakerVia::QuoteChain));
        assert_eq!(
            said_by(&q),
            "said by: Mayor Ana Ruiz (the speaker of the quotation before)"
        );
    }

    #[test]
    fn a_speaker_lent_by_other_versions_says_so() {
        let q = quote("the official", "Ana Ruiz", Some(SpeakerVia::OtherVersions));
        assert!(said_by(&q).ends_with("named by the other versions of this statement"));
    }

    #[test]
    fn without_evidence_the_words_as_written_still_show() {
        let q = quote("the mayor", "Ana Ruiz", None);
        assert_eq!(said_by(&q), "said by: “the mayor” → Ana Ruiz");
        let none = Quote::default();
        assert_eq!(said_by(&none), "no attribution found");
    }

    #[test]
    fn a_surname_alone_is_not_another_speaker() {
        use super::names_another_speaker as other;
        assert!(!other(Some("Ada Okafor"), Some("Okafor")));
        assert!(!other(Some("Okafor"), Some("Ada Okafor")));
        assert!(!other(Some("Ada Okafor"), None));
        assert!(other(Some("Ada Okafor"), Some("Mensah")));
        assert!(other(Some("Ada Okafor"), Some("Ada Mensah")));
    }
}
