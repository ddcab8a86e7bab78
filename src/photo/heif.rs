//! HEIC/HEIF, the photos phones take (an iPhone shoots HEIC in Display P3), read through
//! libheif (`libheif-rs` over the system's libheif, 1.15 on Debian 12).
//!
//! It reads the primary image's size from the header before any pixel is decoded, its EXIF
//! and XMP blocks, its colour profile (an ICC profile, or the short "nclx" description phones
//! also write), and decodes its pixels. libheif applies the file's own rotation and mirroring
//! (`irot`/`imir`) as it decodes, so a HEIC's pixels and size are already upright and its
//! EXIF orientation (kept by iPhones for information) is never applied a second time. It does
//! not convert colours (that is `colour`'s) and never writes HEIF. It is the only file that
//! imports `libheif_rs`.

use std::path::Path;

use libheif_rs::{
    ColorPrimaries, ColorSpace, HeifContext, ImageHandle, ItemId, LibHeif, RgbChroma,
    TransferCharacteristics,
};

use super::rendition::Raster;
use crate::error::Result;

/// Whether `bytes` start like a HEIF file holding HEVC-coded images (HEIC), by the brands of
/// its `ftyp` box.
pub(crate) fn is_heif(bytes: &[u8]) -> bool {
    if bytes.len() < 16 || &bytes[4..8] != b"ftyp" {
        return false;
    }
    let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
    let end = size.clamp(16, bytes.len());
    let brands = std::iter::once(&bytes[8..12]).chain(bytes[16..end].chunks_exact(4));
    for brand in brands {
        if matches!(
            brand,
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"hevm" | b"hevs"
        ) {
            return true;
        }
    }
    false
}

/// The colour description a HEIF carries.
pub(crate) enum HeifColour {
    None,
    Icc(Vec<u8>),
    /// CIE xy of red, green, blue and white, for a file described by "nclx" primaries other
    /// than sRGB's (sRGB's tone curve is assumed, which is what phones write with them).
    Primaries([(f64, f64); 4]),
}

fn open<'a>(bytes: &'a [u8], path: &Path) -> Result<(HeifContext<'a>, ImageHandle)> {
    let ctx = HeifContext::read_from_bytes(bytes)
        .map_err(|_| super::bad(path, super::damaged_header()))?;
    let handle = ctx
        .primary_image_handle()
        .map_err(|_| super::bad(path, super::damaged_header()))?;
    Ok((ctx, handle))
}

/// The upright size of the primary image, from the header alone.
pub(crate) fn size(bytes: &[u8], path: &Path) -> Result<(u32, u32)> {
    let (_ctx, handle) = open(bytes, path)?;
    Ok((handle.width(), handle.height()))
}

/// A HEIF's EXIF block and XMP packet, each when present.
pub(crate) type Blocks = (Option<Vec<u8>>, Option<Vec<u8>>);

/// The EXIF block (TIFF-structured, without its offset and `Exif\0\0` prefix) and the XMP
/// packet, when the file has them.
pub(crate) fn metadata(bytes: &[u8], path: &Path) -> Result<Blocks> {
    let (_ctx, handle) = open(bytes, path)?;
    let block = |filter: &[u8; 4]| -> Option<Vec<u8>> {
        let mut ids: Vec<ItemId> = vec![0; 1];
        if handle.metadata_block_ids(&mut ids, filter) == 0 {
            return None;
        }
        handle.metadata(ids[0]).ok()
    };
    let exif = block(b"Exif").and_then(|b| {
        // ISO/IEC 23008-12: a 4-byte offset to the TIFF header, counted after itself.
        let skip = u32::from_be_bytes(b.get(..4)?.try_into().ok()?) as usize;
        let tiff = b.get(4usize.checked_add(skip)?..)?;
        Some(tiff.strip_prefix(b"Exif\0\0").unwrap_or(tiff).to_vec())
    });
    let xmp = block(b"mime").filter(|x| {
        x.windows(9).take(4096).any(|w| w == b"x:xmpmeta") || x.starts_with(b"<?xpacket")
    });
    Ok((exif, xmp))
}

/// The colour description of the primary image.
pub(crate) fn colour(bytes: &[u8], path: &Path) -> Result<HeifColour> {
    let (_ctx, handle) = open(bytes, path)?;
    if let Some(icc) = handle.color_profile_raw() {
        return Ok(HeifColour::Icc(icc.data));
    }
    let Some(nclx) = handle.color_profile_nclx() else {
        return Ok(HeifColour::None);
    };
    let srgb_like = matches!(
        nclx.color_primaries(),
        ColorPrimaries::ITU_R_BT_709_5 | ColorPrimaries::Unspecified
    );
    let curve_ok = matches!(
        nclx.transfer_characteristics(),
        TransferCharacteristics::IEC_61966_2_1
            | TransferCharacteristics::ITU_R_BT_709_5
            | TransferCharacteristics::Unspecified
    );
    if srgb_like || !curve_ok {
        return Ok(HeifColour::None);
    }
    let p = |x: f32, y: f32| (f64::from(x), f64::from(y));
    Ok(HeifColour::Primaries([
        p(nclx.color_primary_red_x(), nclx.color_primary_red_y()),
        p(nclx.color_primary_green_x(), nclx.color_primary_green_y()),
        p(nclx.color_primary_blue_x(), nclx.color_primary_blue_y()),
        p(nclx.color_primary_white_x(), nclx.color_primary_white_y()),
    ]))
}

/// Decodes the primary image's pixels, upright, as 8-bit RGB.
pub(crate) fn decode(bytes: &[u8], path: &Path) -> Result<Raster> {
    let damaged = || super::bad(path, crate::i18n::Text::new("photo-damaged-pixels"));
    let (_ctx, handle) = open(bytes, path)?;
    let lib = LibHeif::new();
    let image = lib
        .decode(&handle, ColorSpace::Rgb(RgbChroma::Rgb), None)
        .map_err(|_| damaged())?;
    let planes = image.planes();
    let plane = planes.interleaved.ok_or_else(damaged)?;
    let (w, h, stride) = (plane.width, plane.height, plane.stride);
    let row = w as usize * 3;
    let mut rgb = Vec::with_capacity(row * h as usize);
    for y in 0..h as usize {
        let line = plane
            .data
            .get(y * stride..y * stride + row)
            .ok_or_else(damaged)?;
        rgb.extend_from_slice(line);
    }
    Ok(Raster {
        width: w,
        height: h,
        rgb,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heic_is_known_by_its_brands() {
        let ftyp = |major: &[u8; 4], compat: &[u8]| {
            let mut b = ((16 + compat.len()) as u32).to_be_bytes().to_vec();
            b.extend_from_slice(b"ftyp");
            b.extend_from_slice(major);
            b.extend_from_slice(&[0, 0, 0, 0]);
            b.extend_from_slice(compat);
            b.extend_from_slice(&[0; 8]);
            b
        };
        assert!(is_heif(&ftyp(b"heic", b"mif1heic")));
        assert!(is_heif(&ftyp(b"mif1", b"mif1heic")));
        assert!(!is_heif(&ftyp(b"avif", b"mif1avif")));
        assert!(!is_heif(&ftyp(b"isom", b"isomiso2mp41")));
        assert!(!is_heif(b"\xFF\xD8\xFF\xE0 JPEG, not HEIF"));
    }
}
