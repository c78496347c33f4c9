//! The wording of the warnings every stage adds to an article: a count and the right noun.

/// `one` or `many` by count.
pub(crate) fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "line", "lines"), "line");
        assert_eq!(plural(0, "line", "lines"), "lines");
        assert_eq!(plural(2, "line", "lines"), "lines");
    }
}
