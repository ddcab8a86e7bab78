//! Renditions: the sized JPEG and WebP copies of a crop that go to the web, each carrying
//! its credits, cached so nothing is made twice.
//!
//! The order of work is the point of this module. The crop (in oriented pixels) is first
//! mapped back onto the file's raw pixels, so the full-size photo is never rotated; the photo
//! is decoded once (once per export, whatever the shapes asked of it: `cache.rs`); the widest rendition is resized from it, each smaller one from the one
//! before; only the small results are rotated; and the encodes run on two threads. Pure planning ([`Plan`], `plan.rs`) comes
//! first and is tested alone; the pixel primitives are in `pixels.rs`.
//! Everything that leaves is sRGB 8-bit RGB, tagged with the sRGB profile: a photo in
//! another colour space is converted once, on its widest resized copy (see `colour`);
//! transparency is flattened onto white (JPEG has none, and a photo desk's WebP goes where
//! JPEG went).

mod cache;
mod pixels;
mod plan;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::crop::PixelRect;
use super::embed::Credits;
use crate::error::{Error, Result};

pub(crate) use cache::{decode_regions, Want};
pub use cache::{DecodeCache, DecodeScope};
pub(crate) use pixels::{decode_full, encode, orient, resize, Raster};
pub use plan::{cache_name, height_for, plan_widths, raw_rect, swaps_sides, Job, Plan};

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
    let plan = Plan::new(src, credits, opts, cache_dir);
    let total = plan.jobs.len();
    let mut outputs: Vec<Rendition> = Vec::new();
    let missing: Vec<&Job> = plan.jobs.iter().filter(|j| !j.path.exists()).collect();
    if !missing.is_empty() {
        std::fs::create_dir_all(cache_dir).map_err(|e| Error::io(cache_dir, e))?;
        check(cancel)?;
        outputs.extend(make(src, credits, opts, &plan, &missing, progress, cancel)?);
    }
    for job in &plan.jobs {
        if outputs.iter().any(|o| o.path == job.path) {
            continue;
        }
        let bytes = std::fs::metadata(&job.path)
            .map_err(|e| Error::io(&job.path, e))?
            .len();
        outputs.push(Rendition {
            format: job.format,
            width: job.width,
            height: height_for(src.crop, job.width),
            path: job.path.clone(),
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
    Ok(RenditionSet {
        outputs,
        warnings: plan.warnings,
    })
}

fn check(cancel: &AtomicBool) -> Result<()> {
    if cancel.load(Ordering::Relaxed) {
        Err(Error::Cancelled)
    } else {
        Ok(())
    }
}

/// Makes the `missing` jobs of `plan`: one decode, resizes widest first, encodes on two
/// threads.
fn make(
    src: &Source<'_>,
    credits: &Credits,
    opts: &RenditionOptions,
    plan: &Plan,
    missing: &[&Job],
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Vec<Rendition>> {
    let total = plan.jobs.len();
    let swap = swaps_sides(src.orientation);
    // Raw size from the header (the oriented size swapped back).
    let info = super::header_size(src.bytes, src.path)?;
    let raw = raw_rect(src.crop, info, src.orientation);
    let needed: Vec<u32> = plan
        .widths
        .iter()
        .copied()
        .filter(|w| missing.iter().any(|m| m.width == *w))
        .collect();
    // The widest resize, in raw orientation: the decode may be as small as that allows.
    let widest = needed.first().map_or((raw.width, raw.height), |&w| {
        let h = height_for(src.crop, w);
        if swap {
            (h, w)
        } else {
            (w, h)
        }
    });
    // Within an export, the original is decoded once for all its shapes (see `cache`).
    let (decoded, region) = decode_regions(&[Want {
        bytes: src.bytes,
        path: src.path,
        raw,
        out: widest,
    }])?
    .pop()
    .ok_or_else(|| Error::invalid("rendition", "nothing decoded"))?;
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
                    let (w, f, path) = (job.width, job.format, &job.path);
                    let r = rasters
                        .iter()
                        .find(|(rw, _)| *rw == w)
                        .map(|(_, r)| r)
                        .ok_or_else(|| Error::invalid("rendition", "missing size"))?;
                    let bytes = encode(r, f, opts, credits)?;
                    check(cancel)?;
                    crate::durable::write_atomically(path, &bytes)?;
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
    use image::metadata::Orientation;

    use super::cache::reduction;
    use super::pixels::flatten;
    use super::*;
    use crate::photo::crop::Size;

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

    /// The rendition `out_w` wide of `crop` (oriented pixels) of a fixture, as `make` cuts it:
    /// decoded at the reduction the size allows (`scaled`) or whole, shifted `shift` raw
    /// pixels to the right (to show the comparison notices a misplaced crop).
    fn cut(name: &str, crop: PixelRect, out_w: u32, scaled: bool, shift: u32) -> Raster {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/fixtures/photos")
            .join(name);
        let bytes = std::fs::read(&path).expect("fixture");
        let o = crate::photo::inspect(&bytes, &path)
            .expect("inspects")
            .orientation;
        let size = crate::photo::header_size(&bytes, &path).expect("size");
        let mut raw = raw_rect(crop, size, o);
        raw.x += shift;
        let h = height_for(crop, out_w);
        let out = if swaps_sides(o) {
            (h, out_w)
        } else {
            (out_w, h)
        };
        let want = Want {
            bytes: &bytes,
            path: &path,
            raw,
            out: if scaled { out } else { (raw.width, raw.height) },
        };
        let (d, region) = decode_regions(&[want]).expect("decodes").remove(0);
        assert_eq!(d.reduce > 1, scaled, "{name}: reduced {}", d.reduce);
        let mut r = resize(&d.raster, region, out.0, out.1).expect("resizes");
        d.finish(&mut r);
        orient(r, o)
    }

    /// Mean absolute difference per channel, and the share of channels off by more than 24.
    fn difference(a: &Raster, b: &Raster) -> (f64, f64) {
        assert_eq!((a.width, a.height), (b.width, b.height));
        let d: Vec<u32> = a
            .rgb
            .iter()
            .zip(&b.rgb)
            .map(|(x, y)| u32::from(x.abs_diff(*y)))
            .collect();
        let mean = d.iter().map(|&v| f64::from(v)).sum::<f64>() / d.len() as f64;
        let far = d.iter().filter(|&&v| v > 24).count() as f64 / d.len() as f64;
        (mean, far)
    }

    /// Shrink-on-load changes no shape, place or colour: a rendition from a JPEG decoded at
    /// 1/2 matches the one from the whole decode within a small per-pixel tolerance (mean
    /// difference 0.5–1.1 of 255 on these), on a plain photo, an EXIF-6 one and a 16-megapixel
    /// EXIF-8 one (both rotated); the same crop moved by 16 pixels does not.
    #[test]
    fn a_scaled_decode_makes_the_same_rendition_as_a_full_one() {
        let cases = [
            (
                "meta-iptc-ref-std2024.1.jpg",
                PixelRect {
                    x: 200,
                    y: 100,
                    width: 600,
                    height: 300,
                },
                150,
            ),
            (
                "orient6-landscape.jpg",
                PixelRect {
                    x: 120,
                    y: 40,
                    width: 400,
                    height: 300,
                },
                100,
            ),
            (
                "orient8-leica-t-16mp.jpg",
                PixelRect {
                    x: 300,
                    y: 900,
                    width: 2400,
                    height: 1350,
                },
                900,
            ),
        ];
        for (name, crop, w) in cases {
            let full = cut(name, crop, w, false, 0);
            let scaled = cut(name, crop, w, true, 0);
            let (mean, far) = difference(&full, &scaled);
            assert!(
                mean < 1.5 && far < 0.001,
                "{name}: mean {mean:.2}, far {far:.4}"
            );
            let moved = cut(name, crop, w, true, 16);
            let (mean_moved, _) = difference(&full, &moved);
            assert!(
                mean_moved > 2.0 * mean.max(1.0),
                "{name}: a crop moved 16 px should differ ({mean_moved:.2} vs {mean:.2})"
            );
        }
    }

    #[test]
    fn the_reduction_never_leaves_fewer_pixels_than_the_widest_resize() {
        let r = |w, h| PixelRect {
            x: 0,
            y: 0,
            width: w,
            height: h,
        };
        // The 2048-wide 16:9 composite cell of a 6000 × 4000 photo, and its 4:3 alternate's.
        assert_eq!(reduction(r(3544, 4000), (1020, 1152)), 2);
        assert_eq!(reduction(r(2656, 4000), (596, 900)), 2);
        assert_eq!(reduction(r(6000, 3375), (2048, 1152)), 2);
        assert_eq!(reduction(r(6000, 3375), (600, 338)), 4);
        assert_eq!(reduction(r(6000, 3375), (600, 336)), 8);
        assert_eq!(reduction(r(3000, 2000), (2048, 1365)), 1);
        assert_eq!(reduction(r(500, 500), (600, 600)), 1);
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
