//! Adding one article to an analysis of 10,000 (the project's own seeded generator in
//! `tests/support/news.rs`): the engine's incremental analysis, and with the window the whole
//! job the window runs for a file opened or dropped (reading it, the analysis, the statements
//! list's summaries). Each sample starts from a copy of the state kept after 10,000 articles;
//! what a sample hands back (the new state and analysis) is freed outside the measurement, as
//! the window keeps them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/news.rs"]
mod news;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use verbatim::pipeline::Extracted;
use verbatim::{AnalyzeOptions, Article, ingest};

/// Articles loaded before the one added.
const LOADED: usize = 10_000;

/// `LOADED + 1` generated articles: the last is added.
fn coverage() -> (Vec<Article>, Article, String) {
    let mut files = news::coverage(LOADED + 1, 1);
    let (name, text) = files.pop().unwrap();
    let read = files
        .iter()
        .map(|(name, text)| ingest::ingest_bytes(name, text.as_bytes()).unwrap())
        .collect();
    let late = ingest::ingest_bytes(&name, text.as_bytes()).unwrap();
    (read, late, text)
}

fn bench(c: &mut Criterion) {
    let (articles, late, text) = coverage();
    let options = AnalyzeOptions::default();
    let mut loaded = Extracted::new(articles);
    let analysis = loaded.analyze(&options);
    assert_eq!(analysis.articles.len(), LOADED);
    let mut group = c.benchmark_group("add one article to 10,000");
    group.sample_size(10);
    group.bench_function("engine", |b| {
        b.iter_batched(
            || loaded.clone(),
            // The state and the analysis are handed back, so freeing them is not measured:
            // the window keeps the one and shows the other.
            |mut state| {
                state.add(late.clone());
                let analysis = state.analyze(&options);
                (state, analysis)
            },
            BatchSize::LargeInput,
        )
    });
    #[cfg(feature = "gui")]
    group.bench_function("window job", |b| {
        use std::sync::atomic::AtomicBool;
        use verbatim::app::worker::{Input, Job, Report, run_job};
        let bytes: std::sync::Arc<[u8]> = std::sync::Arc::from(text.as_bytes());
        b.iter_batched(
            || Job {
                inputs: vec![Input::Bytes {
                    name: "added.txt".into(),
                    bytes: bytes.clone(),
                }],
                articles: Vec::new(),
                options: options.clone(),
                extracted: Some(loaded.clone()),
            },
            |job| {
                let mut reports = Vec::new();
                run_job(job, &AtomicBool::new(false), &mut |r| reports.push(r));
                assert!((reports.iter()).any(|r| matches!(r, Report::Finished(Some(_)))));
                reports
            },
            BatchSize::LargeInput,
        )
    });
    #[cfg(not(feature = "gui"))]
    let _ = text;
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
