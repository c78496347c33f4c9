//! An article's language after cleaning: `meta.language` settled and a warning when the
//! attribution rules cannot read it.
//!
//! `clean::finish` fills `meta.language` from the text when the reader found none
//! (`language::detect_language`, which answers only when whatlang is confident). A reader may
//! also have taken the language from the source (`<html lang>`); a confident detection wins
//! over that declaration, since pages built from templates often declare the site's language,
//! not the article's. When the language is not one the attribution rules read
//! ([`RULE_LANGUAGES`]), the article gets a warning: quotations are still found by their marks,
//! but speakers may be missed.

use super::language::detect_language;
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
}
