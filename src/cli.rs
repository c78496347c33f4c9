//! The command line: `verbatim analyze FILES… [--format json|text|csv] [-o FILE] [--reference
//! ARTICLE]`. Files that cannot be read are reported on stderr, one line each naming the file
//! and the reason; the others are still analysed, and the exit code is 1 if any file failed.
//!
//! `verbatim export --format html|csv|json (FILES…|--workspace W.verbatim) -o OUT` writes a
//! report (atomically: an old OUT survives a failed export). Exit codes: 0 written; 1 written,
//! but some article could not be read (each named on stderr); 2 wrong arguments; 3 nothing
//! written (the workspace was refused, no article could be read, or OUT could not be written).

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
        /// Article files (text in any encoding, .html, .pdf, .docx) or http(s) URLs to fetch.
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
        Some("analyze" | "export" | "help" | "--help" | "-h" | "--version" | "-V")
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
            format,
            output,
            reference,
        } => run_analyze(&files, format, output.as_deref(), reference),
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

/// The articles that could be read; each that could not is named on stderr.
fn load_files(files: &[PathBuf]) -> (Vec<Article>, bool) {
    let mut failed = false;
    let mut articles = Vec::new();
    for path in files {
        match load_input(&path.to_string_lossy()) {
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
    let colour = output.is_none() && std::io::stdout().is_terminal();
    let rendered = match format {
        Format::Json => report::json::to_string(&analysis),
        Format::Text => report::text::render(&analysis, colour),
        Format::Csv => match report::csv::to_string(&analysis) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("verbatim: cannot write CSV: {e}");
                return 1;
            }
        },
    };
    let written = match output {
        Some(path) => std::fs::write(path, rendered.as_bytes())
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => std::io::stdout()
            .write_all(rendered.as_bytes())
            .map_err(|e| format!("cannot write to standard output: {e}")),
    };
    if let Err(e) = written {
        eprintln!("verbatim: {e}");
        return 1;
    }
    i32::from(failed)
}

/// Reads one input named on the command line: an `http://` or `https://` URL is fetched (the
/// only time the command line uses the network), anything else is read as a file.
pub fn load_input(input: &str) -> Result<Article, ingest::IngestError> {
    ingest::read(&ingest::Input::named(input))
}
