//! Speakers: attributions as written → people and organisations, within one article
//! ([`resolve`]) and across articles ([`unify`], [`fill_from_groups`]).
//!
//! Extraction hands on what it found ([`Layout`]: sentences, quoted stretches, who the article
//! has speak outside quotations) and each quotation's attribution ([`Attributed`]); nothing
//! here calls back into extraction. Within an article a full name stands; a surname or given
//! name alone takes the full name printed elsewhere; a pronoun, a definite description ("the
//! rookie defender", "her spokesman") or a quotation with no attribution walks back sentence by
//! sentence ([`salience`]): the speaker of a quotation printed there, else the sentence's
//! subject, else its latest mention that agrees in gender and in person or organisation. Each
//! result carries how it was found ([`crate::model::SpeakerVia`]) and the words that show it.

mod across;
pub mod lexicon;
mod mentions;
pub mod names;
mod printed;
mod roles;
mod salience;
#[cfg(test)]
mod tests;

pub use across::{fill_from_groups, is_surname_of, is_unnamed, unify, variant_spelling};
pub use printed::name_runs;

use crate::model::{Article, Span, SpeakerVia};
use mentions::{Mentions, Named};
use names::{Mention, MentionKind};
use salience::{Hit, Said, Scene, Want};

/// An attribution found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The name phrase as written.
    pub phrase: Span,
    /// What the phrase names.
    pub mention: Mention,
}

/// A quotation's attribution as found, before resolution.
#[derive(Clone, Debug, Default)]
pub struct Attributed {
    /// Where the quotation starts in the cleaned text.
    pub position: usize,
    /// The attribution, if the text gives one.
    pub found: Option<Found>,
}

/// What extraction hands on about one article.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Every sentence of every paragraph, in text order.
    pub sentences: Vec<Span>,
    /// The quoted stretches (inside the marks), in text order.
    pub quoted: Vec<Span>,
    /// Who the article has speak outside quotations ("A spokeswoman said…").
    pub speech_subjects: Vec<Found>,
}

/// A quotation's speaker as resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The full name, organisation or role.
    pub speaker: Option<String>,
    /// How it was found.
    pub via: Option<SpeakerVia>,
    /// The words that show it, in the cleaned text.
    pub evidence: Option<Span>,
}

/// Resolves each attribution of one article, in the order given (which must be text order).
pub fn resolve(article: &Article, layout: &Layout, items: &[Attributed]) -> Vec<Resolved> {
    let mut named = Mentions::new(printed::printed_names(article, layout), &article.text);
    let mut scene = Scene {
        text: &article.text,
        paragraphs: &article.paragraphs,
        layout,
        said: Vec::new(),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let resolved = match &item.found {
            Some(found) => attributed(article, &scene, &mut named, found),
            None => unattributed(&scene, &named, item.position),
        };
        if let (Some(speaker), Some(evidence)) = (&resolved.speaker, &resolved.evidence) {
            let body = named.kind_of(speaker) == Some(MentionKind::Org);
            scene.said.push(Said {
                position: item.position,
                speaker: speaker.clone(),
                body,
                evidence: evidence.clone(),
            });
        }
        out.push(resolved);
    }
    out
}

/// A quotation with an attribution: its phrase resolved, and remembered as a mention.
fn attributed(article: &Article, scene: &Scene, named: &mut Mentions, found: &Found) -> Resolved {
    let at = found.phrase.start;
    let phrase = article.slice(&found.phrase);
    let hit = resolve_mention(scene, &found.mention, phrase, at, named);
    if let Some(hit) = &hit {
        if found.mention.kind == MentionKind::Pronoun {
            named.learn_gender(&hit.name, found.mention.gender);
        }
        let mut m = found.mention.clone();
        m.name = hit.name.clone();
        if matches!(m.kind, MentionKind::Pronoun | MentionKind::Role) {
            m.kind = named.kind_of(&hit.name).unwrap_or(MentionKind::Person);
        }
        named.insert(Named {
            position: at,
            end: found.phrase.end,
            mention: m,
        });
    }
    match hit {
        Some(hit) => Resolved {
            speaker: Some(hit.name),
            via: Some(hit.via),
            evidence: Some(found.phrase.clone()),
        },
        // A role no named mention holds stays as the article words it ("a spokeswoman for
        // the hospital"); other articles may name it. A document or a pronoun alone names no
        // one.
        None if found.mention.kind == MentionKind::Role
            && !roles::is_document_role(&found.mention) =>
        {
            Resolved {
                speaker: Some(found.mention.name.clone()),
                via: Some(SpeakerVia::Named),
                evidence: Some(found.phrase.clone()),
            }
        }
        None => Resolved::default(),
    }
}

/// A quotation with no attribution: whoever the sentences before it have speak.
fn unattributed(scene: &Scene, named: &Mentions, position: usize) -> Resolved {
    let Some(hit) = scene.walk(walk_start(scene, named, position), Want::Anyone, named, 0) else {
        return Resolved::default();
    };
    let via = match hit.via {
        SpeakerVia::QuoteChain => SpeakerVia::QuoteChain,
        _ => SpeakerVia::PreviousSentence,
    };
    Resolved {
        speaker: Some(hit.name),
        via: Some(via),
        evidence: Some(hit.evidence),
    }
}

/// Where the walk for a quotation with no attribution starts. Its own sentence counts when
/// its subject does something before the quotation ("Oyelaran accused the minister of “…”"),
/// not when the quotation is the subject's own predicate ("The Slovakian also “worked…”"),
/// which names whom the words are about.
fn walk_start(scene: &Scene, named: &Mentions, position: usize) -> usize {
    let sentences = &scene.layout.sentences;
    let Some(own) = sentences
        .get(sentences.partition_point(|s| s.end <= position))
        .filter(|s| s.start <= position)
    else {
        return position;
    };
    let subject = named.within(own.start..position).next();
    let lead_in = subject.map_or(0, |n| {
        scene
            .text
            .get(n.end..position)
            .unwrap_or("")
            .split_whitespace()
            .take(2)
            .count()
    });
    if lead_in >= 2 { position } else { own.start }
}

/// What one attribution phrase stands for.
fn resolve_mention(
    scene: &Scene,
    mention: &Mention,
    phrase: &str,
    at: usize,
    named: &Mentions,
) -> Option<Hit> {
    let here = |name: String, via| Hit {
        name,
        via,
        evidence: at..at + phrase.len(),
    };
    match mention.kind {
        MentionKind::Person if mention.name.split_whitespace().count() == 1 => {
            Some(match named.full_name(&mention.name) {
                Some(full) => here(full, SpeakerVia::FullName),
                None => here(mention.name.clone(), SpeakerVia::Named),
            })
        }
        MentionKind::Person | MentionKind::Org => {
            Some(here(mention.name.clone(), SpeakerVia::Named))
        }
        MentionKind::Pronoun => {
            let want = match mention.name.as_str() {
                "it" => Want::Body,
                "they" | "we" => Want::Anyone,
                _ => Want::Person(mention.gender),
            };
            let hit = scene.walk(at, want, named, 0)?;
            Some(here(hit.name, hit.via))
        }
        MentionKind::Role => roles::resolve(scene, mention, phrase, at, named, 0),
    }
}

/// A role as a speaker's name: the words as printed, without a leading article or determiner
/// ("A spokeswoman for the hospital" → "spokeswoman for the hospital").
pub fn role_name(phrase: &str) -> String {
    let mut words = phrase.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        if matches!(
            w.to_lowercase().as_str(),
            "a" | "an" | "the" | "these" | "those" | "this" | "that" | "one"
        ) {
            words.next();
        } else {
            break;
        }
    }
    words
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.'])
        .to_string()
}
