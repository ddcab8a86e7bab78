//! Planning a set of renditions, pure: which widths a crop can fill, where the crop lies in
//! the file's raw pixels, and the cache file of each rendition.

use std::path::{Path, PathBuf};

use super::{Format, RenditionOptions, Source};
use crate::i18n::{Arg, Text};
use crate::photo::crop::{PixelRect, Size};
use crate::photo::embed::{self, Credits};

/// What a set of renditions will be, before a pixel is decoded: the widths (widest first,
/// capped at the crop's), what the editor should know about the capping, and one cache file
/// per width and format.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub widths: Vec<u32>,
    pub warnings: Vec<String>,
    pub jobs: Vec<Job>,
}

/// One rendition to make (or find): its width, format and cache file.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub width: u32,
    pub format: Format,
    pub path: PathBuf,
}

impl Plan {
    /// The plan of `src`'s crop at `opts`' widths and formats, carrying `credits`, cached in
    /// `cache_dir`.
    pub fn new(
        src: &Source<'_>,
        credits: &Credits,
        opts: &RenditionOptions,
        cache_dir: &Path,
    ) -> Plan {
        let (widths, warnings) = plan_widths(src.crop.width, &opts.widths);
        let packets = [embed::xmp_packet(credits), embed::photoshop_iim(credits)].concat();
        let credits_hash = &crate::durable::sha256_hex(&packets)[..12];
        let jobs = widths
            .iter()
            .flat_map(|&width| {
                opts.formats.iter().map(move |&format| Job {
                    width,
                    format,
                    path: cache_dir.join(cache_name(
                        src.sha256,
                        src.crop,
                        width,
                        credits_hash,
                        format,
                    )),
                })
            })
            .collect();
        Plan {
            widths,
            warnings,
            jobs,
        }
    }
}

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
        warnings.push(
            Text::new("rendition-narrow")
                .arg("width", i64::from(crop_width))
                .arg(
                    "widths",
                    Arg::Or(too_wide.iter().map(|w| Text::Raw(w.to_string())).collect()),
                )
                .local(),
        );
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
