//! The whole analysis: articles in, [`Analysis`] out. The CLI, the app, the reports and the
//! benchmarks all call [`analyze`]; the app calls [`analyze_with_progress`] off its UI thread.

use crate::align::{self, AlignOptions};
use crate::corrections::Corrections;
use crate::corrections::apply::Applying;
use crate::model::{Analysis, Article, Group, Quote, QuoteKey};
use crate::{extract, group, speakers};

/// What the caller may choose about an analysis.
#[derive(Clone, Debug, Default)]
pub struct AnalyzeOptions {
    /// Prefer this article's version as every group's reference (an article id, a path, or the
    /// end of a path such as a file name).
    pub reference_article: Option<String>,
    /// Prefer these quotations as the reference of the groups they end up in.
    pub reference_quotes: Vec<QuoteKey>,
    /// How versions are compared.
    pub align: AlignOptions,
    /// The user's corrections, re-applied at each stage (see [`crate::corrections::apply`]).
    pub corrections: Corrections,
}

/// The stage an analysis has reached, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Finding quotations and their speakers, one article at a time.
    Extracting,
    /// Grouping versions of the same statement.
    Grouping,
    /// Aligning each group against its reference.
    Aligning,
}

/// How far an analysis has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// What it is doing.
    pub stage: Stage,
    /// Units done in this stage.
    pub done: usize,
    /// Units in this stage.
    pub total: usize,
}

/// Analyses `articles` (already read, ids assigned or not).
///
/// ```
/// use verbatim::{analyze, AnalyzeOptions, ingest};
/// let a = ingest::ingest_bytes("a.txt", "\u{201c}We will not raise taxes,\u{201d} Mayor Ana Ruiz said.".as_bytes()).unwrap();
/// let b = ingest::ingest_bytes("b.txt", "\u{201c}We will raise taxes,\u{201d} Mayor Ana Ruiz said.".as_bytes()).unwrap();
/// let analysis = analyze(vec![a, b], &AnalyzeOptions::default());
/// assert_eq!(analysis.quotes.len(), 2);
/// assert_eq!(analysis.groups.len(), 1);
/// ```
pub fn analyze(articles: Vec<Article>, options: &AnalyzeOptions) -> Analysis {
    analyze_with_progress(articles, options, &mut |_| true).unwrap_or_default()
}

/// Like [`analyze`], reporting progress; `progress` returns `false` to cancel, and then the
/// result is `None`.
pub fn analyze_with_progress(
    mut articles: Vec<Article>,
    options: &AnalyzeOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Option<Analysis> {
    for (i, article) in articles.iter_mut().enumerate() {
        article.article_id = format!("a{}", i + 1);
    }
    let mut applying = Applying::new(&options.corrections);
    let mut quotes: Vec<Quote> = Vec::new();
    let total = articles.len();
    for (i, article) in articles.iter().enumerate() {
        if !progress(Progress {
            stage: Stage::Extracting,
            done: i,
            total,
        }) {
            return None;
        }
        let mut found = extract::extract(article);
        applying.edit_quotes(article, &mut found);
        quotes.extend(found);
    }
    for (i, quote) in quotes.iter_mut().enumerate() {
        quote.quote_id = format!("q{}", i + 1);
    }
    speakers::unify(&mut quotes);
    applying.set_speakers(&articles, &mut quotes);

    if !progress(Progress {
        stage: Stage::Grouping,
        done: 0,
        total: 1,
    }) {
        return None;
    }
    let mut clusters = group::group(&quotes);
    applying.regroup(&mut clusters);

    let preferred = preferred_references(&articles, &quotes, options);
    let mut groups: Vec<Group> = Vec::with_capacity(clusters.len());
    let total = clusters.len();
    for (i, cluster) in clusters.iter().enumerate() {
        if i % 64 == 0
            && !progress(Progress {
                stage: Stage::Aligning,
                done: i,
                total,
            })
        {
            return None;
        }
        let members: Vec<&Quote> = cluster.iter().filter_map(|&q| quotes.get(q)).collect();
        let reference = applying
            .chosen_reference(cluster)
            .or_else(|| members.iter().position(|q| preferred.contains(&q.quote_id)));
        let align_options = applying.align_options(cluster, &options.align);
        groups.push(align::build_group(
            format!("g{}", i + 1),
            &members,
            reference,
            &align_options,
        ));
    }
    let mut analysis = Analysis {
        articles,
        quotes,
        groups,
        ..Analysis::default()
    };
    analysis.notes = applying.notes(&analysis);
    analysis.unapplied = applying.unapplied(&analysis.articles);
    Some(analysis)
}

/// The quote ids the caller prefers as references.
fn preferred_references(
    articles: &[Article],
    quotes: &[Quote],
    options: &AnalyzeOptions,
) -> Vec<String> {
    let article_wanted = |article: &Article| match &options.reference_article {
        Some(r) => {
            article.article_id == *r || article.path == *r || article.path.ends_with(r.as_str())
        }
        None => false,
    };
    quotes
        .iter()
        .filter(|q| {
            articles
                .iter()
                .find(|a| a.article_id == q.article_id)
                .is_some_and(|a| article_wanted(a) || options.reference_quotes.contains(&q.key(a)))
        })
        .map(|q| q.quote_id.clone())
        .collect()
}
