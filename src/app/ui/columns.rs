//! The comparison's grid: one column per version, the reference pinned at the left while the
//! others scroll sideways under an always-visible scrollbar, rows top-aligned so the same words
//! sit side by side; and each cell's words laid out once per statement and view setting.
//!
//! In: the engine's [`Comparison`] (printed and struck spans) and the current visuals. Out: the
//! drawn grid, and the marked span the user clicked. Printed words are drawn as printed; the
//! reference's words a version lacks are always struck through, whatever their class.

use crate::app::theme;
use crate::model::ChangeClass;
use crate::view::{Comparison, Span, SpanRole};
use egui::text::{LayoutJob, TextFormat};
use egui::{Rect, Ui, UiBuilder, pos2, vec2};
use std::ops::Range;

/// Narrowest and widest a version's column may be.
pub const COLUMN_WIDTH: (f32, f32) = (190.0, 420.0);
/// Space between columns.
const GAP: f32 = 14.0;

/// One cell's words as drawn, with the span each character run belongs to.
#[derive(Clone, Debug)]
pub struct CellLayout {
    /// The styled text.
    pub job: LayoutJob,
    /// Character range in `job.text` of each span drawn, and that span's index in the cell.
    runs: Vec<(Range<usize>, usize)>,
}

/// A statement's comparison with every cell laid out.
#[derive(Clone, Debug)]
pub struct DrawnComparison {
    /// What it was built for: analysis generation, statement, hidden cosmetic changes, theme,
    /// font size.
    key: (u64, String, bool, bool, u32),
    /// The engine's columns and spans.
    pub comparison: Comparison,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<CellLayout>>,
}

impl DrawnComparison {
    /// Lays out `comparison` for `ui`'s theme.
    pub fn new(
        ui: &Ui,
        comparison: Comparison,
        generation: u64,
        group_id: &str,
        hide: bool,
    ) -> Self {
        let spliced: Vec<bool> = (comparison.columns.iter())
            .map(|c| c.marks.spliced)
            .collect();
        let cells = comparison
            .rows
            .iter()
            .map(|row| {
                (row.iter().enumerate())
                    .map(|(c, cell)| cell_layout(ui, cell, spliced.get(c) == Some(&true)))
                    .collect()
            })
            .collect();
        Self {
            key: key(ui, generation, group_id, hide),
            comparison,
            cells,
        }
    }

    /// Whether this layout is the one for these settings.
    pub fn is_for(&self, ui: &Ui, generation: u64, group_id: &str, hide: bool) -> bool {
        self.key == key(ui, generation, group_id, hide)
    }
}

fn key(ui: &Ui, generation: u64, group_id: &str, hide: bool) -> (u64, String, bool, bool, u32) {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    (
        generation,
        group_id.to_string(),
        hide,
        ui.visuals().dark_mode,
        size.to_bits(),
    )
}

/// The cell's spans as one styled text: unchanged words plain; changed words this version
/// printed marked by class (colour, sign, underline or italics); reference words it lacks struck;
/// in a spliced version, the ellipsis that joins two statements boxed.
fn cell_layout(ui: &Ui, cell: &[Span], spliced: bool) -> CellLayout {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    let mut job = LayoutJob::default();
    let mut runs = Vec::with_capacity(cell.len());
    let mut previous: Option<&Span> = None;
    for (i, span) in cell.iter().enumerate() {
        match span.class {
            _ if span.role == SpanRole::Gap => {
                job.append(&span.text, 0.0, theme::gap_format(visuals, &font));
            }
            None => {
                let format = theme::strong_format(visuals, font.clone());
                let splice = spliced.then(|| theme::splice_format(visuals, font.clone()));
                append_printed(&mut job, &span.text, format, splice);
            }
            Some(class) => {
                // The printed half of a replacement follows its struck half under one sign.
                let paired = previous.is_some_and(|p| {
                    p.role == SpanRole::Struck
                        && p.class == span.class
                        && p.text == span.counterpart
                        && p.counterpart.trim_end() == span.text.trim_end()
                });
                if paired {
                    // A small space between the struck and the printed words; not a word.
                    if !job.text.ends_with(char::is_whitespace) {
                        theme::append_sign_space(&mut job, &font);
                    }
                } else {
                    theme::append_sign(&mut job, class, visuals, &font);
                }
                let format = match span.role {
                    SpanRole::Printed => theme::printed_format(class, visuals, font.clone()),
                    SpanRole::Struck | SpanRole::Gap => {
                        theme::struck_format(class, visuals, font.clone())
                    }
                };
                job.append(&span.text, 0.0, format);
            }
        }
        let end = job.text.chars().count();
        runs.push((end - span.text.chars().count()..end, i));
        previous = Some(span);
    }
    CellLayout { job, runs }
}

/// Appends printed words, the ellipses among them in `splice`'s style when given.
fn append_printed(job: &mut LayoutJob, text: &str, format: TextFormat, splice: Option<TextFormat>) {
    let Some(splice) = splice else {
        job.append(text, 0.0, format);
        return;
    };
    let mut rest = text;
    while let Some((at, len)) = [("…", 3), ("...", 3)]
        .iter()
        .filter_map(|(mark, len)| rest.find(mark).map(|i| (i, *len)))
        .min()
    {
        let (before, after) = rest.split_at(at);
        let (mark, after) = after.split_at(len);
        if !before.is_empty() {
            job.append(before, 0.0, format.clone());
        }
        job.append(mark, 0.0, splice.clone());
        rest = after;
    }
    if !rest.is_empty() {
        job.append(rest, 0.0, format);
    }
}

/// What hovering the mark between two pieces of a version says.
pub const GAP_HOVER: &str = "The article prints this statement in pieces (a split quotation, or a \
     partial quotation beside the rest); they are shown joined as one version.";

/// The span under character `index` of a cell, if it is a marked one or a gap mark.
fn marked_span<'a>(cell: &'a [Span], layout: &CellLayout, index: usize) -> Option<&'a Span> {
    layout
        .runs
        .iter()
        .find(|(chars, _)| chars.contains(&index))
        .and_then(|(_, i)| cell.get(*i))
        .filter(|s| s.class.is_some() || s.role == SpanRole::Gap)
}

/// What hovering a marked span says.
pub fn hover_text(span: &Span, class: ChangeClass) -> String {
    let name = class.as_str();
    let other = span.counterpart.trim();
    match span.role {
        SpanRole::Gap => GAP_HOVER.to_string(),
        SpanRole::Printed if other.is_empty() => format!("{name}: not in the reference"),
        SpanRole::Printed => format!("{name}: the reference has \"{other}\""),
        SpanRole::Struck if other.is_empty() => format!(
            "{name}: only the reference has \"{}\"; this version does not print it",
            span.text.trim()
        ),
        SpanRole::Struck => format!(
            "{name}: the reference has \"{}\" where this version has \"{other}\"",
            span.text.trim()
        ),
    }
}

/// Draws one cell, framed when it holds the current change (`current`: that change's index,
/// scrolled into view once when `scroll` is set); returns the marked span clicked, if any.
fn cell_ui<'a>(
    ui: &mut Ui,
    cell: &'a [Span],
    layout: &CellLayout,
    current: Option<usize>,
    scroll: &mut bool,
) -> Option<&'a Span> {
    let response = ui.add(
        egui::Label::new(layout.job.clone())
            .wrap()
            .sense(egui::Sense::click()),
    );
    if current.is_some_and(|c| {
        cell.iter()
            .any(|s| s.change == Some(c) && s.class.is_some())
    }) {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
        ui.painter().rect_stroke(
            response.rect.expand(3.0),
            3.0,
            stroke,
            egui::StrokeKind::Outside,
        );
        if std::mem::take(scroll) {
            response.scroll_to_me(Some(egui::Align::Center));
        }
    }
    let pointer = response.hover_pos()?;
    let mut job = layout.job.clone();
    job.wrap.max_width = response.rect.width().max(1.0);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let at = pointer - response.rect.min;
    let cursor = galley.cursor_from_pos(at);
    // The cursor falls between characters: the one under the pointer is before it when the
    // pointer is left of the cursor.
    let before = at.x < galley.pos_from_cursor(cursor).left() && cursor.index.0 > 0;
    let index = cursor.index.0 - usize::from(before);
    let span = marked_span(cell, layout, index)?;
    let Some(class) = span.class else {
        response.on_hover_text(GAP_HOVER);
        return None;
    };
    let clicked = response.clicked();
    response.on_hover_text(format!("{} (click for actions)", hover_text(span, class)));
    clicked.then_some(span)
}

/// Column widths for `columns` versions in `available` points: all visible when they fit at
/// the narrowest width, else the narrowest width and a sideways scroll.
pub fn column_width(available: f32, columns: usize) -> f32 {
    let n = columns.max(1) as f32;
    ((available - GAP * n) / n).clamp(COLUMN_WIDTH.0, COLUMN_WIDTH.1)
}

/// Lays out one row: the first item pinned at the visible left edge, the rest after it in the
/// scrolled content, clipped so they pass under the pinned one.
pub fn grid_row_ui<T>(
    ui: &mut Ui,
    width: f32,
    items: impl Iterator<Item = T>,
    mut add: impl FnMut(&mut Ui, usize, T),
) {
    let top = ui.cursor().top();
    let content_left = ui.max_rect().left();
    let visible = ui.clip_rect();
    let pinned_left = visible.left().max(content_left);
    let mut height: f32 = 0.0;
    let mut count = 0;
    let scrolled_clip = Rect::from_min_max(
        pos2(pinned_left + width + GAP / 2.0, visible.top()),
        visible.max,
    );
    for (i, item) in items.enumerate() {
        count = i + 1;
        let left = if i == 0 {
            pinned_left
        } else {
            content_left + i as f32 * (width + GAP)
        };
        let rect = Rect::from_min_size(pos2(left, top), vec2(width, 100_000.0));
        let layout = egui::Layout::top_down(egui::Align::Min);
        let mut child = ui.new_child(UiBuilder::new().max_rect(rect).layout(layout));
        child.set_width(width);
        if i == 0 {
            child.set_clip_rect(visible.intersect(Rect::from_min_size(
                pos2(pinned_left, visible.top()),
                vec2(width + GAP / 2.0, visible.height()),
            )));
        } else {
            child.set_clip_rect(scrolled_clip);
        }
        add(&mut child, i, item);
        height = height.max(child.min_rect().height());
    }
    // A rule between the pinned reference and the columns that scroll past it.
    if count > 1 {
        let x = pinned_left + width + GAP / 2.0;
        let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
        ui.painter()
            .vline(x, egui::Rangef::new(top, top + height), stroke);
    }
    let total = count as f32 * (width + GAP);
    ui.allocate_rect(
        Rect::from_min_size(pos2(content_left, top), vec2(total, height)),
        egui::Sense::hover(),
    );
}

/// Draws every row of `drawn`, framing the `current` change (column, change index); returns
/// the column and marked span clicked, if any.
pub fn rows_ui<'a>(
    ui: &mut Ui,
    drawn: &'a DrawnComparison,
    width: f32,
    current: Option<(usize, usize)>,
    scroll: &mut bool,
) -> Option<(usize, &'a Span)> {
    let mut clicked = None;
    for (row, layouts) in drawn.comparison.rows.iter().zip(&drawn.cells) {
        ui.separator();
        let cells = row.iter().zip(layouts);
        grid_row_ui(ui, width, cells, |ui, column, (cell, layout)| {
            let here = current
                .filter(|(c, _)| *c == column)
                .map(|(_, change)| change);
            if let Some(span) = cell_ui(ui, cell, layout, here, scroll) {
                clicked = Some((column, span));
            }
        });
    }
    clicked
}
