//! The demo desk: what a new user sees on first start with an empty workspace.
//!
//! It seeds the model article (its headline, dek, body with its quotes, Dionys Duroc's byline
//! with his role, the Mexico section) and two photos made for the project — illustrations,
//! not the agency's pictures — carrying the seed's captions and credits, as the composite hero,
//! and two short stories of the same section and author for its "More in …" lists.
//! The content lives in `assets/demo/` and is compiled in, so the app needs no resource path.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::{Article, ArticleDraft, Byline, Focus, Hero, HeroPhoto, PhotoFields, Status};
use crate::workspace::Workspace;

const DESK_JSON: &str = include_str!("../assets/demo/desk.json");
const BODY_MD: &str = include_str!("../assets/demo/body.md");
const PHOTOS: &[(&str, &[u8])] = &[
    (
        "demo-portico.jpg",
        include_bytes!("../assets/demo/photos/demo-portico.jpg"),
    ),
    (
        "demo-lectern.jpg",
        include_bytes!("../assets/demo/photos/demo-lectern.jpg"),
    ),
];

#[derive(Deserialize)]
struct Desk {
    publication: String,
    identity: String,
    authors: Vec<DeskAuthor>,
    photos: Vec<DeskPhoto>,
    article: DeskArticle,
    /// Short stories of the same desk, so the model article's "More in Mexico" and "More
    /// from Dionys Duroc" have something to list.
    #[serde(default)]
    more_articles: Vec<DeskMore>,
}

#[derive(Deserialize)]
struct DeskMore {
    headline: String,
    dek: String,
    dateline: String,
    section: String,
    tags: Vec<String>,
    language: String,
    status: Status,
    bylines: Vec<Byline>,
    body: String,
}

#[derive(Deserialize)]
struct DeskAuthor {
    name: String,
    role: String,
    bio: String,
}

#[derive(Deserialize)]
struct DeskPhoto {
    file: String,
    #[serde(flatten)]
    fields: PhotoFields,
    focus: Focus,
}

#[derive(Deserialize)]
struct DeskArticle {
    headline: String,
    dek: String,
    dateline: String,
    section: String,
    tags: Vec<String>,
    language: String,
    status: Status,
    bylines: Vec<Byline>,
    edited_by: String,
}

/// Seeds the demo desk when the workspace has no article yet; returns the model article when
/// it seeded one.
pub fn seed_if_empty(ws: &mut Workspace) -> Result<Option<Article>> {
    if !ws.is_empty()? {
        return Ok(None);
    }
    seed(ws).map(Some)
}

/// Seeds the demo desk's authors, photos and model article.
pub fn seed(ws: &mut Workspace) -> Result<Article> {
    let desk: Desk = serde_json::from_str(DESK_JSON)
        .map_err(|e| Error::Storage(format!("the demo desk is damaged: {e}")))?;
    // The demo's own history is stamped "Demo Desk"; the person opening it is then asked for
    // their name, as on any first start.
    let before = ws.global_ids()?;
    let asked = ws.identity()?.is_empty();
    if asked {
        ws.set_identity(&desk.identity)?;
    }
    ws.set_publication(&desk.publication)?;
    for a in &desk.authors {
        ws.upsert_author(&a.name, &a.role, &a.bio)?;
    }
    let mut hero = Vec::new();
    for p in &desk.photos {
        let bytes = PHOTOS
            .iter()
            .find(|(name, _)| *name == p.file)
            .map(|(_, b)| *b)
            .ok_or_else(|| Error::not_found("demo photo", &p.file))?;
        let photo = ws.import_photo_bytes(bytes, Path::new(&p.file), p.fields.clone())?;
        ws.update_photo(photo.id, p.fields.clone(), p.focus)?;
        hero.push(HeroPhoto {
            photo_id: photo.id,
            crop: None,
        });
    }
    let a = desk.article;
    let model = ws.create_article(ArticleDraft {
        headline: a.headline,
        dek: a.dek,
        body: BODY_MD.to_string(),
        dateline: a.dateline,
        section: Some(a.section),
        tags: a.tags,
        language: Some(a.language),
        status: Some(a.status),
        slug: None,
        bylines: a.bylines,
        hero: Some(Hero {
            photos: hero,
            edited_by: Some(a.edited_by),
        }),
        front_matter_extra: None,
    })?;
    // The short stories are older, as the "More in …" stories of a desk are: the model
    // article (number 1) is the newest, listed on top and opened first.
    for (days, m) in (1i64..).zip(desk.more_articles) {
        ws.create_article_at(
            ArticleDraft {
                headline: m.headline,
                dek: m.dek,
                body: m.body,
                dateline: m.dateline,
                section: Some(m.section),
                tags: m.tags,
                language: Some(m.language),
                status: Some(m.status),
                slug: None,
                bylines: m.bylines,
                hero: None,
                front_matter_extra: None,
            },
            chrono::Utc::now() - chrono::Duration::days(2 * days),
        )?;
    }
    if asked {
        ws.forget_identity()?;
    }
    // Examples, not the newsroom's stories: they never travel to a newsroom this desk joins.
    ws.keep_local_only(&before)?;
    Ok(model)
}
