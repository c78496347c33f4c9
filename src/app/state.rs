//! The app's state and the one function that changes it.
//!
//! In: [`Command`]s from the panels and [`Report`]s from the worker. Out: a [`Document`] the
//! panels read (sources, the current analysis and its summaries, selection, filters) — nothing
//! else is mutated while drawing.

use super::command::{Command, Pasted, SortKey, Tab};
use super::demo::DEMO_ARTICLES;
use super::view::Derived;
use super::worker::{Analyzed, Input, Job, Report, WorkProgress, Worker};
use crate::align;
use crate::model::{Analysis, Article, LoadProblem, Quote};
use crate::pipeline::AnalyzeOptions;
use std::path::PathBuf;
use std::sync::Arc;

/// Most recent files remembered.
const RECENT_LIMIT: usize = 10;

/// One article the user opened, read or not.
#[derive(Clone, Debug)]
pub struct Source {
    /// Stable for the session.
    pub source_id: u64,
    /// The article, or why it could not be read.
    pub loaded: Result<Article, LoadProblem>,
    /// Whether it takes part in the comparison.
    pub included: bool,
}

impl Source {
    /// The path or name it was opened as.
    pub fn path(&self) -> &str {
        match &self.loaded {
            Ok(a) => &a.path,
            Err(p) => &p.path,
        }
    }
}

/// What the panels draw; changed only by [`App::apply`] and the worker's reports.
#[derive(Default)]
pub struct Document {
    /// Every opened source, in the order opened.
    pub sources: Vec<Source>,
    /// The analysis shown.
    pub analysis: Analysis,
    /// Summaries of `analysis`.
    pub derived: Derived,
    /// Options of the next analysis (reference choices among them).
    pub options: AnalyzeOptions,
    /// Rows of `derived.rows` shown, in order.
    pub visible: Vec<usize>,
    /// The selected statement's `group_id`.
    pub selected_group: Option<String>,
    /// Where the selected statement is in `visible`, kept with it so frames need not search.
    pub selected_pos: Option<usize>,
    /// The version shown in the article view.
    pub selected_quote: Option<String>,
    /// List order.
    pub sort: SortKey,
    /// Speaker filter.
    pub speaker_filter: Option<String>,
    /// Free-text filter.
    pub text_filter: String,
    /// Whether punctuation and case differences are hidden.
    pub hide_cosmetic: bool,
    /// Detail view shown.
    pub tab: Tab,
    /// Work under way, if any.
    pub progress: Option<WorkProgress>,
    /// The analysis does not reflect the current sources (a run was cancelled).
    pub stale: bool,
    /// Files opened lately, newest first.
    pub recent: Vec<String>,
    /// Help window open.
    pub help_open: bool,
    /// Paste dialog open.
    pub paste_open: bool,
}

impl Document {
    /// The selected group.
    pub fn selected(&self) -> Option<&crate::model::Group> {
        let gi = self.derived.group_index(self.selected_group.as_deref()?)?;
        self.analysis.groups.get(gi)
    }

    /// A quotation by id.
    pub fn quote(&self, quote_id: &str) -> Option<&Quote> {
        self.derived.quote(&self.analysis, quote_id)
    }

    /// Quotations found in the source's article in the current analysis, `None` when the
    /// analysis does not hold it.
    pub fn quote_count(&self, source: &Source) -> Option<usize> {
        let article = source.loaded.as_ref().ok()?;
        let analysed = self
            .analysis
            .articles
            .iter()
            .find(|a| a.content_hash == article.content_hash && a.path == article.path)?;
        Some(self.derived.quotes_in(&analysed.article_id))
    }
}

/// A message for the user, shown as a toast by the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Something went wrong.
    Error(String),
    /// Something worth knowing.
    Info(String),
}

/// The whole app: state, background work and messages waiting to be shown.
pub struct App {
    /// What the panels draw.
    pub doc: Document,
    /// Widget-local state (text being typed, dialogs).
    pub(crate) ui_state: super::ui::UiState,
    worker: Option<Worker>,
    /// Inputs that arrived while the worker was busy.
    queued: Vec<Input>,
    /// The sources changed while the worker was busy: analyse again when it ends.
    rerun: bool,
    next_source_id: u64,
    /// Messages for the toasts, drained by the UI.
    pub(crate) notices: Vec<Notice>,
    /// Wakes the UI from the worker thread.
    repaint: Option<egui::Context>,
}

impl Default for App {
    fn default() -> Self {
        Self::new()
    }
}

impl App {
    /// An empty app.
    pub fn new() -> Self {
        Self {
            doc: Document::default(),
            ui_state: super::ui::UiState::default(),
            worker: None,
            queued: Vec::new(),
            rerun: false,
            next_source_id: 1,
            notices: Vec::new(),
            repaint: None,
        }
    }

    /// An app that starts reading `paths`, or the demo articles when there are none.
    pub fn with_paths(paths: Vec<PathBuf>) -> Self {
        let mut app = Self::new();
        if paths.is_empty() {
            app.apply(Command::OpenDemo);
        } else {
            app.apply(Command::OpenPaths(paths));
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

    /// Applies the worker's waiting reports without blocking; called once per frame.
    pub fn poll_worker(&mut self, ctx: &egui::Context) {
        if self.repaint.is_none() {
            self.repaint = Some(ctx.clone());
        }
        while let Some(report) = self.worker.as_ref().and_then(Worker::try_next) {
            self.handle_report(report);
        }
    }

    fn new_source_id(&mut self) -> u64 {
        let id = self.next_source_id;
        self.next_source_id += 1;
        id
    }

    /// Files opened lately, newest first (persisted by the window).
    pub fn recent_files(&self) -> &[String] {
        &self.doc.recent
    }

    /// Restores the recent-files list.
    pub fn set_recent_files(&mut self, recent: Vec<String>) {
        self.doc.recent = recent;
        self.doc.recent.truncate(RECENT_LIMIT);
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::ShowOpenDialog => self.ui_state.open_dialog(),
            Command::OpenPaths(paths) => {
                for path in &paths {
                    self.remember(path.display().to_string());
                }
                self.load(paths.into_iter().map(Input::Path).collect());
            }
            Command::OpenDemo => self.load(demo_inputs()),
            Command::AddPasted(pasted) => self.add_pasted(pasted),
            Command::Cancel => {
                if let Some(worker) = &self.worker {
                    worker.cancel();
                }
                self.queued.clear();
                self.rerun = false;
            }
            Command::Reanalyze => self.load(Vec::new()),
            Command::RemoveSource(id) => {
                self.doc.sources.retain(|s| s.source_id != id);
                self.load(Vec::new());
            }
            Command::SetIncluded(id, included) => {
                if let Some(s) = self.doc.sources.iter_mut().find(|s| s.source_id == id) {
                    s.included = included;
                }
                self.load(Vec::new());
            }
            Command::CloseAll => {
                self.apply(Command::Cancel);
                self.doc.sources.clear();
                self.doc.options.reference_quotes.clear();
                self.swap_analysis(Analysis::default(), None);
            }
            Command::SelectGroup(group_id) => self.select_group(Some(group_id)),
            Command::MoveSelection(step) => self.move_selection(step),
            Command::ShowInArticle(quote_id) => {
                self.doc.selected_quote = Some(quote_id);
                self.doc.tab = Tab::Article;
                self.ui_state.scroll_article = true;
            }
            Command::SetReference(quote_id) => self.set_reference(&quote_id),
            Command::SetSort(sort) => {
                self.doc.sort = sort;
                self.refilter();
            }
            Command::SetSpeakerFilter(speaker) => {
                self.doc.speaker_filter = speaker;
                self.refilter();
            }
            Command::SetTextFilter(text) => {
                self.doc.text_filter = text;
                self.refilter();
            }
            Command::FocusFilter => self.ui_state.focus_filter = true,
            Command::SetHideCosmetic(hide) => self.doc.hide_cosmetic = hide,
            Command::SetTab(tab) => self.doc.tab = tab,
            Command::ShowHelp(open) => self.doc.help_open = open,
            Command::ShowPasteDialog(open) => self.doc.paste_open = open,
        }
    }

    fn add_pasted(&mut self, pasted: Pasted) {
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

    /// Reads `inputs` (if any) and analyses every included article again.
    fn load(&mut self, inputs: Vec<Input>) {
        if self.worker.is_some() {
            self.queued.extend(inputs);
            self.rerun = true;
            return;
        }
        let job = Job {
            inputs,
            articles: self.included_articles(),
            options: self.doc.options.clone(),
        };
        let repaint = self.repaint.clone();
        let wake = Box::new(move || {
            if let Some(ctx) = &repaint {
                ctx.request_repaint();
            }
        });
        self.doc.progress = Some(WorkProgress {
            label: "Starting".into(),
            fraction: 0.0,
        });
        self.worker = Some(Worker::spawn(job, wake));
    }

    fn included_articles(&self) -> Vec<Article> {
        self.doc
            .sources
            .iter()
            .filter(|s| s.included)
            .filter_map(|s| s.loaded.as_ref().ok().cloned())
            .collect()
    }

    fn handle_report(&mut self, report: Report) {
        match report {
            Report::Progress(p) => self.doc.progress = Some(p),
            Report::Loaded(results) => self.add_loaded(results),
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

    fn add_loaded(&mut self, results: Vec<Result<Article, LoadProblem>>) {
        for loaded in results {
            match &loaded {
                Err(problem) => self.notices.push(Notice::Error(problem.reason.clone())),
                Ok(article) => {
                    let duplicate = self.doc.sources.iter().any(|s| {
                        s.loaded.as_ref().is_ok_and(|a| {
                            a.content_hash == article.content_hash && a.path == article.path
                        })
                    });
                    if duplicate {
                        self.notices
                            .push(Notice::Info(format!("{} is already open.", article.path)));
                        // Its copy went into this run's analysis; run again without it.
                        self.rerun = true;
                        continue;
                    }
                }
            }
            let source_id = self.new_source_id();
            self.doc.sources.push(Source {
                source_id,
                loaded,
                included: true,
            });
        }
    }

    fn worker_ended(&mut self) {
        self.worker = None;
        self.doc.progress = None;
        if self.rerun || !self.queued.is_empty() {
            self.rerun = false;
            let queued = std::mem::take(&mut self.queued);
            self.load(queued);
        }
    }

    /// Shows `analysis`, keeping the selected statement when it is still there.
    fn swap_analysis(&mut self, analysis: Analysis, derived: Option<Derived>) {
        let previous = self.doc.selected().map(|g| g.reference.clone());
        let keep = previous.and_then(|quote_id| {
            let q = self.doc.quote(&quote_id)?;
            let article = self.doc.analysis.article(&q.article_id)?;
            Some(q.key(article))
        });
        self.doc.derived = derived.unwrap_or_else(|| Derived::new(&analysis));
        self.doc.analysis = analysis;
        let reselect = keep.and_then(|key| {
            let analysis = &self.doc.analysis;
            let quote = analysis.quotes.iter().find(|q| {
                analysis
                    .article(&q.article_id)
                    .is_some_and(|a| q.key(a) == key)
            })?;
            let gi = self.doc.derived.group_of_quote(&quote.quote_id)?;
            analysis.groups.get(gi).map(|g| g.group_id.clone())
        });
        self.doc.selected_quote = None;
        self.refilter();
        self.select_group(reselect.or_else(|| self.first_visible_group()));
    }

    fn first_visible_group(&self) -> Option<String> {
        let row = self.doc.visible.first()?;
        self.doc.derived.rows.get(*row).map(|r| r.group_id.clone())
    }

    fn refilter(&mut self) {
        let d = &self.doc;
        self.doc.visible =
            d.derived
                .visible_rows(d.sort, d.speaker_filter.as_deref(), &d.text_filter);
        self.locate_selection();
    }

    fn select_group(&mut self, group_id: Option<String>) {
        if group_id != self.doc.selected_group {
            self.doc.selected_quote = None;
            if self.doc.tab == Tab::Article {
                self.doc.tab = Tab::Comparison;
            }
        }
        self.doc.selected_group = group_id;
        self.locate_selection();
    }

    fn locate_selection(&mut self) {
        let doc = &self.doc;
        self.doc.selected_pos = doc.selected_group.as_ref().and_then(|id| {
            doc.visible.iter().position(|&r| {
                doc.derived
                    .rows
                    .get(r)
                    .is_some_and(|row| row.group_id == *id)
            })
        });
    }

    fn move_selection(&mut self, step: i32) {
        let doc = &self.doc;
        let current = doc.selected_pos;
        let last = doc.visible.len().saturating_sub(1);
        let next = match current {
            Some(pos) if step < 0 => pos.saturating_sub(step.unsigned_abs() as usize),
            Some(pos) => (pos + step as usize).min(last),
            None => 0,
        };
        let group_id = doc
            .visible
            .get(next)
            .and_then(|&r| doc.derived.rows.get(r))
            .map(|row| row.group_id.clone());
        if group_id.is_some() {
            self.ui_state.scroll_list = true;
            self.select_group(group_id);
        }
    }

    /// Makes `quote_id` its group's reference now, and in every later analysis.
    fn set_reference(&mut self, quote_id: &str) {
        let doc = &self.doc;
        let Some(gi) = doc.derived.group_of_quote(quote_id) else {
            return;
        };
        let Some(group) = doc.analysis.groups.get(gi) else {
            return;
        };
        let members: Vec<&Quote> = group
            .members
            .iter()
            .filter_map(|m| doc.quote(&m.quote_id))
            .collect();
        let keys: Vec<_> = members
            .iter()
            .filter_map(|q| Some(q.key(doc.analysis.article(&q.article_id)?)))
            .collect();
        let Some(position) = members.iter().position(|q| q.quote_id == quote_id) else {
            return;
        };
        let rebuilt = align::build_group(
            group.group_id.clone(),
            &members,
            Some(position),
            &doc.options.align,
        );
        let new_key = keys.get(position).cloned();
        let options = &mut self.doc.options;
        options.reference_quotes.retain(|k| !keys.contains(k));
        options.reference_quotes.extend(new_key);
        if let Some(slot) = self.doc.analysis.groups.get_mut(gi) {
            *slot = rebuilt;
        }
        // Same groups, same ids: only the summaries change, the selection stays.
        self.doc.derived = Derived::new(&self.doc.analysis);
        self.refilter();
    }
}

/// The demo articles as inputs.
fn demo_inputs() -> Vec<Input> {
    DEMO_ARTICLES
        .iter()
        .map(|(name, bytes)| Input::Bytes {
            name: (*name).to_string(),
            bytes: Arc::from(*bytes),
        })
        .collect()
}
