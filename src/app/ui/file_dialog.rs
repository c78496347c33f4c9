//! The system's file dialogs, each on its own thread so the window keeps drawing; a dialog that
//! could not be shown (no desktop portal, no fallback) becomes a path field, never silence.
//!
//! In: the file commands that need a path. Out: the command carrying the path picked, or
//! [`FileCommand::DialogUnavailable`] when the dialog answered before anyone could have seen it.

use super::UiState;
use crate::app::command::{Command, PathPurpose};
use crate::app::command::{FileCommand, LoadCommand};
use crate::app::document::FileState;
use crate::app::effect::Effect;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Quicker than a person can cancel a dialog: one that answered this fast was never shown.
const NEVER_SHOWN: Duration = Duration::from_millis(250);

/// What a closed dialog means: its pick, or, when it gave none at once, that it never showed.
pub fn dialog_answer(
    picked: Option<Command>,
    elapsed: Duration,
    purpose: PathPurpose,
) -> Option<Command> {
    match picked {
        Some(command) => Some(command),
        None if elapsed < NEVER_SHOWN => {
            Some(Command::File(FileCommand::DialogUnavailable(purpose)))
        }
        None => None,
    }
}

impl UiState {
    /// Shows the system's open dialog for articles.
    pub fn open_dialog(&mut self) {
        self.spawn_dialog(PathPurpose::OpenArticles, || {
            let picked = rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter("Articles", &["txt", "html", "htm", "pdf", "docx", "md"])
                .add_filter("All files", &["*"])
                .pick_files()
                .unwrap_or_default();
            (!picked.is_empty()).then_some(Command::Load(LoadCommand::OpenPaths(picked)))
        });
    }

    /// Shows the save or open dialog an effect asks for.
    pub fn file_dialog(&mut self, effect: Effect, file: &FileState) {
        let folder = file
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(PathBuf::from);
        let start = move |title: &str| {
            let dialog = rfd::FileDialog::new().set_title(title);
            match &folder {
                Some(f) => dialog.set_directory(f),
                None => dialog,
            }
        };
        match effect {
            Effect::SaveAsDialog => {
                let dialog = start("Save workspace")
                    .add_filter("Verbatim workspace", &["verbatim"])
                    .set_file_name("story.verbatim");
                self.spawn_dialog(PathPurpose::SaveWorkspace, move || {
                    dialog
                        .save_file()
                        .map(|p| Command::File(FileCommand::SaveAs(p)))
                });
            }
            Effect::OpenWorkspaceDialog => {
                let dialog =
                    start("Open workspace").add_filter("Verbatim workspace", &["verbatim"]);
                self.spawn_dialog(PathPurpose::OpenWorkspace, move || {
                    dialog
                        .pick_file()
                        .map(|p| Command::File(FileCommand::OpenWorkspace(p)))
                });
            }
            Effect::ExportDialog(format) => {
                let ext = format.extension();
                let dialog = start("Export")
                    .add_filter(ext.to_uppercase(), &[ext])
                    .set_file_name(format!("report.{ext}"));
                self.spawn_dialog(PathPurpose::Export(format), move || {
                    dialog
                        .save_file()
                        .map(|p| Command::File(FileCommand::Export(format, p)))
                });
            }
            _ => {}
        }
    }

    /// Runs a system dialog on its own thread; its answer is applied when it closes.
    fn spawn_dialog(
        &mut self,
        purpose: PathPurpose,
        pick: impl FnOnce() -> Option<Command> + Send + 'static,
    ) {
        if self.dialog.is_some() {
            return;
        }
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let picked = pick();
                let _ = send.send(dialog_answer(picked, started.elapsed(), purpose));
            });
        if spawned.is_ok() {
            self.dialog = Some((purpose, receive));
        }
    }

    /// The command of a dialog that just closed, if one did; a dialog thread that died
    /// counts as a dialog that could not be shown.
    pub(super) fn dialog_result(&mut self) -> Option<Command> {
        let (purpose, receive) = self.dialog.as_ref()?;
        let purpose = *purpose;
        match receive.try_recv() {
            Ok(command) => {
                self.dialog = None;
                command
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.dialog = None;
                Some(Command::File(FileCommand::DialogUnavailable(purpose)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_answer_at_once_means_the_dialog_never_showed() {
        let purpose = PathPurpose::OpenWorkspace;
        assert_eq!(
            dialog_answer(None, Duration::from_millis(5), purpose),
            Some(Command::File(FileCommand::DialogUnavailable(purpose)))
        );
        // A person who looked and cancelled gets no message.
        assert_eq!(dialog_answer(None, Duration::from_secs(3), purpose), None);
        let picked = Command::File(FileCommand::OpenWorkspace("a.verbatim".into()));
        assert_eq!(
            dialog_answer(Some(picked.clone()), Duration::ZERO, purpose),
            Some(picked)
        );
    }
}
