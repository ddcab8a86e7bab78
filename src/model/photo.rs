//! Photos: the editorial fields, the focal point, named crops, code replacements.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// A point in the oriented photo, as fractions of its width and height (0..=1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Focus {
    pub x: f64,
    pub y: f64,
}

impl Default for Focus {
    fn default() -> Self {
        Focus { x: 0.5, y: 0.5 }
    }
}

/// The editorial fields of a photo: what the caption and credit line are made of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct PhotoFields {
    pub caption: String,
    pub creator: String,
    pub agency: String,
    /// The "via" of "Bloomberg via Getty Images".
    pub distributor: String,
    pub copyright: String,
    pub alt_text: String,
    pub usage_terms: String,
    /// When set, replaces the credit line composed in house style.
    pub credit_override: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Photo {
    pub id: PhotoId,
    /// SHA-256 of the original's bytes: its name in the workspace.
    pub sha256: String,
    /// The file name it was imported from.
    pub original_name: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub mime: String,
    /// Oriented size (EXIF orientation applied).
    pub width: u32,
    pub height: u32,
    pub fields: PhotoFields,
    pub focus: Focus,
    /// The credit line in house style (or the override).
    pub credit_line: String,
    #[ts(type = "string")]
    pub imported_at: DateTime<Utc>,
}

/// A story that shows a photo, so the photo desk can say what a change of its words or crops
/// reaches (a published story among them) before it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PhotoUse {
    pub article_id: crate::model::ArticleId,
    pub headline: String,
    pub status: crate::model::Status,
    /// In the story's hero (alone or in a composite).
    pub in_hero: bool,
    /// In the story's text (`![…](photo:N)`).
    pub in_body: bool,
}

/// A named crop of a photo, as fractions of the oriented original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Crop {
    pub photo_id: PhotoId,
    pub name: String,
    /// "16:9", "4:3", "3:2", "1:1", "4:5" or "free".
    pub aspect: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// A shorthand the photo desk types in a photo's fields, expanded when they are saved
/// (`=rtr=` → "Reuters").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CodeReplacement {
    pub code: String,
    pub expansion: String,
}
