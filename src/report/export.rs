//! Exports for others to use: the HTML report, the CSV table and the JSON contract with the
//! user's corrections and notes. The app's Export menu and `verbatim export` both call
//! [`render`] or [`write()`].
//!
//! In: an [`Analysis`] made with [`Corrections`] (its `notes` and `unapplied` filled by the
//! pipeline) and the corrections themselves. Out: the file's text, or the file written
//! atomically (a failed export never leaves half a file over an old one).
//!
//! ```
//! use verbatim::report::export::{self, ExportFormat};
//! use verbatim::{analyze, ingest, AnalyzeOptions};
//! let a = ingest::ingest_bytes("a.txt", "\u{201c}Fares stay the same,\u{201d} Teo Park said.".as_bytes()).unwrap();
//! let options = AnalyzeOptions::default();
//! let analysis = analyze(vec![a], &options);
//! let json = export::render(&analysis, &options.corrections, ExportFormat::Json).unwrap();
//! let value: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert!(value["corrections"].as_array().unwrap().is_empty());
//! assert_eq!(value["groups"].as_array().unwrap().len(), 1);
//! ```

use super::{csv as csv_report, html, json};
use crate::corrections::Corrections;
use crate::model::Analysis;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// The formats an analysis can be exported to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A self-contained report page.
    Html,
    /// One row per quotation.
    Csv,
    /// The JSON contract plus corrections and notes.
    Json,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 3] = [ExportFormat::Html, ExportFormat::Csv, ExportFormat::Json];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("cannot make the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The file could not be written; an older file at that path is unchanged.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}",
        now.year(),
        u8::from(now.month()),
        now.day()
    )
}

/// The export's text.
pub fn render(
    analysis: &Analysis,
    corrections: &Corrections,
    format: ExportFormat,
) -> Result<String, ExportError> {
    Ok(match format {
        ExportFormat::Html => html::render_dated(analysis, corrections, Some(&today())),
        ExportFormat::Csv => csv_report::to_string(analysis)?,
        ExportFormat::Json => {
            serde_json::to_string_pretty(&json_value(analysis, corrections))
                .unwrap_or_else(|_| "{}".to_string())
                + "\n"
        }
    })
}

/// Writes the export to `path` atomically.
pub fn write(
    path: &Path,
    analysis: &Analysis,
    corrections: &Corrections,
    format: ExportFormat,
) -> Result<(), ExportError> {
    let text = render(analysis, corrections, format)?;
    let error = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::workspace::write_atomic(path, |w| w.write_all(text.as_bytes())).map_err(error)?;
    readable_by_others(path).map_err(error)
}

/// A report or a record file is made to be shared: readable by everyone, writable by its owner
/// (0644), not the owner-only mode of the temporary file it was written through.
#[cfg(unix)]
pub(crate) fn readable_by_others(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(crate) fn readable_by_others(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

/// The JSON contract with two more keys: `corrections` (each as stored, with its summary and
/// whether it applied) and `notes` (as attached to this analysis's groups and quotations).
pub fn json_value(analysis: &Analysis, corrections: &Corrections) -> Value {
    let mut value = json::to_value(analysis);
    let listed: Vec<Value> = corrections
        .items
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let unapplied = analysis.unapplied.iter().find(|u| u.index == i);
            json!({
                "correction": c,
                "summary": c.summary(),
                "applied": unapplied.is_none(),
                "not_applied_because": unapplied.map(|u| u.reason.clone()),
            })
        })
        .collect();
    if let Some(obj) = value.as_object_mut() {
        obj.insert("corrections".into(), Value::Array(listed));
        obj.insert(
            "notes".into(),
            serde_json::to_value(&analysis.notes).unwrap_or(Value::Null),
        );
    }
    value
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_exported_report_is_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write(
            &path,
            &Analysis::default(),
            &Corrections::default(),
            ExportFormat::Html,
        )
        .unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
        let page = std::fs::read_to_string(&path).unwrap();
        assert!(page.contains(&format!("Exported on {}.", today())));
    }
}
