//! `verbatim extract` and `verbatim group`: the analysis in two steps over JSON Lines records
//! ([`crate::records`]), so that extraction can run anywhere as a map over articles and
//! grouping over the merged records.
//!
//! Exit codes, both: 0 done; 1 written, but some input could not be used (each named on
//! stderr: an article that could not be read, a record line that is not one, with its file
//! and line); 2 wrong arguments; 3 nothing written (no article record was read, or the output
//! could not be written).

use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::corrections::Corrections;
use crate::ingest::IngestError;
use crate::pipeline::AnalyzeOptions;
use crate::records::{Records, write::extract_to};
use crate::report;

/// Exit code when nothing was written.
const NOTHING_WRITTEN: i32 = 3;
/// Problems with record lines named one by one on stderr; the rest are counted.
const PROBLEMS_SHOWN: usize = 20;

/// What `verbatim group` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum GroupFormat {
    /// The JSON result contract (as `analyze --format json`).
    Json,
    /// One row per quotation.
    Csv,
    /// A self-contained report page.
    Html,
}

/// `verbatim extract`: the records of `files` (folders expanded) to `output` or stdout. A file
/// is written whole or not at all (a temporary file renamed into place).
pub(super) fn run_extract(files: &[PathBuf], prefix: Option<&str>, output: Option<&Path>) -> i32 {
    let (paths, folder_failed) = super::expand(files);
    let inputs: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut report = |e: IngestError| eprintln!("verbatim: {e}");
    let written = match output {
        Some(path) => extract_to_file(&inputs, prefix, path, &mut report),
        None => extract_to(&inputs, prefix, std::io::stdout().lock(), &mut report)
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    match written {
        Ok(w) => i32::from(folder_failed || w.failed > 0),
        Err(e) => {
            eprintln!("verbatim: {e}");
            NOTHING_WRITTEN
        }
    }
}

fn extract_to_file(
    inputs: &[String],
    prefix: Option<&str>,
    path: &Path,
    report: &mut dyn FnMut(IngestError),
) -> Result<crate::records::write::Written, String> {
    let cannot = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    let mut written = None;
    crate::workspace::write_atomic(path, |out| {
        written = Some(extract_to(inputs, prefix, out, report)?);
        Ok(())
    })
    .map_err(cannot)?;
    crate::report::export::readable_by_others(path).map_err(cannot)?;
    Ok(written.unwrap_or_default())
}

/// The record files among `inputs`: a folder gives its `.jsonl` files, sorted; `-` is standard
/// input.
fn record_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut out = Vec::new();
    let mut failed = false;
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        match std::fs::read_dir(input) {
            Ok(entries) => {
                let mut files: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "jsonl"))
                    .collect();
                files.sort();
                out.extend(files);
            }
            Err(e) => {
                eprintln!("verbatim: {}: cannot read the folder: {e}", input.display());
                failed = true;
            }
        }
    }
    (out, failed)
}

/// Every record line of `inputs`, read in order; the second value is whether a file could not
/// be opened.
fn read_records(inputs: &[PathBuf]) -> (Records, bool) {
    let (files, mut failed) = record_files(inputs);
    let mut records = Records::new();
    for file in &files {
        if file.as_os_str() == "-" {
            records.read("standard input", std::io::stdin().lock());
            continue;
        }
        match std::fs::File::open(file) {
            Ok(f) => records.read(&file.display().to_string(), BufReader::new(f)),
            Err(e) => {
                eprintln!("verbatim: {}: cannot read: {e}", file.display());
                failed = true;
            }
        }
    }
    (records, failed)
}

/// `verbatim group`: the analysis of the records in `inputs`, written as `format`.
pub(super) fn run_group(
    inputs: &[PathBuf],
    format: GroupFormat,
    output: Option<&Path>,
    reference: Option<String>,
) -> i32 {
    let (records, failed) = read_records(inputs);
    let gathered = records.finish();
    for problem in gathered.problems.iter().take(PROBLEMS_SHOWN) {
        eprintln!("verbatim: {problem}");
    }
    if let Some(more) = gathered.problems.len().checked_sub(PROBLEMS_SHOWN)
        && more > 0
    {
        eprintln!("verbatim: … and {more} more record problems");
    }
    let failed = failed || !gathered.problems.is_empty();
    if gathered.articles.is_empty() {
        eprintln!("verbatim: no article record was read; nothing written");
        return NOTHING_WRITTEN;
    }
    let options = AnalyzeOptions {
        reference_article: reference,
        ..AnalyzeOptions::default()
    };
    let (analysis, _) = gathered.analyze(&options);
    let written = match output {
        Some(path) => std::fs::File::create(path)
            .and_then(|f| write_group(&analysis, format, std::io::BufWriter::new(f)))
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => write_group(&analysis, format, std::io::stdout().lock())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    match written {
        Ok(()) => i32::from(failed),
        Err(e) => {
            eprintln!("verbatim: {e}");
            NOTHING_WRITTEN
        }
    }
}

fn write_group(
    analysis: &crate::model::Analysis,
    format: GroupFormat,
    mut out: impl Write,
) -> std::io::Result<()> {
    match format {
        GroupFormat::Json => report::json::write(analysis, out),
        GroupFormat::Csv => report::csv::write(analysis, out).map_err(std::io::Error::other),
        GroupFormat::Html => {
            out.write_all(report::html::render(analysis, &Corrections::default()).as_bytes())?;
            out.flush()
        }
    }
}
