//! Opening articles: files and folders (a workspace among them opens as the session), pasted
//! text, the built-in demo; and the recent-files list.
//!
//! In: paths, pasted articles. Out: inputs handed to the loader (a folder as one input, listed
//! off the UI thread), the recent-files list.

use super::command::Pasted;
use super::demo::DEMO_ARTICLES;
use super::state::{AppState, Notice};
use super::worker::Input;
use std::path::PathBuf;
use std::sync::Arc;

/// Most recent files remembered.
const RECENT_LIMIT: usize = 10;

impl AppState {
    /// Files opened lately, newest first (persisted by the window).
    pub fn recent_files(&self) -> &[String] {
        &self.doc.recent
    }

    /// Restores the recent-files list.
    pub fn set_recent_files(&mut self, recent: Vec<String>) {
        self.doc.recent = recent;
        self.doc.recent.truncate(RECENT_LIMIT);
    }

    /// Opens files and folders; a workspace among them is opened as the session. Folders are
    /// listed by the worker, so a large one does not hold up the window.
    pub(super) fn open_paths(&mut self, paths: Vec<PathBuf>) {
        // A workspace named among them (command line, drop, recent files) is opened as the
        // session; the other files join it.
        let (workspaces, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|p| p.extension().is_some_and(|e| e == "verbatim") && !p.is_dir());
        for workspace in workspaces {
            self.open_workspace(&workspace);
        }
        if paths.is_empty() {
            return;
        }
        for path in &paths {
            self.remember(path.display().to_string());
        }
        let inputs = paths
            .into_iter()
            .map(|p| {
                if p.is_dir() {
                    Input::Folder(p)
                } else {
                    Input::Path(p)
                }
            })
            .collect();
        self.load(inputs);
    }

    /// Adds a pasted article, unless it has no text.
    pub(super) fn add_pasted(&mut self, pasted: Pasted) {
        if pasted.text.trim().is_empty() {
            self.notices
                .push(Notice::Error("The pasted article has no text.".into()));
            return;
        }
        self.doc.paste_open = false;
        self.load(vec![Input::Pasted(pasted)]);
    }

    /// Puts `path` first in the recent-files list.
    pub fn remember(&mut self, path: String) {
        self.doc.recent.retain(|p| *p != path);
        self.doc.recent.insert(0, path);
        self.doc.recent.truncate(RECENT_LIMIT);
    }
}

/// The demo articles as inputs.
pub(super) fn demo_inputs() -> Vec<Input> {
    DEMO_ARTICLES
        .iter()
        .map(|(name, bytes)| Input::Bytes {
            name: (*name).to_string(),
            bytes: Arc::from(*bytes),
        })
        .collect()
}
