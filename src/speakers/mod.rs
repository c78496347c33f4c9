//! Speakers: attributions as written → people and organisations, within one article
//! ([`resolve`]) and across articles ([`unify`]).
//!
//! Within an article, a pronoun takes the nearest earlier person (or, for "it", organisation)
//! of a compatible gender; a role ("the spokesman", "the department") takes the nearest named
//! mention holding that role; a surname takes the full name the article gives. Mentions come
//! from the attributions themselves and from names the article prints elsewhere ("Finance
//! Minister Jane Holt", "the Transport Ministry"). A quotation with no attribution takes the
//! speaker of the quotation before it when that one is at most two paragraphs back.

pub mod lexicon;
pub mod names;

use crate::extract::attribution::Found;
use crate::model::{Article, Quote};
use lexicon::Gender;
use names::{Mention, MentionKind};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A quotation's attribution as found, before resolution.
#[derive(Clone, Debug, Default)]
pub struct Attributed {
    /// Where the quotation starts in the cleaned text.
    pub position: usize,
    /// The attribution, if the text gives one.
    pub found: Option<Found>,
}

/// A named person or organisation printed somewhere in the article.
#[derive(Clone, Debug)]
struct Named {
    position: usize,
    mention: Mention,
}

static NAME_RUN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // Capitalised words (with titles' periods and possessives), joined by connectors.
    Regex::new(r"(?:(?:\p{Lu}[\p{L}\-]*\.?(?:['’]s)?|(?:\p{Lu}\.){2,})(?:\s+(?:of|the|for|and|de|del|von|van)\s+|\s+))*(?:\p{Lu}[\p{L}\-]*(?:['’]s)?|(?:\p{Lu}\.){2,})").ok()
});

/// Names printed in the article outside any attribution: people with a given name or title,
/// organisations.
fn printed_names(article: &Article) -> Vec<Named> {
    let Some(re) = NAME_RUN.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in re.find_iter(&article.text) {
        let words: Vec<&str> = m.as_str().split_whitespace().collect();
        let Some(mention) = names::parse_phrase(m.as_str()) else {
            continue;
        };
        let keep = match mention.kind {
            MentionKind::Person => {
                let given = words.iter().any(|w| lexicon::is_given_name(w));
                let titled = words.iter().any(|w| lexicon::is_title(w));
                (given || titled) && mention.name.split_whitespace().count() >= 1
            }
            MentionKind::Org => words.iter().any(|w| lexicon::is_org_word(w)),
            _ => false,
        };
        let mut mention = mention;
        if mention.kind == MentionKind::Person {
            add_nearby_roles(&article.text, m.start(), m.end(), &mut mention);
        }
        if keep {
            out.push(Named {
                position: m.start(),
                mention,
            });
        }
    }
    out
}

/// Roles printed next to a name: "spokeswoman Lena Brandt", "Lena Brandt, a spokeswoman".
fn add_nearby_roles(text: &str, start: usize, end: usize, mention: &mut Mention) {
    let before = text.get(start.saturating_sub(80)..start).unwrap_or("");
    let before_words = before
        .rsplit(|c: char| c.is_whitespace())
        .skip(1)
        .take_while(|w| !w.is_empty() && (lexicon::is_title(w) || lexicon::is_role_noun(w)));
    let after = text.get(end..(end + 80).min(text.len())).unwrap_or("");
    let appositive = after
        .strip_prefix(", a ")
        .or_else(|| after.strip_prefix(", the "))
        .or_else(|| after.strip_prefix(", an "))
        .map(|rest| rest.split([',', '.']).next().unwrap_or(""))
        .unwrap_or("");
    for w in before_words.chain(appositive.split_whitespace()) {
        let w = w.trim_end_matches(['.', ',']).to_lowercase();
        if (lexicon::is_title(&w) || lexicon::is_role_noun(&w)) && !mention.roles.contains(&w) {
            if mention.gender == Gender::Unknown {
                mention.gender = lexicon::title_gender(&w);
            }
            mention.roles.push(w);
        }
    }
}

fn compatible(pronoun: Gender, person: Gender) -> bool {
    pronoun == Gender::Unknown || person == Gender::Unknown || pronoun == person
}

/// The named mentions of one article in text order, with a surname index.
struct Mentions {
    sorted: Vec<Named>,
    by_surname: HashMap<String, String>,
}

/// How many mentions back (or forward) a pronoun or role looks: antecedents are near.
const LOOKBACK: usize = 400;

impl Mentions {
    fn new(mut sorted: Vec<Named>) -> Self {
        sorted.sort_by_key(|n| n.position);
        let mut mentions = Mentions {
            sorted: Vec::with_capacity(sorted.len()),
            by_surname: HashMap::new(),
        };
        for n in sorted {
            mentions.insert(n);
        }
        mentions
    }

    fn insert(&mut self, named: Named) {
        if named.mention.kind == MentionKind::Person {
            let surname = named.mention.surname().to_lowercase();
            let words = named.mention.name.split_whitespace().count();
            let longer = self
                .by_surname
                .get(&surname)
                .is_none_or(|known| known.split_whitespace().count() < words);
            if longer {
                self.by_surname.insert(surname, named.mention.name.clone());
            }
        }
        let at = self
            .sorted
            .partition_point(|n| n.position <= named.position);
        self.sorted.insert(at, named);
    }

    /// Mentions before `at`, nearest first.
    fn before(&self, at: usize) -> impl Iterator<Item = &Named> {
        let end = self.sorted.partition_point(|n| n.position < at);
        self.sorted[..end].iter().rev().take(LOOKBACK)
    }

    /// Mentions after `at`, nearest first.
    fn after(&self, at: usize) -> impl Iterator<Item = &Named> {
        let start = self.sorted.partition_point(|n| n.position <= at);
        self.sorted[start..].iter().take(LOOKBACK)
    }

    fn kind_of(&self, name: &str) -> Option<MentionKind> {
        self.sorted
            .iter()
            .rev()
            .find(|n| n.mention.name == name)
            .map(|n| n.mention.kind)
    }
}

/// Resolves each attribution of one article to a speaker name, in the order given (which must
/// be text order).
pub fn resolve(article: &Article, items: &mut [Attributed]) -> Vec<Option<String>> {
    let mut named = Mentions::new(printed_names(article));
    let mut out: Vec<Option<String>> = Vec::with_capacity(items.len());
    let mut last: Option<(usize, String)> = None; // (paragraph, speaker) of the previous quote
    for item in items.iter() {
        let paragraph = article
            .paragraphs
            .partition_point(|p| p.end <= item.position);
        let speaker = match &item.found {
            Some(found) => {
                let at = found.phrase.start;
                let resolved = resolve_mention(&found.mention, at, &named);
                if let Some(name) = &resolved {
                    let mut m = found.mention.clone();
                    m.name = name.clone();
                    if m.kind == MentionKind::Pronoun || m.kind == MentionKind::Role {
                        m.kind = named.kind_of(name).unwrap_or(MentionKind::Person);
                    }
                    named.insert(Named {
                        position: at,
                        mention: m,
                    });
                }
                resolved
            }
            None => last
                .as_ref()
                .filter(|(p, _)| paragraph <= p + 2)
                .map(|(_, s)| s.clone()),
        };
        if let Some(s) = &speaker {
            last = Some((paragraph, s.clone()));
        }
        out.push(speaker);
    }
    out
}

fn resolve_mention(mention: &Mention, at: usize, named: &Mentions) -> Option<String> {
    match mention.kind {
        MentionKind::Person => {
            if mention.name.split_whitespace().count() == 1 {
                // A surname: the fullest name in the article that ends with it.
                let full = named.by_surname.get(&mention.name.to_lowercase());
                return Some(full.cloned().unwrap_or_else(|| mention.name.clone()));
            }
            Some(mention.name.clone())
        }
        MentionKind::Org => Some(mention.name.clone()),
        MentionKind::Pronoun => {
            let wants_org = matches!(mention.name.as_str(), "it" | "they" | "we");
            named
                .before(at)
                .find(|n| {
                    if wants_org {
                        n.mention.kind == MentionKind::Org
                    } else {
                        n.mention.kind == MentionKind::Person
                            && compatible(mention.gender, n.mention.gender)
                    }
                })
                .map(|n| n.mention.name.clone())
        }
        MentionKind::Role => {
            let head = mention
                .roles
                .last()
                .cloned()
                .unwrap_or_else(|| mention.name.clone());
            let holds = |n: &&Named| {
                n.mention
                    .roles
                    .iter()
                    .any(|r| r == &head || r.ends_with(&format!(" {head}")))
                    || n.mention
                        .name
                        .to_lowercase()
                        .split_whitespace()
                        .any(|w| w == head)
            };
            named
                .before(at)
                .find(holds)
                .or_else(|| named.after(at).find(holds))
                .map(|n| n.mention.name.clone())
        }
    }
}

/// Gives every speaker the fullest name any article uses for them: a surname alone becomes the
/// full name that ends with it when exactly one such full name exists.
pub fn unify(quotes: &mut [Quote]) {
    let mut full_by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for q in quotes.iter() {
        let Some(s) = &q.speaker else { continue };
        let words: Vec<&str> = s.split_whitespace().collect();
        if words.len() >= 2
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && let Some(last) = words.last()
        {
            let list = full_by_surname.entry(last.to_lowercase()).or_default();
            if !list.contains(s) {
                list.push(s.clone());
            }
        }
    }
    for q in quotes.iter_mut() {
        let Some(s) = &q.speaker else { continue };
        if s.split_whitespace().count() == 1
            && let Some(list) = full_by_surname.get(&s.to_lowercase())
            && list.len() == 1
        {
            q.speaker = list.first().cloned();
        }
    }
}
