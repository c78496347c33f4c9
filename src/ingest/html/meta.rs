//! A parsed page → its headline and [`ArticleMeta`]: `<title>`, OpenGraph (`og:title`,
//! `og:site_name`, `og:url`), `article:published_time`, `<meta name=author>`,
//! `<link rel=canonical>`, `<html lang>`, and JSON-LD (`NewsArticle` and its kin: headline,
//! author name, datePublished, publisher name).
//!
//! When several give the same field, the most specific wins: JSON-LD's headline over
//! `og:title` over `<title>`; the canonical link over `og:url`; the page's own meta tags over
//! JSON-LD for outlet, author and date.

use crate::model::ArticleMeta;
use scraper::{Html, Selector};
use serde_json::Value;

/// Metadata and headline read from a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PageMeta {
    /// The best headline found, if any.
    pub title: Option<String>,
    /// Outlet, author, date, URL and declared language.
    pub meta: ArticleMeta,
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: [&str; 5] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
];

/// Fields read from a JSON-LD article object.
#[derive(Default)]
struct LinkedData {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

/// Reads the headline and metadata of `doc`.
pub(crate) fn page_meta(doc: &Html) -> PageMeta {
    let ld = linked_data(doc);
    let meta = ArticleMeta {
        outlet: meta_content(doc, "property", "og:site_name").or(ld.publisher),
        author: meta_content(doc, "name", "author").or(ld.author),
        published: meta_content(doc, "property", "article:published_time").or(ld.published),
        url: link_href(doc, "canonical").or_else(|| meta_content(doc, "property", "og:url")),
        language: declared_language(doc),
        fetched_at: None,
    };
    let title = ld
        .headline
        .or_else(|| meta_content(doc, "property", "og:title"))
        .or_else(|| first_text(doc, "title"));
    PageMeta { title, meta }
}

/// Collapses white space and drops empty strings.
fn tidy(s: &str) -> Option<String> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(joined).filter(|t| !t.is_empty())
}

/// The `content` of the first `<meta {attr}="{value}">`.
fn meta_content(doc: &Html, attr: &str, value: &str) -> Option<String> {
    let selector = Selector::parse(&format!("meta[{attr}=\"{value}\" i]")).ok()?;
    doc.select(&selector)
        .filter_map(|e| e.attr("content"))
        .find_map(tidy)
}

/// The `href` of the first `<link rel="{rel}">`.
fn link_href(doc: &Html, rel: &str) -> Option<String> {
    let selector = Selector::parse(&format!("link[rel=\"{rel}\" i]")).ok()?;
    doc.select(&selector)
        .filter_map(|e| e.attr("href"))
        .find_map(tidy)
}

/// The text of the first element `name`.
fn first_text(doc: &Html, name: &str) -> Option<String> {
    let selector = Selector::parse(name).ok()?;
    doc.select(&selector)
        .next()
        .and_then(|e| tidy(&e.text().collect::<String>()))
}

/// `<html lang>` as an ISO 639-1 code (`en-GB` → `en`).
fn declared_language(doc: &Html) -> Option<String> {
    let lang = doc.root_element().attr("lang")?;
    let code = lang.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    Some(code).filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()))
}

/// The first article object in the page's JSON-LD scripts.
fn linked_data(doc: &Html) -> LinkedData {
    let Ok(selector) = Selector::parse("script[type=\"application/ld+json\" i]") else {
        return LinkedData::default();
    };
    doc.select(&selector)
        .filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok())
        .find_map(|v| find_article(&v, 0).map(read_article))
        .unwrap_or_default()
}

/// The first object whose `@type` is an article type, looking into arrays and `@graph`
/// (to a small depth: JSON-LD nests articles at most a level or two down).
fn find_article(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        Value::Object(map) => {
            if is_article_type(map.get("@type")) {
                return Some(value);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

/// Whether a `@type` (a string or a list of strings) names an article type.
fn is_article_type(ty: Option<&Value>) -> bool {
    match ty {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(items)) => items.iter().any(|t| is_article_type(Some(t))),
        _ => false,
    }
}

/// Reads the fields of an article object.
fn read_article(article: &Value) -> LinkedData {
    LinkedData {
        headline: article.get("headline").and_then(text_of),
        author: article.get("author").and_then(names),
        published: article.get("datePublished").and_then(text_of),
        publisher: article.get("publisher").and_then(names),
    }
}

/// A string value, tidied.
fn text_of(value: &Value) -> Option<String> {
    value.as_str().and_then(tidy)
}

/// A name, a `{ "name": … }` object, or a list of those joined with `", "`.
fn names(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => tidy(s),
        Value::Object(map) => map.get("name").and_then(text_of),
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(names).collect();
            Some(all.join(", ")).filter(|s| !s.is_empty())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html lang="es-ES"><head>
        <title>Harbour plan | The Coast Ledger</title>
        <meta property="og:title" content="Harbour plan approved">
        <meta property="og:site_name" content="The Coast Ledger">
        <meta property="og:url" content="https://ledger.example/og">
        <link rel="canonical" href="https://ledger.example/harbour">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Ledger"},
          {"@type":"NewsArticle","headline":"Harbour  plan approved by council",
           "author":[{"@type":"Person","name":"Ines Calder"},{"name":"Tom Weyl"}],
           "datePublished":"2024-03-05T08:00:00Z","publisher":{"name":"Coast Ledger Ltd"}}]}
        </script></head><body><p>x</p></body></html>"#;

    #[test]
    fn json_ld_headline_wins_and_authors_are_joined() {
        let m = page_meta(&Html::parse_document(PAGE));
        assert_eq!(m.title.as_deref(), Some("Harbour plan approved by council"));
        assert_eq!(m.meta.author.as_deref(), Some("Ines Calder, Tom Weyl"));
        assert_eq!(m.meta.published.as_deref(), Some("2024-03-05T08:00:00Z"));
    }

    #[test]
    fn page_tags_give_outlet_url_and_language() {
        let m = page_meta(&Html::parse_document(PAGE));
        assert_eq!(m.meta.outlet.as_deref(), Some("The Coast Ledger"));
        assert_eq!(
            m.meta.url.as_deref(),
            Some("https://ledger.example/harbour")
        );
        assert_eq!(m.meta.language.as_deref(), Some("es"));
    }

    #[test]
    fn without_json_ld_og_title_then_title_are_used() {
        let og = r#"<head><title>T</title><meta property="og:title" content="OG"></head>"#;
        let plain = "<head><title> Plain\n title </title></head>";
        assert_eq!(
            page_meta(&Html::parse_document(og)).title.as_deref(),
            Some("OG")
        );
        let m = page_meta(&Html::parse_document(plain));
        assert_eq!(m.title.as_deref(), Some("Plain title"));
    }

    #[test]
    fn author_and_date_tags_beat_json_ld() {
        let page = r#"<head><meta name="author" content="Ana Pell">
            <meta property="article:published_time" content="2023-01-02">
            <script type="application/ld+json">{"@type":"Article","author":"X","datePublished":"1999"}</script>
            </head>"#;
        let m = page_meta(&Html::parse_document(page));
        assert_eq!(m.meta.author.as_deref(), Some("Ana Pell"));
        assert_eq!(m.meta.published.as_deref(), Some("2023-01-02"));
    }
}
