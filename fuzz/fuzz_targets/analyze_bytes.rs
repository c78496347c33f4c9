//! Arbitrary bytes through ingest → analyze. The first byte picks the format the file name
//! hints at (.txt, .html, .docx, .pdf); the rest is the file. Reading may refuse the file with
//! an error; it must never panic, and the analysis of what it reads must not either.
//!
//! libFuzzer's panic hook aborts on every panic, even one the library catches on purpose
//! around a third-party reader; so the target installs a quiet hook and aborts only when a
//! panic escapes the library.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Once;
use verbatim::{AnalyzeOptions, analyze, ingest};

const NAMES: [&str; 4] = ["fuzz.txt", "fuzz.html", "fuzz.docx", "fuzz.pdf"];

static QUIET_HOOK: Once = Once::new();

fn run(name: &str, bytes: &[u8]) {
    if let Ok(article) = ingest::ingest_bytes(name, bytes) {
        let analysis = analyze(vec![article], &AnalyzeOptions::default());
        for quote in &analysis.quotes {
            assert!(quote.start <= quote.end && quote.end <= bytes.len());
        }
    }
}

fuzz_target!(|data: &[u8]| {
    QUIET_HOOK.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let Some((&hint, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(hint) % NAMES.len()];
    if std::panic::catch_unwind(|| run(name, bytes)).is_err() {
        eprintln!("panic escaped the library on {name} ({} bytes)", bytes.len());
        std::process::abort();
    }
});
