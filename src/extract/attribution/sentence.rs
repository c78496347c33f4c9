//! Attributions read from whole sentences: the speakers an article has speak outside
//! quotations ([`speech_subjects`]), a sentence that points back at the quotation before it
//! ([`pointing_back`]), and a sentence that is nothing but an attribution ([`standalone`]).

use super::*;

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
