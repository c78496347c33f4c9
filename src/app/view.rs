//! Read-only summaries of an [`Analysis`] that the panels draw: one row per statement, the
//! speakers, and lookups by id.
//!
//! In: an analysis (and the list's sort and filters). Out: plain data built once per analysis,
//! so a frame with thousands of statements only walks indices. Nothing here names egui.

use super::command::SortKey;
use crate::model::{Analysis, ChangeClass, GroupFlag, Quote};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// How one source named one speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerSource {
    /// The article's title.
    pub article_title: String,
    /// The words used, each once, in order found.
    pub as_written: Vec<String>,
    /// Quotations attributed there.
    pub quotes: usize,
}

/// A resolved speaker.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpeakerRow {
    /// The resolved name.
    pub name: String,
    /// Quotations attributed to them overall.
    pub quotes: usize,
    /// Per article, in article order.
    pub sources: Vec<SpeakerSource>,
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
}

impl Derived {
    /// Summarises `analysis`.
    pub fn new(analysis: &Analysis) -> Self {
        let quote_index: HashMap<String, usize> = analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.quote_id.clone(), i))
            .collect();
        let mut group_index = HashMap::new();
        let mut group_of_quote = HashMap::new();
        for (gi, group) in analysis.groups.iter().enumerate() {
            group_index.insert(group.group_id.clone(), gi);
            for member in &group.members {
                group_of_quote.insert(member.quote_id.clone(), gi);
            }
        }
        let mut quotes_per_article = HashMap::new();
        for quote in &analysis.quotes {
            *quotes_per_article
                .entry(quote.article_id.clone())
                .or_insert(0) += 1;
        }
        let mut derived = Self {
            rows: Vec::new(),
            speakers: speaker_rows(analysis),
            quote_index,
            group_index,
            group_of_quote,
            quotes_per_article,
        };
        derived.rows = (0..analysis.groups.len())
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
        let substantive = || {
            group
                .members
                .iter()
                .flat_map(|m| &m.diff)
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
        format!("{n} {thing}s")
    }
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

/// Speakers A to Z with how each article named them.
fn speaker_rows(analysis: &Analysis) -> Vec<SpeakerRow> {
    let mut by_name: BTreeMap<String, BTreeMap<usize, SpeakerSource>> = BTreeMap::new();
    for quote in &analysis.quotes {
        let Some(name) = &quote.speaker else { continue };
        let article_pos = analysis
            .articles
            .iter()
            .position(|a| a.article_id == quote.article_id)
            .unwrap_or(usize::MAX);
        let entry = by_name
            .entry(name.clone())
            .or_default()
            .entry(article_pos)
            .or_insert_with(|| SpeakerSource {
                article_title: analysis
                    .article(&quote.article_id)
                    .map(|a| a.title.clone())
                    .unwrap_or_default(),
                ..SpeakerSource::default()
            });
        entry.quotes += 1;
        if let Some(written) = &quote.speaker_as_written
            && !entry.as_written.contains(written)
        {
            entry.as_written.push(written.clone());
        }
    }
    by_name
        .into_iter()
        .map(|(name, sources)| SpeakerRow {
            quotes: sources.values().map(|s| s.quotes).sum(),
            sources: sources.into_values().collect(),
            name,
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{Article, DiffOp, Group, Member, OpKind};

    fn quote(quote_id: &str, article_id: &str, text: &str, speaker: &str, written: &str) -> Quote {
        Quote {
            quote_id: quote_id.into(),
            article_id: article_id.into(),
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_as_written: Some(written.into()),
            ..Quote::default()
        }
    }

    fn group(group_id: &str, speaker: &str, members: &[(&str, usize)]) -> Group {
        let changed = DiffOp {
            op: OpKind::Replace,
            text: "two".into(),
            ref_text: "three".into(),
            class: Some(ChangeClass::Number),
        };
        Group {
            group_id: group_id.into(),
            speaker: Some(speaker.into()),
            reference: members[0].0.into(),
            flags: Vec::new(),
            members: members
                .iter()
                .map(|(quote_id, changes)| Member {
                    quote_id: (*quote_id).into(),
                    diff: vec![changed.clone(); *changes],
                })
                .collect(),
        }
    }

    fn analysis() -> Analysis {
        let article = |id: &str, title: &str| Article {
            article_id: id.into(),
            title: title.into(),
            ..Article::default()
        };
        Analysis {
            articles: vec![article("a1", "First"), article("a2", "Second")],
            quotes: vec![
                quote(
                    "q1",
                    "a1",
                    "The ferry runs three times a day",
                    "Ana Ruiz",
                    "Mayor Ana Ruiz",
                ),
                quote(
                    "q2",
                    "a2",
                    "The ferry runs two times a day",
                    "Ana Ruiz",
                    "she",
                ),
                quote(
                    "q3",
                    "a1",
                    "Tickets stay at the old price",
                    "Ivo Petrak",
                    "Petrak",
                ),
            ],
            groups: vec![
                group("g1", "Ivo Petrak", &[("q3", 0)]),
                group("g2", "Ana Ruiz", &[("q1", 0), ("q2", 2)]),
            ],
            ..Analysis::default()
        }
    }

    fn ids(derived: &Derived, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&r| derived.rows[r].group_id.clone())
            .collect()
    }

    #[test]
    fn rows_count_sources_and_substantive_differences() {
        let derived = Derived::new(&analysis());
        let row = &derived.rows[1];
        assert_eq!((row.sources, row.differences), (2, 2));
        assert_eq!(row.opening, "The ferry runs three times a day");
    }

    #[test]
    fn sorting_by_sources_puts_the_most_quoted_first() {
        let derived = Derived::new(&analysis());
        assert_eq!(
            ids(&derived, &derived.visible_rows(SortKey::Sources, None, "")),
            ["g2", "g1"]
        );
        assert_eq!(
            ids(&derived, &derived.visible_rows(SortKey::Found, None, "")),
            ["g1", "g2"]
        );
        assert_eq!(
            ids(&derived, &derived.visible_rows(SortKey::Speaker, None, "")),
            ["g2", "g1"]
        );
    }

    #[test]
    fn the_text_filter_searches_every_version_ignoring_case() {
        let derived = Derived::new(&analysis());
        // "two times" is only in the second version, not the reference.
        assert_eq!(
            ids(
                &derived,
                &derived.visible_rows(SortKey::Found, None, "TWO times")
            ),
            ["g2"]
        );
    }

    #[test]
    fn the_speaker_filter_keeps_only_that_speaker() {
        let derived = Derived::new(&analysis());
        assert_eq!(
            ids(
                &derived,
                &derived.visible_rows(SortKey::Found, Some("Ivo Petrak"), "")
            ),
            ["g1"]
        );
    }

    #[test]
    fn speakers_list_each_way_a_source_named_them() {
        let derived = Derived::new(&analysis());
        let ana = derived
            .speakers
            .iter()
            .find(|s| s.name == "Ana Ruiz")
            .unwrap();
        assert_eq!(ana.quotes, 2);
        let written: Vec<&[String]> = ana
            .sources
            .iter()
            .map(|s| s.as_written.as_slice())
            .collect();
        assert_eq!(
            written,
            [["Mayor Ana Ruiz".to_string()], ["she".to_string()]]
        );
    }

    #[test]
    fn opening_words_are_cut_with_an_ellipsis() {
        assert_eq!(opening_words("a b c"), "a b c");
        assert_eq!(
            opening_words("1 2 3 4 5 6 7 8 9 10 11 12"),
            "1 2 3 4 5 6 7 8 9 10…"
        );
    }
}
