//! Adding articles to an analysis without reading the others again.
//!
//! [`Extracted`] keeps each article's quotations as extraction found them (before speakers
//! are unified across articles and the user's corrections applied), and what the last
//! analysis computed that depends on one quotation, one article or one group alone: the
//! grouping's signatures and story entities ([`crate::group::incremental::Regrouping`]) and
//! each group's alignment, with the members, reference and options it was aligned with.
//!
//! Adding an article extracts only that article; [`Extracted::analyze`] then runs the stages
//! that look across articles (speakers, grouping, corrections) on all of them, and aligns only
//! the groups whose members, reference or options changed; the others are taken as they were.
//! The result is exactly that of analysing all the articles from scratch (a test checks it on
//! generated coverage added in several orders).
//!
//! Taking an article out, or putting one back, is not incremental: the caller analyses the
//! set again from its articles ([`Extracted::new`]).

use super::{AnalyzeOptions, Grouping, Progress, extract_all, finish};
use crate::align::AlignOptions;
use crate::extract;
use crate::group::incremental::Regrouping;
use crate::model::{Analysis, Article, Group, Quote};
use rustc_hash::FxHashMap;

/// Articles with their quotations as extracted, ready to analyse or to grow.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    articles: Vec<Article>,
    found: Vec<Vec<Quote>>,
    kept: Kept,
}

impl Extracted {
    /// Extracts the quotations of `articles` (on every core); ids are assigned in order.
    pub fn new(articles: Vec<Article>) -> Self {
        Self::with_progress(articles, &mut |_| true).unwrap_or_default()
    }

    /// Like [`Extracted::new`], reporting progress; `progress` returns `false` to cancel,
    /// and then the result is `None`.
    pub fn with_progress(
        articles: Vec<Article>,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Option<Self> {
        let mut extracted = Self::default();
        extracted.extend_with_progress(articles, progress)?;
        Some(extracted)
    }

    /// Adds `articles` after those held, extracting only theirs (on every core); they take
    /// the next ids. `progress` returns `false` to cancel, and then nothing is added.
    pub fn extend_with_progress(
        &mut self,
        mut articles: Vec<Article>,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Option<()> {
        let held = self.articles.len();
        for (i, article) in articles.iter_mut().enumerate() {
            article.article_id = format!("a{}", held + i + 1);
        }
        let found = extract_all(&articles, progress)?;
        self.articles.extend(articles);
        self.found.extend(found);
        Some(())
    }

    /// Whether the articles held are the first of `articles`, in order (the same content and
    /// path): then only the others need adding.
    pub fn holds_start_of<A: std::borrow::Borrow<Article>>(&self, articles: &[A]) -> bool {
        self.articles.len() <= articles.len()
            && self.articles.iter().zip(articles).all(|(a, b)| {
                let b = b.borrow();
                a.content_hash == b.content_hash && a.path == b.path
            })
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

    /// Which of the articles so far share a story: kept from the last analysis when it read
    /// all of them, read from the articles otherwise (the same either way).
    pub fn stories(&self) -> crate::group::Stories {
        (self.kept.regrouping)
            .stories(&self.articles)
            .unwrap_or_else(|| crate::group::stories(&self.articles))
    }

    /// The analysis of every article so far: the same as [`crate::analyze`] on them.
    pub fn analyze(&mut self, options: &AnalyzeOptions) -> Analysis {
        self.analyze_with_progress(options, &mut |_| true)
            .unwrap_or_default()
    }

    /// Like [`Extracted::analyze`], reporting progress; `progress` returns `false` to cancel,
    /// and then the result is `None` (what is kept stays valid for the next analysis).
    pub fn analyze_with_progress(
        &mut self,
        options: &AnalyzeOptions,
        progress: &mut dyn FnMut(Progress) -> bool,
    ) -> Option<Analysis> {
        finish(
            self.articles.clone(),
            self.found.clone(),
            options,
            progress,
            Grouping::Kept(&mut self.kept),
        )
    }
}

/// What one analysis keeps for the next.
#[derive(Clone, Debug, Default)]
pub(super) struct Kept {
    /// The grouping's per-quotation and per-article work.
    pub(super) regrouping: Regrouping,
    /// The quotations the groups below were aligned from, as they were then.
    quotes: Vec<Quote>,
    /// Each group aligned, by its members (indices into `quotes`).
    groups: FxHashMap<Vec<usize>, Aligned>,
    /// The reference and options asked for each cluster of the analysis under way, in order.
    next: Vec<Request>,
}

/// The reference asked for (a position among the members) and the options of one alignment.
type Request = (Option<usize>, AlignOptions);

/// One group as aligned, with what it was asked for.
#[derive(Clone, Debug)]
struct Aligned {
    request: Request,
    group: Group,
}

impl Kept {
    /// The group `cluster` of `quotes` aligned as asked, named `group_id`, when an earlier
    /// analysis aligned the same members (equal in every field) the same way.
    pub(super) fn aligned(
        &self,
        cluster: &[usize],
        quotes: &[Quote],
        reference: Option<usize>,
        options: &AlignOptions,
        group_id: &str,
    ) -> Option<Group> {
        let earlier = self.groups.get(cluster)?;
        let same_members = cluster
            .iter()
            .all(|&i| matches!((quotes.get(i), self.quotes.get(i)), (Some(a), Some(b)) if a == b));
        if !same_members || earlier.request.0 != reference || earlier.request.1 != *options {
            return None;
        }
        let mut group = earlier.group.clone();
        group.group_id = group_id.to_string();
        Some(group)
    }

    /// An alignment stage starts: what it asks for is recorded from here on.
    pub(super) fn begin_aligning(&mut self) {
        self.next.clear();
    }

    /// The requests of the clusters aligned next, in order.
    pub(super) fn requested(&mut self, requests: Vec<Request>) {
        self.next.extend(requests);
    }

    /// Keeps the groups of a finished analysis: `groups` aligned from `clusters` of `quotes`
    /// as the recorded requests asked.
    pub(super) fn keep(&mut self, quotes: &[Quote], clusters: &[Vec<usize>], groups: &[Group]) {
        let requests = std::mem::take(&mut self.next);
        self.quotes = quotes.to_vec();
        self.groups = clusters
            .iter()
            .zip(requests)
            .zip(groups)
            .map(|((cluster, request), group)| {
                let aligned = Aligned {
                    request,
                    group: group.clone(),
                };
                (cluster.clone(), aligned)
            })
            .collect();
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
        let options = AnalyzeOptions::default();
        let before = extracted.analyze(&options);
        assert_eq!(before.groups.first().map(|g| g.members.len()), Some(2));
        extracted.add(late.clone());
        let incremental = extracted.analyze(&options);
        let mut all = articles;
        all.push(late);
        let full = crate::analyze(all, &options);
        assert_eq!(incremental, full);
        assert_eq!(full.groups.first().map(|g| g.members.len()), Some(3));
    }

    #[test]
    fn a_group_whose_members_did_not_change_is_taken_as_it_was() {
        let one = read(
            "a.txt",
            "Ferry\n\n“The ferry to Kellam will sail again in March,” Ana Ruiz said.",
        );
        let other = read(
            "b.txt",
            "Roof\n\n“We will mend the school roof before the frost,” Piet Varga said.",
        );
        let mut extracted = Extracted::new(vec![one]);
        let options = AnalyzeOptions::default();
        let before = extracted.analyze(&options);
        let cluster = vec![0];
        let request = (None, AlignOptions::default());
        let kept = extracted
            .kept
            .groups
            .get(&cluster)
            .map(|a| a.request.clone());
        assert_eq!(kept, Some(request));
        extracted.add(other);
        let after = extracted.analyze(&options);
        assert_eq!(after.groups.first(), before.groups.first());
        // A changed member is not taken as it was.
        let mut changed = after.quotes.clone();
        changed[0].text.push('!');
        let reused = extracted
            .kept
            .aligned(&cluster, &changed, None, &options.align, "g1");
        assert!(reused.is_none());
    }
}
