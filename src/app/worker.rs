//! Loading and analysis off the UI thread.
//!
//! In: a [`Job`] (new inputs to read, the articles already loaded, the analysis options).
//! Out: [`Report`]s on a channel — progress, the newly read articles or why each failed, then
//! the finished analysis (or `None` when cancelled). [`run_job`] is the same work done in the
//! caller's thread, used by the worker and by anything that wants to wait.

use super::view::Derived;
use crate::ingest;
use crate::model::{Analysis, Article, LoadProblem};
use crate::pipeline::{self, AnalyzeOptions, Stage};
use crate::workspace::StoredArticle;
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

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
}

/// Inputs read in parallel between two progress reports.
const READ_CHUNK: usize = 32;

/// One unit of background work.
#[derive(Clone, Debug, Default)]
pub struct Job {
    /// Inputs to read, in order.
    pub inputs: Vec<Input>,
    /// Articles already loaded and included, analysed together with the new ones.
    pub articles: Vec<Article>,
    /// How to analyse.
    pub options: AnalyzeOptions,
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
    /// The job's inputs were read: an article (with its original bytes, for saving) or a
    /// problem for each, in input order.
    Loaded(Vec<Result<Read, LoadProblem>>),
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

/// A job running on its own thread.
pub struct Worker {
    reports: Receiver<Report>,
    cancel: Arc<AtomicBool>,
}

impl Worker {
    /// Starts `job` on a new thread; `wake` is called after each report (to repaint).
    pub fn spawn(job: Job, wake: Box<dyn Fn() + Send>) -> Self {
        let (send, reports) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let fallback = send.clone();
        let spawned = std::thread::Builder::new()
            .name("verbatim-analysis".into())
            .spawn(move || {
                run_job(job, &flag, &mut |report| {
                    // The UI may have gone away; nothing to do then.
                    let _ = Sender::send(&send, report);
                    wake();
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
    } = job;
    let total = inputs.len();
    let mut loaded = Vec::with_capacity(total);
    // Read on every core, a chunk at a time between progress reports; order is kept.
    for chunk in inputs.chunks(READ_CHUNK) {
        if cancel.load(Ordering::Relaxed) {
            report(Report::Finished(None));
            return;
        }
        let done = loaded.len();
        report(Report::Progress(WorkProgress {
            label: format!("Reading {} of {total}", done + 1),
            fraction: done as f32 / total.max(1) as f32,
        }));
        loaded.par_extend(chunk.par_iter().cloned().map(read_input));
    }
    articles.extend(
        loaded
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|r| r.article.clone()),
    );
    if !loaded.is_empty() {
        report(Report::Loaded(loaded));
    }
    let analysis = pipeline::analyze_with_progress(articles, &options, &mut |p| {
        report(Report::Progress(analysis_progress(p)));
        !cancel.load(Ordering::Relaxed)
    });
    let analyzed = analysis.map(|analysis| {
        report(Report::Progress(WorkProgress {
            label: "Preparing the list".into(),
            fraction: 1.0,
        }));
        Box::new(Analyzed {
            derived: Derived::new(&analysis),
            analysis,
        })
    });
    report(Report::Finished(analyzed));
}

/// A pipeline progress step as a bar label and fraction (the three stages share the bar).
fn analysis_progress(p: pipeline::Progress) -> WorkProgress {
    let (label, stage_index) = match p.stage {
        Stage::Extracting => ("Finding quotations", 0.0),
        Stage::Grouping => ("Grouping statements", 1.0),
        Stage::Aligning => ("Aligning versions", 2.0),
    };
    let within = p.done as f32 / p.total.max(1) as f32;
    WorkProgress {
        label: format!("{label} ({} of {})", p.done, p.total),
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
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::SourceFormat;

    fn collect(job: Job, cancel: bool) -> Vec<Report> {
        let flag = AtomicBool::new(cancel);
        let mut out = Vec::new();
        run_job(job, &flag, &mut |r| out.push(r));
        out
    }

    #[test]
    fn a_missing_file_is_a_problem_not_a_failure() {
        let job = Job {
            inputs: vec![
                Input::Path("/nonexistent/verbatim/a.txt".into()),
                Input::Bytes {
                    name: "b.txt".into(),
                    bytes: Arc::from(&b"Title\n\nSome words."[..]),
                },
            ],
            ..Job::default()
        };
        let reports = collect(job, false);
        let loaded = reports.iter().find_map(|r| match r {
            Report::Loaded(l) => Some(l),
            _ => None,
        });
        let loaded = loaded.unwrap();
        assert!(loaded[0].as_ref().unwrap_err().reason.contains("a.txt"));
        assert_eq!(
            loaded[1].as_ref().unwrap().stored.bytes,
            b"Title\n\nSome words."
        );
        assert!(loaded[1].is_ok());
        assert!(matches!(reports.last(), Some(Report::Finished(Some(_)))));
    }

    #[test]
    fn the_worker_wakes_the_window_after_every_report() {
        let inputs = (0..40)
            .map(|i| Input::Bytes {
                name: format!("{i}.txt"),
                bytes: Arc::from(format!("Title {i}\n\nWords number {i}.").as_bytes()),
            })
            .collect();
        let wakes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let worker = Worker::spawn(
            Job {
                inputs,
                ..Job::default()
            },
            Box::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        );
        let mut reports = 0;
        let mut loaded = Vec::new();
        while let Some(report) = worker.next_blocking() {
            reports += 1;
            if let Report::Loaded(l) = report {
                loaded = l;
            }
        }
        assert!(reports >= 3, "progress, loaded and finished");
        assert_eq!(wakes.load(Ordering::SeqCst), reports);
        let names: Vec<String> = loaded
            .iter()
            .map(|r| r.as_ref().unwrap().article.path.clone())
            .collect();
        let expected: Vec<String> = (0..40).map(|i| format!("{i}.txt")).collect();
        assert_eq!(names, expected, "read in parallel, kept in input order");
    }

    #[test]
    fn a_cancelled_job_finishes_with_nothing() {
        let job = Job {
            inputs: vec![Input::Bytes {
                name: "b.txt".into(),
                bytes: Arc::from(&b"Some words."[..]),
            }],
            ..Job::default()
        };
        let reports = collect(job, true);
        assert!(matches!(reports.as_slice(), [Report::Finished(None)]));
    }

    #[test]
    fn pasted_text_keeps_its_title_and_outlet() {
        let article = read_input(Input::Pasted(crate::app::command::Pasted {
            title: "Council vote".into(),
            outlet: "The Valley Post".into(),
            text: "First line\n\nSecond paragraph.".into(),
        }))
        .unwrap()
        .article;
        assert_eq!(article.title, "Council vote");
        assert_eq!(article.meta.outlet.as_deref(), Some("The Valley Post"));
        assert_eq!(article.format, SourceFormat::Pasted);
    }
}
