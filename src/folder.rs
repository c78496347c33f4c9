//! Folders → the article files in them: every file, at any depth, in a format Verbatim reads
//! (by its extension), in a stable order (paths sorted). Everything else is listed as skipped,
//! with the reason, so the command line and the window can say what they left out.

use std::path::{Path, PathBuf};

/// Extensions of the formats a folder contributes (compared case-insensitively).
pub const SUPPORTED: [&str; 7] = ["txt", "text", "html", "htm", "xhtml", "pdf", "docx"];

/// A file or folder left out of a folder's articles, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The path.
    pub path: PathBuf,
    /// Why, for a person ("not a format Verbatim reads (.json)").
    pub reason: String,
}

/// What a folder holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The article files, sorted by path.
    pub files: Vec<PathBuf>,
    /// What was left out, sorted by path.
    pub skipped: Vec<Skipped>,
}

/// Whether `path` names a format Verbatim reads.
pub fn is_supported(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SUPPORTED.iter().any(|s| s.eq_ignore_ascii_case(e)))
}

/// The article files under `dir`, at any depth. Hidden files and folders (a name starting
/// with `.`) are skipped; links to folders are not followed, so a link loop cannot trap the
/// walk.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("b.txt"), "B").unwrap();
/// std::fs::create_dir(dir.path().join("sub")).unwrap();
/// std::fs::write(dir.path().join("sub/a.html"), "<p>A</p>").unwrap();
/// std::fs::write(dir.path().join("expected.json"), "{}").unwrap();
/// let listing = verbatim::folder::list(dir.path()).unwrap();
/// assert_eq!(listing.files, [dir.path().join("b.txt"), dir.path().join("sub/a.html")]);
/// assert_eq!(listing.skipped.len(), 1);
/// ```
pub fn list(dir: &Path) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    walk(dir, &mut listing)?;
    listing.files.sort();
    listing.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(listing)
}

fn walk(dir: &Path, listing: &mut Listing) -> std::io::Result<()> {
    let mut entries: Vec<std::fs::DirEntry> =
        std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::path);
    for entry in entries {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let skip = |reason: &str| Skipped {
            path: path.clone(),
            reason: reason.to_string(),
        };
        if hidden {
            listing.skipped.push(skip("hidden"));
        } else if kind.is_dir() {
            // A folder that cannot be read is a skipped entry, not a failed walk.
            if let Err(e) = walk(&path, listing) {
                listing
                    .skipped
                    .push(skip(&format!("cannot read the folder: {e}")));
            }
        } else if !path.is_file() {
            listing.skipped.push(skip("not a file"));
        } else if is_supported(&path) {
            listing.files.push(path);
        } else {
            let ext = path
                .extension()
                .map(|e| format!(" (.{})", e.to_string_lossy()))
                .unwrap_or_default();
            listing
                .skipped
                .push(skip(&format!("not a format Verbatim reads{ext}")));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn files_come_sorted_at_any_depth_with_the_rest_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("z/deeper")).unwrap();
        for name in [
            "z/deeper/c.PDF",
            "b.docx",
            "a.txt",
            "notes.md",
            ".hidden.txt",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let listing = list(root).unwrap();
        assert_eq!(
            listing.files,
            [
                root.join("a.txt"),
                root.join("b.docx"),
                root.join("z/deeper/c.PDF")
            ]
        );
        let reasons: Vec<(&Path, &str)> = listing
            .skipped
            .iter()
            .map(|s| (s.path.as_path(), s.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                (root.join(".hidden.txt").as_path(), "hidden"),
                (
                    root.join("notes.md").as_path(),
                    "not a format Verbatim reads (.md)"
                ),
            ]
        );
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        assert!(list(Path::new("/nonexistent/verbatim/folder")).is_err());
    }
}
