//! Names printed in an article outside attributions, for pronouns, roles, surnames and bare
//! quotations to refer back to: people with a given name or a title, organisations, the subject
//! organisations of sentences, whoever the article has speak, and surnames or given names alone
//! that stand for a full name printed elsewhere.

use super::lexicon;
use super::mentions::Named;
use super::names::{self, Mention, MentionKind};
use super::{Layout, role_name};
use crate::chars;
use crate::model::{Article, Span};
use std::collections::{HashMap, HashSet};

/// A capitalised word: apostrophes and hyphens inside it, an "al-" or "d’" before it, a
/// period after it (cut off later unless it is a title's). The pattern [`name_run`] scans
/// for by hand; its tests hold the two to the same matches.
#[cfg(test)]
const NAME_WORD: &str =
    r"(?:(?:al|el|ben|bin|abu|d)[-'’])?\p{Lu}[\p{L}\-]*(?:['’]\p{L}+)*\.?|(?:\p{Lu}\.){2,}";

/// The runs [`name_run`] finds, as a pattern: name words joined by spaces within a line, with
/// connectors ("of", "the", "de", "von"…) between them.
#[cfg(test)]
fn name_run_pattern() -> String {
    let connect = r"(?:[^\S\n]+(?:of|the|for|and|from|de|del|della|di|da|du|des|von|van|der|den|la|le|ter))*[^\S\n]+";
    format!("(?:{NAME_WORD})(?:{connect}(?:{NAME_WORD}))*")
}

/// Lower-case words that join the names of one run ("Bank of England", "Ursula von der Leyen").
const CONNECTORS: [&str; 19] = [
    "of", "the", "for", "and", "from", "de", "del", "della", "di", "da", "du", "des", "von", "van",
    "der", "den", "la", "le", "ter",
];

/// Particles written before a capitalised name with a hyphen or apostrophe ("al-Amin", "d’Arc").
const NAME_PREFIXES: [&str; 6] = ["al", "el", "ben", "bin", "abu", "d"];

/// Where the name word starting at byte `i` of `s` ends: an optional particle and hyphen or
/// apostrophe, a capital, letters and hyphens, apostrophe-joined letters, a period.
fn name_word_end(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let mut at = i;
    for prefix in NAME_PREFIXES {
        if let Some(after) = rest.strip_prefix(prefix)
            && let Some(mark) = after
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '\'' | '’'))
        {
            let past = i + prefix.len() + mark.len_utf8();
            if s.get(past..)?.chars().next().is_some_and(chars::is_upper) {
                at = past;
            }
            break;
        }
    }
    let mut it = s.get(at..)?.chars();
    let first = it.next().filter(|&c| chars::is_upper(c))?;
    let mut end = at + first.len_utf8();
    let tail = s.get(end..)?;
    end += tail
        .find(|c: char| !(chars::is_letter(c) || c == '-'))
        .unwrap_or(tail.len());
    loop {
        let tail = s.get(end..)?;
        let Some(mark) = tail.chars().next().filter(|c| matches!(c, '\'' | '’')) else {
            break;
        };
        let letters = &tail[mark.len_utf8()..];
        let n = letters
            .find(|c: char| !chars::is_letter(c))
            .unwrap_or(letters.len());
        if n == 0 {
            break;
        }
        end += mark.len_utf8() + n;
    }
    if s.get(end..)?.starts_with('.') {
        end += 1;
    }
    Some(end)
}

/// Spaces within a line (not a line break) from byte `i`: where they end.
fn line_spaces_end(s: &str, i: usize) -> usize {
    let tail = s.get(i..).unwrap_or_default();
    i + tail
        .find(|c: char| !chars::is_space(c) || c == '\n')
        .unwrap_or(tail.len())
}

/// The leftmost run of name words in `s` from byte `from`: a name word, then as long as the
/// next one follows on the same line, past spaces and connectors, that one.
fn name_run(s: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let (start, mut end) = (from..s.len())
        .filter(|&i| {
            bytes.get(i).is_some_and(|&b| {
                b.is_ascii_uppercase() || matches!(b, b'a' | b'b' | b'd' | b'e') || b >= 0xC0
            })
        })
        .find_map(|i| name_word_end(s, i).map(|end| (i, end)))?;
    loop {
        let mut at = line_spaces_end(s, end);
        if at == end {
            break;
        }
        loop {
            let tail = s.get(at..).unwrap_or_default();
            let word_len = tail.find(chars::is_space).unwrap_or(tail.len());
            let joined = CONNECTORS.contains(&&tail[..word_len])
                && tail[word_len..]
                    .chars()
                    .next()
                    .is_some_and(|c| chars::is_space(c) && c != '\n');
            if !joined {
                break;
            }
            at = line_spaces_end(s, at + word_len);
        }
        match name_word_end(s, at) {
            Some(next) => end = next,
            None => break,
        }
    }
    Some((start, end))
}

/// A capital and at least one more letter, hyphen or apostrophe, as a pattern: the words
/// [`capitalised_words`] finds.
#[cfg(test)]
const CAPITALISED_WORD: &str = r"\p{Lu}[\p{L}\-'’]+";

/// Every capitalised word of `s` ([`CAPITALISED_WORD`]): its start and end.
fn capitalised_words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let inside = |c: char| chars::is_letter(c) || matches!(c, '-' | '\'' | '’');
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let tail = s.get(from..)?;
            let (offset, first) = tail.char_indices().find(|&(_, c)| chars::is_upper(c))?;
            let start = from + offset;
            let body = &tail[offset + first.len_utf8()..];
            let n = body.find(|c: char| !inside(c)).unwrap_or(body.len());
            if n == 0 {
                from = start + first.len_utf8();
                continue;
            }
            from = start + first.len_utf8() + n;
            return Some((start, from));
        }
    })
}

/// Every [`name_run`] of `s`, each searched for from the end of the one before.
fn name_run_matches(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, end) = name_run(s, from)?;
        from = end;
        Some((start, end))
    })
}

/// Runs of capitalised words in `text[range]`, cut where a sentence ends inside them ("Holm.
/// Oyelaran") and without the sentence openers they start with ("But Reinholt").
pub fn name_runs(text: &str, range: Span) -> Vec<Span> {
    runs_upto(text, range, usize::MAX)
}

/// The first of [`name_runs`] in `text[range]`, without reading the rest of the range.
fn first_name_run(text: &str, range: Span) -> Option<Span> {
    runs_upto(text, range, 1).into_iter().next()
}

/// The first `limit` of [`name_runs`].
fn runs_upto(text: &str, range: Span, limit: usize) -> Vec<Span> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (from, to) in name_run_matches(s) {
        if out.len() >= limit {
            break;
        }
        let base = range.start + from;
        let mut start = 0;
        let run = &s[from..to];
        let mut words = run.split_whitespace().peekable();
        let mut pos = 0;
        while let Some(w) = words.next() {
            let at = run[pos..].find(w).map_or(pos, |i| pos + i);
            pos = at + w.len();
            if at == start && (lexicon::is_opener(w) || lexicon::is_not_a_name(w)) {
                start = run[pos..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(run.len(), |i| pos + i);
                continue;
            }
            let stem = w.trim_end_matches('.');
            let ends_sentence = w.ends_with('.')
                && words.peek().is_some()
                && !lexicon::is_title(stem)
                && stem.chars().count() > 1
                && !stem.contains('.');
            if ends_sentence || words.peek().is_none() {
                let end = if w.ends_with('.') && !lexicon::is_title(stem) {
                    pos - 1
                } else {
                    pos
                };
                if end > start {
                    out.push(base + start..base + end);
                }
                start = run[pos..]
                    .find(|c: char| !c.is_whitespace())
                    .map_or(run.len(), |i| pos + i);
            }
        }
    }
    out
}

/// Every mention the article prints outside attributions, in text order.
pub fn printed_names(article: &Article, layout: &Layout) -> Vec<Named> {
    let text = article.text.as_str();
    let mut out = names_in_runs(text);
    let mut taken: HashSet<usize> = HashSet::new();
    subject_organisations(text, layout, &mut out, &mut taken);
    // A sentence-opening organisation replaces the person its words were first read as.
    let organisations: HashSet<usize> = taken.clone();
    out.retain(|n| {
        let read_as_person = n.mention.kind == MentionKind::Person && !has_given_name(n);
        !(read_as_person && organisations.contains(&n.position))
    });
    taken.extend(out.iter().map(|n| n.position));
    speakers_outside_quotes(article, layout, &mut out, &mut taken);
    names_alone(text, &mut out);
    out.sort_by_key(|n| n.position);
    out
}

/// People and organisations in the capitalised runs of the text.
fn names_in_runs(text: &str) -> Vec<Named> {
    let mut out = Vec::new();
    for run in name_runs(text, 0..text.len()) {
        let Some(phrase) = text.get(run.clone()) else {
            continue;
        };
        if is_dateline(text, &run) {
            continue;
        }
        let Some(mut mention) = names::parse_phrase(phrase) else {
            continue;
        };
        let after = text
            .get(run.end..(run.end + 8).min(text.len()))
            .unwrap_or("");
        if after.starts_with(", which") && mention.kind == MentionKind::Person {
            mention.kind = MentionKind::Org;
        }
        if mention.kind == MentionKind::Person {
            add_nearby_roles(text, run.start, run.end, &mut mention);
        }
        if keeps(text, phrase, run.end, &mention) {
            out.push(Named {
                position: run.start,
                end: run.end,
                mention,
            });
        }
    }
    out
}

/// A place in capitals opening a dateline ("PORT HALDEN, March 3 —", "LISBON (Wire) —").
fn is_dateline(text: &str, run: &Span) -> bool {
    let phrase = text.get(run.clone()).unwrap_or("");
    let shouted = phrase.chars().filter(|c| c.is_alphabetic()).count() > 4
        && !phrase.chars().any(char::is_lowercase);
    let after = text
        .get(run.end..(run.end + 40).min(text.len()))
        .unwrap_or("");
    shouted
        && (after.starts_with(',')
            || after.starts_with(" (")
            || after.trim_start().starts_with('—'))
}

/// Whether a run's reading is a name worth referring back to.
fn keeps(text: &str, phrase: &str, end: usize, mention: &Mention) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    match mention.kind {
        MentionKind::Person => {
            let given = words.iter().any(|w| lexicon::is_given_name(w));
            let titled = !mention.roles.is_empty() && !is_place(phrase);
            let full = (2..=4).contains(&words.len()) && (titled || !is_place(phrase));
            let after = text.get(end..(end + 6).min(text.len())).unwrap_or("");
            given || titled || (full && (followed_by_verb(text, end) || after.starts_with(", who")))
        }
        MentionKind::Org => {
            words.iter().any(|w| lexicon::is_org_word(w))
                || text
                    .get(end..(end + 8).min(text.len()))
                    .is_some_and(|a| a.starts_with(", which"))
        }
        // "Sources from the Interior Ministry": an unnamed speaker worth referring back to.
        MentionKind::Role => mention.name.split_whitespace().count() >= 3,
        MentionKind::Pronoun => false,
    }
}

/// A name opening a sentence as its subject ("Meridian has confirmed…", "Harlow Foods
/// denied…") is an organisation unless it names a person.
fn subject_organisations(
    text: &str,
    layout: &Layout,
    out: &mut Vec<Named>,
    taken: &mut HashSet<usize>,
) {
    let surnames: HashSet<String> = out
        .iter()
        .filter(|n| {
            n.mention.kind == MentionKind::Person
                && (has_given_name(n) || !n.mention.roles.is_empty())
        })
        .map(|n| n.mention.surname().to_string())
        .collect();
    for sentence in &layout.sentences {
        let Some(run) = first_name_run(text, sentence.clone()) else {
            continue;
        };
        // The subject opens the sentence, after a timestamp or dateline dash at most.
        let lead = text.get(sentence.start..run.start).unwrap_or("");
        let lead = lead.replace("a.m.", "").replace("p.m.", "");
        if lead.chars().any(char::is_alphabetic) {
            continue;
        }
        let phrase = text.get(run.clone()).unwrap_or("");
        let next = text
            .get(run.end..sentence.end)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("");
        if !acts(next) {
            continue;
        }
        let words: Vec<&str> = phrase.split_whitespace().collect();
        // One capitalised word opening a sentence ("Crews will…") is a name only if the
        // article also capitalises it mid-sentence.
        if words.len() == 1 && !capitalised_mid_sentence(text, phrase) {
            continue;
        }
        // A known person's surname opening a sentence is that person, not a body.
        let surname = words.last().copied().unwrap_or("");
        if surnames.contains(surname.trim_end_matches("’s").trim_end_matches("'s")) {
            continue;
        }
        if words.len() > 4
            || words
                .iter()
                .any(|w| lexicon::is_given_name(w) || lexicon::is_title(w))
        {
            continue;
        }
        if let Some(mut mention) = names::parse_phrase(phrase)
            && matches!(mention.kind, MentionKind::Person | MentionKind::Org)
        {
            mention.kind = MentionKind::Org;
            taken.insert(run.start);
            out.push(Named {
                position: run.start,
                end: run.end,
                mention,
            });
        }
    }
}

/// Whoever the article has speak outside quotations ("A spokeswoman for the hospital
/// said…"), named or not.
fn speakers_outside_quotes(
    article: &Article,
    layout: &Layout,
    out: &mut Vec<Named>,
    taken: &mut HashSet<usize>,
) {
    for f in &layout.speech_subjects {
        if f.mention.kind == MentionKind::Pronoun || taken.contains(&f.phrase.start) {
            continue;
        }
        let mut mention = f.mention.clone();
        if mention.kind == MentionKind::Role {
            mention.name = role_name(article.slice(&f.phrase));
        }
        taken.insert(f.phrase.start);
        out.push(Named {
            position: f.phrase.start,
            end: f.phrase.end,
            mention,
        });
    }
}

fn has_given_name(n: &Named) -> bool {
    n.mention
        .name
        .split_whitespace()
        .next()
        .is_some_and(lexicon::is_given_name)
}

/// A surname or given name alone later in the text ("Holt defended the plan.") stands for the
/// full name, when only one full name has that word.
fn names_alone(text: &str, out: &mut Vec<Named>) {
    let mut full: HashMap<String, Option<Mention>> = HashMap::new();
    for n in out.iter() {
        let words: Vec<&str> = n.mention.name.split_whitespace().collect();
        let titled = words.len() == 1 && !n.mention.roles.is_empty();
        if n.mention.kind != MentionKind::Person || (words.len() < 2 && !titled) {
            continue;
        }
        for key in [words.first(), words.last()].into_iter().flatten() {
            let entry = full
                .entry((*key).to_string())
                .or_insert_with(|| Some(n.mention.clone()));
            let Some(known) = entry.clone() else { continue };
            let one_word = |m: &Mention| !m.name.contains(' ');
            if known.name == n.mention.name || one_word(&n.mention) {
                continue;
            }
            if one_word(&known) {
                *entry = Some(n.mention.clone()); // "Ms Okonkwo" first, "Adaeze Okonkwo" later
            } else {
                *entry = None; // two people share the word: it names neither alone
            }
        }
    }
    if full.is_empty() {
        return;
    }
    for (start, end) in capitalised_words(text) {
        let word = text[start..end]
            .trim_end_matches("’s")
            .trim_end_matches("'s");
        if let Some(Some(mention)) = full.get(word) {
            out.push(Named {
                position: start,
                end: start + word.len(),
                mention: mention.clone(),
            });
        }
    }
}

/// Adds `word` to a person's roles if it is a title or a role (not the organisation they belong
/// to: "the board's chief engineer"), taking the gender it tells.
fn add_role(mention: &mut Mention, word: &str) {
    let w = lexicon::full_title(word.trim_end_matches(','));
    if (lexicon::is_title(&w) || lexicon::is_role_noun(&w))
        && !lexicon::is_org_word(&w)
        && !mention.roles.contains(&w)
    {
        if mention.gender == super::lexicon::Gender::Unknown {
            mention.gender = lexicon::title_gender(&w);
        }
        mention.roles.push(w);
    }
}

/// Roles printed next to a name: "spokeswoman Lena Brandt", "Lena Brandt, a spokeswoman",
/// and an age set off after it ("Lewis Farrant, 44,") as "44-year-old".
fn add_nearby_roles(text: &str, start: usize, end: usize, mention: &mut Mention) {
    let before = text.get(start.saturating_sub(80)..start).unwrap_or("");
    let before_words = before
        .rsplit(|c: char| c.is_whitespace())
        .skip(1)
        .take_while(|w| !w.is_empty() && (lexicon::is_title(w) || lexicon::is_role_noun(w)));
    // "The mayor of Westvale, Ana Ruiz," — a role set before the name by a comma.
    if let Some(head) = before.strip_suffix(", ") {
        let clause = head.rsplit(['.', ',', ';', ':', '\n']).next().unwrap_or("");
        for w in clause.split_whitespace().rev().take(8) {
            add_role(mention, w);
        }
    }
    let after = text.get(end..(end + 80).min(text.len())).unwrap_or("");
    if let Some(age) = after
        .strip_prefix(", ")
        .and_then(|a| a.split([',', ' ']).next())
        .filter(|a| (1..=3).contains(&a.len()) && a.chars().all(|c| c.is_ascii_digit()))
    {
        mention.roles.push(format!("{age}-year-old"));
    }
    let appositive = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", the "))
        .or_else(|| after.strip_prefix(", an "))
        // only an appositive that closes with a comma: "Ana Ruiz, the mayor, said"
        .and_then(|rest| {
            rest.find([',', '.'])
                .filter(|&i| rest[i..].starts_with(','))
                .map(|i| &rest[..i])
        })
        .unwrap_or("");
    for w in before_words.chain(appositive.split_whitespace()) {
        add_role(mention, w);
    }
}

/// Whether `word` appears capitalised after a lower-case word somewhere in `text`.
fn capitalised_mid_sentence(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].trim_end_matches(' ');
        let after_ok = text[i + word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        after_ok
            && before.len() < i
            && before
                .chars()
                .last()
                .is_some_and(|c| c.is_lowercase() || c == ',')
    })
}

/// Whether a word after a sentence's subject reads as its verb: an auxiliary or a past or
/// present form ("has", "was", "denied", "says").
fn acts(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']);
    w.chars().next().is_some_and(char::is_lowercase)
        && (matches!(
            w,
            "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "were"
                | "are"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "said"
                | "says"
                | "told"
                | "also"
        ) || w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss")))
}

/// Whether a name is a known country or organisation alias ("North Korea", "the UN").
fn is_place(name: &str) -> bool {
    crate::normalize::units(name)
        .iter()
        .any(|u| u.alias.is_some())
}

/// Whether a speech verb follows a name.
fn followed_by_verb(text: &str, end: usize) -> bool {
    let after = text.get(end..(end + 40).min(text.len())).unwrap_or("");
    let first = after.split_whitespace().next().unwrap_or("");
    lexicon::is_speech_verb(first.trim_end_matches([',', '.', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    /// Words whose joins test every turn of the scanners: names, particles, connectors,
    /// initials, marks and letters outside ASCII.
    const WORDS: &[&str] = &[
        "A",
        "Bank",
        "Ng",
        "U.",
        "S.",
        "Ms.",
        "É",
        "Øyelaran",
        "ǅ",
        "Σ",
        "Mc",
        "iPhone",
        "O'Neil",
        "Abdel-Rahman",
        "of",
        "the",
        "for",
        "and",
        "from",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "von",
        "van",
        "der",
        "den",
        "la",
        "le",
        "ter",
        "al",
        "el",
        "ben",
        "bin",
        "abu",
        "d",
        "x",
        "é",
        "ß",
        "\u{301}",
        "٣",
        "7",
        "said",
        "’s",
    ];

    /// What goes between two words.
    const JOINS: &[&str] = &[
        "", " ", " ", " ", " ", "  ", "\n", "\t", "\r", "\u{a0}", ".", ",", "-", "'", "’",
    ];

    static NAME_RUN: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(&name_run_pattern()).unwrap());
    static CAPITALISED: std::sync::LazyLock<Regex> =
        std::sync::LazyLock::new(|| Regex::new(CAPITALISED_WORD).unwrap());

    fn text() -> impl Strategy<Value = String> {
        let pair = (prop::sample::select(WORDS), prop::sample::select(JOINS));
        prop::collection::vec(pair, 0..16)
            .prop_map(|p| p.into_iter().flat_map(|(w, j)| [w, j]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn name_runs_are_the_matches_of_their_pattern(s in text()) {
            let want: Vec<(usize, usize)> = NAME_RUN.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = name_run_matches(&s).collect();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn capitalised_words_are_the_matches_of_their_pattern(s in text()) {
            let want: Vec<(usize, usize)> = CAPITALISED.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            let got: Vec<(usize, usize)> = capitalised_words(&s).collect();
            prop_assert_eq!(got, want);
        }
    }

    fn runs(s: &str) -> Vec<&str> {
        name_runs(s, 0..s.len())
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn a_run_stops_at_a_sentence_end_and_drops_its_opener() {
        assert_eq!(
            runs("She lives on Holm. Oyelaran says so. But Reinholt was unmoved."),
            ["She", "Holm", "Oyelaran", "Reinholt"]
        );
    }

    #[test]
    fn runs_keep_titles_particles_apostrophes_and_hyphens() {
        assert_eq!(runs("said Gov. Ana Ruiz today"), ["Gov. Ana Ruiz"]);
        assert_eq!(
            runs("hydrologist Joost van der Linde, who"),
            ["Joost van der Linde"]
        );
        assert_eq!(
            runs("Chief Wilfred Tsa’kwalas said"),
            ["Chief Wilfred Tsa’kwalas"]
        );
        assert_eq!(
            runs("Samira al-Mansouri, a scientist"),
            ["Samira al-Mansouri"]
        );
    }
}
