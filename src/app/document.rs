//! What the panels draw: the opened sources, the current analysis and its summaries, the
//! selection and the list's filters.
//!
//! In: changes made by [`crate::app::AppState`] only. Out: read-only access for the panels.

use super::closing::{ClosedSession, RecentSet};
use super::command::{PathPurpose, SortKey, Tab, ThemeChoice};
use super::view::{Derived, KindFilter};
use super::worker::WorkProgress;
use crate::corrections::CorrectionLog;
use crate::model::{Analysis, Article, LoadProblem, Quote};
use crate::pipeline::AnalyzeOptions;
use crate::workspace::StoredArticle;
use rustc_hash::FxHashMap;
use std::path::PathBuf;

/// One article the user opened, read or not.
#[derive(Clone, Debug)]
pub struct Source {
    /// Stable for the session.
    pub source_id: u64,
    /// The article, or why it could not be read.
    pub loaded: Result<Article, LoadProblem>,
    /// Whether it takes part in the comparison.
    pub included: bool,
    /// The original bytes as read, for saving in a workspace (`None` for an analysis shown
    /// without its files).
    pub stored: Option<StoredArticle>,
}

impl Source {
    /// The path or name it was opened as.
    pub fn path(&self) -> &str {
        match &self.loaded {
            Ok(a) => &a.path,
            Err(p) => &p.path,
        }
    }
}

/// What the panels draw; changed only by [`crate::app::AppState::apply`] and the worker's reports.
#[derive(Default)]
pub struct Document {
    /// Every opened source, in the order opened.
    pub sources: Vec<Source>,
    /// Files the opened folders left out, and why.
    pub skipped: Vec<crate::folder::Skipped>,
    /// The analysis shown.
    pub analysis: Analysis,
    /// The analysed articles by content hash: each one's path and id (see
    /// [`Document::index_analysis`]).
    pub analysed: FxHashMap<String, Vec<(String, String)>>,
    /// Counts the analyses shown, so layouts built for an earlier one are not reused.
    pub generation: u64,
    /// Summaries of `analysis`.
    pub derived: Derived,
    /// Options of the next analysis (reference choices among them).
    pub options: AnalyzeOptions,
    /// Rows of `derived.rows` shown, in order.
    pub visible: Vec<usize>,
    /// The selected statement's `group_id`.
    pub selected_group: Option<String>,
    /// The articles of the selected statement's story that do not quote it ("Not quoted by"),
    /// as indices into `analysis.articles`; found when the statement is selected.
    pub not_quoted: Vec<usize>,
    /// Where the selected statement is in `visible`, kept with it so frames need not search.
    pub selected_pos: Option<usize>,
    /// The difference gone to with next/previous: its version's `quote_id` and op index.
    pub difference: Option<(String, usize)>,
    /// The article picked for the article view (`None`: the selected version's).
    pub article_shown: Option<String>,
    /// In the article picked, the passage nearest to the selected statement's wording, shown
    /// highlighted (bytes of its cleaned text).
    pub wording_shown: Option<crate::model::Span>,
    /// The version shown in the article view.
    pub selected_quote: Option<String>,
    /// List order.
    pub sort: SortKey,
    /// Speaker filter.
    pub speaker_filter: Option<String>,
    /// Free-text filter.
    pub text_filter: String,
    /// Kind-of-change filter.
    pub kind_filter: Option<KindFilter>,
    /// Whether punctuation and case differences are hidden.
    pub hide_cosmetic: bool,
    /// Detail view shown.
    pub tab: Tab,
    /// Light, dark or as the system.
    pub theme: ThemeChoice,
    /// The side panels shown (`false`: collapsed).
    pub panels: Panels,
    /// Work under way, if any.
    pub progress: Option<WorkProgress>,
    /// The analysis does not reflect the current sources (a run was cancelled).
    pub stale: bool,
    /// Files opened lately, newest first.
    pub recent: Vec<String>,
    /// Help window open.
    pub help_open: bool,
    /// Paste dialog open.
    pub paste_open: bool,
    /// "Open URL" dialog open.
    pub url_open: bool,
    /// The user's corrections with undo and redo; their list is in `options.corrections`.
    pub log: CorrectionLog,
    /// The workspace file, unsaved changes, and what went wrong opening one.
    pub file: FileState,
    /// A recovery file from an earlier session is waiting: ask whether to restore it.
    pub recovery_offer: bool,
    /// The window was asked to close with unsaved changes: ask Save / Discard / Cancel.
    pub close_prompt: bool,
    /// "Close all" was asked with unsaved work: ask before closing.
    pub close_all_prompt: bool,
    /// What the last "Close all" closed, while Undo can still bring it back.
    pub closed: Option<ClosedSession>,
    /// A path asked for in a field, and whether the file dialog failed first.
    pub path_prompt: Option<(PathPurpose, bool)>,
    /// Sets of files opened together lately, newest first.
    pub recent_sets: Vec<RecentSet>,
}

/// Which side panels are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    /// The sources panel.
    pub sources: bool,
    /// The statements list.
    pub statements: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            sources: true,
            statements: true,
        }
    }
}

/// Where the session is saved and whether it has changed since.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileState {
    /// The `.verbatim` file the session was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// Something changed since the last save or open.
    pub dirty: bool,
    /// Why the last workspace could not be opened (the message names the file).
    pub error: Option<String>,
}

impl FileState {
    /// The name shown in the title bar: the file name or "Untitled", with a `•` when unsaved.
    pub fn title(&self) -> String {
        let name = self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let marker = if self.dirty { " •" } else { "" };
        format!("{name}{marker} — Verbatim")
    }
}

impl Document {
    /// The selected group.
    pub fn selected(&self) -> Option<&crate::model::Group> {
        let gi = self.derived.group_index(self.selected_group.as_deref()?)?;
        self.analysis.groups.get(gi)
    }

    /// A quotation by id.
    pub fn quote(&self, quote_id: &str) -> Option<&Quote> {
        self.derived.quote(&self.analysis, quote_id)
    }

    /// Where the article `article_id` stands in load order (unknown ones last): the order of
    /// the comparison's columns after the reference.
    pub fn article_rank(&self, article_id: &str) -> usize {
        self.analysis
            .article_position(article_id)
            .unwrap_or(usize::MAX)
    }

    /// Quotations found in the source's article in the current analysis, `None` when the
    /// analysis does not hold it. Drawn for every source each frame, so a look-up, not a search.
    pub fn quote_count(&self, source: &Source) -> Option<usize> {
        let article = source.loaded.as_ref().ok()?;
        let (_, article_id) = self
            .analysed
            .get(&article.content_hash)?
            .iter()
            .find(|(path, _)| *path == article.path)?;
        Some(self.derived.quotes_in(article_id))
    }

    /// Indexes the articles of the analysis just shown, for [`Document::quote_count`].
    pub fn index_analysis(&mut self) {
        self.analysed.clear();
        for a in &self.analysis.articles {
            self.analysed
                .entry(a.content_hash.clone())
                .or_default()
                .push((a.path.clone(), a.article_id.clone()));
        }
    }
}

/// A message for the user, shown as a toast by the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Something went wrong.
    Error(String),
    /// Something worth knowing.
    Info(String),
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::{Derived, Document, FileState, Source};

    #[test]
    fn each_source_finds_its_count_in_the_analysis_shown() {
        let read =
            |name: &str, text: &str| crate::ingest::ingest_bytes(name, text.as_bytes()).unwrap();
        let one = read(
            "a.txt",
            "Ferry\n\n\u{201c}The ferry sails in March,\u{201d} Ana Ruiz said.",
        );
        let other = read("b.txt", "Roof\n\nNo quotation here.");
        let analysis = crate::analyze(vec![one.clone()], &Default::default());
        let mut doc = Document {
            derived: Derived::new(&analysis),
            analysis,
            ..Document::default()
        };
        doc.index_analysis();
        let source = |article| Source {
            source_id: 1,
            loaded: Ok(article),
            included: true,
            stored: None,
        };
        assert_eq!(doc.quote_count(&source(one.clone())), Some(1));
        assert_eq!(doc.quote_count(&source(other)), None);
        // The same text under another path is another source.
        let moved = crate::model::Article {
            path: "elsewhere/a.txt".into(),
            ..one
        };
        assert_eq!(doc.quote_count(&source(moved)), None);
    }

    #[test]
    fn the_title_names_the_file_and_marks_unsaved_changes() {
        let file = FileState {
            path: Some("/tmp/stories/harbour.verbatim".into()),
            dirty: true,
            error: None,
        };
        assert_eq!(file.title(), "harbour.verbatim • — Verbatim");
        assert_eq!(FileState::default().title(), "Untitled — Verbatim");
    }
}
