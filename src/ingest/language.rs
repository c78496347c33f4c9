//! Cleaned text in, the ISO 639-1 code of its language out (`whatlang`, on the first few
//! thousand bytes), for [`ArticleMeta::language`](crate::model::ArticleMeta::language).

/// How much of the text the detector reads: enough for a confident guess, bounded for speed.
const SAMPLE_BYTES: usize = 4096;

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
pub(crate) fn detect_language(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(text.get(..end)?)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| (*two).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
