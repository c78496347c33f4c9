//! The `verbatim analyze` command run as a user runs it: the real binary, real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn verbatim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const WIRE: &str = "Harbour to close for repairs\n\n\
“We will not reopen the north quay before March,” Harbour Master Elena Sousa said on Monday.\n\n\
“The repairs will cost 4.5 million euros,” she added.\n";
const LOCAL: &str = "Quay repairs to last until spring\n\n\
“We will reopen the north quay before March,” harbour master Elena Sousa told reporters.\n\n\
“The repairs will cost 45 million euros,” Sousa said.\n";

fn json_of(files: &[&Path]) -> serde_json::Value {
    let mut args = vec!["analyze", "--format", "json"];
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    let out = verbatim(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_groups_versions_and_flags_changes() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let b = write(dir.path(), "local.txt", LOCAL);
    let v = json_of(&[&a, &b]);
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);
    let groups = v["groups"].as_array().unwrap();
    let members: usize = groups
        .iter()
        .map(|g| g["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(members, 4, "every quotation is in exactly one group");
    let cost = groups
        .iter()
        .find(|g| {
            g["members"][0]["text"]
                .as_str()
                .unwrap()
                .contains("repairs will cost")
        })
        .expect("the cost statement is a group");
    assert_eq!(cost["members"].as_array().unwrap().len(), 2);
    let flags: Vec<&str> = cost["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(flags.contains(&"number-change"), "{flags:?}");
    let reopen = groups
        .iter()
        .find(|g| g["members"][0]["text"].as_str().unwrap().contains("reopen"))
        .unwrap();
    let flags: Vec<&str> = reopen["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(flags.contains(&"negation-change"), "{flags:?}");
    for g in groups {
        for m in g["members"].as_array().unwrap() {
            assert_eq!(m["speaker"], "Elena Sousa");
        }
    }
}

#[test]
fn offsets_point_into_the_original_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let v = json_of(&[&a]);
    let raw = std::fs::read(&a).unwrap();
    for g in v["groups"].as_array().unwrap() {
        for m in g["members"].as_array().unwrap() {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&raw[s..e]).unwrap(),
                m["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn a_bad_file_is_named_and_the_rest_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "wire.txt", WIRE);
    let empty = write(dir.path(), "empty.txt", "  \n");
    let missing = dir.path().join("missing.txt");
    let out = verbatim(&[
        "analyze",
        "--format",
        "json",
        good.to_str().unwrap(),
        empty.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed file gives exit code 1"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "one line per bad file: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
}

#[test]
fn text_output_marks_differences_without_colour_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let b = write(dir.path(), "local.txt", LOCAL);
    let out = verbatim(&["analyze", a.to_str().unwrap(), b.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no ANSI codes when piped");
    assert!(text.contains("Elena Sousa"));
    assert!(text.contains("<number>"), "{text}");
}

#[test]
fn csv_has_one_row_per_quotation_and_writes_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let b = write(dir.path(), "local.txt", LOCAL);
    let out_path = dir.path().join("out.csv");
    let out = verbatim(&[
        "analyze",
        "--format",
        "csv",
        "-o",
        out_path.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let mut reader = csv::Reader::from_path(&out_path).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| &r[4] == "Elena Sousa"));
}

#[test]
fn reference_option_picks_the_reference_article() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let b = write(dir.path(), "local.txt", LOCAL);
    for (name, article) in [("wire.txt", "a1"), ("local.txt", "a2")] {
        let out = verbatim(&[
            "analyze",
            "--format",
            "json",
            "--reference",
            name,
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for g in v["groups"].as_array().unwrap() {
            let reference = g["reference"].as_str().unwrap();
            let m = g["members"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["id"] == reference)
                .unwrap();
            assert_eq!(m["article"], article);
            assert!(m["diff"].as_array().unwrap().is_empty());
        }
    }
}

#[test]
fn a_folder_contributes_its_articles_at_any_depth_and_skips_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("later")).unwrap();
    write(dir.path(), "wire.txt", WIRE);
    write(&dir.path().join("later"), "local.txt", LOCAL);
    write(dir.path(), "expected.json", "{\"not\": \"an article\"}");
    let out = verbatim(&["analyze", "--format", "json", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = v["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths[0].ends_with("later/local.txt") && paths[1].ends_with("wire.txt"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("expected.json: not a format Verbatim reads (.json)"),
        "{stderr}"
    );
}

#[test]
fn files_from_reads_the_list_on_standard_input() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "wire.txt", WIRE);
    let b = write(dir.path(), "local.txt", LOCAL);
    let mut child = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args(["analyze", "--files-from", "-", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let list = format!("{}\n\n{}\n", a.display(), b.display());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(list.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        csv.lines().count(),
        5,
        "a header and four quotations:\n{csv}"
    );
    assert!(csv.contains("wire.txt") && csv.contains("local.txt"));
}
