//! Whether an element's text is already in quotation marks, judged from its first and last
//! visible characters, so `<q>` and `<blockquote>` get marks only when they lack them.
//!
//! Both ends are looked for a bounded way in ([`PEEK_NODES`] nodes, [`PEEK_CHARS`] characters
//! per text node), so nested `<q>` elements around a long text stay linear.

use ego_tree::NodeRef;
use scraper::Node;

/// Opening and closing quotation marks, to tell text that is already quoted.
const OPENING_MARKS: [char; 7] = [
    '"', '\u{201c}', '\u{201e}', '\u{ab}', '\u{2018}', '\'', '\u{bb}',
];
const CLOSING_MARKS: [char; 7] = [
    '"', '\u{201d}', '\u{201c}', '\u{bb}', '\u{2019}', '\'', '\u{ab}',
];

/// Whether text whose first and last visible characters are `first` and `last` is already
/// set in quotation marks.
pub(crate) fn is_quoted(first: Option<char>, last: Option<char>) -> bool {
    first.is_some_and(|c| OPENING_MARKS.contains(&c))
        && last.is_some_and(|c| CLOSING_MARKS.contains(&c))
}

/// How many nodes, and characters per text node, the quoted-or-not check looks at from each
/// end of an element: enough for real pages, and bounded so nested `<q>`s stay linear.
const PEEK_NODES: usize = 256;
const PEEK_CHARS: usize = 64;

/// The first visible character inside `node`, looked for a bounded way in.
pub(crate) fn first_visible(node: NodeRef<'_, Node>) -> Option<char> {
    node.descendants().take(PEEK_NODES).find_map(|n| {
        n.value()
            .as_text()
            .and_then(|t| t.chars().take(PEEK_CHARS).find(|c| !c.is_whitespace()))
    })
}

/// The last visible character inside `node`: a reverse document-order walk (last child first),
/// bounded like [`first_visible`].
pub(crate) fn last_visible(node: NodeRef<'_, Node>) -> Option<char> {
    let mut current = node.last_child();
    for _ in 0..PEEK_NODES {
        let n = current?;
        if let Some(text) = n.value().as_text()
            && let Some(c) = text
                .chars()
                .rev()
                .take(PEEK_CHARS)
                .find(|c| !c.is_whitespace())
        {
            return Some(c);
        }
        current = n.last_child().or_else(|| previous_in_reverse(n, node));
    }
    None
}

/// The node before `n` in reverse document order, not leaving `root`.
fn previous_in_reverse<'a>(
    mut n: NodeRef<'a, Node>,
    root: NodeRef<'a, Node>,
) -> Option<NodeRef<'a, Node>> {
    for _ in 0..PEEK_NODES {
        if let Some(sibling) = n.prev_sibling() {
            return Some(sibling);
        }
        n = n.parent().filter(|p| p.id() != root.id())?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn ends(html: &str) -> (Option<char>, Option<char>) {
        let doc = Html::parse_fragment(html);
        let q = doc
            .root_element()
            .first_child()
            .map(|n| (first_visible(n), last_visible(n)));
        q.unwrap_or((None, None))
    }

    #[test]
    fn the_visible_ends_skip_white_space_and_tags() {
        assert_eq!(
            ends("<q> <b>\u{201c}Yes</b>, <i>no\u{201d}</i> </q>"),
            (Some('\u{201c}'), Some('\u{201d}'))
        );
        assert!(is_quoted(Some('\u{ab}'), Some('\u{bb}')));
        assert!(!is_quoted(Some('Y'), Some('\u{201d}')));
    }
}
