//! One colour and one description per change class, shared by the window's themes and the
//! HTML report's stylesheet, so a class looks and reads the same wherever it is shown.
//!
//! In: a [`ChangeClass`]. Out: its colour as sRGB for light and dark backgrounds (each at
//! least 4.5:1 against white and against near-black respectively), its CSS custom property,
//! and what it means in words. Meaning never rests on colour alone: the window and the report
//! add their own cues (signs, strikes, underlines).

use crate::model::ChangeClass;

/// A colour as sRGB bytes.
pub type Rgb = [u8; 3];

/// `class`'s colour on a light (`dark == false`) or dark background.
pub fn class_rgb(class: ChangeClass, dark: bool) -> Rgb {
    let (light, on_dark) = match class {
        ChangeClass::Number => ([176, 0, 32], [255, 120, 130]),
        ChangeClass::Negation => ([140, 30, 160], [230, 150, 255]),
        ChangeClass::Name => ([0, 90, 165], [120, 185, 255]),
        ChangeClass::Omission => ([165, 65, 0], [255, 165, 95]),
        ChangeClass::Addition => ([0, 115, 55], [105, 220, 145]),
        ChangeClass::Paraphrase => ([115, 95, 0], [230, 205, 95]),
        ChangeClass::Punctuation => ([100, 100, 100], [165, 165, 165]),
    };
    if dark { on_dark } else { light }
}

/// What `class` means, for legends and help.
pub fn class_description(class: ChangeClass) -> &'static str {
    match class {
        ChangeClass::Number => "a number differs",
        ChangeClass::Negation => "a negation was added or dropped",
        ChangeClass::Name => "a person, place or organisation is named differently",
        ChangeClass::Omission => "words the reference has and this version lacks",
        ChangeClass::Addition => "words this version has and the reference lacks",
        ChangeClass::Paraphrase => "other words for the same thing",
        ChangeClass::Punctuation => "only punctuation, case or spacing",
    }
}

/// CSS custom properties (`--number: #b00020;` …) for a light page, one per class.
pub fn css_variables() -> String {
    let mut out = String::from(":root {");
    for class in ChangeClass::ALL {
        let [r, g, b] = class_rgb(class, false);
        out.push_str(&format!(" --{}: #{r:02x}{g:02x}{b:02x};", class.as_str()));
    }
    out.push_str(" }\n");
    out
}

/// WCAG contrast ratio of two sRGB colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let luminance = |c: Rgb| {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_reads_at_4_5_to_1_on_its_background() {
        for class in ChangeClass::ALL {
            for (dark, background) in [
                (false, [255, 255, 255]),
                (false, [245, 242, 236]),
                (true, [27, 27, 27]),
                (true, [10, 10, 10]),
            ] {
                let ratio = contrast(class_rgb(class, dark), background);
                assert!(
                    ratio >= 4.5,
                    "{} on {background:?}: {ratio:.2}",
                    class.as_str()
                );
            }
        }
    }

    #[test]
    fn the_stylesheet_names_every_class_once() {
        let css = css_variables();
        for class in ChangeClass::ALL {
            assert_eq!(css.matches(&format!("--{}:", class.as_str())).count(), 1);
        }
        assert!(css.contains("--number: #b00020;"));
    }
}
