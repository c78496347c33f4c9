//! Provenance: the chosen version in its article, the quotation highlighted and its
//! attribution underlined, scrolled into view.
//!
//! The text can be selected (each paragraph is a read-only text field): the selection can be
//! added as a quotation the engine missed, or marked as not a quotation.
//!
//! In: the document (the selected version, or the selected statement's reference), a scroll
//! request and the last selection. Out: the drawn article; correction commands.

use super::UiState;
use super::article_marks::{self, Marks, paragraph_job, quote_under, snap_to_words};
use crate::app::command::Command;
use crate::app::command::{CorrectCommand, ViewCommand};
use crate::app::state::Document;
use crate::corrections::{Correction, key_of, key_of_selection};
use crate::model::{Article, Quote, Span};
use egui::text::LayoutJob;
use egui::{RichText, Ui};

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
    let quotes: Vec<&Quote> = (doc.analysis.quotes.iter())
        .filter(|q| q.article_id == article.article_id)
        .collect();
    let others: Vec<Span> = (quotes.iter())
        .filter(|q| focus.is_none_or(|f| f.quote_id != q.quote_id))
        .map(|q| q.span.clone())
        .collect();
    ui.heading(article.title.as_str());
    let mut details = vec![article.path.clone()];
    details.extend(article.meta.outlet.clone());
    details.extend(article.meta.published.clone());
    ui.label(RichText::new(details.join(" · ")).small().weak());
    selection_ui(ui, doc, article, &quotes, state, out);
    ui.separator();
    let scroll = std::mem::take(&mut state.scroll_article);
    let attribution = focus.and_then(|q| q.attribution.clone());
    let wording = (doc.wording_shown.clone()).filter(|_| {
        focus.is_none() && doc.article_shown.as_deref() == Some(article.article_id.as_str())
    });
    if wording.is_some() {
        ui.label(RichText::new(NEAREST_NOTE).small().strong());
    }
    let quote_span = (focus.map(|q| q.span.clone()).or(wording)).unwrap_or(0..0);
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
                article_marks::paragraph_links_ui(ui, doc, &quotes, &paragraph, out);
                if let Some(span) = selected {
                    state.article_selection = Some(ArticleSelection {
                        article_hash: article.content_hash.clone(),
                        span,
                    });
                }
                if scroll
                    && !quote_span.is_empty()
                    && paragraph.start <= quote_span.start
                    && quote_span.start < paragraph.end.max(paragraph.start + 1)
                {
                    response.scroll_to_me(Some(egui::Align::Center));
                }
                ui.add_space(6.0);
            }
        });
}

/// What selecting does, or the selection's words and what can be done with them, in a bar of
/// one fixed height so the text below never moves when a selection starts. "Not a quotation"
/// is offered only when the selection lies on a quotation, and applies to that quotation.
fn selection_ui(
    ui: &mut Ui,
    doc: &Document,
    article: &Article,
    quotes: &[&Quote],
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let selection =
        (state.article_selection.clone()).filter(|s| s.article_hash == article.content_hash);
    let height = ui.spacing().interact_size.y + 4.0;
    let size = egui::vec2(ui.available_width(), height);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_size(size);
        let Some(selection) = selection else {
            ui.label(RichText::new(SELECTION_HINT).small());
            return;
        };
        let words = article.slice(&selection.span);
        let shown: String = words.chars().take(60).collect();
        let cut = if words.chars().count() > 60 {
            "…"
        } else {
            ""
        };
        ui.label(RichText::new(format!("Selected: “{shown}{cut}”")).italics())
            .on_hover_text(words);
        let on_quote = quote_under(quotes, &selection.span);
        let added = ui.button("Add as quotation").clicked();
        if added {
            let span = key_of_selection(article, &selection.span);
            let speaker = None;
            out.push(Command::Correct(CorrectCommand::Apply(
                Correction::AddQuote { span, speaker },
            )));
        }
        let mut removed = false;
        if let Some(quote) = on_quote {
            article_marks::statement_link_ui(ui, doc, quote, out);
            if let Some(span) = key_of(&doc.analysis, &quote.quote_id)
                && ui.button("Not a quotation").clicked()
            {
                out.push(Command::Correct(CorrectCommand::Apply(
                    Correction::NotAQuote { span },
                )));
                removed = true;
            }
        }
        if added
            || removed
            || ui
                .small_button("✕")
                .on_hover_text("Clear the selection")
                .clicked()
        {
            state.article_selection = None;
        }
    });
}

/// What the article view says over an article's nearest wording of a statement it does not
/// quote.
const NEAREST_NOTE: &str = "This article does not quote the statement; highlighted: its nearest \
     wording of it.";

/// What the bar says before anything is selected.
const SELECTION_HINT: &str = "Highlighted: the quotations found (the one gone to, stronger; its \
     attribution underlined). Select words to add a quotation the analysis missed.";

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
    let chars = output
        .cursor_range
        .filter(|_| output.response.has_focus())
        .map(|r| r.as_sorted_char_range());
    let snapped = chars
        .clone()
        .map(|r| snap_to_words(text, &char_span(text, r.start.0, r.end.0)))
        .filter(|s| !s.is_empty());
    // Once the drag ends, the highlighted selection itself snaps to the words taken.
    if let (Some(r), Some(s)) = (chars, &snapped)
        && !ui.input(|i| i.pointer.any_down())
    {
        let count = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
        let (start, end) = (count(s.start), count(s.end));
        if (r.start.0, r.end.0) != (start, end) {
            let mut state = output.state;
            let range = egui::text::CCursorRange::two(
                egui::text::CCursor::new(start),
                egui::text::CCursor::new(end),
            );
            state.cursor.set_char_range(Some(range));
            state.store(ui.ctx(), output.response.id);
        }
    }
    let selected = snapped.map(|s| paragraph.start + s.start..paragraph.start + s.end);
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
