//! What preflight finds before a story leaves the building.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

/// How much a preflight finding matters: `blocking` stops the export, `warning` deserves a
/// look but lets the package go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Blocking,
    Warning,
}

/// What a preflight finding is about, for the UI to branch on (never on the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingCode {
    NoHeadline,
    /// The story has no text (issue 11's tryout: an empty story could be published).
    NoBody,
    NoByline,
    PhotoWithoutCredit,
    PhotoWithoutAltText,
    MissingBodyPhoto,
    HeroWithoutCrop,
    HeroTooManyPhotos,
    HeadlineTooLong,
    DekTooLong,
    AltTextTooLong,
    NoSection,
    IimTruncated,
    CropTooSmall,
    NotReady,
    /// Two desks changed a photo's credit, caption or alt text apart (issue 13).
    PhotoFieldConflict,
    /// The desk's publication has no name: no masthead, no "Edited by", no copyright line.
    NoPublication,
    /// A credited photo names no photographer (an agency alone is credited).
    PhotoWithoutCreator,
    /// A shown photo has no copyright notice: its exported copies name no rights holder.
    PhotoWithoutCopyright,
    /// The body starts with a pasted front matter block, which would print as text.
    BodyStartsWithFrontMatter,
}

/// One thing preflight noticed, naming the field (and the photo) it is about, with a message
/// written for the journalist who has to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub severity: Severity,
    /// The form field it links to: `headline`, `dek`, `bylines`, `section`, `status`, `body`,
    /// `hero`, or a photo's field as `photo.credit`, `photo.alt_text`, `photo.caption`,
    /// `photo.copyright`, `photo.crop`.
    pub field: String,
    pub code: FindingCode,
    pub message: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub photo_id: Option<PhotoId>,
    /// The message's id and arguments, to say it again in the interface's language
    /// (`Preflight::in_language`); not sent: the window reads `message`.
    #[serde(skip)]
    #[ts(skip)]
    pub text: Option<crate::i18n::Text>,
}

/// The result of the check before an export: every finding, blocking ones first, and whether
/// the article may be exported (no blocking finding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preflight {
    pub findings: Vec<Finding>,
    pub exportable: bool,
}
