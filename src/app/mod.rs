//! The desktop app: opens articles, shows every statement with its versions side by side and
//! their differences, and traces each quotation to its article.
//!
//! ```text
//! panels (ui/*) ──Command──▶ AppState::apply ──Job──▶ worker thread (ingest + pipeline)
//!     ▲    ▲                     │      │                    │
//!     │    └──── Effect ◀────────┘      │                    │
//!     └──── Document (read) ◀───────────┴────── Report ◀─────┘
//! ```
//!
//! [`AppState`] holds the document, the worker and the correction log and names no GUI type;
//! [`Command`] comes in four families (load, file, view, correct), each applied by one
//! exhaustive `match` in the state modules, which return window [`effect::Effect`]s (dialogs,
//! scrolling, focus) instead of touching the window. [`App`] is the state with the window's own
//! state beside it; [`App::ui`] draws one frame into any `egui::Ui`, so the window ([`run`]) and
//! headless tests drive the same code. The state modules import no panel. Colours live in
//! [`theme`] only.

pub mod closing;
pub mod command;
mod correct;
pub mod demo;
pub mod document;
pub mod effect;
mod navigate;
mod opening;
mod selection;
pub mod session;
pub mod state;
pub mod theme;
pub mod ui;
/// The summaries the panels draw, from the engine.
pub mod view {
    pub use crate::view::speakers::*;
    pub use crate::view::summary::*;
}
pub mod worker;

pub use command::{Command, Pasted, PathPurpose, SortKey, Tab, ThemeChoice};
pub use state::{AppState, Document, Notice, Source};
pub use ui::App;

use std::ffi::OsString;
use std::path::PathBuf;

/// Storage key of the recent-files list.
const RECENT_KEY: &str = "recent_files";
/// Storage key of the recent sessions (sets of files opened together).
const RECENT_SETS_KEY: &str = "recent_sets";
/// Storage key of the theme chosen.
const THEME_KEY: &str = "theme";

/// The window around [`App`]: persistence and eframe's entry points.
struct Window {
    app: App,
}

impl eframe::App for Window {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.remember_session();
        eframe::set_value(storage, RECENT_KEY, &self.app.recent_files());
        eframe::set_value(storage, RECENT_SETS_KEY, &self.app.recent_sets());
        eframe::set_value(storage, THEME_KEY, &self.app.doc.theme);
    }
}

/// Opens the window on `paths` (the demo articles when empty); returns the process exit code.
pub fn run(paths: Vec<OsString>) -> i32 {
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Verbatim")
            .with_inner_size([1500.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    let result = eframe::run_native(
        "Verbatim",
        options,
        Box::new(move |cc| {
            // The worker wakes the window from the first job on, so progress and the finished
            // analysis show without the mouse moving.
            let mut app = App::with_paths_waking(paths, Some(cc.egui_ctx.clone()));
            app.set_data_dir(crate::workspace::data_dir());
            if let Some(recent) = cc.storage.and_then(|s| eframe::get_value(s, RECENT_KEY)) {
                let paths_opened = app.recent_files().to_vec();
                app.set_recent_files(recent);
                for path in paths_opened.into_iter().rev() {
                    app.remember(path);
                }
            }
            if let Some(sets) = cc
                .storage
                .and_then(|s| eframe::get_value(s, RECENT_SETS_KEY))
            {
                app.set_recent_sets(sets);
            }
            if let Some(theme) = cc.storage.and_then(|s| eframe::get_value(s, THEME_KEY)) {
                app.doc.theme = theme;
            }
            // A theme named in the environment (screenshots, scripts) wins.
            if let Some(theme) = std::env::var("VERBATIM_THEME")
                .ok()
                .and_then(|t| ThemeChoice::parse(&t))
                .filter(|t| *t != ThemeChoice::System)
            {
                app.doc.theme = theme;
            }
            Ok(Box::new(Window { app }))
        }),
    );
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("verbatim: cannot open the window: {e}");
            1
        }
    }
}
