//! Corrections: what the user changed about an analysis, stored as data and re-applied by the
//! pipeline every time it runs, so they survive re-analysis and added articles.
//!
//! Quotations are named by [`QuoteKey`] (the article's content hash and the quotation's byte range
//! in the original file), never by the per-analysis ids `q7`/`g3`, which change when an article
//! is added. Groups are named by any one of their members.
//!
//! In: the user's edits, one [`Correction`] at a time, through a [`CorrectionLog`] (undo/redo).
//! Out: [`Corrections`], which the caller puts in
//! [`AnalyzeOptions::corrections`](crate::pipeline::AnalyzeOptions) and saves in a
//! [`Workspace`](crate::workspace::Workspace). [`apply`] holds the rules the pipeline follows;
//! a correction that names a quotation no longer found is kept and listed in
//! [`Analysis::unapplied`](crate::model::Analysis), never dropped.
//!
//! For the app: name a shown quotation with [`key_of`], a text selection in the article view
//! with [`key_of_selection`]; push the correction on the [`CorrectionLog`], re-run the analysis
//! with the log's corrections (off the UI thread), and list `analysis.unapplied` (each names the
//! correction's index and says why) next to the log. Notes come back in `analysis.notes`.
//!
//! ```
//! use verbatim::corrections::{Correction, CorrectionLog, SpeakerScope};
//! use verbatim::{analyze, ingest, AnalyzeOptions};
//!
//! let text = "Park to close\n\n\u{201c}The gates will shut at dusk all winter,\u{201d} the warden said.\n";
//! let article = ingest::ingest_bytes("park.txt", text.as_bytes()).unwrap();
//! let before = analyze(vec![article.clone()], &AnalyzeOptions::default());
//! let quote = &before.quotes[0];
//!
//! let mut log = CorrectionLog::default();
//! log.push(Correction::SetSpeaker {
//!     quote: quote.key(&article),
//!     speaker: Some("Ida Brandt".into()),
//!     scope: SpeakerScope::Quote,
//! });
//! let options = AnalyzeOptions { corrections: log.corrections().clone(), ..AnalyzeOptions::default() };
//! let after = analyze(vec![article.clone()], &options);
//! assert_eq!(after.quotes[0].speaker.as_deref(), Some("Ida Brandt"));
//!
//! log.undo();
//! assert!(log.corrections().items.is_empty());
//! assert!(log.can_redo());
//! ```

pub mod apply;
pub mod manual;

use crate::model::{Analysis, Article, QuoteKey, Span};
use serde::{Deserialize, Serialize};

/// Which quotations a speaker correction changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerScope {
    /// Only the quotation named.
    #[default]
    Quote,
    /// Every quotation its article attributes to the same words (`speaker_as_written`,
    /// compared without case).
    SameWords,
}

/// Where two wordings count as the same.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "scope", rename_all = "kebab-case")]
pub enum EquivalenceScope {
    /// In the group that holds this quotation.
    Group {
        /// Any member of the group.
        member: QuoteKey,
    },
    /// In every group.
    Everywhere,
}

/// What a note is written on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "on", rename_all = "kebab-case")]
pub enum NoteTarget {
    /// The group that holds this quotation.
    Group {
        /// Any member of the group.
        member: QuoteKey,
    },
    /// One difference of one version: the op of `member` whose reference words and own words
    /// are these (a [`DiffOp`](crate::model::DiffOp)'s `ref_text` and `text`).
    Difference {
        /// The version the difference is in.
        member: QuoteKey,
        /// The op's `ref_text`.
        reference_words: String,
        /// The op's `text`.
        words: String,
    },
}

/// One thing the user changed. Later corrections win over earlier ones on the same quotation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Correction {
    /// The speaker of a quotation (or of every quotation its article attributes to the same
    /// words) is `speaker`; `None` means "no known speaker".
    SetSpeaker {
        /// The quotation.
        quote: QuoteKey,
        /// The right speaker.
        speaker: Option<String>,
        /// This quotation only, or all with the same attribution words.
        scope: SpeakerScope,
    },
    /// Every quotation resolved to `speaker` is by `same_as`: two entries of the speaker table
    /// are one person or organisation.
    SameSpeaker {
        /// The entry joined.
        speaker: String,
        /// The entry it joins.
        same_as: String,
    },
    /// Takes back an earlier [`Correction::SameSpeaker`] of the same two entries: they are two
    /// speakers after all.
    NotSameSpeaker {
        /// The entry that was joined.
        speaker: String,
        /// The entry it was joined to.
        same_as: String,
    },
    /// Put `quote` in the group that holds `to_group_of`.
    MoveToGroup {
        /// The quotation to move.
        quote: QuoteKey,
        /// Any member of the destination group.
        to_group_of: QuoteKey,
    },
    /// Take `quote` out of its group into a group of its own.
    SplitOff {
        /// The quotation.
        quote: QuoteKey,
    },
    /// One group: the group of `group_of` and the group of `with_group_of`.
    MergeGroups {
        /// Any member of the first group.
        group_of: QuoteKey,
        /// Any member of the second group.
        with_group_of: QuoteKey,
    },
    /// What the engine found at these bytes is not a quotation. Every quotation that lies
    /// within the range is removed (a printed quotation the engine cut in sentences goes whole).
    NotAQuote {
        /// The article and original byte range.
        span: QuoteKey,
    },
    /// A quotation the engine missed, at these original bytes of the article.
    AddQuote {
        /// The article and original byte range of the quoted words (without their marks).
        span: QuoteKey,
        /// Who said it, if the user knows.
        speaker: Option<String>,
    },
    /// `wording` and `same_as` mean the same ("the DPRK" = "North Korea"): not a difference.
    Equivalent {
        /// One wording.
        wording: String,
        /// The other.
        same_as: String,
        /// In one group or everywhere.
        scope: EquivalenceScope,
    },
    /// A note from the user; an empty `text` removes the note on that target.
    Note {
        /// What the note is on.
        target: NoteTarget,
        /// The note.
        text: String,
    },
    /// Align the group that holds `quote` against `quote`.
    ChooseReference {
        /// The new reference.
        quote: QuoteKey,
    },
}

impl Correction {
    /// Every quotation the correction names (articles by hash, byte ranges).
    pub fn keys(&self) -> Vec<&QuoteKey> {
        match self {
            Correction::SetSpeaker { quote, .. }
            | Correction::SplitOff { quote }
            | Correction::ChooseReference { quote } => vec![quote],
            Correction::MoveToGroup { quote, to_group_of } => vec![quote, to_group_of],
            Correction::MergeGroups {
                group_of,
                with_group_of,
            } => vec![group_of, with_group_of],
            Correction::NotAQuote { span } | Correction::AddQuote { span, .. } => vec![span],
            Correction::Equivalent { scope, .. } => match scope {
                EquivalenceScope::Group { member } => vec![member],
                EquivalenceScope::Everywhere => Vec::new(),
            },
            Correction::SameSpeaker { .. } | Correction::NotSameSpeaker { .. } => Vec::new(),
            Correction::Note { target, .. } => match target {
                NoteTarget::Group { member } | NoteTarget::Difference { member, .. } => {
                    vec![member]
                }
            },
        }
    }

    /// A short description for a person, e.g. in an undo menu or a report.
    pub fn summary(&self) -> String {
        let who = |s: &Option<String>| s.clone().unwrap_or_else(|| "no known speaker".into());
        match self {
            Correction::SetSpeaker { speaker, scope, .. } => match scope {
                SpeakerScope::Quote => format!("speaker set to {}", who(speaker)),
                SpeakerScope::SameWords => {
                    format!(
                        "speaker set to {} wherever the source uses the same words",
                        who(speaker)
                    )
                }
            },
            Correction::SameSpeaker { speaker, same_as } => {
                format!("{speaker} counted as the same speaker as {same_as}")
            }
            Correction::NotSameSpeaker { speaker, same_as } => {
                format!("{speaker} no longer counted as the same speaker as {same_as}")
            }
            Correction::MoveToGroup { .. } => "quotation moved to another statement".into(),
            Correction::SplitOff { .. } => "quotation split into its own statement".into(),
            Correction::MergeGroups { .. } => "two statements merged".into(),
            Correction::NotAQuote { .. } => "span marked as not a quotation".into(),
            Correction::AddQuote { speaker, .. } => match speaker {
                Some(s) => format!("quotation added by hand, said by {s}"),
                None => "quotation added by hand".into(),
            },
            Correction::Equivalent {
                wording,
                same_as,
                scope,
            } => {
                let place = match scope {
                    EquivalenceScope::Group { .. } => "in one statement",
                    EquivalenceScope::Everywhere => "everywhere",
                };
                format!("“{wording}” counted the same as “{same_as}” {place}")
            }
            Correction::Note { text, .. } if text.is_empty() => "note removed".into(),
            Correction::Note { .. } => "note written".into(),
            Correction::ChooseReference { .. } => "reference version chosen".into(),
        }
    }
}

/// The key of the quotation `quote_id` of `analysis`, for naming it in a correction.
pub fn key_of(analysis: &Analysis, quote_id: &str) -> Option<QuoteKey> {
    let quote = analysis.quote(quote_id)?;
    Some(quote.key(analysis.article(&quote.article_id)?))
}

/// The key for text the user selected in the article view (`span`, a byte range of the
/// cleaned [`Article::text`]), for [`Correction::AddQuote`] or [`Correction::NotAQuote`].
pub fn key_of_selection(article: &Article, span: &Span) -> QuoteKey {
    let original = article.original_range(span);
    QuoteKey {
        article_hash: article.content_hash.clone(),
        start: original.start,
        end: original.end,
    }
}

/// Every correction the user made, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    /// The corrections in the order they were made; the pipeline applies them in this order.
    pub items: Vec<Correction>,
}

impl Corrections {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The speaker joins in force, oldest first: each [`Correction::SameSpeaker`] as
    /// (entry joined, entry it joins) unless a later [`Correction::NotSameSpeaker`] took it back.
    pub fn speaker_joins(&self) -> Vec<(&str, &str)> {
        (self.items.iter().enumerate())
            .filter_map(|(i, c)| match c {
                Correction::SameSpeaker { speaker, same_as }
                    if apply::taken_back(&self.items, i, speaker, same_as).is_none() =>
                {
                    Some((speaker.as_str(), same_as.as_str()))
                }
                _ => None,
            })
            .collect()
    }
}

/// Corrections with undo and redo: pure data, no analysis inside. After each change the caller
/// re-runs the analysis with [`CorrectionLog::corrections`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionLog {
    done: Corrections,
    /// Undone corrections, the most recently undone last.
    undone: Vec<Correction>,
}

impl CorrectionLog {
    /// A log whose history is `corrections` (as loaded from a workspace), nothing to redo.
    pub fn new(corrections: Corrections) -> Self {
        Self {
            done: corrections,
            undone: Vec::new(),
        }
    }

    /// The corrections in force.
    pub fn corrections(&self) -> &Corrections {
        &self.done
    }

    /// Records a new correction; whatever was undone can no longer be redone.
    pub fn push(&mut self, correction: Correction) {
        self.done.items.push(correction);
        self.undone.clear();
    }

    /// Takes back the last correction and returns it, or `None` when there is none.
    pub fn undo(&mut self) -> Option<&Correction> {
        let last = self.done.items.pop()?;
        self.undone.push(last);
        self.undone.last()
    }

    /// Makes the last undone correction again and returns it, or `None` when there is none.
    pub fn redo(&mut self) -> Option<&Correction> {
        let next = self.undone.pop()?;
        self.done.items.push(next);
        self.done.items.last()
    }

    /// Whether [`undo`](Self::undo) would do something.
    pub fn can_undo(&self) -> bool {
        !self.done.items.is_empty()
    }

    /// Whether [`redo`](Self::redo) would do something.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(start: usize) -> Correction {
        Correction::SplitOff {
            quote: QuoteKey {
                article_hash: "ab".into(),
                start,
                end: start + 5,
            },
        }
    }

    #[test]
    fn undo_then_redo_restores_the_same_history() {
        let mut log = CorrectionLog::default();
        log.push(split(1));
        log.push(split(2));
        assert_eq!(log.undo(), Some(&split(2)));
        assert_eq!(log.corrections().items, vec![split(1)]);
        assert_eq!(log.redo(), Some(&split(2)));
        assert_eq!(log.corrections().items, vec![split(1), split(2)]);
        assert!(!log.can_redo());
    }

    #[test]
    fn a_new_correction_clears_redo() {
        let mut log = CorrectionLog::default();
        log.push(split(1));
        log.undo();
        assert!(log.can_redo());
        log.push(split(3));
        assert!(!log.can_redo());
        assert_eq!(log.redo(), None);
        assert_eq!(log.corrections().items, vec![split(3)]);
    }

    #[test]
    fn undo_on_empty_log_does_nothing() {
        let mut log = CorrectionLog::default();
        assert!(!log.can_undo());
        assert_eq!(log.undo(), None);
        assert!(!log.can_redo());
    }

    #[test]
    fn a_selection_key_names_the_original_bytes() {
        let text = "He said \u{201c}the pier reopens in June\u{201d} today.";
        let article = crate::ingest::ingest_bytes("pier.txt", text.as_bytes()).unwrap();
        let start = article.text.find("the pier").unwrap();
        let span = start..start + "the pier reopens in June".len();
        let key = key_of_selection(&article, &span);
        assert_eq!(
            &text.as_bytes()[key.start..key.end],
            b"the pier reopens in June"
        );
        assert_eq!(key.article_hash, article.content_hash);
    }

    #[test]
    fn corrections_serialise_with_readable_tags() {
        let c = Correction::Equivalent {
            wording: "the isles".into(),
            same_as: "the islands".into(),
            scope: EquivalenceScope::Everywhere,
        };
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["kind"], "equivalent");
        assert_eq!(json["scope"]["scope"], "everywhere");
        let back: Correction = serde_json::from_value(json).unwrap();
        assert_eq!(back, c);
    }
}
