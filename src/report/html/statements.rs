//! The statements part of the HTML report: each group with its flags, notes and versions, each
//! version's differences marked by class.

use super::{escape, flag_label};
use crate::model::{Analysis, DiffOp, Group, Note, OpKind, Quote, QuoteKind};
use crate::view::pieces::{self, Version};
use std::fmt::Write;

/// Whether any version of `group` differs in more than punctuation.
pub(super) fn has_substantive_change(group: &Group) -> bool {
    group
        .members
        .iter()
        .flat_map(|m| &m.diff)
        .any(|op| op.class.is_some_and(|c| c.is_substantive()))
}

pub(super) fn statements(out: &mut String, analysis: &Analysis) {
    out.push_str("<h2 id=\"statements\">Statements</h2>\n");
    if analysis.groups.is_empty() {
        out.push_str("<p>No quotations were found.</p>\n");
    }
    for group in &analysis.groups {
        statement(out, analysis, group);
    }
}

fn statement(out: &mut String, analysis: &Analysis, group: &Group) {
    let flagged = if group.flags.is_empty() {
        ""
    } else {
        " flagged"
    };
    let sources = {
        let mut ids: Vec<&str> = group
            .members
            .iter()
            .filter_map(|m| analysis.quote(&m.quote_id))
            .map(|q| q.article_id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    };
    let n = group.members.len();
    let _ = write!(
        out,
        "<section class=\"statement{flagged}\" id=\"{}\">\n<h3>{}</h3>\n\
         <p class=\"who\">Statement {} · {n} version{} · {sources} source{}</p>\n",
        escape(&group.group_id),
        escape(group.speaker.as_deref().unwrap_or("Speaker not identified")),
        escape(&group.group_id),
        super::plural(n),
        super::plural(sources),
    );
    if !group.flags.is_empty() {
        out.push_str("<div class=\"flags\">");
        for f in &group.flags {
            let _ = write!(
                out,
                "<span class=\"flag\" title=\"{}\">{}</span>",
                f.as_str(),
                flag_label(*f)
            );
        }
        out.push_str("</div>\n");
    }
    for note in notes_on(analysis, group, None) {
        let _ = writeln!(
            out,
            "<p class=\"note\"><b>Note</b>{}</p>",
            escape(&note.text)
        );
    }
    out.push_str("<ol class=\"versions\">\n");
    // The pieces one article printed the statement in are one version, as in the window.
    let members: Vec<(&Quote, &[DiffOp])> = group
        .members
        .iter()
        .filter_map(|m| Some((analysis.quote(&m.quote_id)?, m.diff.as_slice())))
        .collect();
    let versions =
        pieces::reference_first(pieces::versions(&members), &group.reference).unwrap_or_default();
    let texts: Vec<String> = versions.iter().map(Version::text).collect();
    let diffs = pieces::diffs(&versions, &texts);
    for ((v, text), diff) in versions.iter().zip(&texts).zip(&diffs) {
        version(out, analysis, group, v, text, diff);
    }
    out.push_str("</ol>\n</section>\n");
}

/// The notes on `group` itself (`quote_id` `None`) or on differences of one version.
fn notes_on<'a>(
    analysis: &'a Analysis,
    group: &'a Group,
    quote_id: Option<&'a str>,
) -> impl Iterator<Item = &'a Note> {
    analysis
        .notes
        .iter()
        .filter(move |n| n.group_id == group.group_id && n.quote_id.as_deref() == quote_id)
}

fn version(
    out: &mut String,
    analysis: &Analysis,
    group: &Group,
    v: &Version,
    text: &str,
    diff: &[DiffOp],
) {
    let Some(quote) = v.first() else {
        return;
    };
    let article = analysis.article(&quote.article_id);
    let source = article.map_or(quote.article_id.as_str(), |a| {
        a.meta.outlet.as_deref().unwrap_or(a.title.as_str())
    });
    let reference = if v.holds(&group.reference) {
        "<span class=\"ref\">reference</span>"
    } else {
        ""
    };
    let in_pieces = if v.pieces.len() > 1 {
        "<span class=\"pieces\">in pieces […]</span>"
    } else {
        ""
    };
    let equal;
    let diff = if diff.is_empty() {
        equal = [DiffOp::new(OpKind::Equal, text, text, None)];
        &equal[..]
    } else {
        diff
    };
    let body = marked(diff, &v.joints());
    // The other pieces' ids, so a link to any of them lands here.
    let anchors: String = v
        .pieces
        .iter()
        .skip(1)
        .map(|(q, _)| format!("<span id=\"{}\"></span>", escape(&q.quote_id)))
        .collect();
    let _ = write!(
        out,
        "<li id=\"{}\">{anchors}<div class=\"source\">{} · {}{reference}{in_pieces}</div>\n\
         <blockquote>{body}</blockquote>\n",
        escape(&quote.quote_id),
        escape(&quote.article_id),
        escape(source),
    );
    for (piece, _) in &v.pieces {
        let said = said_line(piece);
        if !said.is_empty() {
            let _ = writeln!(out, "<p class=\"said\">{said}</p>");
        }
        for note in notes_on(analysis, group, Some(&piece.quote_id)) {
            let _ = writeln!(
                out,
                "<p class=\"note\"><b>Note</b>on “{}” → “{}”: {}</p>",
                escape(note.reference_words.as_deref().unwrap_or("").trim()),
                escape(note.words.as_deref().unwrap_or("").trim()),
                escape(&note.text)
            );
        }
    }
    out.push_str("</li>\n");
}

/// How the source attributed the version, and what kind of quotation it is.
fn said_line(quote: &Quote) -> String {
    let mut parts: Vec<String> = Vec::new();
    match (&quote.speaker_as_written, &quote.speaker) {
        (Some(w), Some(s)) if w != s => {
            parts.push(format!("attributed to “{}” ({})", escape(w), escape(s)));
        }
        (Some(w), _) => parts.push(format!("attributed to “{}”", escape(w))),
        (None, Some(s)) => parts.push(format!("speaker: {}", escape(s))),
        (None, None) => parts.push("no attribution".into()),
    }
    // "she → Ana Ruiz: the subject of the sentence before".
    if let (Some(e), Some(s)) = (&quote.speaker_evidence, &quote.speaker) {
        parts.push(format!(
            "“{}” → {}: {}",
            escape(e.words.trim()),
            escape(s),
            e.via.explain()
        ));
    }
    if quote.kind == QuoteKind::Partial {
        parts.push("partial quotation".into());
    }
    if quote.spliced {
        parts.push("spliced with an ellipsis".into());
    }
    if quote.truncated {
        parts.push("cut mid-sentence".into());
    }
    if quote.manual {
        parts.push("added by the editor".into());
    }
    parts.join(" · ")
}

/// The mark where one piece of a version ends and the next begins (not printed by the source).
const GAP: &str = "<span class=\"gap\" title=\"the next piece of this quotation\">[…]</span> ";

/// A version's text with its differences from the reference marked, and a [`GAP`] before each
/// of `joints` (byte offsets in the printed text where a piece after the first begins).
fn marked(diff: &[DiffOp], joints: &[usize]) -> String {
    let mut s = String::new();
    let mut printed = 0;
    let mut joints = joints.iter().copied().peekable();
    for op in diff {
        let class = op.class.map_or("change", |c| c.as_str());
        let del = |s: &mut String| {
            let _ = write!(
                s,
                "<del class=\"d d-{class}\" title=\"{class}: reference had\">{}</del>",
                escape(op.ref_text.trim_end())
            );
        };
        let ins = |s: &mut String| {
            let _ = write!(
                s,
                "<ins class=\"d d-{class}\" title=\"{class}\">{}</ins>",
                escape(op.text.trim_end())
            );
        };
        let end = printed
            + if op.op == OpKind::Delete {
                0
            } else {
                op.text.len()
            };
        match op.op {
            OpKind::Equal => {
                // Equal text may hold a joint: split it there.
                let mut from = 0;
                while let Some(j) = joints.next_if(|&j| j < end) {
                    let at = j.saturating_sub(printed);
                    if let Some(before) = op.text.get(from..at) {
                        s.push_str(&escape(before));
                        from = at;
                    }
                    s.push_str(GAP);
                }
                s.push_str(&escape(op.text.get(from..).unwrap_or("")));
            }
            _ => {
                while joints.next_if(|&j| j < end.max(printed + 1)).is_some() {
                    s.push_str(GAP);
                }
                match op.op {
                    OpKind::Insert => ins(&mut s),
                    OpKind::Delete => del(&mut s),
                    _ => {
                        del(&mut s);
                        s.push(' ');
                        ins(&mut s);
                    }
                }
                s.push_str(&trailing_space(op));
            }
        }
        printed = end;
    }
    s
}

/// The spacing after a changed op's words, kept outside the mark.
fn trailing_space(op: &DiffOp) -> String {
    let text = if op.op == OpKind::Delete {
        &op.ref_text
    } else {
        &op.text
    };
    let trimmed = text.trim_end().len();
    text.get(trimmed..).unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChangeClass;

    fn op(op: OpKind, text: &str, ref_text: &str, class: Option<ChangeClass>) -> DiffOp {
        DiffOp {
            op,
            text: text.into(),
            ref_text: ref_text.into(),
            class,
        }
    }

    #[test]
    fn a_replaced_number_shows_both_words_with_its_class() {
        let html = marked(
            &[
                op(OpKind::Equal, "It cost ", "It cost ", None),
                op(OpKind::Replace, "45 ", "4.5 ", Some(ChangeClass::Number)),
                op(OpKind::Equal, "million.", "million.", None),
            ],
            &[],
        );
        assert_eq!(
            html,
            "It cost <del class=\"d d-number\" title=\"number: reference had\">4.5</del> \
             <ins class=\"d d-number\" title=\"number\">45</ins> million."
        );
    }

    #[test]
    fn a_gap_marks_where_the_next_piece_begins() {
        // "We will sail, " + "and the fare stays." with the second piece from byte 14.
        let html = marked(
            &[
                op(OpKind::Equal, "We will sail, ", "We will sail, ", None),
                op(OpKind::Insert, "and ", "", Some(ChangeClass::Addition)),
                op(OpKind::Equal, "the fare stays.", "the fare stays.", None),
            ],
            &[14],
        );
        assert!(
            html.starts_with(&format!("We will sail, {GAP}<ins")),
            "{html}"
        );
        let html = marked(
            &[op(
                OpKind::Equal,
                "We will sail, and the fare stays.",
                "",
                None,
            )],
            &[14],
        );
        assert_eq!(html, format!("We will sail, {GAP}and the fare stays."));
    }

    #[test]
    fn differences_are_escaped() {
        let html = marked(
            &[op(
                OpKind::Insert,
                "<img src=x> ",
                "",
                Some(ChangeClass::Addition),
            )],
            &[],
        );
        assert!(html.contains("&lt;img src=x&gt;"));
        assert!(!html.contains("<img"));
    }

    #[test]
    fn the_said_by_line_shows_how_a_pronoun_was_resolved() {
        let quote = Quote {
            speaker: Some("Ana Ruiz".into()),
            speaker_as_written: Some("she".into()),
            speaker_evidence: Some(crate::model::SpeakerEvidence {
                words: "she".into(),
                start: 10,
                end: 13,
                via: crate::model::SpeakerVia::PreviousSubject,
            }),
            ..Quote::default()
        };
        assert!(
            said_line(&quote).contains("“she” → Ana Ruiz: the subject of the sentence before"),
            "{}",
            said_line(&quote)
        );
    }
}
