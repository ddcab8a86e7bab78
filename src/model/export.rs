//! A package being made, and the report of one made.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// How far an export has got, for a progress bar: `what` names the step in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
    pub what: String,
}

/// Where the package of a story would go in a folder, and what is there already: said in
/// the Export dialog before anything is written, so a package is never replaced unseen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportDestination {
    /// The package folder or `.zip` file the export would write.
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    /// When the package already there was written (RFC 3339, UTC): exporting replaces it.
    pub replaces: Option<String>,
    /// Something that is not a Dateline package has that name: exporting there is refused.
    pub occupied: bool,
}

/// A finished export: where the package is, what it holds, and what deserves a look.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExportReport {
    /// The package folder or `.zip` file, ready for "show in folder".
    #[ts(type = "string")]
    pub path: std::path::PathBuf,
    pub article_id: ArticleId,
    pub revision_id: i64,
    /// Every file of the package, relative to it, sorted.
    pub files: Vec<String>,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Preflight warnings and anything the photo desk reported while making renditions.
    pub warnings: Vec<String>,
}
