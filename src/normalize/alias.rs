//! Known country and organisation names found in a token stream, longest variant first.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{lexicon, token_key, tokens};

/// One alias variant, tokenised.
struct AliasPhrase {
    /// Token surfaces as written in the table.
    surfaces: Vec<String>,
    /// Folded token keys.
    keys: Vec<String>,
    /// Per token, whether the table writes it with a lower-case letter: such a token matches
    /// on its key, the others (acronyms, names) as written.
    by_key: Vec<bool>,
    canonical: &'static str,
}

/// The alias variants tokenised once, by the key of their first token, longest first.
static ALIAS_PHRASES: LazyLock<FxHashMap<String, Vec<AliasPhrase>>> = LazyLock::new(|| {
    let mut by_first: FxHashMap<String, Vec<AliasPhrase>> = FxHashMap::default();
    for (canonical, variants) in lexicon::ALIASES.iter() {
        for &variant in variants {
            let toks = tokens(variant);
            let phrase = AliasPhrase {
                surfaces: toks
                    .iter()
                    .filter_map(|t| variant.get(t.start..t.end))
                    .map(str::to_string)
                    .collect(),
                keys: toks.iter().map(|t| token_key(variant, t)).collect(),
                by_key: toks
                    .iter()
                    .filter_map(|t| variant.get(t.start..t.end))
                    .map(|s| s.chars().any(char::is_lowercase))
                    .collect(),
                canonical,
            };
            if let Some(first) = phrase.keys.first() {
                by_first.entry(first.clone()).or_default().push(phrase);
            }
        }
    }
    for phrases in by_first.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.keys.len()));
    }
    by_first
});

/// Whether the tokens at `at` spell `phrase`; acronym tokens must match as written. The
/// last token may carry a possessive ("Britain's").
fn matches_phrase<'a>(
    surfaces: &[&'a str],
    keys: &'a [String],
    at: usize,
    phrase: &AliasPhrase,
) -> bool {
    let count = phrase.keys.len();
    (0..count).all(|k| {
        let (Some(surface), Some(key), Some(want_key), Some(want_surface), Some(&by_key)) = (
            surfaces.get(at + k),
            keys.get(at + k),
            phrase.keys.get(k),
            phrase.surfaces.get(k),
            phrase.by_key.get(k),
        ) else {
            return false;
        };
        let strip = |s: &'a str| -> &'a str {
            if k + 1 == count {
                s.strip_suffix("'s")
                    .or_else(|| s.strip_suffix("\u{2019}s"))
                    .unwrap_or(s)
            } else {
                s
            }
        };
        if by_key {
            strip(key.as_str()) == want_key.as_str()
        } else {
            strip(surface) == want_surface.as_str()
        }
    })
}

/// The known alias starting at token `at`: how many tokens it spans and its canonical name.
pub(super) fn alias_at(
    surfaces: &[&str],
    keys: &[String],
    at: usize,
) -> Option<(usize, &'static str)> {
    let first = keys.get(at)?;
    let first = first.strip_suffix("'s").unwrap_or(first);
    ALIAS_PHRASES
        .get(first)?
        .iter()
        .find(|p| matches_phrase(surfaces, keys, at, p))
        .map(|p| (p.keys.len(), p.canonical))
}
