#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::group::Stories;
use crate::ingest;

const FERRY: &str = "Ferry to Kellam returns\n\n\
“The ferry to Kellam will sail again in March,” harbour chief Ana Ruiz said.\n\n\
“We have repaired both engines,” she added.\n";
const FERRY_LATE: &str = "Kellam ferry delayed\n\n\
“The ferry to Kellam will sail in April,” said Ana Ruiz, the harbour chief in Kellam.\n";

fn article(name: &str, text: &str) -> Article {
    ingest::ingest_bytes(name, text.as_bytes()).unwrap()
}

fn parse(lines: &str) -> Vec<Record> {
    lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn an_article_is_one_article_record_then_its_quotations() {
    let a = article("news/ferry.txt", FERRY);
    let records = parse(&article_lines(&a, "s1-1").unwrap());
    let Some(Record::Article(head)) = records.first() else {
        panic!("the first record is not the article's: {records:?}");
    };
    assert_eq!((head.id.as_str(), head.quotes), ("s1-1", 2));
    assert_eq!(head.path, "news/ferry.txt");
    assert!(head.story_keys.contains(&"kellam".to_string()));
    let quotes: Vec<&QuoteRecord> = records
        .iter()
        .filter_map(|r| match r {
            Record::Quote(q) => Some(q),
            Record::Article(_) => None,
        })
        .collect();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[1].index, 1);
    assert_eq!(quotes[1].speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(quotes[1].speaker_as_written.as_deref(), Some("she"));
    assert!(quotes[0].terms.iter().any(|t| t.starts_with("ferr")));
    let [start, end] = quotes[0].span;
    assert_eq!(a.text.get(start..end), Some(quotes[0].text.as_str()));
}

#[test]
fn a_quotation_survives_its_record() {
    let a = article("ferry.txt", FERRY);
    let (_, records) = records_of(&a, "x");
    let mut extracted = crate::extract::extract(&a);
    for q in &mut extracted {
        q.article_id = "a9".into();
        q.quote_id = String::new();
    }
    let back: Vec<Quote> = records
        .into_iter()
        .map(|r| r.into_quote("a9".into()))
        .collect();
    assert_eq!(back, extracted);
}

fn read(lines: &str) -> Gathered {
    let mut records = Records::new();
    records.read("shard.jsonl", lines.as_bytes());
    records.finish()
}

#[test]
fn quotations_before_their_article_and_out_of_order_are_put_back() {
    let a = article("ferry.txt", FERRY);
    let lines = article_lines(&a, "k").unwrap();
    let mut shuffled: Vec<&str> = lines.lines().collect();
    shuffled.reverse();
    let gathered = read(&shuffled.join("\n"));
    assert!(gathered.problems.is_empty(), "{:?}", gathered.problems);
    let texts: Vec<&str> = gathered.found[0].iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[0].starts_with("The ferry"), "{texts:?}");
    assert_eq!(gathered.articles[0].article_id, "a1");
    assert!(gathered.found[0].iter().all(|q| q.article_id == "a1"));
}

#[test]
fn bad_lines_are_named_by_line_and_the_rest_is_read() {
    let a = article("ferry.txt", FERRY);
    let b = article("late.txt", FERRY_LATE);
    let good_a = article_lines(&a, "a").unwrap();
    let good_b = article_lines(&b, "b").unwrap();
    let orphan = good_b
        .lines()
        .nth(1)
        .unwrap()
        .replace("\"article\":\"b\"", "\"article\":\"zz\"");
    let newer = r#"{"record":"quote","v":9,"future":true}"#;
    let text = format!("{good_a}not json\n\n{newer}\n{good_b}{orphan}\n{good_a}");
    let gathered = read(&text);
    let messages: Vec<String> = gathered.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(gathered.articles.len(), 2, "{messages:?}");
    assert_eq!(gathered.found[0].len(), 2);
    assert_eq!(gathered.found[1].len(), 1);
    assert!(
        messages[0].starts_with("shard.jsonl:4: not a record"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("shard.jsonl:6: record format version 9"),
        "{messages:?}"
    );
    assert!(
        messages[2].starts_with("shard.jsonl:9: 1 quotation record(s) of article zz"),
        "{messages:?}"
    );
    assert!(
        messages[3].contains("article a was already read"),
        "{messages:?}"
    );
    // The repeated article's quotations are repeats too.
    assert_eq!(messages.len(), 6, "{messages:?}");
}

#[test]
fn a_missing_quotation_record_is_reported_on_its_article() {
    let a = article("ferry.txt", FERRY);
    let lines = article_lines(&a, "a").unwrap();
    let kept: Vec<&str> = lines.lines().take(2).collect();
    let gathered = read(&kept.join("\n"));
    let messages: Vec<String> = gathered.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        messages,
        ["shard.jsonl:1: article a (ferry.txt) has 1 of its 2 quotation records"]
    );
}

#[test]
fn stories_from_keys_are_the_stories_of_the_articles() {
    let mut articles = vec![
        article("a.txt", FERRY),
        article("b.txt", FERRY_LATE),
        article(
            "c.txt",
            "Strike\n\nThe strike in Ostrov went on near Zarrow, Vel Dorin said.",
        ),
    ];
    for (i, a) in articles.iter_mut().enumerate() {
        a.article_id = format!("a{}", i + 1);
    }
    let direct = crate::group::stories(&articles);
    let keys = articles.iter().map(crate::group::story_keys).collect();
    let from_keys = Stories::from_keys(articles.iter().map(|a| a.article_id.as_str()), keys);
    for x in ["a1", "a2", "a3"] {
        for y in ["a1", "a2", "a3"] {
            assert_eq!(direct.shared(x, y), from_keys.shared(x, y), "{x} {y}");
        }
    }
    assert!(from_keys.shared("a1", "a2"));
    assert!(!from_keys.shared("a1", "a3"));
}

#[test]
fn an_article_without_quotations_still_has_its_record() {
    let quiet = article(
        "quiet.txt",
        "Council meets\n\nThe council met on Monday in Kellam.\n",
    );
    let lines = article_lines(&quiet, "q").unwrap();
    assert_eq!(lines.lines().count(), 1);
    let gathered = read(&lines);
    assert!(gathered.problems.is_empty(), "{:?}", gathered.problems);
    assert_eq!(gathered.articles.len(), 1);
    assert_eq!(gathered.articles[0].path, "quiet.txt");
    assert!(gathered.found[0].is_empty());
}

/// The field names and shapes of format version 1: a change here is a new format version.
#[test]
fn records_keep_format_version_1() {
    let article = Record::Article(ArticleRecord {
        v: FORMAT_VERSION,
        id: "s1-1".into(),
        path: "news/ferry.txt".into(),
        title: "Ferry returns".into(),
        outlet: Some("Harbour News".into()),
        published: Some("2026-03-02".into()),
        format: SourceFormat::Html,
        warnings: vec!["dropped 1 boilerplate line".into()],
        content_hash: "8c43053a10b1561e".into(),
        byte_len: 155,
        quotes: 1,
        story_keys: vec!["kellam".into(), "ruiz".into()],
        ..ArticleRecord::default()
    });
    let quote = Record::Quote(QuoteRecord {
        v: FORMAT_VERSION,
        article: "s1-1".into(),
        path: "news/ferry.txt".into(),
        index: 0,
        text: "We have repaired both engines,".into(),
        kind: QuoteKind::Direct,
        span: [85, 115],
        start: 110,
        end: 140,
        speaker: Some("Ana Ruiz".into()),
        speaker_as_written: Some("she".into()),
        attribution: Some([119, 122]),
        passage: 1,
        truncated: true,
        speaker_evidence: Some(SpeakerEvidence {
            words: "she".into(),
            start: 144,
            end: 147,
            via: crate::model::SpeakerVia::QuoteChain,
        }),
        terms: vec!["engin".into(), "repair".into()],
        ..QuoteRecord::default()
    });
    let lines = [article, quote].map(|r| serde_json::to_string(&r).unwrap());
    insta::assert_snapshot!("format_v1", lines.join("\n"));
}
