//! Arbitrary bytes through ingest → analyze. The first byte picks the format the file name
//! hints at (.txt, .html, .docx, .pdf); the rest is the file. Reading may refuse the file with
//! an error; it must never panic, and the analysis of what it reads must not either. Every
//! offset reported must lie inside the file, and on a character boundary when the file is
//! UTF-8 text or HTML.
//!
//! libFuzzer's panic hook aborts on every panic, even one the library catches on purpose
//! around a third-party PDF parser; so the target installs a hook that only records the
//! message, and aborts when a panic escapes the library.
//!
//! Run on stable from the repository root (no sanitizer there), niced, for a set time:
//! `nice -n 19 cargo fuzz run -s none -a analyze_bytes -- -max_total_time=900 -timeout=20`.
//! Keep any input it reports under `tests/fixtures/fuzz/` (replayed by
//! `tests/fuzz_regressions.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::{Mutex, Once};
use verbatim::{AnalyzeOptions, Article, analyze, ingest};

const NAMES: [&str; 4] = ["fuzz.txt", "fuzz.html", "fuzz.docx", "fuzz.pdf"];

static HOOK: Once = Once::new();
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn check_offsets(name: &str, article: &Article, bytes: &[u8]) {
    let text_like = name.ends_with(".txt") || name.ends_with(".html");
    let utf8 = std::str::from_utf8(bytes).ok().filter(|_| text_like);
    for (i, _) in article.text.char_indices() {
        let o = article.offsets.original(i);
        assert!(o <= bytes.len(), "offset {o} past the end");
        if let Some(s) = utf8 {
            assert!(s.is_char_boundary(o), "offset {o} splits a character");
        }
    }
}

fn run(name: &str, bytes: &[u8]) {
    let Ok(article) = ingest::ingest_bytes(name, bytes) else {
        return;
    };
    check_offsets(name, &article, bytes);
    let analysis = analyze(vec![article], &AnalyzeOptions::default());
    for quote in &analysis.quotes {
        assert!(quote.start <= quote.end && quote.end <= bytes.len());
    }
}

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            if let Ok(mut last) = LAST_PANIC.lock() {
                *last = info.to_string();
            }
        }))
    });
    let Some((&hint, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(hint) % NAMES.len()];
    if std::panic::catch_unwind(|| run(name, bytes)).is_err() {
        let message = LAST_PANIC.lock().map(|m| m.clone()).unwrap_or_default();
        eprintln!("panic escaped the library on {name} ({} bytes): {message}", bytes.len());
        std::process::abort();
    }
});
