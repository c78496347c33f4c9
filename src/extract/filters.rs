//! Quoted stretches that are not quotations of the story: labels and scare quotes, titles of
//! works, slogans, subheads; and the tests that tell a quotation standing as a clause.

use super::marks::{self, Quoted};
use super::paragraph_of;
use crate::model::Article;

/// Whether a short quotation is a label the reporter puts on something: preceded by
/// "so-called", "dubbed", "termed", "branded", "labelled", "what X calls", or used as a noun after a
/// determiner or a possessive ("the estate’s “green zone” would…", "a “vanity project”").
pub fn is_labelled(text: &str, q: &Quoted) -> bool {
    let before = text
        .get(q.outer.start.saturating_sub(24)..q.outer.start)
        .unwrap_or("");
    let last = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    // "what Meridian calls “right-sizing”": a name someone gives a thing, not their words.
    let what_x_calls = crate::speakers::lexicon::is_framing_verb(&last)
        && before
            .split_whitespace()
            .rev()
            .take(5)
            .any(|w| w.eq_ignore_ascii_case("what"));
    let label_verb = what_x_calls
        || matches!(
            last.as_str(),
            "so-called" | "dubbed" | "termed" | "branded" | "labelled" | "labeled" | "nicknamed"
        );
    let words = text
        .get(q.inner.clone())
        .unwrap_or("")
        .split_whitespace()
        .count();
    let determiner = matches!(
        last.as_str(),
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
    ) || last.ends_with("’s")
        || last.ends_with("'s");
    label_verb || (determiner && words <= 3)
}

/// Whether a quotation is the title of a work or the words on a sign: introduced by the work
/// ("her book “…”", "the film “…”") or by what carries a slogan ("banners reading “…”", "the
/// banner: “…”"), or a short run of capitalised words without a sentence end.
pub fn names_a_work_or_slogan(text: &str, q: &Quoted) -> bool {
    let inner = text.get(q.inner.clone()).unwrap_or("").trim();
    let words: Vec<&str> = inner.split_whitespace().collect();
    let before = text
        .get(q.outer.start.saturating_sub(40)..q.outer.start)
        .unwrap_or("");
    let last = before
        .trim_end()
        .trim_end_matches([':', ','])
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let work = matches!(
        last.as_str(),
        "book"
            | "novel"
            | "film"
            | "movie"
            | "album"
            | "song"
            | "play"
            | "series"
            | "show"
            | "documentary"
            | "memoir"
            | "titled"
            | "entitled"
            | "poem"
            | "podcast"
            | "exhibition"
            | "reading"
            | "banner"
            | "banners"
            | "sign"
            | "signs"
            | "placard"
            | "placards"
            | "slogan"
            | "chanting"
            | "chanted"
            | "and"
    );
    let title_case = words.len() <= 6
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
                || matches!(
                    *w,
                    "of" | "the" | "a" | "an" | "and" | "for" | "in" | "on" | "by" | "to"
                )
        })
        && !inner.ends_with(['.', '!', '?', ','])
        && words.len() >= 2;
    // "banners reading “Fair Fares Now” and “Hands Off Our Buses”": the second one too.
    (work && words.len() <= 8) || (title_case && last == "and")
}

/// Whether a single-quoted stretch is a paragraph of its own with no sentence end: a subhead
/// that quotes a line of the story, not a quotation of it.
pub fn is_subhead(text: &str, article: &Article, q: &Quoted) -> bool {
    let para = paragraph_of(article, q.paragraph);
    let whole = text.get(para).unwrap_or("").trim();
    let inner = text.get(q.inner.clone()).unwrap_or("").trim();
    q.family == marks::Family::Single
        && whole.len() <= inner.len() + 8
        && !inner.ends_with(['.', '!', '?', ','])
}

/// Whether a quotation opens a clause: at the start of its paragraph, or after a colon, a
/// sentence end or a dash.
pub fn opens_a_clause(text: &str, q: &Quoted) -> bool {
    let before = text.get(..q.outer.start).unwrap_or("").trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    before.is_empty()
        || before.ends_with(['\n', ':', '.', '!', '?', '—', '–', ','])
        || last.eq_ignore_ascii_case("that")
        || crate::speakers::lexicon::is_speech_verb(last)
}

/// Whether a quoted stretch is a whole sentence standing on its own ("“Inflation will fall.”"),
/// which a scare quote never is.
pub fn is_own_sentence(text: &str, q: &Quoted) -> bool {
    let inner = text.get(q.inner.clone()).unwrap_or("").trim();
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let before = text.get(..q.outer.start).unwrap_or("").trim_end();
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n']);
    capital && opens && inner.ends_with(['.', '!', '?'])
}
