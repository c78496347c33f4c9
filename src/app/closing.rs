//! Closing every article without losing work, and getting a set of articles back.
//!
//! In: "Close all" and its prompt's answer, Undo right after it, the sources being closed or
//! the window exiting. Out: a question when there is unsaved work; the closed session kept so
//! Undo brings it back whole (articles, corrections, file); a fresh correction log so Undo on
//! the empty workspace cannot take back an earlier correction; the closed set of files among
//! the recent sessions.

use super::command::CloseAnswer;
use super::document::{FileState, Source};
use super::state::{AppState, Notice};
use crate::corrections::CorrectionLog;
use crate::model::Analysis;
use crate::pipeline::AnalyzeOptions;
use std::path::Path;

/// Most recent sessions remembered.
const RECENT_SETS: usize = 8;

/// Everything "Close all" took away, to give back on Undo.
#[derive(Clone, Debug)]
pub struct ClosedSession {
    sources: Vec<Source>,
    log: CorrectionLog,
    options: AnalyzeOptions,
    file: FileState,
}

impl ClosedSession {
    /// How many articles were closed.
    pub fn articles(&self) -> usize {
        self.sources.len()
    }
}

/// A set of files opened together, for File ▸ Open recent.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecentSet {
    /// The files, in the order they were opened.
    pub paths: Vec<String>,
}

impl RecentSet {
    /// The menu's name for the set: how many articles, and the first file names.
    pub fn label(&self) -> String {
        let names: Vec<&str> = self
            .paths
            .iter()
            .take(3)
            .map(|p| {
                Path::new(p)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(p)
            })
            .collect();
        let more = if self.paths.len() > 3 { ", …" } else { "" };
        format!(
            "{}: {}{more}",
            super::view::count(self.paths.len(), "article"),
            names.join(", ")
        )
    }
}

impl AppState {
    /// Whether closing now would lose something not saved.
    fn has_unsaved_work(&self) -> bool {
        self.doc.file.dirty || (self.doc.file.path.is_none() && self.doc.log.can_undo())
    }

    /// "Close all": asks first when there is unsaved work.
    pub(super) fn close_all(&mut self) {
        if self.doc.sources.is_empty() {
            return;
        }
        if self.has_unsaved_work() {
            self.doc.close_all_prompt = true;
        } else {
            self.close_all_now();
        }
    }

    /// The answer to "Close all?".
    pub(super) fn answer_close_all(&mut self, answer: CloseAnswer) {
        self.doc.close_all_prompt = false;
        match answer {
            CloseAnswer::Save => {
                if let Some(path) = self.doc.file.path.clone()
                    && self.save_to(path)
                {
                    self.close_all_now();
                }
            }
            CloseAnswer::Discard => self.close_all_now(),
            CloseAnswer::Cancel => {}
        }
    }

    /// Closes every article, keeping them for Undo.
    fn close_all_now(&mut self) {
        self.cancel_work();
        self.remember_session();
        let closed = ClosedSession {
            sources: std::mem::take(&mut self.doc.sources),
            log: std::mem::take(&mut self.doc.log),
            options: std::mem::take(&mut self.doc.options),
            file: std::mem::take(&mut self.doc.file),
        };
        let n = closed.articles();
        self.notices.push(Notice::Info(format!(
            "Closed {}. Undo brings them back.",
            super::view::count(n, "article")
        )));
        self.doc.closed = Some(closed);
        self.swap_analysis(Analysis::default(), None);
    }

    /// Brings back what "Close all" closed, if that was the last thing done. Returns whether
    /// it did.
    pub(super) fn undo_close_all(&mut self) -> bool {
        let Some(closed) = self.doc.closed.take() else {
            return false;
        };
        self.cancel_work();
        self.doc.sources = closed.sources;
        self.doc.log = closed.log;
        self.doc.options = closed.options;
        self.doc.file = closed.file;
        self.notices.push(Notice::Info(format!(
            "Reopened {}.",
            super::view::count(self.doc.sources.len(), "article")
        )));
        self.load(Vec::new());
        true
    }

    /// Puts the files open now first among the recent sessions (files read from disk only).
    pub fn remember_session(&mut self) {
        let paths: Vec<String> = self
            .doc
            .sources
            .iter()
            .map(|s| s.path().to_string())
            .filter(|p| Path::new(p).is_file())
            .collect();
        if paths.is_empty() {
            return;
        }
        let set = RecentSet { paths };
        self.doc.recent_sets.retain(|s| *s != set);
        self.doc.recent_sets.insert(0, set);
        self.doc.recent_sets.truncate(RECENT_SETS);
    }

    /// The recent sessions, newest first (persisted by the window).
    pub fn recent_sets(&self) -> &[RecentSet] {
        &self.doc.recent_sets
    }

    /// Restores the recent sessions.
    pub fn set_recent_sets(&mut self, mut sets: Vec<RecentSet>) {
        sets.truncate(RECENT_SETS);
        self.doc.recent_sets = sets;
    }
}
