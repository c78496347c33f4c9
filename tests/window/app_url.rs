//! File ▸ Open URL… in the window: a page served on 127.0.0.1 by the test itself is fetched only
//! when asked, joins the articles already loaded, and keeps its address and fetch time.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;
use verbatim::app::command::LoadCommand;
use verbatim::app::{App, Command};

const PAGE: &str = "<html><head><title>Harbour to reopen</title>\
<meta property=\"og:site_name\" content=\"Westvale Courier\"></head><body><article>\
<h1>Harbour to reopen</h1>\
<p>“We will reopen the north quay on Monday,” Harbour Master Elena Sousa said.</p>\
<p>The quay has been closed since the storm in March, and repairs cost the town dearly.</p>\
</article></body></html>";

/// Serves `PAGE` to one request on a free loopback port; returns the page's URL.
fn serve_once() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/harbour", listener.local_addr().unwrap());
    thread::spawn(move || {
        if let Some(Ok(mut stream)) = listener.incoming().next() {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{PAGE}",
                PAGE.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    url
}

#[test]
fn a_page_opened_by_url_joins_the_articles() {
    let url = serve_once();
    let mut app = App::with_paths(Vec::new());
    app.set_data_dir(Some(tempfile::tempdir().unwrap().keep()));
    app.wait_idle();
    let before = app.doc.sources.len();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut App| app.ui(ui), app);
    h.run_steps(2);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Open URL…").click();
    h.run_steps(3);
    assert!(h.state().doc.url_open, "the dialog opens");
    h.get_by_label("Address").click();
    h.run_steps(1);
    h.get_by_label("Address").type_text(&url);
    h.run_steps(2);
    h.get_by_label("Fetch").click();
    h.run_steps(2);
    h.state_mut().wait_idle();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(
        doc.sources.len(),
        before + 1,
        "the page joined the demo articles"
    );
    let analysis = &doc.analysis;
    let article = analysis
        .articles
        .iter()
        .find(|a| a.path == url)
        .expect("the fetched article");
    assert_eq!(article.title, "Harbour to reopen");
    assert!(article.meta.fetched_at.is_some(), "the fetch time is kept");
    let quote = analysis
        .quotes
        .iter()
        .find(|q| q.article_id == article.article_id)
        .expect("its quotation");
    assert_eq!(quote.speaker.as_deref(), Some("Elena Sousa"));
}

#[test]
fn only_http_addresses_are_fetched() {
    let mut app = App::with_paths(Vec::new());
    app.wait_idle();
    let before = app.doc.sources.len();
    app.apply(Command::Load(LoadCommand::OpenUrl(
        "file:///etc/passwd".into(),
    )));
    app.wait_idle();
    assert_eq!(app.doc.sources.len(), before);
}

#[test]
fn a_fetched_page_is_read_again_from_its_saved_bytes() {
    use verbatim::workspace::StoredArticle;
    let stored = StoredArticle {
        path: "https://news.example/harbour".into(),
        content_hash: String::new(),
        loaded_at: "2026-01-01T00:00:00Z".into(),
        format: verbatim::model::SourceFormat::Html,
        bytes: PAGE.as_bytes().to_vec(),
        url: Some("https://news.example/harbour".into()),
        fetched_at: Some("2026-01-01T00:00:00Z".into()),
        outlet: None,
    };
    let article = stored.article().unwrap();
    assert_eq!(
        article.title, "Harbour to reopen",
        "read as a page, not as text"
    );
    assert!(!article.text.contains("<p>"));
}
