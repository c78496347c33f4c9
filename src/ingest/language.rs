//! An article's language, settled once after cleaning: the cleaned text in, `meta.language`
//! (an ISO 639-1 code) and a warning when the attribution rules cannot read it out.
//!
//! The text is read by `whatlang` (on its first kilobyte, and on the first four when that is not enough), which answers only when
//! it is confident. A reader may have taken a language from the source (`<html lang>`); a
//! confident detection wins over that declaration, since pages built from templates often
//! declare the site's language, not the article's; when the detector cannot tell, the
//! declaration stays. When the language is not one the attribution rules read
//! ([`RULE_LANGUAGES`]), the article gets a warning: quotations are still found by their
//! marks, but speakers may be missed. Nothing after ingest detects the language again: the
//! later stages read `meta.language`.

use crate::model::Article;

/// Languages whose speech verbs and quotation marks the attribution rules know.
pub const RULE_LANGUAGES: [&str; 4] = ["en", "fr", "es", "de"];

/// Settles `article.meta.language` and warns about languages the rules do not read.
pub(crate) fn review(article: &mut Article) {
    if let Some(detected) = detect_language(&article.text) {
        article.meta.language = Some(detected);
    }
    if let Some(code) = &article.meta.language
        && !RULE_LANGUAGES.contains(&code.as_str())
    {
        article.warnings.push(format!(
            "language \u{201c}{code}\u{201d}: quotations are found by their marks, but speakers \
             are only recognised in English, French, Spanish and German"
        ));
    }
}

/// How much of the text the detector reads first: enough for a confident guess on most
/// articles, bounded for speed.
const SAMPLE_BYTES: usize = 1024;
/// How much it reads when the first sample leaves it unsure.
const WIDER_SAMPLE_BYTES: usize = 4096;

/// whatlang's ISO 639-3 codes and their ISO 639-1 equivalents.
const ISO_639_1: &[(&str, &str)] = &[
    ("afr", "af"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jpn", "ja"),
    ("kat", "ka"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mkd", "mk"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
];

/// The language of `text`, when whatlang is confident and the language has a 639-1 code.
fn detect_language(text: &str) -> Option<String> {
    let info = detect_in(text, SAMPLE_BYTES)
        .filter(whatlang::Info::is_reliable)
        .or_else(|| (text.len() > SAMPLE_BYTES).then(|| detect_in(text, WIDER_SAMPLE_BYTES))?)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| (*two).to_string())
}

/// whatlang's reading of the first `bytes` bytes of `text` (cut at a character boundary).
fn detect_in(text: &str, bytes: usize) -> Option<whatlang::Info> {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    whatlang::detect(text.get(..end)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, declared: Option<&str>) -> Article {
        let mut a = Article {
            text: text.to_string(),
            ..Article::default()
        };
        a.meta.language = declared.map(str::to_string);
        a
    }

    #[test]
    fn english_gets_no_warning() {
        let mut a = article(
            "The council voted on Tuesday to close the old bridge for repairs, the mayor said.",
            None,
        );
        review(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn a_confident_detection_beats_a_wrong_declaration() {
        let mut a = article(
            "El alcalde dijo el martes que el puente viejo cerrará durante tres meses por obras, \
             y que los vecinos tendrán que usar el transbordador hasta que terminen los trabajos.",
            Some("en"),
        );
        review(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("es"));
    }

    #[test]
    fn a_declaration_stays_when_the_text_is_too_short_to_tell() {
        let mut a = article("OK.", Some("de"));
        review(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("de"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn a_language_the_rules_do_not_read_gets_a_warning() {
        let mut a = article(
            "Burmistrz powiedział we wtorek, że stary most zostanie zamknięty na trzy miesiące, \
             a mieszkańcy będą musieli korzystać z promu, dopóki prace się nie zakończą.",
            None,
        );
        review(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("pl"));
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn a_first_kilobyte_without_words_is_read_further() {
        let figures = "2024 1,250 3.5% 17:30 98 410 2,000 ".repeat(40);
        assert!(figures.len() > SAMPLE_BYTES);
        let text = format!(
            "{figures}\nThe council approved the new budget on Tuesday after a long and heated \
             debate about the cost of repairing the old harbour bridge."
        );
        assert_eq!(
            detect_in(&text, SAMPLE_BYTES).map(|i| i.is_reliable()),
            None
        );
        assert_eq!(detect_language(&text).as_deref(), Some("en"));
    }

    #[test]
    fn english_and_spanish_are_told_apart() {
        let en = "The council approved the new budget on Tuesday after a long and heated debate \
                  about the cost of repairing the old harbour bridge.";
        let es = "El ayuntamiento aprobó el nuevo presupuesto el martes después de un largo debate \
                  sobre el coste de reparar el viejo puente del puerto.";
        assert_eq!(detect_language(en).as_deref(), Some("en"));
        assert_eq!(detect_language(es).as_deref(), Some("es"));
        assert_eq!(detect_language("ok"), None);
    }
}
