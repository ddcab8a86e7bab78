//! Renditions: the sized JPEG and WebP copies of a crop that go to the web, each carrying
//! its credits, cached so nothing is made twice.
//!
//! The order of work is the point of this module. The crop (in oriented pixels) is first
//! mapped back onto the file's raw pixels, so the full-size photo is never rotated; the photo
//! is decoded once; the widest rendition is resized from it, each smaller one from the one
//! before; only the small results are rotated; and the encodes run on two threads. Pure planning ([`plan_widths`], [`raw_rect`]) comes first and is tested alone.
//! Everything that leaves is sRGB 8-bit RGB, tagged with the sRGB profile: a photo in
//! another colour space is converted once, on its widest resized copy (see `colour`);
//! transparency is flattened onto white (JPEG has none, and a photo desk's WebP goes where
//! JPEG went).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use fast_image_resize as fr;
use image::metadata::Orientation;
use image::ImageDecoder;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::colour::{Plan, ToSrgb};
use super::crop::{PixelRect, Size};
use super::embed::{self, Credits};
use crate::error::{Error, Result};

/// The widths made when nothing else is asked.
pub const DEFAULT_WIDTHS: [u32; 3] = [2048, 1200, 600];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Jpeg,
    Webp,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Webp => "webp",
        }
    }
}

/// What to make.
#[derive(Debug, Clone, PartialEq)]
pub struct RenditionOptions {
    pub widths: Vec<u32>,
    pub formats: Vec<Format>,
    /// 1–100.
    pub jpeg_quality: u8,
    /// 0–100 (libwebp's lossy quality).
    pub webp_quality: f32,
    /// libwebp's effort, 0 (fast) – 6 (small). 2 is measured at 2× faster than libwebp's
    /// default 4 for files 4 % larger on the 22-megapixel fixture.
    pub webp_method: u8,
}

impl Default for RenditionOptions {
    fn default() -> Self {
        RenditionOptions {
            widths: DEFAULT_WIDTHS.to_vec(),
            formats: vec![Format::Jpeg, Format::Webp],
            jpeg_quality: 82,
            webp_quality: 80.0,
            webp_method: 2,
        }
    }
}

/// One file made (or found in the cache).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rendition {
    pub format: Format,
    pub width: u32,
    pub height: u32,
    #[ts(type = "string")]
    pub path: PathBuf,
    #[ts(type = "number")]
    pub bytes: u64,
    /// True when the file was already in the cache.
    pub cached: bool,
}

/// The outputs and what the editor should know about them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RenditionSet {
    pub outputs: Vec<Rendition>,
    pub warnings: Vec<String>,
}

/// How far the work has got, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// A photo's original and what to cut from it.
pub struct Source<'a> {
    pub bytes: &'a [u8],
    /// Where the original came from, for messages.
    pub path: &'a Path,
    pub sha256: &'a str,
    /// EXIF orientation 1–8.
    pub orientation: u8,
    /// The crop in pixels of the oriented original.
    pub crop: PixelRect,
}

// ---- Planning (pure) ----------------------------------------------------------------------

/// The widths to make for a crop `crop_width` wide: widest first, without repeats, never
/// wider than the crop (Dateline never upscales): widths the crop cannot fill become one
/// rendition at the crop's own width. The warnings say what was capped.
pub fn plan_widths(crop_width: u32, asked: &[u32]) -> (Vec<u32>, Vec<String>) {
    let mut widths: Vec<u32> = asked.iter().copied().filter(|&w| w > 0).collect();
    widths.sort_unstable_by(|a, b| b.cmp(a));
    widths.dedup();
    let too_wide: Vec<u32> = widths.iter().copied().filter(|&w| w > crop_width).collect();
    let mut out: Vec<u32> = widths.into_iter().filter(|&w| w <= crop_width).collect();
    let mut warnings = Vec::new();
    if !too_wide.is_empty() {
        if out.first() != Some(&crop_width) {
            out.insert(0, crop_width);
        }
        warnings.push(format!(
            "The crop is {crop_width} pixels wide, so no rendition {} pixels wide was made; \
             the widest is {crop_width} (Dateline never enlarges a photo).",
            too_wide
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    (out, warnings)
}

/// The height of a rendition `width` wide of a crop, keeping its aspect.
pub fn height_for(crop: PixelRect, width: u32) -> u32 {
    ((u64::from(crop.height) * u64::from(width) + u64::from(crop.width) / 2)
        / u64::from(crop.width))
    .max(1) as u32
}

/// The rectangle of the file's raw (unrotated) pixels that shows as `r` once EXIF
/// `orientation` is applied. `raw` is the size of the raw pixels.
pub fn raw_rect(r: PixelRect, raw: Size, orientation: u8) -> PixelRect {
    let (rw, rh) = (raw.width, raw.height);
    let (x, y, w, h) = (r.x, r.y, r.width, r.height);
    let (x, y, w, h) = match orientation {
        2 => (rw - x - w, y, w, h),
        3 => (rw - x - w, rh - y - h, w, h),
        4 => (x, rh - y - h, w, h),
        5 => (y, x, h, w),
        6 => (y, rh - x - w, h, w),
        7 => (rw - y - h, rh - x - w, h, w),
        8 => (rw - y - h, x, h, w),
        _ => (x, y, w, h),
    };
    PixelRect {
        x,
        y,
        width: w,
        height: h,
    }
}

/// Whether the orientation swaps width and height.
pub fn swaps_sides(orientation: u8) -> bool {
    orientation >= 5
}

/// The cache file of one rendition: the original's hash, the crop, the size, a hash of the
/// credits written into it (a changed caption makes a new file) and the format.
pub fn cache_name(
    sha256: &str,
    crop: PixelRect,
    width: u32,
    credits_hash: &str,
    f: Format,
) -> String {
    format!(
        "{}-{}_{}_{}x{}-w{width}-{credits_hash}.{}",
        &sha256[..sha256.len().min(16)],
        crop.x,
        crop.y,
        crop.width,
        crop.height,
        f.extension()
    )
}

// ---- Pixels -------------------------------------------------------------------------------

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
}

impl Decoded {
    /// Converts `r` (resized from these pixels) into sRGB, when it is owed.
    pub(crate) fn finish(&self, r: &mut Raster) {
        if let Some(t) = &self.to_srgb {
            t.apply(&mut r.rgb);
        }
    }
}

/// Decodes the raw pixels of `bytes` and returns them with `region` as the fractional
/// rectangle the resizer cuts from.
///
/// DCT-domain downscaling was measured and dropped: jpeg-decoder at 1/2 scale took 149 ms on
/// the 22-megapixel Canon fixture, the `image` crate's full decode (zune-jpeg, SIMD) 97 ms.
///
/// The conversion into sRGB is not made here but on the widest resized copy
/// ([`Decoded::finish`]): a 2048-pixel rendition has a seventh of a 22-megapixel photo's
/// pixels, and every smaller rendition is resized from the converted one.
pub(crate) fn decode_region(
    bytes: &[u8],
    path: &Path,
    region: PixelRect,
) -> Result<(Decoded, (f64, f64, f64, f64))> {
    let decoded = decode_colour(bytes, path)?;
    let r = (
        f64::from(region.x),
        f64::from(region.y),
        f64::from(region.width),
        f64::from(region.height),
    );
    Ok((decoded, r))
}

fn damaged(path: &Path) -> Error {
    super::bad(
        path,
        "The photo's pixels are damaged and cannot be shown. Copy it again from its source.".into(),
    )
}

/// Decodes every pixel and finds the photo's colour profile: HEIC through libheif, every
/// other format through the `image` crate, a CMYK JPEG with a profile through zune-jpeg's
/// CMYK output and its profile.
pub(crate) fn decode_colour(bytes: &[u8], path: &Path) -> Result<Decoded> {
    if super::heif::is_heif(bytes) {
        let raster = super::heif::decode(bytes, path)?;
        let plan = match super::heif::colour(bytes, path)? {
            super::heif::HeifColour::None => Plan::AsIs,
            super::heif::HeifColour::Icc(icc) => ToSrgb::from_icc(Some(&icc), false),
            super::heif::HeifColour::Primaries(p) => ToSrgb::from_primaries(p),
        };
        return Ok(Decoded {
            raster,
            to_srgb: plan.into_option(),
        });
    }
    let mut decoder = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| super::bad(path, super::UNREADABLE.into()))?
        .into_decoder()
        .map_err(|_| damaged(path))?;
    let icc = decoder.icc_profile().ok().flatten();
    // A CMYK profile is only ever carried by CMYK pixels (a JPEG's, here).
    if icc
        .as_deref()
        .is_some_and(|i| i.get(16..20) == Some(b"CMYK"))
    {
        if let Plan::Convert(t) = ToSrgb::from_icc(icc.as_deref(), true) {
            if let Some(raster) = super::jpeg::decode_cmyk(bytes, &t) {
                return Ok(Decoded {
                    raster,
                    to_srgb: None,
                });
            }
        }
    }
    let img = image::DynamicImage::from_decoder(decoder).map_err(|_| damaged(path))?;
    Ok(Decoded {
        raster: flatten(img),
        to_srgb: ToSrgb::from_icc(icc.as_deref(), false).into_option(),
    })
}

/// Full decoding through the `image` crate (libheif for HEIC): any format, CMYK converted,
/// alpha flattened onto white; the pixels stay in the photo's own colour space.
pub(crate) fn decode_full(bytes: &[u8], path: &Path) -> Result<Raster> {
    if super::heif::is_heif(bytes) {
        return super::heif::decode(bytes, path);
    }
    let img = image::ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| super::bad(path, super::UNREADABLE.into()))?
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
            enc.add_icc_profile(super::colour::srgb_icc())
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
            embed::webp_with_metadata(&mem, r.width, r.height, super::colour::srgb_icc(), &xmp)
                .ok_or_else(|| fail("libwebp returned no RIFF file".into()))
        }
    }
}

// ---- The set ------------------------------------------------------------------------------

/// Makes (or finds in `cache_dir`) every rendition of `src`'s crop: decode once, resize the
/// widest first and each smaller one from the one before, encode on two threads. `progress`
/// is called after each file; `cancel` is checked between steps, and a cancelled run leaves
/// only whole files behind.
pub fn render_set(
    src: &Source<'_>,
    credits: &Credits,
    opts: &RenditionOptions,
    cache_dir: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<RenditionSet> {
    let (widths, warnings) = plan_widths(src.crop.width, &opts.widths);
    let credits_hash =
        &super::sha256_hex(&[embed::xmp_packet(credits), embed::photoshop_iim(credits)].concat())
            [..12];
    let jobs: Vec<(u32, Format, PathBuf)> = widths
        .iter()
        .flat_map(|&w| {
            opts.formats.iter().map(move |&f| {
                (
                    w,
                    f,
                    cache_dir.join(cache_name(src.sha256, src.crop, w, credits_hash, f)),
                )
            })
        })
        .collect();
    let total = jobs.len();
    let mut outputs: Vec<Rendition> = Vec::new();
    let missing: Vec<&(u32, Format, PathBuf)> = jobs.iter().filter(|j| !j.2.exists()).collect();
    if !missing.is_empty() {
        std::fs::create_dir_all(cache_dir).map_err(|e| Error::io(cache_dir, e))?;
        check(cancel)?;
        let made = make(
            src, credits, opts, &widths, &missing, progress, cancel, total,
        )?;
        outputs.extend(made);
    }
    for (w, f, path) in &jobs {
        if outputs.iter().any(|o| &o.path == path) {
            continue;
        }
        let bytes = std::fs::metadata(path)
            .map_err(|e| Error::io(path, e))?
            .len();
        outputs.push(Rendition {
            format: *f,
            width: *w,
            height: height_for(src.crop, *w),
            path: path.clone(),
            bytes,
            cached: true,
        });
    }
    outputs.sort_by(|a, b| {
        b.width
            .cmp(&a.width)
            .then(a.format.extension().cmp(b.format.extension()))
    });
    progress(Progress { done: total, total });
    Ok(RenditionSet { outputs, warnings })
}

fn check(cancel: &AtomicBool) -> Result<()> {
    if cancel.load(Ordering::Relaxed) {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

#[allow(clippy::too_many_arguments)]
fn make(
    src: &Source<'_>,
    credits: &Credits,
    opts: &RenditionOptions,
    widths: &[u32],
    missing: &[&(u32, Format, PathBuf)],
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
    total: usize,
) -> Result<Vec<Rendition>> {
    let swap = swaps_sides(src.orientation);
    // Raw size from the header (the oriented size swapped back).
    let info = super::header_size(src.bytes, src.path)?;
    let raw = raw_rect(src.crop, info, src.orientation);
    let needed: Vec<u32> = widths
        .iter()
        .copied()
        .filter(|w| missing.iter().any(|m| m.0 == *w))
        .collect();
    let (decoded, region) = decode_region(src.bytes, src.path, raw)?;
    check(cancel)?;
    // Resize widest first, each next from the previous: in raw orientation.
    let mut rasters: Vec<(u32, Raster)> = Vec::new();
    let mut prev: Option<Raster> = None;
    for &w in &needed {
        check(cancel)?;
        let h = height_for(src.crop, w);
        let (rw, rh) = if swap { (h, w) } else { (w, h) };
        let r = match &prev {
            None => {
                let mut r = resize(&decoded.raster, region, rw, rh)?;
                decoded.finish(&mut r);
                r
            }
            Some(p) => resize(
                p,
                (0.0, 0.0, f64::from(p.width), f64::from(p.height)),
                rw,
                rh,
            )?,
        };
        prev = Some(Raster {
            width: r.width,
            height: r.height,
            rgb: r.rgb.clone(),
        });
        rasters.push((w, orient(r, src.orientation)));
    }
    drop(decoded);
    // Encode on two threads, widest (slowest) first.
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(total - missing.len());
    let results: Mutex<Vec<Result<Rendition>>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(job) = missing.get(i) else { break };
                let out = (|| -> Result<Rendition> {
                    check(cancel)?;
                    let (w, f, path) = (job.0, job.1, &job.2);
                    let r = rasters
                        .iter()
                        .find(|(rw, _)| *rw == w)
                        .map(|(_, r)| r)
                        .ok_or_else(|| Error::invalid("rendition", "missing size"))?;
                    let bytes = encode(r, f, opts, credits)?;
                    check(cancel)?;
                    crate::workspace::write_atomically(path, &bytes)?;
                    Ok(Rendition {
                        format: f,
                        width: r.width,
                        height: r.height,
                        path: path.clone(),
                        bytes: bytes.len() as u64,
                        cached: false,
                    })
                })();
                let failed = out.is_err();
                if let Ok(mut v) = results.lock() {
                    v.push(out);
                }
                let d = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(Progress { done: d, total });
                if failed {
                    break;
                }
            });
        }
    });
    let results = results
        .into_inner()
        .map_err(|_| Error::invalid("rendition", "an encoder thread failed"))?;
    results.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(crop_w: u32, asked: &[u32], expected: &[u32], warns: usize) {
        let (w, warnings) = plan_widths(crop_w, asked);
        assert_eq!(w, expected, "{crop_w} {asked:?}");
        assert_eq!(warnings.len(), warns, "{warnings:?}");
    }

    #[test]
    fn widths_are_never_upscaled() {
        check(5760, &[2048, 1200, 600], &[2048, 1200, 600], 0);
        check(1500, &[2048, 1200, 600], &[1500, 1200, 600], 1);
        check(1200, &[2048, 1200, 600], &[1200, 600], 1);
        check(500, &[2048, 1200, 600], &[500], 1);
        check(3000, &[600, 2048, 600, 0], &[2048, 600], 0);
        check(2048, &[2048], &[2048], 0);
    }

    /// Crop in oriented coordinates, then orient — or crop the raw pixels with `raw_rect`
    /// and orient the crop: the same pixels either way, for every orientation.
    #[test]
    fn raw_rect_matches_orienting_first() {
        let (w, h) = (5u32, 3u32);
        let raw = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([x as u8, y as u8, 0]));
        for o in 1..=8u8 {
            let mut oriented = image::DynamicImage::ImageRgb8(raw.clone());
            oriented.apply_orientation(Orientation::from_exif(o).expect("1–8"));
            let oriented = oriented.into_rgb8();
            let crop = PixelRect {
                x: 1,
                y: 0,
                width: 2,
                height: 2,
            };
            let expected =
                image::imageops::crop_imm(&oriented, crop.x, crop.y, crop.width, crop.height)
                    .to_image();
            let r = raw_rect(crop, Size::new(w, h), o);
            let cut = image::imageops::crop_imm(&raw, r.x, r.y, r.width, r.height).to_image();
            let got = orient(
                Raster {
                    width: cut.width(),
                    height: cut.height(),
                    rgb: cut.into_raw(),
                },
                o,
            );
            assert_eq!(got.rgb, expected.into_raw(), "orientation {o}");
        }
    }

    #[test]
    fn transparency_is_flattened_onto_white() {
        let img = image::RgbaImage::from_fn(2, 1, |x, _| {
            if x == 0 {
                image::Rgba([0, 0, 0, 0])
            } else {
                image::Rgba([0, 0, 0, 255])
            }
        });
        let r = flatten(image::DynamicImage::ImageRgba8(img));
        assert_eq!(r.rgb, [255, 255, 255, 0, 0, 0]);
    }
}
