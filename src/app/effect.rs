//! What applying a command asks of the window, as data: dialogs to show, places to scroll to,
//! the keyboard focus, closing. The state never writes into the window; the window carries
//! these out after the commands of a frame are applied.
//!
//! In: pushed by [`crate::app::AppState::apply`]. Out: drained by the window each frame.

use crate::report::export::ExportFormat;
use std::sync::Arc;
use std::time::Duration;

/// One thing the window should do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Show the system's dialog to open articles.
    OpenArticlesDialog,
    /// Show the system's dialog to save the workspace somewhere.
    SaveAsDialog,
    /// Show the system's dialog to open a workspace.
    OpenWorkspaceDialog,
    /// Show the system's dialog to choose where an export goes.
    ExportDialog(ExportFormat),
    /// Scroll the statements list to the selected statement.
    ScrollList,
    /// Scroll the article view to the quotation shown.
    ScrollArticle,
    /// Scroll the comparison to the current difference.
    ScrollDifference,
    /// Put the keyboard in the list's filter field.
    FocusFilter,
    /// Close the window (the user agreed).
    CloseWindow,
}

/// Asks the window to draw again, now (`Duration::ZERO`) or after a while; callable from any
/// thread.
pub type Repaint = Arc<dyn Fn(Duration) + Send + Sync>;
