//! Preflight: the check an editor runs before a story leaves the building, listing what
//! blocks publication and what merely deserves a look.
//!
//! The rules are one pure function, [`check`], over the article and the facts about its photos
//! (fields, size, crops), so every rule is tested without a disk; `Workspace::preflight` (in
//! `workspace::preflight`) only gathers those facts. Each finding names the form field it is
//! about (and the photo), carries a [`FindingCode`] the UI branches on, and a message written
//! for the journalist who has to fix it. This room decides nothing about files: the export refuses to start when
//! [`Preflight::exportable`] is false and copies the warnings into its report.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::markdown::photos::{photo_refs, PhotoRef};
use crate::model::{
    Article, Crop, Finding, FindingCode, Photo, PhotoFields, PhotoId, Preflight, Severity, Status,
};
use crate::photo::composite;
use crate::photo::embed::{
    Credits, IIM_BYLINE_MAX, IIM_CAPTION_MAX, IIM_COPYRIGHT_MAX, IIM_CREDIT_MAX,
};
use crate::photo::rendition::DEFAULT_WIDTHS;
use crate::settings::Settings;

/// The widest rendition the package carries.
pub const WIDEST_RENDITION: u32 = DEFAULT_WIDTHS[0];

/// What preflight needs to know about one photo.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoFacts {
    pub photo: Photo,
    pub crops: Vec<Crop>,
    /// Newsroom conflicts on the photo's credit, caption or alt text, as (field, this desk's
    /// value, the newsroom's value): each blocks until someone chooses (issue 13).
    pub conflicts: Vec<(String, String, String)>,
}

/// Checks an article against the desk's publication rules. `photos` holds every photo the
/// article names that exists in the desk; a photo it names and that is missing is a finding.
/// The house rules (hero shape, lengths) are the publication's `settings`.
pub fn check(a: &Article, photos: &BTreeMap<PhotoId, PhotoFacts>, rules: &Settings) -> Preflight {
    let mut f = Findings {
        list: Vec::new(),
        alt_text_max: rules.alt_text_max as usize,
    };
    let headline_max = rules.headline_max as usize;
    let dek_max = rules.dek_max as usize;
    let hero_aspect = rules.hero_aspect.as_str();

    // ---- The text ----------------------------------------------------------------------
    let headline = a.headline.trim();
    if headline.is_empty() {
        f.block(
            "headline",
            FindingCode::NoHeadline,
            "The story has no headline. Write one before exporting.".into(),
        );
    } else if headline.chars().count() > headline_max {
        f.warn(
            "headline",
            FindingCode::HeadlineTooLong,
            format!(
                "The headline is {} characters long; over {headline_max}, search results and \
                 social cards cut it off. Consider tightening it.",
                headline.chars().count()
            ),
        );
    }
    if a.body.trim().is_empty() {
        f.block(
            "body",
            FindingCode::NoBody,
            "The story has no text yet. Write the body before it is published or exported.".into(),
        );
    }
    if a.bylines.iter().all(|b| b.name.trim().is_empty()) {
        f.block(
            "bylines",
            FindingCode::NoByline,
            "The story has no byline. Add the name of whoever wrote it.".into(),
        );
    }
    let dek = a.dek.trim().chars().count();
    if dek > dek_max {
        f.warn(
            "dek",
            FindingCode::DekTooLong,
            format!(
                "The dek is {dek} characters long; over {dek_max} it stops reading as a summary. \
                 Consider shortening it."
            ),
        );
    }
    if a.section.as_deref().is_none_or(|s| s.trim().is_empty()) {
        f.warn(
            "section",
            FindingCode::NoSection,
            "The story has no section, so the page cannot show “More in …” and wire partners \
             cannot file it. Choose a section."
                .into(),
        );
    }
    if !matches!(a.status, Status::Ready | Status::Published) {
        f.warn(
            "status",
            FindingCode::NotReady,
            format!(
                "The story is marked “{}”, not “Ready”. Check that the desk has signed it off.",
                a.status.label()
            ),
        );
    }

    // ---- The hero ------------------------------------------------------------------------
    if let Some(hero) = a.hero.as_ref().filter(|h| !h.photos.is_empty()) {
        let n = hero.photos.len();
        if n > 3 {
            f.block(
                "hero",
                FindingCode::HeroTooManyPhotos,
                format!(
                    "The hero has {n} photos; a composite puts two or three side by side. \
                     Remove {} of them.",
                    n - 3
                ),
            );
        }
        for h in &hero.photos {
            let Some(facts) = photos.get(&h.photo_id) else {
                f.block_photo(
                    "hero",
                    FindingCode::MissingBodyPhoto,
                    format!(
                        "The hero shows photo {}, which is no longer in this desk. Choose \
                         another photo.",
                        h.photo_id
                    ),
                    h.photo_id,
                );
                continue;
            };
            photo_fields(&mut f, facts, "hero");
            let crop = h
                .crop
                .as_deref()
                .and_then(|name| facts.crops.iter().find(|c| c.name == name.trim()));
            if n == 1 {
                match crop {
                    Some(c) if c.aspect == hero_aspect => {
                        crop_size(&mut f, facts, c.w * f64::from(facts.photo.width), "hero")
                    }
                    _ => f.block_photo(
                        "photo.crop",
                        FindingCode::HeroWithoutCrop,
                        format!(
                            "The hero photo {} has no {hero_aspect} crop, which the article \
                             page needs. Crop it to {hero_aspect} in the photo desk and choose \
                             that crop for the hero.",
                            name(&facts.photo)
                        ),
                        facts.photo.id,
                    ),
                }
            } else if n <= 3 {
                // A composite cell is cut from the crop (or the whole photo) around the focus.
                let cells = composite::cells(
                    n as u32,
                    WIDEST_RENDITION,
                    WIDEST_RENDITION * 9 / 16,
                    composite::gutter_for(WIDEST_RENDITION),
                );
                let cell = cells.first().map(|c| (c.width, c.height)).unwrap_or((1, 1));
                let (rw, rh) = match crop {
                    Some(c) => (
                        c.w * f64::from(facts.photo.width),
                        c.h * f64::from(facts.photo.height),
                    ),
                    None => (f64::from(facts.photo.width), f64::from(facts.photo.height)),
                };
                let cut_w = rw.min(rh * f64::from(cell.0) / f64::from(cell.1.max(1)));
                if cut_w + 0.5 < f64::from(cell.0) {
                    f.warn_photo(
                        "photo.crop",
                        FindingCode::CropTooSmall,
                        format!(
                            "In the composite hero, photo {} fills a cell {} pixels wide but \
                             has only {} pixels to give: it will look soft on large screens. \
                             Use a larger original or a wider crop.",
                            name(&facts.photo),
                            cell.0,
                            cut_w.round()
                        ),
                        facts.photo.id,
                    );
                }
            }
        }
    }

    // ---- Photos in the body ------------------------------------------------------------
    let mut seen = Vec::new();
    for r in photo_refs(&a.body) {
        body_photo(&mut f, &r, photos, &mut seen);
    }

    f.done()
}

fn body_photo(
    f: &mut Findings,
    r: &PhotoRef,
    photos: &BTreeMap<PhotoId, PhotoFacts>,
    seen: &mut Vec<PhotoId>,
) {
    let Some(facts) = r.id.and_then(|id| photos.get(&id)) else {
        let what = match r.id {
            Some(id) => format!("photo {id}, which is not in this desk"),
            None => format!("“{}”, which is not a photo number", r.target),
        };
        f.block_photo(
            "body",
            FindingCode::MissingBodyPhoto,
            format!(
                "Line {} of the body shows {what}. Fix the reference (it looks like \
                 ![alt text](photo:12)) or import the photo.",
                r.line
            ),
            r.id.unwrap_or_default(),
        );
        return;
    };
    let width = match &r.crop {
        Some(crop) => match facts.crops.iter().find(|c| &c.name == crop) {
            Some(c) => c.w * f64::from(facts.photo.width),
            None => {
                f.block_photo(
                    "body",
                    FindingCode::MissingBodyPhoto,
                    format!(
                        "Line {} of the body shows the crop “{crop}” of photo {}, which has no \
                         crop of that name.",
                        r.line,
                        name(&facts.photo)
                    ),
                    facts.photo.id,
                );
                return;
            }
        },
        None => f64::from(facts.photo.width),
    };
    if seen.contains(&facts.photo.id) {
        return;
    }
    seen.push(facts.photo.id);
    if r.alt.is_empty() {
        photo_fields(f, facts, "body");
    } else {
        let mut with_alt = facts.clone();
        with_alt.photo.fields.alt_text = r.alt.clone();
        photo_fields(f, &with_alt, "body");
    }
    crop_size(f, facts, width, "body");
}

/// The rules every shown photo obeys: a credit, alt text, and fields IIM can carry whole.
fn photo_fields(f: &mut Findings, facts: &PhotoFacts, place: &str) {
    let p = &facts.photo;
    let fields: &PhotoFields = &p.fields;
    let place = if place == "hero" {
        "in the hero"
    } else {
        "in the body"
    };
    if crate::credit::credit_line(fields).is_empty() {
        f.block_photo(
            "photo.credit",
            FindingCode::PhotoWithoutCredit,
            format!(
                "Photo {} {place} has no credit. Add the photographer and agency (or a credit \
                 line) in the photo desk.",
                name(p)
            ),
            p.id,
        );
    }
    for (field, ours, theirs) in &facts.conflicts {
        let what = field.trim_start_matches("photo.").replace('_', " ");
        f.block_photo(
            field,
            FindingCode::PhotoFieldConflict,
            format!(
                "Photo {} {place} has two versions of its {what}: “{ours}” on this desk and \
                 “{theirs}” from the newsroom. Choose one in the photo desk; credits are a \
                 legal matter.",
                name(p)
            ),
            p.id,
        );
    }
    let alt = fields.alt_text.trim();
    if alt.is_empty() {
        f.block_photo(
            "photo.alt_text",
            FindingCode::PhotoWithoutAltText,
            format!(
                "Photo {} {place} has no alt text: readers using a screen reader would not know \
                 what it shows. Describe it in a sentence.",
                name(p)
            ),
            p.id,
        );
    } else if alt.chars().count() > f.alt_text_max {
        f.warn_photo(
            "photo.alt_text",
            FindingCode::AltTextTooLong,
            format!(
                "The alt text of photo {} is {} characters long; over {} it is \
                 tiring to listen to. Keep the essentials.",
                name(p),
                alt.chars().count(),
                f.alt_text_max
            ),
            p.id,
        );
    }
    let c = Credits::from_fields(fields);
    for (field, label, value, max) in [
        (
            "photo.creator",
            "photographer (IIM By-line)",
            &c.creator,
            IIM_BYLINE_MAX,
        ),
        (
            "photo.credit",
            "credit (IIM Credit)",
            &c.credit,
            IIM_CREDIT_MAX,
        ),
        (
            "photo.copyright",
            "copyright notice (IIM CopyrightNotice)",
            &c.rights,
            IIM_COPYRIGHT_MAX,
        ),
        (
            "photo.caption",
            "caption (IIM Caption-Abstract)",
            &c.description,
            IIM_CAPTION_MAX,
        ),
    ] {
        if value.len() > max {
            f.warn_photo(
                field,
                FindingCode::IimTruncated,
                format!(
                    "The {label} of photo {} is {} bytes; IIM keeps only {max}, so older \
                     systems will read it cut short. XMP keeps it whole.",
                    name(p),
                    value.len()
                ),
                p.id,
            );
        }
    }
}

fn crop_size(f: &mut Findings, facts: &PhotoFacts, width: f64, place: &str) {
    let width = width.round();
    if width < f64::from(WIDEST_RENDITION) {
        f.warn_photo(
            "photo.crop",
            FindingCode::CropTooSmall,
            format!(
                "Photo {} {} is only {width} pixels wide, less than the widest rendition \
                 ({WIDEST_RENDITION}): large screens will get a smaller image. Use a larger \
                 original or a wider crop.",
                name(&facts.photo),
                if place == "hero" {
                    "in the hero"
                } else {
                    "in the body"
                },
            ),
            facts.photo.id,
        );
    }
}

/// How a message names a photo: its number and the file it came from.
fn name(p: &Photo) -> String {
    if p.original_name.is_empty() {
        format!("{}", p.id)
    } else {
        format!("{} (“{}”)", p.id, p.original_name)
    }
}

#[derive(Default)]
struct Findings {
    list: Vec<Finding>,
    /// The publication's longest alt text, in characters.
    alt_text_max: usize,
}

impl Findings {
    fn push(
        &mut self,
        severity: Severity,
        field: &str,
        code: FindingCode,
        message: String,
        photo_id: Option<PhotoId>,
    ) {
        self.list.push(Finding {
            severity,
            field: field.to_string(),
            code,
            message,
            photo_id,
        });
    }
    fn block(&mut self, field: &str, code: FindingCode, message: String) {
        self.push(Severity::Blocking, field, code, message, None);
    }
    fn warn(&mut self, field: &str, code: FindingCode, message: String) {
        self.push(Severity::Warning, field, code, message, None);
    }
    fn block_photo(&mut self, field: &str, code: FindingCode, message: String, id: PhotoId) {
        let id = Some(id).filter(|&i| i > 0);
        self.push(Severity::Blocking, field, code, message, id);
    }
    fn warn_photo(&mut self, field: &str, code: FindingCode, message: String, id: PhotoId) {
        self.push(Severity::Warning, field, code, message, Some(id));
    }
    fn done(mut self) -> Preflight {
        // Blocking first; within a severity, in the order the rules ran (reading order).
        self.list.sort_by_key(|f| f.severity);
        let exportable = self.list.iter().all(|f| f.severity != Severity::Blocking);
        Preflight {
            findings: self.list,
            exportable,
        }
    }
}

impl Preflight {
    /// The refusal when something blocks the story: "“Headline” cannot be {doing} yet. Fix
    /// first: …" with every blocking finding; `None` when nothing blocks.
    pub fn refusal(&self, headline: &str, doing: &str) -> Option<Error> {
        let blocking: Vec<&str> = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .map(|f| f.message.as_str())
            .collect();
        (!blocking.is_empty()).then(|| {
            Error::Blocked(format!(
                "“{}” cannot be {doing} yet. Fix first: {}",
                headline.trim(),
                blocking.join(" ")
            ))
        })
    }
}
