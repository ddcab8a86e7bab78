//! The photo desk: importing a photo file safely, reading what it says about itself, crop
//! maths, renditions that carry their credits, and composite heroes.
//!
//! This is the only room that imports `image`, `fast_image_resize`, `zune-jpeg`,
//! `jpeg-encoder`, `webp`, `kamadak-exif`, `roxmltree`, `lcms2` and `libheif-rs`. It reads
//! JPEG, PNG, WebP, TIFF and HEIC/HEIF; it refuses camera RAW files, GIFs and Photoshop
//! documents by name, saying what to do instead. It refuses a file before allocating pixels
//! when its header claims more than [`MAX_PIXELS`], proves at import that the pixels decode
//! (and that a JPEG is not cut short), and never modifies an original: the
//! bytes are copied into the workspace under their SHA-256. It does not store anything
//! itself; the photo actions on [`crate::Workspace`] (in `workspace::photos`) do that through
//! the store.

mod colour;
pub mod composite;
pub mod crop;
pub mod embed;
mod heif;
mod jpeg;
pub mod metadata;
pub mod rendition;
mod requests;
pub mod thumbnail;
mod tiff;

use std::io::Cursor;
use std::path::Path;

use crate::durable::sha256_hex;
use image::{ImageDecoder, ImageFormat, ImageReader};

pub use crop::{Aspect, CropPlan, CropRect, PixelRect, Size};
pub use metadata::EmbeddedMetadata;
pub use rendition::{Format, Progress, Rendition, RenditionOptions, RenditionSet};
pub(crate) use requests::prefer as prefer_fields;
pub use requests::{CompositeOutput, CropOutcome, CropRequest, FieldsPatch};

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::PhotoFields;

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

/// The kinds of file the photo desk reads, known by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    Png,
    WebP,
    Tiff,
    Heif,
}

/// Camera RAW files by their usual names: many start like a TIFF, and none can be developed
/// the way the photographer meant without their camera maker's recipe.
const RAW_EXTENSIONS: [&str; 14] = [
    "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "dng", "raf", "orf", "rw2", "pef",
    "srw",
];

/// Says what a file is, or refuses it in words that name its format and what to do.
fn sniff(bytes: &[u8], path: &Path) -> Result<Kind> {
    let bad = |message: Text| bad(path, message);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let raw_magic = bytes.starts_with(b"FUJIFILMCCD-RAW")
        || bytes.starts_with(b"IIRO")
        || bytes.starts_with(b"IIRS")
        || bytes.starts_with(b"IIU\0")
        || bytes.get(4..12) == Some(b"ftypcrx ");
    let tiff_raw = tiff::scan(bytes).is_some_and(|t| t.raw);
    if raw_magic || tiff_raw || (tiff::is_tiff(bytes) && RAW_EXTENSIONS.contains(&ext.as_str())) {
        let name = if ext.is_empty() || !RAW_EXTENSIONS.contains(&ext.as_str()) {
            "none".to_string()
        } else {
            ext.to_ascii_uppercase()
        };
        return Err(bad(Text::new("photo-raw").arg("kind", name)));
    }
    if bytes.starts_with(b"8BPS") {
        return Err(bad(Text::new("photo-psd")));
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        let animated = if gif_frames(bytes) > 1 { "yes" } else { "no" };
        return Err(bad(Text::new("photo-gif").arg("animated", animated)));
    }
    if heif::is_heif(bytes) {
        return Ok(Kind::Heif);
    }
    if tiff::is_tiff(bytes) {
        return Ok(Kind::Tiff);
    }
    match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => Ok(Kind::Jpeg),
        Ok(ImageFormat::Png) => Ok(Kind::Png),
        Ok(ImageFormat::WebP) => Ok(Kind::WebP),
        Ok(other) => Err(bad(
            Text::new("photo-format-unsupported").arg("format", format!("{other:?}"))
        )),
        Err(_) => Err(bad(Text::new("photo-not-a-photo"))),
    }
}

/// How many pictures a GIF seems to hold, at most 2: an animation carries the looping
/// extension or more than one frame-timing block. (Only the refusal's words depend on it.)
fn gif_frames(bytes: &[u8]) -> usize {
    if bytes.windows(11).any(|w| w == b"NETSCAPE2.0") {
        return 2;
    }
    bytes
        .windows(3)
        .filter(|w| w == b"\x21\xF9\x04")
        .take(2)
        .count()
        .max(1)
}

fn check_size(w: u32, h: u32, path: &Path) -> Result<()> {
    if w == 0 || h == 0 {
        return Err(bad(path, Text::new("photo-no-pixels")));
    }
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(bad(
            path,
            Text::new("photo-too-large")
                .arg("width", w)
                .arg("height", h)
                .arg("max_side", MAX_SIDE)
                .arg("megapixels", MAX_PIXELS / 1_000_000),
        ));
    }
    Ok(())
}

/// Whether a web view shows the photo file `bytes` of content type `mime` right as it is:
/// a JPEG, PNG or WebP without a colour profile or with an sRGB one.
pub(crate) fn shows_as_is(mime: &str, bytes: &[u8]) -> bool {
    if !matches!(mime, "image/jpeg" | "image/png" | "image/webp") {
        return false;
    }
    let icc = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_decoder().ok())
        .and_then(|mut d| d.icc_profile().ok().flatten());
    icc.is_none_or(|icc| colour::is_srgb_icc(&icc))
}

/// The file name extension of an original stored with content type `mime`.
pub fn extension_for(mime: &str) -> &'static str {
    match mime {
        "image/png" => "png",
        "image/webp" => "webp",
        "image/tiff" => "tif",
        "image/heic" => "heic",
        _ => "jpg",
    }
}

/// Checks that `bytes` (read from `path`) are a photo Dateline can use.
pub fn inspect(bytes: &[u8], path: &Path) -> Result<Inspected> {
    let bad = |message: Text| bad(path, message);
    if bytes.is_empty() {
        return Err(bad(Text::new("photo-empty")));
    }
    let kind = sniff(bytes, path)?;
    let mime = match kind {
        Kind::Jpeg => "image/jpeg",
        Kind::Png => "image/png",
        Kind::WebP => "image/webp",
        Kind::Tiff => "image/tiff",
        Kind::Heif => "image/heic",
    };
    let extension = extension_for(mime);
    if kind == Kind::Heif {
        // libheif turns the picture upright as it decodes: the header's size is the upright
        // size, and there is no orientation left to apply.
        let (w, h) = heif::size(bytes, path)?;
        check_size(w, h, path)?;
        return Ok(Inspected {
            sha256: sha256_hex(bytes),
            mime,
            extension,
            width: w,
            height: h,
            orientation: 1,
        });
    }
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| bad(unreadable()))?;
    let mut decoder = reader.into_decoder().map_err(|_| bad(damaged_header()))?;
    let (w, h) = decoder.dimensions();
    check_size(w, h, path)?;
    let orientation = if kind == Kind::Tiff {
        tiff::scan(bytes).and_then(|t| t.orientation)
    } else {
        decoder.orientation().ok().map(|o| match o {
            image::metadata::Orientation::NoTransforms => 1,
            image::metadata::Orientation::FlipHorizontal => 2,
            image::metadata::Orientation::Rotate180 => 3,
            image::metadata::Orientation::FlipVertical => 4,
            image::metadata::Orientation::Rotate90FlipH => 5,
            image::metadata::Orientation::Rotate90 => 6,
            image::metadata::Orientation::Rotate270FlipH => 7,
            image::metadata::Orientation::Rotate270 => 8,
        })
    }
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

/// A photo that passed every check at import, with what its file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Examined {
    pub info: Inspected,
    pub metadata: EmbeddedMetadata,
    /// The editable fields the photo starts with, from its metadata.
    pub fields: PhotoFields,
}

/// Everything import checks, before a byte is written: a photo format Dateline reads, a
/// believable size, a JPEG that is not cut short, pixels that decode. Metadata that cannot be
/// read is a warning in [`EmbeddedMetadata::warnings`], not a refusal.
pub fn examine(bytes: &[u8], path: &Path) -> Result<Examined> {
    let info = inspect(bytes, path)?;
    let mut m = EmbeddedMetadata::default();
    if info.mime == "image/jpeg" {
        let seg = jpeg::scan(bytes).ok_or_else(|| bad(path, Text::new("photo-not-jpeg")))?;
        if !seg.complete {
            return Err(bad(path, Text::new("photo-incomplete")));
        }
        if let Some(exif) = seg.exif {
            m.exif = metadata::read_exif(exif, &mut m.warnings);
        }
        if let Some(xmp) = seg.xmp {
            m.xmp = metadata::read_xmp(xmp, &mut m.warnings);
        }
        if let Some(iim) = jpeg::iim_from_photoshop(&seg.photoshop) {
            m.iim = metadata::read_iim(&iim, &mut m.warnings);
        }
    } else if info.mime == "image/tiff" {
        // A TIFF file is itself TIFF-structured EXIF: its first directory holds the
        // photographer's Artist, Copyright and ImageDescription, and points to the EXIF one.
        m.exif = metadata::read_exif(bytes, &mut m.warnings);
        if let Some(tags) = tiff::scan(bytes) {
            if let Some(xmp) = tags.xmp {
                m.xmp = metadata::read_xmp(xmp, &mut m.warnings);
            }
            if let Some(iim) = tags.iim {
                m.iim = metadata::read_iim(iim, &mut m.warnings);
            }
        }
    } else if info.mime == "image/heic" {
        let (exif, xmp) = heif::metadata(bytes, path)?;
        if let Some(exif) = exif {
            m.exif = metadata::read_exif(&exif, &mut m.warnings);
        }
        if let Some(xmp) = xmp {
            m.xmp = metadata::read_xmp(&xmp, &mut m.warnings);
        }
    } else if let Ok(mut d) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| ())
        .and_then(|r| r.into_decoder().map_err(|_| ()))
    {
        if let Ok(Some(exif)) = d.exif_metadata() {
            m.exif = metadata::read_exif(&exif, &mut m.warnings);
        }
        if let Ok(Some(xmp)) = d.xmp_metadata() {
            m.xmp = metadata::read_xmp(&xmp, &mut m.warnings);
        }
    }
    // Decode every pixel once, so a photo that cannot be shown is refused now rather than
    // failing later on deadline.
    if info.mime == "image/jpeg" {
        // The decoder's own words ("Huffman table", "marker") mean nothing to a journalist.
        jpeg::decode_strict(bytes).map_err(|_| bad(path, Text::new("photo-damaged-data")))?;
    } else {
        rendition::decode_full(bytes, path)?;
    }
    m.conflicts = metadata::conflicts(&m.iim, &m.xmp);
    let fields = metadata::fields_from(&m);
    Ok(Examined {
        info,
        metadata: m,
        fields,
    })
}

/// The raw (unrotated) size in the file's header.
pub(crate) fn header_size(bytes: &[u8], path: &Path) -> Result<Size> {
    if heif::is_heif(bytes) {
        let (w, h) = heif::size(bytes, path)?;
        return Ok(Size::new(w, h));
    }
    let (w, h) = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| bad(path, unreadable()))?
        .into_dimensions()
        .map_err(|_| bad(path, damaged_header()))?;
    Ok(Size::new(w, h))
}

/// The file could not even be read from memory (never expected; said plainly if it happens).
pub(crate) fn unreadable() -> Text {
    Text::new("photo-unreadable")
}

/// The header names a photo format but does not describe a picture that can be opened. The
/// decoder's reason is left out: it is written for programmers ("Format error decoding Jpeg").
pub(crate) fn damaged_header() -> Text {
    Text::new("photo-damaged-header")
}

pub(crate) fn bad(path: &Path, message: Text) -> Error {
    Error::BadPhoto {
        path: path.to_path_buf(),
        message,
    }
}
