//! The whole analysis: articles in, [`Analysis`] out. The CLI, the app, the reports and the
//! benchmarks all call [`analyze`]; the app calls [`analyze_with_progress`] off its UI thread.

use crate::align::{self, AlignOptions};
use crate::corrections::Corrections;
use crate::corrections::apply::Applying;
use crate::model::{Analysis, Article, Group, Quote, QuoteKey};
use crate::{extract, group, speakers};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

mod incremental;

pub use incremental::Extracted;
use incremental::Kept;

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
    let found = extract_all(&articles, progress)?;
    finish(articles, found, options, progress, Grouping::Fresh)
}

/// The stages after extraction, for quotations extracted elsewhere (read back from
/// [`crate::records`]): `found` holds each article's quotations as [`extract::extract`] gave
/// them, in article order, and `stories` the articles' stories (built from their story keys,
/// [`group::Stories::from_keys`]). Article ids are kept as given. The result is that of
/// [`analyze`] on the same articles.
pub fn analyze_extracted(
    articles: Vec<Article>,
    found: Vec<Vec<Quote>>,
    stories: &group::Stories,
    options: &AnalyzeOptions,
) -> Analysis {
    finish(
        articles,
        found,
        options,
        &mut |_| true,
        Grouping::InStories(stories),
    )
    .unwrap_or_default()
}

/// Where the grouping stage learns the articles' stories.
enum Grouping<'a> {
    /// From the articles themselves.
    Fresh,
    /// Already known (built from records' story keys).
    InStories(&'a group::Stories),
    /// From the work an earlier analysis of fewer articles kept, used and renewed.
    Kept(&'a mut Kept),
}

/// The stages after extraction: the user's edits, speakers across articles, grouping and
/// alignment. `found` holds each article's quotations as extracted, in article order.
fn finish(
    articles: Vec<Article>,
    found: Vec<Vec<Quote>>,
    options: &AnalyzeOptions,
    progress: &mut dyn FnMut(Progress) -> bool,
    mut grouping: Grouping<'_>,
) -> Option<Analysis> {
    let mut applying = Applying::new(&options.corrections);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.iter().map(Vec::len).sum());
    for (article, mut found) in articles.iter().zip(found) {
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
    let mut clusters = match &mut grouping {
        Grouping::Kept(kept) => kept.regrouping.group(&articles, &quotes),
        Grouping::InStories(stories) => group::group_in_stories(&quotes, stories),
        Grouping::Fresh => group::group_in_stories(&quotes, &group::stories(&articles)),
    };
    applying.regroup(&mut clusters);
    speakers::fill_from_groups(&mut quotes, &clusters);

    let groups = align_all(
        &articles,
        &quotes,
        &clusters,
        options,
        &mut applying,
        progress,
        match &mut grouping {
            Grouping::Kept(kept) => Some(&mut **kept),
            _ => None,
        },
    )?;
    if let Grouping::Kept(kept) = grouping {
        kept.keep(&quotes, &clusters, &groups);
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

/// Articles handed to the threads at a time, between progress reports.
const CHUNK: usize = 64;

/// Every article's quotations as extracted, in article then text order. Articles are read on
/// every core, a chunk at a time; the result is the same whatever the number of threads.
fn extract_all(
    articles: &[Article],
    progress: &mut dyn FnMut(Progress) -> bool,
) -> Option<Vec<Vec<Quote>>> {
    let total = articles.len();
    let mut quotes: Vec<Vec<Quote>> = Vec::with_capacity(total);
    for (c, chunk) in articles.chunks(CHUNK).enumerate() {
        if !progress(Progress {
            stage: Stage::Extracting,
            done: c * CHUNK,
            total,
        }) {
            return None;
        }
        quotes.par_extend(chunk.par_iter().map(extract::extract));
    }
    Some(quotes)
}

/// Each cluster aligned into a group, on every core, a chunk at a time.
fn align_all(
    articles: &[Article],
    quotes: &[Quote],
    clusters: &[Vec<usize>],
    options: &AnalyzeOptions,
    applying: &mut Applying,
    progress: &mut dyn FnMut(Progress) -> bool,
    mut kept: Option<&mut Kept>,
) -> Option<Vec<Group>> {
    let preferred = preferred_references(articles, quotes, options);
    if let Some(kept) = kept.as_deref_mut() {
        kept.begin_aligning();
    }
    let total = clusters.len();
    let mut groups: Vec<Group> = Vec::with_capacity(total);
    for (c, chunk) in clusters.chunks(CHUNK * 4).enumerate() {
        if !progress(Progress {
            stage: Stage::Aligning,
            done: c * CHUNK * 4,
            total,
        }) {
            return None;
        }
        // The corrections are consulted in order; only the alignment runs in parallel.
        let jobs: Vec<(Option<usize>, AlignOptions)> = chunk
            .iter()
            .map(|cluster| {
                let reference = applying.chosen_reference(cluster).or_else(|| {
                    cluster.iter().position(|&q| {
                        quotes
                            .get(q)
                            .is_some_and(|q| preferred.contains(q.quote_id.as_str()))
                    })
                });
                (reference, applying.align_options(cluster, &options.align))
            })
            .collect();
        let first = groups.len();
        let earlier = kept.as_deref();
        let built: Vec<Group> = chunk
            .par_iter()
            .zip(&jobs)
            .enumerate()
            .map(|(i, (cluster, (reference, align_options)))| {
                let group_id = format!("g{}", first + i + 1);
                // A group aligned by an earlier analysis, with the same members, reference
                // and options, is taken as it was.
                if let Some(group) = earlier
                    .and_then(|k| k.aligned(cluster, quotes, *reference, align_options, &group_id))
                {
                    return group;
                }
                let members: Vec<&Quote> = cluster.iter().filter_map(|&q| quotes.get(q)).collect();
                align::build_group(group_id, &members, *reference, align_options)
            })
            .collect();
        groups.extend(built);
        if let Some(kept) = kept.as_deref_mut() {
            kept.requested(jobs);
        }
    }
    Some(groups)
}

/// The quote ids the caller prefers as references.
fn preferred_references<'q>(
    articles: &[Article],
    quotes: &'q [Quote],
    options: &AnalyzeOptions,
) -> FxHashSet<&'q str> {
    if options.reference_article.is_none() && options.reference_quotes.is_empty() {
        return FxHashSet::default();
    }
    let article_wanted = |article: &Article| match &options.reference_article {
        Some(r) => {
            article.article_id == *r || article.path == *r || article.path.ends_with(r.as_str())
        }
        None => false,
    };
    let by_id: FxHashMap<&str, &Article> = articles
        .iter()
        .map(|a| (a.article_id.as_str(), a))
        .collect();
    quotes
        .iter()
        .filter(|q| {
            by_id
                .get(q.article_id.as_str())
                .is_some_and(|a| article_wanted(a) || options.reference_quotes.contains(&q.key(a)))
        })
        .map(|q| q.quote_id.as_str())
        .collect()
}
