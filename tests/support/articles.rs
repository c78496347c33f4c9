//! Invented articles and helpers shared by the corrections, workspace and export tests.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use verbatim::corrections::{Correction, Corrections, EquivalenceScope, NoteTarget, SpeakerScope};
use verbatim::model::{Analysis, Article, Group, Quote, QuoteKey};

pub const WIRE: &str = "Council delays tram line\n\n\
“The tram line will open in 2027, not next year,” Mayor Ida Brandt said on Tuesday.\n\n\
“We have found 12 faults in the track,” the mayor added.\n\n\
Brandt said the delay was regrettable but necessary.\n\n\
“Nobody will lose their job over this,” said council spokeswoman Rosa Lind.\n\n\
“The contractor has agreed to pay for the repairs,” the spokeswoman said. \
“The city will not pay a cent,” the spokeswoman said.\n\n\
“We are sorry for the wait,” Brandt said.\n";

pub const LOCAL: &str = "Tram opening pushed back\n\n\
“The tram line will open in 2026,” Brandt told reporters on Tuesday.\n\n\
“We have found 21 faults in the track,” she said.\n\n\
“Someone will lose their job over this,” Lind said.\n";

pub const LATER: &str = "Faults found in new tram track\n\n\
“We have found 12 faults in the track,” Deputy Mayor Ola Berg said.\n";

/// The words the engine does not take for a quotation, which the tests add by hand.
pub const MISSED: &str = "the delay was regrettable but necessary";

pub fn article(name: &str, text: &str) -> Article {
    verbatim::ingest::ingest_bytes(name, text.as_bytes()).unwrap()
}

/// The quotation whose text contains `needle`.
pub fn quote<'a>(analysis: &'a Analysis, needle: &str) -> &'a Quote {
    analysis
        .quotes
        .iter()
        .find(|q| q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quotation with {needle:?}"))
}

/// The key of the quotation whose text contains `needle`.
pub fn key(analysis: &Analysis, needle: &str) -> QuoteKey {
    let q = quote(analysis, needle);
    q.key(analysis.article(&q.article_id).unwrap())
}

/// The group holding the quotation whose text contains `needle`.
pub fn group_of<'a>(analysis: &'a Analysis, needle: &str) -> &'a Group {
    let id = &quote(analysis, needle).quote_id;
    analysis
        .groups
        .iter()
        .find(|g| g.members.iter().any(|m| &m.quote_id == id))
        .unwrap()
}

/// The key of the bytes of `words` in the original `text` of `article`.
pub fn span_of(article: &Article, text: &str, words: &str) -> QuoteKey {
    let start = text.find(words).unwrap();
    QuoteKey {
        article_hash: article.content_hash.clone(),
        start,
        end: start + words.len(),
    }
}

/// One correction of every kind, made on the analysis of WIRE (a1) and LOCAL (a2).
pub fn one_of_each(analysis: &Analysis, wire: &Article) -> Corrections {
    let items = vec![
        Correction::SetSpeaker {
            quote: key(analysis, "12 faults"),
            speaker: Some("Ola Berg".into()),
            scope: SpeakerScope::Quote,
        },
        Correction::SetSpeaker {
            quote: key(analysis, "contractor"),
            speaker: Some("Rosa Lind-Holm".into()),
            scope: SpeakerScope::SameWords,
        },
        Correction::MergeGroups {
            group_of: key(analysis, "2027"),
            with_group_of: key(analysis, "2026"),
        },
        Correction::MoveToGroup {
            quote: key(analysis, "21 faults"),
            to_group_of: key(analysis, "12 faults"),
        },
        Correction::SplitOff {
            quote: key(analysis, "Nobody will lose"),
        },
        Correction::NotAQuote {
            span: key(analysis, "sorry for the wait"),
        },
        Correction::AddQuote {
            span: span_of(wire, WIRE, MISSED),
            speaker: Some("Ida Brandt".into()),
        },
        Correction::Equivalent {
            wording: "2026".into(),
            same_as: "2027".into(),
            scope: EquivalenceScope::Group {
                member: key(analysis, "2027"),
            },
        },
        Correction::Equivalent {
            wording: "nobody".into(),
            same_as: "no one".into(),
            scope: EquivalenceScope::Everywhere,
        },
        Correction::Note {
            target: NoteTarget::Group {
                member: key(analysis, "2026"),
            },
            text: "The council's own timetable says 2027.".into(),
        },
        Correction::Note {
            target: NoteTarget::Difference {
                member: key(analysis, "2026"),
                reference_words: "2027, not next year,".into(),
                words: "2026,".into(),
            },
            text: "Year changed and the contrast dropped.".into(),
        },
        Correction::ChooseReference {
            quote: key(analysis, "2026"),
        },
    ];
    Corrections { items }
}

/// The quotation in the article read from `path` whose text contains `needle`.
pub fn quote_in<'a>(analysis: &'a Analysis, path: &str, needle: &str) -> &'a Quote {
    let article = analysis.articles.iter().find(|a| a.path == path).unwrap();
    analysis
        .quotes
        .iter()
        .find(|q| q.article_id == article.article_id && q.text.contains(needle))
        .unwrap_or_else(|| panic!("no quotation with {needle:?} in {path}"))
}

/// The group holding `quote`.
pub fn group_with<'a>(analysis: &'a Analysis, quote: &Quote) -> &'a Group {
    analysis
        .groups
        .iter()
        .find(|g| g.members.iter().any(|m| m.quote_id == quote.quote_id))
        .unwrap()
}
