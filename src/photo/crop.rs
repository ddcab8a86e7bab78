//! Crop maths: aspect presets, the largest crop of an aspect around a focal point, and the
//! conversion between stored fractions and pixels. Pure functions over sizes — no pixels, no
//! disk — so every rule is tested in one line, as Zola tests its `ResizeInstructions`.
//!
//! Crops are stored as fractions of the *oriented* original, so a crop made on a phone's
//! portrait photo stays right whatever the file's EXIF orientation says.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::Focus;

/// A crop's shape: a preset ratio or free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    Ratio(u32, u32),
    Free,
}

impl Aspect {
    /// The presets a photo editor picks from.
    pub const PRESETS: [Aspect; 6] = [
        Aspect::Ratio(16, 9),
        Aspect::Ratio(4, 3),
        Aspect::Ratio(3, 2),
        Aspect::Ratio(1, 1),
        Aspect::Ratio(4, 5),
        Aspect::Free,
    ];

    /// Parses "16:9", "16x9", "4/5" or "free". Any positive ratio up to 10:1 is accepted.
    pub fn parse(s: &str) -> Result<Aspect> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("free") {
            return Ok(Aspect::Free);
        }
        let bad = || Error::invalid("aspect", Text::new("crop-bad-aspect").arg("aspect", s));
        let (a, b) = s.split_once([':', 'x', '/']).ok_or_else(bad)?;
        let a: u32 = a.trim().parse().map_err(|_| bad())?;
        let b: u32 = b.trim().parse().map_err(|_| bad())?;
        if a == 0 || b == 0 || a > 10 * b || b > 10 * a {
            return Err(bad());
        }
        Ok(Aspect::Ratio(a, b))
    }

    pub fn label(self) -> String {
        match self {
            Aspect::Ratio(a, b) => format!("{a}:{b}"),
            Aspect::Free => "free".into(),
        }
    }
}

/// A size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

impl Size {
    pub fn new(width: u32, height: u32) -> Size {
        Size { width, height }
    }
}

/// A rectangle in pixels of the oriented original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct PixelRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// A rectangle as fractions (0..=1) of the oriented original: how crops are stored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct CropRect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl CropRect {
    pub const WHOLE: CropRect = CropRect {
        x: 0.0,
        y: 0.0,
        w: 1.0,
        h: 1.0,
    };

    /// Checks a rectangle that came from a person (a free crop dragged in the UI).
    pub fn validated(self) -> Result<CropRect> {
        let ok = [self.x, self.y, self.w, self.h]
            .iter()
            .all(|v| v.is_finite())
            && self.x >= 0.0
            && self.y >= 0.0
            && self.w > 0.0
            && self.h > 0.0
            && self.x + self.w <= 1.0 + 1e-9
            && self.y + self.h <= 1.0 + 1e-9;
        if ok {
            Ok(self)
        } else {
            Err(Error::invalid("crop", Text::new("crop-outside")))
        }
    }

    /// The rectangle in pixels of a photo of `size`, at least one pixel, inside the photo.
    pub fn to_pixels(self, size: Size) -> PixelRect {
        let (w, h) = (f64::from(size.width), f64::from(size.height));
        let x = (self.x * w).round().clamp(0.0, w - 1.0) as u32;
        let y = (self.y * h).round().clamp(0.0, h - 1.0) as u32;
        let width = ((self.w * w).round() as u32).clamp(1, size.width - x);
        let height = ((self.h * h).round() as u32).clamp(1, size.height - y);
        PixelRect {
            x,
            y,
            width,
            height,
        }
    }
}

/// The crop Dateline proposes for an aspect: the largest rectangle of that aspect, centred
/// on the focal point as far as the photo's edges allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CropPlan {
    pub pixels: PixelRect,
    pub rect: CropRect,
}

impl CropPlan {
    pub fn new(photo: Size, aspect: Aspect, focus: Focus) -> CropPlan {
        let (pw, ph) = (u64::from(photo.width), u64::from(photo.height));
        let (w, h) = match aspect {
            Aspect::Free => (pw, ph),
            // Compare pw/ph with a/b in integers so 1:1 of a square photo is exact.
            Aspect::Ratio(a, b) if pw * u64::from(b) > ph * u64::from(a) => {
                (div_round(ph * u64::from(a), u64::from(b)).clamp(1, pw), ph)
            }
            Aspect::Ratio(a, b) => (pw, div_round(pw * u64::from(b), u64::from(a)).clamp(1, ph)),
        };
        let place = |len: u64, full: u64, f: f64| -> u64 {
            let f = if f.is_finite() {
                f.clamp(0.0, 1.0)
            } else {
                0.5
            };
            let centre = f * full as f64;
            (centre - len as f64 / 2.0)
                .round()
                .clamp(0.0, (full - len) as f64) as u64
        };
        let pixels = PixelRect {
            x: place(w, pw, focus.x) as u32,
            y: place(h, ph, focus.y) as u32,
            width: w as u32,
            height: h as u32,
        };
        let rect = CropRect {
            x: f64::from(pixels.x) / pw as f64,
            y: f64::from(pixels.y) / ph as f64,
            w: f64::from(pixels.width) / pw as f64,
            h: f64::from(pixels.height) / ph as f64,
        };
        CropPlan { pixels, rect }
    }
}

fn div_round(n: u64, d: u64) -> u64 {
    (n + d / 2) / d
}

/// Warnings about a crop, as data: a crop narrower than the widest rendition will be
/// delivered smaller than asked (Dateline never upscales).
pub fn crop_warnings(pixels: PixelRect, widest_rendition: u32) -> Vec<String> {
    if pixels.width < widest_rendition {
        vec![crate::i18n::Text::new("crop-narrow")
            .arg("width", i64::from(pixels.width))
            .arg("widest", i64::from(widest_rendition))
            .local()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `photo` W×H, `aspect`, focus (x, y) → expected pixel rect (x, y, w, h).
    fn check(photo: (u32, u32), aspect: &str, focus: (f64, f64), expected: (u32, u32, u32, u32)) {
        let plan = CropPlan::new(
            Size::new(photo.0, photo.1),
            Aspect::parse(aspect).expect("valid aspect"),
            Focus {
                x: focus.0,
                y: focus.1,
            },
        );
        let p = plan.pixels;
        assert_eq!(
            (p.x, p.y, p.width, p.height),
            expected,
            "{photo:?} {aspect} at {focus:?}"
        );
        // The stored fractions give back the same pixels.
        assert_eq!(plan.rect.to_pixels(Size::new(photo.0, photo.1)), p);
    }

    #[test]
    fn largest_crop_of_the_aspect_around_the_focus() {
        check((6000, 4000), "16:9", (0.5, 0.5), (0, 313, 6000, 3375));
        check((6000, 4000), "16:9", (0.5, 0.0), (0, 0, 6000, 3375));
        check((6000, 4000), "16:9", (0.5, 1.0), (0, 625, 6000, 3375));
        check((6000, 4000), "3:2", (0.1, 0.9), (0, 0, 6000, 4000));
        check((6000, 4000), "1:1", (0.5, 0.5), (1000, 0, 4000, 4000));
        check((6000, 4000), "1:1", (0.0, 0.5), (0, 0, 4000, 4000));
        check((6000, 4000), "1:1", (1.0, 0.5), (2000, 0, 4000, 4000));
        check((6000, 4000), "1:1", (0.4, 0.5), (400, 0, 4000, 4000));
        check((6000, 4000), "4:5", (0.5, 0.5), (1400, 0, 3200, 4000));
        check((6000, 4000), "4:5", (0.75, 0.5), (2800, 0, 3200, 4000));
        check((6000, 4000), "4:3", (0.5, 0.5), (334, 0, 5333, 4000));
        check((4000, 6000), "16:9", (0.5, 0.2), (0, 75, 4000, 2250));
        check((4000, 6000), "4:5", (0.5, 0.5), (0, 500, 4000, 5000));
        check((1000, 1000), "1:1", (0.3, 0.3), (0, 0, 1000, 1000));
        check((1000, 500), "free", (0.9, 0.9), (0, 0, 1000, 500));
        check((3, 1000), "16:9", (0.5, 0.5), (0, 499, 3, 2));
        check((1, 1), "16:9", (0.5, 0.5), (0, 0, 1, 1));
        check((6000, 4000), "16:9", (f64::NAN, 2.0), (0, 625, 6000, 3375));
    }

    #[test]
    fn aspects_parse_once_at_the_edge() {
        for (s, ok) in [
            ("16:9", true),
            ("4x5", true),
            ("3/2", true),
            ("FREE", true),
            ("0:9", false),
            ("16:", false),
            ("wide", false),
            ("100:1", false),
        ] {
            assert_eq!(Aspect::parse(s).is_ok(), ok, "{s}");
        }
        assert_eq!(
            Aspect::parse(" 16:9 ").map(Aspect::label).ok().as_deref(),
            Some("16:9")
        );
    }

    #[test]
    fn fractions_outside_the_photo_are_refused() {
        let r = |x, y, w, h| CropRect { x, y, w, h }.validated().is_ok();
        assert!(r(0.0, 0.0, 1.0, 1.0));
        assert!(r(0.25, 0.25, 0.5, 0.5));
        assert!(!r(0.6, 0.0, 0.5, 1.0));
        assert!(!r(0.0, 0.0, 0.0, 1.0));
        assert!(!r(-0.1, 0.0, 0.5, 0.5));
        assert!(!r(f64::NAN, 0.0, 0.5, 0.5));
    }

    #[test]
    fn a_crop_narrower_than_the_widest_rendition_is_a_warning() {
        let rect = |width| PixelRect {
            x: 0,
            y: 0,
            width,
            height: 10,
        };
        assert_eq!(crop_warnings(rect(1500), 2048).len(), 1);
        assert!(crop_warnings(rect(2048), 2048).is_empty());
    }
}
