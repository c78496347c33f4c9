//! Tests of the columns: truthful printed and struck text, marks, order, pieced versions.
#![allow(clippy::unwrap_used)]
use super::*;
use crate::model::Member;

fn op(kind: OpKind, text: &str, ref_text: &str, class: Option<ChangeClass>) -> DiffOp {
    DiffOp::new(kind, text, ref_text, class)
}

fn quote(quote_id: &str, article_id: &str, text: &str) -> Quote {
    Quote {
        quote_id: quote_id.into(),
        article_id: article_id.into(),
        text: text.into(),
        ..Quote::default()
    }
}

const REFERENCE: &str = "Households will not face rationing, from the north.";
const DROPPED: &str = "Households will face rationing, from the south.";

fn setup() -> (Group, Vec<Quote>) {
    let diff = vec![
        op(OpKind::Equal, "Households will ", "Households will ", None),
        op(OpKind::Delete, "", "not ", Some(ChangeClass::Negation)),
        op(
            OpKind::Equal,
            "face rationing, from the ",
            "face rationing, from the ",
            None,
        ),
        op(OpKind::Replace, "south", "north", Some(ChangeClass::Name)),
        op(OpKind::Equal, ".", ".", None),
    ];
    let group = Group {
        group_id: "g1".into(),
        speaker: None,
        reference: "q2".into(),
        flags: Vec::new(),
        members: vec![
            Member {
                quote_id: "q2".into(),
                diff: Vec::new(),
            },
            Member {
                quote_id: "q1".into(),
                diff,
            },
        ],
    };
    let quotes = vec![quote("q1", "a1", DROPPED), quote("q2", "a2", REFERENCE)];
    (group, quotes)
}

#[test]
fn a_dropped_negation_is_struck_never_printed() {
    let (group, quotes) = setup();
    let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
    let c = compare(&group, find, |_| 0, false).unwrap();
    assert_eq!(c.columns[0].quote_id, "q2");
    assert_eq!(c.text_of(1, SpanRole::Printed), DROPPED);
    assert_eq!(c.text_of(1, SpanRole::Struck), "not north");
    assert_eq!(c.text_of(0, SpanRole::Printed), REFERENCE);
    assert_eq!(c.text_of(0, SpanRole::Struck), "");
    let negation = c
        .rows
        .iter()
        .flat_map(|r| &r[1])
        .find(|s| s.class == Some(ChangeClass::Negation))
        .unwrap();
    assert_eq!(negation.role, SpanRole::Struck);
}

#[test]
fn a_truncated_version_says_where_it_is_cut() {
    let cut = |text: &str| {
        let quote = Quote {
            text: text.into(),
            truncated: true,
            ..Quote::default()
        };
        let marks = VersionMarks::of(&quote);
        (marks.cut_start, marks.cut_end)
    };
    assert_eq!(cut("…the lowest we have recorded."), (true, false));
    assert_eq!(cut("Reservoirs are at their lowest…"), (false, true));
    assert_eq!(cut("the lowest we have recorded"), (true, true));
    let whole = Quote {
        text: "We will not ration water.".into(),
        ..Quote::default()
    };
    assert!(VersionMarks::of(&whole).labels().is_empty());
}

#[test]
fn rows_start_at_a_word_and_keep_the_text_whole() {
    let (group, quotes) = setup();
    let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
    let c = compare(&group, find, |_| 0, false).unwrap();
    for row in &c.rows {
        for cell in row {
            if let Some(first) = cell.first() {
                assert_eq!(first.text.trim_start(), first.text);
            }
        }
    }
}

#[test]
fn the_others_follow_article_order_whatever_the_reference() {
    let (mut group, mut quotes) = setup();
    quotes.push(quote("q3", "a0", REFERENCE));
    group.members.push(Member {
        quote_id: "q3".into(),
        diff: vec![op(OpKind::Equal, REFERENCE, REFERENCE, None)],
    });
    let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
    let rank = |a: &str| a.trim_start_matches('a').parse::<usize>().unwrap();
    let c = compare(&group, find, rank, false).unwrap();
    let order: Vec<&str> = c.columns.iter().map(|c| c.quote_id.as_str()).collect();
    assert_eq!(order, ["q2", "q3", "q1"]);
}

/// A two-source statement where the second article splits the quotation around its
/// attribution.
fn split_setup() -> (Group, Vec<Quote>) {
    let whole = "The ferry will run all winter, and fares will not rise before spring.";
    let (first, second) = (
        "The ferry will run all winter,",
        "and fares will rise before spring.",
    );
    let at = |q: Quote, start: usize| Quote {
        span: start..start + q.text.len(),
        ..q
    };
    let quotes = vec![
        at(quote("q1", "a1", whole), 40),
        at(quote("q2", "a2", first), 10),
        at(quote("q3", "a2", second), 60),
    ];
    let refs: Vec<&Quote> = quotes.iter().collect();
    let group = crate::align::build_group(
        "g1".into(),
        &refs,
        Some(0),
        &crate::align::AlignOptions::default(),
    );
    (group, quotes)
}

#[test]
fn a_split_quotation_is_one_column_aligned_as_one_version() {
    let (group, quotes) = split_setup();
    let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
    let c = compare(&group, find, |_| 0, false).unwrap();
    assert_eq!(c.columns.len(), 2);
    let pieced = &c.columns[1];
    assert_eq!(pieced.pieces, ["q2", "q3"]);
    assert!(pieced.marks.pieced);
    let joined = "The ferry will run all winter, and fares will rise before spring.";
    assert_eq!(pieced.text, joined);
    assert_eq!(c.text_of(1, SpanRole::Printed), joined);
    // Aligned as one version: only the dropped negation is missing, not half the statement.
    assert_eq!(c.text_of(1, SpanRole::Struck), "not ");
    assert_eq!(c.text_of(1, SpanRole::Gap), pieces::GAP_MARK);
    let gap_then: String = c
        .rows
        .iter()
        .flat_map(|r| &r[1])
        .skip_while(|s| s.role != SpanRole::Gap)
        .skip(1)
        .map(|s| s.text.as_str())
        .collect();
    assert!(gap_then.starts_with("and fares"), "{gap_then:?}");
    let rebuilt: String = pieced.diff.iter().map(|op| op.text.as_str()).collect();
    assert_eq!(rebuilt, joined);
}

#[test]
fn a_pieced_reference_is_one_column_and_the_others_align_against_it() {
    let (mut group, quotes) = split_setup();
    group.reference = "q3".into();
    let find = |id: &str| quotes.iter().find(|q| q.quote_id == id);
    let c = compare(&group, find, |_| 0, false).unwrap();
    assert_eq!(c.columns.len(), 2);
    assert_eq!(c.columns[0].quote_id, "q3");
    assert_eq!(c.columns[0].pieces, ["q2", "q3"]);
    assert_eq!(c.text_of(0, SpanRole::Struck), "");
    assert_eq!(c.text_of(1, SpanRole::Printed), quotes[0].text);
    assert_eq!(c.text_of(1, SpanRole::Struck), "");
    let added: String = c.columns[1]
        .diff
        .iter()
        .filter(|op| op.op != OpKind::Equal)
        .map(|op| op.text.as_str())
        .collect();
    assert_eq!(added.trim(), "not");
}
