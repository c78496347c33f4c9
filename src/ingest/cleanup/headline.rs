//! The headline: which first paragraph is the title, a headline printed twice, and the file
//! name as the title of an article that has none. Paragraphs in, the title out (taken out of
//! the paragraphs when it was one of them).
//!
//! Plain text and extracted text (PDF, DOCX) differ: a plain-text first line may end in a
//! period when it is very short; an extracted first paragraph never does.

use crate::ingest::draft::Paragraph;

/// A headline has at most this many words.
const HEADLINE_MAX_WORDS: usize = 30;

/// A headline has at most this many characters.
const HEADLINE_MAX_CHARS: usize = 250;

/// A line ending in a period is still a headline when it is this short.
const SHORT_HEADLINE_WORDS: usize = 12;

/// A first paragraph of at most this many words, not ending in a period, is a headline.
const EXTRACTED_HEADLINE_MAX_WORDS: usize = 25;

/// Whether `line` reads as a headline rather than a sentence of the body: short, and no final
/// period unless very short.
fn looks_like_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let end = line.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')']);
    let sentence = end.ends_with('.') && !end.ends_with("...");
    words <= HEADLINE_MAX_WORDS
        && line.chars().count() <= HEADLINE_MAX_CHARS
        && (!sentence || words <= SHORT_HEADLINE_WORDS)
}

/// Takes the first paragraph out as the title when it is a headline and a body follows;
/// otherwise the title is the file name without its extension.
pub(crate) fn take_text_title(paragraphs: &mut Vec<Paragraph>, path: &str) -> String {
    let headline = paragraphs.len() >= 2
        && paragraphs
            .first()
            .is_some_and(|p| looks_like_headline(p.text.as_str()));
    if headline {
        return paragraphs.remove(0).text.as_str().to_string();
    }
    title_from_path(path)
}

/// Drops the first paragraph when it repeats the title (pages often print the headline twice).
pub(crate) fn drop_repeated_headline(paragraphs: &mut Vec<Paragraph>, title: &str) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let repeated = paragraphs.len() >= 2
        && paragraphs
            .first()
            .is_some_and(|p| fold(p.text.as_str()) == fold(title));
    if repeated {
        paragraphs.remove(0);
    }
    repeated
}

/// Takes the first paragraph out as the title when it reads as a headline (short, no final
/// period) and a body follows; otherwise the title is the file name without its extension.
pub(crate) fn take_extracted_title(paragraphs: &mut Vec<Paragraph>, path: &str) -> String {
    let headline = paragraphs.len() >= 2
        && paragraphs.first().is_some_and(|p| {
            let t = p.text.as_str();
            t.split_whitespace().count() <= EXTRACTED_HEADLINE_MAX_WORDS && !t.ends_with('.')
        });
    if headline {
        return paragraphs.remove(0).text.as_str().to_string();
    }
    title_from_path(path)
}

/// The title of an article with no headline: the file name without its extension (or the path
/// itself when it has none).
pub(crate) fn title_from_path(path: &str) -> String {
    std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::annotated::AnnotatedText;

    fn paragraphs(texts: &[&str]) -> Vec<Paragraph> {
        texts
            .iter()
            .map(|t| Paragraph {
                text: AnnotatedText::copied(t, 0),
                break_after: 0..0,
            })
            .collect()
    }

    #[test]
    fn a_short_sentence_is_a_plain_text_headline_but_not_an_extracted_one() {
        let first = ["Ferry fares rise.", "The operator said so on Monday."];
        let mut text = paragraphs(&first);
        assert_eq!(take_text_title(&mut text, "a.txt"), "Ferry fares rise.");
        assert_eq!(text.len(), 1);
        let mut extracted = paragraphs(&first);
        assert_eq!(take_extracted_title(&mut extracted, "news/a.pdf"), "a");
        assert_eq!(extracted.len(), 2);
    }

    #[test]
    fn a_lone_paragraph_is_never_the_title() {
        let mut one = paragraphs(&["Ferry fares rise"]);
        assert_eq!(take_text_title(&mut one, "dir/fares.txt"), "fares");
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn the_repeated_headline_goes_whatever_its_spacing_and_case() {
        let mut p = paragraphs(&["FERRY  fares rise", "Body."]);
        assert!(drop_repeated_headline(&mut p, "Ferry fares rise"));
        assert_eq!(p.len(), 1);
        assert!(!drop_repeated_headline(&mut p, "Ferry fares rise"));
    }

    #[test]
    fn the_title_of_a_path_without_a_stem_is_the_path() {
        assert_eq!(title_from_path("news/harbour.html"), "harbour");
        assert_eq!(title_from_path(""), "");
    }
}
