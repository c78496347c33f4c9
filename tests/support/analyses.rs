//! Hand-made analyses for the app's tests and benchmark: articles about invented people and
//! events, quotations with real spans, groups with members and classed diff ops — what the
//! engine would return, built without it.
// `..Analysis::default()` keeps the fixtures building as the model gains fields with defaults.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::needless_update
)]

use verbatim::model::{
    Analysis, Article, ChangeClass, DiffOp, Group, GroupFlag, Member, OffsetMap, OpKind, Quote,
};

/// An op of a hand-made diff.
pub fn op(kind: OpKind, text: &str, ref_text: &str, class: Option<ChangeClass>) -> DiffOp {
    DiffOp::new(kind, text, ref_text, class)
}

/// Equal words.
pub fn same(text: &str) -> DiffOp {
    op(OpKind::Equal, text, text, None)
}

/// An article whose text is `paragraphs` joined by blank lines.
pub fn article(id: &str, title: &str, outlet: &str, paragraphs: &[&str]) -> Article {
    let text = paragraphs.join("\n\n");
    let mut spans = Vec::new();
    let mut pos = 0;
    for p in paragraphs {
        spans.push(pos..pos + p.len());
        pos += p.len() + 2;
    }
    let mut article = Article {
        article_id: id.into(),
        path: format!("{id}.txt"),
        title: title.into(),
        offsets: OffsetMap::identity(text.len()),
        byte_len: text.len(),
        content_hash: format!("{:016x}", text.len() * 7919 + id.len()),
        paragraphs: spans,
        text,
        ..Article::default()
    };
    article.meta.outlet = Some(outlet.into());
    article
}

/// A quotation of `article` found by its text, attributed to `speaker` as `written`.
pub fn quote(quote_id: &str, article: &Article, text: &str, speaker: &str, written: &str) -> Quote {
    let start = article.text.find(text).expect("quotation in article");
    let attribution = article.text.find(written).map(|s| s..s + written.len());
    Quote {
        quote_id: quote_id.into(),
        article_id: article.article_id.clone(),
        text: text.into(),
        span: start..start + text.len(),
        start,
        end: start + text.len(),
        speaker: Some(speaker.into()),
        speaker_as_written: Some(written.into()),
        attribution,
        ..Quote::default()
    }
}

pub const BRIDGE: &str = "We will close the bridge for 14 weeks, and nobody will pay more.";
pub const BRIDGE_PUNCT: &str = "We will close the bridge for 14 weeks and nobody will pay more.";
pub const BRIDGE_CHANGED: &str =
    "We will close the bridge for 40 weeks, and everybody will pay more.";
pub const WORKERS: &str = "Nobody asked the workers before this decision.";
pub const WORKERS_PARA: &str = "No one asked the workers before this decision.";
pub const TUNNEL: &str = "Traffic will go through the old tunnel.";

/// Three articles, three statements: one with a number and a negation change, one with a
/// paraphrase and a speaker conflict, one quoted once.
pub fn bridge_analysis() -> Analysis {
    let a1 = article(
        "a1",
        "Harbour bridge to close for repairs",
        "Coastal Wire",
        &[
            "Harbour bridge to close for repairs",
            &format!("\u{201c}{BRIDGE}\u{201d} Transport Minister Elena Varga said on Monday."),
            &format!("Union leader Tomas Brandt said: \u{201c}{WORKERS}\u{201d}"),
        ],
    );
    let a2 = article(
        "a2",
        "Bridge closure announced",
        "Daily Tribune",
        &[
            "Bridge closure announced",
            &format!("\u{201c}{BRIDGE_PUNCT}\u{201d} the minister said."),
            &format!("\u{201c}{WORKERS_PARA}\u{201d} said Mara Lind, a spokeswoman."),
        ],
    );
    let a3 = article(
        "a3",
        "Bridge shut for 40 weeks",
        "Aggregator Today",
        &[
            "Bridge shut for 40 weeks",
            &format!("\u{201c}{BRIDGE_CHANGED}\u{201d} Varga said."),
            &format!(
                "\u{201c}{TUNNEL}\u{201d} she added. Thai readers saw \u{0e2a}\u{0e30}\u{0e1e}\u{0e32}\u{0e19} and \u{6865}."
            ),
        ],
    );
    let quotes = vec![
        quote(
            "q1",
            &a1,
            BRIDGE,
            "Elena Varga",
            "Transport Minister Elena Varga",
        ),
        quote(
            "q2",
            &a1,
            WORKERS,
            "Tomas Brandt",
            "Union leader Tomas Brandt",
        ),
        quote("q3", &a2, BRIDGE_PUNCT, "Elena Varga", "the minister"),
        quote("q4", &a2, WORKERS_PARA, "Mara Lind", "Mara Lind"),
        quote("q5", &a3, BRIDGE_CHANGED, "Elena Varga", "Varga"),
        quote("q6", &a3, TUNNEL, "Elena Varga", "she"),
    ];
    let groups = vec![
        Group {
            group_id: "g1".into(),
            speaker: Some("Elena Varga".into()),
            reference: "q1".into(),
            flags: vec![GroupFlag::NumberChange, GroupFlag::NegationChange],
            members: vec![
                Member {
                    quote_id: "q1".into(),
                    diff: vec![],
                },
                Member {
                    quote_id: "q3".into(),
                    diff: vec![
                        same("We will close the bridge for 14 weeks"),
                        op(OpKind::Delete, "", ",", Some(ChangeClass::Punctuation)),
                        same(" and nobody will pay more."),
                    ],
                },
                Member {
                    quote_id: "q5".into(),
                    diff: vec![
                        same("We will close the bridge for "),
                        op(OpKind::Replace, "40", "14", Some(ChangeClass::Number)),
                        same(" weeks, and "),
                        op(
                            OpKind::Replace,
                            "everybody",
                            "nobody",
                            Some(ChangeClass::Negation),
                        ),
                        same(" will pay more."),
                    ],
                },
            ],
        },
        Group {
            group_id: "g2".into(),
            speaker: Some("Tomas Brandt".into()),
            reference: "q2".into(),
            flags: vec![GroupFlag::SpeakerConflict],
            members: vec![
                Member {
                    quote_id: "q2".into(),
                    diff: vec![],
                },
                Member {
                    quote_id: "q4".into(),
                    diff: vec![
                        op(
                            OpKind::Replace,
                            "No one",
                            "Nobody",
                            Some(ChangeClass::Paraphrase),
                        ),
                        same(" asked the workers before this decision."),
                    ],
                },
            ],
        },
        Group {
            group_id: "g3".into(),
            speaker: Some("Elena Varga".into()),
            reference: "q6".into(),
            flags: vec![],
            members: vec![Member {
                quote_id: "q6".into(),
                diff: vec![],
            }],
        },
    ];
    Analysis {
        articles: vec![a1, a2, a3],
        quotes,
        groups,
        ..Analysis::default()
    }
}

/// A generated analysis with `groups` statements of three versions each, over ten articles.
pub fn generated_analysis(groups: usize) -> Analysis {
    let speakers = [
        "Ana Ruiz",
        "Tomas Brandt",
        "Elena Varga",
        "Mara Lind",
        "Ivo Petrak",
    ];
    let articles: Vec<Article> = (1..=10)
        .map(|i| {
            let id = format!("a{i}");
            article(
                &id,
                &format!("Generated article {i}"),
                "Generated",
                &["Generated text."],
            )
        })
        .collect();
    let mut quotes = Vec::with_capacity(groups * 3);
    let mut out = Vec::with_capacity(groups);
    for g in 0..groups {
        let text = format!(
            "Statement number {g} says the council will spend {} dollars on roads.",
            g * 3
        );
        let changed = format!(
            "Statement number {g} says the council will spend {} dollars on roads.",
            g * 3 + 1
        );
        let speaker = speakers[g % speakers.len()];
        let mut members = Vec::new();
        for v in 0..3 {
            let quote_id = format!("q{}", g * 3 + v + 1);
            let article_id = format!("a{}", (g + v) % 10 + 1);
            let quote_text = if v == 2 {
                changed.clone()
            } else {
                text.clone()
            };
            quotes.push(Quote {
                quote_id: quote_id.clone(),
                article_id,
                text: quote_text,
                speaker: Some(speaker.into()),
                speaker_as_written: Some(speaker.into()),
                ..Quote::default()
            });
            let prefix = format!("Statement number {g} says the council will spend ");
            let diff = match v {
                0 => vec![],
                1 => vec![same(&text)],
                _ => vec![
                    same(&prefix),
                    op(
                        OpKind::Replace,
                        &(g * 3 + 1).to_string(),
                        &(g * 3).to_string(),
                        Some(ChangeClass::Number),
                    ),
                    same(" dollars on roads."),
                ],
            };
            members.push(Member { quote_id, diff });
        }
        out.push(Group {
            group_id: format!("g{}", g + 1),
            speaker: Some(speaker.into()),
            reference: format!("q{}", g * 3 + 1),
            flags: vec![GroupFlag::NumberChange],
            members,
        });
    }
    Analysis {
        articles,
        quotes,
        groups: out,
        ..Analysis::default()
    }
}

/// A file dropped on the window.
#[cfg(feature = "gui")]
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

#[cfg(feature = "gui")]
impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
