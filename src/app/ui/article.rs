//! Provenance: the chosen version in its article, the quotation highlighted and its
//! attribution underlined, scrolled into view.
//!
//! In: the document (the selected version, or the selected statement's reference) and a
//! scroll request. Out: the drawn article; no commands.

use super::UiState;
use crate::app::state::Document;
use crate::app::theme;
use crate::model::{Article, Span};
use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

/// Draws the article of the selected version.
pub fn article_ui(ui: &mut Ui, doc: &Document, state: &mut UiState) {
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
    ui.label(RichText::new("The quotation is highlighted; its attribution is underlined.").small());
    ui.separator();
    let scroll = std::mem::take(&mut state.scroll_article);
    let attribution = quote.attribution.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for paragraph in paragraphs(article) {
                let job = paragraph_job(ui, article, &paragraph, &quote.span, attribution.as_ref());
                let response = ui.add(egui::Label::new(job).wrap());
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
