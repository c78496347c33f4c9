//! The name phrase next to a speech verb, read forwards ("said Gen. Ana Ruiz, the commander")
//! or backwards ("The head of the union, Dana Ruiz, said"), with its appositives, its
//! descriptions ("the rookie defender") and the commas that set them off.

use super::*;

/// Collects a name phrase forwards from token `i`; returns the index past it.
pub(super) fn phrase_forward(text: &str, toks: &[Tok], i: usize) -> usize {
    phrase_forward_to(text, toks, i, true)
}

/// Like [`phrase_forward`]; `end_closes` says whether the end of `toks` closes an appositive
/// (it does at the end of a sentence, not before an opening quotation mark).
pub(super) fn phrase_forward_to(text: &str, toks: &[Tok], i: usize, end_closes: bool) -> usize {
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
pub(super) fn phrase_backward(text: &str, toks: &[Tok], end: usize) -> Span {
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
