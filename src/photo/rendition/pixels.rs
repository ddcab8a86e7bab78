//! The pixel primitives of a rendition: decode (into sRGB, owed or done), resize, orient,
//! flatten, encode with the credits embedded.

use std::path::Path;

use fast_image_resize as fr;
use image::metadata::Orientation;
use image::ImageDecoder;

use super::{Format, RenditionOptions};
use crate::error::{Error, Result};
use crate::photo::colour::{Plan, ToSrgb};
use crate::photo::embed::{self, Credits};

/// 8-bit RGB pixels.
pub(crate) struct Raster {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
}

/// A decoded photo: its pixels, and the conversion into sRGB still owed to them (`None` for
/// a photo already in sRGB, or a CMYK one converted as it was decoded).
pub(crate) struct Decoded {
    pub raster: Raster,
    pub to_srgb: Option<ToSrgb>,
    /// 1 when every pixel of the file was decoded; 2, 4 or 8 when a JPEG was decoded at that
    /// fraction of its size (DCT scaling, [`decode_reduced`]): one decoded pixel then covers
    /// `reduce` × `reduce` of the file's.
    pub reduce: u32,
}

impl Decoded {
    /// Converts `r` (resized from these pixels) into sRGB, when it is owed.
    pub(crate) fn finish(&self, r: &mut Raster) {
        if let Some(t) = &self.to_srgb {
            t.apply(&mut r.rgb);
        }
    }
}

fn damaged(path: &Path) -> Error {
    crate::photo::bad(path, crate::i18n::Text::new("photo-damaged-pixels"))
}

/// Decodes every pixel and finds the photo's colour profile: HEIC through libheif, every
/// other format through the `image` crate, a CMYK JPEG with a profile through zune-jpeg's
/// CMYK output and its profile. Callers go through `cache::decode_regions`, which decodes an
/// original once per export.
///
/// The conversion into sRGB is not made here but on the widest resized copy
/// ([`Decoded::finish`]): a 2048-pixel rendition has a seventh of a 22-megapixel photo's
/// pixels, and every smaller rendition is resized from the converted one.
///
/// zune-jpeg (which the `image` crate decodes JPEG with) has no DCT scaling; a photo that
/// is wider than every rendition asked of it is decoded smaller by [`decode_reduced`].
pub(crate) fn decode_colour(bytes: &[u8], path: &Path) -> Result<Decoded> {
    if crate::photo::heif::is_heif(bytes) {
        let raster = crate::photo::heif::decode(bytes, path)?;
        let plan = match crate::photo::heif::colour(bytes, path)? {
            crate::photo::heif::HeifColour::None => Plan::AsIs,
            crate::photo::heif::HeifColour::Icc(icc) => ToSrgb::from_icc(Some(&icc), false),
            crate::photo::heif::HeifColour::Primaries(p) => ToSrgb::from_primaries(p),
        };
        return Ok(Decoded {
            raster,
            to_srgb: plan.into_option(),
            reduce: 1,
        });
    }
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| crate::photo::bad(path, crate::photo::unreadable()))?
        .into_decoder()
        .map_err(|_| damaged(path))?;
    let icc = decoder.icc_profile().ok().flatten();
    // A CMYK profile is only ever carried by CMYK pixels (a JPEG's, here).
    if icc
        .as_deref()
        .is_some_and(|i| i.get(16..20) == Some(b"CMYK"))
    {
        if let Plan::Convert(t) = ToSrgb::from_icc(icc.as_deref(), true) {
            if let Some(raster) = crate::photo::jpeg::decode_cmyk(bytes, &t) {
                return Ok(Decoded {
                    raster,
                    to_srgb: None,
                    reduce: 1,
                });
            }
        }
    }
    let img = image::DynamicImage::from_decoder(decoder).map_err(|_| damaged(path))?;
    Ok(Decoded {
        raster: flatten(img),
        to_srgb: ToSrgb::from_icc(icc.as_deref(), false).into_option(),
        reduce: 1,
    })
}

/// Shrink-on-load: a JPEG decoded at 1/`reduce` of its size (2, 4 or 8) by `jpeg-decoder`'s
/// DCT scaling, which skips most of the inverse DCT and never builds the full frame (a
/// 24-megapixel photo at 1/2 is 18 MB of pixels instead of 72). Every other photo, a CMYK or
/// 16-bit JPEG, or one `jpeg-decoder` cannot read, is decoded whole by [`decode_colour`];
/// so is any photo when `reduce` is 1. The colour profile is read and owed as in a full
/// decode.
pub(crate) fn decode_reduced(bytes: &[u8], path: &Path, reduce: u32) -> Result<Decoded> {
    if reduce > 1 && bytes.starts_with(&[0xFF, 0xD8]) {
        if let Some(d) = decode_jpeg_scaled(bytes, reduce) {
            return Ok(d);
        }
    }
    decode_colour(bytes, path)
}

fn decode_jpeg_scaled(bytes: &[u8], reduce: u32) -> Option<Decoded> {
    use jpeg_decoder::PixelFormat;
    let mut d = jpeg_decoder::Decoder::new(bytes);
    d.read_info().ok()?;
    let info = d.info()?;
    if !matches!(info.pixel_format, PixelFormat::RGB24 | PixelFormat::L8) {
        return None;
    }
    let icc = d.icc_profile();
    if icc
        .as_deref()
        .is_some_and(|i| i.get(16..20) == Some(b"CMYK"))
    {
        return None;
    }
    let part = |n: u16| u16::try_from(u32::from(n).div_ceil(reduce)).ok();
    let (w, h) = (part(info.width)?, part(info.height)?);
    // jpeg-decoder picks the smallest of 1/8, 1/4, 1/2, 1 that gives at least this size.
    if d.scale(w, h).ok()? != (w, h) {
        return None;
    }
    let px = d.decode().ok()?;
    let (w, h) = (u32::from(w), u32::from(h));
    let rgb = match info.pixel_format {
        PixelFormat::L8 => px.iter().flat_map(|&v| [v, v, v]).collect(),
        _ => px,
    };
    if rgb.len() != w as usize * h as usize * 3 {
        return None;
    }
    Some(Decoded {
        raster: Raster {
            width: w,
            height: h,
            rgb,
        },
        to_srgb: ToSrgb::from_icc(icc.as_deref(), false).into_option(),
        reduce,
    })
}

/// Full decoding through the `image` crate (libheif for HEIC): any format, CMYK converted,
/// alpha flattened onto white; the pixels stay in the photo's own colour space.
pub(crate) fn decode_full(bytes: &[u8], path: &Path) -> Result<Raster> {
    if crate::photo::heif::is_heif(bytes) {
        return crate::photo::heif::decode(bytes, path);
    }
    let img = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| crate::photo::bad(path, crate::photo::unreadable()))?
        .decode()
        .map_err(|_| damaged(path))?;
    Ok(flatten(img))
}

pub(crate) fn flatten(img: image::DynamicImage) -> Raster {
    let (width, height) = (img.width(), img.height());
    let rgb = if img.color().has_alpha() {
        let rgba = img.into_rgba8();
        let mut out = Vec::with_capacity(width as usize * height as usize * 3);
        for p in rgba.pixels() {
            let a = u16::from(p[3]);
            for c in &p.0[..3] {
                // Over white: c·a + 255·(1 − a), rounded.
                out.push(((u16::from(*c) * a + 255 * (255 - a) + 127) / 255) as u8);
            }
        }
        out
    } else {
        img.into_rgb8().into_raw()
    };
    Raster { width, height, rgb }
}

/// Resizes `region` of `src` (fractional pixels) to `width` × `height`.
pub(crate) fn resize(
    src: &Raster,
    region: (f64, f64, f64, f64),
    width: u32,
    height: u32,
) -> Result<Raster> {
    let view = fr::images::ImageRef::new(src.width, src.height, &src.rgb, fr::PixelType::U8x3)
        .map_err(|e| Error::invalid("rendition", e.to_string()))?;
    let mut dst = fr::images::Image::new(width, height, fr::PixelType::U8x3);
    let opts = fr::ResizeOptions::new()
        .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3))
        .crop(region.0, region.1, region.2, region.3);
    fr::Resizer::new()
        .resize(&view, &mut dst, &opts)
        .map_err(|e| Error::invalid("rendition", e.to_string()))?;
    Ok(Raster {
        width,
        height,
        rgb: dst.into_vec(),
    })
}

/// Applies EXIF `orientation` to a (small) raster.
pub(crate) fn orient(r: Raster, orientation: u8) -> Raster {
    if orientation <= 1 || orientation > 8 {
        return r;
    }
    let Some(buf) = image::RgbImage::from_raw(r.width, r.height, r.rgb) else {
        return Raster {
            width: 0,
            height: 0,
            rgb: Vec::new(),
        };
    };
    let mut img = image::DynamicImage::ImageRgb8(buf);
    if let Some(o) = Orientation::from_exif(orientation) {
        img.apply_orientation(o);
    }
    let (width, height) = (img.width(), img.height());
    Raster {
        width,
        height,
        rgb: img.into_rgb8().into_raw(),
    }
}

pub(crate) fn encode(
    r: &Raster,
    f: Format,
    opts: &RenditionOptions,
    c: &Credits,
) -> Result<Vec<u8>> {
    let fail = |e: String| Error::invalid("rendition", format!("Encoding failed: {e}"));
    let xmp = embed::xmp_packet(c);
    match f {
        Format::Jpeg => {
            let mut out = Vec::with_capacity(r.rgb.len() / 8);
            let mut enc = jpeg_encoder::Encoder::new(&mut out, opts.jpeg_quality.clamp(1, 100));
            let mut app1 = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
            app1.extend_from_slice(&xmp);
            enc.add_app_segment(1, &app1)
                .map_err(|e| fail(e.to_string()))?;
            enc.add_app_segment(13, &embed::photoshop_iim(c))
                .map_err(|e| fail(e.to_string()))?;
            enc.add_icc_profile(crate::photo::colour::srgb_icc())
                .map_err(|e| fail(e.to_string()))?;
            let (w, h) = (
                u16::try_from(r.width).map_err(|e| fail(e.to_string()))?,
                u16::try_from(r.height).map_err(|e| fail(e.to_string()))?,
            );
            enc.encode(&r.rgb, w, h, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| fail(e.to_string()))?;
            Ok(out)
        }
        Format::Webp => {
            let mut config =
                webp::WebPConfig::new().map_err(|_| fail("libwebp could not start".into()))?;
            config.quality = opts.webp_quality.clamp(0.0, 100.0);
            config.method = i32::from(opts.webp_method.min(6));
            // libwebp's own second thread helps the widest file, which finishes last.
            config.thread_level = i32::from(r.width >= 1500);
            let mem = webp::Encoder::from_rgb(&r.rgb, r.width, r.height)
                .encode_advanced(&config)
                .map_err(|e| fail(format!("{e:?}")))?;
            embed::webp_with_metadata(
                &mem,
                r.width,
                r.height,
                crate::photo::colour::srgb_icc(),
                &xmp,
            )
            .ok_or_else(|| fail("libwebp returned no RIFF file".into()))
        }
    }
}
