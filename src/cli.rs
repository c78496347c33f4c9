//! The command line: `verbatim analyze (FILES|FOLDERS)… [--files-from LIST] [--format
//! json|text|csv] [-o FILE] [--reference ARTICLE]`. A folder contributes the files in it, at
//! any depth, in the formats Verbatim reads ([`crate::folder`]), sorted by path; `--files-from`
//! names one input a line (`-` reads the list from standard input). Inputs are read on every
//! core. Files that cannot be read are reported on stderr, one line each naming the file and
//! the reason; the others are still analysed, and the exit code is 1 if any file failed. JSON
//! and CSV are written as a stream.
//!
//! `verbatim export --format html|csv|json (FILES…|--workspace W.verbatim) -o OUT` writes a
//! report (atomically: an old OUT survives a failed export). Exit codes: 0 written; 1 written,
//! but some article could not be read (each named on stderr); 2 wrong arguments; 3 nothing
//! written (the workspace was refused, no article could be read, or OUT could not be written).
//!
//! `verbatim extract (FILES|FOLDERS)… [--files-from LIST] --jsonl [--id-prefix P] [-o OUT]`
//! and `verbatim group RECORDS.jsonl… [--format json|csv|html] [-o OUT]` are the same analysis
//! in two steps over records ([`crate::records`]; the commands are in `cli/records.rs`).

use crate::ingest;
use crate::model::Article;
use crate::pipeline::{AnalyzeOptions, analyze};
use crate::report;
use crate::report::export::ExportFormat;
use crate::workspace;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

mod records;

/// Compare how news articles quote the same statements.
#[derive(Debug, Parser)]
#[command(name = "verbatim", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find quotations and speakers, group versions of one statement, mark what changed.
    Analyze {
        /// Article files (text in any encoding, .html, .pdf, .docx), folders of them, or
        /// http(s) URLs to fetch.
        #[arg(required_unless_present = "files_from")]
        files: Vec<PathBuf>,
        /// Also read the inputs named in this file, one a line (`-`: standard input).
        #[arg(long, value_name = "LIST")]
        files_from: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Use this article's version as each group's reference (file name, path or id a1…).
        #[arg(long)]
        reference: Option<String>,
    },
    /// Find quotations and speakers and write them as records: the first step of `analyze`.
    ///
    /// One JSON line per article, then one per quotation, for `verbatim group`. Each article
    /// is extracted on its own, so shards extracted anywhere can be concatenated.
    Extract {
        /// Article files (as for `analyze`), folders of them, or http(s) URLs to fetch.
        #[arg(required_unless_present = "files_from")]
        files: Vec<PathBuf>,
        /// Also read the inputs named in this file, one a line (`-`: standard input).
        #[arg(long, value_name = "LIST")]
        files_from: Option<PathBuf>,
        /// Write JSON Lines: one record per article, then one per quotation (the only format).
        #[arg(long)]
        jsonl: bool,
        /// Number the articles PREFIX1, PREFIX2… (one prefix per shard) instead of ids derived
        /// from their paths.
        #[arg(long, value_name = "PREFIX")]
        id_prefix: Option<String>,
        /// Write to this file (whole or not at all) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Group and align the quotations of records: the second step of `analyze`.
    ///
    /// Records are files written by `verbatim extract`, folders of .jsonl files, or `-` for
    /// standard input. A line that is not a record is named on stderr and left out.
    Group {
        /// Record files, in order; shards may be given one by one or concatenated.
        #[arg(required = true)]
        records: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = records::GroupFormat::Json)]
        format: records::GroupFormat,
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Use this article's version as each group's reference (file name, path or id a1…).
        #[arg(long)]
        reference: Option<String>,
    },
    /// Write a report to share: an HTML page, a CSV table, or JSON with corrections and notes.
    Export {
        /// Article files or http(s) URLs to analyse (or give --workspace).
        #[arg(required_unless_present = "workspace", conflicts_with = "workspace")]
        files: Vec<PathBuf>,
        /// A saved workspace (.verbatim): its articles, corrections and notes.
        #[arg(long)]
        workspace: Option<PathBuf>,
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportArg,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportArg {
    /// A self-contained report page to publish or print.
    Html,
    /// One row per quotation.
    Csv,
    /// The JSON result contract plus corrections and notes.
    Json,
}

impl From<ExportArg> for ExportFormat {
    fn from(arg: ExportArg) -> Self {
        match arg {
            ExportArg::Html => ExportFormat::Html,
            ExportArg::Csv => ExportFormat::Csv,
            ExportArg::Json => ExportFormat::Json,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The JSON result contract.
    Json,
    /// For a person at a terminal.
    Text,
    /// One row per quotation.
    Csv,
}

/// Whether `args` (the program name first) ask for a command-line subcommand rather than the
/// window.
pub fn is_cli(args: &[OsString]) -> bool {
    matches!(
        args.get(1).and_then(|a| a.to_str()),
        Some(
            "analyze"
                | "extract"
                | "group"
                | "export"
                | "help"
                | "--help"
                | "-h"
                | "--version"
                | "-V"
        )
    )
}

/// Runs the command line; returns the process exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Analyze {
            files,
            files_from,
            format,
            output,
            reference,
        } => match with_list(files, files_from.as_deref()) {
            Ok(files) => run_analyze(&files, format, output.as_deref(), reference),
            Err(code) => code,
        },
        Command::Extract {
            files,
            files_from,
            jsonl: _,
            id_prefix,
            output,
        } => match with_list(files, files_from.as_deref()) {
            Ok(files) => records::run_extract(&files, id_prefix.as_deref(), output.as_deref()),
            Err(code) => code,
        },
        Command::Group {
            records,
            format,
            output,
            reference,
        } => records::run_group(&records, format, output.as_deref(), reference),
        Command::Export {
            files,
            workspace,
            format,
            output,
        } => run_export(&files, workspace.as_deref(), format.into(), &output),
    }
}

/// Exit code of an export that wrote nothing.
const NOTHING_WRITTEN: i32 = 3;

fn run_export(
    files: &[PathBuf],
    workspace_path: Option<&std::path::Path>,
    format: ExportFormat,
    output: &std::path::Path,
) -> i32 {
    let (articles, options, failed) = match workspace_path {
        Some(path) => match workspace::load(path) {
            Ok(ws) => {
                let (articles, problems) = ws.articles();
                for p in &problems {
                    eprintln!("verbatim: {}: {}", p.path, p.reason);
                }
                (articles, ws.analyze_options(), !problems.is_empty())
            }
            Err(e) => {
                eprintln!("verbatim: {e}");
                return NOTHING_WRITTEN;
            }
        },
        None => {
            let (articles, failed) = load_files(files);
            (articles, AnalyzeOptions::default(), failed)
        }
    };
    if articles.is_empty() {
        eprintln!("verbatim: no article could be read; nothing written");
        return NOTHING_WRITTEN;
    }
    let analysis = analyze(articles, &options);
    for u in &analysis.unapplied {
        let summary = options
            .corrections
            .items
            .get(u.index)
            .map(|c| c.summary())
            .unwrap_or_default();
        eprintln!(
            "verbatim: note: correction {} ({summary}) not applied: {}",
            u.index + 1,
            u.reason
        );
    }
    match report::export::write(output, &analysis, &options.corrections, format) {
        Ok(()) => i32::from(failed),
        Err(e) => {
            eprintln!("verbatim: {e}");
            NOTHING_WRITTEN
        }
    }
}

/// `files` and the inputs named in `list`, if one is given; on failure, the exit code (the
/// reason is on stderr).
fn with_list(mut files: Vec<PathBuf>, list: Option<&std::path::Path>) -> Result<Vec<PathBuf>, i32> {
    if let Some(list) = list {
        match read_list(list) {
            Ok(more) => files.extend(more),
            Err(e) => {
                eprintln!("verbatim: {e}");
                return Err(2);
            }
        }
    }
    Ok(files)
}

/// The inputs named in `list`, one a line (blank lines ignored); `-` is standard input.
fn read_list(list: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    let text = if list.as_os_str() == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|e| format!("cannot read the list from standard input: {e}"))?
    } else {
        std::fs::read_to_string(list)
            .map_err(|e| format!("{}: cannot read the list: {e}", list.display()))?
    };
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

/// Each folder among `inputs` replaced by the article files in it; what a folder leaves out is
/// noted on stderr. The second value is whether a folder could not be read.
fn expand(inputs: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut out = Vec::with_capacity(inputs.len());
    let mut failed = false;
    for input in inputs {
        if !input.is_dir() {
            out.push(input.clone());
            continue;
        }
        match crate::folder::list(input) {
            Ok(listing) => {
                for s in &listing.skipped {
                    eprintln!("verbatim: note: skipped {}: {}", s.path.display(), s.reason);
                }
                out.extend(listing.files);
            }
            Err(e) => {
                eprintln!("verbatim: {}: cannot read the folder: {e}", input.display());
                failed = true;
            }
        }
    }
    (out, failed)
}

/// The articles that could be read, in input order (read on every core); each that could
/// not is named on stderr.
fn load_files(inputs: &[PathBuf]) -> (Vec<Article>, bool) {
    use rayon::prelude::*;
    let (files, mut failed) = expand(inputs);
    let read: Vec<Result<Article, ingest::IngestError>> = files
        .par_iter()
        .map(|path| load_input(&path.to_string_lossy()))
        .collect();
    let mut articles = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(article) => articles.push(article),
            Err(e) => {
                eprintln!("verbatim: {e}");
                failed = true;
            }
        }
    }
    (articles, failed)
}

fn run_analyze(
    files: &[PathBuf],
    format: Format,
    output: Option<&std::path::Path>,
    reference: Option<String>,
) -> i32 {
    let (articles, failed) = load_files(files);
    let options = AnalyzeOptions {
        reference_article: reference,
        ..AnalyzeOptions::default()
    };
    let analysis = analyze(articles, &options);
    let written = match output {
        Some(path) => std::fs::File::create(path)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))
            .and_then(|file| {
                render(&analysis, format, false, std::io::BufWriter::new(file))
                    .map_err(|e| format!("{}: cannot write: {e}", path.display()))
            }),
        None => {
            let colour = std::io::stdout().is_terminal();
            render(&analysis, format, colour, std::io::stdout().lock())
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    };
    // The process ends next: the system takes its memory back at once, faster than freeing a
    // large analysis piece by piece.
    std::mem::forget(analysis);
    if let Err(e) = written {
        eprintln!("verbatim: {e}");
        return 1;
    }
    i32::from(failed)
}

/// Writes `analysis` in `format` to `out` (JSON and CSV as a stream).
fn render(
    analysis: &crate::model::Analysis,
    format: Format,
    colour: bool,
    mut out: impl Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => report::json::write(analysis, out),
        Format::Csv => report::csv::write(analysis, out).map_err(std::io::Error::other),
        Format::Text => {
            out.write_all(report::text::render(analysis, colour).as_bytes())?;
            out.flush()
        }
    }
}

/// Reads one input named on the command line: an `http://` or `https://` URL is fetched (the
/// only time the command line uses the network), anything else is read as a file.
pub fn load_input(input: &str) -> Result<Article, ingest::IngestError> {
    ingest::read(&ingest::Input::named(input))
}
