//! The JSON result contract (`verbatim analyze --format json`): articles and groups, each
//! member carrying its quotation's text, speakers, kind, byte offsets and diff. Fields beyond
//! the contract (article metadata, quotation spans, group flags as words) are welcome extras.

use crate::model::{Analysis, ChangeClass, OpKind};
use serde_json::{Value, json};

/// The analysis as the JSON value of the result contract.
pub fn to_value(analysis: &Analysis) -> Value {
    let articles: Vec<Value> = analysis
        .articles
        .iter()
        .map(|a| {
            json!({
                "id": a.article_id,
                "path": a.path,
                "title": a.title,
                "format": a.format,
                "outlet": a.meta.outlet,
                "author": a.meta.author,
                "published": a.meta.published,
                "url": a.meta.url,
                "language": a.meta.language,
                "fetched_at": a.meta.fetched_at,
                "content_hash": a.content_hash,
                "warnings": a.warnings,
            })
        })
        .collect();
    let groups: Vec<Value> = analysis
        .groups
        .iter()
        .map(|g| {
            let members: Vec<Value> = g
                .members
                .iter()
                .filter_map(|m| {
                    let q = analysis.quote(&m.quote_id)?;
                    let diff: Vec<Value> = m
                        .diff
                        .iter()
                        .map(|op| {
                            let mut v = json!({
                                "op": op_name(op.op),
                                "text": op.text,
                                "ref": op.ref_text,
                            });
                            if let (Some(c), Some(obj)) = (op.class, v.as_object_mut()) {
                                obj.insert("class".into(), Value::from(class_name(c)));
                            }
                            v
                        })
                        .collect();
                    Some(json!({
                        "id": q.quote_id,
                        "article": q.article_id,
                        "text": q.text,
                        "speaker": q.speaker,
                        "speaker_as_written": q.speaker_as_written,
                        "speaker_evidence": q.speaker_evidence,
                        "kind": q.kind,
                        "start": q.start,
                        "end": q.end,
                        "passage": q.passage,
                        "spliced": q.spliced,
                        "truncated": q.truncated,
                        "diff": diff,
                    }))
                })
                .collect();
            json!({
                "id": g.group_id,
                "speaker": g.speaker,
                "reference": g.reference,
                "flags": g.flags.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                "members": members,
            })
        })
        .collect();
    json!({ "articles": articles, "groups": groups })
}

/// The analysis as pretty-printed JSON text.
pub fn to_string(analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&to_value(analysis)).unwrap_or_else(|_| "{}".to_string())
}

fn op_name(op: OpKind) -> &'static str {
    match op {
        OpKind::Equal => "equal",
        OpKind::Insert => "insert",
        OpKind::Delete => "delete",
        OpKind::Replace => "replace",
    }
}

fn class_name(c: ChangeClass) -> &'static str {
    c.as_str()
}
