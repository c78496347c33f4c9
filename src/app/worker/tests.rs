//! The worker: reading, folders, cancellation in every stage, wake-ups, the kept state.
#![allow(clippy::unwrap_used)]
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
    let (delays, asked) = std::sync::mpsc::channel();
    let worker = Worker::spawn(
        Job {
            inputs,
            ..Job::default()
        },
        Box::new(move |within| {
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = delays.send(within);
        }),
    );
    let mut reports = Vec::new();
    let mut loaded = Vec::new();
    while let Some(report) = worker.next_blocking() {
        reports.push(redraw_within(&report));
        if let Report::Loaded(l) = report {
            loaded = l;
        }
    }
    assert!(reports.len() >= 3, "progress, loaded and finished");
    assert_eq!(wakes.load(Ordering::SeqCst), reports.len());
    // Each wake asked for the redraw its report wants: progress may wait, the end may not.
    let asked: Vec<Duration> = asked.try_iter().collect();
    assert_eq!(asked, reports);
    assert_eq!(asked.first(), Some(&PROGRESS_REDRAW));
    assert_eq!(asked.last(), Some(&Duration::ZERO));
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
    assert!(matches!(
        reports.as_slice(),
        [Report::Kept(_), Report::Finished(None)]
    ));
}

/// Inputs of invented articles, two about one ferry.
fn ferry_inputs() -> Vec<Input> {
    let texts = [
        "Ferry\n\n\u{201c}The ferry to Kellam will sail again in March,\u{201d} Ana Ruiz said.",
        "Kellam ferry\n\n\u{201c}The ferry to Kellam will sail in March,\u{201d} said Ana Ruiz.",
        "Roof\n\n\u{201c}We will mend the school roof before the frost,\u{201d} Piet Varga said.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Input::Bytes {
            name: format!("{i}.txt"),
            bytes: Arc::from(t.as_bytes()),
        })
        .collect()
}

/// The reports of `job`, cancelled at the first progress report whose label starts with
/// `stage`.
fn cancelled_at(job: Job, stage: &str) -> Vec<Report> {
    let flag = AtomicBool::new(false);
    let mut out = Vec::new();
    run_job(job, &flag, &mut |r| {
        if let Report::Progress(p) = &r
            && p.label.starts_with(stage)
        {
            flag.store(true, Ordering::Relaxed);
        }
        out.push(r);
    });
    out
}

fn kept(reports: &[Report]) -> Option<&Extracted> {
    reports.iter().find_map(|r| match r {
        Report::Kept(e) => Some(e.as_ref()),
        _ => None,
    })
}

#[test]
fn cancelling_while_reading_reads_nothing_in() {
    let job = Job {
        inputs: ferry_inputs(),
        ..Job::default()
    };
    let reports = cancelled_at(job, "Reading");
    assert!(!reports.iter().any(|r| matches!(r, Report::Loaded(_))));
    assert_eq!(kept(&reports).map(|e| e.articles().len()), Some(0));
    assert!(matches!(reports.last(), Some(Report::Finished(None))));
}

#[test]
fn cancelling_in_each_stage_of_the_analysis_finishes_with_nothing() {
    for stage in ["Finding quotations", "Grouping", "Aligning"] {
        let job = Job {
            inputs: ferry_inputs(),
            ..Job::default()
        };
        let reports = cancelled_at(job, stage);
        assert!(
            reports.iter().any(|r| matches!(r, Report::Loaded(_))),
            "{stage}"
        );
        assert!(
            matches!(reports.last(), Some(Report::Finished(None))),
            "{stage}"
        );
        // Cancelled while extracting, nothing was added; later, the articles are held.
        let held = if stage == "Finding quotations" { 0 } else { 3 };
        assert_eq!(
            kept(&reports).map(|e| e.articles().len()),
            Some(held),
            "{stage}"
        );
    }
}

#[test]
fn a_folder_gives_the_files_verbatim_reads_and_says_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nSome words.").unwrap();
    std::fs::write(dir.path().join("expected.json"), "{}").unwrap();
    let job = Job {
        inputs: vec![Input::Folder(dir.path().to_path_buf())],
        ..Job::default()
    };
    let reports = collect(job, false);
    let skipped: Vec<&Skipped> = reports
        .iter()
        .filter_map(|r| match r {
            Report::Skipped(s) => Some(s),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].path.ends_with("expected.json"));
    assert_eq!(skipped[0].reason, "not a format Verbatim reads (.json)");
    let loaded = reports.iter().find_map(|r| match r {
        Report::Loaded(l) => Some(l.len()),
        _ => None,
    });
    assert_eq!(loaded, Some(1));
}

#[test]
fn a_job_given_the_kept_state_adds_to_it_and_equals_a_full_analysis() {
    let mut inputs = ferry_inputs();
    let late = inputs.pop().unwrap();
    let first = collect(
        Job {
            inputs,
            ..Job::default()
        },
        false,
    );
    let extracted = kept(&first).cloned();
    assert_eq!(extracted.as_ref().map(|e| e.articles().len()), Some(2));
    let second = collect(
        Job {
            inputs: vec![late],
            extracted,
            ..Job::default()
        },
        false,
    );
    let Some(Report::Finished(Some(analyzed))) = second.last() else {
        panic!("the second job finished");
    };
    let articles = kept(&second).unwrap().articles().to_vec();
    assert_eq!(articles.len(), 3);
    let full = crate::analyze(articles, &AnalyzeOptions::default());
    assert_eq!(analyzed.analysis, full);
}

#[test]
fn counts_are_written_with_thousands_separators() {
    let written: Vec<String> = [0, 999, 1000, 10_000, 1_234_567].map(count).to_vec();
    assert_eq!(written, ["0", "999", "1,000", "10,000", "1,234,567"]);
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
