//! The session as a file: save and open `.verbatim` workspaces, autosave to the recovery file
//! and restore it, export the analysis, and the close prompt's answers.
//!
//! In: file commands routed here by [`AppState::apply`]. Out: files written atomically (the engine's
//! [`workspace`] and [`export`] do the writing), the session replaced by an opened workspace,
//! and a notice for the user either way. A workspace that cannot be opened is named in the
//! Sources panel and never written over.

use super::command::{CloseAnswer, FileCommand, SortKey, Tab};
use super::document::FileState;
use super::effect::Effect;
use super::state::{AppState, Notice, Source};
use crate::corrections::CorrectionLog;
use crate::model::{Analysis, LoadProblem};
use crate::report::export::{self, ExportFormat};
use crate::workspace::{self, Recovery, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How often the recovery file is written while there are unsaved changes.
pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

/// Autosave timing and what to do once a save finishes.
#[derive(Default)]
pub struct Autosave {
    /// When the recovery file was last written.
    last: Option<Instant>,
    /// A recovery write under way on its own thread.
    running: Option<JoinHandle<()>>,
    /// Close the window once the pending Save As succeeds.
    pub(crate) close_after_save: bool,
}

/// The app's view state as stored in a workspace.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct ViewState {
    sort: SortKey,
    hide_cosmetic: bool,
    tab: Tab,
    /// Content hashes of the articles left out of the comparison.
    excluded: Vec<String>,
}

impl AppState {
    /// Carries out a file command.
    pub(super) fn apply_file(&mut self, command: FileCommand) {
        match command {
            FileCommand::Save => match self.doc.file.path.clone() {
                Some(path) => {
                    self.save_to(path);
                }
                None => self.effects.push(Effect::SaveAsDialog),
            },
            FileCommand::SaveAs(path) => {
                if self.save_to(path) && std::mem::take(&mut self.autosave.close_after_save) {
                    self.close_window();
                }
            }
            FileCommand::OpenWorkspace(path) => self.open_workspace(&path),
            FileCommand::Export(format, path) => self.export(format, &path),
            FileCommand::Recover(restore) => self.recover(restore),
            FileCommand::AnswerClose(answer) => self.answer_close(answer),
            FileCommand::ShowSaveAsDialog => self.effects.push(Effect::SaveAsDialog),
            FileCommand::ShowOpenWorkspaceDialog => self.effects.push(Effect::OpenWorkspaceDialog),
            FileCommand::ShowExportDialog(format) => {
                self.effects.push(Effect::ExportDialog(format))
            }
            FileCommand::ShowPathPrompt(purpose) => {
                self.doc.path_prompt = purpose.map(|p| (p, false));
            }
            FileCommand::DialogUnavailable(purpose) => self.dialog_unavailable(purpose),
        }
    }

    /// The session as a workspace: every article whose bytes are known, the corrections, the
    /// reference choice and the view.
    pub fn to_workspace(&self) -> Workspace {
        let doc = &self.doc;
        let view = ViewState {
            sort: doc.sort,
            hide_cosmetic: doc.hide_cosmetic,
            tab: doc.tab,
            excluded: doc
                .sources
                .iter()
                .filter(|s| !s.included)
                .filter_map(|s| Some(s.stored.as_ref()?.content_hash.clone()))
                .collect(),
        };
        Workspace {
            articles: doc
                .sources
                .iter()
                .filter_map(|s| s.stored.clone())
                .collect(),
            corrections: doc.log.corrections().clone(),
            reference_article: doc.options.reference_article.clone(),
            view: serde_json::to_value(view).unwrap_or_default(),
            ..Workspace::new()
        }
    }

    /// Saves the session to `path`; says how it went. Returns whether it was saved.
    pub(super) fn save_to(&mut self, path: PathBuf) -> bool {
        let workspace = self.to_workspace();
        let left_out = self
            .doc
            .sources
            .iter()
            .filter(|s| s.stored.is_none())
            .count();
        if let Err(e) = workspace::save_atomic(&path, &workspace) {
            self.notices.push(Notice::Error(e.to_string()));
            return false;
        }
        if let Some(dir) = &self.data_dir
            && let Err(e) = workspace::discard_recovery(dir)
        {
            self.notices.push(Notice::Error(e.to_string()));
        }
        self.remember(path.display().to_string());
        self.notices
            .push(Notice::Info(format!("Saved {}.", path.display())));
        if left_out > 0 {
            self.notices.push(Notice::Error(format!(
                "{left_out} source(s) without their original file were not saved."
            )));
        }
        self.doc.file = FileState {
            path: Some(path),
            dirty: false,
            error: None,
        };
        true
    }

    pub(super) fn open_workspace(&mut self, path: &Path) {
        match workspace::load(path) {
            Ok(ws) => {
                self.remember(path.display().to_string());
                self.replace_session(ws, Some(path.to_path_buf()), false);
            }
            Err(e) => {
                let message = e.to_string();
                self.notices.push(Notice::Error(message.clone()));
                self.doc.file.error = Some(message);
            }
        }
    }

    /// Replaces the sources, corrections and view by the workspace's and analyses again.
    fn replace_session(&mut self, ws: Workspace, path: Option<PathBuf>, dirty: bool) {
        self.cancel_work();
        self.doc.closed = None;
        let view: ViewState = serde_json::from_value(ws.view.clone()).unwrap_or_default();
        self.doc.sources.clear();
        for stored in &ws.articles {
            let loaded = stored.article().map_err(|e| LoadProblem {
                path: stored.path.clone(),
                reason: e.to_string(),
            });
            let source_id = self.new_source_id();
            self.doc.sources.push(Source {
                source_id,
                loaded,
                included: !view.excluded.contains(&stored.content_hash),
                stored: Some(stored.clone()),
            });
        }
        self.doc.log = CorrectionLog::new(ws.corrections.clone());
        self.doc.options = ws.analyze_options();
        self.doc.sort = view.sort;
        self.doc.hide_cosmetic = view.hide_cosmetic;
        self.doc.tab = view.tab;
        self.doc.file = FileState {
            path,
            dirty,
            error: None,
        };
        self.swap_analysis(Analysis::default(), None);
        self.load(Vec::new());
    }

    fn export(&mut self, format: ExportFormat, path: &Path) {
        let corrections = self.doc.log.corrections();
        match export::write(path, &self.doc.analysis, corrections, format) {
            Ok(()) => self
                .notices
                .push(Notice::Info(format!("Exported {}.", path.display()))),
            Err(e) => self.notices.push(Notice::Error(e.to_string())),
        }
    }

    fn recover(&mut self, restore: bool) {
        self.doc.recovery_offer = false;
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        let result = if restore {
            workspace::take_recovery(&dir).map(|found| {
                if let Some(Recovery {
                    saved_as,
                    workspace,
                }) = found
                {
                    self.replace_session(workspace, saved_as, true);
                }
            })
        } else {
            workspace::discard_recovery(&dir)
        };
        if let Err(e) = result {
            let message = e.to_string();
            self.notices.push(Notice::Error(message.clone()));
            self.doc.file.error = Some(message);
        }
    }

    /// Writes the recovery file off the UI thread when there are unsaved changes and the last
    /// write is old enough; called once per frame.
    pub(super) fn autosave_tick(&mut self) {
        let busy = self
            .autosave
            .running
            .as_ref()
            .is_some_and(|h| !h.is_finished());
        let due = self
            .autosave
            .last
            .is_none_or(|t| t.elapsed() >= AUTOSAVE_EVERY);
        let Some(dir) = self.data_dir.clone() else {
            return;
        };
        if !self.doc.file.dirty || busy || !due {
            return;
        }
        let recovery = Recovery {
            saved_as: self.doc.file.path.clone(),
            workspace: self.to_workspace(),
        };
        self.autosave.last = Some(Instant::now());
        // A failed autosave (or no thread for it) must not interrupt the user; the next one
        // tries again.
        self.autosave.running = std::thread::Builder::new()
            .name("verbatim-autosave".into())
            .spawn(move || {
                let _ = workspace::save_recovery(&dir, &recovery);
            })
            .ok();
        if let Some(repaint) = &self.repaint {
            repaint(AUTOSAVE_EVERY);
        }
    }

    /// Waits for a recovery write under way (tests).
    pub fn wait_autosave(&mut self) {
        if let Some(handle) = self.autosave.running.take() {
            let _ = handle.join();
        }
    }

    /// Whether a close request should be held back to ask about unsaved changes.
    pub(super) fn hold_close(&mut self) -> bool {
        if self.doc.file.dirty && !self.close_confirmed {
            self.doc.close_prompt = true;
            return true;
        }
        false
    }

    fn answer_close(&mut self, answer: CloseAnswer) {
        self.doc.close_prompt = false;
        match answer {
            CloseAnswer::Save => match self.doc.file.path.clone() {
                Some(path) => {
                    if self.save_to(path) {
                        self.close_window();
                    }
                }
                None => {
                    self.autosave.close_after_save = true;
                    self.effects.push(Effect::SaveAsDialog);
                }
            },
            CloseAnswer::Discard => {
                if let Some(dir) = &self.data_dir {
                    let _ = workspace::discard_recovery(dir);
                }
                self.close_window();
            }
            CloseAnswer::Cancel => self.autosave.close_after_save = false,
        }
    }

    fn close_window(&mut self) {
        self.close_confirmed = true;
        self.effects.push(Effect::CloseWindow);
    }
}
