//! The only place colours live: change classes, flags and highlights as text formats chosen
//! from the current visuals (light or dark), each with a second cue that reads without colour.
//!
//! In: a [`ChangeClass`] or [`GroupFlag`] and the `Ui`'s visuals. Out: `TextFormat`s, colours
//! and the legend widget. Cues: numbers, negations and names get a thick underline and a
//! superscript marker; omissions are struck through; additions underlined; paraphrases in
//! italics; punctuation in a muted colour with a dot marker.

use crate::model::{ChangeClass, GroupFlag};
use egui::text::LayoutJob;
use egui::{Color32, FontId, Stroke, TextFormat, Ui, Visuals};

/// A class's colour for the current theme (the palette the HTML report shares).
pub fn class_color(class: ChangeClass, visuals: &Visuals) -> Color32 {
    let [r, g, b] = crate::view::palette::class_rgb(class, visuals.dark_mode);
    Color32::from_rgb(r, g, b)
}

/// Secondary text (file names, notes) at 4.5:1 or more in both themes and at least 12 points;
/// egui's default weak text is fainter and its small text smaller than that.
pub fn set_readable_colours(ctx: &egui::Context) {
    // Small text (file names, notes) no smaller than 12 points.
    ctx.all_styles_mut(|s| {
        if let Some(font) = s.text_styles.get_mut(&egui::TextStyle::Small) {
            font.size = font.size.max(12.0);
        }
    });
    ctx.style_mut_of(egui::Theme::Dark, |s| {
        s.visuals.weak_text_color = Some(Color32::from_gray(WEAK_GREY.1));
    });
    ctx.style_mut_of(egui::Theme::Light, |s| {
        s.visuals.weak_text_color = Some(Color32::from_gray(WEAK_GREY.0));
    });
}

/// Grey of secondary text on light and on dark backgrounds.
pub const WEAK_GREY: (u8, u8) = (85, 170);

/// The superscript marker drawn before a changed run, so the class reads without colour.
pub fn class_marker(class: ChangeClass) -> &'static str {
    match class {
        ChangeClass::Number => "#",
        ChangeClass::Negation => "!",
        ChangeClass::Name => "@",
        ChangeClass::Omission => "−",
        ChangeClass::Addition => "+",
        ChangeClass::Paraphrase => "~",
        ChangeClass::Punctuation => "·",
    }
}

/// What the second cue is, for the legend.
fn cue_words(class: ChangeClass) -> &'static str {
    match class {
        ChangeClass::Number | ChangeClass::Negation | ChangeClass::Name => "thick underline",
        ChangeClass::Omission => "struck through",
        ChangeClass::Addition => "underlined",
        ChangeClass::Paraphrase => "italics",
        ChangeClass::Punctuation => "muted",
    }
}

/// How words of `class` are drawn.
pub fn class_format(class: ChangeClass, visuals: &Visuals, font: FontId) -> TextFormat {
    let color = class_color(class, visuals);
    let mut format = TextFormat {
        font_id: font,
        color,
        ..TextFormat::default()
    };
    match class {
        ChangeClass::Number | ChangeClass::Negation | ChangeClass::Name => {
            format.underline = Stroke::new(2.5, color);
            format.background = color.gamma_multiply(0.18);
        }
        ChangeClass::Omission => format.strikethrough = Stroke::new(1.5, color),
        ChangeClass::Addition => format.underline = Stroke::new(1.5, color),
        ChangeClass::Paraphrase => {
            format.italics = true;
            format.background = color.gamma_multiply(0.12);
        }
        ChangeClass::Punctuation => {}
    }
    format
}

/// How changed words a version printed are drawn: never struck, whatever the class.
pub fn printed_format(class: ChangeClass, visuals: &Visuals, font: FontId) -> TextFormat {
    let mut format = class_format(class, visuals, font);
    if format.strikethrough != Stroke::NONE {
        format.strikethrough = Stroke::NONE;
        format.underline = Stroke::new(1.5, format.color);
    }
    format
}

/// How the reference's words a version lacks are drawn: struck through in the class's colour,
/// whatever the class, so they never read as printed.
pub fn struck_format(class: ChangeClass, visuals: &Visuals, font: FontId) -> TextFormat {
    let color = class_color(class, visuals);
    TextFormat {
        font_id: font,
        color,
        strikethrough: Stroke::new(1.5, color),
        background: color.gamma_multiply(0.10),
        ..TextFormat::default()
    }
}

/// The ellipsis where a version joins two statements: printed words, boxed in the splice colour.
pub fn splice_format(visuals: &Visuals, font: FontId) -> TextFormat {
    let color = class_color(ChangeClass::Omission, visuals);
    TextFormat {
        font_id: font,
        color,
        background: color.gamma_multiply(0.25),
        underline: Stroke::new(2.0, color),
        ..TextFormat::default()
    }
}

/// The mark between two pieces of one version (a split quotation): smaller than the words and
/// boxed, so it never reads as words the version printed.
pub fn gap_format(visuals: &Visuals, font: &FontId) -> TextFormat {
    TextFormat {
        font_id: FontId::new(font.size * SIGN_SCALE, font.family.clone()),
        color: visuals.weak_text_color(),
        background: visuals.faint_bg_color,
        valign: egui::Align::Center,
        ..TextFormat::default()
    }
}

/// Appends `class`'s small raised sign, so the class reads without colour.
pub fn append_sign(job: &mut LayoutJob, class: ChangeClass, visuals: &Visuals, font: &FontId) {
    let mut marker = class_format(
        class,
        visuals,
        FontId::new(font.size * SIGN_SCALE, font.family.clone()),
    );
    marker.valign = egui::Align::TOP;
    marker.underline = Stroke::NONE;
    marker.strikethrough = Stroke::NONE;
    marker.italics = false;
    job.append(class_marker(class), 0.0, marker);
}

/// Appends a space at the size of a sign, to part struck words from the printed ones after.
pub fn append_sign_space(job: &mut LayoutJob, font: &FontId) {
    let format = TextFormat {
        font_id: FontId::new(font.size * SIGN_SCALE, font.family.clone()),
        ..TextFormat::default()
    };
    job.append(" ", 0.0, format);
}

/// Size of a class sign relative to the text it marks.
pub const SIGN_SCALE: f32 = 0.7;

/// Text drawn as plain body text.
pub fn plain_format(visuals: &Visuals, font: FontId) -> TextFormat {
    TextFormat {
        font_id: font,
        color: visuals.text_color(),
        ..TextFormat::default()
    }
}

/// Text drawn stronger than body text (the selected row).
pub fn strong_format(visuals: &Visuals, font: FontId) -> TextFormat {
    TextFormat {
        font_id: font,
        color: visuals.strong_text_color(),
        ..TextFormat::default()
    }
}

/// Appends `text` in `class`'s style to `job`, led by its small raised marker.
pub fn append_marked(
    job: &mut LayoutJob,
    text: &str,
    class: ChangeClass,
    visuals: &Visuals,
    font: &FontId,
) {
    append_sign(job, class, visuals, font);
    job.append(text, 0.0, class_format(class, visuals, font.clone()));
}

/// A flag's badge text and colour.
pub fn flag_badge(flag: GroupFlag, visuals: &Visuals) -> (&'static str, Color32) {
    let class = match flag {
        GroupFlag::NumberChange => ChangeClass::Number,
        GroupFlag::NegationChange => ChangeClass::Negation,
        GroupFlag::SpeakerConflict => ChangeClass::Name,
        GroupFlag::Splice | GroupFlag::Truncated => ChangeClass::Omission,
    };
    let text = match flag {
        GroupFlag::NumberChange => "# number",
        GroupFlag::NegationChange => "! negation",
        GroupFlag::SpeakerConflict => "@ speaker",
        GroupFlag::Splice => "… splice",
        GroupFlag::Truncated => "cut",
    };
    (text, class_color(class, visuals))
}

/// Colour for a warning or conflict (speaker differs, unreadable file).
pub fn warning_color(visuals: &Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// Colour for an error.
pub fn error_color(visuals: &Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Background for the quotation highlighted in its article.
pub fn quote_highlight(visuals: &Visuals) -> TextFormat {
    let base = if visuals.dark_mode {
        Color32::from_rgb(90, 80, 20)
    } else {
        Color32::from_rgb(255, 240, 150)
    };
    TextFormat {
        background: base,
        color: visuals.strong_text_color(),
        ..TextFormat::default()
    }
}

/// Background for the article's other quotations: fainter than the one gone to.
pub fn other_quote_highlight(visuals: &Visuals) -> TextFormat {
    let base = if visuals.dark_mode {
        Color32::from_rgb(55, 52, 30)
    } else {
        Color32::from_rgb(252, 248, 215)
    };
    TextFormat {
        background: base,
        color: visuals.text_color(),
        ..TextFormat::default()
    }
}

/// Style for the attribution highlighted in its article.
pub fn attribution_highlight(visuals: &Visuals) -> TextFormat {
    let color = class_color(ChangeClass::Name, visuals);
    TextFormat {
        underline: Stroke::new(2.0, color),
        color,
        ..TextFormat::default()
    }
}

/// A small badge: coloured text on a faint fill of the same colour.
pub fn badge_ui(ui: &mut Ui, text: &str, color: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(color.gamma_multiply(0.15))
        .stroke(Stroke::new(1.0, color))
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(3, 0))
        .show(ui, |ui| {
            ui.label(egui::RichText::new(text).small().color(color))
        })
        .response
}

/// Dims the window and says what dropping does, while files are dragged over it.
pub fn paint_drop_hint(ctx: &egui::Context) {
    let layer = egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop_hint"));
    let painter = ctx.layer_painter(layer);
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(170));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop to add these articles to the comparison",
        FontId::proportional(24.0),
        Color32::WHITE,
    );
}

/// The legend: one sample per class, with its cue in words.
pub fn legend_ui(ui: &mut Ui, hide_cosmetic: bool) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Legend:").strong());
        for class in ChangeClass::ALL {
            if hide_cosmetic && !class.is_substantive() {
                continue;
            }
            let mut job = LayoutJob::default();
            append_marked(&mut job, class.as_str(), class, ui.visuals(), &font);
            ui.label(job)
                .on_hover_text(format!("{} — {}", class.as_str(), cue_words(class)));
            ui.add_space(6.0);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `color` over `background`, as the painter blends a premultiplied colour.
    fn over(color: Color32, background: Color32) -> [u8; 3] {
        let a = f32::from(color.a()) / 255.0;
        let mix = |c: u8, b: u8| (f32::from(c) + f32::from(b) * (1.0 - a)).round().min(255.0) as u8;
        [
            mix(color.r(), background.r()),
            mix(color.g(), background.g()),
            mix(color.b(), background.b()),
        ]
    }

    fn rgb(c: Color32) -> [u8; 3] {
        [c.r(), c.g(), c.b()]
    }

    #[test]
    fn marked_words_and_secondary_text_read_at_4_5_to_1_in_both_themes() {
        use crate::view::palette::contrast;
        for (mut visuals, grey) in [
            (Visuals::dark(), WEAK_GREY.1),
            (Visuals::light(), WEAK_GREY.0),
        ] {
            visuals.weak_text_color = Some(Color32::from_gray(grey));
            let panel = visuals.panel_fill;
            let weak = contrast(rgb(visuals.weak_text_color()), rgb(panel));
            assert!(weak >= 4.5, "weak text {weak:.2}");
            for class in ChangeClass::ALL {
                for format in [
                    printed_format(class, &visuals, FontId::default()),
                    struck_format(class, &visuals, FontId::default()),
                ] {
                    let ground = over(format.background, panel);
                    let ratio = contrast(rgb(format.color), ground);
                    assert!(
                        ratio >= 4.5,
                        "{} in {}: {ratio:.2}",
                        class.as_str(),
                        visuals.dark_mode
                    );
                }
            }
        }
    }

    #[test]
    fn every_class_has_its_own_sign() {
        let mut markers: Vec<&str> = ChangeClass::ALL.iter().map(|c| class_marker(*c)).collect();
        markers.sort_unstable();
        markers.dedup();
        assert_eq!(markers.len(), ChangeClass::ALL.len());
    }

    #[test]
    fn substantive_classes_have_a_cue_besides_colour() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            for class in ChangeClass::ALL.into_iter().filter(|c| c.is_substantive()) {
                let f = class_format(class, &visuals, FontId::default());
                let cue =
                    f.underline != Stroke::NONE || f.strikethrough != Stroke::NONE || f.italics;
                assert!(cue, "{} reads by colour alone", class.as_str());
            }
        }
    }
}
