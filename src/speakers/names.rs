//! Name phrases → mentions: who a phrase such as "a Harbour Board spokesman, Tom Varga" or
//! "the department" or "she" stands for, before any resolution.
//!
//! A phrase is split at commas (appositives); each part is read as a pronoun, a role ("the
//! spokesman"), an organisation (a capitalised run holding an organisation word) or a person
//! (the capitalised words after the last title or role, starting at a known given name when
//! there is one). A person part wins over the parts around it, whose roles it takes.

use super::lexicon::{self, Gender};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum MentionKind {
    /// he, she, it, they.
    Pronoun,
    /// the spokesman, the ministry: a role to resolve to a named mention.
    Role,
    /// A person's name, full or surname only.
    Person,
    /// An organisation, a government or a place standing for one.
    Org,
}

/// One reading of a name phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// What it is.
    pub kind: MentionKind,
    /// The name without titles and articles ("Tom Varga", "Port Authority of Westvale"), the
    /// pronoun, or the role words for a role.
    pub name: String,
    /// The gender the phrase tells.
    pub gender: Gender,
    /// Lower-case role and organisation words around the name ("spokesman", "department").
    pub roles: Vec<String>,
}

impl Mention {
    /// The last word of a person's name.
    pub fn surname(&self) -> &str {
        self.name.split_whitespace().last().unwrap_or("")
    }
}

const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "de", "del", "la", "le", "du", "des", "von", "van", "der", "den",
    "di", "da", "y", "on", "&",
];

fn is_cap(word: &str) -> bool {
    lexicon::is_name_cap(word)
}

fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')'))
}

/// Whether `c` is a quotation mark of any kind.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '„' | '‘' | '’' | '‚' | '\''
    )
}

/// Reads a name phrase. `None` when it names no one.
pub fn parse_phrase(phrase: &str) -> Option<Mention> {
    let without_parens = strip_parenthesised(phrase);
    let parts: Vec<Mention> = without_parens
        .split(',')
        .filter(|p| {
            let first = p.split_whitespace().next().unwrap_or("").to_lowercase();
            !matches!(first.as_str(), "who" | "which" | "whose" | "where")
        })
        .filter_map(|p| parse_part(p.trim()))
        .collect();
    // Of several person parts ("the Minister of X, Jane Holt"), the bare name wins.
    let person_score = |m: &Mention| {
        let given = m
            .name
            .split_whitespace()
            .next()
            .is_some_and(lexicon::is_given_name);
        usize::from(given) * 4 + m.name.split_whitespace().count()
    };
    let best = parts
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Person)
        .max_by_key(|(i, m)| (person_score(m), usize::MAX - i))
        .map(|(i, _)| i)
        .or_else(|| parts.iter().position(|m| m.kind == MentionKind::Org))
        .or_else(|| parts.iter().position(|m| m.kind == MentionKind::Pronoun))
        .or_else(|| (!parts.is_empty()).then_some(0))?;
    let mut mention = parts.get(best)?.clone();
    for (i, other) in parts.iter().enumerate() {
        if i == best {
            continue;
        }
        for r in &other.roles {
            // A person's roles are what they are ("chief engineer"), not whose they are
            // ("the board's"): organisation words stay with organisations.
            let affiliation = mention.kind == MentionKind::Person && lexicon::is_org_word(r);
            if !affiliation && !mention.roles.contains(r) {
                mention.roles.push(r.clone());
            }
        }
        if mention.gender == Gender::Unknown {
            mention.gender = other.gender;
        }
        if other.kind == MentionKind::Org && mention.kind == MentionKind::Person {
            mention.roles.push(other.name.to_lowercase());
        }
    }
    Some(mention)
}

/// Removes "(…)" groups such as an acronym after a name.
fn strip_parenthesised(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1_i32).max(0),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words that open a part without being part of the name: determiners and prepositions.
fn is_lead_word(w: &str) -> bool {
    lexicon::is_opener(w)
        || matches!(
            w.to_lowercase().as_str(),
            "a" | "an"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "in"
                | "on"
                | "at"
                | "from"
                | "for"
                | "by"
                | "with"
                | "after"
                | "during"
                | "le"
                | "la"
                | "les"
                | "l'"
                | "el"
                | "los"
                | "las"
                | "der"
                | "die"
                | "das"
        )
}

/// Reads one comma-free part of a name phrase.
fn parse_part(part: &str) -> Option<Mention> {
    let words: Vec<&str> = part
        .split_whitespace()
        .map(clean_word)
        .filter(|w| !w.is_empty())
        .collect();
    if let [only] = words.as_slice()
        && let Some(gender) = lexicon::pronoun_gender(only)
    {
        return Some(Mention {
            kind: MentionKind::Pronoun,
            name: only.to_lowercase(),
            gender,
            roles: Vec::new(),
        });
    }
    let start = words
        .iter()
        .position(|w| !is_lead_word(w))
        .unwrap_or(words.len());
    let definite = start > 0;
    let words = words.get(start..).unwrap_or(&[]);
    if words.is_empty() || words.iter().all(|w| lexicon::is_not_a_name(w)) {
        return None;
    }
    if definite && let Some(role) = demonym(words) {
        return Some(role);
    }
    let (mut roles, gender) = roles_and_gender(words);
    if !words.iter().any(|w| is_cap(w)) {
        // Lower-case only: a role such as "the spokesman" or "senior officials", or a
        // description after a determiner ("the rookie defender", "the 44-year-old").
        let described = words
            .last()
            .filter(|w| definite && lexicon::is_person_noun(w));
        if let (true, Some(noun)) = (roles.is_empty(), described) {
            roles.push(noun.to_lowercase());
        }
        return (!roles.is_empty()).then(|| Mention {
            kind: MentionKind::Role,
            name: words.join(" ").to_lowercase(),
            gender,
            roles,
        });
    }
    if let Some(person) = person_after_titles(words) {
        return Some(person_mention(person, gender, roles));
    }
    Some(role_or_org(words, gender, roles))
}

/// The role, title and organisation words of a part, and the gender its titles tell.
fn roles_and_gender(words: &[&str]) -> (Vec<String>, Gender) {
    let mut roles: Vec<String> = Vec::new();
    let mut gender = Gender::Unknown;
    for w in words {
        if lexicon::is_role_noun(w) || lexicon::is_title(w) || lexicon::is_org_word(w) {
            roles.push(lexicon::full_title(w));
        }
        if gender == Gender::Unknown {
            gender = lexicon::title_gender(w);
        }
    }
    (roles, gender)
}

/// A person's mention: the gender the titles tell, else the given name's (a surname alone,
/// "Kim", tells none); organisation words are not a person's roles.
fn person_mention(person: String, gender: Gender, roles: Vec<String>) -> Mention {
    let gender = match gender {
        Gender::Unknown if person.contains(' ') => person
            .split_whitespace()
            .next()
            .map_or(Gender::Unknown, lexicon::name_gender),
        known => known,
    };
    Mention {
        kind: MentionKind::Person,
        name: person,
        gender,
        roles: roles
            .into_iter()
            .filter(|r| !lexicon::is_org_word(r))
            .collect(),
    }
}

/// A capitalised part that names no person: a role ("the Nuitrail chief", "the Minister of
/// Water Resources") or an organisation ("statement from the Harbour Board" → the board).
fn role_or_org(words: &[&str], gender: Gender, roles: Vec<String>) -> Mention {
    let title_only = words.iter().all(|w| {
        lexicon::is_title(w)
            || lexicon::is_role_noun(w)
            || CONNECTORS.contains(&w.to_lowercase().as_str())
    });
    // "the Nuitrail chief", "the state's governor": a role with its organisation in front.
    let ends_in_role = words.last().is_some_and(|w| {
        lexicon::is_title(w) || (lexicon::is_role_noun(w) && !lexicon::is_org_word(w))
    });
    // "the Minister of Water Resources": a title and its complement.
    let title_of = words.first().is_some_and(|w| {
        lexicon::is_title(w)
            || (lexicon::is_role_noun(w) && !lexicon::is_org_word(w) && !lexicon::is_document(w))
    }) && words.get(1).is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "of" | "for" | "at" | "in" | "from" | "with" | "to"
        )
    });
    let org_last = words.last().is_some_and(|w| lexicon::is_org_word(w));
    if title_of || ((title_only || ends_in_role) && !org_last) {
        return Mention {
            kind: MentionKind::Role,
            name: words.join(" ").to_lowercase(),
            gender,
            roles,
        };
    }
    // "statement from the Harbour Board" is the Harbour Board's.
    let from = words
        .iter()
        .rposition(|w| matches!(*w, "from" | "at" | "with"))
        .map_or(0, |i| i + 1);
    let rest = words.get(from..).unwrap_or(&[]);
    let rest = match rest.split_first() {
        Some((w, tail)) if w.eq_ignore_ascii_case("the") => tail,
        _ => rest,
    };
    Mention {
        kind: MentionKind::Org,
        name: rest.join(" "),
        gender,
        roles,
    }
}

/// "the Italian", "the 22-year-old Serbian": a nationality after a determiner describes a
/// person; it is not their name.
fn demonym(words: &[&str]) -> Option<Mention> {
    let last = words.last()?;
    let caps = words.iter().filter(|w| is_cap(w)).count();
    let looks = [
        "ian", "ean", "ese", "ish", "ani", "eli", "man", "ard", "yan", "can",
    ]
    .iter()
    .any(|s| last.ends_with(s));
    (caps == 1
        && is_cap(last)
        && looks
        && !lexicon::is_given_name(last)
        && !lexicon::is_org_word(last))
    .then(|| Mention {
        kind: MentionKind::Role,
        name: words.join(" ").to_lowercase(),
        gender: Gender::Unknown,
        roles: vec![last.to_lowercase()],
    })
}

/// The person's name in a run like "Treasury Secretary Jane Doe" or "Gen. Ana Ruiz": the
/// capitalised words after the last title or role, with no organisation word among them.
fn person_after_titles(words: &[&str]) -> Option<String> {
    let last_title = words
        .iter()
        .rposition(|w| lexicon::is_title(w) || (!is_cap(w) && lexicon::is_role_noun(w)));
    let mut tail: &[&str] = match last_title {
        Some(i) => words.get(i + 1..).unwrap_or(&[]),
        None => words,
    };
    // "Secretary of State Jane Doe": skip the "of State" that completes the title.
    let mut completed = false;
    while let Some(first) = tail.first() {
        if matches!(
            first.to_lowercase().as_str(),
            "of" | "for" | "the" | "and" | "on"
        ) {
            tail = tail.get(2..).unwrap_or(&[]);
            completed = true;
        } else {
            break;
        }
    }
    // A name never opens with a lower-case word other than a particle ("hydrologist Joost…").
    let lead = tail
        .iter()
        .take_while(|w| !is_cap(w) && !lexicon::is_name_particle(w) && !lexicon::is_org_word(w))
        .count();
    tail = tail.get(lead..).unwrap_or(&[]);
    // Start at a known given name when there is one; otherwise keep the last three words.
    let given = tail.iter().position(|w| lexicon::is_given_name(w));
    if let Some(g) = given {
        // "Dr. Chiara Ferraro of the University of Padua": the name ends before "of".
        let end = tail
            .iter()
            .skip(g)
            .position(|w| matches!(*w, "of" | "at" | "from" | "for" | "with" | "in"))
            .map_or(tail.len(), |k| g + k);
        tail = tail.get(..end).unwrap_or(tail);
    }
    // "Minister of Water Resources": one word left after the title's complement is more of it.
    if completed && given.is_none() && tail.len() < 2 {
        return None;
    }
    // A month after a title is a given name ("Prime Minister June Halvorsen").
    let month_as_name = |k: usize, w: &&str| {
        last_title.is_some() && k == 0 && tail.len() >= 2 && lexicon::is_month(w)
    };
    if tail
        .iter()
        .enumerate()
        .any(|(k, w)| lexicon::is_not_a_name(w) && !month_as_name(k, w))
    {
        return None;
    }
    let core = |ws: &[&str]| ws.iter().filter(|w| !lexicon::is_name_particle(w)).count();
    if last_title.is_none() && given.is_none() && core(tail) > 3 {
        return None;
    }
    let from = given.unwrap_or_else(|| name_start(tail));
    let name_words = tail.get(from..).unwrap_or(&[]);
    if name_words.is_empty() || core(name_words) > 3 || name_words.len() > 5 {
        return None;
    }
    let well_formed = name_words.iter().enumerate().all(|(k, w)| {
        let inner_particle = k > 0 && k + 1 < name_words.len() && lexicon::is_name_particle(w);
        (is_cap(w) || inner_particle || (k == 0 && lexicon::is_name_particle(w)))
            && !lexicon::is_org_word(w)
            && w.chars().count() > 1
    });
    if !well_formed
        || name_words
            .last()
            .is_some_and(|w| lexicon::is_name_particle(w))
    {
        return None;
    }
    let name: Vec<&str> = name_words
        .iter()
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .collect();
    Some(name.join(" "))
}

/// Where a name without a known given name starts in `tail`: its last three words, particles
/// ("de la Cruz") not counted.
fn name_start(tail: &[&str]) -> usize {
    let mut core = 0;
    for k in (0..tail.len()).rev() {
        let particle = tail.get(k).is_some_and(|w| lexicon::is_name_particle(w));
        if !particle {
            if core == 3 {
                return k + 1;
            }
            core += 1;
        }
    }
    0
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
