//! Groups for a person at a terminal: each statement with its speaker and flags, every version
//! under the other, differences marked — in colour on a terminal, with brackets when piped.

use crate::model::{Analysis, ChangeClass, OpKind};
use std::fmt::Write;

/// Renders the analysis; `colour` adds ANSI colours.
pub fn render(analysis: &Analysis, colour: bool) -> String {
    let mut out = String::new();
    for a in &analysis.articles {
        let _ = writeln!(out, "[{}] {} — {}", a.article_id, a.title, a.path);
        for w in &a.warnings {
            let _ = writeln!(out, "     note: {w}");
        }
    }
    for g in &analysis.groups {
        let flags: Vec<&str> = g.flags.iter().map(|f| f.as_str()).collect();
        let _ = writeln!(
            out,
            "\n{} · {} · {} version{}{}",
            g.group_id,
            g.speaker.as_deref().unwrap_or("unknown speaker"),
            g.members.len(),
            if g.members.len() == 1 { "" } else { "s" },
            if flags.is_empty() {
                String::new()
            } else {
                format!(" · {}", flags.join(", "))
            }
        );
        for m in &g.members {
            let Some(q) = analysis.quote(&m.quote_id) else {
                continue;
            };
            let who = match (&q.speaker, &q.speaker_as_written) {
                (Some(s), Some(w)) if s != w => format!("{s} (as “{w}”)"),
                (Some(s), _) => s.clone(),
                (None, Some(w)) => format!("“{w}”"),
                (None, None) => "no attribution".into(),
            };
            let marker = if m.quote_id == g.reference { "=" } else { " " };
            let _ = writeln!(out, "  {marker}[{}] {who}", q.article_id);
            let body = if m.diff.is_empty() {
                q.text.clone()
            } else {
                marked(&m.diff, colour)
            };
            let _ = writeln!(out, "     {body}");
        }
    }
    out
}

fn marked(diff: &[crate::model::DiffOp], colour: bool) -> String {
    let mut s = String::new();
    for op in diff {
        let class = op.class.map_or("", ChangeClass::as_str);
        match (op.op, colour) {
            (OpKind::Equal, _) => s.push_str(&op.text),
            (OpKind::Insert, true) => {
                let _ = write!(s, "\x1b[32;4m{}\x1b[0m", op.text);
            }
            (OpKind::Delete, true) => {
                let _ = write!(s, "\x1b[31;9m{}\x1b[0m ", op.ref_text.trim_end());
            }
            (OpKind::Replace, true) => {
                let _ = write!(
                    s,
                    "\x1b[33;4m{}\x1b[0m\x1b[2m(was: {})\x1b[0m ",
                    op.text.trim_end(),
                    op.ref_text.trim_end()
                );
            }
            (OpKind::Insert, false) => {
                let _ = write!(s, "{{+{}+}}<{class}> ", op.text.trim_end());
            }
            (OpKind::Delete, false) => {
                let _ = write!(s, "[-{}-]<{class}> ", op.ref_text.trim_end());
            }
            (OpKind::Replace, false) => {
                let _ = write!(
                    s,
                    "[-{}-]{{+{}+}}<{class}> ",
                    op.ref_text.trim_end(),
                    op.text.trim_end()
                );
            }
        }
    }
    s
}
