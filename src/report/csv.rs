//! One CSV row per quotation: group, speaker resolved and as written, article, kind, offsets,
//! text, the group's reference text, the classes of its differences, the group's flags, and the
//! user's notes on the group or on this quotation's differences.

use crate::model::{Analysis, QuoteKind};
use serde::Serialize;
use std::io::Write;

/// One row of the table; the field names are the header.
#[derive(Serialize)]
struct Row<'a> {
    group: &'a str,
    quote: &'a str,
    article: &'a str,
    path: &'a str,
    speaker: &'a str,
    speaker_as_written: &'a str,
    kind: QuoteKind,
    start: usize,
    end: usize,
    text: &'a str,
    reference_text: &'a str,
    classes: String,
    flags: String,
    notes: String,
}

/// Streams the table to `out`, one row per quotation in group order.
pub fn write<W: Write>(analysis: &Analysis, out: W) -> Result<(), csv::Error> {
    let mut w = csv::Writer::from_writer(out);
    for g in &analysis.groups {
        let reference_text = analysis.quote(&g.reference).map_or("", |q| q.text.as_str());
        let flags: Vec<&str> = g.flags.iter().map(|f| f.as_str()).collect();
        let flags = flags.join(" ");
        for m in &g.members {
            let Some(q) = analysis.quote(&m.quote_id) else {
                continue;
            };
            let mut classes: Vec<&str> = m
                .diff
                .iter()
                .filter_map(|op| op.class)
                .map(|c| c.as_str())
                .collect();
            classes.sort_unstable();
            classes.dedup();
            w.serialize(Row {
                group: &g.group_id,
                quote: &q.quote_id,
                article: &q.article_id,
                path: analysis
                    .article(&q.article_id)
                    .map_or("", |a| a.path.as_str()),
                speaker: q.speaker.as_deref().unwrap_or(""),
                speaker_as_written: q.speaker_as_written.as_deref().unwrap_or(""),
                kind: q.kind,
                start: q.start,
                end: q.end,
                text: &q.text,
                reference_text,
                classes: classes.join(" "),
                flags: flags.clone(),
                notes: notes_of(analysis, &g.group_id, &q.quote_id),
            })?;
        }
    }
    if analysis.groups.iter().all(|g| g.members.is_empty()) {
        // No row to take the header from: write it alone.
        w.write_record(HEADER)?;
    }
    w.flush()?;
    Ok(())
}

/// The header, for a table with no rows.
const HEADER: [&str; 14] = [
    "group",
    "quote",
    "article",
    "path",
    "speaker",
    "speaker_as_written",
    "kind",
    "start",
    "end",
    "text",
    "reference_text",
    "classes",
    "flags",
    "notes",
];

/// The analysis as CSV text.
pub fn to_string(analysis: &Analysis) -> Result<String, csv::Error> {
    let mut bytes = Vec::new();
    write(analysis, &mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The notes on the group and on this quotation's differences, one per line.
fn notes_of(analysis: &Analysis, group_id: &str, quote_id: &str) -> String {
    let notes: Vec<String> = analysis
        .notes
        .iter()
        .filter(|n| n.group_id == group_id)
        .filter_map(|n| match (&n.quote_id, &n.words, &n.reference_words) {
            (None, _, _) => Some(n.text.clone()),
            (Some(q), words, reference) if q == quote_id => Some(format!(
                "on “{}” → “{}”: {}",
                reference.as_deref().unwrap_or("").trim(),
                words.as_deref().unwrap_or("").trim(),
                n.text
            )),
            _ => None,
        })
        .collect();
    notes.join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{AnalyzeOptions, analyze, ingest};

    #[test]
    fn one_row_per_quotation_under_the_header() {
        let read = |name: &str, text: &str| ingest::ingest_bytes(name, text.as_bytes()).unwrap();
        let analysis = analyze(
            vec![
                read(
                    "a.txt",
                    "Ferry\n\n“The ferry will sail at dawn,” Ana Ruiz said.",
                ),
                read(
                    "b.txt",
                    "Ferry\n\n“The ferry will sail at noon,” Ana Ruiz said.",
                ),
            ],
            &AnalyzeOptions::default(),
        );
        let text = to_string(&analysis).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, HEADER);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), analysis.quotes.len());
        assert_eq!(&rows[0][6], "direct");
        assert_eq!(&rows[0][3], "a.txt");
    }

    #[test]
    fn an_empty_analysis_still_has_its_header() {
        let text = to_string(&Analysis::default()).unwrap();
        assert_eq!(text.lines().next().unwrap(), HEADER.join(","));
    }
}
