//! [`Article`] → quotations, each with its attribution as written and its speaker resolved
//! within the article.
//!
//! 1. [`marks`] pairs quotation marks into quoted stretches per paragraph.
//! 2. The words around each stretch ([`attribution`]) name its speaker: after the closing mark,
//!    before the opening mark, or alone in the next paragraph. Stretches of one to three words
//!    with no attribution are scare quotes and are dropped.
//! 3. A stretch is cut at ellipsis splices and into sentences ([`sentences`]); a sentence that
//!    is only an attribution (a closing mark went missing before it) is taken out and names the
//!    speaker of the parts around it.
//! 4. [`crate::speakers::resolve`] turns pronouns, roles and surnames into names; a quotation
//!    with no attribution takes the speaker of the quotation before it.

pub mod attribution;
mod filters;
pub mod marks;
pub mod sentences;

use crate::model::{Article, Quote, QuoteKind, Span, SpeakerEvidence};
use crate::speakers::{self, Attributed, Layout};
use attribution::Found;
use filters::{is_labelled, is_own_sentence, is_subhead, names_a_work_or_slogan, opens_a_clause};
use marks::Quoted;

/// Finds the quotations of `article`. Ids are left empty for the caller to assign.
pub fn extract(article: &Article) -> Vec<Quote> {
    let text = article.text.as_str();
    let quoted = marks::quoted_spans(text, &article.paragraphs);
    let mut found: Vec<Option<Found>> = (0..quoted.len())
        .map(|index| {
            let prev_end = index
                .checked_sub(1)
                .and_then(|i| quoted.get(i))
                .map(|p| p.outer.end);
            find_attribution(article, &quoted[index..], prev_end)
        })
        .collect();
    let passages = passages(&quoted);
    // A quotation over several paragraphs is attributed once, usually at its end or start.
    let mut by_passage: std::collections::HashMap<usize, Found> = std::collections::HashMap::new();
    let mut passage_size: std::collections::HashMap<usize, usize> =
        std::collections::HashMap::new();
    for (k, f) in found.iter().enumerate() {
        *passage_size.entry(passages[k]).or_default() += 1;
        if let Some(f) = f {
            by_passage.entry(passages[k]).or_insert_with(|| f.clone());
        }
    }
    for (index, f) in found.iter_mut().enumerate() {
        if f.is_none() {
            *f = by_passage.get(&passages[index]).cloned();
        }
    }
    let mut items: Vec<(Quote, Attributed)> = Vec::new();
    for (index, (q, found)) in quoted.iter().zip(found).enumerate() {
        let words = text
            .get(q.inner.clone())
            .unwrap_or("")
            .split_whitespace()
            .count();
        let in_passage = passage_size.get(&passages[index]).copied().unwrap_or(0) > 1;
        let sentence = is_own_sentence(text, q);
        if words <= 4 && is_labelled(text, q) {
            continue; // so-called "soft landing", what critics dubbed "a fantasy"
        }
        if names_a_work_or_slogan(text, q) || is_subhead(text, article, q) {
            continue; // the book “The Quiet Crash”, banners reading “Fair Fares Now”
        }
        if q.unclosed && !q.continues && !opens_a_clause(text, q) {
            continue; // a stray mark mid-sentence, not a quotation left open
        }
        if found.is_none() && words <= 3 && !in_passage && !sentence {
            continue; // a scare quote or a title, not a quotation of the story
        }
        items.extend(split_quoted(article, q, passages[index], found));
    }
    let attributed: Vec<Attributed> = items.iter().map(|(_, a)| a.clone()).collect();
    let resolved = speakers::resolve(article, &layout(article, &quoted), &attributed);
    items
        .into_iter()
        .zip(resolved)
        .map(|((mut quote, attributed), resolved)| {
            quote.speaker_evidence = match (&resolved.via, &resolved.evidence) {
                (Some(via), Some(words)) if resolved.speaker.is_some() => {
                    let range = article.original_range(words);
                    Some(SpeakerEvidence {
                        words: article.slice(words).to_string(),
                        start: range.start,
                        end: range.end,
                        via: *via,
                    })
                }
                _ => None,
            };
            quote.speaker = resolved.speaker;
            quote.speaker_as_written = attributed
                .found
                .as_ref()
                .map(|f| article.slice(&f.phrase).to_string());
            quote.attribution = attributed.found.map(|f| f.phrase);
            quote
        })
        .collect()
}

/// What the speaker rules read about the article: its sentences, its quoted stretches and who
/// it has speak outside them.
fn layout(article: &Article, quoted: &[Quoted]) -> Layout {
    let text = article.text.as_str();
    let sentences: Vec<Span> = article
        .paragraphs
        .iter()
        .flat_map(|p| sentences::sentences(text, p.clone()))
        .collect();
    let quoted: Vec<Span> = quoted.iter().map(|q| q.inner.clone()).collect();
    let speech_subjects = attribution::speech_subjects(text, &sentences, &quoted);
    Layout {
        sentences,
        quoted,
        speech_subjects,
    }
}

/// The passage of each quoted stretch: stretches that continue one another over paragraphs
/// share the index of the first.
fn passages(quoted: &[Quoted]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(quoted.len());
    for (i, q) in quoted.iter().enumerate() {
        let previous = i
            .checked_sub(1)
            .and_then(|p| Some((quoted.get(p)?, *out.get(p)?)));
        match previous {
            Some((prev, passage)) if q.continues && prev.unclosed => out.push(passage),
            _ => out.push(i),
        }
    }
    out
}

/// The paragraph range holding `pos`.
fn paragraph_of(article: &Article, paragraph: usize) -> Span {
    article.paragraphs.get(paragraph).cloned().unwrap_or(0..0)
}

/// The attribution of the first quoted stretch of `rest`, from the words around it. Later
/// stretches in the same sentence share an attribution that follows them all
/// ("X “a” and “b,” said Y").
fn find_attribution(article: &Article, rest: &[Quoted], prev_end: Option<usize>) -> Option<Found> {
    let text = article.text.as_str();
    let q = rest.first()?;
    let para = paragraph_of(article, q.paragraph);
    let mut from = q.outer.end;
    // A sentence holds few quotations; look at a handful, so that many marks stay linear.
    for (k, current) in rest.iter().enumerate().take(8) {
        if k > 0 {
            let between = text.get(from..current.outer.start).unwrap_or("");
            if current.paragraph != q.paragraph || ends_sentence(between) {
                break;
            }
            from = current.outer.end;
        }
        let limit = rest
            .get(k + 1)
            .map(|n| n.outer.start)
            .filter(|&n| n < para.end)
            .unwrap_or(para.end);
        if let Some(f) = attribution_after(text, current, from, limit) {
            return Some(f);
        }
    }
    let head_start = sentence_start(text, para.start, q.outer.start)
        .max(prev_end.filter(|&p| p >= para.start).unwrap_or(0));
    if let Some(f) = attribution::before_quote(text, head_start..q.outer.start) {
        return Some(f);
    }
    // The next paragraph, when the quotation ends this one and the next is only an attribution.
    if text
        .get(q.outer.end..para.end)
        .is_some_and(|t| t.trim().is_empty())
        && let Some(next) = article.paragraphs.get(q.paragraph + 1)
    {
        let first = attribution_sentence(text, next.clone());
        return attribution::standalone(text, first.clone())
            .or_else(|| attribution::pointing_back(text, first));
    }
    None
}

/// Whether the text between two quotations holds a sentence end.
fn ends_sentence(between: &str) -> bool {
    let t = between.trim();
    t.contains(['.', '!', '?']) && t.split_whitespace().count() > 3
}

/// The attribution after the closing mark of `q`, in `text[from..limit]`.
fn attribution_after(text: &str, q: &Quoted, from: usize, limit: usize) -> Option<Found> {
    let tail_end = sentence_end(text, from, limit);
    // A quotation that ends its own sentence ("…done.” Next sentence) has no tail, unless the
    // next sentence is nothing but an attribution.
    let inner = text.get(q.inner.clone()).unwrap_or("").trim_end();
    let next_capital = text
        .get(from..limit)
        .and_then(|t| t.trim_start().chars().next())
        .is_some_and(char::is_uppercase);
    if inner.ends_with(['.', '!', '?']) && next_capital {
        return attribution::standalone(text, from..tail_end);
    }
    let after = attribution::after_quote(text, from..tail_end)?;
    // A pronoun followed by a sentence that names the speaker on its own ("X, quoted in…").
    if after.mention.kind == speakers::names::MentionKind::Pronoun {
        let next = sentence_end(text, tail_end, limit);
        if let Some(g) = attribution::standalone(text, tail_end..next)
            && g.mention.kind == speakers::names::MentionKind::Person
        {
            return Some(g);
        }
    }
    Some(after)
}

/// The first sentence of a paragraph.
fn attribution_sentence(text: &str, para: Span) -> Span {
    sentences::sentences(text, para.clone())
        .into_iter()
        .next()
        .unwrap_or(para)
}

/// The offset where the sentence holding `from` ends, at most `limit`.
fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    if from >= limit {
        return limit;
    }
    // Attributions sit close to their quotation: look no further than a long sentence.
    let window = floor_char_boundary(text, (from + WINDOW).min(limit));
    sentences::sentences(text, from..window)
        .first()
        .map_or(window, |s| s.end.min(window))
}

/// How far from a quotation its attribution is looked for, in bytes.
const WINDOW: usize = 600;

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The offset where the sentence holding `pos` starts, at least `floor`.
fn sentence_start(text: &str, floor: usize, pos: usize) -> usize {
    if pos <= floor {
        return floor;
    }
    let floor = floor_char_boundary(text, floor.max(pos.saturating_sub(WINDOW)));
    sentences::sentences(text, floor..pos)
        .last()
        .map_or(floor, |s| s.start)
}

/// Cuts a quoted stretch at splices and sentences; takes out attribution-only sentences.
fn split_quoted(
    article: &Article,
    q: &Quoted,
    passage: usize,
    found: Option<Found>,
) -> Vec<(Quote, Attributed)> {
    let text = article.text.as_str();
    let splices = sentences::splice_parts(text, q.inner.clone());
    let spliced = splices.len() > 1;
    let mut parts: Vec<(Span, bool)> = Vec::new(); // (span, is attribution)
    for part in &splices {
        let mut sents = sentences::sentences(text, part.clone());
        merge_short(text, &mut sents);
        for s in sents {
            let is_attr = attribution::standalone(text, s.clone()).is_some();
            // "…fallen since, Okonjo said." — an attribution closing a sentence inside the
            // quotation (its closing mark went missing).
            match trailing_attribution(text, &s) {
                Some(comma) if !is_attr => {
                    parts.push((s.start..comma, false));
                    parts.push((comma + 1..s.end, true));
                }
                _ => parts.push((s, is_attr)),
            }
        }
    }
    // Attribution sentences inside the quotation name the parts around them.
    let inner_attr: Vec<(usize, Found)> = parts
        .iter()
        .enumerate()
        .filter(|(_, (_, a))| *a)
        .filter_map(|(i, (s, _))| attribution::standalone(text, s.clone()).map(|f| (i, f)))
        .collect();
    let direct = is_direct(text, q);
    let mut out = Vec::new();
    for (i, (span, is_attr)) in parts.iter().enumerate() {
        if *is_attr {
            continue;
        }
        let own = inner_attr
            .iter()
            .find(|(k, _)| *k > i)
            .or_else(|| inner_attr.iter().rev().find(|(k, _)| *k < i))
            .map(|(_, f)| f.clone())
            .or_else(|| found.clone());
        let body = text.get(span.clone()).unwrap_or("");
        let truncated =
            body.starts_with(['…', '.']) || body.ends_with("...") || body.ends_with('…');
        let range = article.original_range(span);
        out.push((
            Quote {
                article_id: article.article_id.clone(),
                text: body.to_string(),
                kind: if direct {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                },
                span: span.clone(),
                start: range.start,
                end: range.end,
                passage,
                spliced,
                truncated,
                ..Quote::default()
            },
            Attributed {
                position: span.start,
                found: own,
            },
        ));
    }
    out
}

/// Where a sentence ends in ", X said." (the offset of that comma), if it does.
fn trailing_attribution(text: &str, sentence: &Span) -> Option<usize> {
    let s = text.get(sentence.clone())?;
    let comma = s.rfind(',')?;
    let rest = sentence.start + comma + 1..sentence.end;
    let words = text.get(rest.clone())?.split_whitespace().count();
    if !(2..=8).contains(&words) || comma == 0 {
        return None;
    }
    let found = attribution::standalone(text, rest)?;
    matches!(
        found.mention.kind,
        speakers::names::MentionKind::Person
            | speakers::names::MentionKind::Org
            | speakers::names::MentionKind::Pronoun
    )
    .then_some(sentence.start + comma)
}

/// Sentences of one or two words are joined to the sentence before them.
fn merge_short(text: &str, sents: &mut Vec<Span>) {
    let mut i = 1;
    while i < sents.len() {
        let words = text
            .get(sents[i].clone())
            .unwrap_or("")
            .split_whitespace()
            .count();
        if words <= 2 {
            let end = sents[i].end;
            sents[i - 1].end = end;
            sents.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A quotation is direct when it stands as a clause of its own: it opens its sentence (or
/// follows an attribution ending in a colon or comma) and starts with a capital.
fn is_direct(text: &str, q: &Quoted) -> bool {
    let inner = text.get(q.inner.clone()).unwrap_or("");
    let starts_capital = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let before = text.get(..q.outer.start).unwrap_or("").trim_end();
    let opens = before.is_empty()
        || before.ends_with([':', ',', '.', '!', '?', '\n', '—', '–'])
        || q.continues;
    starts_capital && (opens || inner.split_whitespace().count() > 12)
}

#[cfg(test)]
pub(crate) mod tests_support {
    use crate::model::Span;

    /// Paragraph ranges of a test text: every non-empty line.
    pub fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                out.push(pos..pos + line.len());
            }
            pos += line.len() + 1;
        }
        out
    }
}

#[cfg(test)]
mod tests;
