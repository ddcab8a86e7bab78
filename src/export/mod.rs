//! Publish-ready packages: an article as `<slug>/` (or `<slug>.zip`) holding `index.html`,
//! `article.md`, `article.ninjs.json`, the credited renditions under `images/`, and
//! `manifest.json`.
//!
//! The work runs in three stages, so each can be reasoned about alone:
//! 1. **Gather and assemble**: the desk (`Workspace::export`) runs preflight (an article
//!    with a blocking finding is refused), records the revision being exported and hands
//!    over a [`Gathered`]; [`Package::assemble`] asks for the renditions through the one seam,
//!    [`PhotoSource`], renders the body once and makes the "More in …" lists. Every value a
//!    package shows comes from the article and its revision, never from the clock, so the same
//!    revision gives the same bytes.
//! 2. **Write in memory**: each format is one [`Exporter`] putting files into a [`Sink`], which
//!    checks every path; `manifest` runs last and hashes what the others wrote.
//! 3. **Commit** ([`sink::commit_dir`], [`sink::commit_zip`]): temporary name beside the
//!    destination, fsync, rename at the end. A failure, a cancel or a full disk leaves nothing
//!    half-written, and the error says so.
//!
//! This is the only room that imports minijinja and zip. It does not touch pixels (the photo
//! room does), parse Markdown (the markdown room does) or compose credits (the credit room
//! does); it arranges what they give.

pub mod html;
pub mod images;
pub mod manifest;
pub mod ninjs;
pub mod sink;
pub mod text;

use std::sync::atomic::AtomicBool;

use chrono::{DateTime, Datelike, Utc};

use crate::error::Result;
use crate::markdown::photos::{photo_refs, Placement};
use crate::model::{Article, ArticleSummary, Author, HeroPhoto, Photo, PhotoFields, Status};
use crate::photo::rendition::{Format, DEFAULT_WIDTHS};
use crate::photo::Aspect;
use crate::settings::{HouseWords, Settings};
use crate::slug::Slug;
use crate::{credit, markdown};

pub use images::{ImageFile, PhotoSource, Poi};
pub use sink::Sink;

/// The widths of the hero and body renditions.
pub const WIDTHS: [u32; 3] = DEFAULT_WIDTHS;
/// The formats of the hero and body renditions.
pub const FORMATS: [Format; 2] = [Format::Jpeg, Format::Webp];
/// The other shapes of the hero that search engines ask for (JSON-LD `image`), and their width.
pub const ALTERNATE_ASPECTS: [Aspect; 2] = [Aspect::Ratio(4, 3), Aspect::Ratio(1, 1)];
pub const ALTERNATE_WIDTH: u32 = 1200;
/// The width of an author's square portrait (shown at half that, for high-density screens).
pub const PORTRAIT_WIDTH: u32 = 320;
/// How many links the "More in …" and "More from …" lists hold.
pub const MORE_LINKS: usize = 4;

/// What to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Write `<slug>.zip` instead of the folder `<slug>/`.
    pub zip: bool,
}

/// One output format of the package.
pub trait Exporter {
    /// The message id of what the progress bar says while it runs (`export-step-html`:
    /// "Writing the web page").
    fn name(&self) -> &'static str;
    /// Puts this format's files into `sink`.
    fn write(&self, package: &Package, sink: &mut Sink) -> Result<()>;
}

/// Every format, in the order they run; the manifest is last because it lists the others.
pub fn exporters() -> Vec<Box<dyn Exporter>> {
    vec![
        Box::new(images::ImagesExporter),
        Box::new(html::HtmlExporter),
        Box::new(text::MarkdownExporter),
        Box::new(ninjs::NinjsExporter),
        Box::new(manifest::ManifestExporter),
    ]
}

/// A rendition as the package holds it: its file name in the package and its facts.
#[derive(Debug, Clone, PartialEq)]
pub struct PackagedImage {
    /// Relative to the package: `images/hero-16x9-2048.jpg`.
    pub href: String,
    pub file: ImageFile,
}

/// The hero as the package shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeroImages {
    pub photos: Vec<Photo>,
    /// Caption and credits, exactly as [`credit::caption_line`] composes them.
    pub caption_line: String,
    pub alt: String,
    /// The 16:9 renditions, widest first, JPEG before WebP at each width.
    pub main: Vec<PackagedImage>,
    /// The hero in 4:3 and 1:1 (JPEG), for JSON-LD.
    pub alternates: Vec<PackagedImage>,
}

/// A photo placed in the body with `![alt](photo:ID)`.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyFigure {
    /// `photo-12` (or `photo-12-wide` for a named crop): its name in the package.
    pub name: String,
    pub photo: Photo,
    pub crop: Option<String>,
    pub caption_line: String,
    pub alt: String,
    pub images: Vec<PackagedImage>,
}

/// A link to another article of the desk (its package beside this one).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    pub headline: String,
    pub href: String,
}

/// An author as the author box shows them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuthorCard {
    pub name: String,
    pub role: String,
    pub bio: String,
    /// Their portrait in the package (`images/author-1-1x1-320.jpg`), when the profile has one.
    pub portrait: Option<String>,
    /// Their other articles.
    pub more: Vec<Link>,
}

/// Everything a package is made of, gathered once; exporters only read it.
#[derive(Debug, Clone)]
pub struct Package {
    pub article: Article,
    /// The headline and dek with the story language's typography (the stored text stays as
    /// typed): the page, its JSON-LD and ninjs show these.
    pub headline: String,
    pub dek: String,
    /// The credit words of the story's language.
    pub house: HouseWords,
    /// When the story first moved to Published (`None` while it never has).
    pub published_at: Option<DateTime<Utc>>,
    pub revision_id: i64,
    pub publication: String,
    /// The article's identifier for wire partners (ninjs `uri`).
    pub uri: String,
    pub slug: Slug,
    pub authors: Vec<AuthorCard>,
    pub hero: Option<HeroImages>,
    pub figures: Vec<BodyFigure>,
    /// The authors' portraits (square, [`PORTRAIT_WIDTH`] wide), in byline order.
    pub portraits: Vec<PackagedImage>,
    /// The body, rendered and sanitized, with its figures.
    pub body_html: String,
    pub more_in_section: Vec<Link>,
    /// Preflight warnings and what the photo desk said.
    pub warnings: Vec<String>,
}

impl Package {
    /// When the article was first created: ninjs `firstCreated`.
    pub fn first_created(&self) -> DateTime<Utc> {
        self.article.created_at
    }

    /// When readers first saw it: its first move to Published (the page's date and
    /// `datePublished`), else when it was created.
    pub fn published(&self) -> DateTime<Utc> {
        self.published_at.unwrap_or(self.article.created_at)
    }

    /// When this version was made: `dateModified`, ninjs `versionCreated`, zip entry times.
    pub fn version_created(&self) -> DateTime<Utc> {
        self.article.updated_at
    }

    /// Every rendition the package carries, hero first.
    pub fn images(&self) -> impl Iterator<Item = &PackagedImage> {
        self.hero
            .iter()
            .flat_map(|h| h.main.iter().chain(&h.alternates))
            .chain(self.figures.iter().flat_map(|f| f.images.iter()))
            .chain(&self.portraits)
    }

    /// Makes the package of what the desk gathered (`desk`), asking `photos` for every
    /// rendition: the hero, the body's photos, the authors' portraits, the body rendered
    /// once, the "More in …" and "More from …" links. `step` is told each stage.
    pub fn assemble(
        desk: Gathered,
        photos: &dyn PhotoSource,
        step: &mut dyn FnMut(&'static str) -> Result<()>,
        cancel: &AtomicBool,
    ) -> Result<Package> {
        let Gathered {
            article,
            settings,
            mut warnings,
            revision_id,
            uuid,
            published_at,
            others,
            profiles,
        } = desk;
        // Each original is decoded once for the whole package (every shape and width of the
        // hero, a body photo that is also the hero), its pixels freed when this returns.
        let _decodes = crate::photo::rendition::DecodeScope::open();
        let words = settings.words_for(&article.language);
        let hero_aspect = Aspect::parse(&settings.hero_aspect)?;
        let slug = Slug::parse(&article.slug)?;
        step("export-step-checking")?;
        let hero = hero_images(
            &article,
            &words,
            hero_aspect,
            photos,
            &mut warnings,
            step,
            cancel,
        )?;
        let figures = body_figures(&article, &words, photos, &mut warnings, step, cancel)?;
        let body_html = markdown::photos::render_with_photos(
            &article.body,
            &article.language,
            &|r, placement| {
                let id = r.id?;
                let fig = figures
                    .iter()
                    .find(|f| f.photo.id == id && f.crop.as_deref() == r.crop.as_deref())?;
                let alt = if r.alt.is_empty() { &fig.alt } else { &r.alt };
                html::figure(fig, alt, placement == Placement::Block).ok()
            },
        );
        // Only published stories: a draft's headline never reaches a reader, and every link
        // leads to a page that exists, at the address the publication's settings give.
        let others: Vec<ArticleSummary> = others
            .into_iter()
            .filter(|s| s.id != article.id && s.status == Status::Published)
            .collect();
        let more_in_section = match &article.section {
            Some(section) => links(
                &mut others
                    .iter()
                    .filter(|s| s.section.as_ref() == Some(section)),
                &settings,
            ),
            None => Vec::new(),
        };
        let (authors, portraits) =
            author_cards(&article, &profiles, &others, &settings, photos, cancel)?;
        let publication = settings.publication.clone();
        // Not the publication's name (renaming it made a new story for every wire and CMS),
        // nor the desk's row number (two desks of a newsroom both have a story 1).
        let uri = format!("urn:dateline:article:{uuid}");
        Ok(Package {
            house: words,
            published_at,
            headline: markdown::typeset_text(article.headline.trim(), &article.language),
            dek: markdown::typeset_text(article.dek.trim(), &article.language),
            revision_id,
            publication,
            uri,
            slug,
            authors,
            hero,
            figures,
            portraits,
            body_html,
            more_in_section,
            warnings,
            article,
        })
    }
}

/// What the package reads from the desk, gathered (and checked by preflight) before any pixel
/// is made; see `Workspace::export`.
#[derive(Debug, Clone)]
pub struct Gathered {
    pub article: Article,
    /// The publication's house rules (its name, hero shape, link pattern, words).
    pub settings: Settings,
    /// Preflight's warnings (nothing blocks: a blocked story never gets this far).
    pub warnings: Vec<String>,
    /// The revision that holds exactly this state of the article.
    pub revision_id: i64,
    /// The story's global id (a UUID, the same on every desk of a newsroom), its package's
    /// identifier: stable when the publication is renamed, never shared by two stories.
    pub uuid: String,
    /// When the story first moved to Published.
    pub published_at: Option<DateTime<Utc>>,
    /// The desk's other stories, for "More in …" and "More from …" (only published ones are
    /// linked).
    pub others: Vec<ArticleSummary>,
    /// The author profiles, for roles, bios and portraits.
    pub profiles: Vec<Author>,
}

/// The hero in the house shape (every width, JPEG and WebP) and in the other shapes search
/// engines ask for, with its caption line and alt text.
fn hero_images(
    article: &Article,
    words: &HouseWords,
    hero_aspect: Aspect,
    photos: &dyn PhotoSource,
    warnings: &mut Vec<String>,
    step: &mut dyn FnMut(&'static str) -> Result<()>,
    cancel: &AtomicBool,
) -> Result<Option<HeroImages>> {
    let Some(h) = article.hero.as_ref().filter(|h| !h.photos.is_empty()) else {
        return Ok(None);
    };
    let chosen: Vec<Photo> = h
        .photos
        .iter()
        .map(|p| photos.photo(p.photo_id))
        .collect::<Result<_>>()?;
    let fields: Vec<&PhotoFields> = chosen.iter().map(|p| &p.fields).collect();
    let caption_line = credit::caption_line(&fields, h.edited_by.as_deref(), words);
    let alt = credit::join_alt_texts(chosen.iter().map(|p| p.fields.alt_text.as_str()));
    let req = images::ImageRequest {
        photos: &h.photos,
        aspect: Some(hero_aspect),
        widths: &WIDTHS,
        formats: &FORMATS,
        edited_by: h.edited_by.as_deref(),
        words,
    };
    let (main, w) = images::renditions(photos, &req, cancel)?;
    warnings.extend(w);
    step("export-step-hero")?;
    let mut alternates = Vec::new();
    for aspect in ALTERNATE_ASPECTS.into_iter().filter(|a| *a != hero_aspect) {
        // A single photo with a crop of its own in this shape ships that crop: the photo
        // editor's 4:3 or 1:1, not a cut from inside the hero's crop (a tryout's saved crops
        // were ignored). Without one, the largest of the shape in the whole photo around its
        // focal point (a tryout's 4:3 photo shipped a 4:3 cut from its 16:9 crop, smaller and
        // missing the top). A composite's shapes are cut from the composite.
        let own: Option<Vec<HeroPhoto>> = match h.photos.as_slice() {
            [one] => {
                let crop = photos
                    .crops(one.photo_id)?
                    .into_iter()
                    .find(|c| Aspect::parse(&c.aspect).is_ok_and(|a| a == aspect))
                    .map(|c| c.name);
                Some(vec![HeroPhoto {
                    photo_id: one.photo_id,
                    crop,
                }])
            }
            _ => None,
        };
        let req = images::ImageRequest {
            photos: own.as_deref().unwrap_or(&h.photos),
            aspect: Some(aspect),
            widths: &[ALTERNATE_WIDTH],
            formats: &[Format::Jpeg],
            ..req.clone()
        };
        let (files, w) = images::renditions(photos, &req, cancel)?;
        warnings.extend(w);
        alternates.extend(packaged("hero", Some(aspect), files));
        step("export-step-hero-shapes")?;
    }
    Ok(Some(HeroImages {
        photos: chosen,
        caption_line,
        alt,
        main: packaged("hero", Some(hero_aspect), main),
        alternates,
    }))
}

/// The photos placed in the body with `![alt](photo:ID)`, once each (per named crop).
fn body_figures(
    article: &Article,
    words: &HouseWords,
    photos: &dyn PhotoSource,
    warnings: &mut Vec<String>,
    step: &mut dyn FnMut(&'static str) -> Result<()>,
    cancel: &AtomicBool,
) -> Result<Vec<BodyFigure>> {
    let mut figures: Vec<BodyFigure> = Vec::new();
    for r in photo_refs(&article.body) {
        let Some(id) = r.id else { continue };
        let name = match &r.crop {
            Some(c) => format!(
                "photo-{id}-{}",
                Slug::derive(c).map(|s| s.to_string()).unwrap_or_default()
            ),
            None => format!("photo-{id}"),
        };
        if figures.iter().any(|f| f.name == name) {
            continue;
        }
        let photo = photos.photo(id)?;
        let hp = [HeroPhoto {
            photo_id: id,
            crop: r.crop.clone(),
        }];
        let req = images::ImageRequest {
            photos: &hp,
            aspect: None,
            widths: &WIDTHS,
            formats: &FORMATS,
            edited_by: None,
            words,
        };
        let (files, w) = images::renditions(photos, &req, cancel)?;
        warnings.extend(w);
        let alt = if r.alt.is_empty() {
            photo.fields.alt_text.trim().to_string()
        } else {
            r.alt.clone()
        };
        figures.push(BodyFigure {
            images: packaged(&name, None, files),
            caption_line: credit::caption_line(&[&photo.fields], None, words),
            name,
            photo,
            crop: r.crop.clone(),
            alt,
        });
        step("export-step-body-photos")?;
    }
    Ok(figures)
}

/// One card per byline (name, role, bio, portrait, "More from …"), and the portraits' files.
fn author_cards(
    article: &Article,
    profiles: &[Author],
    published: &[ArticleSummary],
    settings: &Settings,
    photos: &dyn PhotoSource,
    cancel: &AtomicBool,
) -> Result<(Vec<AuthorCard>, Vec<PackagedImage>)> {
    let mut authors: Vec<AuthorCard> = Vec::new();
    let mut portraits: Vec<PackagedImage> = Vec::new();
    for b in &article.bylines {
        let name = b.name.trim();
        if name.is_empty() || authors.iter().any(|a| a.name == name) {
            continue;
        }
        let profile = profiles
            .iter()
            .find(|p| b.author_id.is_some_and(|id| id == p.id) || p.name == name);
        let mut portrait = None;
        if let Some(photo_id) = profile.and_then(|p| p.portrait_photo_id) {
            let req = images::ImageRequest {
                photos: &[HeroPhoto {
                    photo_id,
                    crop: None,
                }],
                aspect: Some(Aspect::Ratio(1, 1)),
                widths: &[PORTRAIT_WIDTH],
                formats: &[Format::Jpeg],
                edited_by: None,
                words: &HouseWords::english(),
            };
            let (files, _) = images::renditions(photos, &req, cancel)?;
            let name = format!("author-{}", authors.len() + 1);
            let files = packaged(&name, Some(Aspect::Ratio(1, 1)), files);
            portrait = files.first().map(|f| f.href.clone());
            portraits.extend(files);
        }
        authors.push(AuthorCard {
            portrait,
            name: name.to_string(),
            role: b
                .role
                .clone()
                .filter(|r| !r.trim().is_empty())
                .or_else(|| profile.map(|p| p.role.clone()))
                .unwrap_or_default(),
            bio: profile.map(|p| p.bio.clone()).unwrap_or_default(),
            more: links(
                &mut published
                    .iter()
                    .filter(|s| s.bylines.iter().any(|n| n.trim() == name)),
                settings,
            ),
        });
    }
    Ok((authors, portraits))
}

/// Names the renditions in the package: `images/{name}-{w}x{h shape}-{width}.{ext}`.
fn packaged(name: &str, aspect: Option<Aspect>, files: Vec<ImageFile>) -> Vec<PackagedImage> {
    files
        .into_iter()
        .map(|file| {
            let shape = match aspect {
                Some(Aspect::Ratio(a, b)) => format!("-{a}x{b}"),
                _ => String::new(),
            };
            PackagedImage {
                href: format!(
                    "images/{name}{shape}-{}.{}",
                    file.width,
                    file.format.extension()
                ),
                file,
            }
        })
        .collect()
}

/// Up to [`MORE_LINKS`] links, newest change first (then by id, so ties are stable).
fn links(summaries: &mut dyn Iterator<Item = &ArticleSummary>, s: &Settings) -> Vec<Link> {
    let mut v: Vec<&ArticleSummary> = summaries.collect();
    v.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
    v.into_iter()
        .take(MORE_LINKS)
        .map(|a| Link {
            headline: markdown::typeset_text(a.headline.trim(), &a.language),
            href: s.story_url(a.section.as_deref(), &a.slug, a.created_at.year()),
        })
        .collect()
}
