//! The named mentions of one article in text order, with what resolution looks up in them:
//! full names by surname and by given name, and the gender each person is known by.

use super::lexicon::{self, Gender};
use super::names::{Mention, MentionKind};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// A named person or organisation printed somewhere in the article.
#[derive(Clone, Debug)]
pub struct Named {
    /// Where the mention starts in the cleaned text.
    pub position: usize,
    /// Where it ends.
    pub end: usize,
    /// What it names.
    pub mention: Mention,
}

/// How many mentions back (or forward) a pronoun or role looks: antecedents are near.
const LOOKBACK: usize = 400;

/// The named mentions of one article in text order, with a surname index.
pub struct Mentions {
    /// By position, then by insertion order among mentions at one position.
    sorted: BTreeMap<(usize, usize), Named>,
    kinds: HashMap<String, MentionKind>,
    found_names: RefCell<HashMap<String, Option<String>>>,
    /// Full names by surname; `None` when two different people share the surname.
    by_surname: HashMap<String, Option<String>>,
    by_given: HashMap<String, Vec<String>>,
    genders: HashMap<String, Gender>,
    /// The article text, to look up a surname's given name.
    text: String,
}

impl Mentions {
    /// Indexes `named` (any order) for the article `text`.
    pub fn new(mut named: Vec<Named>, text: &str) -> Self {
        named.sort_by_key(|n| n.position);
        let mut mentions = Mentions {
            sorted: BTreeMap::new(),
            kinds: HashMap::new(),
            found_names: RefCell::new(HashMap::new()),
            by_surname: HashMap::new(),
            by_given: HashMap::new(),
            genders: HashMap::new(),
            text: text.to_string(),
        };
        for n in named {
            mentions.insert(n);
        }
        mentions
    }

    /// Adds a mention, keeping text order.
    pub fn insert(&mut self, named: Named) {
        if named.mention.kind == MentionKind::Person {
            self.index_person(&named.mention);
        }
        self.kinds
            .insert(named.mention.name.clone(), named.mention.kind);
        let key = (named.position, self.sorted.len());
        self.sorted.insert(key, named);
    }

    fn index_person(&mut self, mention: &Mention) {
        let words: Vec<&str> = mention.name.split_whitespace().collect();
        if words.len() >= 2 {
            let surname = mention.surname().to_lowercase();
            let entry = self
                .by_surname
                .entry(surname)
                .or_insert_with(|| Some(mention.name.clone()));
            if let Some(known) = entry.clone() {
                let (a, b) = (known.to_lowercase(), mention.name.to_lowercase());
                // "Ana Ruiz" and "Mayor Ana María Ruiz" are one person; "Rosa Pellow" and
                // "Thomas Pellow" are two, and "Pellow" alone names neither.
                if !a.ends_with(&b) {
                    *entry = b.ends_with(&a).then(|| mention.name.clone());
                }
            }
            if let Some(first) = words.first() {
                let list = self.by_given.entry(first.to_lowercase()).or_default();
                if !list.contains(&mention.name) {
                    list.push(mention.name.clone());
                }
            }
        }
        if mention.gender != Gender::Unknown {
            self.genders
                .entry(mention.name.clone())
                .or_insert(mention.gender);
        }
    }

    /// Mentions before `at`, nearest first.
    pub fn before(&self, at: usize) -> impl Iterator<Item = &Named> {
        self.sorted
            .range(..(at, 0))
            .rev()
            .map(|(_, n)| n)
            .take(LOOKBACK)
    }

    /// Mentions after `at`, nearest first.
    pub fn after(&self, at: usize) -> impl Iterator<Item = &Named> {
        self.sorted
            .range((at, usize::MAX)..)
            .map(|(_, n)| n)
            .take(LOOKBACK)
    }

    /// Mentions starting in `range`, in text order (reversible).
    pub fn within(&self, range: std::ops::Range<usize>) -> impl DoubleEndedIterator<Item = &Named> {
        let end = range.end.max(range.start);
        self.sorted
            .range((range.start, 0)..(end, 0))
            .map(|(_, n)| n)
    }

    /// The gender the article has shown for the person called `name`.
    pub fn gender_of_name(&self, name: &str) -> Gender {
        self.genders.get(name).copied().unwrap_or(Gender::Unknown)
    }

    /// The gender a person is known by: from the mention itself, else from what the article
    /// has shown of them (a title elsewhere, a pronoun already resolved to them).
    pub fn gender_of(&self, mention: &Mention) -> Gender {
        if mention.gender != Gender::Unknown {
            return mention.gender;
        }
        self.genders
            .get(&mention.name)
            .copied()
            .unwrap_or(Gender::Unknown)
    }

    /// Records that a pronoun of `gender` was resolved to `name`.
    pub fn learn_gender(&mut self, name: &str, gender: Gender) {
        if gender != Gender::Unknown {
            self.genders.entry(name.to_string()).or_insert(gender);
        }
    }

    /// The full name for one word: a name printed in the article that ends with it, else the
    /// one name that starts with it (a given name alone), else the capitalised word printed
    /// right before it ("Marc Delorme" for "Delorme").
    pub fn full_name(&self, word: &str) -> Option<String> {
        if let Some(known) = self.found_names.borrow().get(word) {
            return known.clone();
        }
        let full = self.look_up_full_name(word);
        self.found_names
            .borrow_mut()
            .insert(word.to_string(), full.clone());
        full
    }

    fn look_up_full_name(&self, word: &str) -> Option<String> {
        let key = word.to_lowercase();
        match self.by_surname.get(&key) {
            Some(Some(full)) => return Some(full.clone()),
            Some(None) => return None,
            None => {}
        }
        if let Some([only]) = self.by_given.get(&key).map(Vec::as_slice) {
            return Some(only.clone());
        }
        words_printed_before(&self.text, word).find_map(|given| {
            let plain = !lexicon::is_title(given)
                && !lexicon::is_role_noun(given)
                && !lexicon::is_org_word(given)
                && !lexicon::is_opener(given)
                && !lexicon::is_not_a_name(given)
                && lexicon::pronoun_gender(given).is_none()
                && !matches!(
                    given,
                    "The" | "A" | "An" | "In" | "On" | "At" | "Said" | "Says"
                );
            plain.then(|| format!("{given} {word}"))
        })
    }

    /// The kind of the latest mention named `name`.
    pub fn kind_of(&self, name: &str) -> Option<MentionKind> {
        self.kinds.get(name).copied()
    }
}
/// Each capitalised word printed right before `word` in `text` (space between, `word` whole):
/// "Marc" for "Delorme" in "… Marc Delorme said". A word is letters and hyphens, from its
/// first capital; at least two letters.
fn words_printed_before<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = &'t str> {
    let is_word_char = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).filter_map(move |(at, _)| {
        let after = text.get(at + word.len()..)?.chars().next();
        if after.is_some_and(is_word_char) || word.is_empty() {
            return None;
        }
        let before = text.get(..at)?;
        let trimmed = before.trim_end();
        if trimmed.len() == before.len() {
            return None;
        }
        let run_start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || *c == '-')
            .last()
            .map(|(i, _)| i)?;
        let run = trimmed.get(run_start..)?;
        let capital = run.char_indices().find(|(_, c)| c.is_uppercase())?.0;
        let given = run.get(capital..)?;
        (given.chars().count() >= 2).then_some(given)
    })
}

#[cfg(test)]
mod tests {
    use super::words_printed_before;

    #[test]
    fn the_capitalised_word_before_a_surname_is_found() {
        let text = "Officials met. Later, Marc Delorme said it. The Delormes left. de-Marie  Delorme\nDelorme.";
        let found: Vec<&str> = words_printed_before(text, "Delorme").collect();
        // "Delormes" is another word; "de-Marie" starts its name at the capital; a line break
        // is space too.
        assert_eq!(found, ["Marc", "Marie", "Delorme"]);
        assert_eq!(words_printed_before("A Delorme", "Delorme").count(), 0);
        assert_eq!(words_printed_before("Delorme", "Delorme").count(), 0);
    }
}
