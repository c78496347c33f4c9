//! The demo articles built into the binary, so the app opens on them from any folder.
//!
//! In: nothing. Out: `(file name, bytes)` pairs in display order, fed to the loader as if the
//! files had been opened.

/// The demo articles: file name and original bytes (one is windows-1252, on purpose).
pub const DEMO_ARTICLES: [(&str, &[u8]); 5] = [
    (
        "01_wire_report.txt",
        include_bytes!("../../assets/demo/01_wire_report.txt"),
    ),
    (
        "02_translated.txt",
        include_bytes!("../../assets/demo/02_translated.txt"),
    ),
    (
        "03_local_paper.txt",
        include_bytes!("../../assets/demo/03_local_paper.txt"),
    ),
    (
        "04_aggregator.txt",
        include_bytes!("../../assets/demo/04_aggregator.txt"),
    ),
    (
        "05_blog.txt",
        include_bytes!("../../assets/demo/05_blog.txt"),
    ),
];
