//! Errors of the core, and the one error shape that crosses IPC and the CLI.
//!
//! Every variant carries the context a journalist needs to act (the file, the field, the
//! article) and its words are written for them, not for a programmer: an [`crate::i18n::Text`]
//! from the interface catalogue, said in English by `Display` and in any interface language by
//! [`Error::message_in`]. The UI branches on [`ErrorCode`] only, never on message text. This module knows nothing of rusqlite or
//! `image`: the rooms that own those libraries convert their errors into these variants.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Lang, Text};

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
    /// The newsroom refused a change the person's role does not allow.
    Refused,
    /// The newsroom did not let the person in: a wrong or missing password, or a user it does
    /// not know. The window asks for the password again (issue 15: never by the message's
    /// words).
    Login,
}

/// The single error shape that leaves the core: `{ code, message }`.
#[derive(Debug, Clone, Serialize, TS, PartialEq, Eq)]
pub struct ErrorDto {
    pub code: ErrorCode,
    pub message: String,
}

/// A failure, with the context a person needs. Its words come from the interface catalogue
/// (`assets/i18n/<lang>/messages.ftl`) through [`Error::text`]; `Display` is English.
#[derive(Debug)]
pub enum Error {
    NotFound {
        what: &'static str,
        key: String,
    },

    Invalid {
        field: &'static str,
        message: Text,
    },

    DuplicateSlug(String),

    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },

    NotADatabase {
        path: PathBuf,
    },

    /// The store's own words (SQLite's), said after ours.
    Storage(String),

    DiskFull,

    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    BadPhoto {
        path: PathBuf,
        message: Text,
    },

    BadImport {
        path: PathBuf,
        message: Text,
    },

    Cancelled,

    /// Preflight blocks the story: the message names the story and what to fix.
    Blocked(Text),

    /// A section or tag still in use; the message says by how many stories.
    InUse(Text),

    /// The newsroom could not be reached, or is not set up for this Dateline; the message
    /// says what to do. The desk keeps working offline.
    Newsroom(Text),

    /// The newsroom refused a change, with its reason.
    Refused(Text),

    /// The newsroom did not let the person in (a wrong or missing password, an unknown user).
    Login(Text),

    /// An export stopped before its package was in place: nothing was left at `path`.
    ExportFailed {
        path: PathBuf,
        cause: Box<Error>,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What I/O failure means for the person, without the OS's error number.
fn io_text(e: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    match e.kind() {
        _ if is_disk_full(e) => Text::new("io-disk-full"),
        ErrorKind::NotFound => Text::new("io-not-found"),
        ErrorKind::PermissionDenied => Text::new("io-permission-denied"),
        ErrorKind::AlreadyExists => Text::new("io-already-exists"),
        ErrorKind::IsADirectory => Text::new("io-is-a-directory"),
        ErrorKind::NotADirectory => Text::new("io-not-a-directory"),
        ErrorKind::UnexpectedEof => Text::new("io-cut-short"),
        ErrorKind::ReadOnlyFilesystem => Text::new("io-read-only"),
        _ => {
            // The system's own words, without the " (os error N)" a person cannot use.
            let text = e.to_string();
            let text = match text.rfind(" (os error ") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            Text::Raw(format!("{text}."))
        }
    }
}

/// The catalogue's word for a kind of thing a lookup did not find ("article", "photo").
fn thing(what: &'static str) -> Text {
    match what {
        "article" => Text::new("thing-article"),
        "author" => Text::new("thing-author"),
        "code replacement" => Text::new("thing-code-replacement"),
        "crop" => Text::new("thing-crop"),
        "demo photo" => Text::new("thing-demo-photo"),
        "note" => Text::new("thing-note"),
        "photo" => Text::new("thing-photo"),
        "revision" => Text::new("thing-revision"),
        "section" => Text::new("thing-section"),
        "tag" => Text::new("thing-tag"),
        "template" => Text::new("thing-template"),
        other => Text::Raw(other.to_string()),
    }
}

/// The catalogue's name for a form field an `Invalid` names; the field's own name otherwise.
pub(crate) fn field_name(field: &str) -> Text {
    match field {
        "headline" => Text::new("field-headline"),
        "slug" => Text::new("field-slug"),
        "language" => Text::new("field-language"),
        "status" => Text::new("field-status"),
        "body" => Text::new("field-body"),
        "dek" => Text::new("field-dek"),
        "bylines" | "byline" => Text::new("field-bylines"),
        "section" => Text::new("field-section"),
        "tags" | "tag" => Text::new("field-tags"),
        "hero" => Text::new("field-hero"),
        "crop" => Text::new("field-crop"),
        "name" => Text::new("field-name"),
        "email" => Text::new("field-email"),
        "photo" => Text::new("field-photo"),
        "photos" => Text::new("field-photos"),
        "dateline" => Text::new("field-dateline"),
        "identity" => Text::new("field-identity"),
        "note" => Text::new("field-note"),
        "focus" => Text::new("field-focus"),
        "code" => Text::new("field-code"),
        "revision" => Text::new("field-revision"),
        "settings" => Text::new("field-settings"),
        other => Text::Raw(other.to_string()),
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
            Error::Login(_) => ErrorCode::Login,
            Error::ExportFailed { cause, .. } => cause.code(),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn invalid(field: &'static str, message: impl Into<Text>) -> Self {
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

    /// The words of this error, in no language yet.
    pub fn text(&self) -> Text {
        match self {
            Error::NotFound { what, key } => Text::new("error-not-found")
                .arg("what", thing(what))
                .arg("key", key),
            Error::Invalid { field, message } => Text::new("error-invalid")
                .arg("field", field_name(field))
                .arg("message", message.clone()),
            Error::DuplicateSlug(slug) => Text::new("error-duplicate-slug").arg("slug", slug),
            Error::NewerSchema { path, found, known } => Text::new("error-newer-schema")
                .arg("path", path)
                .arg("found", *found)
                .arg("known", *known),
            Error::NotADatabase { path } => Text::new("error-not-a-database").arg("path", path),
            Error::Storage(detail) => Text::new("error-storage").arg("detail", detail),
            Error::DiskFull => Text::new("error-disk-full"),
            Error::Io { path, source } => Text::new("error-at-path")
                .arg("path", path)
                .arg("message", io_text(source)),
            Error::BadPhoto { path, message } | Error::BadImport { path, message } => {
                Text::new("error-at-path")
                    .arg("path", path)
                    .arg("message", message.clone())
            }
            Error::Cancelled => Text::new("error-cancelled"),
            Error::Blocked(t)
            | Error::InUse(t)
            | Error::Newsroom(t)
            | Error::Refused(t)
            | Error::Login(t) => t.clone(),
            Error::ExportFailed { path, cause } => {
                Text::new("error-export-failed").arg("path", path).arg(
                    "cause",
                    match **cause {
                        Error::Cancelled => Text::new("error-export-cancelled"),
                        ref other => other.text(),
                    },
                )
            }
        }
    }

    /// The words of this error in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.text().render(lang)
    }

    /// The error as it crosses IPC and the CLI, in the process's interface language
    /// ([`crate::i18n::interface_language`]; English until the app or the CLI sets it).
    pub fn to_dto(&self) -> ErrorDto {
        self.to_dto_in(crate::i18n::interface_language())
    }

    pub fn to_dto_in(&self, lang: Lang) -> ErrorDto {
        ErrorDto {
            code: self.code(),
            message: self.message_in(lang),
        }
    }
}

impl ErrorDto {
    /// An error a shell makes itself (the app's file-access scope, its own threads), in the
    /// process's interface language.
    pub fn said(code: ErrorCode, text: Text) -> ErrorDto {
        ErrorDto {
            code,
            message: text.render(crate::i18n::interface_language()),
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
