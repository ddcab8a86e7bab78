//! What the photo desk asks for and gets back: a named crop request and its outcome, a patch
//! of fields for several photos, a composite's files, and which fields a new photo keeps. The
//! actions themselves are `Workspace` methods in `workspace::photos`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::crop::{CropRect, PixelRect};
use super::rendition;
use crate::model::{Crop, Focus, PhotoFields};

/// A named crop as it arrives from the UI or the CLI. Without `rect`, Dateline proposes the
/// largest crop of `aspect` around `focus` (else the photo's focal point).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct CropRequest {
    pub name: String,
    /// "16:9", "4:3", "3:2", "1:1", "4:5" or "free".
    pub aspect: String,
    pub focus: Option<Focus>,
    /// A crop box the editor drew, as fractions of the oriented photo.
    pub rect: Option<CropRect>,
}

/// A saved crop, its pixels, and what the editor should know about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CropOutcome {
    pub crop: Crop,
    pub pixels: PixelRect,
    pub warnings: Vec<String>,
}

/// Fields to set on several photos at once; `None` leaves a field as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct FieldsPatch {
    pub caption: Option<String>,
    pub creator: Option<String>,
    pub agency: Option<String>,
    pub distributor: Option<String>,
    pub copyright: Option<String>,
    pub alt_text: Option<String>,
    pub usage_terms: Option<String>,
}

impl FieldsPatch {
    pub(crate) fn apply(&self, f: &PhotoFields) -> PhotoFields {
        let pick = |p: &Option<String>, cur: &String| p.clone().unwrap_or_else(|| cur.clone());
        PhotoFields {
            caption: pick(&self.caption, &f.caption),
            creator: pick(&self.creator, &f.creator),
            agency: pick(&self.agency, &f.agency),
            distributor: pick(&self.distributor, &f.distributor),
            copyright: pick(&self.copyright, &f.copyright),
            alt_text: pick(&self.alt_text, &f.alt_text),
            usage_terms: pick(&self.usage_terms, &f.usage_terms),
            credit_override: f.credit_override.clone(),
        }
    }
}

/// A composite hero's files and the caption line that goes under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CompositeOutput {
    pub outputs: Vec<rendition::Rendition>,
    pub caption_line: String,
    /// Each photo's fields, in order, for the caption editor.
    pub fields: Vec<PhotoFields>,
}

/// The fields a new photo keeps: what the importer typed wins, the file's own metadata fills
/// the rest.
pub(crate) fn prefer(given: PhotoFields, file: PhotoFields) -> PhotoFields {
    let pick = |g: String, f: String| if g.trim().is_empty() { f } else { g };
    PhotoFields {
        caption: pick(given.caption, file.caption),
        creator: pick(given.creator, file.creator),
        agency: pick(given.agency, file.agency),
        distributor: pick(given.distributor, file.distributor),
        copyright: pick(given.copyright, file.copyright),
        alt_text: pick(given.alt_text, file.alt_text),
        usage_terms: pick(given.usage_terms, file.usage_terms),
        credit_override: given.credit_override.or(file.credit_override),
    }
}
