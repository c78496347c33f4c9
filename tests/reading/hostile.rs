//! Hostile and broken files: each case must finish within a bound and either yield an article
//! (which then goes through the whole analysis) or a clear per-file error naming the file.
//! Never a panic or a hang.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::sync::mpsc;
use std::thread;
use std::time::Duration;
use verbatim::ingest::{IngestError, ingest_bytes, load_path};
use verbatim::{AnalyzeOptions, analyze};

/// A hang detector, not a speed goal: generous for a debug build on a machine whose cores are
/// all busy (a 5 MB line takes ~11 s in a debug build on an idle core; speed is benchmarked).
const BOUND: Duration = Duration::from_secs(60);

/// What a case must end in.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// An article (analysed too).
    Article,
    /// An error whose message contains this text.
    Error(&'static str),
    /// Either, as long as it ends within the bound.
    Either,
}

/// What happened, sent back from the worker thread.
type Outcome = Result<usize, String>;

/// Runs `work` in a thread and waits at most [`BOUND`].
fn bounded(name: &str, work: impl FnOnce() -> Outcome + Send + 'static) -> Outcome {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let _ = tx.send(work());
        })
        .unwrap();
    match rx.recv_timeout(BOUND) {
        Ok(outcome) => outcome,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: still running after {BOUND:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: the worker panicked"),
    }
}

/// Reads `bytes` as `path` and analyses the article; the outcome is the number of quotations
/// or the error message.
fn read_and_analyze(path: &'static str, bytes: Vec<u8>) -> Outcome {
    match ingest_bytes(path, &bytes) {
        Ok(article) => {
            let analysis = analyze(vec![article], &AnalyzeOptions::default());
            for q in &analysis.quotes {
                assert!(q.start <= q.end && q.end <= bytes.len());
            }
            Ok(analysis.quotes.len())
        }
        Err(e) => {
            assert_eq!(e.path(), path);
            Err(e.to_string())
        }
    }
}

fn check(name: &'static str, path: &'static str, expect: Expect, make: fn() -> Vec<u8>) {
    let started = std::time::Instant::now();
    let outcome = bounded(name, move || read_and_analyze(path, make()));
    eprintln!("{name}: {:?}", started.elapsed());
    match (expect, &outcome) {
        (Expect::Article | Expect::Either, Ok(_)) => {}
        (Expect::Either, Err(message)) => assert!(message.starts_with(path), "{name}: {message}"),
        (Expect::Error(text), Err(message)) => {
            assert!(message.starts_with(path), "{name}: {message}");
            assert!(message.contains(text), "{name}: {message}");
        }
        _ => panic!("{name}: expected {expect:?}, got {outcome:?}"),
    }
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/formats/{name}")).unwrap()
}

/// Pseudo-random bytes (xorshift), the same every run.
fn noise(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn sentence_line(words: usize) -> Vec<u8> {
    "the council said more ".repeat(words / 4).into_bytes()
}

/// The table: name, file name given, what must happen, how the bytes are made.
/// One row: the case's name, the file name given, what must happen, how the bytes are made.
type Case = (&'static str, &'static str, Expect, fn() -> Vec<u8>);

const CASES: &[Case] = &[
    (
        "binary noise as text",
        "noise.txt",
        Expect::Error("binary file"),
        || noise(1 << 20),
    ),
    (
        "binary noise as a page",
        "noise.html",
        Expect::Error("binary file"),
        || noise(1 << 20),
    ),
    (
        "binary noise as a PDF",
        "noise.pdf",
        Expect::Error("not a readable PDF"),
        || noise(1 << 20),
    ),
    (
        "binary noise as a DOCX",
        "noise.docx",
        Expect::Error("not a Word document"),
        || noise(1 << 20),
    ),
    (
        "a PDF header then garbage",
        "fake.pdf",
        Expect::Error("not a readable PDF"),
        || {
            let mut b = b"%PDF-1.7\n1 0 obj << /Length 99999999 >> stream\n".to_vec();
            b.extend(noise(4096));
            b
        },
    ),
    (
        "a DOCX zip bomb (declared size)",
        "bomb.docx",
        Expect::Error("zip bomb"),
        || fixture("bomb.docx"),
    ),
    (
        "a DOCX zip bomb (lying size)",
        "lying.docx",
        Expect::Error("lying.docx: "),
        || fixture("lying_bomb.docx"),
    ),
    (
        "100,000 nested divs",
        "deep.html",
        Expect::Error("nests elements"),
        || {
            let mut s = "<html><body>".to_string() + &"<div>".repeat(100_000);
            s.push_str("<p>Bottom.</p>");
            s.into_bytes()
        },
    ),
    (
        "100,000 nested q",
        "deepq.html",
        Expect::Error("nests elements"),
        || "<q>".repeat(100_000).into_bytes(),
    ),
    (
        "a million tags never closed",
        "tags.html",
        Expect::Either,
        || "<a ".repeat(1_000_000).into_bytes(),
    ),
    (
        "200,000 comments never closed",
        "comments.html",
        Expect::Either,
        || "<!--<div>".repeat(200_000).into_bytes(),
    ),
    (
        "60,000 flat paragraphs (past the readability limit)",
        "flat.html",
        Expect::Article,
        || "<p>One short line of text.</p>".repeat(60_000).into_bytes(),
    ),
    (
        "1,900 nested q around 1 MB of text",
        "nestedq.html",
        Expect::Article,
        || {
            let mut b = "<q>".repeat(1_900).into_bytes();
            b.extend(sentence_line(200_000));
            b
        },
    ),
    (
        "1,900 nested blockquotes around 5 MB of white space",
        "nestedbq.html",
        Expect::Either,
        || {
            let mut s = "<blockquote>".repeat(1_900);
            s.push_str(&" ".repeat(5_000_000));
            s.push_str("<p>Yes.</p>");
            s.into_bytes()
        },
    ),
    (
        "NUL bytes at the start",
        "nul.txt",
        Expect::Error("binary file"),
        || b"Mayor\0said\0yes\n".to_vec(),
    ),
    (
        "NUL bytes after the sniffed head",
        "late_nul.txt",
        Expect::Article,
        || {
            let mut b = sentence_line(4000);
            b.extend_from_slice(b"\0\0\0 \x22We agree,\x22 she said.\n");
            b
        },
    ),
    (
        "NUL bytes in a page body",
        "nul.html",
        Expect::Article,
        || {
            let mut b = "<p>".to_string() + &"the harbour plan was approved ".repeat(400);
            b.push_str("\0\0</p><p>\u{201c}Done,\u{201d} he said.</p>");
            b.into_bytes()
        },
    ),
    ("invalid UTF-8 in text", "bad.txt", Expect::Article, || {
        let mut b =
            b"Council vote\n\xe2\x80\x9cWe will \xff\xfe build it,\xe2\x80\x9d said Ana Ruiz.\n"
                .to_vec();
        b.extend_from_slice(b"\xc3\x28 trailing \xed\xa0\x80 surrogate\n");
        b
    }),
    (
        "invalid UTF-8 in a page",
        "bad.html",
        Expect::Article,
        || {
            b"<html><body><p>\xe2\x80\x9cYes\xff,\xe2\x80\x9d said the \xc0\xaf mayor of the town on the river.</p></body></html>".to_vec()
        },
    ),
    (
        "a 5 MB single line of text",
        "line.txt",
        Expect::Article,
        || sentence_line(1_000_000),
    ),
    (
        "a 5 MB single line in a page",
        "line.html",
        Expect::Article,
        || {
            let mut b = b"<html><body><p>".to_vec();
            b.extend(sentence_line(1_000_000));
            b.extend_from_slice(b"</p></body></html>");
            b
        },
    ),
    (
        "100,000 quotation marks in text",
        "quotes.txt",
        Expect::Article,
        || "\u{201c}Yes\u{201d} ".repeat(50_000).into_bytes(),
    ),
    (
        "100,000 straight quotes in text",
        "straight.txt",
        Expect::Article,
        || "\"a\" said b. ".repeat(50_000).into_bytes(),
    ),
    (
        "100,000 unpaired quotation marks",
        "open.txt",
        Expect::Article,
        || "\u{201c}no end ".repeat(100_000).into_bytes(),
    ),
    (
        "50,000 q elements in a page",
        "q.html",
        Expect::Article,
        || ("<p>".to_string() + &"<q>yes</q> he said ".repeat(50_000) + "</p>").into_bytes(),
    ),
    (
        "an empty PDF name with text inside",
        "text.pdf",
        Expect::Error("not a readable PDF"),
        || b"Just some words, no PDF at all.".to_vec(),
    ),
    (
        "an empty file",
        "empty.html",
        Expect::Error("empty"),
        Vec::new,
    ),
];

#[test]
fn every_hostile_case_ends_in_an_article_or_a_clear_error() {
    for &(name, path, expect, make) in CASES {
        check(name, path, expect, make);
    }
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    let shown = path.display().to_string();
    let outcome = bounded("200 MB file", move || {
        load_path(std::path::Path::new(&shown))
            .map(|_| 0)
            .map_err(|e| e.to_string())
    });
    let message = outcome.unwrap_err();
    assert!(message.contains("too large (209715200 bytes"), "{message}");
}

#[test]
fn a_200_mb_buffer_is_refused_without_reading_it() {
    let err = bounded("200 MB buffer", || {
        let big = vec![b'a'; 200 * 1024 * 1024];
        ingest_bytes("huge.html", &big)
            .map(|_| 0)
            .map_err(|e| e.to_string())
    });
    assert!(err.is_err_and(|m| m.starts_with("huge.html: the file is too large")));
}

#[test]
fn a_lying_zip_is_refused_as_a_bomb_or_as_damaged() {
    let err = ingest_bytes("lying.docx", &fixture("lying_bomb.docx")).unwrap_err();
    assert!(matches!(err, IngestError::Unreadable { .. }));
    let message = err.to_string();
    assert!(
        message.contains("zip bomb") || message.contains("damaged"),
        "{message}"
    );
}
