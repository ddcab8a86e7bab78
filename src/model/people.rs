//! The desk's catalogues: author profiles, sections, managed tags.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Author {
    pub id: AuthorId,
    pub name: String,
    pub role: String,
    pub bio: String,
    /// A photo of the desk used as the author's portrait.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub portrait_photo_id: Option<PhotoId>,
    /// How many stories (not in the trash) carry this author's byline.
    #[serde(default)]
    pub articles: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Section {
    pub id: i64,
    pub name: String,
    pub slug: String,
    /// How many stories (not in the trash) are in this section.
    #[serde(default)]
    pub articles: u32,
}

/// A tag of the managed list, with how many stories (not in the trash) carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TagInfo {
    pub name: String,
    pub articles: u32,
}
