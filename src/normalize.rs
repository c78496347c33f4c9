//! Words and their comparison keys.
//!
//! A quotation's text comes in; [`units`] gives back its comparison units in order: words,
//! numbers (a numeral or a number phrase such as "two dozen"), known names ("the DPRK") and
//! punctuation marks. Each unit keeps its exact byte span, trailing spacing included, so the
//! spans of all units tile the text and any run of units rebuilds its text exactly.
//!
//! Keys are case-folded, NFKC-normalised, with quote marks, apostrophes and dashes unified;
//! numbers become their value (`#9000` for "9,000", "9 000" and "nine thousand"). Each unit also
//! carries a stem (Snowball English), whether it negates, whether it reads as a name, and its
//! canonical name when it is a known alias. [`signature`] reduces a quotation to the content
//! terms grouping compares.

mod alias;
mod lexicon;
mod numbers;
mod signature;

use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

pub use lexicon::{is_negation, is_stop_word};
pub use numbers::numeral_value;
pub use signature::{Signature, signature};

/// What a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A word (or a known multi-word name).
    Word,
    /// A numeral or a number phrase.
    Number,
    /// A punctuation mark or symbol.
    Punct,
    /// Spacing only: the whole text when it holds no word or mark.
    Space,
}

/// One comparison unit of a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The unit's bytes and the spacing after it; the first unit also holds leading spacing.
    pub span: Range<usize>,
    /// The unit's own bytes, without surrounding spacing.
    pub word: Range<usize>,
    /// What it is.
    pub kind: UnitKind,
    /// The comparison key: equal keys are the same wording.
    pub key: String,
    /// For fuzzy matching: the stem of a word, the canonical name of an alias, the key otherwise.
    pub stem: String,
    /// The value of a number.
    pub value: Option<f64>,
    /// A negation word ("not", "never", "didn't").
    pub negation: bool,
    /// A capitalised word that is not just sentence-initial, or a known alias.
    pub name: bool,
    /// The canonical name when the unit is a known country or organisation alias.
    pub alias: Option<&'static str>,
    /// A function word with little content.
    pub stop: bool,
}

/// A token before units are formed: one word, numeral or mark.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    word: bool,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Distinct words whose stems a thread remembers before it starts over.
const STEM_CACHE: usize = 1 << 16;

thread_local! {
    /// Stems already computed on this thread: a corpus repeats a small vocabulary, and every
    /// quotation is stemmed for grouping and again for alignment.
    static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
        std::cell::RefCell::default();
}

/// The Snowball English stem of a key, remembered per thread.
fn stem(key: &str) -> String {
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(key) {
            return stem.clone();
        }
        let stem = STEMMER.stem(key).into_owned();
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        cache.insert(key.to_string(), stem.clone());
        stem
    })
}

/// Case-folds and unifies marks: NFKC, lower case, curly quotes and apostrophes made straight,
/// dashes made `-`.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // The common case: no normalisation or curly marks to map.
        return text
            .chars()
            .map(|c| match c {
                '`' => '\'',
                c => c.to_ascii_lowercase(),
            })
            .collect();
    }
    text.nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' | '\u{2012}' | '\u{2010}' | '\u{2011}' => '-',
            c => c,
        })
        .collect()
}

/// The letters and digits of `text`, case-folded: what is left when punctuation, case, quote
/// marks and spacing are ignored.
pub fn letters_only(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether a character separates the groups of a numeral written with spaces ("9 000").
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Splits `text` into word and mark tokens (UAX #29 word bounds), keeping "U.S." and "9 000"
/// whole.
fn tokens(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for (start, segment) in text.split_word_bound_indices() {
        if segment.chars().all(char::is_whitespace) {
            continue;
        }
        let end = start + segment.len();
        let word = segment.chars().any(char::is_alphanumeric);
        if let Some(last) = out.last_mut() {
            let last_text = text.get(last.start..last.end).unwrap_or("");
            let gap = text.get(last.end..start).unwrap_or("");
            // "U.S" + "." is the abbreviation "U.S.".
            let abbreviation = segment == "."
                && gap.is_empty()
                && last.word
                && last_text.contains('.')
                && last_text.chars().all(|c| c.is_alphabetic() || c == '.');
            // "9" + " " + "000" is the numeral 9000.
            let grouped = word
                && segment.len() == 3
                && segment.bytes().all(|b| b.is_ascii_digit())
                && gap.chars().count() == 1
                && gap.chars().all(is_group_space)
                && last_text.split(is_group_space).next().is_some_and(|head| {
                    (1..=3).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_digit())
                })
                && last_text
                    .chars()
                    .all(|c| c.is_ascii_digit() || is_group_space(c));
            if abbreviation || grouped {
                last.end = end;
                continue;
            }
        }
        out.push(Token { start, end, word });
    }
    out
}

/// The key of one token: folded, and without the spaces of a grouped numeral.
fn token_key(text: &str, token: &Token) -> String {
    let surface = text.get(token.start..token.end).unwrap_or("");
    let folded = fold(surface);
    if folded.contains(char::is_whitespace) {
        folded.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        folded
    }
}

/// A unit over tokens `range`, before its span is widened to take the following spacing.
fn unit_over(tokens: &[Token], range: Range<usize>, key: String) -> Option<Unit> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    let kind = if first.word {
        UnitKind::Word
    } else {
        UnitKind::Punct
    };
    let (stem, stop, negation) = match kind {
        UnitKind::Word => (
            stem(&key),
            lexicon::is_stop_word(&key),
            lexicon::is_negation(&key),
        ),
        _ => (key.clone(), false, false),
    };
    Some(Unit {
        span: first.start..last.end,
        word: first.start..last.end,
        kind,
        key,
        stem,
        value: None,
        negation,
        name: false,
        alias: None,
        stop,
    })
}

/// Whether the word at `word` starts a sentence: nothing before it but spacing, marks that
/// open a quotation, or a sentence-ending mark.
fn sentence_initial(text: &str, word: &Range<usize>) -> bool {
    let before = text.get(..word.start).unwrap_or("");
    match before.trim_end().chars().last() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | '"'
                | '\''
                | '('
                | '['
                | '\u{201c}'
                | '\u{2018}'
                | '\u{ab}'
                | '\u{201e}'
                | '\u{2014}'
                | '\u{2026}'
                | '\u{bf}'
                | '\u{a1}'
        ),
    }
}

/// Marks capitalised words that are not merely sentence-initial as names.
fn mark_names(text: &str, units: &mut [Unit]) {
    for unit in units.iter_mut().filter(|u| u.kind == UnitKind::Word) {
        let surface = text.get(unit.word.clone()).unwrap_or("");
        let capital = surface.chars().next().is_some_and(char::is_uppercase);
        let pronoun = unit.key == "i" || unit.key.starts_with("i'");
        let acronym = surface.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !surface.chars().any(char::is_lowercase);
        unit.name = unit.alias.is_some()
            || (capital && !pronoun && (acronym || !sentence_initial(text, &unit.word)));
    }
}

/// Unmarks negation words that only limit an amount or add to a claim ("no fewer than",
/// "no more than", "not only"): they flip nothing.
fn unmark_idioms(units: &mut [Unit]) {
    let words: Vec<(usize, String)> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Word)
        .map(|(i, u)| (i, u.key.clone()))
        .collect();
    let idioms: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(n, (_, key))| {
            let at = |k: usize| words.get(n + k).map(|(_, w)| w.as_str());
            matches!(
                (key.as_str(), at(1), at(2)),
                ("no", Some("fewer" | "less" | "more"), Some("than")) | ("not", Some("only"), _)
            )
        })
        .map(|(_, (i, _))| *i)
        .collect();
    for i in idioms {
        if let Some(unit) = units.get_mut(i) {
            unit.negation = false;
        }
    }
}

/// Widens each unit's span to take the spacing after it (and the first one, the spacing
/// before it), so that the spans tile `text`.
fn tile(text: &str, units: &mut [Unit]) {
    let starts: Vec<usize> = units.iter().skip(1).map(|u| u.word.start).collect();
    for (i, unit) in units.iter_mut().enumerate() {
        unit.span.start = if i == 0 { 0 } else { unit.word.start };
        unit.span.end = starts.get(i).copied().unwrap_or(text.len());
    }
}

/// Splits `text` into comparison units whose spans tile it exactly.
///
/// ```
/// use verbatim::normalize::{units, UnitKind};
/// let text = "They sent two dozen to the U.S. in 2023.";
/// let units = units(text);
/// let rebuilt: String = units.iter().map(|u| &text[u.span.clone()]).collect();
/// assert_eq!(rebuilt, text);
/// assert!(units.iter().any(|u| u.kind == UnitKind::Number && u.key == "#24"));
/// assert!(units.iter().any(|u| u.alias == Some("united states")));
/// ```
pub fn units(text: &str) -> Vec<Unit> {
    let tokens = tokens(text);
    let surfaces: Vec<&str> = tokens
        .iter()
        .map(|t| text.get(t.start..t.end).unwrap_or(""))
        .collect();
    let keys: Vec<String> = tokens.iter().map(|t| token_key(text, t)).collect();
    let key_refs: Vec<&str> = keys.iter().map(String::as_str).collect();
    let mut units: Vec<Unit> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let is_word = tokens.get(i).is_some_and(|t| t.word);
        let window = key_refs.get(i..).unwrap_or(&[]);
        let alias = is_word
            .then(|| alias::alias_at(&surfaces, &keys, i))
            .flatten();
        let number = || is_word.then(|| numbers::phrase_value(window)).flatten();
        let (taken, unit) = if let Some((n, canonical)) = alias {
            let key = key_refs.get(i..i + n).unwrap_or(&[]).join(" ");
            let unit = unit_over(&tokens, i..i + n, key).map(|mut u| {
                u.alias = Some(canonical);
                u.stem = format!("@{canonical}");
                u.stop = false;
                u
            });
            (n, unit)
        } else if let Some((n, value)) = number() {
            let key = format!("#{value}");
            let unit = unit_over(&tokens, i..i + n, key.clone()).map(|mut u| {
                u.kind = UnitKind::Number;
                u.value = Some(value);
                u.stem = key;
                u.stop = false;
                u
            });
            (n, unit)
        } else {
            let key = match keys.get(i).map(String::as_str) {
                // "5 percent" and "5%" are the same wording.
                Some("percent" | "pct") => "%".to_string(),
                other => other.unwrap_or_default().to_string(),
            };
            (1, unit_over(&tokens, i..i + 1, key))
        };
        units.extend(unit);
        i += taken.max(1);
    }
    if units.is_empty() && !text.is_empty() {
        units.push(space_unit(text));
    }
    mark_names(text, &mut units);
    unmark_idioms(&mut units);
    tile(text, &mut units);
    units
}

/// The one unit of a text that holds only spacing.
fn space_unit(text: &str) -> Unit {
    Unit {
        span: 0..text.len(),
        word: 0..text.len(),
        kind: UnitKind::Space,
        key: String::new(),
        stem: String::new(),
        value: None,
        negation: false,
        name: false,
        alias: None,
        stop: true,
    }
}

/// Merges every run of units whose keys spell `phrase` into one unit keyed `key`, so that two
/// wordings declared equivalent compare equal.
pub fn merge_phrase(units: &mut Vec<Unit>, phrase: &[String], key: &str) {
    if phrase.is_empty() {
        return;
    }
    let mut i = 0;
    while i + phrase.len() <= units.len() {
        let hit = units
            .get(i..i + phrase.len())
            .is_some_and(|run| run.iter().zip(phrase).all(|(u, k)| u.key == *k));
        if hit {
            let run: Vec<Unit> = units.drain(i..i + phrase.len()).collect();
            if let (Some(first), Some(last)) = (run.first(), run.last()) {
                let mut merged = first.clone();
                merged.span = first.span.start..last.span.end;
                merged.word = first.word.start..last.word.end;
                merged.kind = UnitKind::Word;
                merged.key = key.to_string();
                merged.stem = key.to_string();
                merged.value = None;
                merged.negation = run.iter().any(|u| u.negation);
                merged.stop = false;
                units.insert(i, merged);
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
