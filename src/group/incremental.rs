//! Grouping a set of quotations that grows, keeping between two groupings what depends on one
//! quotation or one article alone.
//!
//! In: the articles and quotations of each analysis, in order (an added article's come last).
//! Out: the same clusters as [`super::group_in_stories`] on them, always: only pure work is
//! kept — the quotations' signatures and the entities each article names, both interned in
//! order and kept while the quotations (articles) before are the same ([`super::Interned`],
//! `story::Keyed`) — so a grouping with the kept work cannot differ from one without.
//!
//! What depends on the whole set (document frequencies, the stock phrases, the candidate
//! index, pair scores and clusters) is computed again each time: a term's weight is its
//! inverse document frequency over all quotations, so every quotation added moves every
//! score a little, and a pair just over the threshold may fall under it.

use super::Interned;
use super::story::Keyed;
use crate::model::{Article, Quote};

/// The per-quotation and per-article work kept between groupings.
#[derive(Clone, Debug, Default)]
pub struct Regrouping {
    /// The quotations' signatures, interned in order.
    interned: Interned,
    /// The entities each article names, interned in order.
    keyed: Keyed,
}

impl Regrouping {
    /// Nothing kept yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Clusters of indices into `quotes` (the quotations of `articles`), as
    /// [`super::group_in_stories`] with [`super::stories`] gives them; only quotations and
    /// articles not seen before are read.
    pub fn group(&mut self, articles: &[Article], quotes: &[Quote]) -> Vec<Vec<usize>> {
        self.keyed.follow(articles);
        let stories = (self.keyed).stories(articles.iter().map(|a| a.article_id.as_str()));
        self.interned.follow(quotes);
        super::group_interned(quotes, &stories, &self.interned)
    }

    /// The stories of `articles` as the last grouping saw them, when it grouped exactly
    /// these articles: the same as [`super::stories`] on them, without reading them again.
    pub fn stories(&self, articles: &[Article]) -> Option<super::Stories> {
        self.keyed
            .holds(articles)
            .then(|| (self.keyed).stories(articles.iter().map(|a| a.article_id.as_str())))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn quote(article: &str, text: &str) -> Quote {
        Quote {
            article_id: article.into(),
            text: text.into(),
            speaker: Some("Ana Ruiz".into()),
            ..Quote::default()
        }
    }

    #[test]
    fn grouping_with_kept_work_equals_grouping_from_scratch() {
        let mut quotes = vec![
            quote("a1", "The ferry to Kellam will sail again in March."),
            quote("a2", "The ferry to Kellam will sail in March."),
            quote("a2", "Nobody expected the storm to close the harbour."),
        ];
        let mut regrouping = Regrouping::new();
        let articles: Vec<Article> = Vec::new();
        let first = regrouping.group(&articles, &quotes);
        assert_eq!(
            first,
            super::super::group_in_stories(&quotes, &super::super::stories(&articles))
        );
        assert!(regrouping.stories(&articles).is_some());
        quotes.push(quote(
            "a3",
            "Nobody expected the storm to close the harbour for a week.",
        ));
        let second = regrouping.group(&articles, &quotes);
        assert_eq!(
            second,
            super::super::group_in_stories(&quotes, &super::super::stories(&articles))
        );
        assert_eq!(second, vec![vec![0, 1], vec![2, 3]]);
    }
}
