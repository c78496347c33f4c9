//! A statement one article prints in pieces (a quotation split by its attribution) is one
//! version: one group, one column, its pieces joined and aligned against the reference as one.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::settle;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use verbatim::app::command::ViewCommand;
use verbatim::app::{App, Command};
use verbatim::view::{SpanRole, VersionMarks};

/// The statement printed whole.
const WHOLE: &str = "Ferry to keep sailing through winter\n\nBy Staff Reporter\n\n\
The harbour authority will keep its new ferry in service through the cold months, its \
director said on Tuesday.\n\n\
\u{201c}The new ferry will run every day this winter, and fares will not rise before the \
spring timetable comes in,\u{201d} said Lena Osterberg, director of the Brannock Harbour \
Authority.\n\nOsterberg said the vessel had passed its safety inspection last week.\n";

/// The statement split around its attribution.
const SPLIT: &str = "Winter ferry service confirmed\n\nBy Local Desk\n\n\
Islanders will not lose their crossing this winter.\n\n\
\u{201c}The new ferry will run every day this winter,\u{201d} Lena Osterberg, the harbour \
authority's director, said at a meeting in the town hall. \u{201c}And fares will not rise \
before the spring timetable comes in.\u{201d}\n\nResidents applauded the announcement.\n";

fn articles() -> Vec<PathBuf> {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut paths = Vec::new();
    for (name, text) in [("ferry_wire.txt", WHOLE), ("ferry_local.txt", SPLIT)] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    paths
}

#[test]
fn split_quotation_in_one_group_and_one_column() {
    let mut app = App::with_paths(articles());
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    let mut h = crate::harness_sized(app, [1280.0, 720.0]);
    settle(&mut h);
    let (group_id, members) = {
        let doc = &h.state().doc;
        let group = (doc.analysis.groups.iter())
            .find(|g| {
                g.members.iter().any(|m| {
                    doc.quote(&m.quote_id)
                        .is_some_and(|q| q.text.starts_with("And fares"))
                })
            })
            .expect("the second piece is in a group");
        (group.group_id.clone(), group.members.len())
    };
    assert_eq!(
        members, 3,
        "the whole version and both pieces are one statement"
    );
    h.state_mut()
        .apply(Command::View(ViewCommand::SelectGroup(group_id)));
    h.run_steps(2);
    let app = h.state();
    let drawn = app.drawn_comparison().unwrap();
    let columns = &drawn.comparison.columns;
    assert_eq!(columns.len(), 2, "one column per article");
    let pieced = columns.iter().position(|c| c.pieces.len() == 2).unwrap();
    let column = &columns[pieced];
    let texts: Vec<&str> = (column.pieces.iter())
        .map(|id| app.doc.quote(id).unwrap().text.as_str())
        .collect();
    assert!(texts[0].starts_with("The new ferry"), "{texts:?}");
    assert_eq!(column.text, texts.join(" "));
    assert_eq!(
        drawn.comparison.text_of(pieced, SpanRole::Printed),
        column.text
    );
    // Aligned as one version: no half of the statement struck as omitted.
    let other = 1 - pieced;
    for c in [pieced, other] {
        let struck = drawn.comparison.text_of(c, SpanRole::Struck);
        assert!(
            !struck.contains("ferry") && !struck.contains("fares"),
            "{struck:?}"
        );
    }
    // The join is marked where the second piece begins, drawn in the column.
    let cell_texts: String = (drawn.cells.iter())
        .map(|row| row[pieced].job.text.as_str())
        .collect();
    assert!(cell_texts.contains("winter, […] "), "{cell_texts:?}");
    assert!(cell_texts.contains("And fares"), "{cell_texts:?}");
    // The head counts versions, not pieces.
    assert!(
        h.query_by_label_contains("2 versions from 2 sources")
            .is_some()
    );
    let marks = column.marks.labels();
    assert!(marks.contains(&VersionMarks::PIECED), "{marks:?}");
    assert!(
        h.query_by_label(VersionMarks::PIECED).is_some(),
        "{:?}",
        h.query_all_by_label_contains("pieces")
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
    );
}
