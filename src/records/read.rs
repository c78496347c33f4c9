//! Record lines → the articles, their quotations and their stories, ready for grouping.
//!
//! [`Records`] takes lines from any number of sources (files, standard input), one at a time,
//! in any order: shards concatenated, quotation records before or after their article's. A
//! line that is not a record of this format is a [`Problem`] naming the source and the line
//! number, and the reading goes on; so do a record read twice (a shard given twice), a
//! quotation whose article record never comes, and an article whose quotations did not all
//! come. [`Records::finish`] puts the articles in the order their records were read (ids
//! `a1`, `a2`, … as [`crate::analyze`] gives them) and each article's quotations in order.

use std::io::BufRead;

use rustc_hash::FxHashMap;

use super::{ArticleRecord, FORMAT_VERSION, Record};
use crate::group::Stories;
use crate::model::{Analysis, Article, Quote};
use crate::pipeline::{AnalyzeOptions, analyze_extracted};

/// What is wrong with one line, or with a whole source.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The source could not be read (from this line on).
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The line is not UTF-8.
    #[error("not a record: the line is not UTF-8")]
    NotUtf8,
    /// The line is not a record of this format.
    #[error("not a record: {0}")]
    Json(#[from] serde_json::Error),
    /// The record was written by a newer format than this build reads.
    #[error("record format version {found} is newer than this build reads ({FORMAT_VERSION})")]
    Newer {
        /// The record's version.
        found: u32,
    },
    /// An article record with an id already read; it and its quotations are ignored.
    #[error("article {id} was already read (a shard given twice?); this record is ignored")]
    DuplicateArticle {
        /// The article id.
        id: String,
    },
    /// A quotation record already read.
    #[error("quotation {index} of article {id} was already read; this record is ignored")]
    DuplicateQuote {
        /// The article id.
        id: String,
        /// The quotation's position in its article.
        index: usize,
    },
    /// Quotation records whose article record never came; they are ignored.
    #[error(
        "{count} quotation record(s) of article {id} ({path}), whose article record never came, are ignored"
    )]
    UnknownArticle {
        /// The article id.
        id: String,
        /// The path the quotation records give.
        path: String,
        /// How many records.
        count: usize,
    },
    /// An article whose quotation records did not all come.
    #[error("article {id} ({path}) has {found} of its {expected} quotation records")]
    Missing {
        /// The article id.
        id: String,
        /// Its path.
        path: String,
        /// Quotations its record announces.
        expected: usize,
        /// Quotation records read.
        found: usize,
    },
}

/// A [`RecordError`] and where it is.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}:{line}: {error}")]
pub struct Problem {
    /// The file (or `standard input`).
    pub source_name: String,
    /// The line number, from 1.
    pub line: usize,
    /// What is wrong.
    pub error: RecordError,
}

/// Where a record was read: the source's position among the sources, and the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    source: usize,
    line: usize,
}

/// A quotation read, under its record's article id, waiting for all records to be in.
struct Pending {
    index: usize,
    quote: Quote,
    path: String,
    place: Place,
}

/// Records being read; see the module doc.
#[derive(Default)]
pub struct Records {
    sources: Vec<String>,
    articles: Vec<(ArticleRecord, Place)>,
    by_id: FxHashMap<String, usize>,
    quotes: FxHashMap<String, Vec<Pending>>,
    problems: Vec<(Place, RecordError)>,
}

/// The records read, in order: what [`analyze_extracted`] takes, and what was wrong.
pub struct Gathered {
    /// The articles in the order their records came, with ids `a1`, `a2`, …
    pub articles: Vec<Article>,
    /// Each article's quotations as extracted, in order.
    pub found: Vec<Vec<Quote>>,
    /// The articles' stories, from their story keys.
    pub stories: Stories,
    /// Every line or source that could not be used, in reading order.
    pub problems: Vec<Problem>,
}

impl Gathered {
    /// The analysis of the articles read: grouping and alignment over all of them.
    pub fn analyze(self, options: &AnalyzeOptions) -> (Analysis, Vec<Problem>) {
        let analysis = analyze_extracted(self.articles, self.found, &self.stories, options);
        (analysis, self.problems)
    }
}

/// The record on one line; `None` for a blank line.
fn parse(bytes: &[u8]) -> Result<Option<Record>, RecordError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| RecordError::NotUtf8)?
        .trim();
    if text.is_empty() {
        return Ok(None);
    }
    let record = serde_json::from_str::<Record>(text).map_err(|e| match claimed_version(text) {
        Some(found) if found > FORMAT_VERSION => RecordError::Newer { found },
        _ => e.into(),
    })?;
    let version = match &record {
        Record::Article(a) => a.v,
        Record::Quote(q) => q.v,
    };
    if version > FORMAT_VERSION {
        return Err(RecordError::Newer { found: version });
    }
    Ok(Some(record))
}

/// The version a line that did not parse claims, if it says one.
fn claimed_version(line: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Probe {
        v: u32,
    }
    serde_json::from_str::<Probe>(line).ok().map(|p| p.v)
}

impl Records {
    /// No records yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads every line of `reader`, named `source_name` in problems. Reading stops at the first
    /// error the reader itself gives (recorded as a problem); bad lines are recorded and
    /// skipped.
    pub fn read(&mut self, source_name: &str, mut reader: impl BufRead) {
        self.sources.push(source_name.to_string());
        let source = self.sources.len() - 1;
        let mut buf: Vec<u8> = Vec::new();
        let mut line = 0;
        loop {
            buf.clear();
            line += 1;
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => return,
                Ok(_) => self.line(Place { source, line }, &buf),
                Err(e) => {
                    self.problems.push((Place { source, line }, e.into()));
                    return;
                }
            }
        }
    }

    /// How many lines or sources could not be used so far.
    pub fn problem_count(&self) -> usize {
        self.problems.len()
    }

    fn line(&mut self, place: Place, bytes: &[u8]) {
        let record = match parse(bytes) {
            Ok(Some(record)) => record,
            Ok(None) => return,
            Err(error) => {
                self.problems.push((place, error));
                return;
            }
        };
        match record {
            Record::Article(article) => {
                if self.by_id.contains_key(&article.id) {
                    let id = article.id;
                    self.problems
                        .push((place, RecordError::DuplicateArticle { id }));
                    return;
                }
                self.by_id.insert(article.id.clone(), self.articles.len());
                self.articles.push((article, place));
            }
            Record::Quote(q) => {
                let (index, path, id) = (q.index, q.path.clone(), q.article.clone());
                let quote = q.into_quote(String::new());
                let pending = Pending {
                    index,
                    quote,
                    path,
                    place,
                };
                self.quotes.entry(id).or_default().push(pending);
            }
        }
    }

    /// The articles and quotations read, in order (see the module doc), and every problem.
    pub fn finish(mut self) -> Gathered {
        let mut found: Vec<Vec<Quote>> = Vec::with_capacity(self.articles.len());
        let mut ids: Vec<String> = Vec::with_capacity(self.articles.len());
        let mut keys: Vec<Vec<String>> = Vec::with_capacity(self.articles.len());
        let mut articles: Vec<Article> = Vec::with_capacity(self.articles.len());
        for (i, (record, place)) in std::mem::take(&mut self.articles).into_iter().enumerate() {
            let article_id = format!("a{}", i + 1);
            let pending = self.quotes.remove(&record.id).unwrap_or_default();
            let quotes = self.in_order(&record.id, pending, &article_id);
            if quotes.len() != record.quotes {
                let error = RecordError::Missing {
                    id: record.id.clone(),
                    path: record.path.clone(),
                    expected: record.quotes,
                    found: quotes.len(),
                };
                self.problems.push((place, error));
            }
            found.push(quotes);
            let (article, story_keys) = record.into_article(article_id.clone());
            ids.push(article_id);
            keys.push(story_keys);
            articles.push(article);
        }
        self.report_orphans();
        let stories = Stories::from_keys(ids.iter().map(String::as_str), keys);
        Gathered {
            articles,
            found,
            stories,
            problems: self.problems_in_order(),
        }
    }

    /// The problems in reading order, each with its source's name.
    fn problems_in_order(mut self) -> Vec<Problem> {
        self.problems.sort_by_key(|(place, _)| *place);
        let sources = self.sources;
        self.problems
            .into_iter()
            .map(|(place, error)| Problem {
                source_name: sources.get(place.source).cloned().unwrap_or_default(),
                line: place.line,
                error,
            })
            .collect()
    }

    /// Quotation records left over once every article took its own: their article record
    /// never came.
    fn report_orphans(&mut self) {
        for (id, pending) in std::mem::take(&mut self.quotes) {
            let Some(first) = pending.iter().min_by_key(|p| p.place) else {
                continue;
            };
            let error = RecordError::UnknownArticle {
                id,
                path: first.path.clone(),
                count: pending.len(),
            };
            self.problems.push((first.place, error));
        }
    }

    /// One article's quotations sorted by their position, each once, in article `article_id`.
    fn in_order(&mut self, id: &str, mut pending: Vec<Pending>, article_id: &str) -> Vec<Quote> {
        pending.sort_by_key(|p| (p.index, p.place));
        let mut quotes: Vec<Quote> = Vec::with_capacity(pending.len());
        let mut last: Option<usize> = None;
        for p in pending {
            if last == Some(p.index) {
                let error = RecordError::DuplicateQuote {
                    id: id.to_string(),
                    index: p.index,
                };
                self.problems.push((p.place, error));
                continue;
            }
            last = Some(p.index);
            let mut quote = p.quote;
            quote.article_id = article_id.to_string();
            quotes.push(quote);
        }
        quotes
    }
}
