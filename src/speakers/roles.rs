//! Roles and descriptions → the person or body they stand for: "the spokeswoman" (a named
//! holder of the role), "the 44-year-old" (the person printed with that age), "the company"
//! (the organisation), "her spokesman" / "his office" (the person the possessive points to),
//! "the statement" (whoever issued it), and "the rookie defender" (the subject the text
//! continues).

use super::lexicon::{self, Gender};
use super::mentions::{Mentions, Named};
use super::names::{Mention, MentionKind};
use super::salience::{Hit, Scene, Want};
use crate::model::SpeakerVia;

/// Resolves a role mention printed as `phrase` at `at`.
pub fn resolve(
    scene: &Scene,
    mention: &Mention,
    phrase: &str,
    at: usize,
    mentions: &Mentions,
    depth: usize,
) -> Option<Hit> {
    // Each step either does not apply (`None`) or decides (`Some(found or not)`).
    let name = owner_of(scene, phrase, at, mentions, depth)
        .or_else(|| possessor(phrase, at, mentions).map(Some))
        .or_else(|| body_of(scene, mention, phrase, at, mentions, depth))
        .unwrap_or_else(|| holder_of(scene, mention, phrase, at, mentions, depth))?;
    Some(Hit {
        name,
        via: SpeakerVia::Description,
        evidence: at..at + phrase.len(),
    })
}

/// "her spokesman", "his office": whoever the possessive points to.
fn owner_of(
    scene: &Scene,
    phrase: &str,
    at: usize,
    mentions: &Mentions,
    depth: usize,
) -> Option<Option<String>> {
    let want = match first_word(phrase).as_str() {
        "his" => Want::Person(Gender::Male),
        "her" => Want::Person(Gender::Female),
        "its" | "their" => Want::Body,
        _ => return None,
    };
    Some(scene.walk(at, want, mentions, depth).map(|h| h.name))
}

/// "the company", "a council spokesperson", "a spokesperson for the authority", "the
/// statement": the organisation printed with that word; a body with none printed is the one
/// the text is speaking of, a document whoever issued it.
fn body_of(
    scene: &Scene,
    mention: &Mention,
    phrase: &str,
    at: usize,
    mentions: &Mentions,
    depth: usize,
) -> Option<Option<String>> {
    let head = head_role(mention);
    let speaks_for = head.starts_with("spokes") || head == "representative";
    let document = is_document_role(mention);
    if !(is_body(mention) || speaks_for || document) {
        return None;
    }
    // The organisation word may stand in the printed phrase only ("the board’s statement").
    let named = mention
        .name
        .split_whitespace()
        .chain(phrase.split_whitespace())
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .find(|w| lexicon::is_org_word(w));
    if let Some(org_word) = named {
        let body = organisation_with(mentions, at, &org_word);
        // A document of a body printed by its kind only ("the board’s statement") that the
        // article never names is left for the other versions to name, not given to whoever
        // spoke last.
        if body.is_some() || document {
            return Some(body);
        }
    }
    let want = match (is_body(mention), document) {
        (true, _) => Want::Body,
        (false, true) => Want::Anyone,
        (false, false) => return None,
    };
    Some(scene.walk(at, want, mentions, depth).map(|h| h.name))
}

/// A person's role: the named holder before it ("Lena Brandt, a spokeswoman" for "the
/// spokeswoman"), else for a definite description ("the 44-year-old", "the rookie
/// defender") the person the text has just spoken of, else a holder named after it.
fn holder_of(
    scene: &Scene,
    mention: &Mention,
    phrase: &str,
    at: usize,
    mentions: &Mentions,
    depth: usize,
) -> Option<String> {
    let head = head_role(mention);
    let holds = |n: &&Named| holds_role(n, &head, mention);
    if let Some(n) = mentions.before(at).find(holds) {
        return Some(n.mention.name.clone());
    }
    if first_word(phrase) == "the" && depth <= 1 {
        let want = Want::Person(mention.gender);
        return scene.walk(at, want, mentions, depth + 1).map(|h| h.name);
    }
    mentions
        .after(at)
        .find(holds)
        .map(|n| n.mention.name.clone())
}

fn first_word(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// The person a possessive in a role phrase names: a surname ("Ashworth’s office") completed
/// to the full name, or a role ("the premier’s office") resolved to its named holder.
fn possessor(phrase: &str, at: usize, mentions: &Mentions) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let (k, owner) = words.iter().enumerate().find_map(|(k, w)| {
        let stem = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s"))?;
        Some((k, stem))
    })?;
    // Only a person's own staff or office speaks for them.
    let staff = words.get(k + 1..)?.iter().any(|w| {
        let w = w.to_lowercase();
        w.starts_with("spokes")
            || matches!(
                w.as_str(),
                "office" | "aide" | "aides" | "lawyer" | "lawyers" | "campaign" | "team" | "family"
            )
    });
    if !staff || lexicon::is_org_word(owner) {
        return None;
    }
    if lexicon::is_name_cap(owner) {
        return mentions.full_name(owner).or_else(|| {
            mentions
                .before(at)
                .find(|n| n.mention.kind == MentionKind::Person && n.mention.surname() == owner)
                .map(|n| n.mention.name.clone())
        });
    }
    let role = lexicon::full_title(owner);
    mentions
        .before(at)
        .find(|n| n.mention.kind == MentionKind::Person && n.mention.roles.contains(&role))
        .map(|n| n.mention.name.clone())
}

/// The nearest organisation whose name holds `org_word`, before `at` or else after it.
fn organisation_with(mentions: &Mentions, at: usize, org_word: &str) -> Option<String> {
    let holds = |n: &&Named| {
        n.mention.kind == MentionKind::Org
            && n.mention
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w.trim_end_matches("’s").trim_end_matches("'s") == org_word)
    };
    mentions
        .before(at)
        .find(holds)
        .or_else(|| mentions.after(at).find(holds))
        .map(|n| n.mention.name.clone())
}

/// The role word a mention turns on: the last role before a preposition ("senior official in
/// the mayor's office" → "official"), else its last role.
fn head_role(mention: &Mention) -> String {
    mention
        .name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "in" | "of" | "for" | "at" | "from" | "with"))
        .filter(|w| lexicon::is_role_noun(w) || lexicon::is_title(w) || w.ends_with("year-old"))
        .last()
        .map(lexicon::full_title)
        .or_else(|| mention.roles.last().cloned())
        .unwrap_or_else(|| mention.name.clone())
}

/// Whether a named mention holds `head` ("Lena Brandt, a spokeswoman" for "the spokeswoman").
fn holds_role(n: &Named, head: &str, role: &Mention) -> bool {
    let words = role.name.split_whitespace().count();
    // An unnamed role holds it only if it says more ("senior official in the mayor's office"
    // for "the official").
    let informative =
        n.mention.kind != MentionKind::Role || n.mention.name.split_whitespace().count() > words;
    informative
        && n.mention.kind != MentionKind::Org
        && (n
            .mention
            .roles
            .iter()
            .any(|r| r == head || r.ends_with(&format!(" {head}")))
            || n.mention
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == head))
}

/// A role that stands for one person ("a spokeswoman for the hospital"), not a body or a crowd.
pub fn is_one_person(mention: &Mention) -> bool {
    let head = mention
        .name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "for" | "of" | "in" | "at" | "from" | "with"))
        .last()
        .unwrap_or("")
        .to_lowercase();
    !head.ends_with('s') && !lexicon::is_org_word(&head) && !lexicon::is_document(&head)
}

/// A role that stands for a body ("the ministry", "the company"), not for someone speaking
/// for one ("a spokeswoman for the hospital").
pub fn is_body(mention: &Mention) -> bool {
    mention
        .name
        .split_whitespace()
        .take_while(|w| !matches!(*w, "for" | "of" | "in" | "at" | "from" | "with"))
        .last()
        .is_some_and(|w| lexicon::is_org_word(w.trim_end_matches("’s").trim_end_matches("'s")))
}

/// A document that speaks for its author ("the statement", "the memo").
pub fn is_document_role(mention: &Mention) -> bool {
    mention
        .name
        .split_whitespace()
        .last()
        .is_some_and(lexicon::is_document)
}
