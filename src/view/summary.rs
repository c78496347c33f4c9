//! Summaries of an [`Analysis`] that the window and the reports both show: one row per
//! statement (speaker, opening words, sources, substantive differences, flags and classes), the
//! list's sort and filters, and lookups by id.
//!
//! In: an analysis (and the list's sort and filters). Out: plain data built once per analysis,
//! so a frame with thousands of statements only walks indices.

use super::speakers::{SpeakerRow, speaker_rows};
use crate::model::{Analysis, ChangeClass, DiffOp, GroupFlag, Quote};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// How the statements list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    /// Most sources first.
    #[default]
    Sources,
    /// Most substantive differences first.
    Differences,
    /// Speaker name, A to Z.
    Speaker,
    /// The order the engine found them in.
    Found,
}

impl SortKey {
    /// Every key, in menu order.
    pub const ALL: [SortKey; 4] = [
        SortKey::Sources,
        SortKey::Differences,
        SortKey::Speaker,
        SortKey::Found,
    ];

    /// The name shown on screen.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Sources => "Most sources",
            SortKey::Differences => "Most differences",
            SortKey::Speaker => "Speaker",
            SortKey::Found => "Order found",
        }
    }
}

/// Words of a statement shown in the list.
const OPENING_WORDS: usize = 10;

/// One row of the statements list.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRow {
    /// Index into `analysis.groups`.
    pub group_index: usize,
    /// The group's id.
    pub group_id: String,
    /// The resolved speaker, or `""`.
    pub speaker: String,
    /// The reference's first words.
    pub opening: String,
    /// Number of distinct articles quoting it.
    pub sources: usize,
    /// Number of substantive differences across members.
    pub differences: usize,
    /// The group's flags.
    pub flags: Vec<GroupFlag>,
    /// The substantive classes of change found across its versions.
    pub classes: Vec<ChangeClass>,
    /// Every member's text, lower-cased, for the free-text filter.
    search_text: String,
}

/// What kind of change a statement must show to be listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindFilter {
    /// Any change besides punctuation and case.
    Substantive,
    /// A change of this class.
    Class(ChangeClass),
    /// This flag.
    Flag(GroupFlag),
}

impl KindFilter {
    /// Every filter, in menu order.
    pub fn all() -> Vec<KindFilter> {
        let mut all = vec![KindFilter::Substantive];
        all.extend(
            (ChangeClass::ALL.into_iter())
                .filter(|c| c.is_substantive())
                .map(KindFilter::Class),
        );
        all.extend(
            [
                GroupFlag::SpeakerConflict,
                GroupFlag::Splice,
                GroupFlag::Truncated,
            ]
            .map(KindFilter::Flag),
        );
        all
    }

    /// The name shown on screen.
    pub fn label(self) -> String {
        match self {
            KindFilter::Substantive => "substantive changes".to_string(),
            KindFilter::Class(class) => format!("{} changes", class.as_str()),
            KindFilter::Flag(GroupFlag::SpeakerConflict) => "speaker conflict".to_string(),
            KindFilter::Flag(GroupFlag::Truncated) => "cut versions".to_string(),
            KindFilter::Flag(flag) => flag.as_str().to_string(),
        }
    }

    /// Whether `row` shows this kind of change.
    pub fn matches(self, row: &GroupRow) -> bool {
        match self {
            KindFilter::Substantive => row.differences > 0,
            KindFilter::Class(class) => row.classes.contains(&class),
            KindFilter::Flag(flag) => row.flags.contains(&flag),
        }
    }
}

/// Everything derived from one analysis.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// One row per group, in the engine's order.
    pub rows: Vec<GroupRow>,
    /// Speakers, A to Z.
    pub speakers: Vec<SpeakerRow>,
    quote_index: HashMap<String, usize>,
    group_index: HashMap<String, usize>,
    group_of_quote: HashMap<String, usize>,
    /// Quotations per `article_id`.
    quotes_per_article: HashMap<String, usize>,
    /// Which articles share a story (as grouping reads them).
    stories: crate::group::Stories,
    /// The groups quoted in each `article_id`, by index.
    groups_per_article: HashMap<String, Vec<usize>>,
}

/// Up to this many articles, a set is taken for one story's coverage ("Not quoted by" lists
/// every article that does not quote a statement).
pub const ONE_STORY_ARTICLES: usize = 12;

impl Derived {
    /// Summarises `analysis`, reading its articles' stories.
    pub fn new(analysis: &Analysis) -> Self {
        Self::with_stories(analysis, crate::group::stories(&analysis.articles))
    }

    /// Summarises `analysis`, whose articles' stories are `stories` (kept from the analysis).
    pub fn with_stories(analysis: &Analysis, stories: crate::group::Stories) -> Self {
        let quote_index: HashMap<String, usize> = analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.quote_id.clone(), i))
            .collect();
        let mut group_index = HashMap::default();
        let mut group_of_quote = HashMap::default();
        for (gi, group) in analysis.groups.iter().enumerate() {
            group_index.insert(group.group_id.clone(), gi);
            for member in &group.members {
                group_of_quote.insert(member.quote_id.clone(), gi);
            }
        }
        let mut quotes_per_article = HashMap::default();
        for quote in &analysis.quotes {
            *quotes_per_article
                .entry(quote.article_id.clone())
                .or_insert(0) += 1;
        }
        let mut groups_per_article: HashMap<String, Vec<usize>> = HashMap::default();
        for (gi, group) in analysis.groups.iter().enumerate() {
            for member in &group.members {
                let article = (quote_index.get(&member.quote_id))
                    .and_then(|&i| analysis.quotes.get(i))
                    .map(|q| q.article_id.as_str());
                if let Some(article) = article {
                    let list = groups_per_article.entry(article.to_string()).or_default();
                    if list.last() != Some(&gi) {
                        list.push(gi);
                    }
                }
            }
        }
        let mut derived = Self {
            rows: Vec::new(),
            speakers: speaker_rows(analysis),
            quote_index,
            group_index,
            group_of_quote,
            quotes_per_article,
            stories,
            groups_per_article,
        };
        // Rows are built on every core; their order is the groups'.
        derived.rows = (0..analysis.groups.len())
            .into_par_iter()
            .filter_map(|gi| derived.group_row(analysis, gi))
            .collect();
        derived
    }

    /// The quotation `quote_id` of `analysis`.
    pub fn quote<'a>(&self, analysis: &'a Analysis, quote_id: &str) -> Option<&'a Quote> {
        self.quote_index
            .get(quote_id)
            .and_then(|&i| analysis.quotes.get(i))
    }

    /// The articles of `analysis` that do not quote `group` where a version might have been
    /// expected, as indices into its articles, in order. Among a few articles
    /// ([`ONE_STORY_ARTICLES`] or fewer), every one that does not quote it: a desk's handful
    /// of articles is one story's coverage. In a larger set, those that tell the same story as
    /// an article that quotes it: they share rare names with it, or quote another statement
    /// it quotes too. Articles about other events are not listed.
    pub fn not_quoted_by(&self, analysis: &Analysis, group: &crate::model::Group) -> Vec<usize> {
        let mut quoting: Vec<&str> = (group.members.iter())
            .filter_map(|m| self.quote(analysis, &m.quote_id))
            .map(|q| q.article_id.as_str())
            .collect();
        quoting.sort_unstable();
        quoting.dedup();
        let few = analysis.articles.len() <= ONE_STORY_ARTICLES;
        let mut co_quoting: Vec<&str> = Vec::new();
        if !few {
            let quoted_with = |gi: usize| {
                (analysis.groups.get(gi).into_iter())
                    .flat_map(|g| &g.members)
                    .filter_map(|m| self.quote(analysis, &m.quote_id))
                    .map(|q| q.article_id.as_str())
            };
            for id in &quoting {
                let groups = self.groups_per_article.get(*id).into_iter().flatten();
                co_quoting.extend(groups.flat_map(|&gi| quoted_with(gi)));
            }
            co_quoting.sort_unstable();
            co_quoting.dedup();
        }
        let related = |id: &str| {
            few || co_quoting.binary_search(&id).is_ok()
                || quoting.iter().any(|q| self.stories.shared(q, id))
        };
        (analysis.articles.iter().enumerate())
            .filter(|(_, a)| quoting.binary_search(&a.article_id.as_str()).is_err())
            .filter(|(_, a)| related(&a.article_id))
            .map(|(i, _)| i)
            .collect()
    }

    /// Quotations found in the article `article_id`.
    pub fn quotes_in(&self, article_id: &str) -> usize {
        self.quotes_per_article
            .get(article_id)
            .copied()
            .unwrap_or(0)
    }

    /// Index of the group `group_id`.
    pub fn group_index(&self, group_id: &str) -> Option<usize> {
        self.group_index.get(group_id).copied()
    }

    /// Index of the group holding `quote_id`.
    pub fn group_of_quote(&self, quote_id: &str) -> Option<usize> {
        self.group_of_quote.get(quote_id).copied()
    }

    /// The row summarising group `gi`.
    fn group_row(&self, analysis: &Analysis, gi: usize) -> Option<GroupRow> {
        let group = analysis.groups.get(gi)?;
        let quotes: Vec<&Quote> = group
            .members
            .iter()
            .filter_map(|m| self.quote(analysis, &m.quote_id))
            .collect();
        let sources: BTreeSet<&str> = quotes.iter().map(|q| q.article_id.as_str()).collect();
        let pieced =
            (sources.len() < quotes.len()).then(|| super::pieces::group_diffs(group, &quotes));
        let substantive = || {
            let diffs: Vec<&[DiffOp]> = match &pieced {
                Some(diffs) => diffs.iter().map(Vec::as_slice).collect(),
                None => group.members.iter().map(|m| m.diff.as_slice()).collect(),
            };
            diffs
                .into_iter()
                .flatten()
                .filter_map(|op| op.class.filter(|c| c.is_substantive()))
        };
        let differences = substantive().count();
        let mut classes: Vec<ChangeClass> = substantive().collect();
        classes.sort_unstable();
        classes.dedup();
        let reference = self
            .quote(analysis, &group.reference)
            .or(quotes.first().copied());
        let opening = reference
            .map(|q| opening_words(&q.text))
            .unwrap_or_default();
        let search_text = quotes
            .iter()
            .map(|q| q.text.to_lowercase())
            .collect::<Vec<_>>()
            .join("\n");
        Some(GroupRow {
            group_index: gi,
            group_id: group.group_id.clone(),
            speaker: group.speaker.clone().unwrap_or_default(),
            opening,
            sources: sources.len(),
            differences,
            flags: group.flags.clone(),
            classes,
            search_text,
        })
    }

    /// Indices into `rows` that pass the filters, in `sort` order.
    pub fn visible_rows(&self, sort: SortKey, speaker: Option<&str>, text: &str) -> Vec<usize> {
        self.visible_rows_of(sort, speaker, text, None)
    }

    /// Indices into `rows` that pass the filters and show `kind` of change, in `sort` order.
    pub fn visible_rows_of(
        &self,
        sort: SortKey,
        speaker: Option<&str>,
        text: &str,
        kind: Option<KindFilter>,
    ) -> Vec<usize> {
        let needle = text.trim().to_lowercase();
        let mut visible: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| kind.is_none_or(|k| k.matches(row)))
            .filter(|(_, row)| speaker.is_none_or(|s| row.speaker == s))
            .filter(|(_, row)| {
                needle.is_empty()
                    || row.search_text.contains(&needle)
                    || row.speaker.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        let rows = &self.rows;
        let key = |i: &usize| rows.get(*i);
        match sort {
            SortKey::Sources => visible
                .sort_by_key(|i| key(i).map(|r| std::cmp::Reverse((r.sources, r.differences)))),
            SortKey::Differences => visible
                .sort_by_key(|i| key(i).map(|r| std::cmp::Reverse((r.differences, r.sources)))),
            SortKey::Speaker => visible
                .sort_by_key(|i| key(i).map(|r| (r.speaker.is_empty(), r.speaker.to_lowercase()))),
            SortKey::Found => {}
        }
        visible
    }
}

/// `n` things, with the plural when it is not one: "1 quotation", "3 quotations".
pub fn count(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{} {thing}s", thousands(n))
    }
}

/// A number as people write it: "10,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first words of `text`, with an ellipsis when cut.
pub fn opening_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = words
        .iter()
        .take(OPENING_WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if words.len() > OPENING_WORDS {
        out.push('…');
    }
    out
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;
