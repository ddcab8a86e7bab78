//! Colour: turning the pixels of a photo that carries an ICC profile other than sRGB (Adobe
//! RGB from agencies, Display P3 from phones, a CMYK profile from print) into sRGB, the one
//! space every web page and every package is shown in, through Little CMS (`lcms2`).
//!
//! It owns the decision ([`ToSrgb::from_icc`]: no profile or an sRGB profile means nothing
//! to do, as browsers take an untagged photo as sRGB) and the transform itself; it does not
//! decide where in the pipeline pixels are converted (the rendition room converts the widest
//! resized copy, so a 22-megapixel photo is never converted whole) and it never touches an
//! original. It is the only file that imports `lcms2`. Every rendition is tagged with
//! [`srgb_icc`], the sRGB profile Little CMS builds, so a viewer never has to guess.

use std::sync::OnceLock;

use lcms2::{
    CIExyY, CIExyYTRIPLE, ColorSpaceSignature, Flags, InfoType, Intent, Locale, PixelFormat,
    Profile, ToneCurve, Transform,
};

/// Turns pixels of a photo's own colour space into sRGB.
pub(crate) struct ToSrgb {
    transform: Transform<u8, u8>,
    /// Whether the input is 4-channel CMYK (converted whole at decode) rather than RGB.
    pub cmyk: bool,
}

impl std::fmt::Debug for ToSrgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ToSrgb").field("cmyk", &self.cmyk).finish()
    }
}

/// What a photo's profile asks for.
#[derive(Debug)]
pub(crate) enum Plan {
    /// No profile, an sRGB profile, or one Little CMS cannot use: the pixels are sRGB as
    /// they are.
    AsIs,
    Convert(ToSrgb),
}

impl Plan {
    pub(crate) fn into_option(self) -> Option<ToSrgb> {
        match self {
            Plan::AsIs => None,
            Plan::Convert(t) => Some(t),
        }
    }
}

impl ToSrgb {
    /// The conversion for RGB pixels described only by the CIE xy of their red, green, blue
    /// and white (a HEIF's "nclx" box) with sRGB's tone curve: Display P3 from phones.
    pub(crate) fn from_primaries(p: [(f64, f64); 4]) -> Plan {
        let xy = |(x, y): (f64, f64)| CIExyY { x, y, Y: 1.0 };
        // IEC 61966-2-1's curve as Little CMS's parametric type 4.
        let Ok(curve) =
            ToneCurve::new_parametric(4, &[2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045])
        else {
            return Plan::AsIs;
        };
        let Ok(profile) = Profile::new_rgb(
            &xy(p[3]),
            &CIExyYTRIPLE {
                Red: xy(p[0]),
                Green: xy(p[1]),
                Blue: xy(p[2]),
            },
            &[&curve, &curve, &curve],
        ) else {
            return Plan::AsIs;
        };
        match profile.icc() {
            Ok(icc) => ToSrgb::from_icc(Some(&icc), false),
            Err(_) => Plan::AsIs,
        }
    }

    /// The conversion a photo with embedded profile `icc` needs; `cmyk` when its pixels are
    /// read as CMYK. A profile that cannot be read, or whose colour space does not match the
    /// pixels, is ignored: the photo is shown as if untagged, which is what browsers do.
    pub(crate) fn from_icc(icc: Option<&[u8]>, cmyk: bool) -> Plan {
        let Some(icc) = icc.filter(|i| !i.is_empty()) else {
            return Plan::AsIs;
        };
        let Ok(profile) = Profile::new_icc(icc) else {
            return Plan::AsIs;
        };
        let (format, want) = if cmyk {
            (PixelFormat::CMYK_8, ColorSpaceSignature::CmykData)
        } else {
            (PixelFormat::RGB_8, ColorSpaceSignature::RgbData)
        };
        if profile.color_space() != want || (!cmyk && is_srgb(&profile)) {
            return Plan::AsIs;
        }
        // Perceptual, as ImageMagick's `-profile` and Photoshop's "Convert to Profile" default;
        // for the matrix profiles of Adobe RGB and Display P3 it is relative colorimetric.
        match Transform::new_flags(
            &profile,
            format,
            &srgb(),
            PixelFormat::RGB_8,
            Intent::Perceptual,
            Flags::default(),
        ) {
            Ok(transform) => Plan::Convert(ToSrgb { transform, cmyk }),
            Err(_) => Plan::AsIs,
        }
    }

    /// Converts 8-bit RGB pixels in place (an RGB profile only).
    pub(crate) fn apply(&self, rgb: &mut [u8]) {
        if !self.cmyk {
            self.transform.transform_in_place(rgb);
        }
    }

    /// Converts 8-bit CMYK pixels (4 bytes each) into 8-bit RGB (a CMYK profile only).
    pub(crate) fn cmyk_to_rgb(&self, cmyk: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; cmyk.len() / 4 * 3];
        if self.cmyk {
            self.transform.transform_pixels(cmyk, &mut out);
        }
        out
    }
}

/// Whether `profile` is sRGB: by its description, as every sRGB profile in circulation
/// (HP's, Apple's, Little CMS's, Android's, the compact ones) says so there.
fn is_srgb(profile: &Profile) -> bool {
    profile
        .info(InfoType::Description, Locale::none())
        .is_some_and(|d| d.to_ascii_lowercase().contains("srgb"))
}

/// Whether the ICC profile bytes `icc` describe sRGB (or cannot be read, and so are taken
/// as sRGB).
pub(crate) fn is_srgb_icc(icc: &[u8]) -> bool {
    Profile::new_icc(icc).map_or(true, |p| {
        p.color_space() != ColorSpaceSignature::RgbData || is_srgb(&p)
    })
}

fn srgb() -> Profile {
    Profile::new_srgb()
}

/// The sRGB ICC profile embedded in every rendition (Little CMS's own, built once).
pub(crate) fn srgb_icc() -> &'static [u8] {
    static ICC: OnceLock<Vec<u8>> = OnceLock::new();
    ICC.get_or_init(|| srgb().icc().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb_profile(primaries: [(f64, f64); 3], gamma: f64) -> Vec<u8> {
        let xy = |(x, y): (f64, f64)| CIExyY { x, y, Y: 1.0 };
        let curve = ToneCurve::new(gamma);
        let p = Profile::new_rgb(
            &xy((0.3127, 0.3290)),
            &CIExyYTRIPLE {
                Red: xy(primaries[0]),
                Green: xy(primaries[1]),
                Blue: xy(primaries[2]),
            },
            &[&curve, &curve, &curve],
        )
        .expect("an RGB profile");
        p.icc().expect("ICC bytes")
    }

    #[test]
    fn srgb_and_untagged_photos_are_left_as_they_are() {
        assert!(matches!(ToSrgb::from_icc(None, false), Plan::AsIs));
        assert!(matches!(
            ToSrgb::from_icc(Some(srgb_icc()), false),
            Plan::AsIs
        ));
        assert!(matches!(
            ToSrgb::from_icc(Some(b"not a profile"), false),
            Plan::AsIs
        ));
        assert!(is_srgb_icc(srgb_icc()));
    }

    /// Adobe RGB (1998): a saturated green of its own is outside sRGB, so converting it
    /// lowers red and blue to their floor and keeps green high; a neutral grey stays grey.
    #[test]
    fn adobe_rgb_green_becomes_the_srgb_green_it_looks_like() {
        let adobe = rgb_profile([(0.64, 0.33), (0.21, 0.71), (0.15, 0.06)], 563.0 / 256.0);
        let Plan::Convert(t) = ToSrgb::from_icc(Some(&adobe), false) else {
            panic!("Adobe RGB is converted");
        };
        let mut px = [0u8, 200, 0, 128, 128, 128];
        t.apply(&mut px);
        assert!(px[0] == 0 && px[1] >= 195 && px[2] == 0, "{px:?}");
        assert!(
            px[3].abs_diff(px[4]) <= 1 && px[4].abs_diff(px[5]) <= 1,
            "{px:?}"
        );
    }
}
