//! The one seam between the export and the photo desk: "give me the renditions of this
//! image", answered with files and their facts.
//!
//! Inputs are the photos (one, or two or three for a composite hero), the aspect, the widths
//! and the formats; outputs are [`ImageFile`]s — a cached file made by the photo room with its
//! credits embedded in XMP and IIM, its pixel size, content type, aspect ratio and point of
//! interest. Everything about pixels (decoding, cropping, resizing, encoding, embedding
//! credits, caching) is the photo room's; this file only decides *which* crop each output is
//! cut from (a pure function of the photo's size, focus and named crops) and asks for it.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use crate::error::{Error, Result};
use crate::model::{Crop, Focus, HeroPhoto, Photo, PhotoId};
use crate::photo::embed::Credits;
use crate::photo::rendition::{self, Format, RenditionOptions};
use crate::photo::{composite, Aspect, CompositeOutput, CropPlan, CropRect, PixelRect, Size};
use crate::settings::HouseWords;

/// What the export asks of the photo desk (the workspace answers): the photos, their crops,
/// their originals, where renditions are cached, and composites.
pub trait PhotoSource {
    fn photo(&self, id: PhotoId) -> Result<Photo>;
    fn crops(&self, id: PhotoId) -> Result<Vec<Crop>>;
    /// The path of the photo's untouched original.
    fn original(&self, id: PhotoId) -> Result<PathBuf>;
    fn renditions_dir(&self) -> PathBuf;
    /// A composite hero of `photos` side by side at `width` and `aspect`, with its credits
    /// (the caption embedded in the files in the house words `words` of the story's language).
    fn composite(
        &self,
        photos: &[HeroPhoto],
        width: u32,
        aspect: &str,
        edited_by: Option<&str>,
        words: &HouseWords,
        cancel: &AtomicBool,
    ) -> Result<CompositeOutput>;
}

/// A point of interest in a rendition, in its pixels from the top left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Poi {
    pub x: u32,
    pub y: u32,
}

/// One rendition for the package.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageFile {
    /// The cached file the photo room made (credits embedded).
    pub source: PathBuf,
    pub format: Format,
    pub width: u32,
    pub height: u32,
    /// Size of the file in bytes.
    pub bytes: u64,
    /// "16:9", "4:3", "1:1", "3:2", …
    pub aspect_ratio: String,
    pub poi: Option<Poi>,
}

impl ImageFile {
    /// The photo room's rendition `r`, as a file of the package.
    fn from_rendition(r: rendition::Rendition, aspect_ratio: &str, poi: Poi) -> ImageFile {
        ImageFile {
            poi: Some(poi),
            source: r.path,
            format: r.format,
            width: r.width,
            height: r.height,
            bytes: r.bytes,
            aspect_ratio: aspect_ratio.to_string(),
        }
    }

    pub fn content_type(&self) -> &'static str {
        match self.format {
            Format::Jpeg => "image/jpeg",
            Format::Webp => "image/webp",
        }
    }
}

/// What the package asks of the photo desk.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageRequest<'a> {
    /// One photo, or two or three side by side (a composite hero).
    pub photos: &'a [HeroPhoto],
    /// The shape; `None` keeps the named crop's (or the whole photo's) own shape.
    pub aspect: Option<Aspect>,
    pub widths: &'a [u32],
    pub formats: &'a [Format],
    /// Ends a composite's caption ("Edited by …").
    pub edited_by: Option<&'a str>,
    /// The credit words of the story's language, for a composite's embedded caption.
    pub words: &'a HouseWords,
}

/// The renditions of `req`, widest first, and what the photo desk wants the editor to know.
pub fn renditions(
    ws: &dyn PhotoSource,
    req: &ImageRequest<'_>,
    cancel: &AtomicBool,
) -> Result<(Vec<ImageFile>, Vec<String>)> {
    match req.photos {
        [] => Ok((Vec::new(), Vec::new())),
        [one] => single(ws, one, req, cancel),
        many => composite_set(ws, many, req, cancel),
    }
}

/// A single photo: its named crop (or the whole photo), or the largest crop of `aspect`
/// around its focal point inside that.
fn single(
    ws: &dyn PhotoSource,
    h: &HeroPhoto,
    req: &ImageRequest<'_>,
    cancel: &AtomicBool,
) -> Result<(Vec<ImageFile>, Vec<String>)> {
    let photo = ws.photo(h.photo_id)?;
    let size = Size::new(photo.width, photo.height);
    let crops = ws.crops(photo.id)?;
    let named = match h.crop.as_deref() {
        Some(name) => Some(
            crops
                .iter()
                .find(|c| c.name == name.trim())
                .ok_or_else(|| {
                    Error::not_found("crop", format!("“{name}” of photo {}", photo.id))
                })?,
        ),
        None => None,
    };
    let region = named
        .map(|c| CropRect {
            x: c.x,
            y: c.y,
            w: c.w,
            h: c.h,
        })
        .unwrap_or(CropRect::WHOLE)
        .to_pixels(size);
    let (crop, label) = plan(&photo, region, named.map(|c| c.aspect.as_str()), req.aspect);
    let path = ws.original(photo.id)?;
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let info = crate::photo::inspect(&bytes, &path)?;
    let opts = RenditionOptions {
        widths: req.widths.to_vec(),
        formats: req.formats.to_vec(),
        ..RenditionOptions::default()
    };
    let set = rendition::render_set(
        &rendition::Source {
            bytes: &bytes,
            path: &path,
            sha256: &photo.sha256,
            orientation: info.orientation,
            crop,
        },
        &Credits::from_fields(&photo.fields),
        &opts,
        &ws.renditions_dir(),
        &|_| {},
        cancel,
    )?;
    let files = set
        .outputs
        .into_iter()
        .map(|r| {
            let poi = poi_in(photo.focus, size, crop, r.width, r.height);
            ImageFile::from_rendition(r, &label, poi)
        })
        .collect();
    Ok((files, set.warnings))
}

/// Which pixels a single photo's rendition is cut from, and the aspect label it carries.
/// Pure: the named crop (or whole photo) `region`, narrowed to `aspect` around the focus when
/// the region is not already of that shape.
pub fn plan(
    photo: &Photo,
    region: PixelRect,
    region_aspect: Option<&str>,
    aspect: Option<Aspect>,
) -> (PixelRect, String) {
    match aspect {
        Some(a @ Aspect::Ratio(..)) if region_aspect != Some(a.label().as_str()) => {
            let size = Size::new(photo.width, photo.height);
            let local = Focus {
                x: ((photo.focus.x * f64::from(size.width) - f64::from(region.x))
                    / f64::from(region.width.max(1)))
                .clamp(0.0, 1.0),
                y: ((photo.focus.y * f64::from(size.height) - f64::from(region.y))
                    / f64::from(region.height.max(1)))
                .clamp(0.0, 1.0),
            };
            let p = CropPlan::new(Size::new(region.width, region.height), a, local).pixels;
            (
                PixelRect {
                    x: region.x + p.x,
                    y: region.y + p.y,
                    ..p
                },
                a.label(),
            )
        }
        _ => {
            let label = region_aspect
                .filter(|a| *a != "free")
                .map(str::to_string)
                .unwrap_or_else(|| ratio_label(region.width, region.height));
            (region, label)
        }
    }
}

/// "3:2" for 2400 × 1600; the exact ratio when it does not reduce to small numbers.
pub fn ratio_label(w: u32, h: u32) -> String {
    fn gcd(a: u32, b: u32) -> u32 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    let g = gcd(w, h).max(1);
    format!("{}:{}", w / g, h / g)
}

/// Where the photo's focal point lands in a rendition `w` × `h` of `crop`.
fn poi_in(focus: Focus, size: Size, crop: PixelRect, w: u32, h: u32) -> Poi {
    let fx = focus.x * f64::from(size.width) - f64::from(crop.x);
    let fy = focus.y * f64::from(size.height) - f64::from(crop.y);
    let x = fx * f64::from(w) / f64::from(crop.width.max(1));
    let y = fy * f64::from(h) / f64::from(crop.height.max(1));
    Poi {
        x: x.round().clamp(0.0, f64::from(w.saturating_sub(1))) as u32,
        y: y.round().clamp(0.0, f64::from(h.saturating_sub(1))) as u32,
    }
}

/// A composite hero: the photo room's composite at each width, in the asked formats.
fn composite_set(
    ws: &dyn PhotoSource,
    photos: &[HeroPhoto],
    req: &ImageRequest<'_>,
    cancel: &AtomicBool,
) -> Result<(Vec<ImageFile>, Vec<String>)> {
    let aspect = req.aspect.unwrap_or(Aspect::Ratio(16, 9));
    let label = aspect.label();
    let first = ws.photo(photos[0].photo_id)?;
    let mut files = Vec::new();
    for &width in req.widths {
        let out = ws.composite(photos, width, &label, req.edited_by, req.words, cancel)?;
        for r in out.outputs {
            if !req.formats.contains(&r.format) {
                continue;
            }
            let poi = composite_poi(&first, photos.len(), r.width, r.height);
            files.push(ImageFile::from_rendition(r, &label, poi));
        }
    }
    files.sort_by(|a, b| {
        b.width
            .cmp(&a.width)
            .then(a.format.extension().cmp(b.format.extension()))
    });
    Ok((files, Vec::new()))
}

/// The point of interest of a composite: the first photo's focal point, in its cell (the
/// photo room fills each cell around its photo's focus, from the whole photo).
fn composite_poi(first: &Photo, n: usize, w: u32, h: u32) -> Poi {
    let cells = composite::cells(n as u32, w, h, composite::gutter_for(w));
    let Some(cell) = cells.first() else {
        return Poi { x: w / 2, y: h / 2 };
    };
    let size = Size::new(first.width, first.height);
    let cut = CropPlan::new(
        size,
        Aspect::Ratio(cell.width.max(1), cell.height.max(1)),
        first.focus,
    )
    .pixels;
    let p = poi_in(first.focus, size, cut, cell.width, cell.height);
    Poi {
        x: cell.x + p.x,
        y: cell.y + p.y,
    }
}

/// Copies every rendition into the package's `images/`, byte for byte as the photo room
/// made it (so its embedded credits travel with it).
pub struct ImagesExporter;

impl super::Exporter for ImagesExporter {
    fn name(&self) -> &'static str {
        "export-step-photos"
    }

    fn write(&self, p: &super::Package, sink: &mut super::Sink) -> Result<()> {
        for img in p.images() {
            let bytes =
                std::fs::read(&img.file.source).map_err(|e| Error::io(&img.file.source, e))?;
            sink.put(&img.href, bytes)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_labels_reduce() {
        for (w, h, l) in [
            (2400, 1600, "3:2"),
            (1920, 1080, "16:9"),
            (1001, 1000, "1001:1000"),
        ] {
            assert_eq!(ratio_label(w, h), l);
        }
    }

    /// A whole export of a composite hero (16:9 at three widths, then 4:3 and 1:1) decodes
    /// each of its two originals once; the test's own scope shares the export's cache, so its
    /// counter sees every decode of the export.
    #[test]
    fn one_export_decodes_each_original_once() {
        use crate::model::{ArticleDraft, Byline, Hero, PhotoFields};
        let dir = tempfile::tempdir().expect("temp dir");
        let mut ws = crate::Workspace::open(dir.path()).expect("opens");
        ws.set_identity("Lucía Méndez").expect("identity");
        let fixtures =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/photos");
        let mut photos = Vec::new();
        for name in ["orient6-landscape.jpg", "meta-iptc-ref-std2024.1.jpg"] {
            let p = ws.import_photo(&fixtures.join(name)).expect("imports");
            let fields = PhotoFields {
                caption: "A test photo.".into(),
                creator: "Ana Ruiz".into(),
                agency: "Dateline".into(),
                alt_text: "A test photo".into(),
                ..p.fields.clone()
            };
            ws.update_photo(p.id, fields, p.focus).expect("saves");
            photos.push(HeroPhoto {
                photo_id: p.id,
                crop: None,
            });
        }
        let a = ws
            .create_article(ArticleDraft {
                headline: "Two photos side by side".into(),
                body: "The text.\n".into(),
                dateline: "OAXACA".into(),
                bylines: vec![Byline {
                    name: "Lucía Méndez".into(),
                    role: None,
                    author_id: None,
                }],
                hero: Some(Hero {
                    photos,
                    edited_by: None,
                }),
                ..Default::default()
            })
            .expect("creates");
        let out = tempfile::tempdir().expect("temp dir");
        let scope = rendition::DecodeScope::open();
        let report = ws
            .export(
                &a.slug,
                out.path(),
                &crate::export::ExportOptions::default(),
                &|_| {},
                &AtomicBool::new(false),
            )
            .expect("exports");
        assert_eq!(scope.cache().decodes(), 2, "each original once");
        let hero: Vec<&String> = report
            .files
            .iter()
            .filter(|f| f.starts_with("images/hero-"))
            .collect();
        assert_eq!(hero.len(), 8, "{hero:?}");
        drop(scope);
    }

    #[test]
    fn the_focal_point_lands_inside_the_rendition() {
        let size = Size::new(2400, 1600);
        let crop = PixelRect {
            x: 400,
            y: 0,
            width: 1600,
            height: 900,
        };
        let p = poi_in(Focus { x: 0.5, y: 0.5 }, size, crop, 800, 450);
        assert_eq!(p, Poi { x: 400, y: 400 });
        let p = poi_in(Focus { x: 0.0, y: 1.0 }, size, crop, 800, 450);
        assert_eq!(p, Poi { x: 0, y: 449 });
    }
}
