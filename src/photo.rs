//! Photos: reading an image file's header and pixels safely, and storing the original.
//!
//! This is the only room that imports `image`. It refuses a file before allocating pixels
//! when its header claims more than [`MAX_PIXELS`], and it never modifies an original: the
//! bytes are copied into the workspace under their SHA-256.

use std::io::Cursor;
use std::path::Path;

use image::{ImageDecoder, ImageFormat, ImageReader};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The largest photo accepted, in pixels (a 100-megapixel medium-format frame fits).
pub const MAX_PIXELS: u64 = 150_000_000;
/// The longest side accepted, in pixels.
pub const MAX_SIDE: u32 = 30_000;

/// What Dateline learns from a photo file before storing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Inspected {
    pub sha256: String,
    pub mime: &'static str,
    pub extension: &'static str,
    /// Size after EXIF orientation is applied.
    pub width: u32,
    pub height: u32,
    /// EXIF orientation, 1–8 (1 when absent).
    pub orientation: u8,
}

/// Checks that `bytes` (read from `path`) are a photo Dateline can use.
pub fn inspect(bytes: &[u8], path: &Path) -> Result<Inspected> {
    let bad = |message: String| Error::BadPhoto {
        path: path.to_path_buf(),
        message,
    };
    if bytes.is_empty() {
        return Err(bad("The file is empty.".into()));
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| bad(format!("The file could not be read: {e}")))?;
    let (mime, extension) = match reader.format() {
        Some(ImageFormat::Jpeg) => ("image/jpeg", "jpg"),
        Some(ImageFormat::Png) => ("image/png", "png"),
        Some(ImageFormat::WebP) => ("image/webp", "webp"),
        Some(other) => {
            return Err(bad(format!(
                "{other:?} images are not supported: use JPEG, PNG or WebP."
            )))
        }
        None => {
            return Err(bad(
                "This is not a photo Dateline can read (not JPEG, PNG or WebP).".into(),
            ))
        }
    };
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| bad(format!("The photo is damaged and cannot be opened: {e}")))?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(bad("The photo has no pixels.".into()));
    }
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(bad(format!(
            "The photo claims to be {w} × {h} pixels, larger than Dateline accepts \
             ({MAX_SIDE} pixels a side, {} megapixels). It was not imported.",
            MAX_PIXELS / 1_000_000
        )));
    }
    let orientation = decoder
        .orientation()
        .map(|o| match o {
            image::metadata::Orientation::NoTransforms => 1,
            image::metadata::Orientation::FlipHorizontal => 2,
            image::metadata::Orientation::Rotate180 => 3,
            image::metadata::Orientation::FlipVertical => 4,
            image::metadata::Orientation::Rotate90FlipH => 5,
            image::metadata::Orientation::Rotate90 => 6,
            image::metadata::Orientation::Rotate270FlipH => 7,
            image::metadata::Orientation::Rotate270 => 8,
        })
        .unwrap_or(1);
    let (width, height) = if orientation >= 5 { (h, w) } else { (w, h) };
    Ok(Inspected {
        sha256: sha256_hex(bytes),
        mime,
        extension,
        width,
        height,
        orientation,
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
