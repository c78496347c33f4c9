//! Fetching pages over loopback: a server on 127.0.0.1 started by each test, bounded to a few
//! connections so no test can leave a thread serving forever.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may unwrap

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;
use verbatim::ingest::url::{FetchError, FetchOptions, fetch, fetch_with, is_url};
use verbatim::ingest::{Input, read};

/// A server answering up to `connections` requests with `respond(path)`; returns its base URL.
fn serve(connections: usize, respond: fn(&str, &str) -> Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let base_for_thread = base.clone();
    thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(stream) = stream else { continue };
            handle(stream, &base_for_thread, respond);
        }
    });
    base
}

fn handle(mut stream: TcpStream, base: &str, respond: fn(&str, &str) -> Vec<u8>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    let _ = reader.read_line(&mut request_line);
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let _ = stream.write_all(&respond(base, &path));
}

fn ok(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn redirect(to: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .into_bytes()
}

const PAGE: &str = "<html lang=\"en\"><head><title>Ferry fares rise</title>\
    <meta property=\"og:site_name\" content=\"Island Courier\"></head><body><article>\
    <p>Ferry fares to the island will rise by a tenth in April, the operator announced on Friday.</p>\
    <p>\u{201c}Fuel costs have doubled,\u{201d} said operations manager Rhea Vance.</p>\
    </article></body></html>";

fn site(base: &str, path: &str) -> Vec<u8> {
    match path {
        "/old" => redirect(&format!("{base}/news/ferry")),
        "/news/ferry" => ok(PAGE),
        "/loop" => redirect("/loop"),
        "/missing" => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
        "/big" => ok(&"x".repeat(64 * 1024)),
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            ok(PAGE)
        }
        _ => ok("<p>?</p>"),
    }
}

fn quick() -> FetchOptions {
    FetchOptions {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Duration::from_millis(500),
        total_timeout: Duration::from_secs(10),
        max_bytes: 16 * 1024,
    }
}

#[test]
fn a_page_is_fetched_with_its_final_url_and_time() {
    let base = serve(2, site);
    let fetched = fetch_with(&format!("{base}/old"), &quick()).unwrap();
    assert_eq!(fetched.url, format!("{base}/news/ferry"));
    assert_eq!(fetched.bytes, PAGE.as_bytes());
    let a = read(&Input::Fetched(fetched.clone())).unwrap();
    assert_eq!(a.path, format!("{base}/old"));
    assert_eq!(a.meta.url.as_deref(), Some(fetched.url.as_str()));
    // RFC 3339 in UTC: 2026-01-02T03:04:05.678Z
    let t = fetched.fetched_at.as_bytes();
    assert!(t.len() >= 20 && t[4] == b'-' && t[10] == b'T' && t.ends_with(b"Z"));
    assert!(fetched.fetched_at.starts_with("20"));
}

#[test]
fn a_fetched_page_becomes_an_html_article_with_its_url() {
    let base = serve(1, site);
    let fetched = fetch_with(&format!("{base}/news/ferry"), &quick()).unwrap();
    let a = read(&Input::Fetched(fetched.clone())).unwrap();
    assert_eq!(a.path, fetched.requested);
    assert_eq!(a.meta.url.as_deref(), Some(fetched.url.as_str()));
    assert_eq!(
        a.meta.fetched_at.as_deref(),
        Some(fetched.fetched_at.as_str())
    );
    assert_eq!(a.meta.outlet.as_deref(), Some("Island Courier"));
    assert_eq!(a.title, "Ferry fares rise");
    assert!(a.text.contains("said operations manager Rhea Vance."));
}

#[test]
fn a_redirect_loop_stops() {
    let base = serve(10, site);
    let err = fetch_with(&format!("{base}/loop"), &quick()).unwrap_err();
    assert!(matches!(err, FetchError::Redirects { .. }), "{err}");
}

#[test]
fn an_oversized_body_is_refused() {
    let base = serve(1, site);
    let err = fetch_with(&format!("{base}/big"), &quick()).unwrap_err();
    assert!(
        matches!(err, FetchError::TooLarge { limit: 16384, .. }),
        "{err}"
    );
}

#[test]
fn a_slow_server_times_out() {
    let base = serve(1, site);
    let started = std::time::Instant::now();
    let err = fetch_with(&format!("{base}/slow"), &quick()).unwrap_err();
    assert!(matches!(err, FetchError::Timeout { .. }), "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn an_error_status_is_reported() {
    let base = serve(1, site);
    let err = fetch_with(&format!("{base}/missing"), &quick()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{base}/missing: the server answered 404")
    );
}

#[test]
fn only_http_and_https_are_fetched() {
    for url in ["file:///etc/hosts", "ftp://example.org/a", "/tmp/page.html"] {
        assert!(!is_url(url));
        assert!(
            matches!(fetch(url), Err(FetchError::Scheme { .. })),
            "{url}"
        );
    }
    assert!(is_url("HTTPS://news.example/a"));
}

#[test]
fn the_command_line_reads_urls_and_files_alike() {
    let base = serve(1, site);
    let a = verbatim::cli::load_input(&format!("{base}/news/ferry")).unwrap();
    assert_eq!(a.title, "Ferry fares rise");
    let err = verbatim::cli::load_input("no/such/file.txt").unwrap_err();
    assert!(err.to_string().starts_with("no/such/file.txt: cannot read"));
}
