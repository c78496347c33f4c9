//! Word tests the attribution rules ask: speech verbs, titles, roles, organisation words,
//! pronouns and given names (for gender). The words themselves are data in [`crate::lexicon`];
//! this module reads them into sets once and answers for any case.

use crate::lexicon as data;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

type WordSet = LazyLock<FxHashSet<&'static str>>;

fn in_set(set: &WordSet, word: &str) -> bool {
    set.contains(word)
}

/// `word` in lower case, borrowed when it already is (most words of running text).
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

// The lists as sets: every token of every article is looked up in them.
static VERB_SET: WordSet =
    LazyLock::new(|| data::set_of(&[data::SPEECH_VERBS, data::SPEECH_VERBS_FOREIGN]));
static PHRASE_SET: WordSet = LazyLock::new(|| data::set_of(&[data::SPEECH_PHRASES]));
static PHRASE_FIRST_WORDS: WordSet = LazyLock::new(|| {
    PHRASE_SET
        .iter()
        .filter_map(|p| p.split(' ').next())
        .collect()
});
static TITLE_SET: WordSet = LazyLock::new(|| data::set_of(&[data::TITLES]));
static ROLE_SET: WordSet = LazyLock::new(|| data::set_of(&[data::ROLE_NOUNS]));
static ORG_SET: WordSet = LazyLock::new(|| data::set_of(&[data::ORG_WORDS]));
static DOCUMENT_SET: WordSet = LazyLock::new(|| data::set_of(&[data::DOCUMENTS]));
static MALE: WordSet = LazyLock::new(|| data::set_of(&[data::GIVEN_NAMES_MALE]));
static FEMALE: WordSet = LazyLock::new(|| data::set_of(&[data::GIVEN_NAMES_FEMALE]));
static NOT_NAME_SET: WordSet = LazyLock::new(|| data::set_of(&[data::NOT_NAMES]));
static OPENER_SET: WordSet = LazyLock::new(|| data::set_of(&[data::OPENERS]));
static FRAMING_SET: WordSet = LazyLock::new(|| data::set_of(&[data::FRAMING_VERBS]));

/// Words that report an attribution in front of the source: "according to X".
pub const ACCORDING_TO: &[&str] = &["according to", "as stated by", "in the words of"];

/// Pronouns that can stand for a speaker, with the gender they imply.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match lower(word).as_ref() {
        "he" | "him" | "his" => Some(Gender::Male),
        "she" | "her" => Some(Gender::Female),
        "it" | "they" | "we" | "i" => Some(Gender::Unknown),
        _ => None,
    }
}

/// A speaker's grammatical gender as far as the text shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    /// Named "he", "Mr", a man's given name, "spokesman".
    Male,
    /// Named "she", "Ms", a woman's given name, "spokeswoman".
    Female,
    /// Nothing tells, or an organisation.
    #[default]
    Unknown,
}

/// The gender a given name tells, if it is a common one.
pub fn name_gender(given: &str) -> Gender {
    let g = given.to_lowercase();
    let g = g.trim_end_matches('.');
    if in_set(&FEMALE, g) && !in_set(&MALE, g) {
        Gender::Female
    } else if in_set(&MALE, g) && !in_set(&FEMALE, g) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// Whether `word` (any case) is a known given name.
pub fn is_given_name(word: &str) -> bool {
    let g = lower(word);
    in_set(&MALE, &g) || in_set(&FEMALE, &g)
}

/// Whether `word` is the name of a month.
pub fn is_month(word: &str) -> bool {
    matches!(
        lower(word.trim_end_matches(['.', ','])).as_ref(),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// Whether a capitalised word is one that never names a speaker.
pub fn is_not_a_name(word: &str) -> bool {
    let w = lower(word.trim_end_matches(['.', ',', ':']));
    in_set(&NOT_NAME_SET, &w)
}

/// A title or role word in full and lower case: "Gov." → "governor", "Gen" → "general".
pub fn full_title(word: &str) -> String {
    let w = word
        .trim_end_matches('.')
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_lowercase();
    let full = match w.as_str() {
        "gov" => "governor",
        "gen" => "general",
        "sen" => "senator",
        "rep" => "representative",
        "dr" => "doctor",
        "prof" => "professor",
        "lt" => "lieutenant",
        "col" => "colonel",
        "maj" => "major",
        "capt" => "captain",
        "adm" => "admiral",
        "sgt" => "sergeant",
        "brig" => "brigadier",
        "pres" => "president",
        "supt" => "superintendent",
        "insp" => "inspector",
        other => other,
    };
    full.to_string()
}

/// Whether `word` (any case, a final period ignored) is a title.
pub fn is_title(word: &str) -> bool {
    let w = lower(word.trim_end_matches('.'));
    in_set(&TITLE_SET, &w)
}

/// Whether `word` is a speech verb of any language the rules read.
pub fn is_speech_verb(word: &str) -> bool {
    let w = lower(word);
    in_set(&VERB_SET, &w)
}

/// Whether `word` names an organisation.
pub fn is_org_word(word: &str) -> bool {
    let w = lower(word.trim_end_matches("’s").trim_end_matches("'s"));
    in_set(&ORG_SET, &w)
}

/// Whether `word` names a document that speaks for its author ("a statement from the board").
pub fn is_document(word: &str) -> bool {
    in_set(&DOCUMENT_SET, &lower(word))
}

/// Whether `verb particle` is a two-word speech verb ("shot back", "blurted out").
pub fn is_speech_phrase(verb: &str, particle: &str) -> bool {
    let verb = lower(verb);
    // Most words start no phrase: ask the set of first words before building the phrase.
    if !in_set(&PHRASE_FIRST_WORDS, &verb) {
        return false;
    }
    let phrase = format!("{verb} {}", lower(particle));
    in_set(&PHRASE_SET, &phrase)
}

/// Whether a capitalised word opens a sentence or clause and so never starts a name ("But",
/// "While", "Meanwhile", "Asked").
pub fn is_opener(word: &str) -> bool {
    let w = lower(word.trim_end_matches([',', '.', ':']));
    in_set(&OPENER_SET, &w)
}

/// Whether `word` frames a quoted fragment as its subject's words ("called", "described").
pub fn is_framing_verb(word: &str) -> bool {
    in_set(&FRAMING_SET, &lower(word))
}

/// Whether a word starts like a name: a capital, or a lower-case particle joined to one
/// ("al-Mansouri", "d’Arcy").
pub fn is_name_cap(word: &str) -> bool {
    let lower = ["al-", "el-", "ben-", "bin-", "abu-", "d’", "d'"]
        .iter()
        .find_map(|p| word.strip_prefix(p));
    lower
        .unwrap_or(word)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Whether `word` joins the parts of a name ("van der Linde", "de la Cruz").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "des"
            | "la"
            | "le"
            | "ter"
            | "dos"
            | "das"
            | "bin"
            | "ibn"
    )
}

/// Whether a lower-case noun names a person: a role noun, an age ("44-year-old"), or a word
/// built like one ("defender", "director", "scientist", "veteran").
pub fn is_person_noun(word: &str) -> bool {
    let w = lower(word);
    is_role_noun(&w)
        || is_title(&w)
        || w.ends_with("year-old")
        || [
            "er", "or", "ist", "ian", "ant", "ent", "eer", "ess", "man", "woman", "ee",
        ]
        .iter()
        .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

/// Whether `word` is a role noun.
pub fn is_role_noun(word: &str) -> bool {
    in_set(&ROLE_SET, &lower(word))
}

/// The gender a title or role tells, if any.
pub fn title_gender(word: &str) -> Gender {
    match lower(word.trim_end_matches('.')).as_ref() {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" | "congressman"
        | "councilman" | "herr" | "don" | "m" => Gender::Male,
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "spokeswoman"
        | "chairwoman" | "congresswoman" | "councilwoman" | "mme" | "frau" | "doña" | "sra" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}
