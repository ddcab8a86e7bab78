//! JPEG at the level of its markers: finding the metadata segments (EXIF, XMP, Photoshop
//! IRB) and proving the file ends with its end-of-image marker.
//!
//! The `image` crate decodes a truncated JPEG without complaint (it pads the missing rows with
//! grey), so this walk over the entropy-coded data is how Dateline notices a half-copied file.
//! It reads markers only; it never decodes pixels and never writes.

/// The metadata segments of a JPEG, borrowed from its bytes.
#[derive(Debug, Default)]
pub(crate) struct Segments<'a> {
    /// TIFF-structured EXIF, without the `Exif\0\0` prefix.
    pub exif: Option<&'a [u8]>,
    /// The XMP packet, without its namespace prefix.
    pub xmp: Option<&'a [u8]>,
    /// Every APP13 `Photoshop 3.0` payload, in order (IIM lives in resource 0x0404).
    pub photoshop: Vec<&'a [u8]>,
    /// Whether an end-of-image marker follows the last scan.
    pub complete: bool,
}

const XMP_PREFIX: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
const EXIF_PREFIX: &[u8] = b"Exif\0\0";
const PHOTOSHOP_PREFIX: &[u8] = b"Photoshop 3.0\0";

/// Walks the markers of `bytes`. `None` when the file does not start like a JPEG.
pub(crate) fn scan(bytes: &[u8]) -> Option<Segments<'_>> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Segments::default();
    let mut pos = 2;
    let mut in_scan = false;
    while pos < bytes.len() {
        if in_scan {
            // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), a restart marker,
            // fill bytes, or the next real marker.
            let Some(ff) = bytes[pos..].iter().position(|&b| b == 0xFF) else {
                return Some(out);
            };
            pos += ff;
            let Some(&next) = bytes.get(pos + 1) else {
                return Some(out);
            };
            match next {
                0x00 | 0xD0..=0xD7 => {
                    pos += 2;
                    continue;
                }
                0xFF => {
                    pos += 1;
                    continue;
                }
                _ => in_scan = false,
            }
        }
        if bytes[pos] != 0xFF {
            // Not at a marker where one must be: stop reading segments and look for the
            // end marker as if in a scan, as decoders do.
            in_scan = true;
            continue;
        }
        let Some(&marker) = bytes.get(pos + 1) else {
            return Some(out);
        };
        match marker {
            0xFF => {
                pos += 1;
                continue;
            }
            0xD9 => {
                out.complete = true;
                return Some(out);
            }
            0x01 | 0xD0..=0xD7 => {
                pos += 2;
                continue;
            }
            _ => {}
        }
        let Some(len) = bytes
            .get(pos + 2..pos + 4)
            .map(|l| usize::from(u16::from_be_bytes([l[0], l[1]])))
        else {
            return Some(out);
        };
        let end = pos + 2 + len;
        if len < 2 || end > bytes.len() {
            return Some(out);
        }
        let payload = &bytes[pos + 4..end];
        match marker {
            0xE1 if payload.starts_with(EXIF_PREFIX) && out.exif.is_none() => {
                out.exif = Some(&payload[EXIF_PREFIX.len()..]);
            }
            0xE1 if payload.starts_with(XMP_PREFIX) && out.xmp.is_none() => {
                out.xmp = Some(&payload[XMP_PREFIX.len()..]);
            }
            0xED if payload.starts_with(PHOTOSHOP_PREFIX) => {
                out.photoshop.push(&payload[PHOTOSHOP_PREFIX.len()..]);
            }
            0xDA => in_scan = true,
            _ => {}
        }
        pos = end;
    }
    Some(out)
}

/// Decodes every pixel in strict mode. The `image` crate decodes leniently (a scan cut short
/// or interrupted by a stray marker comes out grey, without an error); an editor must hear
/// about that before the photo goes anywhere.
pub(crate) fn decode_strict(bytes: &[u8]) -> Result<(), String> {
    let opts = zune_core::options::DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(usize::MAX)
        .set_max_height(usize::MAX);
    let mut d =
        zune_jpeg::JpegDecoder::new_with_options(zune_core::bytestream::ZCursor::new(bytes), opts);
    d.decode()
        .map(|_| ())
        .map_err(|e| format!("{e:?}").trim_matches('"').to_string())
}

/// Decodes a CMYK JPEG as CMYK and converts it into sRGB RGB through its profile.
///
/// Adobe's CMYK JPEGs (the ones with an `Adobe` APP14 segment: every one Photoshop or
/// ImageMagick writes) store their inks inverted, as libjpeg's convention has it, and often
/// as YCCK (the inverted C, M and Y coded like a colour JPEG's YCbCr, to compress better).
/// zune-jpeg hands the four channels over as stored; the YCbCr step is undone here with
/// JFIF's full-range equations, as libjpeg does. `None` when the pixels cannot be decoded.
pub(crate) fn decode_cmyk(
    bytes: &[u8],
    to_srgb: &super::colour::ToSrgb,
) -> Option<super::rendition::Raster> {
    use zune_core::colorspace::ColorSpace;
    let opts = |out: ColorSpace| {
        zune_core::options::DecoderOptions::default()
            .set_max_width(usize::MAX)
            .set_max_height(usize::MAX)
            .jpeg_set_out_colorspace(out)
    };
    let mut d = zune_jpeg::JpegDecoder::new_with_options(
        zune_core::bytestream::ZCursor::new(bytes),
        opts(ColorSpace::CMYK),
    );
    d.decode_headers().ok()?;
    let stored = d.input_colorspace()?;
    if !matches!(stored, ColorSpace::CMYK | ColorSpace::YCCK) {
        return None;
    }
    // Ask for the channels exactly as stored: zune-jpeg copies them without converting.
    d.set_options(opts(stored));
    let mut px = d.decode().ok()?;
    let (w, h) = d.dimensions()?;
    if px.len() != w * h * 4 {
        return None;
    }
    if stored == ColorSpace::YCCK {
        for p in px.chunks_exact_mut(4) {
            let (y, cb, cr) = (
                f32::from(p[0]),
                f32::from(p[1]) - 128.0,
                f32::from(p[2]) - 128.0,
            );
            let clamp = |v: f32| v.round().clamp(0.0, 255.0) as u8;
            p[0] = 255 - clamp(y + 1.402 * cr);
            p[1] = 255 - clamp(y - 0.344_136 * cb - 0.714_136 * cr);
            p[2] = 255 - clamp(y + 1.772 * cb);
        }
    }
    if adobe_inverted(bytes) {
        for b in &mut px {
            *b = 255 - *b;
        }
    }
    Some(super::rendition::Raster {
        width: u32::try_from(w).ok()?,
        height: u32::try_from(h).ok()?,
        rgb: to_srgb.cmyk_to_rgb(&px),
    })
}

/// Whether the JPEG carries Adobe's APP14 segment (before its first scan).
fn adobe_inverted(bytes: &[u8]) -> bool {
    let mut pos = 2;
    while pos + 4 <= bytes.len() && bytes[pos] == 0xFF {
        let marker = bytes[pos + 1];
        if marker == 0xDA {
            return false;
        }
        let len = usize::from(u16::from_be_bytes([bytes[pos + 2], bytes[pos + 3]]));
        if marker == 0xEE && bytes.get(pos + 4..pos + 9) == Some(b"Adobe") {
            return true;
        }
        pos += 2 + len;
    }
    false
}

/// The IIM block of the Photoshop image resources (`8BIM` 0x0404), concatenated across APP13
/// segments as Photoshop splits long blocks.
pub(crate) fn iim_from_photoshop(segments: &[&[u8]]) -> Option<Vec<u8>> {
    let all: Vec<u8> = segments.concat();
    let mut pos = 0;
    let mut found: Option<Vec<u8>> = None;
    while pos + 12 <= all.len() {
        if &all[pos..pos + 4] != b"8BIM" {
            break;
        }
        let id = u16::from_be_bytes([all[pos + 4], all[pos + 5]]);
        let name_len = usize::from(all[pos + 6]);
        // The Pascal name (length byte + bytes) is padded to an even length.
        let mut p = pos + 6 + 1 + name_len;
        if (1 + name_len) % 2 == 1 {
            p += 1;
        }
        let Some(size) = all
            .get(p..p + 4)
            .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]) as usize)
        else {
            break;
        };
        let start = p + 4;
        let end = start.saturating_add(size).min(all.len());
        if id == 0x0404 {
            found
                .get_or_insert_with(Vec::new)
                .extend_from_slice(&all[start..end]);
        }
        pos = end + (size % 2);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], complete: bool) {
        let s = scan(bytes).expect("starts like a JPEG");
        assert_eq!(s.complete, complete, "{bytes:02x?}");
    }

    #[test]
    fn finds_the_end_of_image_after_the_scan() {
        // SOI, SOS (len 3, one byte of header), data with stuffed FF00 and RST, EOI.
        check(
            &[
                0xFF, 0xD8, 0xFF, 0xDA, 0, 3, 1, 0x12, 0xFF, 0, 0xFF, 0xD0, 0x34, 0xFF, 0xD9,
            ],
            true,
        );
        check(
            &[0xFF, 0xD8, 0xFF, 0xDA, 0, 3, 1, 0x12, 0xFF, 0, 0x34],
            false,
        );
        check(&[0xFF, 0xD8, 0xFF, 0xDA, 0, 3, 1, 0x12, 0xFF], false);
        check(&[0xFF, 0xD8, 0xFF, 0xE1, 0, 40], false);
        // A second scan (progressive) after a DHT inside the data.
        check(
            &[
                0xFF, 0xD8, 0xFF, 0xDA, 0, 3, 1, 0x12, 0xFF, 0xC4, 0, 2, 0xFF, 0xDA, 0, 3, 1, 7,
                0xFF, 0xD9,
            ],
            true,
        );
        assert!(scan(b"hello").is_none());
    }

    #[test]
    fn reads_iim_from_photoshop_resources() {
        let mut irb = b"8BIM\x04\x04\x00\x00".to_vec();
        irb.extend_from_slice(&3u32.to_be_bytes());
        irb.extend_from_slice(&[0x1C, 2, 5, 0]); // odd size: padded
        irb.extend_from_slice(b"8BIM\x04\x0c\x00\x00\x00\x00\x00\x00");
        assert_eq!(iim_from_photoshop(&[&irb]), Some(vec![0x1C, 2, 5]));
    }
}
