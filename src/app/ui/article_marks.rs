//! The article view's marks: each paragraph styled with the quotations and the attribution
//! that fall in it, the links from a paragraph's quotations to their statements, and a
//! selection snapped to whole words.
//!
//! In: an article, its quotations' spans, the analysis's groups. Out: a styled paragraph,
//! drawn links (commands that select a statement), and word-snapped byte ranges.

use crate::app::command::{Command, Tab, ViewCommand};
use crate::app::state::Document;
use crate::app::theme;
use crate::model::{Article, Quote, Span};
use egui::text::LayoutJob;
use egui::{RichText, TextFormat, Ui};

/// Words of a quotation shown in its link.
const LINK_WORDS: usize = 7;

/// What an article's text is marked with: the quotation gone to, every other quotation found
/// in the article, and the attribution of the first.
pub struct Marks<'a> {
    /// The quotation gone to (empty when none).
    pub focus: &'a Span,
    /// The article's other quotations.
    pub others: &'a [Span],
    /// The attribution of the quotation gone to.
    pub attribution: Option<&'a Span>,
}

/// `span` of `text` widened to whole words at both ends, and narrowed past the spacing it
/// starts or ends with. A word is a run of letters and digits with the apostrophes and hyphens
/// inside it.
pub fn snap_to_words(text: &str, span: &Span) -> Span {
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let (mut start, mut end) = (span.start.min(text.len()), span.end.min(text.len()));
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let before = |i: usize| text.get(..i).and_then(|s| s.chars().next_back());
    let after = |i: usize| text.get(i..).and_then(|s| s.chars().next());
    while let Some(c) = after(start).filter(|c| c.is_whitespace() && start < end) {
        start += c.len_utf8();
    }
    while let Some(c) = before(end).filter(|c| c.is_whitespace() && start < end) {
        end -= c.len_utf8();
    }
    // A boundary is inside a word between two word characters, or at a digit grouping mark
    // between digits ("12,000", "4.5").
    let grouping = |c: char| matches!(c, ',' | '.');
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let inside = |i: usize| match (before(i), after(i)) {
        (Some(b), Some(a)) if in_word(b) && in_word(a) => true,
        (Some(b), Some(a)) if grouping(b) && a.is_ascii_digit() => digit(before(i - 1)),
        (Some(b), Some(a)) if grouping(a) && b.is_ascii_digit() => digit(after(i + 1)),
        _ => false,
    };
    while inside(start) {
        start -= before(start).map_or(1, char::len_utf8);
    }
    while inside(end) {
        end += after(end).map_or(1, char::len_utf8);
    }
    start..end
}

/// The quotation of `quotes` that `span` lies on (overlaps most), if any.
pub fn quote_under<'a>(quotes: &[&'a Quote], span: &Span) -> Option<&'a Quote> {
    let overlap = |q: &Quote| {
        q.span
            .end
            .min(span.end)
            .saturating_sub(q.span.start.max(span.start))
    };
    quotes
        .iter()
        .copied()
        .filter(|q| overlap(q) > 0)
        .max_by_key(|q| overlap(q))
}

/// The first words of `text`, with an ellipsis when cut.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let shown = words
        .iter()
        .take(LINK_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > LINK_WORDS {
        format!("“{shown}…”")
    } else {
        format!("“{shown}”")
    }
}

/// The link that selects `quote`'s statement in the Comparison, or `None` when it is in none.
pub fn statement_link_ui(ui: &mut Ui, doc: &Document, quote: &Quote, out: &mut Vec<Command>) {
    let Some(group) =
        (doc.derived.group_of_quote(&quote.quote_id)).and_then(|gi| doc.analysis.groups.get(gi))
    else {
        return;
    };
    let label = format!("{} → statement", opening(&quote.text));
    let link = ui.link(RichText::new(label).small());
    if link
        .on_hover_text("Compare the versions of this statement")
        .clicked()
    {
        out.push(Command::View(ViewCommand::SelectGroup(
            group.group_id.clone(),
        )));
        out.push(Command::View(ViewCommand::SetTab(Tab::Comparison)));
    }
}

/// Links to the statements of the quotations that start in `paragraph`.
pub fn paragraph_links_ui(
    ui: &mut Ui,
    doc: &Document,
    quotes: &[&Quote],
    paragraph: &Span,
    out: &mut Vec<Command>,
) {
    let here: Vec<&Quote> = (quotes.iter().copied())
        .filter(|q| paragraph.start <= q.span.start && q.span.start < paragraph.end.max(1))
        .collect();
    if here.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for quote in here {
            statement_link_ui(ui, doc, quote, out);
        }
    });
}

/// One paragraph with the quotations and attribution styled where they fall in it.
pub fn paragraph_job(ui: &Ui, article: &Article, paragraph: &Span, marks: &Marks) -> LayoutJob {
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
    use super::*;

    fn snapped<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
        let start = text.find(from).unwrap_or(0);
        let end = text.find(to).map_or(text.len(), |i| i + to.len());
        &text[snap_to_words(text, &(start..end))]
    }

    #[test]
    fn a_selection_widens_to_whole_words() {
        let text = "The mayor’s office said the work starts soon.";
        assert_eq!(snapped(text, "yor", "sa"), "mayor’s office said");
        assert_eq!(snapped(text, " the", "work "), "the work");
        assert_eq!(snapped(text, "starts", "soon"), "starts soon");
        let text = "Crews will replace 12,000 metres of mains, at 4.5 km a week.";
        assert_eq!(snapped(text, "00 m", "main"), "12,000 metres of mains");
        assert_eq!(snapped(text, "5 km", "km"), "4.5 km");
    }

    #[test]
    fn a_selection_of_spacing_stays_empty_and_inside_the_text() {
        let text = "Two  words";
        let span = snap_to_words(text, &(3..5));
        assert!(span.is_empty(), "{span:?}");
        assert_eq!(snap_to_words("é", &(1..9)), 0..2);
    }

    #[test]
    fn the_quotation_a_selection_lies_on_is_found_and_plain_text_has_none() {
        let quote = |id: &str, span: Span| Quote {
            quote_id: id.into(),
            span,
            ..Quote::default()
        };
        let (a, b) = (quote("q1", 10..40), quote("q2", 60..90));
        let quotes = [&a, &b];
        assert_eq!(
            quote_under(&quotes, &(30..65)).map(|q| q.quote_id.as_str()),
            Some("q1")
        );
        assert_eq!(
            quote_under(&quotes, &(62..70)).map(|q| q.quote_id.as_str()),
            Some("q2")
        );
        assert!(quote_under(&quotes, &(40..60)).is_none());
    }
}
