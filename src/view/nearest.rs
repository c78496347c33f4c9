//! Where an article that does not quote a statement comes nearest to its wording.
//!
//! In: an article and a statement's text. Out: the byte range of the article's text (one
//! sentence, or two running on in one paragraph) sharing the most of the statement's content
//! words, for the window to scroll to and highlight; `None` when nothing shares enough.

use crate::extract::sentences::sentences;
use crate::model::{Article, Span};
use crate::normalize::{self, UnitKind};
use rustc_hash::FxHashSet;

/// Fewest content words a passage must share with the statement to be shown as its nearest.
const MIN_SHARED: usize = 2;
/// Most sentences one passage spans.
const MAX_SENTENCES: usize = 2;

/// The content words (numbers included) of `text`, by comparison key.
fn content_keys(text: &str) -> FxHashSet<String> {
    normalize::units(text)
        .into_iter()
        .filter(|u| u.kind == UnitKind::Number || (u.kind == UnitKind::Word && !u.stop))
        .map(|u| u.key)
        .collect()
}

/// The passage of `article` nearest to `statement`'s wording: the most content words shared;
/// among equals the shortest, then the first.
///
/// ```
/// use verbatim::view::nearest::nearest_wording;
/// use verbatim::Article;
/// let text = "Roads reopen today. The mayor said the tram will run by March, not May.";
/// let article = Article { text: text.into(), paragraphs: vec![0..text.len()], ..Article::default() };
/// let span = nearest_wording(&article, "The tram will run in March").unwrap();
/// assert_eq!(&text[span], "The mayor said the tram will run by March, not May.");
/// ```
pub fn nearest_wording(article: &Article, statement: &str) -> Option<Span> {
    let wanted = content_keys(statement);
    let needed = MIN_SHARED.min(wanted.len()).max(1);
    let paragraphs = if article.paragraphs.is_empty() {
        std::iter::once(0..article.text.len()).collect()
    } else {
        article.paragraphs.clone()
    };
    let mut best: Option<(usize, usize, Span)> = None;
    for paragraph in paragraphs {
        let spans = sentences(&article.text, paragraph);
        for (i, first) in spans.iter().enumerate() {
            for last in spans.iter().skip(i).take(MAX_SENTENCES) {
                let span = first.start..last.end;
                let Some(text) = article.text.get(span.clone()) else {
                    continue;
                };
                let shared = content_keys(text).intersection(&wanted).count();
                let better = best
                    .as_ref()
                    .is_none_or(|(s, len, _)| shared > *s || (shared == *s && span.len() < *len));
                if shared >= needed && better {
                    best = Some((shared, span.len(), span));
                }
            }
        }
    }
    best.map(|(_, _, span)| span)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn article(paragraphs: &[&str]) -> Article {
        let text = paragraphs.join("\n\n");
        let mut spans = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            spans.push(at..at + p.len());
            at += p.len() + 2;
        }
        Article {
            text,
            paragraphs: spans,
            ..Article::default()
        }
    }

    #[test]
    fn the_sentence_sharing_most_words_is_found_in_any_paragraph() {
        let a = article(&[
            "The council met on Tuesday. Fares were discussed.",
            "Later the director said fares for the ferry would stay frozen until spring. \
             Residents left early.",
        ]);
        let span = nearest_wording(&a, "Ferry fares will stay frozen until the spring.").unwrap();
        assert_eq!(
            &a.text[span],
            "Later the director said fares for the ferry would stay frozen until spring."
        );
    }

    #[test]
    fn a_statement_told_over_two_sentences_is_found_as_both() {
        let a = article(&["The pier closes in June. Repairs take eight weeks. Nothing else."]);
        let span =
            nearest_wording(&a, "The pier closes in June and repairs take eight weeks").unwrap();
        assert_eq!(
            &a.text[span],
            "The pier closes in June. Repairs take eight weeks."
        );
    }

    #[test]
    fn an_article_sharing_too_little_has_no_nearest_wording() {
        let a = article(&["Weather stays mild. Schools open as usual."]);
        assert_eq!(
            nearest_wording(&a, "Ferry fares will stay frozen until spring."),
            None
        );
    }
}
