//! The walk back through an article that finds who a pronoun, a definite description or a bare
//! quotation stands for: sentence by sentence from the attribution, the speaker of a quotation
//! printed there (a quote chain), else the sentence's subject, else its latest mention that
//! agrees, at most two paragraphs back.

use super::lexicon::{self, Gender};
use super::mentions::{Mentions, Named};
use super::names::MentionKind;
use super::{Layout, roles};
use crate::model::{Span, SpeakerVia};

/// What a reference can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A person of this gender (or of any, when unknown).
    Person(Gender),
    /// An organisation, or a document that speaks for someone.
    Body,
    /// A person or an organisation.
    Anyone,
}

/// A quotation resolved earlier in the article.
#[derive(Clone, Debug)]
pub struct Said {
    /// Where the quotation starts.
    pub position: usize,
    /// Its speaker.
    pub speaker: String,
    /// Whether the speaker is an organisation.
    pub body: bool,
    /// The words that named the speaker.
    pub evidence: Span,
}

/// What a walk found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The name it resolves to.
    pub name: String,
    /// Which step found it.
    pub via: SpeakerVia,
    /// The words that name it in the text.
    pub evidence: Span,
}

/// Everything a walk reads.
pub struct Scene<'a> {
    /// The article text.
    pub text: &'a str,
    /// Its paragraphs.
    pub paragraphs: &'a [Span],
    /// What extraction handed on.
    pub layout: &'a Layout,
    /// Quotations resolved so far, in text order.
    pub said: Vec<Said>,
}

/// How many of a sentence's mentions a walk weighs, latest first.
const MENTIONS_PER_SENTENCE: usize = 24;

/// How many sentences back a walk goes.
const SENTENCES_BACK: usize = 8;

impl Scene<'_> {
    fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|p| p.end <= pos)
    }

    fn quoted(&self, pos: usize) -> bool {
        let quoted = &self.layout.quoted;
        let i = quoted.partition_point(|q| q.end <= pos);
        quoted.get(i).is_some_and(|q| q.start <= pos)
    }

    /// What a sentence that opens with a pronoun ("She doesn't hesitate.") narrows the walk
    /// to: its subject is the one the walk is already looking for. `None` when the sentence
    /// opens otherwise, or with a quotation.
    fn pronoun_subject(&self, sentence: &Span, want: Want) -> Option<Want> {
        let s = self.text.get(sentence.clone()).unwrap_or("");
        let lead =
            s.trim_start_matches(|c: char| !c.is_alphabetic() && !super::names::is_quote_mark(c));
        if lead.starts_with(super::names::is_quote_mark) {
            return None;
        }
        let first = s
            .split(|c: char| !c.is_alphabetic())
            .find(|w| !w.is_empty() && !matches!(*w, "a" | "m" | "p"))
            .unwrap_or("");
        let gender = lexicon::pronoun_gender(first)?;
        if first.chars().next().is_some_and(char::is_lowercase) || first == "I" {
            return None;
        }
        match (want, gender) {
            (Want::Person(g), Gender::Male | Gender::Female) if compatible(g, gender) => {
                Some(Want::Person(gender))
            }
            (Want::Anyone, Gender::Male | Gender::Female) => Some(Want::Person(gender)),
            (Want::Body | Want::Anyone, Gender::Unknown) if matches!(first, "It" | "They") => {
                Some(want)
            }
            _ => None,
        }
    }

    /// Walks back from `at` for what `want` can stand for.
    pub fn walk(&self, at: usize, want: Want, mentions: &Mentions, depth: usize) -> Option<Hit> {
        let mut want = want;
        let sentences = &self.layout.sentences;
        let last = sentences.partition_point(|s| s.start < at);
        let para = self.paragraph_of(at);
        for si in (0..last).rev().take(SENTENCES_BACK) {
            let Some(sentence) = sentences.get(si) else {
                continue;
            };
            if self.paragraph_of(sentence.start) + 2 < para {
                break;
            }
            if let Some(narrowed) = self.pronoun_subject(sentence, want) {
                want = narrowed;
                continue;
            }
            let range = sentence.start..sentence.end.min(at);
            if let Some(hit) = self.in_sentence(&range, want, mentions, depth) {
                return Some(hit);
            }
        }
        let near = self
            .paragraphs
            .get(para.saturating_sub(2))
            .map_or(0, |p| p.start);
        mentions
            .before(at)
            .take_while(|n| n.position >= near || want != Want::Anyone)
            .filter(|n| !self.quoted(n.position))
            .find_map(|n| self.agrees(n, want, mentions, depth))
            .map(|(name, evidence)| Hit {
                name,
                via: SpeakerVia::NearestMention,
                evidence,
            })
    }

    /// The speaker a sentence offers: a quotation's, its subject, or its latest agreeing
    /// mention.
    fn in_sentence(
        &self,
        range: &Span,
        want: Want,
        mentions: &Mentions,
        depth: usize,
    ) -> Option<Hit> {
        let latest = self.said.partition_point(|q| q.position < range.end);
        if let Some(q) = latest
            .checked_sub(1)
            .and_then(|i| self.said.get(i))
            .filter(|q| q.position >= range.start)
            && self.said_agrees(q, want, mentions)
        {
            return Some(Hit {
                name: q.speaker.clone(),
                via: SpeakerVia::QuoteChain,
                evidence: q.evidence.clone(),
            });
        }
        let from = self.after_lead_in(range);
        let outside = |n: &&Named| !self.quoted(n.position);
        // The subject: the first name of the main clause, else of the lead-in ("When I put
        // that to Paolo Silvestri, …, he laughed").
        let subject = mentions
            .within(from..range.end)
            .find(outside)
            .or_else(|| mentions.within(range.clone()).find(outside))?;
        if let Some((name, evidence)) = self.agrees(subject, want, mentions, depth) {
            return Some(Hit {
                name,
                via: SpeakerVia::PreviousSubject,
                evidence,
            });
        }
        let named: Vec<&Named> = mentions
            .within(subject.position..range.end)
            .rev()
            .filter(outside)
            .take(MENTIONS_PER_SENTENCE)
            .collect();
        named.into_iter().find_map(|n| {
            let (name, evidence) = self.agrees(n, want, mentions, depth)?;
            Some(Hit {
                name,
                via: SpeakerVia::NearestMention,
                evidence,
            })
        })
    }

    /// Where a sentence's main clause starts: after a lead-in phrase set off by a comma
    /// ("Speaking to Radio Ashcombe, …", "Asked about Hollins Cross, …", "In a statement, …"),
    /// whose names are not the subject.
    fn after_lead_in(&self, range: &Span) -> usize {
        // A lead-in is short: look at the sentence's opening only.
        let head_end = range.end.min(range.start + 200);
        let head_end = (head_end..=range.end)
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(range.end);
        let s = self.text.get(range.start..head_end).unwrap_or("");
        let first = s
            .split(|c: char| !c.is_alphabetic())
            .find(|w| w.len() > 1)
            .unwrap_or("");
        let lead = lexicon::is_opener(first)
            || matches!(
                first.to_lowercase().as_str(),
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "under"
                    | "giving"
                    | "visiting"
                    | "commenting"
                    | "sentencing"
                    | "opening"
                    | "with"
                    | "from"
            );
        match s.find(", ") {
            Some(comma) if lead => range.start + comma + 2,
            _ => range.start,
        }
    }

    fn said_agrees(&self, q: &Said, want: Want, mentions: &Mentions) -> bool {
        match want {
            Want::Anyone => true,
            Want::Body => q.body,
            Want::Person(g) => !q.body && compatible(g, mentions.gender_of_name(&q.speaker)),
        }
    }

    /// The name a mention gives when it agrees with `want` (a role resolved to its holder).
    fn agrees(
        &self,
        n: &Named,
        want: Want,
        mentions: &Mentions,
        depth: usize,
    ) -> Option<(String, Span)> {
        let span = n.position..n.end;
        match n.mention.kind {
            MentionKind::Pronoun => None,
            MentionKind::Person => {
                let agrees = match want {
                    Want::Body => false,
                    Want::Person(g) => compatible(g, mentions.gender_of(&n.mention)),
                    Want::Anyone => true,
                };
                // A surname alone stands for the full name the article gives.
                let name = match n.mention.name.contains(' ') {
                    true => n.mention.name.clone(),
                    false => mentions
                        .full_name(&n.mention.name)
                        .unwrap_or_else(|| n.mention.name.clone()),
                };
                agrees.then_some((name, span))
            }
            MentionKind::Org => {
                matches!(want, Want::Body | Want::Anyone).then(|| (n.mention.name.clone(), span))
            }
            MentionKind::Role => {
                if depth > 1 {
                    return None;
                }
                let body = roles::is_body(&n.mention) || roles::is_document_role(&n.mention);
                let fits = match want {
                    Want::Body => body,
                    Want::Person(g) => {
                        !body && roles::is_one_person(&n.mention) && compatible(g, n.mention.gender)
                    }
                    Want::Anyone => true,
                };
                if !fits {
                    return None;
                }
                let phrase = self.text.get(span.clone()).unwrap_or("");
                let hit =
                    roles::resolve(self, &n.mention, phrase, n.position, mentions, depth + 1)?;
                Some((hit.name, span))
            }
        }
    }
}

/// Whether a pronoun's gender and a person's agree.
pub fn compatible(pronoun: Gender, person: Gender) -> bool {
    pronoun == Gender::Unknown || person == Gender::Unknown || pronoun == person
}
