//! Inputs the fuzzer (`fuzz/`, target `analyze_bytes`) found or started from, kept so what it
//! found stays fixed. Each file in `tests/fixtures/fuzz/` is in the target's format: the first
//! byte picks the file name (.txt, .html, .docx, .pdf), the rest is the file. Each must finish
//! within a bound, without a panic, with every offset inside the file (and on a character
//! boundary when the file is UTF-8 text or HTML).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::sync::mpsc;
use std::time::Duration;
use verbatim::ingest::ingest_bytes;
use verbatim::{AnalyzeOptions, analyze};

const NAMES: [&str; 4] = ["fuzz.txt", "fuzz.html", "fuzz.docx", "fuzz.pdf"];
const BOUND: Duration = Duration::from_secs(20);

/// Runs one input; `Ok(true)` when it gave an article.
fn replay(data: Vec<u8>) -> Result<bool, String> {
    let Some((&hint, bytes)) = data.split_first() else {
        return Ok(false);
    };
    let name = NAMES[usize::from(hint) % NAMES.len()];
    let Ok(article) = ingest_bytes(name, bytes) else {
        return Ok(false);
    };
    let text_like = name.ends_with(".txt") || name.ends_with(".html");
    let utf8 = std::str::from_utf8(bytes).ok().filter(|_| text_like);
    for (i, _) in article.text.char_indices() {
        let o = article.offsets.original(i);
        if o > bytes.len() || utf8.is_some_and(|s| !s.is_char_boundary(o)) {
            return Err(format!(
                "{name}: offset {o} of {i} is not a boundary inside the file"
            ));
        }
    }
    let analysis = analyze(vec![article], &AnalyzeOptions::default());
    if analysis
        .quotes
        .iter()
        .any(|q| q.end > bytes.len() || q.start > q.end)
    {
        return Err(format!("{name}: a quotation lies outside the file"));
    }
    Ok(true)
}

#[test]
fn every_kept_fuzz_input_replays_cleanly() {
    let mut files: Vec<_> = std::fs::read_dir("tests/fixtures/fuzz")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_none())
        .collect();
    files.sort();
    assert!(files.len() >= 4, "the four seeds are kept");
    let mut articles = 0;
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(replay(data));
        });
        match rx.recv_timeout(BOUND) {
            Ok(Ok(article)) => articles += usize::from(article),
            Ok(Err(problem)) => panic!("{}: {problem}", path.display()),
            Err(_) => panic!("{}: panicked or ran past {BOUND:?}", path.display()),
        }
    }
    assert!(articles >= 4, "each seed reads as an article");
}
