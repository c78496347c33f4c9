//! Corrections in the app: each one goes on the document's [`CorrectionLog`] and the analysis
//! runs again with the log's corrections, so they re-apply after every re-analysis and when
//! articles are added. Undo and redo walk the log the same way.
//!
//! In: [`Correction`]s from the panels, undo and redo. Out: the log, the analysis options, an
//! analysis under way, and the session marked as changed.

use super::command::CorrectCommand;
use super::state::{AppState, Notice};
use crate::corrections::Correction;

impl AppState {
    /// Carries out a correction command.
    pub(super) fn apply_correct(&mut self, command: CorrectCommand) {
        match command {
            CorrectCommand::Apply(correction) => self.correct(correction),
            CorrectCommand::Undo => self.undo(),
            CorrectCommand::Redo => self.redo(),
            CorrectCommand::SetReference(quote_id) => self.set_reference(&quote_id),
        }
    }

    /// Records `correction` and analyses again with it.
    pub(super) fn correct(&mut self, correction: Correction) {
        self.doc.closed = None;
        self.doc.log.push(correction);
        self.corrections_changed();
    }

    /// Takes back the last correction, if any.
    pub(super) fn undo(&mut self) {
        if self.undo_close_all() {
            return;
        }
        let Some(undone) = self.doc.log.undo().map(Correction::summary) else {
            return;
        };
        self.notices
            .push(Notice::Info(format!("Undone: {undone}.")));
        self.corrections_changed();
    }

    /// Makes the last undone correction again, if any.
    pub(super) fn redo(&mut self) {
        let Some(redone) = self.doc.log.redo().map(Correction::summary) else {
            return;
        };
        self.notices
            .push(Notice::Info(format!("Redone: {redone}.")));
        self.corrections_changed();
    }

    fn corrections_changed(&mut self) {
        self.doc.options.corrections = self.doc.log.corrections().clone();
        self.doc.file.dirty = true;
        self.load(Vec::new());
    }
}
