//! An article's language: its cleaned text in, `meta.language` (ISO 639-1) and a warning out.
//!
//! `whatlang` reads the text (the first [`SAMPLE_BYTES`] bytes, enough for a reliable guess
//! and bounded on huge files). A reliable guess wins over the language the page declares; an
//! unreliable one is used only when the source declared nothing. When the language is not one
//! the attribution rules read ([`RULE_LANGUAGES`]: English, French, Spanish, German), the
//! article gets a warning: quotations are still found by their marks, but speakers may be missed.

use crate::model::Article;
use whatlang::Lang;

/// Languages whose speech verbs and quotation marks the attribution rules know.
pub const RULE_LANGUAGES: [&str; 4] = ["en", "fr", "es", "de"];

/// How much of the text the detector reads.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Sets `article.meta.language` and warns about languages the rules do not read.
pub(crate) fn detect(article: &mut Article) {
    let sample = prefix(&article.text, SAMPLE_BYTES);
    let detected = whatlang::detect(sample).and_then(|info| {
        let code = iso639_1(info.lang())?;
        Some((code, info.is_reliable()))
    });
    let language = match (detected, article.meta.language.take()) {
        (Some((code, true)), _) => Some(code.to_string()),
        (_, Some(declared)) => Some(declared),
        (Some((code, false)), None) => Some(code.to_string()),
        (None, None) => None,
    };
    if let Some(code) = &language
        && !RULE_LANGUAGES.contains(&code.as_str())
    {
        article.warnings.push(format!(
            "language \u{201c}{code}\u{201d}: quotations are found by their marks, but speakers \
             are only recognised in English, French, Spanish and German"
        ));
    }
    article.meta.language = language;
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// The ISO 639-1 code of a language whatlang detects (`None` for those without one).
#[rustfmt::skip]
fn iso639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Eng => "en", Fra => "fr", Spa => "es", Deu => "de", Por => "pt", Ita => "it",
        Nld => "nl", Rus => "ru", Ukr => "uk", Pol => "pl", Ces => "cs", Slk => "sk",
        Slv => "sl", Hrv => "hr", Srp => "sr", Mkd => "mk", Bul => "bg", Bel => "be",
        Ron => "ro", Hun => "hu", Fin => "fi", Est => "et", Lav => "lv", Lit => "lt",
        Swe => "sv", Dan => "da", Nob => "nb", Ell => "el", Tur => "tr", Aze => "az",
        Uzb => "uz", Tuk => "tk", Kat => "ka", Hye => "hy", Ara => "ar", Heb => "he",
        Yid => "yi", Pes => "fa", Urd => "ur", Hin => "hi", Ben => "bn", Mar => "mr",
        Guj => "gu", Pan => "pa", Tam => "ta", Tel => "te", Kan => "kn", Mal => "ml",
        Ori => "or", Sin => "si", Nep => "ne", Tha => "th", Khm => "km", Mya => "my",
        Vie => "vi", Ind => "id", Jav => "jv", Tgl => "tl", Cmn => "zh", Jpn => "ja",
        Kor => "ko", Amh => "am", Aka => "ak", Zul => "zu", Sna => "sn", Afr => "af",
        Lat => "la", Cat => "ca", Cym => "cy", Epo => "eo",
    })
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
    fn english_is_detected_without_a_warning() {
        let mut a = article(
            "The council voted on Tuesday to close the old bridge for repairs, the mayor said.",
            None,
        );
        detect(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("en"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn a_reliable_detection_beats_a_wrong_declaration() {
        let mut a = article(
            "El alcalde dijo el martes que el puente viejo cerrará durante tres meses por obras, \
             y que los vecinos tendrán que usar el transbordador hasta que terminen los trabajos.",
            Some("en"),
        );
        detect(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("es"));
    }

    #[test]
    fn a_language_the_rules_do_not_read_gets_a_warning() {
        let mut a = article(
            "Burmistrz powiedział we wtorek, że stary most zostanie zamknięty na trzy miesiące.",
            None,
        );
        detect(&mut a);
        assert_eq!(a.meta.language.as_deref(), Some("pl"));
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn the_sample_ends_on_a_char_boundary() {
        assert_eq!(prefix("a\u{e9}b", 2), "a");
    }
}
