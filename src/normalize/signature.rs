//! A quotation reduced to what grouping compares: content terms, numbers and the shape of
//! the sentence.

use super::{UnitKind, units};

/// What grouping compares of a quotation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signature {
    /// Content terms in text order: stems of content words, `@name` for known aliases,
    /// `#value` for numbers.
    pub terms: Vec<String>,
    /// The number terms among them.
    pub numbers: Vec<String>,
    /// Every word and number key in order, for telling near-identical texts apart.
    pub keys: Vec<String>,
    /// The stem of every word and number in order, function words included: the shape of
    /// the sentence, which a translation keeps more than its content words.
    pub stems: Vec<String>,
}

/// The content signature of `text`: stems of content words minus stop words, numbers as
/// values, aliases as their canonical name.
pub fn signature(text: &str) -> Signature {
    let mut sig = Signature::default();
    for unit in units(text) {
        match unit.kind {
            UnitKind::Number => {
                sig.stems.push(unit.stem.clone());
                sig.terms.push(unit.stem.clone());
                sig.numbers.push(unit.stem);
                sig.keys.push(unit.key);
            }
            UnitKind::Word => {
                let content = !unit.stop && !unit.negation && unit.stem.chars().count() > 1;
                match unit.key.strip_suffix("n't").filter(|_| unit.negation) {
                    // "don't" has the shape of "do not".
                    Some(verb) => sig
                        .stems
                        .extend([contracted(verb).to_string(), "not".into()]),
                    None => sig.stems.push(unit.stem.clone()),
                }
                if content {
                    sig.terms.push(unit.stem);
                }
                sig.keys.push(unit.key);
            }
            UnitKind::Punct | UnitKind::Space => {}
        }
    }
    sig
}

/// The verb a negative contraction is made on: "do" of "don't", "will" of "won't".
fn contracted(verb: &str) -> &str {
    match verb {
        "wo" => "will",
        "ca" => "can",
        "sha" => "shall",
        _ => verb,
    }
}
