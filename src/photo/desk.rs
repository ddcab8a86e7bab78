//! The photo desk's actions on a [`Workspace`]: import from a path, metadata, named crops,
//! renditions, composite heroes, code replacements and batch edits.
//!
//! They live here rather than in `workspace.rs` so the photo room is one place to read; like
//! every workspace action they validate raw input once (`CropRequest` → `Aspect`/`CropRect`),
//! decide with pure functions, then do their effects — files first, written atomically, then
//! one store transaction.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::composite::{self, CellSource};
use super::crop::{self, Aspect, CropPlan, CropRect, PixelRect, Size};
use super::embed::Credits;
use super::rendition::{self, Format, Progress, RenditionOptions, RenditionSet};
use super::EmbeddedMetadata;
use crate::error::{Error, Result};
use crate::model::{CodeReplacement, Crop, Focus, HeroPhoto, Photo, PhotoFields, PhotoId};
use crate::workspace::Workspace;
use crate::{credit, workspace};

/// The folder of cached renditions inside a workspace folder.
pub const RENDITIONS_DIR: &str = "renditions";

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
    fn apply(&self, f: &PhotoFields) -> PhotoFields {
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

impl Workspace {
    /// Imports the photo file at `path` with the fields its own metadata gives.
    pub fn import_photo(&mut self, path: &Path) -> Result<Photo> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        self.import_photo_bytes(&bytes, path, PhotoFields::default())
    }

    /// What the photo's file said about itself at import (EXIF, IIM, XMP).
    pub fn photo_metadata(&self, id: PhotoId) -> Result<EmbeddedMetadata> {
        let json = self.store.read(|t| t.photo_embedded(id))?;
        serde_json::from_str(&json).map_err(|e| Error::Storage(format!("photo {id} metadata: {e}")))
    }

    /// Saves a named crop (replacing one of the same name) and, when given, the focal point.
    pub fn set_crop(&mut self, id: PhotoId, req: CropRequest) -> Result<CropOutcome> {
        let name = req.name.trim().to_string();
        if name.is_empty() {
            return Err(Error::invalid(
                "name",
                "A crop needs a name, such as “hero”.",
            ));
        }
        let aspect = Aspect::parse(&req.aspect)?;
        let photo = self.photo(id)?;
        let size = Size::new(photo.width, photo.height);
        let focus = req.focus.unwrap_or(photo.focus);
        let inside = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        if !(inside(focus.x) && inside(focus.y)) {
            return Err(Error::invalid(
                "focus",
                "The focal point must lie inside the photo (x and y between 0 and 1).",
            ));
        }
        let rect = match req.rect {
            Some(r) => r.validated()?,
            None => CropPlan::new(size, aspect, focus).rect,
        };
        let pixels = rect.to_pixels(size);
        let c = Crop {
            photo_id: id,
            name,
            aspect: aspect.label(),
            x: rect.x,
            y: rect.y,
            w: rect.w,
            h: rect.h,
        };
        self.store.write(|t| {
            if req.focus.is_some() {
                t.update_photo(id, &photo.fields, focus)?;
            }
            t.put_crop(&c)
        })?;
        let widest = rendition::DEFAULT_WIDTHS[0];
        Ok(CropOutcome {
            crop: c,
            pixels,
            warnings: crop::crop_warnings(pixels, widest),
        })
    }

    pub fn crops(&self, id: PhotoId) -> Result<Vec<Crop>> {
        self.photo(id)?;
        self.store.read(|t| t.crops(id))
    }

    /// Makes the renditions of the photo's crop `crop_name` (every width and format of
    /// `opts`), each carrying the photo's credits, into the workspace's cache.
    pub fn render_crop(
        &self,
        id: PhotoId,
        crop_name: &str,
        opts: &RenditionOptions,
        progress: &(dyn Fn(Progress) + Sync),
        cancel: &AtomicBool,
    ) -> Result<RenditionSet> {
        let photo = self.photo(id)?;
        let pixels = self.crop_pixels(&photo, Some(crop_name))?;
        let path = self.photo_original(id)?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let info = super::inspect(&bytes, &path)?;
        let mut set = rendition::render_set(
            &rendition::Source {
                bytes: &bytes,
                path: &path,
                sha256: &photo.sha256,
                orientation: info.orientation,
                crop: pixels,
            },
            &Credits::from_fields(&photo.fields),
            opts,
            &self.dir.join(RENDITIONS_DIR),
            progress,
            cancel,
        )?;
        if photo.fields.alt_text.trim().is_empty() {
            set.warnings.push(
                "This photo has no alt text: screen-reader users will not know what it shows."
                    .into(),
            );
        }
        Ok(set)
    }

    /// A composite hero of two or three photos side by side at `width` pixels and `aspect`,
    /// as JPEG and WebP with every photo's credits, plus its caption line.
    pub fn composite_hero(
        &self,
        photos: &[HeroPhoto],
        width: u32,
        aspect: &str,
        edited_by: Option<&str>,
        cancel: &AtomicBool,
    ) -> Result<CompositeOutput> {
        let aspect = Aspect::parse(aspect)?;
        if !(2..=3).contains(&photos.len()) {
            return Err(Error::invalid(
                "photos",
                "A composite hero puts two or three photos side by side.",
            ));
        }
        let mut loaded = Vec::new();
        for h in photos {
            let p = self.photo(h.photo_id)?;
            let region = self.crop_pixels(&p, h.crop.as_deref())?;
            loaded.push((p, region));
        }
        let fields: Vec<PhotoFields> = loaded.iter().map(|l| l.0.fields.clone()).collect();
        let refs: Vec<&PhotoFields> = fields.iter().collect();
        let caption_line = credit::caption_line(&refs, edited_by, &credit::HouseWords::english());
        let each: Vec<Credits> = fields.iter().map(Credits::from_fields).collect();
        let join = |f: fn(&Credits) -> &String, sep: &str| {
            each.iter()
                .map(f)
                .filter(|s| !s.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(sep)
        };
        let credits = Credits {
            creator: join(|c| &c.creator, "; "),
            credit: join(|c| &c.credit, "; "),
            rights: join(|c| &c.rights, "; "),
            description: caption_line.clone(),
            alt_text: credit::join_alt_texts(each.iter().map(|c| c.alt_text.as_str())),
            usage_terms: join(|c| &c.usage_terms, "; "),
        };
        // The cache key is everything the pixels and the embedded credits depend on, so a
        // cached composite is found before a single original is decoded.
        let key = super::sha256_hex(
            format!(
                "{:?}|{width}|{}|{:?}",
                photos
                    .iter()
                    .zip(&loaded)
                    .map(|(h, l)| (l.0.sha256.clone(), h.crop.clone(), l.0.focus.x, l.0.focus.y))
                    .collect::<Vec<_>>(),
                aspect.label(),
                credits
            )
            .as_bytes(),
        );
        let dir = self.dir.join(RENDITIONS_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let files: Vec<(Format, PathBuf)> = [Format::Jpeg, Format::Webp]
            .into_iter()
            .map(|f| {
                let name = format!("composite-{}-w{width}.{}", &key[..16], f.extension());
                (f, dir.join(name))
            })
            .collect();
        let mut canvas = None;
        if files.iter().any(|(_, path)| !path.exists()) {
            let mut originals = Vec::new();
            for (p, _) in &loaded {
                let path = self.photo_original(p.id)?;
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                let orientation = super::inspect(&bytes, &path)?.orientation;
                originals.push((path, bytes, orientation));
            }
            let sources: Vec<CellSource<'_>> = loaded
                .iter()
                .zip(&originals)
                .map(|((p, region), (path, bytes, orientation))| CellSource {
                    bytes,
                    path,
                    orientation: *orientation,
                    size: Size::new(p.width, p.height),
                    region: *region,
                    focus: p.focus,
                })
                .collect();
            if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                return Err(Error::Cancelled);
            }
            canvas = Some(composite::render(&sources, width, aspect)?);
        }
        let opts = RenditionOptions::default();
        let mut outputs = Vec::new();
        for (f, path) in files {
            let cached = path.exists();
            if let (false, Some(canvas)) = (cached, &canvas) {
                let bytes = rendition::encode(canvas, f, &opts, &credits)?;
                workspace::write_atomically(&path, &bytes)?;
            }
            let bytes = std::fs::metadata(&path)
                .map_err(|e| Error::io(&path, e))?
                .len();
            outputs.push(rendition::Rendition {
                format: f,
                width,
                height: composite::canvas_height(width, aspect),
                path,
                bytes,
                cached,
            });
        }
        Ok(CompositeOutput {
            outputs,
            caption_line,
            fields,
        })
    }

    /// The pixels of a named crop (the whole photo for `None`).
    fn crop_pixels(&self, photo: &Photo, name: Option<&str>) -> Result<PixelRect> {
        let size = Size::new(photo.width, photo.height);
        let Some(name) = name else {
            return Ok(CropRect::WHOLE.to_pixels(size));
        };
        let crops = self.store.read(|t| t.crops(photo.id))?;
        let c = crops
            .iter()
            .find(|c| c.name == name.trim())
            .ok_or_else(|| Error::not_found("crop", format!("{name} of photo {}", photo.id)))?;
        Ok(CropRect {
            x: c.x,
            y: c.y,
            w: c.w,
            h: c.h,
        }
        .to_pixels(size))
    }

    // ---- House style ------------------------------------------------------------------

    pub fn code_replacements(&self) -> Result<Vec<CodeReplacement>> {
        self.store.read(|t| t.code_replacements())
    }

    /// Adds or changes a code (`=rtr=` → "Reuters"). Codes have no spaces.
    pub fn set_code_replacement(&mut self, code: &str, expansion: &str) -> Result<CodeReplacement> {
        let code = code.trim();
        if code.is_empty() || code.chars().any(char::is_whitespace) {
            return Err(Error::invalid(
                "code",
                "A code is one word without spaces, such as =rtr=.",
            ));
        }
        let r = CodeReplacement {
            code: code.to_string(),
            expansion: expansion.trim().to_string(),
        };
        self.store.write(|t| t.put_code_replacement(&r))?;
        Ok(r)
    }

    pub fn remove_code_replacement(&mut self, code: &str) -> Result<()> {
        self.store.write(|t| t.delete_code_replacement(code.trim()))
    }

    /// Sets the patch's fields on every photo of `ids` in one transaction (all or none), with
    /// the desk's codes expanded.
    pub fn apply_photo_fields(
        &mut self,
        ids: &[PhotoId],
        patch: &FieldsPatch,
    ) -> Result<Vec<Photo>> {
        let table = self.code_replacements()?;
        self.store.write(|t| {
            for &id in ids {
                let p = t.photo(id)?;
                let fields = credit::expand_fields(&patch.apply(&p.fields), &table);
                t.update_photo(id, &fields, p.focus)?;
            }
            Ok(())
        })?;
        ids.iter().map(|&id| self.photo(id)).collect()
    }

    /// Where a photo's renditions are cached.
    pub fn renditions_dir(&self) -> PathBuf {
        self.dir.join(RENDITIONS_DIR)
    }
}
