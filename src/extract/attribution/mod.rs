//! The words around a quotation that say who spoke: "…,” X said", "said X", "X said: “…",
//! "according to X", "— X", and sentences that are nothing but an attribution ("X said." in the
//! next paragraph, or written inside a quotation whose closing mark is missing).
//!
//! The rules read tokens, not a parse: a name phrase is a run of capitalised words, titles,
//! role nouns, connectors ("of", "the") and comma-set appositives next to a speech verb.

use crate::model::Span;
use crate::speakers::lexicon;
use crate::speakers::names::{self, MentionKind};

pub use crate::speakers::Found;
pub use sentence::{pointing_back, speech_subjects, standalone};

mod phrase;
mod sentence;

use phrase::{phrase_backward, phrase_forward, phrase_forward_to};

#[derive(Clone, Debug)]
struct Tok {
    span: Span,
    word: bool,
}

/// One token: an initialism, a number-word compound, a word (with an abbreviation's dot), a
/// number, or any other mark. The pattern [`token_end`] scans for by hand; the tests hold the
/// two to the same matches.
#[cfg(test)]
const TOKEN_PATTERN: &str = r"(?:\p{Lu}\.){2,}|\p{N}+-\p{L}[\p{L}\-]*|\p{L}[\p{L}\p{N}'’\-]*\.?|\p{N}[\p{N},.]*\p{N}|\p{N}|\S";

/// Where the token starting at byte `i` of `s` (not a space) ends, the first of these that
/// fits: two or more capitals each with a period ("U.S."); digits, a hyphen and a word
/// ("30-year"); a word of letters, digits, apostrophes and hyphens with its period; digits
/// with commas and periods between ("4,500.50"); one digit; any one character.
fn token_end(s: &str, i: usize) -> usize {
    use crate::chars::{is_letter, is_number, is_upper};
    let tail = s.get(i..).unwrap_or_default();
    let Some(first) = tail.chars().next() else {
        return i;
    };
    let after = |n: usize| tail.get(n..).unwrap_or_default();
    let run = |n: usize, keep: &dyn Fn(char) -> bool| {
        let rest = after(n);
        n + rest.find(|c: char| !keep(c)).unwrap_or(rest.len())
    };
    // Capitals with periods.
    let mut n = 0;
    let mut pairs = 0;
    while let Some(c) = after(n).chars().next().filter(|&c| is_upper(c)) {
        if !after(n + c.len_utf8()).starts_with('.') {
            break;
        }
        n += c.len_utf8() + 1;
        pairs += 1;
    }
    if pairs >= 2 {
        return i + n;
    }
    if is_number(first) {
        // Digits, a hyphen, a word.
        let digits = run(0, &is_number);
        if let Some(rest) = after(digits).strip_prefix('-')
            && let Some(letter) = rest.chars().next().filter(|&c| is_letter(c))
        {
            return i + run(digits + 1 + letter.len_utf8(), &|c| {
                is_letter(c) || c == '-'
            });
        }
        // A number with separators, ending on a digit.
        let mut last = 0;
        let mut n = first.len_utf8();
        for c in after(n).chars() {
            if is_number(c) {
                n += c.len_utf8();
                last = n;
            } else if matches!(c, ',' | '.') {
                n += 1;
            } else {
                break;
            }
        }
        return i + last.max(first.len_utf8());
    }
    if is_letter(first) {
        let word = |c: char| is_letter(c) || is_number(c) || matches!(c, '\'' | '’' | '-');
        let end = run(first.len_utf8(), &word);
        return i + end + usize::from(after(end).starts_with('.'));
    }
    i + first.len_utf8()
}

/// Every token of `s`: its start and end.
fn token_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let tail = s.get(from..)?;
        let start = from + tail.find(|c: char| !crate::chars::is_space(c))?;
        from = token_end(s, start);
        Some((start, from))
    })
}

fn tokens(text: &str, range: Span) -> Vec<Tok> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (from, to) in token_spans(s) {
        let w = &s[from..to];
        let word = w.chars().next().is_some_and(char::is_alphanumeric);
        // A final period belongs to the word only for abbreviations and titles.
        if word && w.ends_with('.') && w.len() > 1 {
            let stem = &w[..w.len() - 1];
            let keep = lexicon::is_title(stem) || stem.chars().count() == 1 || stem.contains('.');
            if !keep {
                let a = range.start + from;
                out.push(Tok {
                    span: a..a + stem.len(),
                    word: true,
                });
                out.push(Tok {
                    span: a + stem.len()..a + w.len(),
                    word: false,
                });
                continue;
            }
        }
        out.push(Tok {
            span: range.start + from..range.start + to,
            word,
        });
    }
    out
}

fn text_of<'a>(text: &'a str, t: &Tok) -> &'a str {
    text.get(t.span.clone()).unwrap_or("")
}

fn is_cap(w: &str) -> bool {
    lexicon::is_name_cap(w)
}

/// Whether a word can be part of a name phrase.
fn nameish(w: &str) -> bool {
    is_cap(w)
        || w.ends_with("year-old")
        || lexicon::is_name_particle(w)
        || lexicon::is_title(w)
        || lexicon::is_org_word(w)
        || lexicon::is_role_noun(w)
        || lexicon::pronoun_gender(w).is_some()
        || matches!(
            w.to_lowercase().as_str(),
            "of" | "the"
                | "a"
                | "an"
                | "for"
                | "and"
                | "de"
                | "del"
                | "la"
                | "le"
                | "les"
                | "des"
                | "du"
                | "el"
                | "los"
                | "las"
                | "von"
                | "van"
                | "its"
                | "senior"
                | "former"
                | "deputy"
                | "chief"
                | "top"
                | "foreign"
                | "press"
        )
}

/// A lower-case word that describes the role right after it: "opposition leader", "senior
/// health official".
fn modifies_role(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let w = text_of(text, t);
    if !t.word
        || lexicon::is_speech_verb(w)
        || w.chars()
            .any(|c| !c.is_alphanumeric() && !matches!(c, '-' | '\'' | '’'))
    {
        return false;
    }
    // "hydrologist Joost van der Linde", "midfielder Tolu Abiodun": a lower-case noun right
    // before a capitalised name describes the person.
    let before_name = toks.get(i + 1).is_some_and(|n| {
        let nw = text_of(text, n);
        n.word && is_cap(nw) && !lexicon::is_not_a_name(nw) && !lexicon::is_opener(nw)
    });
    if before_name
        && !crate::normalize::is_stop_word(&w.to_lowercase())
        && !is_auxiliary(w)
        && !is_adverb(w)
        && w.chars().next().is_some_and(char::is_lowercase)
    {
        return true;
    }
    toks.get(i + 1..(i + 3).min(toks.len()))
        .unwrap_or(&[])
        .iter()
        .take_while(|n| n.word)
        .any(|n| {
            let nw = text_of(text, n);
            lexicon::is_title(nw) || lexicon::is_role_noun(nw)
        })
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "has" | "had" | "have" | "a" | "ont" | "avait" | "ha" | "han" | "había" | "hat"
    )
}

/// "was told", "is asked": the subject did not speak.
fn is_passive(text: &str, toks: &[Tok], verb: usize) -> bool {
    let w = toks.get(verb).map(|t| text_of(text, t).to_lowercase());
    if !matches!(
        w.as_deref(),
        Some("told" | "asked" | "tells" | "informed" | "warned" | "urged")
    ) {
        return false;
    }
    toks[verb.saturating_sub(3)..verb].iter().any(|t| {
        matches!(
            text_of(text, t).to_lowercase().as_str(),
            "is" | "was" | "were" | "are" | "be" | "been" | "being" | "get" | "got"
        )
    })
}

/// Adverbs allowed between a name and its verb ("X also said", "X later told").
fn is_adverb(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "also"
            | "later"
            | "then"
            | "further"
            | "again"
            | "previously"
            | "earlier"
            | "has"
            | "had"
            | "have"
            | "was"
            | "is"
            | "once"
            | "still"
            | "separately"
            | "reportedly"
    )
}

fn found(text: &str, toks: &[Tok], from: usize, to: usize) -> Option<Found> {
    if from >= to {
        return None;
    }
    let span = toks.get(from)?.span.start..toks.get(to - 1)?.span.end;
    let mention = names::parse_phrase(text.get(span.clone())?)?;
    Some(Found {
        phrase: span,
        mention,
    })
}

fn is_verb_at(text: &str, toks: &[Tok], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.word
            && (lexicon::is_speech_verb(text_of(text, t))
                || toks
                    .get(i + 1)
                    .is_some_and(|n| lexicon::is_speech_phrase(text_of(text, t), text_of(text, n))))
    })
}

/// "X said" at the start of `toks`: the phrase, and the index of the verb.
fn phrase_then_verb(text: &str, toks: &[Tok]) -> Option<(Found, usize)> {
    let end = phrase_forward(text, toks, 0);
    let mut v = end;
    while toks.get(v).is_some_and(|t| is_adverb(text_of(text, t))) && v < end + 2 {
        v += 1;
    }
    if is_passive(text, toks, v) {
        return None;
    }
    if !is_verb_at(text, toks, v) {
        v = verb_after_appositive(text, toks, end)?;
    }
    Some((found(text, toks, 0, end)?, v))
}

/// "X, quoted in…" or "X, who chairs the board, said": the verb after a comma, or after a
/// short clause set off by commas. Returns the verb's index.
fn verb_after_appositive(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let mut comma = end;
    // Up to two clauses: "Ana Ruiz, 45, a nurse at the hospital, said".
    for _ in 0..3 {
        if toks.get(comma).is_none_or(|t| text_of(text, t) != ",") {
            return None;
        }
        let mut v = comma + 1;
        while toks.get(v).is_some_and(|t| is_adverb(text_of(text, t))) && v < comma + 3 {
            v += 1;
        }
        if is_verb_at(text, toks, v) {
            return Some(v);
        }
        let close = toks
            .iter()
            .enumerate()
            .skip(comma + 1)
            .take(13)
            .find(|(_, t)| text_of(text, t) == ",")
            .map(|(k, _)| k)?;
        let clause = toks.get(comma + 1..close)?;
        if clause.iter().any(|t| {
            is_quote_mark(text_of(text, t)) || is_verb_at(text, std::slice::from_ref(t), 0)
        }) {
            return None;
        }
        comma = close;
    }
    None
}

fn is_quote_mark(w: &str) -> bool {
    matches!(
        w,
        "“" | "”" | "\"" | "«" | "»" | "„" | "‘" | "’" | "‚" | "'"
    )
}

/// The attribution after a closing mark: `text[range]` runs to the end of the sentence.
pub fn after_quote(text: &str, range: Span) -> Option<Found> {
    let toks = tokens(text, range);
    let mut i = 0;
    let mut dash = false;
    while let Some(t) = toks.get(i) {
        let w = text_of(text, t);
        if t.word {
            break;
        }
        dash |= matches!(w, "—" | "–" | "-");
        i += 1;
    }
    let mut rest = toks.get(i..)?;
    // An auxiliary before the verb: "has said", "a déclaré", "ha dicho".
    if rest.first().is_some_and(|t| is_auxiliary(text_of(text, t))) && is_verb_at(text, rest, 1) {
        rest = &rest[1..];
    }
    if is_verb_at(text, rest, 0) {
        let end = phrase_forward(text, rest, 1);
        return found(text, rest, 1, end);
    }
    if let Some(f) = according_to(text, rest, true) {
        return Some(f);
    }
    if let Some((f, _)) = phrase_then_verb(text, rest) {
        return Some(f);
    }
    if dash {
        let end = phrase_forward(text, rest, 0);
        return found(text, rest, 0, end);
    }
    // Past a stray mark or a clause: ", said X" later in the sentence.
    let verb = (1..rest.len()).find(|&k| {
        is_verb_at(text, rest, k)
            && rest
                .get(k - 1)
                .is_some_and(|t| matches!(text_of(text, t), "," | "”" | "\"" | "»" | "’"))
    })?;
    let end = phrase_forward(text, rest, verb + 1);
    found(text, rest, verb + 1, end)
}

fn according_to(text: &str, toks: &[Tok], end_closes: bool) -> Option<Found> {
    let (pos, len) = (0..toks.len()).find_map(|k| {
        let w = text_of(text, &toks[k]).to_lowercase();
        let next = toks.get(k + 1).map(|t| text_of(text, t).to_lowercase());
        match (w.as_str(), next.as_deref()) {
            ("according", Some("to")) => Some((k, 2)),
            ("selon" | "según" | "laut" | "secondo", _) => Some((k, 1)),
            _ => None,
        }
    })?;
    let end = phrase_forward_to(text, toks, pos + len, end_closes);
    found(text, toks, pos + len, end)
}

/// The attribution before an opening mark: `text[range]` runs from the start of the sentence.
pub fn before_quote(text: &str, range: Span) -> Option<Found> {
    let toks = tokens(text, range);
    if let Some(f) = according_to(text, &toks, false) {
        return Some(f);
    }
    let frames = |k: usize| {
        toks.len() - k <= 8
            && toks
                .get(k)
                .is_some_and(|t| t.word && lexicon::is_framing_verb(text_of(text, t)))
    };
    let Some(verb) = (0..toks.len())
        .rev()
        .find(|&k| (is_verb_at(text, &toks, k) || frames(k)) && !is_passive(text, &toks, k))
    else {
        // "Ms Holt was blunt: “…”": a colon introduces the speaker who opens the sentence.
        let colon = toks.last().is_some_and(|t| text_of(text, t) == ":");
        let subject_end = phrase_forward_to(text, &toks, 0, false);
        if colon && subject_end > 0 && toks.len() - subject_end <= 8 {
            let f = found(text, &toks, 0, subject_end)?;
            // "The board's written statement was shorter: “…”": a document speaks for whoever
            // issued it.
            let document = f.mention.kind == MentionKind::Role
                && f.mention
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(lexicon::is_document);
            let speaks = matches!(f.mention.kind, MentionKind::Person | MentionKind::Org);
            return (speaks || document).then_some(f);
        }
        return None;
    };
    // The verb must govern the quotation: close to it, or introducing it ("said that…", "said:").
    let introduces = toks[verb..].iter().any(|t| {
        matches!(
            text_of(text, t).to_lowercase().as_str(),
            "that" | ":" | "que" | "dass"
        )
    });
    if toks.len() - verb > 15 && !introduces {
        return None;
    }
    let mut end = verb;
    while end > 0 && is_adverb(text_of(text, &toks[end - 1])) {
        end -= 1;
    }
    let phrase = phrase_backward(text, &toks, end);
    if let Some(f) = found(text, &toks, phrase.start, phrase.end) {
        return Some(f);
    }
    // "Jane Holt for her part promised…": the name that opens the clause, a few words before.
    let subject_end = phrase_forward_to(text, &toks, 0, false);
    if subject_end > 0 && end.saturating_sub(subject_end) <= 5 {
        let f = found(text, &toks, 0, subject_end)?;
        return matches!(f.mention.kind, MentionKind::Person | MentionKind::Org).then_some(f);
    }
    None
}

#[cfg(test)]
mod tests;
