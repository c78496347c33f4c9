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
use crate::app::command::{CorrectCommand, ViewCommand};
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

/// Draws the article picked, or the article of the selected version.
pub fn article_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    let quote_id = doc
        .selected_quote
        .clone()
        .or_else(|| doc.selected().map(|g| g.reference.clone()));
    let focus = quote_id.as_deref().and_then(|id| doc.quote(id));
    let article_id = (doc.article_shown.as_deref()).or(focus.map(|q| q.article_id.as_str()));
    let article = article_id.and_then(|id| doc.analysis.article(id));
    picker_ui(ui, doc, article.map(|a| a.article_id.as_str()), out);
    let Some(article) = article else {
        ui.label("Pick an article above, or \"Show in article\" on a version of a statement.");
        return;
    };
    let focus = focus.filter(|q| q.article_id == article.article_id);
    let others: Vec<Span> = (doc.analysis.quotes.iter())
        .filter(|q| q.article_id == article.article_id)
        .filter(|q| focus.is_none_or(|f| f.quote_id != q.quote_id))
        .map(|q| q.span.clone())
        .collect();
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
    let attribution = focus.and_then(|q| q.attribution.clone());
    let quote_span = focus.map_or(0..0, |q| q.span.clone());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for paragraph in paragraphs(article) {
                let marks = Marks {
                    focus: &quote_span,
                    others: &others,
                    attribution: attribution.as_ref(),
                };
                let job = paragraph_job(ui, article, &paragraph, &marks);
                let (response, selected) = paragraph_ui(ui, article, &paragraph, job);
                if let Some(span) = selected {
                    state.article_selection = Some(ArticleSelection {
                        article_hash: article.content_hash.clone(),
                        span,
                    });
                }
                if scroll
                    && focus.is_some()
                    && paragraph.start <= quote_span.start
                    && quote_span.start < paragraph.end.max(paragraph.start + 1)
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
            out.push(Command::Correct(CorrectCommand::Apply(
                Correction::AddQuote {
                    span,
                    speaker: None,
                },
            )));
            state.article_selection = None;
        } else if ui.button("Not a quotation").clicked() {
            out.push(Command::Correct(CorrectCommand::Apply(
                Correction::NotAQuote { span },
            )));
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

/// What an article's text is marked with: the quotation gone to, every other quotation found
/// in the article, and the attribution of the first.
struct Marks<'a> {
    focus: &'a Span,
    others: &'a [Span],
    attribution: Option<&'a Span>,
}

/// Every opened article, to show one of them.
fn picker_ui(ui: &mut Ui, doc: &Document, shown: Option<&str>, out: &mut Vec<Command>) {
    let title = shown
        .and_then(|id| doc.analysis.article(id))
        .map_or("Pick an article", |a| a.title.as_str());
    egui::ComboBox::new("article_picker", "Show article")
        .selected_text(title)
        .width(ui.available_width().min(520.0) - 60.0)
        .show_ui(ui, |ui| {
            for article in &doc.analysis.articles {
                let chosen = shown == Some(article.article_id.as_str());
                if ui
                    .selectable_label(chosen, article.title.as_str())
                    .clicked()
                {
                    out.push(Command::View(ViewCommand::ShowArticle(
                        article.article_id.clone(),
                    )));
                }
            }
        });
}

/// One paragraph with the quotations and attribution styled where they fall in it.
fn paragraph_job(ui: &Ui, article: &Article, paragraph: &Span, marks: &Marks) -> LayoutJob {
    let (quote, attribution) = (marks.focus, marks.attribution);
    let visuals = ui.visuals();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = theme::plain_format(visuals, font.clone());
    let with_font = |f: TextFormat| TextFormat {
        font_id: font.clone(),
        ..f
    };
    let quote_format = with_font(theme::quote_highlight(visuals));
    let attribution_format = with_font(theme::attribution_highlight(visuals));
    let other_format = with_font(theme::other_quote_highlight(visuals));
    // Cut points: the paragraph's ends and every highlight edge inside it.
    let mut cuts = vec![paragraph.start, paragraph.end];
    for span in std::iter::once(quote)
        .chain(attribution)
        .chain(marks.others)
    {
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
        } else if marks.others.iter().any(inside) {
            other_format.clone()
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
