//! `analyze` on generated coverage (the project's own seeded generator in
//! `tests/support/news.rs`): 250 and 1,000 articles, read once up front, so the ratio shows how
//! the whole analysis grows with the corpus.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/support/news.rs"]
mod news;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use verbatim::{AnalyzeOptions, analyze, ingest};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze generated coverage");
    group.sample_size(10);
    for articles in [250, 1000] {
        let read: Vec<verbatim::Article> = news::coverage(articles, 1)
            .iter()
            .map(|(name, text)| ingest::ingest_bytes(name, text.as_bytes()).unwrap())
            .collect();
        group.bench_with_input(BenchmarkId::from_parameter(articles), &read, |b, read| {
            b.iter(|| analyze(black_box(read.clone()), &AnalyzeOptions::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
