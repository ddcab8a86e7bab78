//! Errors of the core, and the one error shape that crosses IPC and the CLI.
//!
//! Every variant carries the context a journalist needs to act (the file, the field, the
//! article) and its `Display` is written for them, not for a programmer. The UI branches on
//! [`ErrorCode`] only, never on message text. This module knows nothing of rusqlite or
//! `image`: the rooms that own those libraries convert their errors into these variants.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// What kind of failure this is, for the UI and scripts to branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    Invalid,
    Conflict,
    NewerSchema,
    NotADatabase,
    Storage,
    DiskFull,
    Io,
    BadPhoto,
    BadImport,
    Cancelled,
    /// Preflight found something that blocks publishing or exporting the story.
    Preflight,
    /// A section or tag that stories still use cannot be deleted.
    InUse,
    /// A path the app was asked to read or write lies outside what the user chose (the app's
    /// file-access scope); only the app shell gives it.
    OutOfScope,
    /// The newsroom (its PostgreSQL server) could not be reached or answered with a problem;
    /// the desk keeps working offline.
    Newsroom,
    /// The newsroom refused: a wrong password, or a change the person's role does not allow.
    Refused,
}

/// The single error shape that leaves the core: `{ code, message }`.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
pub struct ErrorDto {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("No {what} matches “{key}”.")]
    NotFound { what: &'static str, key: String },

    #[error("{field}: {message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("The slug “{0}” is already used by another article. Choose a different slug.")]
    DuplicateSlug(String),

    #[error(
        "{path} was written by a newer version of Dateline (desk format {found}; this version \
         reads up to {known}). Update Dateline to open it. The file was left untouched."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    #[error(
        "{path} is not a Dateline desk (it is not an SQLite database). The file was left untouched."
    )]
    NotADatabase { path: PathBuf },

    #[error("The desk database could not be read or written: {0}")]
    Storage(String),

    #[error(
        "The disk is full: the last change could not be saved. Free some space and try again; \
         everything saved before is intact."
    )]
    DiskFull,

    #[error("{}: {}", path.display(), io_text(source))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{}: {message}", path.display())]
    BadPhoto { path: PathBuf, message: String },

    #[error("{}: {message}", path.display())]
    BadImport { path: PathBuf, message: String },

    #[error("Cancelled.")]
    Cancelled,

    /// Preflight blocks the story: the message names the story and what to fix.
    #[error("{0}")]
    Blocked(String),

    /// A section or tag still in use; the message says by how many stories.
    #[error("{0}")]
    InUse(String),

    /// The newsroom could not be reached, or is not set up for this Dateline; the message
    /// says what to do. The desk keeps working offline.
    #[error("{0}")]
    Newsroom(String),

    /// The newsroom refused a login or a change, with its reason.
    #[error("{0}")]
    Refused(String),

    /// An export stopped before its package was in place: nothing was left at `path`.
    #[error(
        "{} The export was stopped and nothing was written to {}: the package is either \
         the previous one or absent, never half-written.",
        cause_text(cause), path.display()
    )]
    ExportFailed { path: PathBuf, cause: Box<Error> },
}

/// What an I/O failure means for the person, without the OS's error number.
fn io_text(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        _ if is_disk_full(e) => "the disk is full.".into(),
        ErrorKind::NotFound => "there is no such file or folder.".into(),
        ErrorKind::PermissionDenied => {
            "Dateline is not allowed to read or write it (permission denied).".into()
        }
        ErrorKind::AlreadyExists => "something of that name is already there.".into(),
        ErrorKind::IsADirectory => "it is a folder, not a file.".into(),
        ErrorKind::NotADirectory => "a part of the path is a file, not a folder.".into(),
        ErrorKind::UnexpectedEof => "the file ends too soon: it was cut short.".into(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only.".into(),
        _ => {
            // The system's own words, without the " (os error N)" a person cannot use.
            let text = e.to_string();
            let text = match text.rfind(" (os error ") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            format!("{text}.")
        }
    }
}

fn cause_text(e: &Error) -> String {
    match e {
        Error::Cancelled => "The export was cancelled.".into(),
        other => other.to_string(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::Invalid { .. } => ErrorCode::Invalid,
            Error::DuplicateSlug(_) => ErrorCode::Conflict,
            Error::NewerSchema { .. } => ErrorCode::NewerSchema,
            Error::NotADatabase { .. } => ErrorCode::NotADatabase,
            Error::Storage(_) => ErrorCode::Storage,
            Error::DiskFull => ErrorCode::DiskFull,
            Error::Io { source, .. } if is_disk_full(source) => ErrorCode::DiskFull,
            Error::Io { .. } => ErrorCode::Io,
            Error::BadPhoto { .. } => ErrorCode::BadPhoto,
            Error::BadImport { .. } => ErrorCode::BadImport,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::Blocked(_) => ErrorCode::Preflight,
            Error::InUse(_) => ErrorCode::InUse,
            Error::Newsroom(_) => ErrorCode::Newsroom,
            Error::Refused(_) => ErrorCode::Refused,
            Error::ExportFailed { cause, .. } => cause.code(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Error::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn not_found(what: &'static str, key: impl ToString) -> Self {
        Error::NotFound {
            what,
            key: key.to_string(),
        }
    }

    pub fn to_dto(&self) -> ErrorDto {
        ErrorDto {
            code: self.code(),
            message: self.to_string(),
        }
    }
}

impl From<Error> for ErrorDto {
    fn from(e: Error) -> Self {
        e.to_dto()
    }
}

fn is_disk_full(e: &std::io::Error) -> bool {
    // ENOSPC (28) and EDQUOT (122) on Linux; `StorageFull` where std exposes it.
    matches!(e.raw_os_error(), Some(28) | Some(122)) || e.kind() == std::io::ErrorKind::StorageFull
}
