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
use crate::i18n::{Arg, Lang, Text};
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
            Text::new("finding-no-headline"),
        );
    } else if headline.chars().count() > headline_max {
        f.warn(
            "headline",
            FindingCode::HeadlineTooLong,
            Text::new("finding-headline-too-long")
                .arg("length", headline.chars().count())
                .arg("max", headline_max),
        );
    }
    if a.body.trim().is_empty() {
        f.block("body", FindingCode::NoBody, Text::new("finding-no-body"));
    } else if let Some(key) = pasted_front_matter(&a.body) {
        f.warn(
            "body",
            FindingCode::BodyStartsWithFrontMatter,
            Text::new("finding-body-starts-with-front-matter").arg("key", key),
        );
    }
    if a.bylines.iter().all(|b| b.name.trim().is_empty()) {
        f.block(
            "bylines",
            FindingCode::NoByline,
            Text::new("finding-no-byline"),
        );
    }
    let dek = a.dek.trim().chars().count();
    if dek > dek_max {
        f.warn(
            "dek",
            FindingCode::DekTooLong,
            Text::new("finding-dek-too-long")
                .arg("length", dek)
                .arg("max", dek_max),
        );
    }
    if a.section.as_deref().is_none_or(|s| s.trim().is_empty()) {
        f.warn(
            "section",
            FindingCode::NoSection,
            Text::new("finding-no-section"),
        );
    }
    if rules.publication.trim().is_empty() {
        f.warn(
            "publication",
            FindingCode::NoPublication,
            Text::new("finding-no-publication"),
        );
    }
    if !matches!(a.status, Status::Ready | Status::Published) {
        f.warn(
            "status",
            FindingCode::NotReady,
            Text::new("finding-not-ready").arg("status", crate::workflow::status_text(a.status)),
        );
    }

    // ---- The hero ------------------------------------------------------------------------
    if let Some(hero) = a.hero.as_ref().filter(|h| !h.photos.is_empty()) {
        let n = hero.photos.len();
        if n > 3 {
            f.block(
                "hero",
                FindingCode::HeroTooManyPhotos,
                Text::new("finding-hero-too-many-photos")
                    .arg("count", n)
                    .arg("extra", n - 3),
            );
        }
        for h in &hero.photos {
            let Some(facts) = photos.get(&h.photo_id) else {
                f.block_photo(
                    "hero",
                    FindingCode::MissingBodyPhoto,
                    Text::new("finding-hero-photo-missing").arg("photo", h.photo_id.to_string()),
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
                        Text::new("finding-hero-without-crop")
                            .arg("photo", name(&facts.photo))
                            .arg("aspect", hero_aspect),
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
                        Text::new("finding-composite-cell-too-small")
                            .arg("photo", name(&facts.photo))
                            .arg("cell", cell.0)
                            .arg("width", cut_w),
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
            Some(id) => Text::new("finding-body-what-missing").arg("photo", id.to_string()),
            None => Text::new("finding-body-what-not-a-number").arg("target", &r.target),
        };
        f.block_photo(
            "body",
            FindingCode::MissingBodyPhoto,
            Text::new("finding-body-photo-missing")
                .arg("line", r.line)
                .arg("what", what),
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
                    Text::new("finding-body-crop-missing")
                        .arg("line", r.line)
                        .arg("crop", crop)
                        .arg("photo", name(&facts.photo)),
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

/// The first key of a front matter block pasted at the top of the body (`---`, `title: …`,
/// `---`): a whole Markdown file pasted into the body field, whose details would print as a
/// rule and a heading.
fn pasted_front_matter(body: &str) -> Option<&str> {
    let mut lines = body.trim_start().lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    let mut first = None;
    for line in lines.take(60) {
        if matches!(line.trim_end(), "---" | "...") {
            return first;
        }
        if first.is_none() {
            let key = line.split_once(':').map(|(k, _)| k).unwrap_or_default();
            let plain = key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
            if !key.is_empty() && plain && !key.starts_with('-') {
                first = Some(key);
            }
        }
    }
    None
}

/// The rules every shown photo obeys: a credit, alt text, and fields IIM can carry whole.
fn photo_fields(f: &mut Findings, facts: &PhotoFacts, place: &str) {
    let p = &facts.photo;
    let fields: &PhotoFields = &p.fields;
    let place = place_text(place);
    if crate::credit::credit_line(fields).is_empty() {
        f.block_photo(
            "photo.credit",
            FindingCode::PhotoWithoutCredit,
            Text::new("finding-photo-without-credit")
                .arg("photo", name(p))
                .arg("place", place.clone()),
            p.id,
        );
    } else if fields.creator.trim().is_empty()
        && fields
            .credit_override
            .as_deref()
            .is_none_or(|c| c.trim().is_empty())
    {
        // Credited to an agency alone: often right (a pool photo), often a name lost on the
        // way. A credit line the desk wrote itself is its decision.
        f.warn_photo(
            "photo.creator",
            FindingCode::PhotoWithoutCreator,
            Text::new("finding-photo-without-creator")
                .arg("photo", name(p))
                .arg("place", place.clone())
                .arg("credit", crate::credit::credit_line(fields)),
            p.id,
        );
    }
    if fields.copyright.trim().is_empty() {
        // Agencies license with a notice; a copy that leaves without one names no one.
        f.warn_photo(
            "photo.copyright",
            FindingCode::PhotoWithoutCopyright,
            Text::new("finding-photo-without-copyright")
                .arg("photo", name(p))
                .arg("place", place.clone()),
            p.id,
        );
    }
    for (field, ours, theirs) in &facts.conflicts {
        let what = photo_field_text(field);
        f.block_photo(
            field,
            FindingCode::PhotoFieldConflict,
            Text::new("finding-photo-field-conflict")
                .arg("photo", name(p))
                .arg("place", place.clone())
                .arg("what", what)
                .arg("ours", ours)
                .arg("theirs", theirs),
            p.id,
        );
    }
    let alt = fields.alt_text.trim();
    if alt.is_empty() {
        f.block_photo(
            "photo.alt_text",
            FindingCode::PhotoWithoutAltText,
            Text::new("finding-photo-without-alt-text")
                .arg("photo", name(p))
                .arg("place", place.clone()),
            p.id,
        );
    } else if alt.chars().count() > f.alt_text_max {
        f.warn_photo(
            "photo.alt_text",
            FindingCode::AltTextTooLong,
            Text::new("finding-alt-text-too-long")
                .arg("photo", name(p))
                .arg("length", alt.chars().count())
                .arg("max", f.alt_text_max),
            p.id,
        );
    }
    let c = Credits::from_fields(fields);
    // Each creator is a By-line of its own in IIM: the longest is the one that may be cut.
    let creator = c
        .creators
        .iter()
        .max_by_key(|n| n.len())
        .cloned()
        .unwrap_or_default();
    for (field, label, value, max) in [
        ("photo.creator", "iim-byline", &creator, IIM_BYLINE_MAX),
        ("photo.credit", "iim-credit", &c.credit, IIM_CREDIT_MAX),
        (
            "photo.copyright",
            "iim-copyright",
            &c.rights,
            IIM_COPYRIGHT_MAX,
        ),
        (
            "photo.caption",
            "iim-caption",
            &c.description,
            IIM_CAPTION_MAX,
        ),
    ] {
        if value.len() > max {
            f.warn_photo(
                field,
                FindingCode::IimTruncated,
                Text::new("finding-iim-truncated")
                    .arg("what", Text::new(label))
                    .arg("photo", name(p))
                    .arg("bytes", value.len())
                    .arg("max", max),
                p.id,
            );
        }
    }
}

fn crop_size(f: &mut Findings, facts: &PhotoFacts, width: f64, place: &str) {
    let width = width.round();
    if width < f64::from(WIDEST_RENDITION) {
        // A crop as wide as the photo cannot be widened: only a larger original helps.
        let whole = width >= f64::from(facts.photo.width) - 1.0;
        f.warn_photo(
            "photo.crop",
            FindingCode::CropTooSmall,
            Text::new(if whole {
                "finding-original-too-small"
            } else {
                "finding-crop-too-small"
            })
            .arg("photo", name(&facts.photo))
            .arg("place", place_text(place))
            .arg("width", width)
            .arg("widest", WIDEST_RENDITION),
            facts.photo.id,
        );
    }
}

/// Where a photo is shown, as a message says it: "in the hero", "in the body".
fn place_text(place: &str) -> Text {
    if place == "hero" {
        Text::new("finding-in-the-hero")
    } else {
        Text::new("finding-in-the-body")
    }
}

/// A photo field a newsroom conflict is about, as a message names it ("alt text").
fn photo_field_text(field: &str) -> Text {
    match field {
        "photo.credit" => Text::new("photo-field-credit"),
        "photo.caption" => Text::new("photo-field-caption"),
        "photo.alt_text" => Text::new("photo-field-alt-text"),
        "photo.creator" => Text::new("photo-field-creator"),
        "photo.agency" => Text::new("photo-field-agency"),
        "photo.distributor" => Text::new("photo-field-distributor"),
        "photo.copyright" => Text::new("photo-field-copyright"),
        other => Text::Raw(other.trim_start_matches("photo.").replace('_', " ")),
    }
}

/// How a message names a photo: its number and the file it came from.
fn name(p: &Photo) -> Text {
    if p.original_name.is_empty() {
        Text::Raw(p.id.to_string())
    } else {
        Text::new("finding-photo-name")
            .arg("id", p.id.to_string())
            .arg("file", &p.original_name)
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
        message: Text,
        photo_id: Option<PhotoId>,
    ) {
        self.list.push(Finding {
            severity,
            field: field.to_string(),
            code,
            message: message.render(Lang::En),
            photo_id,
            text: Some(message),
        });
    }
    fn block(&mut self, field: &str, code: FindingCode, message: Text) {
        self.push(Severity::Blocking, field, code, message, None);
    }
    fn warn(&mut self, field: &str, code: FindingCode, message: Text) {
        self.push(Severity::Warning, field, code, message, None);
    }
    fn block_photo(&mut self, field: &str, code: FindingCode, message: Text, id: PhotoId) {
        let id = Some(id).filter(|&i| i > 0);
        self.push(Severity::Blocking, field, code, message, id);
    }
    fn warn_photo(&mut self, field: &str, code: FindingCode, message: Text, id: PhotoId) {
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
    /// The refusal when something blocks the story: "“Headline” cannot be published (or
    /// exported) yet. Fix first: …" with every blocking finding; `None` when nothing blocks.
    pub fn refusal(&self, headline: &str, doing: Doing) -> Option<Error> {
        let blocking: Vec<Text> = self
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .map(Finding::text)
            .collect();
        (!blocking.is_empty()).then(|| {
            let id = match doing {
                Doing::Publish => "refusal-cannot-publish",
                Doing::Export => "refusal-cannot-export",
            };
            Error::Blocked(
                Text::new(id)
                    .arg("headline", headline.trim())
                    .arg("findings", Arg::Sentences(blocking)),
            )
        })
    }

    /// The same findings with their messages in `lang`.
    pub fn in_language(mut self, lang: Lang) -> Preflight {
        for f in &mut self.findings {
            f.message = f.text().render(lang);
        }
        self
    }
}

/// What a blocking finding stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Publish,
    Export,
}

impl Finding {
    /// The finding's words in no language yet (a finding read back from JSON has only its
    /// English message, given as it is).
    pub fn text(&self) -> Text {
        self.text
            .clone()
            .unwrap_or_else(|| Text::Raw(self.message.clone()))
    }
}
