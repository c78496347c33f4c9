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

static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}\-]+").ok());

static NAME_RUN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // Capitalised words (with titles' periods and possessives), joined by connectors.
    Regex::new(r"(?:(?:\p{Lu}[\p{L}\-]*\.?(?:['’]s)?|(?:\p{Lu}\.){2,})(?:\s+(?:of|the|for|and|from|de|del|von|van)\s+|\s+))*(?:\p{Lu}[\p{L}\-]*(?:['’]s)?|(?:\p{Lu}\.){2,})").ok()
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
        let mut mention = mention;
        if mention.kind == MentionKind::Person {
            add_nearby_roles(&article.text, m.start(), m.end(), &mut mention);
        }
        let keep = match mention.kind {
            MentionKind::Person => {
                let given = words.iter().any(|w| lexicon::is_given_name(w));
                let titled = !mention.roles.is_empty() && !is_place(m.as_str());
                let full = words.len() >= 2 && words.len() <= 3 && !is_place(m.as_str());
                given
                    || titled
                    || (full
                        && mention.roles.is_empty()
                        && followed_by_verb(&article.text, m.end()))
            }
            MentionKind::Org => words.iter().any(|w| lexicon::is_org_word(w)),
            // "Sources from the Interior Ministry": an unnamed speaker worth referring back to.
            MentionKind::Role => mention.name.split_whitespace().count() >= 3,
            _ => false,
        };
        if keep {
            out.push(Named {
                position: m.start(),
                mention,
            });
        }
    }
    let mut taken: std::collections::HashSet<usize> = out.iter().map(|n| n.position).collect();
    let surnames: std::collections::HashSet<String> = out
        .iter()
        .filter(|n| n.mention.kind == MentionKind::Person)
        .map(|n| n.mention.surname().to_string())
        .collect();
    // A name opening a sentence as its subject ("Meridian has confirmed…", "Harlow Foods
    // denied…") is an organisation unless it names a person.
    if let Some(re) = NAME_RUN.as_ref() {
        for para in &article.paragraphs {
            for sentence in crate::extract::sentences::sentences(&article.text, para.clone()) {
                let Some(s) = article.text.get(sentence.clone()) else {
                    continue;
                };
                // The subject opens the sentence, after a timestamp or dateline dash at most.
                let Some(m) = re.find(s).filter(|m| {
                    let lead = s[..m.start()].replace("a.m.", "").replace("p.m.", "");
                    !lead.chars().any(char::is_alphabetic)
                }) else {
                    continue;
                };
                let next = s[m.end()..].split_whitespace().next().unwrap_or("");
                if !acts(next) || taken.contains(&sentence.start) {
                    continue;
                }
                let words: Vec<&str> = m.as_str().split_whitespace().collect();
                // One capitalised word opening a sentence ("Crews will…") is a name only if
                // the article also capitalises it mid-sentence.
                if words.len() == 1 && !capitalised_mid_sentence(&article.text, m.as_str()) {
                    continue;
                }
                // A known person's surname opening a sentence is that person, not a body.
                let surname = words.last().copied().unwrap_or("");
                if surnames.contains(surname) {
                    continue;
                }
                if words.len() > 4
                    || words
                        .iter()
                        .any(|w| lexicon::is_given_name(w) || lexicon::is_title(w))
                {
                    continue;
                }
                if let Some(mut mention) = names::parse_phrase(m.as_str())
                    && matches!(mention.kind, MentionKind::Person | MentionKind::Org)
                {
                    mention.kind = MentionKind::Org;
                    taken.insert(sentence.start);
                    out.push(Named {
                        position: sentence.start,
                        mention,
                    });
                }
            }
        }
    }
    // Whoever the article has speak ("A spokeswoman for the hospital said…") can be referred
    // back to, named or not.
    let quoted: Vec<crate::model::Span> =
        crate::extract::marks::quoted_spans(&article.text, &article.paragraphs)
            .into_iter()
            .map(|q| q.inner)
            .collect();
    for para in &article.paragraphs {
        for f in crate::extract::attribution::speech_subjects(&article.text, para.clone(), &quoted)
        {
            if f.mention.kind == MentionKind::Pronoun || taken.contains(&f.phrase.start) {
                continue;
            }
            let mut mention = f.mention;
            if mention.kind == MentionKind::Role {
                mention.name = role_name(article.slice(&f.phrase));
            }
            taken.insert(f.phrase.start);
            out.push(Named {
                position: f.phrase.start,
                mention,
            });
        }
    }
    // A surname alone later in the text ("Holt defended the plan.") stands for the full name.
    let full: HashMap<String, Mention> = out
        .iter()
        .filter(|n| n.mention.kind == MentionKind::Person && n.mention.name.contains(' '))
        .map(|n| (n.mention.surname().to_string(), n.mention.clone()))
        .collect();
    if !full.is_empty()
        && let Some(word) = WORD.as_ref()
    {
        for m in word.find_iter(&article.text) {
            if let Some(mention) = full.get(m.as_str()) {
                out.push(Named {
                    position: m.start(),
                    mention: mention.clone(),
                });
            }
        }
    }
    out.sort_by_key(|n| n.position);
    out
}

/// Adds `word` to a person's roles if it is a title or a role (not the organisation they belong
/// to: "the board's chief engineer"), taking the gender it tells.
fn add_role(mention: &mut Mention, word: &str) {
    let w = lexicon::full_title(word.trim_end_matches(','));
    if (lexicon::is_title(&w) || lexicon::is_role_noun(&w))
        && !lexicon::is_org_word(&w)
        && !mention.roles.contains(&w)
    {
        if mention.gender == Gender::Unknown {
            mention.gender = lexicon::title_gender(&w);
        }
        mention.roles.push(w);
    }
}

/// Roles printed next to a name: "spokeswoman Lena Brandt", "Lena Brandt, a spokeswoman".
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

/// A role as a speaker's name: the words as printed, without a leading article or determiner
/// ("A spokeswoman for the hospital" → "spokeswoman for the hospital").
pub fn role_name(phrase: &str) -> String {
    let mut words = phrase.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        if matches!(
            w.to_lowercase().as_str(),
            "a" | "an" | "the" | "these" | "those" | "this" | "that" | "one"
        ) {
            words.next();
        } else {
            break;
        }
    }
    words
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', '.'])
        .to_string()
}

/// Whether a name is a known country or organisation alias ("North Korea", "the UN").
fn is_place(name: &str) -> bool {
    crate::normalize::units(name)
        .iter()
        .any(|u| u.alias.is_some())
}

/// Whether a speech verb (or a comma, as in "X, 54, said") follows a name.
fn followed_by_verb(text: &str, end: usize) -> bool {
    let after = text.get(end..(end + 40).min(text.len())).unwrap_or("");
    let first = after.split_whitespace().next().unwrap_or("");
    lexicon::is_speech_verb(first.trim_end_matches([',', '.', ':']))
}

fn compatible(pronoun: Gender, person: Gender) -> bool {
    pronoun == Gender::Unknown || person == Gender::Unknown || pronoun == person
}

/// The named mentions of one article in text order, with a surname index.
struct Mentions {
    sorted: Vec<Named>,
    by_surname: HashMap<String, String>,
    /// The article text, to look up a surname's given name.
    text: String,
}

/// How many mentions back (or forward) a pronoun or role looks: antecedents are near.
const LOOKBACK: usize = 400;

impl Mentions {
    fn new(mut sorted: Vec<Named>) -> Self {
        sorted.sort_by_key(|n| n.position);
        let mut mentions = Mentions {
            sorted: Vec::with_capacity(sorted.len()),
            by_surname: HashMap::new(),
            text: String::new(),
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
            if longer && words >= 2 {
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

    /// The full name for a surname: a name printed in the article that ends with it, or else
    /// the capitalised word printed right before it ("Marc Delorme" for "Delorme").
    fn full_name(&self, surname: &str) -> Option<String> {
        if let Some(full) = self.by_surname.get(&surname.to_lowercase()) {
            return Some(full.clone());
        }
        let pattern = format!(r"(\p{{Lu}}[\p{{L}}\-]+)\s+{}\b", regex::escape(surname));
        let re = Regex::new(&pattern).ok()?;
        re.captures_iter(&self.text).find_map(|c| {
            let given = c.get(1)?.as_str();
            let plain = !lexicon::is_title(given)
                && !lexicon::is_role_noun(given)
                && !lexicon::is_org_word(given)
                && lexicon::pronoun_gender(given).is_none()
                && !matches!(
                    given,
                    "The"
                        | "A"
                        | "An"
                        | "In"
                        | "On"
                        | "At"
                        | "But"
                        | "And"
                        | "As"
                        | "If"
                        | "When"
                        | "Said"
                        | "Says"
                );
            plain.then(|| format!("{given} {surname}"))
        })
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
    named.text = article.text.clone();
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
                // A role no named mention holds stays as the article words it ("the
                // department"); other articles may name it (see `fill_from_groups`).
                resolved.or_else(|| {
                    (found.mention.kind == MentionKind::Role).then(|| found.mention.name.clone())
                })
            }
            None => {
                // The speaker of the quotation just before, or else the person named in the
                // paragraphs just before ("The governor, Ana Ruiz, spoke first:").
                let near = paragraph
                    .checked_sub(2)
                    .and_then(|p| article.paragraphs.get(p))
                    .map_or(0, |p| p.start);
                let previous = last
                    .as_ref()
                    .filter(|(p, _)| paragraph <= p + 2)
                    .map(|(_, s)| s.clone());
                let next_end = article.paragraphs.get(paragraph + 1).map_or(0, |p| p.end);
                previous
                    .or_else(|| {
                        named
                            .before(item.position)
                            .take_while(|n| n.position >= near)
                            .find(|n| n.mention.kind == MentionKind::Person)
                            .map(|n| n.mention.name.clone())
                    })
                    .or_else(|| {
                        // "That was Tom Varga, the chief engineer, answering…" just after.
                        named
                            .after(item.position)
                            .take_while(|n| n.position < next_end)
                            .find(|n| n.mention.kind == MentionKind::Person)
                            .map(|n| n.mention.name.clone())
                    })
            }
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
                return Some(
                    named
                        .full_name(&mention.name)
                        .unwrap_or_else(|| mention.name.clone()),
                );
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
                            || (n.mention.kind == MentionKind::Role && is_body(&n.mention))
                    } else {
                        let person = n.mention.kind == MentionKind::Person
                            || (n.mention.kind == MentionKind::Role && is_one_person(&n.mention));
                        person && compatible(mention.gender, n.mention.gender)
                    }
                })
                .map(|n| {
                    // "The governor said… “…,” she said": the role's holder, if the text names one.
                    if n.mention.kind == MentionKind::Role {
                        let holder = resolve_mention(&n.mention, n.position, named);
                        if let Some(name) = holder.filter(|s| !is_unnamed(Some(s))) {
                            return name;
                        }
                    }
                    n.mention.name.clone()
                })
        }
        MentionKind::Role => {
            // "the board's written statement" is the board's: behind a document, the
            // organisation word; otherwise the last role ("Interior Ministry official").
            // "senior official in the mayor's office": the role before the preposition.
            let before_preposition = mention
                .name
                .split_whitespace()
                .take_while(|w| !matches!(*w, "in" | "of" | "for" | "at" | "from" | "with"))
                .filter(|w| lexicon::is_role_noun(w) || lexicon::is_title(w))
                .last()
                .map(lexicon::full_title);
            let last = before_preposition
                .or_else(|| mention.roles.last().cloned())
                .unwrap_or_else(|| mention.name.clone());
            let head = if lexicon::is_document(&last) {
                mention
                    .roles
                    .iter()
                    .rev()
                    .find(|r| lexicon::is_org_word(r))
                    .cloned()
                    .unwrap_or(last)
            } else {
                last
            };
            let words = mention.name.split_whitespace().count();
            let holds = |n: &&Named| {
                // An unnamed role holds it only if it says more ("senior official in the
                // mayor's office" for "the official").
                let informative = n.mention.kind != MentionKind::Role
                    || n.mention.name.split_whitespace().count() > words;
                informative
                    && (n
                        .mention
                        .roles
                        .iter()
                        .any(|r| r == &head || r.ends_with(&format!(" {head}")))
                        || n.mention
                            .name
                            .to_lowercase()
                            .split_whitespace()
                            .any(|w| w == head))
            };
            // "the company", "the ministry": a bare organisation word may stand for the
            // organisation just before; a longer phrase says too much to guess.
            let body = lexicon::is_org_word(&head) && mention.name.split_whitespace().count() <= 2;
            named
                .before(at)
                .find(holds)
                .or_else(|| named.after(at).find(holds))
                // "the company" with no company named as such: the organisation just before.
                .or_else(|| {
                    body.then(|| {
                        named
                            .before(at)
                            .find(|n| n.mention.kind == MentionKind::Org)
                    })
                    .flatten()
                })
                .map(|n| n.mention.name.clone())
        }
    }
}

/// A role that stands for one person ("a spokeswoman for the hospital"), not a body or a crowd.
fn is_one_person(mention: &Mention) -> bool {
    let head = mention
        .name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "for" | "of" | "in" | "at" | "from" | "with"))
        .last()
        .unwrap_or("");
    let head = head.to_lowercase();
    !head.ends_with('s')
        && (lexicon::is_title(&head) || lexicon::is_role_noun(&head))
        && !lexicon::is_org_word(&head)
}

/// A role that stands for a body ("the ministry", "the company").
fn is_body(mention: &Mention) -> bool {
    mention.roles.iter().any(|r| lexicon::is_org_word(r))
}

/// Whether a resolved speaker is only a role in lower case ("department"), not a name.
pub fn is_unnamed(speaker: Option<&str>) -> bool {
    speaker.is_none_or(|s| !s.chars().any(char::is_uppercase))
}

/// Within each group, a quotation whose speaker is unknown or only a role ("he" that could not
/// be resolved, "the department") takes the name the other versions agree on, when the role,
/// if any, fits that name ("department" fits "Department of Water Quality").
pub fn fill_from_groups(quotes: &mut [Quote], clusters: &[Vec<usize>]) {
    for cluster in clusters {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &i in cluster {
            if let Some(s) = quotes.get(i).and_then(|q| q.speaker.as_deref())
                && !is_unnamed(Some(s))
            {
                *counts.entry(s).or_default() += 1;
            }
        }
        let Some((best, _)) = counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        else {
            continue;
        };
        let best = best.to_string();
        for &i in cluster {
            let Some(q) = quotes.get_mut(i) else { continue };
            if !is_unnamed(q.speaker.as_deref()) {
                continue;
            }
            let fits = q.speaker.as_deref().is_none_or(|role| {
                let lower = best.to_lowercase();
                role.split_whitespace()
                    .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
                    .any(|w| {
                        (lexicon::is_role_noun(w) || lexicon::is_org_word(w)) && lower.contains(w)
                    })
            });
            if fits {
                q.speaker = Some(best.clone());
            }
        }
    }
}

/// The words of a name that identify it, whatever their order and spelling: lower case, no
/// dots or possessives, no connectors ("Regional Water Board of Westmere" = "Westmere Regional
/// Water Board", "U.S. Treasury" = "US Treasury").
fn name_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .replace('.', "")
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "of" | "the" | "for" | "and" | "de" | "la" | "le" | "du" | "des" | "del"
                )
        })
        .collect();
    words.sort();
    words
}

/// Gives every speaker one name across articles: a surname alone becomes the full name that ends
/// with it (when only one does), and spellings of one name that differ only in order, dots or
/// connectors take the most common spelling.
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
            && let Some([only]) = full_by_surname.get(&s.to_lowercase()).map(Vec::as_slice)
        {
            q.speaker = Some(only.clone());
        }
    }
    // One spelling per name key: the most frequent, then the longest, then the first in order.
    let mut spellings: HashMap<Vec<String>, Vec<(String, usize)>> = HashMap::new();
    for q in quotes.iter() {
        let Some(s) = &q.speaker else { continue };
        let list = spellings.entry(name_key(s)).or_default();
        match list.iter_mut().find(|(name, _)| name == s) {
            Some((_, count)) => *count += 1,
            None => list.push((s.clone(), 1)),
        }
    }
    let chosen: HashMap<Vec<String>, String> = spellings
        .into_iter()
        .filter_map(|(key, list)| {
            let best = list
                .iter()
                .enumerate()
                .max_by_key(|(i, (name, count))| (*count, name.len(), usize::MAX - i))
                .map(|(_, (name, _))| name.clone())?;
            Some((key, best))
        })
        .collect();
    for q in quotes.iter_mut() {
        if let Some(s) = &q.speaker
            && let Some(best) = chosen.get(&name_key(s))
        {
            q.speaker = Some(best.clone());
        }
    }
}
