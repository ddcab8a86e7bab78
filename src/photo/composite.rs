//! Composite heroes: two or three photos side by side, each filling its cell around its own
//! focal point, separated by a white gutter, as the model article's lead image.
//!
//! The layout is pure ([`cells`]); pixels are cut with the same raw-region decoding as
//! renditions, so a rotated phone photo takes its place upright. Each original is decoded
//! once per export (the export's decode cache: `rendition::DecodeScope`), however many widths
//! and shapes of the composite it asks for, and only as large as the widest cell needs. The composite keeps each
//! photo's fields: its caption line and embedded credits name every photographer.

use super::crop::{Aspect, CropPlan, PixelRect, Size};
use super::embed::Credits;
use super::rendition::{self, Raster};
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{Focus, PhotoFields};

/// The gutter at 2048 pixels wide; it scales with the output.
pub const GUTTER_AT_2048: u32 = 8;

/// The credits a composite carries: every photo's creator (each its own name: XMP's creator
/// list and IIM's repeatable By-line take several), its credit, rights and usage terms
/// joined with "; ", its alt texts as separate sentences, and the whole caption line
/// (`caption_line`, with "Edited by …") as its description.
pub fn credits(fields: &[PhotoFields], caption_line: &str) -> Credits {
    let each: Vec<Credits> = fields.iter().map(Credits::from_fields).collect();
    let join = |f: fn(&Credits) -> &String| {
        each.iter()
            .map(f)
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    };
    Credits {
        creators: each.iter().flat_map(|c| c.creators.clone()).collect(),
        credit: join(|c| &c.credit),
        rights: join(|c| &c.rights),
        description: caption_line.to_string(),
        alt_text: crate::credit::join_alt_texts(each.iter().map(|c| c.alt_text.as_str())),
        usage_terms: join(|c| &c.usage_terms),
    }
}

/// The cells of `n` photos side by side in a `width` × `height` canvas with `gutter` pixels
/// between them; leftover pixels go to the first cells, so the cells fill the canvas exactly.
pub fn cells(n: u32, width: u32, height: u32, gutter: u32) -> Vec<PixelRect> {
    if n == 0 {
        return Vec::new();
    }
    let free = width.saturating_sub(gutter * (n - 1));
    let (base, extra) = (free / n, free % n);
    let mut x = 0;
    (0..n)
        .map(|i| {
            let w = base + u32::from(i < extra);
            let r = PixelRect {
                x,
                y: 0,
                width: w,
                height,
            };
            x += w + gutter;
            r
        })
        .collect()
}

/// The gutter for an output `width` pixels wide.
pub fn gutter_for(width: u32) -> u32 {
    ((u64::from(width) * u64::from(GUTTER_AT_2048) + 1024) / 2048).max(1) as u32
}

/// One photo of a composite, with the region (oriented pixels) it may be cut from.
pub struct CellSource<'a> {
    pub bytes: &'a [u8],
    pub path: &'a std::path::Path,
    pub orientation: u8,
    /// The oriented size of the photo.
    pub size: Size,
    /// The named crop it is shown in, or the whole photo.
    pub region: PixelRect,
    pub focus: Focus,
}

/// The canvas's height for `width` at `aspect` (a free aspect is 16:9).
pub fn canvas_height(width: u32, aspect: Aspect) -> u32 {
    match aspect {
        Aspect::Ratio(a, b) => {
            ((u64::from(width) * u64::from(b) + u64::from(a) / 2) / u64::from(a)) as u32
        }
        Aspect::Free => width * 9 / 16,
    }
    .max(1)
}

/// Renders the composite canvas.
pub(crate) fn render(sources: &[CellSource<'_>], width: u32, aspect: Aspect) -> Result<Raster> {
    let n = u32::try_from(sources.len()).unwrap_or(0);
    if !(2..=3).contains(&n) {
        return Err(Error::invalid(
            "photos",
            Text::new("composite-two-or-three"),
        ));
    }
    let height = canvas_height(width, aspect);
    let gutter = gutter_for(width);
    let mut canvas = vec![255u8; width as usize * height as usize * 3];
    let cells = cells(n, width, height, gutter);
    // Where each cell is cut from, in the raw pixels of its photo.
    let cuts: Vec<PixelRect> = cells
        .iter()
        .zip(sources)
        .map(|(cell, src)| {
            // The largest region of the cell's shape inside the photo's crop, around its focus.
            let region = src.region;
            let local = Focus {
                x: ((src.focus.x * f64::from(src.size.width) - f64::from(region.x))
                    / f64::from(region.width))
                .clamp(0.0, 1.0),
                y: ((src.focus.y * f64::from(src.size.height) - f64::from(region.y))
                    / f64::from(region.height))
                .clamp(0.0, 1.0),
            };
            let plan = CropPlan::new(
                Size::new(region.width, region.height),
                Aspect::Ratio(cell.width.max(1), cell.height.max(1)),
                local,
            )
            .pixels;
            let cut = PixelRect {
                x: region.x + plan.x,
                y: region.y + plan.y,
                ..plan
            };
            let raw_size = if rendition::swaps_sides(src.orientation) {
                Size::new(src.size.height, src.size.width)
            } else {
                src.size
            };
            rendition::raw_rect(cut, raw_size, src.orientation)
        })
        .collect();
    // Every original, from the export's cache when it is open.
    let wants: Vec<rendition::Want<'_>> = sources
        .iter()
        .zip(&cuts)
        .zip(&cells)
        .map(|((src, raw), cell)| rendition::Want {
            bytes: src.bytes,
            path: src.path,
            raw: *raw,
            out: if rendition::swaps_sides(src.orientation) {
                (cell.height, cell.width)
            } else {
                (cell.width, cell.height)
            },
        })
        .collect();
    let decoded = rendition::decode_regions(&wants)?;
    for ((cell, src), (decoded, scaled)) in cells.into_iter().zip(sources).zip(decoded) {
        let (rw, rh) = if rendition::swaps_sides(src.orientation) {
            (cell.height, cell.width)
        } else {
            (cell.width, cell.height)
        };
        let mut resized = rendition::resize(&decoded.raster, scaled, rw, rh)?;
        decoded.finish(&mut resized);
        let small = rendition::orient(resized, src.orientation);
        for row in 0..small.height.min(cell.height) {
            let from = (row * small.width * 3) as usize;
            let to = (((cell.y + row) * width + cell.x) * 3) as usize;
            let len = (small.width.min(cell.width) * 3) as usize;
            canvas[to..to + len].copy_from_slice(&small.rgb[from..from + len]);
        }
    }
    Ok(Raster {
        width,
        height,
        rgb: canvas,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(n: u32, width: u32, gutter: u32, expected: &[(u32, u32)]) {
        let got: Vec<(u32, u32)> = cells(n, width, 100, gutter)
            .iter()
            .map(|c| (c.x, c.width))
            .collect();
        assert_eq!(got, expected, "{n} cells in {width} with gutter {gutter}");
    }

    #[test]
    fn cells_fill_the_canvas_with_gutters_between() {
        check(2, 2048, 8, &[(0, 1020), (1028, 1020)]);
        check(3, 2048, 8, &[(0, 678), (686, 677), (1371, 677)]);
        check(2, 1200, 5, &[(0, 598), (603, 597)]);
        check(1, 600, 8, &[(0, 600)]);
        check(0, 600, 8, &[]);
    }

    fn fixture(name: &str) -> (std::path::PathBuf, Vec<u8>) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/fixtures/photos")
            .join(name);
        let bytes = std::fs::read(&path).expect("fixture");
        (path, bytes)
    }

    /// The export's shapes and widths of one composite, rendered inside one decode scope
    /// (each original decoded once) and each alone (decoded afresh): the same pixels, an
    /// oriented photo (EXIF 6: its cell cut from the raw pixels, then turned) included.
    #[test]
    fn a_cached_decode_makes_the_same_composite_and_decodes_each_original_once() {
        let files = [
            fixture("orient6-landscape.jpg"),
            fixture("meta-iptc-ref-std2024.1.jpg"),
        ];
        let sources: Vec<CellSource<'_>> = files
            .iter()
            .map(|(path, bytes)| {
                let info = crate::photo::inspect(bytes, path).expect("inspects");
                let size = Size::new(info.width, info.height);
                CellSource {
                    bytes,
                    path,
                    orientation: info.orientation,
                    size,
                    region: PixelRect {
                        x: 0,
                        y: 0,
                        width: size.width,
                        height: size.height,
                    },
                    focus: Focus { x: 0.3, y: 0.6 },
                }
            })
            .collect();
        assert_eq!(sources[0].orientation, 6);
        let asks = [
            (2048, Aspect::Ratio(16, 9)),
            (1200, Aspect::Ratio(16, 9)),
            (600, Aspect::Ratio(16, 9)),
            (1200, Aspect::Ratio(4, 3)),
            (1200, Aspect::Ratio(1, 1)),
        ];
        let scope = rendition::DecodeScope::open();
        let cached: Vec<Raster> = asks
            .iter()
            .map(|&(w, a)| render(&sources, w, a).expect("renders"))
            .collect();
        assert_eq!(scope.cache().decodes(), 2, "each original once");
        drop(scope);
        for (&(w, a), c) in asks.iter().zip(&cached) {
            let fresh = render(&sources, w, a).expect("renders");
            assert_eq!((fresh.width, fresh.height), (c.width, c.height));
            assert!(fresh.rgb == c.rgb, "{w} {a:?}: the cached decode differs");
        }
    }

    #[test]
    fn gutter_scales_with_the_width() {
        for (w, g) in [(2048, 8), (1200, 5), (600, 2), (100, 1), (4096, 16)] {
            assert_eq!(gutter_for(w), g, "{w}");
        }
    }
}
