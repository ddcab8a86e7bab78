//! The photo desk's actions: import, fields, metadata, named crops, renditions, composite
//! heroes, thumbnails, code replacements and batch edits. The pixels, crops and credits are
//! the `photo` and `credit` rooms' pure work; these methods read the desk, call them, and
//! store the result — files first, written atomically, then one store transaction.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::Utc;

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::markdown::photos::photo_refs;
use crate::model::{
    Article, CodeReplacement, Crop, Focus, HeroPhoto, Photo, PhotoFields, PhotoId, PhotoUse,
};
use crate::photo::composite::{self, CellSource};
use crate::photo::crop::{self, Aspect, CropPlan, CropRect, PixelRect, Size};
use crate::photo::embed::Credits;
use crate::photo::rendition::{self, Format, Progress, RenditionOptions, RenditionSet};
use crate::photo::thumbnail::{ThumbnailJob, PREVIEW_WIDTH, THUMB_WIDTH, VIEW_WIDTH};
use crate::photo::{CompositeOutput, CropOutcome, CropRequest, EmbeddedMetadata, FieldsPatch};
use crate::store::NewPhoto;
use crate::{credit, durable, photo};

use super::{Workspace, ORIGINALS_DIR, RENDITIONS_DIR};

impl Workspace {
    /// Imports a photo from its bytes. The same bytes give the same photo; `fields` fill the
    /// editorial fields of a new photo.
    pub fn import_photo_bytes(
        &mut self,
        bytes: &[u8],
        source: &Path,
        fields: PhotoFields,
    ) -> Result<Photo> {
        // Every check happens before a byte is written, so a refused photo changes nothing.
        let examined = photo::examine(bytes, source)?;
        let info = &examined.info;
        if let Some(id) = self.store.read(|t| t.photo_by_sha(&info.sha256))? {
            return self.photo(id);
        }
        let dest = self.original_path(&info.sha256, info.extension);
        if !dest.exists() {
            durable::write_atomically(&dest, bytes)?;
        }
        let original_name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let table = self.store.read(|t| t.code_replacements())?;
        let fields = photo::prefer_fields(fields, examined.fields.clone());
        let new = NewPhoto {
            sha256: info.sha256.clone(),
            original_name,
            mime: info.mime.to_string(),
            width: info.width,
            height: info.height,
            fields: credit::expand_fields(&fields, &table),
            focus: Default::default(),
            embedded: serde_json::to_string(&examined.metadata)
                .map_err(|e| Error::Storage(e.to_string()))?,
        };
        let (id, _) = self.store.write(|t| t.insert_photo(&new, Utc::now()))?;
        self.photo(id)
    }

    /// Saves a photo's editorial fields and focal point.
    pub fn update_photo(
        &mut self,
        id: PhotoId,
        fields: PhotoFields,
        focus: Focus,
    ) -> Result<Photo> {
        let focus = Focus {
            x: focus.x.clamp(0.0, 1.0),
            y: focus.y.clamp(0.0, 1.0),
        };
        if !focus.x.is_finite() || !focus.y.is_finite() {
            return Err(Error::invalid("focus", Text::new("photo-focus-outside")));
        }
        let table = self.store.read(|t| t.code_replacements())?;
        let fields = credit::expand_fields(&fields, &table);
        self.store.write(|t| t.update_photo(id, &fields, focus))?;
        self.photo(id)
    }

    pub fn photo(&self, id: PhotoId) -> Result<Photo> {
        let mut p = self.store.read(|t| t.photo(id))?;
        p.credit_line = credit::credit_line_in(&p.fields, &self.desk_words()?);
        Ok(p)
    }

    pub fn photos(&self) -> Result<Vec<Photo>> {
        let mut ps = self.store.read(|t| t.photos())?;
        let words = self.desk_words()?;
        for p in &mut ps {
            p.credit_line = credit::credit_line_in(&p.fields, &words);
        }
        Ok(ps)
    }

    /// The house's words for the person's own language: the photo desk shows a credit line
    /// as a story in that language would print it ("Foto: …" in a Spanish session). A story's
    /// package uses its own language's words.
    fn desk_words(&self) -> Result<crate::credit::HouseWords> {
        let lang = crate::i18n::interface_language();
        Ok(self.settings()?.words_for(lang.tag()))
    }

    /// The path of a photo's untouched original.
    pub fn photo_original(&self, id: PhotoId) -> Result<PathBuf> {
        let p = self.store.read(|t| t.photo(id))?;
        Ok(self.original_path(&p.sha256, crate::photo::extension_for(&p.mime)))
    }

    /// The composed caption line of the article's hero ("…Credit: …; … Edited by …").
    pub fn hero_caption(&self, a: &Article) -> Result<String> {
        let Some(hero) = &a.hero else {
            return Ok(String::new());
        };
        let photos = hero
            .photos
            .iter()
            .map(|h| self.photo(h.photo_id))
            .collect::<Result<Vec<_>>>()?;
        let fields: Vec<&PhotoFields> = photos.iter().map(|p| &p.fields).collect();
        let words = self.settings()?.words_for(&a.language);
        Ok(credit::caption_line(
            &fields,
            hero.edited_by.as_deref(),
            &words,
        ))
    }

    /// The caption line of photo `id` in the text of a story in `language`: its caption and
    /// credit as the exported page's figure has them (the preview shows it under the photo).
    pub fn photo_caption_line(&self, id: PhotoId, language: &str) -> Result<String> {
        let photo = self.photo(id)?;
        let words = self.settings()?.words_for(language);
        Ok(credit::caption_line(&[&photo.fields], None, &words))
    }

    pub(crate) fn original_path(&self, sha256: &str, ext: &str) -> PathBuf {
        self.dir.join(ORIGINALS_DIR).join(format!("{sha256}.{ext}"))
    }

    /// `PRAGMA integrity_check` of the desk database.
    pub fn integrity_check(&self) -> Result<String> {
        self.store.integrity_check()
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
            return Err(Error::invalid("name", Text::new("crop-needs-name")));
        }
        let aspect = Aspect::parse(&req.aspect)?;
        let photo = self.photo(id)?;
        let size = Size::new(photo.width, photo.height);
        let focus = req.focus.unwrap_or(photo.focus);
        let inside = |v: f64| v.is_finite() && (0.0..=1.0).contains(&v);
        if !(inside(focus.x) && inside(focus.y)) {
            return Err(Error::invalid("focus", Text::new("photo-focus-outside-xy")));
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

    /// The stories that show photo `id` (hero or text), newest first: what a change of its
    /// words or crops reaches.
    pub fn photo_uses(&self, id: PhotoId) -> Result<Vec<PhotoUse>> {
        self.photo(id)?;
        let candidates = self.store.read(|t| t.photo_use_candidates(id))?;
        Ok(candidates
            .into_iter()
            .filter_map(|(mut u, body)| {
                u.in_body = photo_refs(&body).iter().any(|r| r.id == Some(id));
                (u.in_hero || u.in_body).then_some(u)
            })
            .collect())
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
        let info = photo::inspect(&bytes, &path)?;
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
            set.warnings
                .push(crate::i18n::Text::new("photo-no-alt-text").local());
        }
        Ok(set)
    }

    /// A composite hero of two or three photos side by side at `width` pixels and `aspect`,
    /// as JPEG and WebP with every photo's credits, plus its caption line in the house words
    /// `words` of the story's language ("Credit:" / "Foto:").
    pub fn composite_hero(
        &self,
        photos: &[HeroPhoto],
        width: u32,
        aspect: &str,
        edited_by: Option<&str>,
        words: &credit::HouseWords,
        cancel: &AtomicBool,
    ) -> Result<CompositeOutput> {
        let aspect = Aspect::parse(aspect)?;
        if !(2..=3).contains(&photos.len()) {
            return Err(Error::invalid(
                "photos",
                Text::new("composite-two-or-three"),
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
        let caption_line = credit::caption_line(&refs, edited_by, words);
        let credits = composite::credits(&fields, &caption_line);
        // The cache key is everything the pixels and the embedded credits depend on, so a
        // cached composite is found before a single original is decoded.
        let key = durable::sha256_hex(
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
                let orientation = photo::inspect(&bytes, &path)?.orientation;
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
                durable::write_atomically(&path, &bytes)?;
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
            return Err(Error::invalid("code", Text::new("code-one-word")));
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

impl Workspace {
    /// What [`ThumbnailJob::make`] needs to make photo `id`'s thumbnail.
    pub fn thumbnail_job(&self, id: PhotoId) -> Result<ThumbnailJob> {
        let photo = self.photo(id)?;
        Ok(ThumbnailJob {
            original: self.photo_original(id)?,
            sha256: photo.sha256,
            width: photo.width,
            height: photo.height,
            credits: Credits::from_fields(&photo.fields),
            cache_dir: self.dir.join(RENDITIONS_DIR).join("thumbs"),
            out_width: THUMB_WIDTH,
        })
    }

    /// What the crop view shows as photo `id`: `None` when the original itself shows right
    /// in a web view and is no wider than [`VIEW_WIDTH`], else the job of its
    /// [`VIEW_WIDTH`]-pixel sRGB copy (a 24-megapixel original would cost the window 96 MB
    /// decoded, the copy 11 MB).
    pub fn view_job(&self, id: PhotoId) -> Result<Option<ThumbnailJob>> {
        self.sized_job(id, VIEW_WIDTH, "views")
    }

    /// What the preview shows as photo `id`: the same as [`Self::view_job`] at
    /// [`PREVIEW_WIDTH`] pixels, the preview's column on a high-density screen.
    pub fn preview_job(&self, id: PhotoId) -> Result<Option<ThumbnailJob>> {
        self.sized_job(id, PREVIEW_WIDTH, "previews")
    }

    fn sized_job(&self, id: PhotoId, width: u32, dir: &str) -> Result<Option<ThumbnailJob>> {
        let photo = self.photo(id)?;
        let original = self.photo_original(id)?;
        let bytes = std::fs::read(&original).map_err(|e| Error::io(&original, e))?;
        if photo.width <= width && photo::shows_as_is(&photo.mime, &bytes) {
            return Ok(None);
        }
        let mut job = self.thumbnail_job(id)?;
        job.cache_dir = self.dir.join(RENDITIONS_DIR).join(dir);
        job.out_width = width;
        Ok(Some(job))
    }
}
