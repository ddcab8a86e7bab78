//! Thumbnails for the desk's own screens (the photo grid, the preview): a small JPEG of the
//! whole photo, made once and cached beside the renditions, so the window never decodes a
//! 22-megapixel original to show it 200 pixels wide.
//!
//! Two steps, so the slow part never holds the desk: `Workspace::thumbnail_job` reads what
//! it needs from the store (cheap), and [`ThumbnailJob::make`] decodes and resizes, with no
//! access to the desk at all.
//!
//! The crop view shows the original itself when a web view shows it right (a JPEG, PNG or
//! WebP in sRGB or untagged) and it is no wider than [`VIEW_WIDTH`]; any other photo (a
//! bigger one, which would cost the window its full size decoded; a TIFF or HEIC, which a web
//! view cannot open; or a photo in Adobe RGB or Display P3, which it would show with the
//! wrong colours) is shown as a [`VIEW_WIDTH`]-pixel sRGB JPEG made the same way
//! (`Workspace::view_job`). The preview does the same at [`PREVIEW_WIDTH`]
//! (`Workspace::preview_job`).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use super::crop::PixelRect;
use super::embed::Credits;
use super::rendition::{self, Format, RenditionOptions, Source};
use crate::error::{Error, Result};

/// The thumbnails' width in pixels: a grid cell on a high-density screen.
pub const THUMB_WIDTH: u32 = 480;

/// The width of the crop view's copy of a photo a web view cannot show as it is: the crop
/// view on a high-density screen, and the widest rendition.
pub const VIEW_WIDTH: u32 = 2048;

/// The width of the preview's copy of a photo: its column (about 600 px) on a high-density
/// screen.
pub const PREVIEW_WIDTH: u32 = 1280;

/// Everything needed to make a photo's thumbnail, without the desk.
#[derive(Debug, Clone)]
pub struct ThumbnailJob {
    pub(crate) original: PathBuf,
    pub(crate) sha256: String,
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) credits: Credits,
    pub(crate) cache_dir: PathBuf,
    /// The width made (never wider than the photo).
    pub(crate) out_width: u32,
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
