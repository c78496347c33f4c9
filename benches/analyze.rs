//! `analyze` on the project's fixture articles and the demo corpus, read once up front.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use verbatim::{AnalyzeOptions, analyze, ingest};

fn articles(dir: &str) -> Vec<verbatim::Article> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| ingest::load_path(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let fixtures = articles("tests/fixtures/corpus");
    let demo = articles("assets/demo");
    c.bench_function("analyze fixture corpus", |b| {
        b.iter(|| analyze(black_box(fixtures.clone()), &AnalyzeOptions::default()))
    });
    c.bench_function("analyze demo corpus", |b| {
        b.iter(|| analyze(black_box(demo.clone()), &AnalyzeOptions::default()))
    });
    let ingest_input: Vec<(String, Vec<u8>)> = std::fs::read_dir("tests/fixtures/corpus")
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
                .filter_map(|e| {
                    Some((
                        e.path().display().to_string(),
                        std::fs::read(e.path()).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    c.bench_function("ingest fixture corpus", |b| {
        b.iter(|| {
            for (path, bytes) in &ingest_input {
                let _ = black_box(ingest::ingest_bytes(path, bytes));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
