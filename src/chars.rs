//! Unicode general categories of single characters, read from the tables the `regex` crate
//! uses for `\p{Lu}`, `\p{L}` and `\p{N}`, so that a hand-written scanner classes every
//! character exactly as the pattern it stands for would.
//!
//! Scanners that run over every byte of every article (name runs, attribution tokens) are
//! written by hand rather than as regular expressions: a lazy DFA over Unicode classes spends
//! much of a short run building its states on each thread, and the scanners need no
//! backtracking. Each scanner's tests compare it with its pattern on random text.

use regex_syntax::hir::{Class, HirKind};
use std::sync::LazyLock;

/// Sorted, non-overlapping ranges of one class.
struct Ranges(Vec<(char, char)>);

impl Ranges {
    /// The ranges of a one-class pattern such as `\p{Lu}` (empty if it does not parse).
    fn of(pattern: &str) -> Self {
        let ranges = match regex_syntax::Parser::new().parse(pattern) {
            Ok(hir) => match hir.kind() {
                HirKind::Class(Class::Unicode(class)) => class
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
                _ => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        Self(ranges)
    }

    fn contains(&self, c: char) -> bool {
        self.0
            .binary_search_by(|&(lo, hi)| {
                if hi < c {
                    std::cmp::Ordering::Less
                } else if lo > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

static UPPER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{Lu}"));
static LETTER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{L}"));
static NUMBER: LazyLock<Ranges> = LazyLock::new(|| Ranges::of(r"\p{N}"));

/// `\p{Lu}`: an uppercase letter.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        UPPER.contains(c)
    }
}

/// `\p{L}`: a letter of any kind.
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        LETTER.contains(c)
    }
}

/// `\p{N}`: a number of any kind (digits, numerals, fractions).
pub fn is_number(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        NUMBER.contains(c)
    }
}

/// `\s`: white space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn classes_agree_with_the_regex_crate_on_every_character() {
        type Class = fn(char) -> bool;
        let checks: [(&str, Class); 4] = [
            (r"^\p{Lu}$", is_upper),
            (r"^\p{L}$", is_letter),
            (r"^\p{N}$", is_number),
            (r"^\s$", is_space),
        ];
        for (pattern, class) in checks {
            let re = Regex::new(pattern).unwrap();
            let mut buf = [0u8; 4];
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                assert_eq!(
                    class(c),
                    re.is_match(c.encode_utf8(&mut buf)),
                    "{pattern} on U+{:04X}",
                    c as u32
                );
            }
        }
    }
}
