//! The command line: `verbatim analyze FILES… [--format json|text|csv] [-o FILE] [--reference
//! ARTICLE]`. Files that cannot be read are reported on stderr, one line each naming the file
//! and the reason; the others are still analysed, and the exit code is 1 if any file failed.

use crate::ingest;
use crate::pipeline::{AnalyzeOptions, analyze};
use crate::report;
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
        /// Article files (plain text in any encoding).
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
    }
}

fn run_analyze(
    files: &[PathBuf],
    format: Format,
    output: Option<&std::path::Path>,
    reference: Option<String>,
) -> i32 {
    let mut failed = false;
    let mut articles = Vec::new();
    for path in files {
        match ingest::load_path(path) {
            Ok(article) => articles.push(article),
            Err(e) => {
                eprintln!("verbatim: {e}");
                failed = true;
            }
        }
    }
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
