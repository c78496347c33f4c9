//! The analysis in two steps: records extracted (in one run or in shards, lines in any order)
//! then grouped give the same result as `analyze` on the same articles, through the library
//! and through the real `verbatim extract` / `verbatim group` commands.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use verbatim::model::{Analysis, Article};
use verbatim::records::{Records, article_id, article_lines};
use verbatim::{AnalyzeOptions, analyze, ingest};

use crate::support::news;

fn corpus_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn corpus_articles() -> Vec<Article> {
    corpus_paths()
        .iter()
        .map(|p| ingest::load_path(p).unwrap())
        .collect()
}

fn generated_articles(n: usize, seed: u64) -> Vec<Article> {
    news::coverage(n, seed)
        .iter()
        .map(|(name, text)| ingest::ingest_bytes(name, text.as_bytes()).unwrap())
        .collect()
}

/// The record lines of `articles`, ids numbered after `prefix` or derived from the path.
fn lines_of(articles: &[Article], prefix: Option<&str>) -> String {
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| article_lines(a, &article_id(&a.path, prefix, i + 1)).unwrap())
        .collect()
}

fn group_lines(shards: &[&str]) -> Analysis {
    let mut records = Records::new();
    for (i, shard) in shards.iter().enumerate() {
        records.read(&format!("shard{i}"), shard.as_bytes());
    }
    let gathered = records.finish();
    assert!(gathered.problems.is_empty(), "{:?}", gathered.problems);
    gathered.analyze(&AnalyzeOptions::default()).0
}

/// Each group as its reference and its members, each named by file and original bytes, with
/// its diff: what must not change between the two ways of analysing.
fn groups(analysis: &Analysis) -> Vec<(String, Vec<(String, String)>)> {
    let name = |quote_id: &str| {
        let q = analysis.quote(quote_id).unwrap();
        let path = &analysis.article(&q.article_id).unwrap().path;
        format!("{path}@{}..{} {:?}", q.start, q.end, q.speaker)
    };
    let mut out: Vec<(String, Vec<(String, String)>)> = analysis
        .groups
        .iter()
        .map(|g| {
            let mut members: Vec<(String, String)> = g
                .members
                .iter()
                .map(|m| (name(&m.quote_id), format!("{:?}", m.diff)))
                .collect();
            members.sort();
            (name(&g.reference), members)
        })
        .collect();
    out.sort();
    out
}

fn assert_same(direct: &Analysis, from_records: &Analysis) {
    assert!(direct.groups.iter().any(|g| g.members.len() > 1));
    assert_eq!(groups(direct), groups(from_records));
    assert_eq!(
        verbatim::report::json::to_string(direct),
        verbatim::report::json::to_string(from_records)
    );
}

#[test]
fn records_of_the_corpus_group_as_analyze_does() {
    let articles = corpus_articles();
    let direct = analyze(articles.clone(), &AnalyzeOptions::default());
    let records = group_lines(&[&lines_of(&articles, None)]);
    assert_same(&direct, &records);
}

#[test]
fn two_shards_of_the_corpus_concatenated_group_as_analyze_does() {
    let articles = corpus_articles();
    let direct = analyze(articles.clone(), &AnalyzeOptions::default());
    let (first, second) = articles.split_at(articles.len() / 2);
    let joined = lines_of(first, Some("s1-")) + &lines_of(second, Some("s2-"));
    assert_same(&direct, &group_lines(&[&joined]));
}

#[test]
fn a_generated_corpus_shuffled_by_grouping_key_groups_as_analyze_does() {
    let articles = generated_articles(120, 7);
    let direct = analyze(articles.clone(), &AnalyzeOptions::default());
    let (first, second) = articles.split_at(50);
    let (a, b) = (lines_of(first, None), lines_of(second, None));
    // A shuffle: article records stay in order, quotation records are sorted by their terms,
    // so each quotation lands away from its article.
    let (mut heads, mut quotes): (Vec<&str>, Vec<&str>) = a
        .lines()
        .chain(b.lines())
        .partition(|l| l.starts_with(r#"{"record":"article""#));
    let terms = |l: &str| l.split(r#""terms":"#).nth(1).unwrap_or("").to_string();
    quotes.sort_by_key(|l| terms(l));
    assert!(quotes.len() > 200);
    quotes.append(&mut heads);
    let shuffled = quotes.join("\n");
    assert_same(&direct, &group_lines(&[&shuffled]));
}

fn verbatim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn run_ok(args: &[&str]) -> Vec<u8> {
    let out = verbatim(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn shown(paths: &[PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

#[test]
fn extract_in_shards_then_group_writes_what_analyze_writes() {
    let dir = tempfile::tempdir().unwrap();
    let paths = shown(&corpus_paths());
    let (first, second) = paths.split_at(paths.len() / 2);
    let shard = |name: &str, prefix: &str, files: &[String]| -> String {
        let out = dir.path().join(name).display().to_string();
        let mut args = vec!["extract", "--jsonl", "--id-prefix", prefix, "-o", &out];
        args.extend(files.iter().map(String::as_str));
        run_ok(&args);
        out
    };
    let one = shard("1.jsonl", "s1-", first);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&one).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644, "records are for others to read");
    }
    // The second shard names its files on standard input, as a map step is handed them.
    let two = dir.path().join("2.jsonl").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_verbatim"))
        .args([
            "extract",
            "--jsonl",
            "--files-from",
            "-",
            "--id-prefix",
            "s2-",
            "-o",
            &two,
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let list = second.join("\n");
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), list.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success());
    let mut analyze_args = vec!["analyze", "--format", "json"];
    analyze_args.extend(paths.iter().map(String::as_str));
    let expected = run_ok(&analyze_args);
    assert_eq!(run_ok(&["group", &one, &two]), expected);
    let html = String::from_utf8(run_ok(&["group", &one, &two, "--format", "html"])).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("Ostervale"),
        "the report names the articles' story"
    );
    // A folder of shards is read in name order.
    assert_eq!(
        run_ok(&["group", &dir.path().display().to_string()]),
        expected
    );
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn group_names_a_bad_line_by_file_and_line_and_groups_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let article = write(
        dir.path(),
        "a.txt",
        "Ferry\n\n“The ferry to Kellam will sail again in March,” Ana Ruiz said.\n",
    );
    let records = String::from_utf8(run_ok(&["extract", "--jsonl", &article])).unwrap();
    let broken = write(
        dir.path(),
        "r.jsonl",
        &format!("{records}{{\"record\":\"quo\n"),
    );
    let out = verbatim(&["group", &broken, "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!("{broken}:3: not a record")),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("sail again in March"));
    // An article that cannot be read has no records; the others are written, exit code 1.
    let missing = dir.path().join("gone.txt").display().to_string();
    let out = verbatim(&["extract", "--jsonl", &missing, &article]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("gone.txt"));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), records);
    // Nothing to group: nothing written.
    let empty = write(dir.path(), "e.jsonl", "\n");
    assert_eq!(verbatim(&["group", &empty]).status.code(), Some(3));
}
