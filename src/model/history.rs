//! A story's history: its revisions and the word diff between two.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// One saved state of an article in its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Revision {
    pub id: i64,
    pub article_id: ArticleId,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// Who saved it (the desk's local identity).
    pub author: String,
    /// Why it was taken: "created", "autosave", "checkpoint", "status: ready", "restored #12".
    pub reason: String,
    pub headline: String,
    pub words: u32,
}

/// What a span of a revision diff did between the older and the newer text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Insert,
    Delete,
}

/// A run of words (with the spaces between them) that a diff kept, added or removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffSpan {
    pub op: DiffOp,
    pub text: String,
}

/// A word-level comparison of two revisions of one article, field by field, in reading
/// order: concatenating the `equal` and `delete` spans gives the older text, the `equal` and
/// `insert` spans the newer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RevisionDiff {
    pub from: i64,
    pub to: i64,
    pub headline: Vec<DiffSpan>,
    pub dek: Vec<DiffSpan>,
    pub body: Vec<DiffSpan>,
}
