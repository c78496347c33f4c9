//! The app's state and the one function that changes it: [`AppState::apply`] sends each
//! command family to its own exhaustive `match` (load and view here, file in `session`,
//! correct in `correct`).
//!
//! In: [`Command`]s from the panels and [`Report`]s from the worker. Out: a [`Document`] the
//! panels read (sources, the current analysis and its summaries, selection, filters) and the
//! [`Effect`]s the window should carry out — nothing else is mutated while drawing.

pub use super::document::{Document, Notice, Source};

use super::command::{Command, LoadCommand, PathPurpose, Tab, ViewCommand};
use super::effect::{Effect, Repaint};
use super::session::Autosave;
use super::worker::{Analyzed, Input, Job, Read, Report, WorkProgress, Worker};
use crate::model::{Analysis, Article, LoadProblem};
use crate::pipeline::Extracted;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The app's state, apart from the window: the document, background work, messages and the
/// window effects waiting to be carried out. No GUI type lives here.
pub struct AppState {
    /// What the panels draw.
    pub doc: Document,
    /// What the window should do next (dialogs, scrolling, focus), drained each frame.
    pub(crate) effects: Vec<Effect>,
    worker: Option<Worker>,
    /// The incremental state of the last analysis (with the worker while it runs).
    extracted: Option<Extracted>,
    /// Inputs that arrived while the worker was busy.
    queued: Vec<Input>,
    /// The sources changed while the worker was busy: analyse again when it ends.
    rerun: bool,
    next_source_id: u64,
    /// Messages for the toasts, drained by the UI.
    pub(crate) notices: Vec<Notice>,
    /// Wakes the window from other threads.
    pub(crate) repaint: Option<Repaint>,
    /// The same, for jobs started before the window gave it: each job's wake-up looks here.
    wake: Arc<Mutex<Option<Repaint>>>,
    /// Where the recovery file lives (`None`: no autosave).
    pub(crate) data_dir: Option<PathBuf>,
    /// When the recovery file was last written, and a write under way.
    pub(crate) autosave: Autosave,
    /// The user agreed to close: let the next close request through.
    pub(crate) close_confirmed: bool,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    /// An empty app.
    pub fn new() -> Self {
        Self {
            doc: Document::default(),
            effects: Vec::new(),
            worker: None,
            extracted: None,
            queued: Vec::new(),
            rerun: false,
            next_source_id: 1,
            notices: Vec::new(),
            repaint: None,
            wake: Arc::default(),
            data_dir: crate::workspace::data_dir(),
            autosave: Autosave::default(),
            close_confirmed: false,
        }
    }

    /// Keeps the recovery file in `data_dir` instead of the platform's data folder (`None`:
    /// no autosave), and notes whether one is waiting to be restored.
    pub fn set_data_dir(&mut self, data_dir: Option<PathBuf>) {
        self.doc.recovery_offer = data_dir
            .as_deref()
            .is_some_and(|d| crate::workspace::recovery_path(d).exists());
        self.data_dir = data_dir;
    }

    /// An app that starts reading `paths`, or the demo articles when there are none.
    pub fn with_paths(paths: Vec<PathBuf>) -> Self {
        Self::with_paths_waking(paths, None)
    }

    /// Like [`AppState::with_paths`], with the wake-up the worker calls on each report from the
    /// first job on, so progress and the finished analysis show without the mouse moving.
    pub fn with_paths_waking(paths: Vec<PathBuf>, repaint: Option<Repaint>) -> Self {
        let mut app = Self::new();
        if let Some(repaint) = repaint {
            app.set_repaint(repaint);
        }
        if paths.is_empty() {
            app.apply(Command::Load(LoadCommand::OpenDemo));
        } else {
            app.apply(Command::Load(LoadCommand::OpenPaths(paths)));
        }
        app
    }

    /// An app showing `analysis` as if its articles had been opened (e.g. a saved session).
    pub fn with_analysis(analysis: Analysis) -> Self {
        let mut app = Self::new();
        for article in &analysis.articles {
            let source_id = app.new_source_id();
            app.doc.sources.push(Source {
                source_id,
                loaded: Ok(article.clone()),
                included: true,
                stored: None,
            });
        }
        app.swap_analysis(analysis, None);
        app
    }

    /// Whether loading or analysis is under way.
    pub fn is_busy(&self) -> bool {
        self.worker.is_some()
    }

    /// Blocks until all background work is done and its results are in (tests, scripts).
    pub fn wait_idle(&mut self) {
        while let Some(worker) = &self.worker {
            match worker.next_blocking() {
                Some(report) => self.handle_report(report),
                None => self.worker_ended(),
            }
        }
    }

    /// How the window is woken from other threads (worker progress, autosave).
    pub fn set_repaint(&mut self, repaint: Repaint) {
        if let Ok(mut wake) = self.wake.lock() {
            *wake = Some(Arc::clone(&repaint));
        }
        self.repaint = Some(repaint);
    }

    /// Applies the worker's waiting reports without blocking; called once per frame.
    pub fn poll_worker(&mut self) {
        while let Some(report) = self.worker.as_ref().and_then(Worker::try_next) {
            self.handle_report(report);
        }
    }

    pub(super) fn new_source_id(&mut self) -> u64 {
        let id = self.next_source_id;
        self.next_source_id += 1;
        id
    }

    /// Carries out one command: each family has its one `match`.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Load(c) => self.apply_load(c),
            Command::File(c) => self.apply_file(c),
            Command::View(c) => self.apply_view(c),
            Command::Correct(c) => self.apply_correct(c),
        }
    }

    /// Reading articles in and taking them out.
    fn apply_load(&mut self, command: LoadCommand) {
        match command {
            LoadCommand::ShowOpenDialog => self.effects.push(Effect::OpenArticlesDialog),
            LoadCommand::OpenPaths(paths) => self.open_paths(paths),
            LoadCommand::OpenDemo => self.load(super::opening::demo_inputs()),
            LoadCommand::AddPasted(pasted) => self.add_pasted(pasted),
            LoadCommand::OpenUrl(url) => {
                if url.starts_with("http://") || url.starts_with("https://") {
                    self.doc.url_open = false;
                    self.load(vec![Input::Url(url)]);
                } else {
                    self.notices.push(Notice::Error(format!(
                        "{url}: only http:// and https:// addresses can be opened"
                    )));
                }
            }
            LoadCommand::Cancel => self.cancel_work(),
            LoadCommand::Reanalyze => self.load(Vec::new()),
            LoadCommand::RemoveSource(id) => {
                self.doc.sources.retain(|s| s.source_id != id);
                self.sources_changed();
                self.load(Vec::new());
            }
            LoadCommand::SetIncluded(id, included) => {
                if let Some(s) = self.doc.sources.iter_mut().find(|s| s.source_id == id) {
                    s.included = included;
                }
                self.sources_changed();
                self.load(Vec::new());
            }
            LoadCommand::CloseAll => self.close_all(),
            LoadCommand::AnswerCloseAll(answer) => self.answer_close_all(answer),
        }
    }

    /// Commands that change only what is shown, not what is analysed.
    fn apply_view(&mut self, command: ViewCommand) {
        match command {
            ViewCommand::SelectGroup(group_id) => self.select_group(Some(group_id)),
            ViewCommand::MoveSelection(step) => self.move_selection(step),
            ViewCommand::StepDifference(step) => self.step_difference(step),
            ViewCommand::ShowArticle(article_id) => {
                self.doc.article_shown = Some(article_id);
                self.doc.wording_shown = None;
                self.doc.tab = Tab::Article;
            }
            ViewCommand::ShowNearestWording(article_id) => self.show_nearest_wording(article_id),
            ViewCommand::ShowInArticle(quote_id) => {
                self.doc.article_shown = None;
                self.doc.wording_shown = None;
                self.doc.selected_quote = Some(quote_id);
                self.doc.tab = Tab::Article;
                self.effects.push(Effect::ScrollArticle);
            }
            ViewCommand::SetSort(sort) => {
                self.doc.sort = sort;
                self.refilter();
            }
            ViewCommand::SetSpeakerFilter(speaker) => {
                self.doc.speaker_filter = speaker;
                self.refilter();
            }
            ViewCommand::SetTextFilter(text) => {
                self.doc.text_filter = text;
                self.refilter();
            }
            ViewCommand::SetKindFilter(kind) => {
                self.doc.kind_filter = kind;
                self.refilter();
            }
            ViewCommand::FocusFilter => self.effects.push(Effect::FocusFilter),
            ViewCommand::SetHideCosmetic(hide) => self.doc.hide_cosmetic = hide,
            ViewCommand::SetTab(tab) => self.doc.tab = tab,
            ViewCommand::SetTheme(theme) => self.doc.theme = theme,
            ViewCommand::ShowSources(shown) => self.doc.panels.sources = shown,
            ViewCommand::ShowStatements(shown) => self.doc.panels.statements = shown,
            ViewCommand::ShowHelp(open) => self.doc.help_open = open,
            ViewCommand::ShowPasteDialog(open) => self.doc.paste_open = open,
            ViewCommand::ShowUrlDialog(open) => self.doc.url_open = open,
        }
    }

    /// The system's file dialog could not be shown: says so, and offers a path field instead.
    pub fn dialog_unavailable(&mut self, purpose: PathPurpose) {
        self.notices.push(Notice::Error(
            "The file dialog could not be shown; type the path instead.".into(),
        ));
        self.doc.path_prompt = Some((purpose, true));
    }

    /// Stops the running load or analysis and forgets what was queued.
    pub(super) fn cancel_work(&mut self) {
        if let Some(worker) = &self.worker {
            worker.cancel();
        }
        self.queued.clear();
        self.rerun = false;
    }

    /// Reads `inputs` (if any) and analyses every included article again.
    pub(super) fn load(&mut self, inputs: Vec<Input>) {
        if self.worker.is_some() {
            self.queued.extend(inputs);
            self.rerun = true;
            return;
        }
        let included: Vec<&Article> = self
            .doc
            .sources
            .iter()
            .filter(|s| s.included)
            .filter_map(|s| s.loaded.as_ref().ok())
            .collect();
        // The kept state serves when it holds the first of the included articles; the job
        // adds the rest. Otherwise every included article is analysed again.
        let extracted = self
            .extracted
            .take()
            .filter(|e| e.holds_start_of(&included));
        let held = extracted.as_ref().map_or(0, |e| e.articles().len());
        let job = Job {
            inputs,
            articles: included.into_iter().skip(held).cloned().collect(),
            options: self.doc.options.clone(),
            extracted,
        };
        let slot = Arc::clone(&self.wake);
        let wake = Box::new(move |within| {
            let repaint = slot.lock().ok().and_then(|r| r.clone());
            if let Some(repaint) = repaint {
                repaint(within);
            }
        });
        self.doc.progress = Some(WorkProgress {
            label: "Starting".into(),
            fraction: 0.0,
        });
        self.worker = Some(Worker::spawn(job, wake));
    }

    /// The session's articles changed: that is unsaved work once the session has a file or
    /// corrections (a few articles opened and looked at need no saving).
    fn sources_changed(&mut self) {
        if self.doc.file.path.is_some() || self.doc.log.can_undo() {
            self.doc.file.dirty = true;
        }
    }

    pub(super) fn handle_report(&mut self, report: Report) {
        match report {
            Report::Progress(p) => self.doc.progress = Some(p),
            Report::Skipped(skipped) => self.doc.skipped.extend(skipped),
            Report::Loaded(results) => self.add_loaded(results),
            Report::Kept(extracted) => self.extracted = Some(*extracted),
            Report::Finished(Some(analyzed)) => {
                self.doc.stale = false;
                let Analyzed { analysis, derived } = *analyzed;
                self.swap_analysis(analysis, Some(derived));
                self.worker_ended();
            }
            Report::Finished(None) => {
                self.doc.stale = true;
                self.notices
                    .push(Notice::Info("Analysis cancelled.".into()));
                self.worker_ended();
            }
        }
    }

    fn add_loaded(&mut self, results: Vec<Result<Read, LoadProblem>>) {
        let mut added = false;
        // What is open already, looked up rather than searched for each file read.
        let mut open: rustc_hash::FxHashSet<(String, String)> = self
            .doc
            .sources
            .iter()
            .filter_map(|s| s.loaded.as_ref().ok())
            .map(|a| (a.content_hash.clone(), a.path.clone()))
            .collect();
        for read in results {
            let (loaded, stored) = match read {
                Err(problem) => {
                    self.notices.push(Notice::Error(problem.reason.clone()));
                    (Err(problem), None)
                }
                Ok(Read { article, stored }) => {
                    let key = (article.content_hash.clone(), article.path.clone());
                    if !open.insert(key) {
                        self.notices
                            .push(Notice::Info(format!("{} is already open.", article.path)));
                        // Its copy went into this run's analysis; run again without it.
                        self.rerun = true;
                        continue;
                    }
                    added = true;
                    (Ok(article), Some(stored))
                }
            };
            let source_id = self.new_source_id();
            self.doc.sources.push(Source {
                source_id,
                loaded,
                included: true,
                stored,
            });
        }
        if added {
            // New articles: "Close all" can no longer be undone.
            self.doc.closed = None;
            self.sources_changed();
        }
    }

    pub(super) fn worker_ended(&mut self) {
        self.worker = None;
        self.doc.progress = None;
        if self.rerun || !self.queued.is_empty() {
            self.rerun = false;
            let queued = std::mem::take(&mut self.queued);
            self.load(queued);
        }
    }
}
