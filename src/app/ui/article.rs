//! Provenance: the chosen version in its article, the quotation highlighted and its
//! attribution underlined, scrolled into view.
//!
//! The text can be selected (each paragraph is a read-only text field): the selection can be
//! added as a quotation the engine missed, or marked as not a quotation.
//!
//! In: the document (the selected version, or the selected statement's reference), a scroll
//! request and the last selection. Out: the drawn article; correction commands.

use super::UiState;
use crate::app::command::Command;
use crate::app::state::Document;
use crate::app::theme;
use crate::corrections::{Correction, key_of_selection};
use crate::model::{Article, Span};
use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

/// Text selected in the article view: the article's content hash and a byte range of its
/// cleaned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSelection {
    /// [`Article::content_hash`].
    pub article_hash: String,
    /// Bytes of [`Article::text`].
    pub span: Span,
}

/// Draws the article of the selected version.
pub fn article_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    let quote_id = doc
        .selected_quote
        .clone()
        .or_else(|| doc.selected().map(|g| g.reference.clone()));
    let Some(quote) = quote_id.as_deref().and_then(|id| doc.quote(id)) else {
        ui.label("Select a statement, then \"Show in article\" on one of its versions.");
        return;
    };
    let Some(article) = doc.analysis.article(&quote.article_id) else {
        ui.label("The article of this quotation is no longer open.");
        return;
    };
    ui.heading(article.title.as_str());
    let mut details = vec![article.path.clone()];
    details.extend(article.meta.outlet.clone());
    details.extend(article.meta.published.clone());
    ui.label(RichText::new(details.join(" · ")).small().weak());
    ui.label(
        RichText::new(
            "The quotation is highlighted; its attribution is underlined. \
             Select words to add a quotation the analysis missed.",
        )
        .small(),
    );
    selection_ui(ui, article, state, out);
    ui.separator();
    let scroll = std::mem::take(&mut state.scroll_article);
    let attribution = quote.attribution.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for paragraph in paragraphs(article) {
                let job = paragraph_job(ui, article, &paragraph, &quote.span, attribution.as_ref());
                let (response, selected) = paragraph_ui(ui, article, &paragraph, job);
                if let Some(span) = selected {
                    state.article_selection = Some(ArticleSelection {
                        article_hash: article.content_hash.clone(),
                        span,
                    });
                }
                if scroll
                    && paragraph.start <= quote.span.start
                    && quote.span.start < paragraph.end.max(paragraph.start + 1)
                {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
                ui.add_space(6.0);
            }
        });
}

/// The selection's words and what can be done with them.
fn selection_ui(ui: &mut Ui, article: &Article, state: &mut UiState, out: &mut Vec<Command>) {
    let Some(selection) = state
        .article_selection
        .clone()
        .filter(|s| s.article_hash == article.content_hash)
    else {
        return;
    };
    let words = article.slice(&selection.span);
    ui.horizontal_wrapped(|ui| {
        let shown: String = words.chars().take(80).collect();
        ui.label(RichText::new(format!("Selected: “{shown}”")).italics());
        let span = key_of_selection(article, &selection.span);
        if ui.button("Add as quotation").clicked() {
            out.push(Command::Correct(Correction::AddQuote {
                span,
                speaker: None,
            }));
            state.article_selection = None;
        } else if ui.button("Not a quotation").clicked() {
            out.push(Command::Correct(Correction::NotAQuote { span }));
            state.article_selection = None;
        }
    });
}

/// One paragraph as selectable read-only text; returns the selection in it as bytes of the
/// article's text, when the user has selected something there.
fn paragraph_ui(
    ui: &mut Ui,
    article: &Article,
    paragraph: &Span,
    job: LayoutJob,
) -> (egui::Response, Option<Span>) {
    let mut text = article.slice(paragraph);
    let mut layouter = |ui: &Ui, _: &dyn egui::TextBuffer, width: f32| {
        let mut job = job.clone();
        job.wrap.max_width = width;
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let output = egui::TextEdit::multiline(&mut text)
        .layouter(&mut layouter)
        .frame(egui::Frame::NONE)
        .desired_rows(1)
        .desired_width(f32::INFINITY)
        .show(ui);
    let selected = output
        .cursor_range
        .filter(|_| output.response.has_focus())
        .map(|r| r.as_sorted_char_range())
        .map(|r| char_span(text, r.start.0, r.end.0))
        .filter(|s| !s.is_empty())
        .map(|s| paragraph.start + s.start..paragraph.start + s.end);
    (output.response.response, selected)
}

/// The bytes of `text` from character `start` to character `end`.
fn char_span(text: &str, start: usize, end: usize) -> Span {
    let byte = |i: usize| text.char_indices().nth(i).map_or(text.len(), |(b, _)| b);
    byte(start)..byte(end)
}

/// The article's paragraphs, or its whole text as one when it lists none.
fn paragraphs(article: &Article) -> Vec<Span> {
    if article.paragraphs.is_empty() {
        std::iter::once(0..article.text.len()).collect()
    } else {
        article.paragraphs.clone()
    }
}

/// One paragraph with the quotation and attribution styled where they fall in it.
fn paragraph_job(
    ui: &Ui,
    article: &Article,
    paragraph: &Span,
    quote: &Span,
    attribution: Option<&Span>,
) -> LayoutJob {
    let visuals = ui.visuals();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = theme::plain_format(visuals, font.clone());
    let with_font = |f: TextFormat| TextFormat {
        font_id: font.clone(),
        ..f
    };
    let quote_format = with_font(theme::quote_highlight(visuals));
    let attribution_format = with_font(theme::attribution_highlight(visuals));
    // Cut points: the paragraph's ends and every highlight edge inside it.
    let mut cuts = vec![paragraph.start, paragraph.end];
    for span in std::iter::once(quote).chain(attribution) {
        cuts.extend(
            [span.start, span.end]
                .into_iter()
                .filter(|&c| paragraph.start < c && c < paragraph.end),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let Some(text) = article.text.get(start..end) else {
            // A span that does not fall on character boundaries: show the paragraph plain.
            let mut job = LayoutJob::default();
            job.append(article.slice(paragraph), 0.0, plain);
            return job;
        };
        let inside = |s: &Span| s.start <= start && end <= s.end;
        let format = if attribution.is_some_and(inside) {
            attribution_format.clone()
        } else if inside(quote) {
            quote_format.clone()
        } else {
            plain.clone()
        };
        job.append(text, 0.0, format);
    }
    job
}

#[cfg(test)]
mod tests {
    use super::char_span;

    #[test]
    fn a_character_range_becomes_the_bytes_of_those_characters() {
        let text = "Éloïse said “go”";
        let span = char_span(text, 13, 15);
        assert_eq!(&text[span], "go");
    }

    #[test]
    fn a_range_past_the_end_stops_at_the_end() {
        assert_eq!(char_span("abc", 1, 9), 1..3);
    }
}
