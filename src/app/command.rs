//! Everything the user can ask of the app, as data.
//!
//! In: panels emit [`Command`]s while drawing. Out: [`crate::app::AppState::apply`] carries them out
//! after the frame is drawn, in order. Keeping every change behind one enum gives one place to
//! record, undo or replay what the user did.

use crate::corrections::Correction;
use crate::report::export::ExportFormat;
use crate::view::summary::KindFilter;
use std::path::PathBuf;

pub use crate::view::summary::SortKey;

/// Which view fills the detail area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The selected statement's versions side by side.
    #[default]
    Comparison,
    /// The selected version in its article.
    Article,
    /// Every speaker and how each source named them.
    Speakers,
}

/// Light or dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's preference.
    #[default]
    System,
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The name shown on screen.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "As the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The choice named `name` (`light`, `dark`, `system`), if it is one.
    pub fn parse(name: &str) -> Option<ThemeChoice> {
        match name.trim().to_ascii_lowercase().as_str() {
            "system" => Some(ThemeChoice::System),
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            _ => None,
        }
    }
}

/// A pasted article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    /// Headline given by the user.
    pub title: String,
    /// Outlet given by the user.
    pub outlet: String,
    /// The article's text.
    pub text: String,
}

/// One thing the user asked for, by family; each family is applied by one `match`.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Reading articles in and taking them out.
    Load(LoadCommand),
    /// The workspace file and exports.
    File(FileCommand),
    /// What is shown.
    View(ViewCommand),
    /// Corrections.
    Correct(CorrectCommand),
}

/// Reading articles in and taking them out.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadCommand {
    /// Show the system's file dialog (never used by tests).
    ShowOpenDialog,
    /// Read these files and add them to the analysis.
    OpenPaths(Vec<PathBuf>),
    /// Add the built-in demo articles.
    OpenDemo,
    /// Add a pasted article.
    AddPasted(Pasted),
    /// Fetch this page (http or https) and add its article.
    OpenUrl(String),
    /// Stop the running load or analysis.
    Cancel,
    /// Run the analysis again on the current articles.
    Reanalyze,
    /// Remove a source from the session.
    RemoveSource(u64),
    /// Include or exclude a source from the comparison.
    SetIncluded(u64, bool),
    /// Remove every source (asking first when there is unsaved work).
    CloseAll,
    /// Answer the "Close all" prompt.
    AnswerCloseAll(CloseAnswer),
}

/// The workspace file, exports, the recovery file and the close prompt.
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Save to the workspace file, or ask where when there is none yet.
    Save,
    /// Show the system's save dialog for a workspace (never used by tests).
    ShowSaveAsDialog,
    /// Save the workspace to this file and keep it as the session's file.
    SaveAs(PathBuf),
    /// Show the system's open dialog for a workspace (never used by tests).
    ShowOpenWorkspaceDialog,
    /// Replace the session by the workspace in this file.
    OpenWorkspace(PathBuf),
    /// Show the system's save dialog for an export (never used by tests).
    ShowExportDialog(ExportFormat),
    /// Write the analysis in this format to this file.
    Export(ExportFormat, PathBuf),
    /// Restore (`true`) or discard (`false`) the recovery file of an earlier session.
    Recover(bool),
    /// Answer the close prompt.
    AnswerClose(CloseAnswer),
    /// Ask for a path typed in a field (`None`: close the field).
    ShowPathPrompt(Option<PathPurpose>),
    /// The system's file dialog could not be shown: say so and offer the path field.
    DialogUnavailable(PathPurpose),
}

/// What is shown; nothing analysed changes.
#[derive(Clone, Debug, PartialEq)]
pub enum ViewCommand {
    /// Show or hide the "Open URL" dialog.
    ShowUrlDialog(bool),
    /// Select a statement by `group_id`.
    SelectGroup(String),
    /// Move the selection up (`-1`) or down (`1`) the visible list.
    MoveSelection(i32),
    /// Go to the next (`1`) or previous (`-1`) difference, across statements.
    StepDifference(i32),
    /// Show a version in its article (`quote_id`).
    ShowInArticle(String),
    /// Show an article (`article_id`) in the article view.
    ShowArticle(String),
    /// Show an article that does not quote the selected statement, scrolled to and
    /// highlighting its nearest wording of it (`article_id`).
    ShowNearestWording(String),
    /// Order the statements list.
    SetSort(SortKey),
    /// Show only this speaker's statements (`None`: everyone).
    SetSpeakerFilter(Option<String>),
    /// Show only statements containing this text.
    SetTextFilter(String),
    /// Show only statements with this kind of change (`None`: all).
    SetKindFilter(Option<KindFilter>),
    /// Put the keyboard in the filter field.
    FocusFilter,
    /// Hide or show punctuation and case differences.
    SetHideCosmetic(bool),
    /// Switch the detail view.
    SetTab(Tab),
    /// Choose light, dark or the system's theme.
    SetTheme(ThemeChoice),
    /// Show or collapse the sources panel.
    ShowSources(bool),
    /// Show or collapse the statements list.
    ShowStatements(bool),
    /// Open or close the help window.
    ShowHelp(bool),
    /// Open or close the paste dialog.
    ShowPasteDialog(bool),
}

/// The user's corrections and their undo.
#[derive(Clone, Debug, PartialEq)]
pub enum CorrectCommand {
    /// Make this version (`quote_id`) the reference of its group.
    SetReference(String),
    /// Record a correction and analyse again with it.
    Apply(Correction),
    /// Take back the last correction.
    Undo,
    /// Make the last undone correction again.
    Redo,
}

/// What a file path is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Articles (or a folder of them) to open.
    OpenArticles,
    /// A workspace to open.
    OpenWorkspace,
    /// Where to save the workspace.
    SaveWorkspace,
    /// Where to write an export.
    Export(ExportFormat),
}

impl PathPurpose {
    /// The command that uses `path` for this purpose.
    pub fn command(self, path: PathBuf) -> Command {
        match self {
            PathPurpose::OpenArticles => Command::Load(LoadCommand::OpenPaths(vec![path])),
            PathPurpose::OpenWorkspace => Command::File(FileCommand::OpenWorkspace(path)),
            PathPurpose::SaveWorkspace => Command::File(FileCommand::SaveAs(path)),
            PathPurpose::Export(format) => Command::File(FileCommand::Export(format, path)),
        }
    }

    /// The button that carries it out.
    pub fn verb(self) -> &'static str {
        match self {
            PathPurpose::OpenArticles | PathPurpose::OpenWorkspace => "Open",
            PathPurpose::SaveWorkspace => "Save",
            PathPurpose::Export(_) => "Export",
        }
    }
}

/// What the user chose when closing with unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseAnswer {
    /// Save, then close.
    Save,
    /// Close without saving.
    Discard,
    /// Keep the window open.
    Cancel,
}
