//! Stories: their workflow status, bylines, hero, the stored article, its summary in the
//! library, the draft the window and the CLI send, and what a Markdown import reports.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::*;

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
