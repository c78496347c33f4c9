//! The words around a quotation that say who spoke: "…,” X said", "said X", "X said: “…",
//! "according to X", "— X", and sentences that are nothing but an attribution ("X said." in the
//! next paragraph, or written inside a quotation whose closing mark is missing).
//!
//! The rules read tokens, not a parse: a name phrase is a run of capitalised words, titles,
//! role nouns, connectors ("of", "the") and comma-set appositives next to a speech verb.

use crate::model::Span;
use crate::speakers::lexicon;
use crate::speakers::names::{self, MentionKind};
use regex::Regex;
use std::sync::LazyLock;

pub use crate::speakers::Found;

#[derive(Clone, Debug)]
struct Tok {
    span: Span,
    word: bool,
}

static TOKEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:\p{Lu}\.){2,}|\p{N}+-\p{L}[\p{L}\-]*|\p{L}[\p{L}\p{N}'’\-]*\.?|\p{N}[\p{N},.]*\p{N}|\p{N}|\S").ok()
});

fn tokens(text: &str, range: Span) -> Vec<Tok> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let Some(re) = TOKEN.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in re.find_iter(s) {
        let w = m.as_str();
        let word = w.chars().next().is_some_and(char::is_alphanumeric);
        // A final period belongs to the word only for abbreviations and titles.
        if word && w.ends_with('.') && w.len() > 1 {
            let stem = &w[..w.len() - 1];
            let keep = lexicon::is_title(stem) || stem.chars().count() == 1 || stem.contains('.');
            if !keep {
                let a = range.start + m.start();
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
            span: range.start + m.start()..range.start + m.end(),
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

/// Collects a name phrase forwards from token `i`; returns the index past it.
fn phrase_forward(text: &str, toks: &[Tok], i: usize) -> usize {
    phrase_forward_to(text, toks, i, true)
}

/// Like [`phrase_forward`]; `end_closes` says whether the end of `toks` closes an appositive
/// (it does at the end of a sentence, not before an opening quotation mark).
fn phrase_forward_to(text: &str, toks: &[Tok], i: usize, end_closes: bool) -> usize {
    // A description runs on into an appositive or a complement like any name phrase.
    let mut j = definite_description(text, toks, i).unwrap_or(i);
    while let Some(t) = toks.get(j) {
        let w = text_of(text, t);
        if t.word && (nameish(w) || modifies_role(text, toks, j)) {
            j += 1;
            continue;
        }
        // "a statement from the ministry", "a spokeswoman for the Harbour Board"
        if t.word
            && matches!(w.to_lowercase().as_str(), "from" | "at" | "with")
            && j > i
            && toks
                .get(j - 1)
                .is_some_and(|p| lexicon::is_role_noun(text_of(text, p)))
            && toks.get(j + 1).is_some_and(|n| nameish(text_of(text, n)))
        {
            j += 1;
            continue;
        }
        if w == "(" {
            // an acronym in brackets: (OSC)
            if let Some(close) = toks[j..].iter().position(|t| text_of(text, t) == ")")
                && close <= 4
            {
                j += close + 1;
                continue;
            }
        }
        if w == "," && j > i {
            // an appositive: ", John Smith," or ", a spokeswoman for the ministry,"
            let rest = &toks[j + 1..];
            let len = rest
                .iter()
                .take(8)
                .take_while(|t| text_of(text, t) != ",")
                .count();
            let chunk: Vec<&str> = rest.iter().take(len).map(|t| text_of(text, t)).collect();
            // The appositive must close: a comma, a period or the end after it.
            let closes = rest.get(len).map_or(end_closes, |t| {
                matches!(text_of(text, t), "," | "." | ";" | "!" | "?")
            });
            if closes
                && !chunk.is_empty()
                && chunk.iter().all(|w| nameish(w))
                && chunk.iter().any(|w| is_cap(w) || lexicon::is_role_noun(w))
            {
                j += 1 + len;
                continue;
            }
        }
        break;
    }
    // Drop trailing connectors.
    while j > i
        && toks.get(j - 1).is_some_and(|t| {
            let w = text_of(text, t).to_lowercase();
            matches!(
                w.as_str(),
                "of" | "the"
                    | "a"
                    | "an"
                    | "for"
                    | "and"
                    | ","
                    | "de"
                    | "la"
                    | "le"
                    | "les"
                    | "des"
                    | "du"
                    | "el"
                    | "los"
                    | "las"
                    | "del"
            )
        })
    {
        j -= 1;
    }
    j
}

/// "the rookie defender", "the 39-year-old founder", "his campaign manager": a determiner and
/// up to four lower-case words ending in a noun for a person. Returns the index past it.
fn definite_description(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let first = text_of(text, toks.get(i)?).to_lowercase();
    if !matches!(first.as_str(), "the" | "his" | "her" | "their" | "its") {
        return None;
    }
    let mut j = i + 1;
    while j < toks.len() && j <= i + 4 {
        let t = &toks[j];
        let w = text_of(text, t);
        if !t.word || is_cap(w) || lexicon::is_speech_verb(w) || is_stop(w) {
            break;
        }
        j += 1;
    }
    let last = text_of(text, toks.get(j.checked_sub(1)?)?);
    (j > i + 1 && lexicon::is_person_noun(last)).then_some(j)
}

fn is_stop(w: &str) -> bool {
    crate::normalize::is_stop_word(&w.to_lowercase())
}

/// Collects a name phrase backwards ending just before token `end`; returns its first index.
fn phrase_backward(text: &str, toks: &[Tok], end: usize) -> Span {
    let mut i = end;
    let mut skipped = false;
    while i > 0 {
        let t = &toks[i - 1];
        let w = text_of(text, t);
        let joins_role = matches!(w.to_lowercase().as_str(), "in" | "at" | "from" | "with")
            && i >= 2
            && toks
                .get(i - 2)
                .is_some_and(|p| lexicon::is_role_noun(text_of(text, p)));
        if t.word && (nameish(w) || modifies_role(text, toks, i - 1) || joins_role) {
            i -= 1;
            continue;
        }
        if w == "," {
            let c = i - 1;
            if let Some(k) = toks[..c].iter().rposition(|t| text_of(text, t) == ",") {
                let chunk = &toks[k + 1..c];
                // "The head of the union, Dana Ruiz, said": the name set off is the speaker.
                if c + 1 == end && is_name_chunk(text, chunk) {
                    return k + 1..c;
                }
                if appositive_chunk(text, toks, k, chunk) {
                    i = k + 1;
                    skipped = true;
                    continue;
                }
            }
            if skipped {
                // This comma opened the appositive just skipped: the name is before it.
                i = c;
                skipped = false;
                continue;
            }
        }
        break;
    }
    // Leading lower-case words other than articles and roles do not start a name.
    while i < end
        && toks.get(i).is_some_and(|t| {
            let w = text_of(text, t);
            !is_cap(w)
                && matches!(
                    w.to_lowercase().as_str(),
                    "of" | "and" | "for" | "in" | "at"
                )
        })
    {
        i += 1;
    }
    i..end
}

/// A chunk between commas that is a person's name: two to four capitalised words.
fn is_name_chunk(text: &str, chunk: &[Tok]) -> bool {
    (2..=4).contains(&chunk.len())
        && chunk.iter().all(|t| {
            let w = text_of(text, t);
            t.word && is_cap(w) && !lexicon::is_not_a_name(w) && !lexicon::is_org_word(w)
        })
}

/// Whether `chunk`, set off by the comma at `k` and another after it, is an appositive that a
/// name phrase may carry: ", a spokeswoman for the board,", ", 54,", ", who chairs the board,".
fn appositive_chunk(text: &str, toks: &[Tok], k: usize, chunk: &[Tok]) -> bool {
    if chunk.is_empty() {
        return false;
    }
    let starts_with_article = chunk
        .first()
        .is_some_and(|t| matches!(text_of(text, t).to_lowercase().as_str(), "a" | "an" | "the"));
    let age = chunk.len() == 1
        && chunk
            .iter()
            .all(|t| text_of(text, t).chars().all(|c| c.is_ascii_digit()));
    // A relative clause may hold a speech verb of its own ("who spoke on condition of
    // anonymity"); any other clause with one is a sentence of its own.
    let relative = chunk
        .first()
        .is_some_and(|t| matches!(text_of(text, t).to_lowercase().as_str(), "who" | "whose"));
    let clause = chunk.len() <= 18
        && !chunk.iter().any(|t| {
            (!relative && is_verb_at(text, std::slice::from_ref(t), 0))
                || is_quote_mark(text_of(text, t))
        })
        && k > 0
        && toks
            .get(k - 1)
            .is_some_and(|t| t.word && nameish(text_of(text, t)));
    (chunk.len() <= 8 && (starts_with_article || age)) || clause
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
            return matches!(f.mention.kind, MentionKind::Person | MentionKind::Org).then_some(f);
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

/// Every speaker phrase of a speech verb in `sentences` ("X said…", "X told…") whose verb is
/// outside the `quoted` spans (sorted): the people and bodies the article has speak, quoted or
/// not, for pronouns and roles to refer back to.
pub fn speech_subjects(text: &str, sentences: &[Span], quoted: &[Span]) -> Vec<Found> {
    let mut out = Vec::new();
    for sentence in sentences {
        let toks = tokens(text, sentence.clone());
        for k in 0..toks.len() {
            if !is_verb_at(text, &toks, k) || is_passive(text, &toks, k) {
                continue;
            }
            let at = toks[k].span.start;
            let i = quoted.partition_point(|q| q.end <= at);
            if quoted.get(i).is_some_and(|q| q.start <= at) {
                continue;
            }
            let mut end = k;
            while end > 0 && is_adverb(text_of(text, &toks[end - 1])) {
                end -= 1;
            }
            let phrase = phrase_backward(text, &toks, end);
            if let Some(f) = found(text, &toks, phrase.start, phrase.end) {
                out.push(f);
            }
        }
    }
    out
}

/// A sentence that points back at the quotation before it and names its speaker: "That was
/// how Jane Holt put it", "Those were the words of the mayor, Ana Ruiz", "So said X".
pub fn pointing_back(text: &str, range: Span) -> Option<Found> {
    let toks = tokens(text, range);
    let words: Vec<String> = toks
        .iter()
        .take(6)
        .map(|t| text_of(text, t).to_lowercase())
        .collect();
    let opener = matches!(
        (
            words.first().map(String::as_str),
            words.get(1).map(String::as_str)
        ),
        (
            Some("that" | "this" | "those" | "these" | "such"),
            Some("was" | "were" | "is" | "are")
        ) | (Some("so"), Some("said" | "says"))
    );
    if !opener {
        return None;
    }
    // The first name phrase after the opener ("how", "what", "the words of" skipped).
    // Right after the opener, or after "how" / "what" / "the words of".
    let mut k = 2;
    if matches!(words.get(2).map(String::as_str), Some("how" | "what")) {
        k = 3;
    } else if words.get(2).map(String::as_str) == Some("the")
        && words.get(4).map(String::as_str) == Some("of")
    {
        k = 5;
    }
    while toks.get(k).is_some_and(|t| {
        let w = text_of(text, t);
        !is_cap(w) && (lexicon::is_title(w) || lexicon::is_role_noun(w) || matches!(w, "the" | "a"))
    }) {
        k += 1;
    }
    let w = text_of(text, toks.get(k)?);
    if !is_cap(w) || lexicon::is_not_a_name(w) {
        return None;
    }
    let mut start = k;
    while start > 2
        && toks.get(start - 1).is_some_and(|t| {
            lexicon::is_title(text_of(text, t)) || lexicon::is_role_noun(text_of(text, t))
        })
    {
        start -= 1;
    }
    let end = phrase_forward(text, &toks, start);
    let f = found(text, &toks, start, end)?;
    (f.mention.kind == MentionKind::Person).then_some(f)
}

/// A sentence that is nothing but an attribution: "The ministry said." or "X said in a
/// statement." (at most six words after the verb, none of them "that").
pub fn standalone(text: &str, range: Span) -> Option<Found> {
    let toks = tokens(text, range);
    if toks.iter().any(|t| "“”\"«»„".contains(text_of(text, t))) {
        return None;
    }
    let words_after = |from: usize| {
        let rest: Vec<&str> = toks[from..]
            .iter()
            .filter(|t| t.word)
            .map(|t| text_of(text, t))
            .collect();
        // What follows the verb is a circumstance ("in a statement", "on Monday", "to
        // reporters"), never a clause or an object ("told us when…").
        // "agreed to pay for…" is a clause, "said to reporters" a circumstance.
        let infinitive = rest.first().is_some_and(|w| w.eq_ignore_ascii_case("to"))
            && rest.get(1).is_some_and(|w| {
                !is_cap(w)
                    && !matches!(
                        w.to_lowercase().as_str(),
                        "the" | "a" | "an" | "reporters" | "journalists"
                    )
            });
        let circumstance = !infinitive
            && rest.first().is_none_or(|w| {
                is_cap(w)
                    || matches!(
                        w.to_lowercase().as_str(),
                        "in" | "at"
                            | "on"
                            | "during"
                            | "after"
                            | "before"
                            | "from"
                            | "to"
                            | "by"
                            | "via"
                            | "with"
                            | "over"
                            | "later"
                            | "earlier"
                            | "today"
                            | "yesterday"
                            | "this"
                            | "last"
                            | "reporters"
                            | "journalists"
                            | "a"
                            | "an"
                            | "the"
                            | "again"
                            | "afterwards"
                            | "then"
                            | "late"
                            | "shortly"
                    )
            });
        circumstance
            && rest.len() <= 6
            && !rest.iter().any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "that"
                        | "when"
                        | "what"
                        | "how"
                        | "if"
                        | "whether"
                        | "why"
                        | "us"
                        | "me"
                        | "him"
                        | "them"
                        | "you"
                        | "it"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "will"
                        | "would"
                        | "has"
                        | "have"
                        | "can"
                        | "could"
                        | "should"
                )
            })
    };
    if is_verb_at(text, &toks, 0) {
        let end = phrase_forward(text, &toks, 1);
        return if words_after(end) {
            found(text, &toks, 1, end)
        } else {
            None
        };
    }
    let (f, verb) = phrase_then_verb(text, &toks)?;
    // "The contractor has agreed…" inside a quotation is the quotation's own sentence: only a
    // name or a known role makes a sentence of its own an attribution.
    let known = f.mention.kind != MentionKind::Role
        || f.mention
            .roles
            .iter()
            .any(|r| lexicon::is_role_noun(r) || lexicon::is_title(r) || lexicon::is_org_word(r));
    (known && words_after(verb + 1)).then_some(f)
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
