//! The plain-text reader: bytes in, a [`Draft`] out (decoded, mojibake repaired, one paragraph
//! per non-blank line, the headline taken out as the title).

use super::annotated::AnnotatedText;
use super::clean::{Draft, Paragraph, split_lines};
use super::repair::{self, decode};
use crate::model::{ArticleMeta, SourceFormat};

/// A headline has at most this many words.
const HEADLINE_MAX_WORDS: usize = 30;

/// A headline has at most this many characters.
const HEADLINE_MAX_CHARS: usize = 250;

/// A line ending in a period is still a headline when it is this short.
const SHORT_HEADLINE_WORDS: usize = 12;

/// Reads a plain-text file.
pub(crate) fn read_text(path: &str, bytes: &[u8]) -> Draft {
    let decoded = decode::decode(bytes);
    let mut warnings = decoded.warnings;
    let (mut draft, notes) = draft_from(path, decoded.text, SourceFormat::Text);
    warnings.extend(notes);
    draft.title = take_title(&mut draft.paragraphs, path);
    if drop_repeated_headline(&mut draft.paragraphs, &draft.title) {
        warnings.push("dropped the headline printed again above the body".to_string());
    }
    draft.warnings = warnings;
    draft
}

/// Text pasted into the app: not decoded (it is already text), but repaired and split.
pub(crate) fn read_pasted(title: &str, outlet: &str, text: &str) -> Draft {
    let folded = decode::fold_newlines(&AnnotatedText::copied(text, 0));
    let path = format!("pasted:{title}");
    let (mut draft, warnings) = draft_from(&path, folded, SourceFormat::Pasted);
    draft.title = title.trim().to_string();
    draft.meta.outlet = Some(outlet.trim().to_string()).filter(|o| !o.is_empty());
    draft.warnings = warnings;
    draft
}

/// Repairs mojibake and splits into paragraphs; the title is left empty.
fn draft_from(path: &str, text: AnnotatedText, format: SourceFormat) -> (Draft, Vec<String>) {
    let (text, warnings) = repair::repair(text);
    let draft = Draft {
        path: path.to_string(),
        format,
        title: String::new(),
        meta: ArticleMeta::default(),
        paragraphs: split_lines(&text),
        warnings: Vec::new(),
    };
    (draft, warnings)
}

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
fn take_title(paragraphs: &mut Vec<Paragraph>, path: &str) -> String {
    let headline = paragraphs.len() >= 2
        && paragraphs
            .first()
            .is_some_and(|p| looks_like_headline(p.text.as_str()));
    if headline {
        return paragraphs.remove(0).text.as_str().to_string();
    }
    super::clean::title_from_path(path)
}

/// Drops the first paragraph when it repeats the title (pages often print the headline twice).
fn drop_repeated_headline(paragraphs: &mut Vec<Paragraph>, title: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_first_line_becomes_the_title() {
        let d = read_text(
            "news/a.txt",
            b"Harbour bridge to close for repairs\nThe bridge will close.\n",
        );
        assert_eq!(d.title, "Harbour bridge to close for repairs");
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn a_dateline_sentence_is_kept_and_the_file_stem_is_the_title() {
        let first = "LISBON, March 3 - The harbour bridge will close for three weeks of repairs \
                     from Monday, the city council said in a statement on Friday.";
        let src = format!("{first}\nTraffic will be diverted.\n");
        let d = read_text("news/bridge-story.txt", src.as_bytes());
        assert_eq!(d.title, "bridge-story");
        assert_eq!(d.paragraphs.first().map(|p| p.text.as_str()), Some(first));
    }

    #[test]
    fn a_headline_printed_twice_is_kept_once() {
        let d = read_text(
            "a.txt",
            b"Ferry line opens
Ferry  line opens
It opened today.
",
        );
        assert_eq!(d.title, "Ferry line opens");
        let texts: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["It opened today."]);
        assert_eq!(
            d.warnings,
            ["dropped the headline printed again above the body"]
        );
    }

    #[test]
    fn a_single_line_is_body_not_title() {
        let d = read_text(
            "one.txt",
            "\u{201c}We will not stop,\u{201d} Ana Ruiz said.".as_bytes(),
        );
        assert_eq!(d.title, "one");
        assert_eq!(d.paragraphs.len(), 1);
    }
}
