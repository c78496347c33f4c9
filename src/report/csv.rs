//! One CSV row per quotation: group, speaker resolved and as written, article, kind, offsets,
//! text, the group's reference text, and the classes of its differences.

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
            ])?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
