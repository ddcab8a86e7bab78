//! Finding stories: the library's query and sort, and search hits.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// One hit of a full-text search, with a highlighted snippet (`<mark>` around matches; the
/// rest is escaped text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub id: ArticleId,
    pub slug: String,
    pub headline: String,
    pub snippet: String,
    pub status: Status,
    pub section: Option<String>,
    /// Where the words were found.
    pub found_in: FoundIn,
}

/// Where a search found its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum FoundIn {
    /// The headline, dek or body.
    Text,
    /// A caption or credit of the story's hero.
    Photo,
}

/// How the library is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
pub enum LibrarySort {
    /// Last change first (the default).
    #[default]
    Updated,
    /// Newest story first.
    Created,
    /// A to Z.
    Headline,
    /// Along the workflow: Draft first, Archived last.
    Status,
}

/// What the library shows: every filter is optional, and all given filters must match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct LibraryQuery {
    #[ts(optional = nullable)]
    pub status: Option<Status>,
    /// A section's name.
    #[ts(optional = nullable)]
    pub section: Option<String>,
    /// A byline's name (profile or guest).
    #[ts(optional = nullable)]
    pub author: Option<String>,
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// Changed on or after this day (`YYYY-MM-DD`, UTC).
    #[ts(optional = nullable)]
    pub from: Option<String>,
    /// Changed on or before this day (`YYYY-MM-DD`, UTC).
    #[ts(optional = nullable)]
    pub to: Option<String>,
    pub sort: LibrarySort,
    /// The stories in the trash instead of the others.
    pub trashed: bool,
}

/// Where the next page of the library starts: just after the row with this sort key and id.
/// The window gets it from the page it already holds and sends it back untouched; rows added
/// or removed before it do not move what the next page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryCursor {
    /// The workflow's rank for the "Status" sort (Draft highest); 0 for the others.
    pub rank: i64,
    /// The row's sort key as stored: a timestamp, or the headline for the "Headline" sort.
    pub key: String,
    pub id: ArticleId,
}

/// One page of the library: up to `limit` stories matching `query`, in its sort, starting
/// just after `after` when given, else `offset` rows from the top (a jump of the scroll bar,
/// where no row before the page is known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryPageRequest {
    pub query: LibraryQuery,
    #[ts(optional = nullable)]
    pub after: Option<LibraryCursor>,
    #[serde(default)]
    pub offset: u32,
    pub limit: u32,
}

/// A page of the library, and where the page after it starts (`None`: this is the last page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LibraryPage {
    pub rows: Vec<ArticleSummary>,
    #[ts(optional = nullable)]
    pub next: Option<LibraryCursor>,
}

/// How many stories a library query selects, counted from the indexes without reading them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LibraryCounts {
    /// Stories matching every filter.
    pub total: u32,
    /// Stories matching every filter but the status, per status (statuses with none left out):
    /// what the status filter would leave.
    pub by_status: Vec<StatusCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatusCount {
    pub status: Status,
    pub count: u32,
}
