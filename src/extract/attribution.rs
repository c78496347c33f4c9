//! The words around a quotation that say who spoke: "…,” X said", "said X", "X said: “…",
//! "according to X", "— X", and sentences that are nothing but an attribution ("X said." in the
//! next paragraph, or written inside a quotation whose closing mark is missing).
//!
//! The rules read tokens, not a parse: a name phrase is a run of capitalised words, titles,
//! role nouns, connectors ("of", "the") and comma-set appositives next to a speech verb.

use crate::model::Span;
use crate::speakers::lexicon;
use crate::speakers::names::{self, Mention};
use regex::Regex;
use std::sync::LazyLock;

/// An attribution found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The name phrase as written.
    pub phrase: Span,
    /// What the phrase names.
    pub mention: Mention,
}

#[derive(Clone, Debug)]
struct Tok {
    span: Span,
    word: bool,
}

static TOKEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{N}'’\-]*\.?|\p{N}[\p{N},.]*\p{N}|\p{N}|\S").ok()
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
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word can be part of a name phrase.
fn nameish(w: &str) -> bool {
    is_cap(w)
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
    if !t.word || lexicon::is_speech_verb(w) || w.chars().any(|c| !c.is_alphabetic() && c != '-') {
        return false;
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
    let mut j = i;
    while let Some(t) = toks.get(j) {
        let w = text_of(text, t);
        if t.word && (nameish(w) || modifies_role(text, toks, j)) {
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

/// Collects a name phrase backwards ending just before token `end`; returns its first index.
fn phrase_backward(text: &str, toks: &[Tok], end: usize) -> usize {
    let mut i = end;
    while i > 0 {
        let t = &toks[i - 1];
        let w = text_of(text, t);
        if t.word && (nameish(w) || modifies_role(text, toks, i - 1)) {
            i -= 1;
            continue;
        }
        if w == "," {
            // ", a spokeswoman for the ministry," before the verb: skip the appositive
            let before = &toks[..i - 1];
            if let Some(k) = before.iter().rposition(|t| text_of(text, t) == ",") {
                let chunk = &toks[k + 1..i - 1];
                let starts_with_article = chunk.first().is_some_and(|t| {
                    matches!(text_of(text, t).to_lowercase().as_str(), "a" | "an" | "the")
                });
                // ", 54," — an age
                let age = chunk.len() == 1
                    && chunk
                        .iter()
                        .all(|t| text_of(text, t).chars().all(|c| c.is_ascii_digit()));
                if chunk.len() <= 8 && (starts_with_article || age) {
                    i = k;
                    continue;
                }
            }
        }
        break;
    }
    // Leading lower-case words other than articles and roles do not start a name.
    while i < end
        && toks.get(i).is_some_and(|t| {
            let w = text_of(text, t);
            !is_cap(w) && matches!(w.to_lowercase().as_str(), "of" | "and" | "for")
        })
    {
        i += 1;
    }
    i
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
    toks.get(i)
        .is_some_and(|t| t.word && lexicon::is_speech_verb(text_of(text, t)))
}

/// "X said" at the start of `toks`: the phrase, and the index of the verb.
fn phrase_then_verb(text: &str, toks: &[Tok]) -> Option<(Found, usize)> {
    let end = phrase_forward(text, toks, 0);
    let mut v = end;
    while toks.get(v).is_some_and(|t| is_adverb(text_of(text, t))) && v < end + 2 {
        v += 1;
    }
    if !is_verb_at(text, toks, v) {
        // "X, quoted in…": the verb right after a closing comma
        if toks.get(end).is_some_and(|t| text_of(text, t) == ",") && is_verb_at(text, toks, end + 1)
        {
            v = end + 1;
        } else {
            return None;
        }
    }
    Some((found(text, toks, 0, end)?, v))
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
    let verb = (0..toks.len())
        .rev()
        .find(|&k| is_verb_at(text, &toks, k))?;
    let mut end = verb;
    while end > 0 && is_adverb(text_of(text, &toks[end - 1])) {
        end -= 1;
    }
    let start = phrase_backward(text, &toks, end);
    found(text, &toks, start, end)
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
        rest.len() <= 6 && !rest.iter().any(|w| w.eq_ignore_ascii_case("that"))
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
    words_after(verb + 1).then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(s: &str) -> Option<String> {
        after_quote(s, 0..s.len()).map(|f| f.mention.name)
    }
    fn before(s: &str) -> Option<String> {
        before_quote(s, 0..s.len()).map(|f| f.mention.name)
    }
    fn alone(s: &str) -> Option<String> {
        standalone(s, 0..s.len()).map(|f| f.mention.name)
    }

    #[test]
    fn name_then_verb_after_quote() {
        assert_eq!(after(", Mayor Ana Ruiz said."), Some("Ana Ruiz".into()));
        assert_eq!(after(", he added."), Some("he".into()));
        assert_eq!(
            after(" the ministry said in a statement."),
            Some("ministry".into())
        );
    }

    #[test]
    fn verb_then_name_after_quote() {
        assert_eq!(
            after(", said a Harbour Board spokesman, Tom Alvarez, in a phone call."),
            Some("Tom Alvarez".into())
        );
        assert_eq!(
            after(", said the Port Authority’s Office of Safety Control (OSC)."),
            Some("Port Authority’s Office of Safety Control".into())
        );
    }

    #[test]
    fn lower_case_words_before_a_role() {
        assert_eq!(
            after(", said opposition leader Rui Matos."),
            Some("Rui Matos".into())
        );
        assert_eq!(
            before("Opposition party leader Rui Matos said: "),
            Some("Rui Matos".into())
        );
    }

    #[test]
    fn french_and_spanish_attributions() {
        assert_eq!(
            after(", a déclaré la maire Clara Mendes mardi."),
            Some("Clara Mendes".into())
        );
        assert_eq!(
            after(", dijo la alcaldesa Clara Mendes."),
            Some("Clara Mendes".into())
        );
        assert_eq!(
            before("Selon le ministère des Transports, la ligne "),
            Some("ministère des Transports".into())
        );
    }

    #[test]
    fn told_reporters_and_dash() {
        assert_eq!(
            after(" Dr. Lena Brandt told reporters."),
            Some("Lena Brandt".into())
        );
        assert_eq!(after(" — Paul Marsh"), Some("Paul Marsh".into()));
    }

    #[test]
    fn according_to() {
        assert_eq!(
            before("According to the Health Ministry, the city "),
            Some("Health Ministry".into())
        );
        assert_eq!(
            after(", according to Paul Marsh."),
            Some("Paul Marsh".into())
        );
    }

    #[test]
    fn speaker_before_quote() {
        assert_eq!(
            before("Finance Minister Jane Holt said: "),
            Some("Jane Holt".into())
        );
        assert_eq!(
            before("Port spokesman Gen. Ed Varga said later Friday that the port has "),
            Some("Ed Varga".into())
        );
        assert_eq!(
            before("Last week, the Harbour Council said the plan was "),
            Some("Harbour Council".into())
        );
    }

    #[test]
    fn appositive_before_verb() {
        assert_eq!(
            before("Lena Brandt, a spokeswoman for the board, said "),
            Some("Lena Brandt".into())
        );
    }

    #[test]
    fn age_appositive_before_verb() {
        assert_eq!(
            before("Holt, 54, later told a radio station that she was "),
            Some("Holt".into())
        );
    }

    #[test]
    fn standalone_attribution() {
        assert_eq!(
            alone("City Water Board spokesman Tom Alvarez said."),
            Some("Tom Alvarez".into())
        );
        assert_eq!(
            alone("the Transport Department announced."),
            Some("Transport Department".into())
        );
        assert_eq!(
            alone("Finance Minister Jane Holt said in a statement."),
            Some("Jane Holt".into())
        );
        assert_eq!(
            alone("Deputy Mayor Jane Holt, quoted in the statement."),
            Some("Jane Holt".into())
        );
        assert_eq!(
            alone("Jane Holt said that prices would rise next year."),
            None
        );
        assert_eq!(alone("The weather was cold."), None);
    }
}
