//! A self-contained HTML report of an analysis, for publishing or printing: one file with its
//! CSS inline and no script.
//!
//! In: an [`Analysis`] (its notes and unapplied corrections included) and the [`Corrections`]
//! it was made with. Out: one HTML page with the sources, a legend, every statement with its
//! versions and their differences marked, the flags, the speakers and the user's notes.
//!
//! Each class of difference has a colour *and* a second cue (underline, strike, outline, wavy or
//! dotted line, bold) so the page reads in black and white. Every string that comes from an
//! article or the user goes through [`escape`]; the page is written by hand with `write!`
//! rather than with a template engine, because it is small and the escaping is five characters.
//!
//! ```
//! use verbatim::{analyze, ingest, AnalyzeOptions};
//! use verbatim::corrections::Corrections;
//! let a = ingest::ingest_bytes("a.txt", "\u{201c}The ferry <b>runs</b> daily,\u{201d} Ana Ruiz said.".as_bytes()).unwrap();
//! let analysis = analyze(vec![a], &AnalyzeOptions::default());
//! let page = verbatim::report::html::render(&analysis, &Corrections::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("&lt;b&gt;runs&lt;/b&gt;"));
//! ```

mod statements;

use crate::corrections::Corrections;
use crate::model::{Analysis, ChangeClass, GroupFlag};
use std::fmt::Write;

const STYLE: &str = include_str!("style.css");

/// Text made safe for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The report page, undated.
pub fn render(analysis: &Analysis, corrections: &Corrections) -> String {
    render_dated(analysis, corrections, None)
}

/// The report page, saying in its footer on what day (`YYYY-MM-DD`) it was exported.
pub fn render_dated(analysis: &Analysis, corrections: &Corrections, date: Option<&str>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Verbatim\">\n\
         <title>{}</title>\n<style>\n{STYLE}{}</style>\n</head>\n<body>\n<main>\n",
        escape(&headline(analysis)),
        crate::view::palette::css_variables()
    );
    masthead(&mut out, analysis);
    legend(&mut out);
    sources(&mut out, analysis);
    statements::statements(&mut out, analysis);
    speakers(&mut out, analysis);
    corrections_made(&mut out, analysis, corrections);
    let exported = date.map_or(String::new(), |d| format!(" Exported on {}.", escape(d)));
    let _ = write!(
        out,
        "<footer>Compared with Verbatim. Differences are marked against each statement's \
         reference version; the classes are the engine's, reviewed by the editor where noted.\
         {exported}</footer>\n</main>\n</body>\n</html>\n",
    );
    out
}

fn headline(analysis: &Analysis) -> String {
    let n = analysis.articles.len();
    format!("How {n} source{} quoted the story", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn masthead(out: &mut String, analysis: &Analysis) {
    let changed = analysis
        .groups
        .iter()
        .filter(|g| statements::has_substantive_change(g))
        .count();
    let flagged = analysis
        .groups
        .iter()
        .filter(|g| !g.flags.is_empty())
        .count();
    let _ = write!(
        out,
        "<header class=\"masthead\">\n<div class=\"kicker\">Quotation check</div>\n<h1>{}</h1>\n\
         <p class=\"dek\">Every quotation found in the sources below, each statement's versions \
         side by side, and what changed between them.</p>\n<ul class=\"stats\">\
         <li><b>{}</b>sources</li><li><b>{}</b>quotations</li><li><b>{}</b>statements</li>\
         <li><b>{changed}</b>changed in substance</li><li><b>{flagged}</b>flagged</li></ul>\n</header>\n",
        escape(&headline(analysis)),
        analysis.articles.len(),
        analysis.quotes.len(),
        analysis.groups.len(),
    );
}

/// What each class means, shown with the mark it gets.
fn class_meaning(class: ChangeClass) -> &'static str {
    crate::view::palette::class_description(class)
}

fn legend(out: &mut String) {
    out.push_str("<h2 id=\"legend\">How to read the marks</h2>\n<dl class=\"legend\">\n");
    for class in ChangeClass::ALL {
        let (tag, sample) = match class {
            ChangeClass::Omission => ("del", "struck through"),
            ChangeClass::Addition => ("ins", "underlined"),
            ChangeClass::Number => ("ins", "boxed"),
            ChangeClass::Negation => ("ins", "double underline"),
            ChangeClass::Name => ("ins", "dotted underline"),
            ChangeClass::Paraphrase => ("ins", "wavy underline"),
            ChangeClass::Punctuation => ("ins", "dashed underline"),
        };
        let _ = writeln!(
            out,
            "<div><dt><{tag} class=\"d d-{0}\">{0}</{tag}> — {sample}</dt><dd>{1}</dd></div>",
            class.as_str(),
            class_meaning(class)
        );
    }
    out.push_str(
        "<div><dt><span class=\"flag\">flag</span></dt><dd>the statement as a whole needs a \
         look (speakers disagree, a number or negation changed, a version is spliced or cut)</dd></div>\n\
         </dl>\n<p class=\"said\">In each version, struck words are the reference's and the \
         marked words that follow are this version's.</p>\n",
    );
}

fn sources(out: &mut String, analysis: &Analysis) {
    out.push_str(
        "<h2 id=\"sources\">Sources</h2>\n<table>\n<thead><tr><th>#</th><th>Title</th>\
         <th>Outlet</th><th>Date</th><th class=\"num\">Quotations</th></tr></thead>\n<tbody>\n",
    );
    for a in &analysis.articles {
        let count = analysis
            .quotes
            .iter()
            .filter(|q| q.article_id == a.article_id)
            .count();
        let _ = write!(
            out,
            "<tr id=\"{0}\"><td>{0}</td><td>{1}<div class=\"path\">{2}</div>",
            escape(&a.article_id),
            escape(&a.title),
            escape(file_name(&a.path))
        );
        for w in &a.warnings {
            let _ = write!(out, "<p class=\"warn\">{}</p>", escape(w));
        }
        let _ = writeln!(
            out,
            "</td><td>{}</td><td>{}</td><td class=\"num\">{count}</td></tr>",
            escape(a.meta.outlet.as_deref().unwrap_or("—")),
            escape(a.meta.published.as_deref().unwrap_or("—")),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The file name of `path`, so a shared report does not disclose the folders it came from;
/// an address is kept whole.
fn file_name(path: &str) -> &str {
    if path.contains("://") {
        return path;
    }
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// Per speaker: quotation count and, per article, the words used to name them.
fn speakers(out: &mut String, analysis: &Analysis) {
    out.push_str(
        "<h2 id=\"speakers\">Speakers</h2>\n<table>\n<thead><tr><th>Speaker</th>\
         <th class=\"num\">Quotations</th><th>How each source named them</th></tr></thead>\n<tbody>\n",
    );
    // The window's speaker table: by name, each article by its title, in load order.
    for row in crate::view::speakers::speaker_rows(analysis) {
        let how: Vec<String> = (row.sources.iter())
            .filter(|s| !s.as_written.is_empty())
            .map(|s| {
                let words: Vec<String> = s
                    .as_written
                    .iter()
                    .map(|w| format!("“{}”", escape(w)))
                    .collect();
                format!("{}: {}", escape(&s.article_title), words.join(", "))
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            escape(&row.name),
            row.quotes,
            how.join("<br>")
        );
    }
    let unnamed = analysis
        .quotes
        .iter()
        .filter(|q| q.speaker.is_none())
        .count();
    if unnamed > 0 {
        let _ = writeln!(
            out,
            "<tr><td>(no speaker found)</td><td class=\"num\">{unnamed}</td><td></td></tr>"
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn corrections_made(out: &mut String, analysis: &Analysis, corrections: &Corrections) {
    if corrections.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"corrections\">Editor's corrections</h2>\n<ul class=\"plain\">\n");
    for (i, c) in corrections.items.iter().enumerate() {
        match analysis.unapplied.iter().find(|u| u.index == i) {
            Some(u) => {
                let _ = writeln!(
                    out,
                    "<li class=\"unapplied\">{} — not applied: {}</li>",
                    escape(&c.summary()),
                    escape(&u.reason)
                );
            }
            None => {
                let _ = writeln!(out, "<li>{}</li>", escape(&c.summary()));
            }
        }
    }
    out.push_str("</ul>\n");
}

/// The flag as words for a reader.
fn flag_label(flag: GroupFlag) -> &'static str {
    match flag {
        GroupFlag::SpeakerConflict => "speakers differ",
        GroupFlag::NumberChange => "number changed",
        GroupFlag::NegationChange => "negation changed",
        GroupFlag::Splice => "spliced",
        GroupFlag::Truncated => "cut short",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_both_quotes() {
        assert_eq!(
            escape(r#"<a href="x" title='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }

    #[test]
    fn sources_are_named_by_file_and_the_export_is_dated() {
        let analysis = Analysis {
            articles: vec![crate::model::Article {
                article_id: "a1".into(),
                path: "/home/reporter/stories/harbour.txt".into(),
                title: "Harbour".into(),
                ..crate::model::Article::default()
            }],
            ..Analysis::default()
        };
        let page = render_dated(&analysis, &Corrections::default(), Some("2026-03-04"));
        assert!(page.contains("harbour.txt"));
        assert!(!page.contains("/home/reporter"));
        assert!(page.contains("Exported on 2026-03-04."));
        assert_eq!(
            file_name("https://example.org/a/b"),
            "https://example.org/a/b"
        );
    }

    #[test]
    fn the_speaker_table_names_articles_by_title_in_load_order() {
        let article = |id: &str, title: &str| crate::model::Article {
            article_id: id.into(),
            title: title.into(),
            ..crate::model::Article::default()
        };
        let quote = |id: &str, article_id: &str, written: &str| crate::model::Quote {
            quote_id: id.into(),
            article_id: article_id.into(),
            speaker: Some("Ana Ruiz".into()),
            speaker_as_written: Some(written.into()),
            ..crate::model::Quote::default()
        };
        let analysis = Analysis {
            articles: vec![article("a2", "Second paper"), article("a10", "Tenth paper")],
            quotes: vec![quote("q1", "a10", "the mayor"), quote("q2", "a2", "Ruiz")],
            ..Analysis::default()
        };
        let page = render(&analysis, &Corrections::default());
        let second = page.find("Second paper: “Ruiz”").unwrap();
        let tenth = page.find("Tenth paper: “the mayor”").unwrap();
        assert!(second < tenth);
        assert!(!page.contains("a10: "));
    }

    #[test]
    fn every_class_has_a_legend_entry() {
        let mut out = String::new();
        legend(&mut out);
        for class in ChangeClass::ALL {
            assert!(out.contains(&format!("d-{}", class.as_str())), "{class:?}");
        }
    }
}
