//! Numbers as values: numerals with any digit grouping ("9,000", "9 000", "9.000.000") and
//! English number words ("twenty-five", "two dozen", "half a million", "4.5 million").
//!
//! Written by hand: text2num would add a dependency for the small English subset we need, and
//! we must also combine numerals with scale words ("4.5 million"), which it does not.

/// The value of a numeral token such as `9,000`, `4.5`, `1.000.000` or `4,5`; `None` when the
/// token is not purely a number.
pub fn numeral_value(token: &str) -> Option<f64> {
    if token.is_empty()
        || !token
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    if !token.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let commas = token.matches(',').count();
    let dots = token.matches('.').count();
    let cleaned: String = if is_grouped(token, ',') {
        // "9,000" or "9,000.5": commas group thousands.
        token.replace(',', "")
    } else if dots > 1 && is_grouped(token, '.') {
        // "1.000.000": dots group thousands.
        token.replace('.', "").replace(',', ".")
    } else if commas == 1 && dots == 0 {
        // "4,5": a decimal comma.
        token.replace(',', ".")
    } else {
        token.to_string()
    };
    cleaned.parse::<f64>().ok()
}

/// Whether `token` groups its integer part in threes with `sep` ("9,000", "12,345,678.9").
fn is_grouped(token: &str, sep: char) -> bool {
    let integer = match sep {
        ',' => token.split('.').next().unwrap_or(""),
        _ => token.split(',').next().unwrap_or(""),
    };
    let mut parts = integer.split(sep);
    let Some(first) = parts.next() else {
        return false;
    };
    let rest: Vec<&str> = parts.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The value of a small number word ("seven", "nineteen") or a tens word ("forty").
fn word_value(key: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|w| *w == key) {
        return Some(i as f64);
    }
    TENS.iter()
        .position(|w| *w == key)
        .map(|i| (i as f64 + 2.0) * 10.0)
}

/// The multiplier of a scale word.
fn scale_value(key: &str) -> Option<f64> {
    match key {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" => Some(12.0),
        _ => None,
    }
}

/// Running state of a number phrase: `total` holds completed thousands groups, `current` the
/// group being built.
#[derive(Default)]
struct Phrase {
    total: f64,
    current: f64,
    any: bool,
    /// The phrase is one bare "one": a pronoun more often than a number ("one of them").
    bare_one: bool,
}

impl Phrase {
    fn value(&self) -> f64 {
        self.total + self.current
    }

    fn scale(&mut self, scale: f64) {
        let base = if self.any { self.current } else { 1.0 };
        if scale < 1e3 {
            self.current = base * scale;
        } else {
            self.total += base * scale;
            self.current = 0.0;
        }
        self.any = true;
        self.bare_one = false;
    }
}

/// Reads a number phrase at the start of `keys` (case-folded token keys, `-` for a hyphen).
/// Returns how many keys it took and its value, or `None` when no number starts here.
pub fn phrase_value(keys: &[&str]) -> Option<(usize, f64)> {
    let mut phrase = Phrase::default();
    let mut taken = 0;
    let mut i = 0;
    while let Some(&key) = keys.get(i) {
        let next = keys.get(i + 1).copied().unwrap_or("");
        if let Some(v) = numeral_value(key) {
            if phrase.any {
                break;
            }
            phrase.current = v;
        } else if let Some(v) = word_value(key) {
            // "twenty five" goes on, "five six" is two numbers.
            let rem = phrase.current % 100.0;
            let joins = rem == 0.0 || (rem >= 20.0 && rem % 10.0 == 0.0 && v < 10.0);
            if phrase.any && !joins {
                break;
            }
            phrase.bare_one = !phrase.any && key == "one";
            phrase.current += v;
        } else if let Some(scale) = scale_value(key) {
            phrase.scale(scale);
        } else if key == "half" && !phrase.any {
            phrase.current = 0.5;
        } else if (key == "a" || key == "an") && scale_value(next).is_some() {
            // "a dozen", "a million", "half a million": the article stands for one.
            if !phrase.any {
                phrase.current = 1.0;
            }
            i += 1;
            continue;
        } else if (key == "-" || key == "and")
            && phrase.any
            && keys.get(i + 1).is_some_and(|k| word_value(k).is_some())
        {
            i += 1;
            continue;
        } else {
            break;
        }
        phrase.any = true;
        i += 1;
        taken = i;
    }
    if !phrase.any || taken == 0 || (phrase.bare_one && taken == 1) {
        return None;
    }
    Some((taken, phrase.value()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_grouping_is_ignored() {
        assert_eq!(numeral_value("9,000"), Some(9000.0));
        assert_eq!(numeral_value("9000"), Some(9000.0));
        assert_eq!(numeral_value("1.000.000"), Some(1e6));
        assert_eq!(numeral_value("12,345.5"), Some(12345.5));
        assert_eq!(numeral_value("4.5"), Some(4.5));
        assert_eq!(numeral_value("4,5"), Some(4.5));
        assert_eq!(numeral_value("abc"), None);
    }

    fn value(words: &str) -> Option<(usize, f64)> {
        let keys: Vec<&str> = words.split(' ').collect();
        phrase_value(&keys)
    }

    #[test]
    fn number_words_have_values() {
        assert_eq!(value("twenty"), Some((1, 20.0)));
        assert_eq!(value("two dozen"), Some((2, 24.0)));
        assert_eq!(value("a dozen"), Some((2, 12.0)));
        assert_eq!(value("twenty - five people"), Some((3, 25.0)));
        assert_eq!(value("three hundred and twelve"), Some((4, 312.0)));
        assert_eq!(value("half a million"), Some((3, 500_000.0)));
        assert_eq!(value("4.5 million"), Some((2, 4_500_000.0)));
        assert_eq!(value("half"), Some((1, 0.5)));
    }

    #[test]
    fn bare_one_and_articles_are_not_numbers() {
        assert_eq!(value("one of them"), None);
        assert_eq!(value("a day"), None);
        assert_eq!(value("one million"), Some((2, 1e6)));
    }
}
