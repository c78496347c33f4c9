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
            .articles
            .iter()
            .position(|a| a.article_id == quote.article_id)
            .unwrap_or(usize::MAX);
        let entry = by_name
            .entry(name.clone())
            .or_default()
            .entry(article_pos)
            .or_insert_with(|| SpeakerSource {
                article_title: analysis
                    .article(&quote.article_id)
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
