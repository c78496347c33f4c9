//! Adding articles to an analysis without reading the others again.
//!
//! [`Extracted`] keeps each article's quotations as extraction found them (before speakers
//! are unified across articles and the user's corrections applied). Adding an article
//! extracts only that article; [`Extracted::analyze`] then runs the stages that look across
//! articles (speakers, grouping, alignment), so the result is exactly that of analysing all
//! the articles from scratch.

use super::{AnalyzeOptions, extract_all, finish};
use crate::extract;
use crate::model::{Analysis, Article, Quote};

/// Articles with their quotations as extracted, ready to analyse or to grow.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    articles: Vec<Article>,
    found: Vec<Vec<Quote>>,
}

impl Extracted {
    /// Extracts the quotations of `articles` (on every core); ids are assigned in order.
    pub fn new(mut articles: Vec<Article>) -> Self {
        for (i, article) in articles.iter_mut().enumerate() {
            article.article_id = format!("a{}", i + 1);
        }
        let found = extract_all(&articles, &mut |_| true).unwrap_or_default();
        Self { articles, found }
    }

    /// Adds one article, extracting only its quotations; it takes the next id.
    pub fn add(&mut self, mut article: Article) {
        article.article_id = format!("a{}", self.articles.len() + 1);
        self.found.push(extract::extract(&article));
        self.articles.push(article);
    }

    /// The articles so far, in order.
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The analysis of every article so far: the same as [`crate::analyze`] on them.
    pub fn analyze(&self, options: &AnalyzeOptions) -> Analysis {
        finish(
            self.articles.clone(),
            self.found.clone(),
            options,
            &mut |_| true,
        )
        .unwrap_or_default()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::ingest;

    fn read(name: &str, text: &str) -> Article {
        ingest::ingest_bytes(name, text.as_bytes()).unwrap()
    }

    #[test]
    fn adding_an_article_equals_analysing_all_again() {
        let articles = vec![
            read(
                "a.txt",
                "Ferry\n\n“The ferry to Kellam will sail again in March,” Ana Ruiz said.",
            ),
            read(
                "b.txt",
                "Kellam ferry\n\n“The ferry to Kellam will sail in March,” said Ana Ruiz.",
            ),
        ];
        let late = read(
            "c.txt",
            "Ruiz on ferry\n\nAna Ruiz said: “The ferry to Kellam will sail again in April.”",
        );
        let mut extracted = Extracted::new(articles.clone());
        extracted.add(late.clone());
        let options = AnalyzeOptions::default();
        let incremental = extracted.analyze(&options);
        let mut all = articles;
        all.push(late);
        let full = crate::analyze(all, &options);
        assert_eq!(incremental, full);
        assert_eq!(full.groups.first().map(|g| g.members.len()), Some(3));
    }
}
