//! Composite heroes: two or three photos side by side, each filling its cell around its own
//! focal point, separated by a white gutter, as the model article's lead image.
//!
//! The layout is pure ([`cells`]); pixels are cut with the same raw-region decoding as
//! renditions, so a rotated phone photo takes its place upright. The composite keeps each
//! photo's fields: its caption line and embedded credits name every photographer.

use super::crop::{Aspect, CropPlan, PixelRect, Size};
use super::embed::Credits;
use super::rendition::{self, Raster};
use crate::error::{Error, Result};
use crate::model::{Focus, PhotoFields};

/// The gutter at 2048 pixels wide; it scales with the output.
pub const GUTTER_AT_2048: u32 = 8;

/// The credits a composite carries: every photo's creator, credit, rights and usage terms
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
        creator: join(|c| &c.creator),
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
            "A composite hero puts two or three photos side by side.",
        ));
    }
    let height = canvas_height(width, aspect);
    let gutter = gutter_for(width);
    let mut canvas = vec![255u8; width as usize * height as usize * 3];
    for (cell, src) in cells(n, width, height, gutter).into_iter().zip(sources) {
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
        let swap = rendition::swaps_sides(src.orientation);
        let raw_size = if swap {
            Size::new(src.size.height, src.size.width)
        } else {
            src.size
        };
        let raw = rendition::raw_rect(cut, raw_size, src.orientation);
        let (decoded, scaled) = rendition::decode_region(src.bytes, src.path, raw)?;
        let (rw, rh) = if swap {
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

    #[test]
    fn gutter_scales_with_the_width() {
        for (w, g) in [(2048, 8), (1200, 5), (600, 2), (100, 1), (4096, 16)] {
            assert_eq!(gutter_for(w), g, "{w}");
        }
    }
}
