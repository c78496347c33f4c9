//! The plain data the engine passes between its stages and hands to the command line, the app
//! and the reports.
//!
//! Nothing here knows how it is drawn or written: ids are strings that stay stable for one
//! analysis (`a1`, `q7`, `g3`), spans are byte ranges into an article's cleaned text, and
//! [`QuoteKey`] names a quotation across analyses (by the article's content hash and the
//! quotation's bytes in the original file).

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A byte range into an article's cleaned [`Article::text`].
pub type Span = Range<usize>;

/// Where an article came from and how it was read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Plain text in any encoding.
    #[default]
    Text,
    /// A saved web page.
    Html,
    /// The text layer of a PDF.
    Pdf,
    /// A Word document.
    Docx,
    /// Text pasted into the app.
    Pasted,
}

/// What an article says about itself, where it says it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The outlet or site name.
    pub outlet: Option<String>,
    /// The byline.
    pub author: Option<String>,
    /// Publication date as printed in the source (ISO 8601 where the source gives it so).
    pub published: Option<String>,
    /// Canonical or fetched URL.
    pub url: Option<String>,
    /// ISO 639-1 code of the detected language, e.g. `en`.
    pub language: Option<String>,
    /// When the page was fetched (RFC 3339), for articles opened from a URL.
    pub fetched_at: Option<String>,
}

/// One article, read and cleaned.
///
/// Serialized as the result's `articles` entries: `id`, `path`, `title`, the metadata fields
/// at the top level, `format`, `warnings`, `content_hash` and `byte_len`; the cleaned text, its
/// paragraphs and the offset map stay out (they are the file's, not the result's).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable within one analysis: `a1`, `a2`, … in input order.
    #[serde(rename = "id")]
    pub article_id: String,
    /// The path or URL the article was read from, as given.
    pub path: String,
    /// The headline, or the file name when there is none.
    pub title: String,
    /// Metadata found in the source.
    #[serde(flatten)]
    pub meta: ArticleMeta,
    /// How the source was read.
    pub format: SourceFormat,
    /// The cleaned text: decoded, repaired, without boilerplate or a repeated body.
    /// Paragraphs are separated by a blank line (`"\n\n"`).
    #[serde(skip)]
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order (the title is not among them).
    #[serde(skip)]
    pub paragraphs: Vec<Span>,
    /// Maps byte offsets in `text` back to byte offsets in the original file.
    #[serde(skip)]
    pub offsets: OffsetMap,
    /// Human-readable notes on every repair made while reading.
    pub warnings: Vec<String>,
    /// xxh3-64 of the original bytes, hex.
    pub content_hash: String,
    /// Size of the original file in bytes.
    pub byte_len: usize,
}

impl Article {
    /// The byte range in the original file that `span` of the cleaned text came from.
    pub fn original_range(&self, span: &Span) -> Range<usize> {
        let start = self.offsets.original(span.start);
        let end = self.offsets.original_end(span.end).max(start);
        start.min(self.byte_len)..end.min(self.byte_len)
    }

    /// The cleaned text of `span`, or `""` when the span does not fit the text.
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }
}

/// A monotone map from byte offsets in cleaned text to byte offsets in the original bytes.
///
/// It is a list of runs, sorted and non-overlapping on both sides: `clean_len` cleaned bytes
/// came from `orig_len` original bytes. A copied run has equal lengths and maps byte for byte;
/// a replaced run (a repaired character, a decoded legacy byte) maps its start to the start and
/// its end to the end. Original bytes between runs were dropped (boilerplate, a repeated body).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OffsetMap {
    runs: Vec<Run>,
    original_len: usize,
}

/// One run of an [`OffsetMap`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Run {
    clean: usize,
    clean_len: usize,
    orig: usize,
    orig_len: usize,
}

impl OffsetMap {
    /// An empty map for an original of `original_len` bytes.
    pub fn new(original_len: usize) -> Self {
        Self {
            runs: Vec::new(),
            original_len,
        }
    }

    /// The identity map over `len` bytes.
    pub fn identity(len: usize) -> Self {
        let mut map = Self::new(len);
        map.push_run(0, len, 0, len);
        map
    }

    /// Records that `clean_len` cleaned bytes at `clean` came from `orig_len` original bytes at
    /// `orig`. Runs must be pushed in increasing order on both sides; one that goes back is
    /// ignored. A copied run that continues the previous copied run is merged into it.
    pub fn push_run(&mut self, clean: usize, clean_len: usize, orig: usize, orig_len: usize) {
        let orig = orig.min(self.original_len);
        let orig_len = orig_len.min(self.original_len - orig);
        if let Some(last) = self.runs.last_mut() {
            if clean < last.clean + last.clean_len || orig < last.orig + last.orig_len {
                return;
            }
            let copied = |r: &Run| r.clean_len == r.orig_len;
            if copied(last)
                && clean_len == orig_len
                && clean == last.clean + last.clean_len
                && orig == last.orig + last.orig_len
            {
                last.clean_len += clean_len;
                last.orig_len += orig_len;
                return;
            }
        }
        if clean_len > 0 {
            self.runs.push(Run {
                clean,
                clean_len,
                orig,
                orig_len,
            });
        }
    }

    /// Size of the original in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// The run that holds cleaned offset `clean` (the last run starting at or before it).
    fn run_at(&self, clean: usize) -> Option<&Run> {
        let i = self.runs.partition_point(|r| r.clean <= clean);
        i.checked_sub(1).and_then(|i| self.runs.get(i))
    }

    /// The original offset where the cleaned byte at `clean` came from.
    pub fn original(&self, clean: usize) -> usize {
        let Some(run) = self.run_at(clean) else {
            return 0;
        };
        let d = clean - run.clean;
        let o = if d >= run.clean_len {
            run.orig + run.orig_len
        } else if run.clean_len == run.orig_len {
            run.orig + d
        } else {
            run.orig
        };
        o.min(self.original_len)
    }

    /// The original offset just past what the cleaned bytes before `clean_end` came from.
    pub fn original_end(&self, clean_end: usize) -> usize {
        if clean_end == 0 {
            return self.runs.first().map_or(0, |r| r.orig);
        }
        let Some(run) = self.run_at(clean_end - 1) else {
            return 0;
        };
        let d = clean_end - run.clean;
        let o = if d >= run.clean_len {
            run.orig + run.orig_len
        } else if run.clean_len == run.orig_len {
            run.orig + d
        } else {
            run.orig + run.orig_len
        };
        o.min(self.original_len)
    }
}

/// Whether a quotation is a whole clause or a fragment woven into the reporter's sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A clause or more, set off from the reporter's words.
    #[default]
    Direct,
    /// A fragment inside the reporter's own sentence.
    Partial,
}

/// Names a quotation across analyses: the article's content hash and the quotation's byte range
/// in the original file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct QuoteKey {
    /// [`Article::content_hash`] of the article it is in.
    pub article_hash: String,
    /// Byte offset in the original file where the quotation starts.
    pub start: usize,
    /// Byte offset in the original file just past the quotation.
    pub end: usize,
}

/// One quotation found in one article.
///
/// Serialized with the result's member fields: `id`, `article`, `text`, `kind`, `start`,
/// `end`, `speaker`, `speaker_as_written`, and the rest under their own names.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable within one analysis: `q1`, `q2`, … in article then text order.
    #[serde(rename = "id")]
    pub quote_id: String,
    /// The article it is in.
    #[serde(rename = "article")]
    pub article_id: String,
    /// The quotation as printed, without its marks.
    pub text: String,
    /// Direct or partial.
    pub kind: QuoteKind,
    /// Where `text` is in the article's cleaned text.
    pub span: Span,
    /// Byte offset of the quotation in the original file.
    pub start: usize,
    /// Byte offset just past the quotation in the original file.
    pub end: usize,
    /// The speaker resolved to a full name or organisation, if any was found.
    pub speaker: Option<String>,
    /// The words the article used for the speaker ("he", "the spokesman", "Varga").
    pub speaker_as_written: Option<String>,
    /// Where the attribution is in the cleaned text, for highlighting.
    pub attribution: Option<Span>,
    /// Quotations split from one printed quotation share this number (the first part's index
    /// among the article's printed quotations).
    pub passage: usize,
    /// The printed quotation joined this part to another with an ellipsis.
    pub spliced: bool,
    /// The quotation starts or ends mid-sentence (an ellipsis or a cut).
    pub truncated: bool,
    /// The user added this quotation by hand.
    pub manual: bool,
    /// Why [`Quote::speaker`] is who it is: the attributing words and how they were resolved.
    #[serde(default)]
    pub speaker_evidence: Option<SpeakerEvidence>,
}

/// How a quotation's speaker was worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerVia {
    /// The attribution names the speaker ("said Ana Ruiz").
    Named,
    /// A surname or given name alone, completed from the full name the article gives.
    FullName,
    /// A pronoun, resolved to the subject of a sentence just before.
    PreviousSubject,
    /// A pronoun, resolved to the nearest earlier mention that agrees with it.
    NearestMention,
    /// The speaker of the quotation just before, whose words these continue.
    QuoteChain,
    /// A description or possessive ("the 44-year-old", "her spokesman"), resolved to whom it
    /// describes.
    Description,
    /// No attribution: the sentence before names the speaker ("Ruiz says …", then the quotation).
    PreviousSentence,
    /// Filled in from the other versions of the statement in other articles.
    OtherVersions,
    /// Set by a correction.
    Correction,
}

impl SpeakerVia {
    /// How the resolution reads in a sentence: "she → Ana Ruiz: {explain}".
    pub fn explain(self) -> &'static str {
        match self {
            SpeakerVia::Named => "named here",
            SpeakerVia::FullName => "the full name given earlier",
            SpeakerVia::PreviousSubject => "the subject of the sentence before",
            SpeakerVia::NearestMention => "the nearest earlier mention that agrees",
            SpeakerVia::QuoteChain => "the speaker of the quotation before",
            SpeakerVia::Description => "the person or body the description refers to",
            SpeakerVia::PreviousSentence => "named in the sentence before",
            SpeakerVia::OtherVersions => "named by the other versions of this statement",
            SpeakerVia::Correction => "set by a correction",
        }
    }
}

/// The evidence for a quotation's speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerEvidence {
    /// The attributing words as printed ("she", "the rookie defender", "Ruiz"); for a quotation
    /// with no attribution, the words that named the speaker nearby.
    pub words: String,
    /// Byte offset of those words in the original file.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// How the words became the speaker.
    pub via: SpeakerVia,
}

impl Quote {
    /// The key that names this quotation across analyses.
    pub fn key(&self, article: &Article) -> QuoteKey {
        QuoteKey {
            article_hash: article.content_hash.clone(),
            start: self.start,
            end: self.end,
        }
    }
}

/// What an alignment op does to the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpKind {
    /// Same words in both.
    Equal,
    /// Words in this version only.
    Insert,
    /// Words in the reference only.
    Delete,
    /// Different words in the same place.
    Replace,
}

/// What kind of change an op is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    /// Only punctuation, quote marks, case or spacing differ.
    Punctuation,
    /// Other words for the same thing.
    Paraphrase,
    /// Words only this version has.
    Addition,
    /// Words only the reference has.
    Omission,
    /// A number changed.
    Number,
    /// A negation was added or dropped.
    Negation,
    /// A name of a person, place or organisation changed.
    Name,
}

impl ChangeClass {
    /// Every class, in display order.
    pub const ALL: [ChangeClass; 7] = [
        ChangeClass::Number,
        ChangeClass::Negation,
        ChangeClass::Name,
        ChangeClass::Omission,
        ChangeClass::Addition,
        ChangeClass::Paraphrase,
        ChangeClass::Punctuation,
    ];

    /// The lower-case name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Punctuation => "punctuation",
            ChangeClass::Paraphrase => "paraphrase",
            ChangeClass::Addition => "addition",
            ChangeClass::Omission => "omission",
            ChangeClass::Number => "number",
            ChangeClass::Negation => "negation",
            ChangeClass::Name => "name",
        }
    }

    /// Whether the change alters what was said (everything but punctuation).
    pub fn is_substantive(self) -> bool {
        self != ChangeClass::Punctuation
    }
}

/// One step of a word alignment against the group's reference. Concatenating the `text` of a
/// member's ops rebuilds its text; concatenating the `ref_text` rebuilds the reference's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiffOp {
    /// What the op does.
    pub op: OpKind,
    /// This version's words (with the spacing that follows them).
    pub text: String,
    /// The reference's words.
    #[serde(rename = "ref")]
    pub ref_text: String,
    /// What kind of change it is; `None` for `Equal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<ChangeClass>,
}

impl DiffOp {
    /// An op of `kind` with this version's and the reference's words.
    pub fn new(kind: OpKind, text: &str, ref_text: &str, class: Option<ChangeClass>) -> Self {
        Self {
            op: kind,
            text: text.into(),
            ref_text: ref_text.into(),
            class,
        }
    }
}

/// What a group of versions shows as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupFlag {
    /// Members name different speakers.
    SpeakerConflict,
    /// A number differs between versions.
    NumberChange,
    /// A negation was added or dropped.
    NegationChange,
    /// A version joins this statement to another with an ellipsis.
    Splice,
    /// A version gives only part of the statement.
    Truncated,
}

impl GroupFlag {
    /// The kebab-case name used in files and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupFlag::SpeakerConflict => "speaker-conflict",
            GroupFlag::NumberChange => "number-change",
            GroupFlag::NegationChange => "negation-change",
            GroupFlag::Splice => "splice",
            GroupFlag::Truncated => "truncated",
        }
    }
}

/// One version of a statement within a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The quotation.
    #[serde(rename = "id")]
    pub quote_id: String,
    /// Its alignment against the reference; empty for the reference itself.
    pub diff: Vec<DiffOp>,
}

/// The versions of one statement across articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Stable within one analysis: `g1`, `g2`, …
    #[serde(rename = "id")]
    pub group_id: String,
    /// The speaker most members name.
    pub speaker: Option<String>,
    /// The `quote_id` of the member the others are aligned against.
    pub reference: String,
    /// What the group shows, sorted.
    pub flags: Vec<GroupFlag>,
    /// The versions, the reference first.
    pub members: Vec<Member>,
}

/// A file that could not be read, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadProblem {
    /// The path or URL as given.
    pub path: String,
    /// Why it could not be read, for a person.
    pub reason: String,
}

/// Everything one analysis found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Every quotation, in article then text order.
    pub quotes: Vec<Quote>,
    /// Every quotation is in exactly one group.
    pub groups: Vec<Group>,
    /// The user's notes, attached to this analysis's groups and quotations.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The user's corrections that found nothing to act on (kept, not dropped).
    #[serde(default)]
    pub unapplied: Vec<Unapplied>,
}

/// A user's note on a group, or on one difference of one version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The group it is on.
    pub group_id: String,
    /// For a note on a difference: the version it is in.
    pub quote_id: Option<String>,
    /// For a note on a difference: the op's `ref_text`.
    pub reference_words: Option<String>,
    /// For a note on a difference: the op's `text`.
    pub words: Option<String>,
    /// The note.
    pub text: String,
}

impl Note {
    /// Whether `other` is on the same group or difference.
    pub fn same_target(&self, other: &Note) -> bool {
        self.group_id == other.group_id
            && self.quote_id == other.quote_id
            && self.reference_words == other.reference_words
            && self.words == other.words
    }
}

/// A correction that took no effect on this analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unapplied {
    /// Its position in the corrections passed to the analysis.
    pub index: usize,
    /// Why, for a person ("no quotation any more at bytes 10–52 of wire.txt").
    pub reason: String,
}

impl Analysis {
    /// The quotation with this id.
    pub fn quote(&self, quote_id: &str) -> Option<&Quote> {
        // Ids are `q1`, `q2`… in order: try the position they name before searching.
        let by_position = quote_id
            .strip_prefix('q')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| self.quotes.get(i))
            .filter(|q| q.quote_id == quote_id);
        by_position.or_else(|| self.quotes.iter().find(|q| q.quote_id == quote_id))
    }

    /// The article with this id.
    pub fn article(&self, article_id: &str) -> Option<&Article> {
        self.article_position(article_id)
            .and_then(|i| self.articles.get(i))
    }

    /// Where the article with this id stands among the articles (their load order).
    pub fn article_position(&self, article_id: &str) -> Option<usize> {
        // Ids are `a1`, `a2`… in order: try the position they name before searching.
        let by_position = article_id
            .strip_prefix('a')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| {
                self.articles
                    .get(i)
                    .is_some_and(|a| a.article_id == article_id)
            });
        by_position.or_else(|| {
            self.articles
                .iter()
                .position(|a| a.article_id == article_id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_map_follows_runs_and_replacements() {
        // original: a “ b x x c  (the “ is 3 bytes; "xx" dropped)   cleaned: a"bc
        let mut map = OffsetMap::new(8);
        map.push_run(0, 1, 0, 1);
        map.push_run(1, 1, 1, 3);
        map.push_run(2, 1, 4, 1);
        map.push_run(3, 1, 7, 1);
        assert_eq!(map.original(1), 1);
        assert_eq!(map.original_end(2), 4);
        assert_eq!(map.original(2), 4);
        assert_eq!(map.original_end(3), 5);
        assert_eq!(map.original(3), 7);
        assert_eq!(map.original_end(4), 8);
    }

    #[test]
    fn articles_are_found_by_the_place_their_id_names_or_by_search() {
        let article = |id: &str| Article {
            article_id: id.into(),
            ..Article::default()
        };
        let mut analysis = Analysis {
            articles: vec![article("a1"), article("a2"), article("a3")],
            ..Analysis::default()
        };
        assert_eq!(analysis.article_position("a3"), Some(2));
        assert_eq!(
            analysis.article("a2").map(|a| a.article_id.as_str()),
            Some("a2")
        );
        // Ids out of order (records merged from elsewhere) are still found.
        analysis.articles.swap(0, 2);
        assert_eq!(analysis.article_position("a1"), Some(2));
        assert_eq!(analysis.article_position("a3"), Some(0));
        assert_eq!(analysis.article_position("a9"), None);
        assert_eq!(analysis.article_position("x"), None);
    }

    #[test]
    fn identity_map_is_identity() {
        let map = OffsetMap::identity(10);
        for i in 0..=10 {
            assert_eq!(map.original(i), i);
            assert_eq!(map.original_end(i), i);
        }
    }
}
