//! The statements list: one row per group (speaker, opening words, sources, differences, flag
//! badges), a free-text filter, a speaker filter and a sort order. Rows are virtualised: only
//! the visible ones are laid out, so thousands scroll smoothly.
//!
//! In: the document and the filter text being typed. Out: commands (select, filter, sort).

use super::UiState;
use crate::app::command::ViewCommand;
use crate::app::command::{Command, SortKey};
use crate::app::state::Document;
use crate::app::theme;
use crate::app::view::KindFilter;
use crate::model::ChangeClass;
use egui::Ui;
use egui_extras::{Column, TableBuilder};

/// Height of one row.
const ROW_HEIGHT: f32 = 38.0;

/// Draws the filters and the list.
pub fn statements_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    ui.heading("Statements");
    filters_ui(ui, doc, state, out);
    ui.separator();
    if doc.visible.is_empty() {
        let text = if doc.analysis.groups.is_empty() {
            "No statements found yet."
        } else {
            "No statement matches the filters."
        };
        ui.label(text);
        return;
    }
    let full = ui.available_rect_before_wrap();
    let strip =
        egui::Rect::from_min_max(egui::pos2(full.right() - STRIP_WIDTH, full.top()), full.max);
    let list = egui::Rect::from_min_max(full.min, egui::pos2(strip.left() - 4.0, full.bottom()));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(list));
    // A narrow panel must not let the table run under the strip.
    child.set_clip_rect(list.intersect(ui.clip_rect()));
    table_ui(&mut child, doc, state, out);
    overview_ui(ui, strip, doc, state, out);
    ui.advance_cursor_after_rect(full);
}

/// Width of the overview strip beside the list.
const STRIP_WIDTH: f32 = 12.0;

/// The class a row's mark on the overview takes: the weightiest change it shows.
fn weightiest(row: &crate::app::view::GroupRow) -> Option<ChangeClass> {
    ChangeClass::ALL
        .into_iter()
        .find(|c| row.classes.contains(c))
}

/// The overview strip: the whole list in the strip's height, a mark in its class's colour
/// wherever a statement has a substantive change, a line at the selection; clicking goes to
/// the statement at that height.
fn overview_ui(
    ui: &mut Ui,
    strip: egui::Rect,
    doc: &Document,
    state: &mut UiState,
    out: &mut Vec<Command>,
) {
    let response = ui.interact(strip, ui.scope_id().with("overview"), egui::Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, "Overview of changes"));
    let painter = ui.painter_at(strip);
    let visuals = ui.visuals();
    painter.rect_filled(strip, 2.0, visuals.extreme_bg_color);
    let n = doc.visible.len().max(1) as f32;
    let at = |i: usize| strip.top() + strip.height() * i as f32 / n;
    let mut last_y = f32::NEG_INFINITY;
    for (i, row) in doc
        .visible
        .iter()
        .filter_map(|&r| doc.derived.rows.get(r))
        .enumerate()
    {
        let Some(class) = weightiest(row) else {
            continue;
        };
        let y = at(i);
        // One mark per pixel is all the strip can show.
        if y - last_y < 1.0 {
            continue;
        }
        last_y = y;
        let height = (strip.height() / n).clamp(2.0, 6.0);
        let mark = egui::Rect::from_min_size(
            egui::pos2(strip.left() + 2.0, y),
            egui::vec2(strip.width() - 4.0, height),
        );
        painter.rect_filled(mark, 0.0, theme::class_color(class, visuals));
    }
    if let Some(pos) = doc.selected_pos {
        let y = at(pos) + (strip.height() / n).clamp(2.0, 6.0) / 2.0;
        painter.hline(
            strip.x_range(),
            y,
            egui::Stroke::new(2.0, visuals.strong_text_color()),
        );
    }
    let response = response.on_hover_text("Where the changes are: click to go there");
    if response.clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let index = (((pointer.y - strip.top()) / strip.height()) * n) as usize;
        let row = doc
            .visible
            .get(index.min(doc.visible.len().saturating_sub(1)));
        if let Some(data) = row.and_then(|&r| doc.derived.rows.get(r)) {
            out.push(Command::View(ViewCommand::SelectGroup(
                data.group_id.clone(),
            )));
            state.scroll_list = true;
        }
    }
}

fn filters_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Filter");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter_text)
                    .hint_text("words in any version (Ctrl+F)")
                    .desired_width(170.0),
            )
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_filter) {
            field.request_focus();
        }
        if field.changed() {
            out.push(Command::View(ViewCommand::SetTextFilter(
                state.filter_text.clone(),
            )));
        }
        speaker_filter_ui(ui, doc, out);
        kind_filter_ui(ui, doc, out);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Sort by");
        for key in SortKey::ALL {
            if ui.selectable_label(doc.sort == key, key.label()).clicked() {
                out.push(Command::View(ViewCommand::SetSort(key)));
            }
        }
    });
}

fn kind_filter_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let shown = doc.kind_filter.map_or("All statements".to_string(), |k| {
        format!("With {}", k.label())
    });
    egui::ComboBox::new("kind_filter", "Show changes")
        .selected_text(shown)
        .width(170.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(doc.kind_filter.is_none(), "All statements")
                .clicked()
            {
                out.push(Command::View(ViewCommand::SetKindFilter(None)));
            }
            for kind in KindFilter::all() {
                let label = format!("With {}", kind.label());
                if ui
                    .selectable_label(doc.kind_filter == Some(kind), label)
                    .clicked()
                {
                    out.push(Command::View(ViewCommand::SetKindFilter(Some(kind))));
                }
            }
        });
}

fn speaker_filter_ui(ui: &mut Ui, doc: &Document, out: &mut Vec<Command>) {
    let shown = doc.speaker_filter.as_deref().unwrap_or("All speakers");
    egui::ComboBox::new("speaker_filter", "Show speaker")
        .selected_text(shown)
        .width(150.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(doc.speaker_filter.is_none(), "All speakers")
                .clicked()
            {
                out.push(Command::View(ViewCommand::SetSpeakerFilter(None)));
            }
            for speaker in &doc.derived.speakers {
                let chosen = doc.speaker_filter.as_deref() == Some(speaker.name.as_str());
                let label = format!("{} ({})", speaker.name, speaker.quotes);
                if ui.selectable_label(chosen, label).clicked() {
                    out.push(Command::View(ViewCommand::SetSpeakerFilter(Some(
                        speaker.name.clone(),
                    ))));
                }
            }
        });
}

/// At most two lines of `text`, ending in an ellipsis when cut.
fn two_lines_ui(ui: &mut Ui, opening: &str, selected: bool) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let format = if selected {
        theme::strong_format(ui.visuals(), font)
    } else {
        theme::plain_format(ui.visuals(), font)
    };
    let mut job = egui::text::LayoutJob::single_section(opening.to_string(), format);
    job.wrap.max_rows = 2;
    job.wrap.overflow_character = Some('…');
    ui.add(egui::Label::new(job).wrap().sense(egui::Sense::click()))
}

/// The whole reference text of group `gi`, for the list's tooltip.
fn full_text(doc: &Document, gi: usize) -> String {
    doc.analysis
        .groups
        .get(gi)
        .and_then(|g| doc.quote(&g.reference))
        .map(|q| q.text.clone())
        .unwrap_or_default()
}

fn table_ui(ui: &mut Ui, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    let selected_pos = doc.selected_pos;
    // Every column inside the panel whatever its width: speaker and flags take their share.
    let available = ui.available_width();
    let speaker_width = (available * 0.27).clamp(56.0, 110.0);
    let flags_width = (available * 0.18).clamp(28.0, 64.0);
    let mut table = TableBuilder::new(ui)
        .id_salt("statements")
        .striped(true)
        .sense(egui::Sense::click())
        .auto_shrink([false, false])
        .column(
            Column::initial(speaker_width)
                .at_least(56.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::remainder().at_least(48.0).clip(true))
        .column(Column::exact(28.0))
        .column(Column::exact(28.0))
        .column(Column::exact(flags_width).clip(true));
    if std::mem::take(&mut state.scroll_list)
        && let Some(pos) = selected_pos
    {
        table = table.scroll_to_row(pos, None);
    }
    table
        .header(20.0, |mut header| {
            for (title, tip) in [
                ("Speaker", "Who said it, as resolved"),
                ("Statement", "Opening words of the reference version"),
                ("Src", "Sources: articles quoting it"),
                ("Diff", "Substantive differences across versions"),
                ("Flags", "What to check"),
            ] {
                header.col(|ui| {
                    ui.strong(title).on_hover_text(tip);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, doc.visible.len(), |mut row| {
                let Some(data) = doc
                    .visible
                    .get(row.index())
                    .and_then(|&r| doc.derived.rows.get(r))
                else {
                    return;
                };
                let selected = Some(row.index()) == selected_pos;
                row.set_selected(selected);
                let mut clicked = false;
                row.col(|ui| {
                    let speaker = if data.speaker.is_empty() {
                        "unknown"
                    } else {
                        data.speaker.as_str()
                    };
                    let shown = two_lines_ui(ui, speaker, selected).on_hover_text(speaker);
                    clicked |= shown.clicked();
                });
                row.col(|ui| {
                    let shown = two_lines_ui(ui, &data.opening, selected);
                    let shown = shown.on_hover_ui(|ui| {
                        ui.set_max_width(420.0);
                        ui.label(full_text(doc, data.group_index));
                    });
                    clicked |= shown.clicked();
                });
                row.col(|ui| {
                    ui.label(data.sources.to_string());
                });
                row.col(|ui| {
                    ui.label(data.differences.to_string());
                });
                row.col(|ui| flag_chips_ui(ui, &data.flags));
                if clicked || row.response().clicked() {
                    out.push(Command::View(ViewCommand::SelectGroup(
                        data.group_id.clone(),
                    )));
                }
            });
        });
}

/// The flags as chips on one line, by name when they fit the column, else by sign; as many as
/// fit, then "+n" for the rest, every flag named in its tooltip.
fn flag_chips_ui(ui: &mut Ui, flags: &[crate::model::GroupFlag]) {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let spacing = ui.spacing().item_spacing.x;
    let width = |text: &str| {
        let galley = ui
            .fonts_mut(|f| f.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::WHITE));
        galley.size().x + CHIP_MARGIN + spacing
    };
    let mut texts: Vec<(&str, egui::Color32)> = (flags.iter())
        .map(|f| theme::flag_badge(*f, ui.visuals()))
        .collect();
    let available = ui.available_width();
    let full: f32 = texts.iter().map(|(t, _)| width(t)).sum();
    if full > available {
        // Too narrow for the names: each chip shows its sign alone ("#", "!", "@", "…").
        for (text, _) in &mut texts {
            *text = text.split_whitespace().next().unwrap_or(text);
        }
    }
    let widths: Vec<f32> = texts.iter().map(|(t, _)| width(t)).collect();
    let more = width(&format!("+{}", flags.len()));
    let shown = chips_that_fit(&widths, available, more);
    ui.horizontal(|ui| {
        for ((text, color), flag) in texts.iter().zip(flags).take(shown) {
            theme::badge_ui(ui, text, *color).on_hover_text(flag.as_str());
        }
        if shown < flags.len() {
            let all: Vec<&str> = flags.iter().map(|f| f.as_str()).collect();
            let color = ui.visuals().text_color();
            theme::badge_ui(ui, &format!("+{}", flags.len() - shown), color)
                .on_hover_text(all.join(", "));
        }
    });
}

/// Width a chip adds to its text: its frame's margins and stroke.
const CHIP_MARGIN: f32 = 8.0;

/// How many chips of `widths` fit in `available`, keeping room for a "+n" chip of width
/// `more` when some are left out.
fn chips_that_fit(widths: &[f32], available: f32, more: f32) -> usize {
    let total: f32 = widths.iter().sum();
    if total <= available {
        return widths.len();
    }
    let mut used = 0.0;
    let mut shown = 0;
    for w in widths {
        if used + w + more > available {
            break;
        }
        used += w;
        shown += 1;
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::chips_that_fit;

    #[test]
    fn chips_that_do_not_fit_leave_room_for_the_count_of_the_rest() {
        assert_eq!(chips_that_fit(&[30.0, 30.0], 60.0, 20.0), 2);
        assert_eq!(chips_that_fit(&[30.0, 30.0, 30.0], 80.0, 20.0), 2);
        assert_eq!(chips_that_fit(&[30.0, 30.0, 30.0], 79.0, 20.0), 1);
        assert_eq!(chips_that_fit(&[50.0], 30.0, 20.0), 0);
    }
}
