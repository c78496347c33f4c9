//! A quotation the user added by hand: the article's original bytes the user selected, turned
//! into a [`Quote`] over the cleaned text.
//!
//! The app knows the selection as bytes of the original file (what [`QuoteKey`] stores, so the
//! correction stays valid when the cleaning rules change); the offset map only goes from
//! cleaned to original, so [`clean_span`] walks the cleaned text's character boundaries to find
//! the widest cleaned span whose original bytes lie inside the selection.

use crate::model::{Article, Quote, QuoteKey, QuoteKind, Span};

/// The cleaned-text span whose original bytes lie within `start..end`, if it holds any text.
pub fn clean_span(article: &Article, start: usize, end: usize) -> Option<Span> {
    let boundaries = article
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(article.text.len()));
    let mut from = None;
    let mut to = None;
    for b in boundaries {
        if from.is_none() && article.offsets.original(b) >= start {
            from = Some(b);
        }
        if from.is_some() && article.offsets.original_end(b) <= end {
            to = Some(b);
        }
    }
    let span = from?..to?;
    let trimmed = trim_span(&article.text, span);
    (trimmed.start < trimmed.end).then_some(trimmed)
}

/// `span` without surrounding white space.
fn trim_span(text: &str, span: Span) -> Span {
    let s = text.get(span.clone()).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (span.start + lead)..(span.end - trail).max(span.start + lead)
}

/// The quotation the user added at `span`'s original bytes, or `None` when they hold no text.
pub(super) fn manual_quote(
    article: &Article,
    span: &QuoteKey,
    speaker: &Option<String>,
    existing: &[Quote],
) -> Option<Quote> {
    let clean = clean_span(article, span.start, span.end)?;
    let passage = existing.iter().map(|q| q.passage + 1).max().unwrap_or(0);
    Some(Quote {
        article_id: article.article_id.clone(),
        text: article.slice(&clean).to_string(),
        kind: QuoteKind::Direct,
        start: span.start,
        end: span.end,
        span: clean,
        speaker: speaker.clone(),
        passage,
        manual: true,
        ..Quote::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OffsetMap;

    #[test]
    fn clean_span_maps_original_bytes_through_a_repair() {
        // original: `say “hi there” now` with 3-byte marks; cleaned text has straight quotes.
        let original = "say \u{201c}hi there\u{201d} now";
        let mut offsets = OffsetMap::new(original.len());
        offsets.push_run(0, 4, 0, 4);
        offsets.push_run(4, 1, 4, 3);
        offsets.push_run(5, 8, 7, 8);
        offsets.push_run(13, 1, 15, 3);
        offsets.push_run(14, 4, 18, 4);
        let article = Article {
            text: "say \"hi there\" now".into(),
            offsets,
            byte_len: original.len(),
            ..Article::default()
        };
        let start = original.find("hi").unwrap();
        let span = clean_span(&article, start, start + "hi there".len()).unwrap();
        assert_eq!(article.slice(&span), "hi there");
        assert_eq!(clean_span(&article, 100, 120), None);
    }
}
