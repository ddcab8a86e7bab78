//! The editor's desk: workflow moves, notes, templates, the steps of the workflow.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// One move of a story along the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Transition {
    pub id: i64,
    pub article_id: ArticleId,
    pub from: Status,
    pub to: Status,
    /// The desk's local identity of whoever moved it.
    pub who: String,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// An editor's internal note on a story. Never exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: i64,
    pub article_id: ArticleId,
    pub who: String,
    pub body: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    /// The note is in the newsroom (this desk sent it, or it came from there): it is part of
    /// the story's shared history there and can no longer be deleted from one desk.
    #[serde(default)]
    pub in_newsroom: bool,
}

/// A shape a new story can start from ("News", "Analysis", "Photo story"), in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub description: String,
    pub body: String,
    pub tags: Vec<String>,
    /// The placeholder headline a story from it starts with ("New analysis").
    pub headline: String,
    /// The language its words are in: the story it starts is written in it.
    pub language: String,
}

/// The workflow as the app shows it: every status with its label, and where a story in
/// each can move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkflowStep {
    pub status: Status,
    pub label: String,
    pub next: Vec<Status>,
}
