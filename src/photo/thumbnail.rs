//! Thumbnails for the desk's own screens (the photo grid, the preview): a small JPEG of the
//! whole photo, made once and cached beside the renditions, so the window never decodes a
//! 22-megapixel original to show it 200 pixels wide.
//!
//! Two steps, so the slow part never holds the desk: [`Workspace::thumbnail_job`] reads what
//! it needs from the store (cheap), and [`ThumbnailJob::make`] decodes and resizes, with no
//! access to the desk at all.
//!
//! The crop view shows the original itself when a web view shows it right (a JPEG, PNG or
//! WebP in sRGB or untagged: no work at all); any other photo (a TIFF or HEIC, which a web
//! view cannot open, or a photo in Adobe RGB or Display P3, which it would show with the
//! wrong colours) is shown as a [`VIEW_WIDTH`]-pixel sRGB JPEG made the same way
//! ([`Workspace::view_job`]).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::crop::PixelRect;
use super::desk::RENDITIONS_DIR;
use super::embed::Credits;
use super::rendition::{self, Format, RenditionOptions, Source};
use crate::error::{Error, Result};
use crate::model::PhotoId;
use crate::workspace::Workspace;

/// The thumbnails' width in pixels: a grid cell on a high-density screen.
pub const THUMB_WIDTH: u32 = 480;

/// The width of the crop view's copy of a photo a web view cannot show as it is: the crop
/// view on a high-density screen, and the widest rendition.
pub const VIEW_WIDTH: u32 = 2048;

/// Everything needed to make a photo's thumbnail, without the desk.
#[derive(Debug, Clone)]
pub struct ThumbnailJob {
    original: PathBuf,
    sha256: String,
    width: u32,
    height: u32,
    credits: Credits,
    cache_dir: PathBuf,
    /// The width made (never wider than the photo).
    out_width: u32,
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
    /// in a web view, else the job of its [`VIEW_WIDTH`]-pixel sRGB copy.
    pub fn view_job(&self, id: PhotoId) -> Result<Option<ThumbnailJob>> {
        let photo = self.photo(id)?;
        let original = self.photo_original(id)?;
        let bytes = std::fs::read(&original).map_err(|e| Error::io(&original, e))?;
        if super::shows_as_is(&photo.mime, &bytes) {
            return Ok(None);
        }
        let mut job = self.thumbnail_job(id)?;
        job.cache_dir = self.dir.join(RENDITIONS_DIR).join("views");
        job.out_width = VIEW_WIDTH;
        Ok(Some(job))
    }
}

impl ThumbnailJob {
    /// The thumbnail's file: found in the cache, or made (whole frame, oriented, JPEG).
    pub fn make(&self) -> Result<PathBuf> {
        let bytes = std::fs::read(&self.original).map_err(|e| Error::io(&self.original, e))?;
        let info = super::inspect(&bytes, &self.original)?;
        let set = rendition::render_set(
            &Source {
                bytes: &bytes,
                path: &self.original,
                sha256: &self.sha256,
                orientation: info.orientation,
                crop: PixelRect {
                    x: 0,
                    y: 0,
                    width: self.width,
                    height: self.height,
                },
            },
            &self.credits,
            &RenditionOptions {
                widths: vec![self.out_width],
                formats: vec![Format::Jpeg],
                jpeg_quality: 80,
                ..RenditionOptions::default()
            },
            &self.cache_dir,
            &|_| {},
            &AtomicBool::new(false),
        )?;
        set.outputs
            .into_iter()
            .next()
            .map(|r| r.path)
            .ok_or_else(|| Error::Storage("no thumbnail was made".into()))
    }
}
