//! Keyboard shortcuts, defined once so the menus can show the same keys they answer to.
//!
//! In: this frame's key presses. Out: commands (and focus/scroll requests in the UI state).

use super::UiState;
use crate::app::command::Command;
use crate::app::command::{CorrectCommand, FileCommand, LoadCommand, ViewCommand};
use crate::app::state::Document;
use egui::gui_zoom::kb_shortcuts as zoom;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Open files.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Focus the filter.
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// Close every article.
pub const CLOSE_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::W);
/// Help.
pub const HELP: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
/// Save the workspace.
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Undo the last correction.
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
/// Redo the last undone correction.
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
/// Close the window.
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
/// Next difference.
pub const NEXT_DIFFERENCE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F7);
/// Previous difference.
pub const PREVIOUS_DIFFERENCE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::SHIFT, Key::F7);
/// Next difference, the other way.
pub const NEXT_DIFFERENCE_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
/// Previous difference, the other way.
pub const PREVIOUS_DIFFERENCE_ALT: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);
/// Paste an article.
pub const PASTE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::V);

/// Every shortcut, as the help window lists it: what it does, and its keys.
pub fn help_rows(ctx: &egui::Context) -> Vec<(&'static str, String)> {
    let keys = |s: &KeyboardShortcut| ctx.format_shortcut(s);
    vec![
        ("Open articles", keys(&OPEN)),
        ("Paste an article", keys(&PASTE)),
        ("Save the workspace", keys(&SAVE)),
        ("Undo the last correction (or Close all)", keys(&UNDO)),
        ("Redo", keys(&REDO)),
        ("Filter statements", keys(&FIND)),
        ("Close all articles", keys(&CLOSE_ALL)),
        ("Quit", keys(&QUIT)),
        (
            "Next difference",
            format!(
                "{}, {}, N",
                keys(&NEXT_DIFFERENCE),
                keys(&NEXT_DIFFERENCE_ALT)
            ),
        ),
        (
            "Previous difference",
            format!(
                "{}, {}, P",
                keys(&PREVIOUS_DIFFERENCE),
                keys(&PREVIOUS_DIFFERENCE_ALT)
            ),
        ),
        ("Previous / next statement", "Up / Down".to_string()),
        (
            "Zoom in / out / reset",
            format!(
                "{}, {}, {}",
                keys(&zoom::ZOOM_IN),
                keys(&zoom::ZOOM_OUT),
                keys(&zoom::ZOOM_RESET)
            ),
        ),
        ("This help (Esc closes it)", keys(&HELP)),
    ]
}

/// Turns this frame's shortcuts into commands.
pub fn shortcuts(ctx: &egui::Context, doc: &Document, state: &mut UiState, out: &mut Vec<Command>) {
    let typing = ctx.memory(|m| m.focused().is_some());
    let mut quit = false;
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            out.push(Command::Load(LoadCommand::ShowOpenDialog));
        }
        if i.consume_shortcut(&FIND) {
            state.focus_filter = true;
        }
        if i.consume_shortcut(&CLOSE_ALL) {
            out.push(Command::Load(LoadCommand::CloseAll));
        }
        if i.consume_shortcut(&HELP) {
            out.push(Command::View(ViewCommand::ShowHelp(!doc.help_open)));
        }
        if doc.help_open && i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Command::View(ViewCommand::ShowHelp(false)));
        }
        if i.consume_shortcut(&PASTE) {
            out.push(Command::View(ViewCommand::ShowPasteDialog(true)));
        }
        if i.consume_shortcut(&SAVE) {
            out.push(Command::File(FileCommand::Save));
        }
        // Redo first: its keys include Undo's, and consuming Undo first would take both.
        if i.consume_shortcut(&REDO) {
            out.push(Command::Correct(CorrectCommand::Redo));
        }
        // Ctrl+Z in a text field undoes the typing, not a correction.
        if !typing && i.consume_shortcut(&UNDO) {
            out.push(Command::Correct(CorrectCommand::Undo));
        }
        if i.consume_shortcut(&QUIT) {
            quit = true;
        }
        // Shifted and Alt keys first: the plain ones would match them too.
        if i.consume_shortcut(&PREVIOUS_DIFFERENCE) || i.consume_shortcut(&PREVIOUS_DIFFERENCE_ALT)
        {
            out.push(Command::View(ViewCommand::StepDifference(-1)));
        }
        if i.consume_shortcut(&NEXT_DIFFERENCE) || i.consume_shortcut(&NEXT_DIFFERENCE_ALT) {
            out.push(Command::View(ViewCommand::StepDifference(1)));
        }
        // Arrow keys walk the list unless a text field has them.
        if !typing {
            if i.consume_key(Modifiers::NONE, Key::N) {
                out.push(Command::View(ViewCommand::StepDifference(1)));
            }
            if i.consume_key(Modifiers::NONE, Key::P) {
                out.push(Command::View(ViewCommand::StepDifference(-1)));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                out.push(Command::View(ViewCommand::MoveSelection(1)));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                out.push(Command::View(ViewCommand::MoveSelection(-1)));
            }
        }
    });
    if quit {
        // Goes through the close request, so unsaved changes are asked about.
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
