//! Loading and analysis off the UI thread.
//!
//! In: a [`Job`] (new inputs to read, folders among them, the articles to add to those the
//! kept incremental state already holds, the analysis options). Out: [`Report`]s on a channel —
//! what the folders left out, progress with counts, the newly read articles or why each failed,
//! the incremental state to keep, then the finished analysis (or `None` when cancelled). Every
//! stage checks for cancellation between chunks. [`run_job`] is the same work done in the
//! caller's thread, used by the worker and by anything that wants to wait.
//!
//! Adding articles to an analysis extracts only the added ones
//! ([`crate::pipeline::Extracted`]); the caller hands the state back when the articles it
//! holds are still the first of those included, and otherwise (an article closed, excluded
//! or put back) the job starts from no state and analyses every article again.

use super::view::Derived;
use crate::folder::Skipped;
use crate::ingest;
use crate::model::{Analysis, Article, LoadProblem};
use crate::pipeline::{self, AnalyzeOptions, Extracted, Stage};
use crate::workspace::StoredArticle;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// Something to read into an article.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Bytes with the name they came under (demo articles, dropped files without a path).
    Bytes {
        /// File name shown as the article's path.
        name: String,
        /// The original bytes.
        bytes: Arc<[u8]>,
    },
    /// Text pasted by the user.
    Pasted(super::command::Pasted),
    /// A web page to fetch (only when the user asks for it).
    Url(String),
    /// A folder: the files in it Verbatim reads, at any depth (see [`crate::folder`]).
    Folder(PathBuf),
}

/// Inputs read in parallel between two progress reports.
const READ_CHUNK: usize = 32;

/// One unit of background work.
#[derive(Clone, Debug, Default)]
pub struct Job {
    /// Inputs to read, in order.
    pub inputs: Vec<Input>,
    /// Articles already loaded and included that `extracted` does not hold yet, analysed
    /// together with those it holds and the new ones.
    pub articles: Vec<Article>,
    /// How to analyse.
    pub options: AnalyzeOptions,
    /// The incremental state of the last analysis, when the articles it holds are the first
    /// of those included.
    pub extracted: Option<Extracted>,
}

/// How far a job has come, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkProgress {
    /// What it is doing, for a person.
    pub label: String,
    /// Between 0 and 1.
    pub fraction: f32,
}

/// What the worker tells the UI.
#[derive(Debug)]
pub enum Report {
    /// Still working.
    Progress(WorkProgress),
    /// What the job's folders left out, and why.
    Skipped(Vec<Skipped>),
    /// The job's inputs were read: an article (with its original bytes, for saving) or a
    /// problem for each, in input order.
    Loaded(Vec<Result<Read, LoadProblem>>),
    /// The incremental state to keep for the next job (sent before `Finished`, cancelled or
    /// not; it holds what was extracted).
    Kept(Box<Extracted>),
    /// The analysis of all included articles, or `None` when cancelled.
    Finished(Option<Box<Analyzed>>),
}

/// An input read: the article and what a workspace stores of it.
#[derive(Clone, Debug)]
pub struct Read {
    /// The cleaned article.
    pub article: Article,
    /// The original bytes with their path and time loaded.
    pub stored: StoredArticle,
}

/// A finished analysis with its summaries, built off the UI thread too.
#[derive(Debug)]
pub struct Analyzed {
    /// What the engine found.
    pub analysis: Analysis,
    /// The summaries the panels draw.
    pub derived: Derived,
}

/// How soon the window redraws after a progress report: reports close together make one
/// frame, so a long job does not spend the cores on drawing (a window without a GPU draws in
/// software, about a core's worth at ten frames a second).
pub const PROGRESS_REDRAW: Duration = Duration::from_millis(400);

/// How soon the window should redraw after `report`: progress within [`PROGRESS_REDRAW`],
/// what changes the window's content (articles read, a finished analysis) at once.
pub fn redraw_within(report: &Report) -> Duration {
    match report {
        Report::Progress(_) | Report::Kept(_) => PROGRESS_REDRAW,
        Report::Skipped(_) | Report::Loaded(_) | Report::Finished(_) => Duration::ZERO,
    }
}

/// A job running on its own thread.
pub struct Worker {
    reports: Receiver<Report>,
    cancel: Arc<AtomicBool>,
}

impl Worker {
    /// Starts `job` on a new thread; `wake` is called after each report with how soon the
    /// window should redraw for it ([`redraw_within`]).
    pub fn spawn(job: Job, wake: Box<dyn Fn(Duration) + Send>) -> Self {
        let (send, reports) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let fallback = send.clone();
        let spawned = std::thread::Builder::new()
            .name("verbatim-analysis".into())
            .spawn(move || {
                run_job(job, &flag, &mut |report| {
                    let within = redraw_within(&report);
                    // The UI may have gone away; nothing to do then.
                    let _ = Sender::send(&send, report);
                    wake(within);
                });
            });
        if spawned.is_err() {
            // No thread could be started: the job ends at once, as if cancelled.
            let _ = fallback.send(Report::Finished(None));
        }
        Self { reports, cancel }
    }

    /// Asks the job to stop at its next checkpoint.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The next report if one is waiting.
    pub fn try_next(&self) -> Option<Report> {
        self.reports.try_recv().ok()
    }

    /// The next report, waiting for it; `None` when the thread has ended.
    pub fn next_blocking(&self) -> Option<Report> {
        self.reports.recv().ok()
    }
}

/// Reads every input of `job`, then analyses all articles, reporting as it goes.
pub fn run_job(job: Job, cancel: &AtomicBool, report: &mut dyn FnMut(Report)) {
    let Job {
        inputs,
        mut articles,
        options,
        extracted,
    } = job;
    let mut extracted = extracted.unwrap_or_default();
    let analysis = list_and_read(inputs, cancel, report).and_then(|loaded| {
        articles.extend(
            loaded
                .iter()
                .filter_map(|r| r.as_ref().ok())
                .map(|r| r.article.clone()),
        );
        if !loaded.is_empty() {
            report(Report::Loaded(loaded));
        }
        let mut progress = |p| {
            report(Report::Progress(analysis_progress(p)));
            !cancel.load(Ordering::Relaxed)
        };
        extracted.extend_with_progress(articles, &mut progress)?;
        extracted.analyze_with_progress(&options, &mut progress)
    });
    let stories = analysis.as_ref().map(|_| extracted.stories());
    report(Report::Kept(Box::new(extracted)));
    let analyzed = analysis.zip(stories).map(|(analysis, stories)| {
        report(Report::Progress(WorkProgress {
            label: format!(
                "Preparing the list of {} statements",
                count(analysis.groups.len())
            ),
            fraction: 1.0,
        }));
        Box::new(Analyzed {
            derived: Derived::with_stories(&analysis, stories),
            analysis,
        })
    });
    report(Report::Finished(analyzed));
}

/// Lists the folders among `inputs` and reads every input, reporting progress with counts;
/// `None` when cancelled.
fn list_and_read(
    inputs: Vec<Input>,
    cancel: &AtomicBool,
    report: &mut dyn FnMut(Report),
) -> Option<Vec<Result<Read, LoadProblem>>> {
    let inputs = list_folders(inputs, cancel, report)?;
    let total = inputs.len();
    let mut loaded = Vec::with_capacity(total);
    // Read on every core, a chunk at a time between progress reports; order is kept.
    for chunk in inputs.chunks(READ_CHUNK) {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let done = loaded.len();
        report(Report::Progress(WorkProgress {
            label: format!("Reading {} of {}", count(done + 1), count(total)),
            fraction: done as f32 / total.max(1) as f32,
        }));
        loaded.par_extend(chunk.par_iter().cloned().map(read_input));
    }
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    Some(loaded)
}

/// Replaces each folder among `inputs` by the files in it Verbatim reads, and reports what
/// the folders left out; `None` when cancelled.
fn list_folders(
    inputs: Vec<Input>,
    cancel: &AtomicBool,
    report: &mut dyn FnMut(Report),
) -> Option<Vec<Input>> {
    let mut out = Vec::with_capacity(inputs.len());
    let mut skipped = Vec::new();
    for input in inputs {
        let Input::Folder(dir) = input else {
            out.push(input);
            continue;
        };
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        report(Report::Progress(WorkProgress {
            label: format!("Listing the files in {}", dir.display()),
            fraction: 0.0,
        }));
        match crate::folder::list(&dir) {
            Ok(listing) => {
                out.extend(listing.files.into_iter().map(Input::Path));
                skipped.extend(listing.skipped);
            }
            Err(e) => skipped.push(Skipped {
                reason: format!("cannot read the folder: {e}"),
                path: dir,
            }),
        }
    }
    if !skipped.is_empty() {
        report(Report::Skipped(skipped));
    }
    Some(out)
}

/// A count as people write it: 10,000.
pub(crate) fn count(n: usize) -> String {
    crate::view::summary::thousands(n)
}

/// A pipeline progress step as a bar label and fraction (the three stages share the bar).
fn analysis_progress(p: pipeline::Progress) -> WorkProgress {
    let (label, stage_index) = match p.stage {
        Stage::Extracting => ("Finding quotations", 0.0),
        Stage::Grouping => ("Grouping statements", 1.0),
        Stage::Aligning => ("Aligning versions", 2.0),
    };
    let within = p.done as f32 / p.total.max(1) as f32;
    // A stage done in one step has no count worth showing.
    let label = if p.total > 1 {
        format!("{label} ({} of {})", count(p.done), count(p.total))
    } else {
        label.to_string()
    };
    WorkProgress {
        label,
        fraction: ((stage_index + within) / 3.0).clamp(0.0, 1.0),
    }
}

/// Reads one input into an article, or says why it could not.
pub fn read_input(input: Input) -> Result<Read, LoadProblem> {
    let problem = |e: ingest::IngestError| LoadProblem {
        path: e.path().to_string(),
        reason: e.to_string(),
    };
    let input = match input {
        Input::Path(path) => ingest::Input::Path(path),
        Input::Bytes { name, bytes } => ingest::Input::Bytes {
            name,
            bytes: bytes.to_vec(),
        },
        Input::Url(url) => ingest::Input::Url(url),
        // Folders are listed before reading; one named here is read as a path, which says
        // what is wrong with it.
        Input::Folder(path) => ingest::Input::Path(path),
        Input::Pasted(pasted) => ingest::Input::Pasted {
            title: pasted.title,
            outlet: pasted.outlet,
            text: pasted.text,
        },
    };
    let (stored, article) = StoredArticle::read(&input).map_err(problem)?;
    Ok(Read { article, stored })
}

#[cfg(test)]
mod tests;
