//! One CSV row per quotation: group, speaker resolved and as written, article, kind, offsets,
//! text, the group's reference text, the classes of its differences, the group's flags, and the
//! user's notes on the group or on this quotation's differences.

use crate::model::Analysis;

/// The analysis as CSV text.
pub fn to_string(analysis: &Analysis) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
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
    ])?;
    for g in &analysis.groups {
        let reference_text = analysis.quote(&g.reference).map_or("", |q| q.text.as_str());
        let flags: Vec<&str> = g.flags.iter().map(|f| f.as_str()).collect();
        for m in &g.members {
            let Some(q) = analysis.quote(&m.quote_id) else {
                continue;
            };
            let path = analysis
                .article(&q.article_id)
                .map_or("", |a| a.path.as_str());
            let mut classes: Vec<&str> = m
                .diff
                .iter()
                .filter_map(|op| op.class)
                .map(|c| c.as_str())
                .collect();
            classes.sort_unstable();
            classes.dedup();
            w.write_record([
                g.group_id.as_str(),
                q.quote_id.as_str(),
                q.article_id.as_str(),
                path,
                q.speaker.as_deref().unwrap_or(""),
                q.speaker_as_written.as_deref().unwrap_or(""),
                match q.kind {
                    crate::model::QuoteKind::Direct => "direct",
                    crate::model::QuoteKind::Partial => "partial",
                },
                &q.start.to_string(),
                &q.end.to_string(),
                q.text.as_str(),
                reference_text,
                &classes.join(" "),
                &flags.join(" "),
                &notes_of(analysis, &g.group_id, &q.quote_id),
            ])?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
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
