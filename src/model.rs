//! The newsroom's nouns: articles, bylines, authors, sections, photos, crops, heroes and
//! revisions, as plain data.
//!
//! These types are what the store reads and writes and what crosses IPC and the CLI's
//! `--json` (their TypeScript twins are generated into `ui/src/lib/backend/types.ts`, and a
//! test fails when that file is stale). Validation of raw input happens once, at the edge, in
//! the `*Draft` → domain conversions of the rooms that own them; nothing here touches a disk.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub type ArticleId = i64;
pub type PhotoId = i64;
pub type AuthorId = i64;

/// Where a story stands in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    InEdit,
    CopyDesk,
    Ready,
    Published,
    Spiked,
    Archived,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Draft,
        Status::InEdit,
        Status::CopyDesk,
        Status::Ready,
        Status::Published,
        Status::Spiked,
        Status::Archived,
    ];

    /// The stable machine name, as stored and as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InEdit => "in_edit",
            Status::CopyDesk => "copy_desk",
            Status::Ready => "ready",
            Status::Published => "published",
            Status::Spiked => "spiked",
            Status::Archived => "archived",
        }
    }

    /// The name a newsroom uses.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::InEdit => "In edit",
            Status::CopyDesk => "Copy desk",
            Status::Ready => "Ready",
            Status::Published => "Published",
            Status::Spiked => "Spiked",
            Status::Archived => "Archived",
        }
    }

    /// Accepts the machine name or the newsroom label, in any case ("In edit", "in_edit").
    pub fn parse(s: &str) -> Option<Status> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| if c == ' ' || c == '-' { '_' } else { c })
            .collect::<String>()
            .to_lowercase();
        Status::ALL.into_iter().find(|st| st.as_str() == norm)
    }
}

/// One name on the byline, in order. `author_id` links a profile; guest bylines have none.
/// `role` is the role shown for this article (it may override the profile's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
pub struct Byline {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub author_id: Option<AuthorId>,
}

/// A photo of the hero, with the named crop it is shown in (a composite cell otherwise fills
/// around the photo's focal point).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HeroPhoto {
    pub photo_id: PhotoId,
    #[serde(default)]
    pub crop: Option<String>,
}

/// The article's lead image: one photo, or a composite of two or three side by side, as in
/// the model article. `edited_by` ends the composed caption line ("Edited by Sociedad Media").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Hero {
    pub photos: Vec<HeroPhoto>,
    #[serde(default)]
    pub edited_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Article {
    pub id: ArticleId,
    pub slug: String,
    pub headline: String,
    pub dek: String,
    /// Markdown.
    pub body: String,
    /// The place line, e.g. "MEXICO CITY".
    pub dateline: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// BCP 47 language tag: `en`, `es`, …
    pub language: String,
    pub status: Status,
    pub bylines: Vec<Byline>,
    pub hero: Option<Hero>,
    /// The front matter keys of an imported file that Dateline does not use (`layout`,
    /// `aliases`, `[extra]`…), verbatim, as a block between its fences (`---` YAML or `+++`
    /// TOML). Markdown export writes them back after Dateline's own keys. `None` for articles
    /// written in Dateline.
    #[serde(default)]
    pub front_matter_extra: Option<String>,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

/// A row of the library list: what an editor scans, without the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub slug: String,
    pub headline: String,
    pub status: Status,
    pub section: Option<String>,
    pub bylines: Vec<String>,
    pub tags: Vec<String>,
    pub language: String,
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; `None` for a story on the desk.
    #[ts(type = "string | null")]
    pub deleted_at: Option<DateTime<Utc>>,
}

/// The editable fields of an article, as they arrive from the form, the CLI or an import.
/// `slug: None` derives one from the headline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
#[serde(default)]
pub struct ArticleDraft {
    pub headline: String,
    pub dek: String,
    pub body: String,
    pub dateline: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    pub status: Option<Status>,
    pub slug: Option<String>,
    pub bylines: Vec<Byline>,
    pub hero: Option<Hero>,
    /// See [`Article::front_matter_extra`].
    pub front_matter_extra: Option<String>,
}

impl From<&Article> for ArticleDraft {
    fn from(a: &Article) -> Self {
        ArticleDraft {
            headline: a.headline.clone(),
            dek: a.dek.clone(),
            body: a.body.clone(),
            dateline: a.dateline.clone(),
            section: a.section.clone(),
            tags: a.tags.clone(),
            language: Some(a.language.clone()),
            status: Some(a.status),
            slug: Some(a.slug.clone()),
            bylines: a.bylines.clone(),
            hero: a.hero.clone(),
            front_matter_extra: a.front_matter_extra.clone(),
        }
    }
}

/// A Markdown import that went through: the article, and what the desk should know about the
/// file (keys kept as they were, alternatives not used). Warnings never stop an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub article: Article,
    pub warnings: Vec<ImportWarning>,
}

/// One thing worth knowing about an imported file, at a line of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportWarning {
    /// The file line (1-based) the warning is about.
    pub line: u32,
    /// The front matter key it is about.
    pub key: String,
    /// The whole sentence for a person, naming the file and the line.
    pub message: String,
}

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
    /// Where the words were found: `text` (headline, dek, body) or `photo` (a caption or
    /// credit of the story's hero).
    pub found_in: String,
}

/// A tag of the managed list, with how many stories (not in the trash) carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TagInfo {
    pub name: String,
    pub articles: u32,
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
}

/// A shape a new story can start from ("News", "Analysis", "Photo story").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub description: String,
    pub body: String,
    pub tags: Vec<String>,
}

/// The workflow as the app shows it: every status with its label, and where a story in
/// each can move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkflowStep {
    pub status: Status,
    pub label: String,
    pub next: Vec<Status>,
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
}

/// The result of the check before an export: every finding, blocking ones first, and whether
/// the article may be exported (no blocking finding).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preflight {
    pub findings: Vec<Finding>,
    pub exportable: bool,
}

/// How far an export has got, for a progress bar: `what` names the step in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportProgress {
    pub done: u32,
    pub total: u32,
    pub what: String,
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
