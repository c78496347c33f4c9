//! Workspace files on disk: atomic saves, careful loads, the recovery file.
//!
//! A save never writes over the target in place: it writes a temporary file in the same folder
//! (same file system, so the rename is atomic), flushes and syncs it, then renames it over the
//! target and syncs the folder. Until the rename the old file is untouched; if anything fails
//! the temporary file is removed. `tempfile` makes and cleans up the temporary file.

use super::{FILE_KIND, SCHEMA_VERSION, Workspace};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a workspace could not be opened or saved. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not valid JSON or not a valid workspace; it was left as it is.
    #[error("{}: the workspace is damaged and was not opened ({reason}); the file was left as it is", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the line and column where JSON says so.
        reason: String,
    },
    /// The file is JSON but not a Verbatim workspace.
    #[error("{}: this is not a Verbatim workspace", path.display())]
    NotAWorkspace {
        /// The file.
        path: PathBuf,
    },
    /// A newer Verbatim wrote the file; it was left as it is.
    #[error("{}: saved by a newer version of Verbatim (workspace version {found}, this version reads up to {supported}); the file was left as it is", path.display())]
    Newer {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file could not be written; the previous one is unchanged.
    #[error("{}: cannot save: {source}; the previous file is unchanged", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl WorkspaceError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            WorkspaceError::Read { path, .. }
            | WorkspaceError::Damaged { path, .. }
            | WorkspaceError::NotAWorkspace { path }
            | WorkspaceError::Newer { path, .. }
            | WorkspaceError::Write { path, .. } => path,
        }
    }
}

/// Replaces `target` with what `write` writes, atomically: the old file (if any) survives any
/// failure of `write`, of the flush, the sync or the rename. The new file keeps the old one's
/// permissions.
pub fn write_atomic(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    // The rename is only durable once the folder is synced; not every system allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves `workspace` to `path` atomically (see [`write_atomic`]).
pub fn save_atomic(path: &Path, workspace: &Workspace) -> Result<(), WorkspaceError> {
    write_json(path, workspace)
}

fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), WorkspaceError> {
    let write_error = |source| WorkspaceError::Write {
        path: path.to_path_buf(),
        source,
    };
    // Encode first: a value that cannot be encoded must not even start a write.
    let bytes = serde_json::to_vec_pretty(value).map_err(|e| write_error(io::Error::other(e)))?;
    write_atomic(path, |w| w.write_all(&bytes)).map_err(write_error)
}

/// Opens the workspace at `path`. A damaged file, a file that is not a workspace and a file
/// from a newer version are refused with an error naming the file; nothing is written.
pub fn load(path: &Path) -> Result<Workspace, WorkspaceError> {
    let value = read_json(path)?;
    check_header(path, &value)?;
    serde_json::from_value(value).map_err(|e| damaged(path, &e))
}

fn read_json(path: &Path) -> Result<Value, WorkspaceError> {
    let bytes = std::fs::read(path).map_err(|source| WorkspaceError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|e| damaged(path, &e))
}

fn damaged(path: &Path, e: &serde_json::Error) -> WorkspaceError {
    WorkspaceError::Damaged {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Checks the kind and version before anything else is read, so a newer file is refused as
/// newer, not as damaged.
fn check_header(path: &Path, value: &Value) -> Result<(), WorkspaceError> {
    if value.get("kind").and_then(Value::as_str) != Some(FILE_KIND) {
        return Err(WorkspaceError::NotAWorkspace {
            path: path.to_path_buf(),
        });
    }
    let Some(found) = value.get("schema_version").and_then(Value::as_u64) else {
        return Err(WorkspaceError::Damaged {
            path: path.to_path_buf(),
            reason: "no schema version".into(),
        });
    };
    if found > u64::from(SCHEMA_VERSION) {
        return Err(WorkspaceError::Newer {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// What the app autosaves while there are unsaved changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The workspace file the changes belong to; `None` for a workspace never saved.
    pub saved_as: Option<PathBuf>,
    /// The workspace with the unsaved changes.
    pub workspace: Workspace,
}

/// The folder where the app keeps its recovery file, per the platform's conventions.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Verbatim").map(|d| d.data_dir().to_path_buf())
}

/// Where the recovery file lives in `data_dir`.
pub fn recovery_path(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery.verbatim")
}

/// Writes the recovery file atomically, creating `data_dir` if needed.
pub fn save_recovery(data_dir: &Path, recovery: &Recovery) -> Result<(), WorkspaceError> {
    let path = recovery_path(data_dir);
    std::fs::create_dir_all(data_dir).map_err(|source| WorkspaceError::Write {
        path: path.clone(),
        source,
    })?;
    write_json(&path, recovery)
}

/// The recovery file's content, and the file removed; `Ok(None)` when there is none. A damaged
/// or newer recovery file is refused and left in place (the app may offer to discard it).
pub fn take_recovery(data_dir: &Path) -> Result<Option<Recovery>, WorkspaceError> {
    let path = recovery_path(data_dir);
    if !path.exists() {
        return Ok(None);
    }
    let value = read_json(&path)?;
    let inner = value.get("workspace").unwrap_or(&Value::Null);
    check_header(&path, inner)?;
    let recovery: Recovery = serde_json::from_value(value).map_err(|e| damaged(&path, &e))?;
    discard_recovery(data_dir)?;
    Ok(Some(recovery))
}

/// Removes the recovery file (after a save, or when the user declines to restore it).
pub fn discard_recovery(data_dir: &Path) -> Result<(), WorkspaceError> {
    let path = recovery_path(data_dir);
    match std::fs::remove_file(&path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(WorkspaceError::Write { path, source: e })
        }
        _ => Ok(()),
    }
}
