//! Exports: the HTML report holds no live markup from articles, the CSV matches the groups,
//! the JSON carries corrections and notes, and `verbatim export` runs from files and from a
//! workspace with the documented exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::articles as common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use verbatim::corrections::{Correction, Corrections, EquivalenceScope, NoteTarget};
use verbatim::report::export::{self, ExportFormat};
use verbatim::workspace::{self, Workspace};
use verbatim::{AnalyzeOptions, analyze};

const HOSTILE: &str = "<script>alert(1)</script> Harbour \"><img src=x onerror=alert(1)> news\n\n\
“We will open the <script>alert(1)</script> gate \"><img src=x onerror=alert(1)> tomorrow,” \
Harbour Master Elena Sousa said.\n";

/// Whether `html` holds an element an article tried to smuggle in.
fn live_markup(html: &str) -> bool {
    let lower = html.to_lowercase();
    lower.contains("<script") || lower.contains("<img") || lower.contains("onerror=alert(1)>")
}

#[test]
fn html_export_of_a_hostile_article_has_no_live_markup() {
    let hostile = article("\"><img src=x onerror=alert(1)>.txt", HOSTILE);
    let first = analyze(vec![hostile.clone()], &AnalyzeOptions::default());
    assert!(
        !first.quotes.is_empty(),
        "the test needs a quotation to carry the markup"
    );
    let member = first.quotes[0].key(&hostile);
    let corrections = Corrections {
        items: vec![
            Correction::Note {
                target: NoteTarget::Group {
                    member: member.clone(),
                },
                text: "<script>alert(2)</script>".into(),
            },
            Correction::Equivalent {
                wording: "<img src=x>".into(),
                same_as: "\"><script>".into(),
                scope: EquivalenceScope::Everywhere,
            },
            Correction::SplitOff { quote: member },
        ],
    };
    let options = AnalyzeOptions {
        corrections: corrections.clone(),
        ..AnalyzeOptions::default()
    };
    let analysis = analyze(vec![hostile], &options);
    assert_eq!(analysis.notes.len(), 1);
    let html = export::render(&analysis, &corrections, ExportFormat::Html).unwrap();
    assert!(!live_markup(&html), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the words still show"
    );
    assert!(
        html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "the note shows"
    );
}

#[test]
fn html_export_is_one_page_without_script_or_outside_resources() {
    let analysis = analyze(
        vec![article("wire.txt", WIRE), article("local.txt", LOCAL)],
        &AnalyzeOptions::default(),
    );
    let html = export::render(&analysis, &Corrections::default(), ExportFormat::Html).unwrap();
    assert!(html.contains("<style>") && html.contains("@media print"));
    for outside in ["<script", "<link", "src=", "url(", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
    for part in [
        "id=\"sources\"",
        "id=\"legend\"",
        "id=\"statements\"",
        "id=\"speakers\"",
    ] {
        assert!(html.contains(part), "{part}");
    }
    assert!(html.contains("Rosa Lind"));
}

#[test]
fn csv_export_opens_with_the_csv_crate_and_matches_the_groups() {
    let wire = article("wire.txt", WIRE);
    let first = analyze(
        vec![wire.clone(), article("local.txt", LOCAL)],
        &AnalyzeOptions::default(),
    );
    let corrections = one_of_each(&first, &wire);
    let options = AnalyzeOptions {
        corrections: corrections.clone(),
        ..AnalyzeOptions::default()
    };
    let analysis = analyze(vec![wire, article("local.txt", LOCAL)], &options);
    let text = export::render(&analysis, &corrections, ExportFormat::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), analysis.quotes.len());
    for row in &rows {
        let group = analysis
            .groups
            .iter()
            .find(|g| g.group_id == row[column("group")])
            .unwrap();
        assert!(
            group
                .members
                .iter()
                .any(|m| m.quote_id == row[column("quote")])
        );
        let q = analysis.quote(&row[column("quote")]).unwrap();
        assert_eq!(&row[column("text")], q.text);
    }
    let year = group_of(&analysis, "2026");
    let noted = rows
        .iter()
        .find(|r| r[column("group")] == year.group_id)
        .unwrap();
    assert!(
        noted[column("notes")].contains("timetable says 2027"),
        "{noted:?}"
    );
}

#[test]
fn json_export_is_the_contract_plus_corrections_and_notes() {
    let wire = article("wire.txt", WIRE);
    let first = analyze(
        vec![wire.clone(), article("local.txt", LOCAL)],
        &AnalyzeOptions::default(),
    );
    let mut corrections = one_of_each(&first, &wire);
    corrections.items.push(Correction::SplitOff {
        quote: verbatim::model::QuoteKey {
            article_hash: "gone".into(),
            start: 1,
            end: 2,
        },
    });
    let options = AnalyzeOptions {
        corrections: corrections.clone(),
        ..AnalyzeOptions::default()
    };
    let analysis = analyze(vec![wire, article("local.txt", LOCAL)], &options);
    let text = export::render(&analysis, &corrections, ExportFormat::Json).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["groups"].as_array().unwrap().len(), analysis.groups.len());
    let listed = v["corrections"].as_array().unwrap();
    assert_eq!(listed.len(), corrections.items.len());
    assert_eq!(listed[0]["correction"]["kind"], "set-speaker");
    assert_eq!(listed.last().unwrap()["applied"], false);
    assert!(
        listed.last().unwrap()["not_applied_because"]
            .as_str()
            .unwrap()
            .contains("not loaded")
    );
    assert_eq!(v["notes"].as_array().unwrap().len(), 2);
}

fn verbatim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn files(dir: &Path) -> (PathBuf, PathBuf) {
    let wire = dir.join("wire.txt");
    let local = dir.join("local.txt");
    std::fs::write(&wire, WIRE).unwrap();
    std::fs::write(&local, LOCAL).unwrap();
    (wire, local)
}

fn export_files(format: &str, out: &Path, inputs: &[&Path]) -> Output {
    let mut args = vec!["export", "--format", format, "-o", out.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    verbatim(&args)
}

#[test]
fn export_command_writes_each_format_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let (wire, local) = files(dir.path());
    for (format, starts) in [
        ("html", "<!DOCTYPE html>"),
        ("csv", "group,"),
        ("json", "{"),
    ] {
        let out = dir.path().join(format!("report.{format}"));
        let run = export_files(format, &out, &[&wire, &local]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..40.min(text.len())]
        );
        assert!(text.contains("Rosa Lind"), "{format}");
    }
}

#[test]
fn export_command_applies_a_workspace_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let wire = article("wire.txt", WIRE);
    let first = analyze(
        vec![wire.clone(), article("local.txt", LOCAL)],
        &AnalyzeOptions::default(),
    );
    let mut ws = Workspace::new();
    ws.add_bytes("wire.txt", WIRE.as_bytes().to_vec()).unwrap();
    ws.add_bytes("local.txt", LOCAL.as_bytes().to_vec())
        .unwrap();
    ws.corrections = one_of_each(&first, &wire);
    let path = dir.path().join("tram.verbatim");
    workspace::save_atomic(&path, &ws).unwrap();
    for format in ["html", "csv", "json"] {
        let out = dir.path().join(format!("report.{format}"));
        let run = verbatim(&[
            "export",
            "--format",
            format,
            "--workspace",
            path.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("Rosa Lind-Holm"),
            "{format}: the speaker correction shows"
        );
        assert!(
            !text.contains("sorry for the wait"),
            "{format}: the removed quotation is gone"
        );
    }
}

#[test]
fn export_command_names_an_unreadable_file_and_exports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (wire, _) = files(dir.path());
    let missing = dir.path().join("missing.txt");
    let out = dir.path().join("report.html");
    let run = export_files("html", &out, &[&wire, &missing]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("missing.txt"));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("Ida Brandt")
    );
}

#[test]
fn export_command_refuses_a_damaged_workspace_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.verbatim");
    std::fs::write(&path, b"{\"kind\": \"verbatim-workspace\", \"schema").unwrap();
    let out = dir.path().join("report.json");
    let run = verbatim(&[
        "export",
        "--format",
        "json",
        "--workspace",
        path.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("broken.verbatim") && stderr.contains("damaged"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn export_command_wants_files_or_a_workspace_not_both() {
    let dir = tempfile::tempdir().unwrap();
    let (wire, _) = files(dir.path());
    let out = dir.path().join("r.csv");
    let both = verbatim(&[
        "export",
        "--format",
        "csv",
        "--workspace",
        "w.verbatim",
        "-o",
        out.to_str().unwrap(),
        wire.to_str().unwrap(),
    ]);
    assert_eq!(both.status.code(), Some(2));
    let neither = verbatim(&["export", "--format", "csv", "-o", out.to_str().unwrap()]);
    assert_eq!(neither.status.code(), Some(2));
    assert!(!out.exists());
}

#[test]
fn html_report_shows_a_split_quotation_as_one_version_in_pieces() {
    let whole = article(
        "tram_wire.txt",
        "Trams back on Friday\n\n\u{201c}The new trams will run every night this summer, and \
         tickets will not cost more before the autumn timetable,\u{201d} said Iris Valdane, head \
         of Corvel Transit.\n",
    );
    let split = article(
        "tram_local.txt",
        "Night trams confirmed\n\n\u{201c}The new trams will run every night this summer,\
         \u{201d} Iris Valdane, the transit head, told a meeting in the town hall. \u{201c}And \
         tickets will not cost more before the autumn timetable.\u{201d}\n",
    );
    let analysis = analyze(vec![whole, split], &AnalyzeOptions::default());
    assert_eq!(analysis.groups.len(), 1, "{:?}", analysis.groups);
    assert_eq!(analysis.groups[0].members.len(), 3);
    let html = export::render(&analysis, &Corrections::default(), ExportFormat::Html).unwrap();
    // Two versions (one per article), the split one marked as pieces with a gap where they meet.
    assert_eq!(html.matches("<li id=").count(), 2, "{html}");
    assert_eq!(html.matches("class=\"pieces\"").count(), 1);
    let gap = html.find("class=\"gap\"").expect("a gap mark");
    let second_piece = html.find("And").expect("the second piece");
    assert!(gap < second_piece);
    // Nothing of the second piece is struck as omitted.
    assert!(!html.contains("reference had\">tickets"), "{html}");
}
