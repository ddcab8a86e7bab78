//! `dateline photo …`: import, list, show, edit the fields of one photo or many at once, crop,
//! make renditions and thumbnails, and keep the desk's code replacements (`=rtr=` → Reuters).

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use clap::{ArgGroup, Subcommand};
use dateline::model::{Focus, Photo};
use dateline::photo::{CropRequest, FieldsPatch, RenditionOptions};
use dateline::{Error, Workspace};

use crate::output::Out;

#[derive(Subcommand)]
pub enum PhotoCmd {
    /// Import photo files (JPEG, PNG, WebP); the same file twice is the same photo.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the photos with their oriented size and credit line.
    List,
    /// Show a photo's fields, size, crops and the metadata its file carries.
    Show { id: i64 },
    /// Set fields on one photo or several at once, as the window's batch form does: only the
    /// fields given change, the desk's codes (`=rtr=`) are expanded, and every photo changes
    /// or none does.
    #[command(group(
        ArgGroup::new("fields")
            .required(true)
            .multiple(true)
            .args(["caption", "creator", "agency", "distributor", "copyright", "alt_text", "usage_terms"])
    ))]
    Edit {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        #[arg(long)]
        caption: Option<String>,
        /// The photographer.
        #[arg(long)]
        creator: Option<String>,
        #[arg(long)]
        agency: Option<String>,
        /// The distributor, as in "Bloomberg via Getty Images".
        #[arg(long = "via", value_name = "DISTRIBUTOR")]
        distributor: Option<String>,
        #[arg(long)]
        copyright: Option<String>,
        /// The alt text: what the photo shows, for readers who cannot see it.
        #[arg(long = "alt", value_name = "TEXT")]
        alt_text: Option<String>,
        #[arg(long)]
        usage_terms: Option<String>,
    },
    /// The desk's code replacements, expanded in photo fields (`=rtr=` → "Reuters").
    #[command(subcommand)]
    Codes(CodesCmd),
    /// Make the photo's 480-pixel thumbnail (or find it in the cache) and print its path.
    Thumbnail {
        id: i64,
        /// Also copy the thumbnail to this file.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Save a named crop: the largest of the aspect around the focal point.
    Crop {
        id: i64,
        #[arg(long)]
        name: String,
        /// 16:9, 4:3, 3:2, 1:1, 4:5 or free.
        #[arg(long, default_value = "16:9")]
        aspect: String,
        /// The focal point as x,y fractions of the photo (0–1), e.g. 0.3,0.4.
        #[arg(long, value_name = "X,Y")]
        focus: Option<String>,
    },
    /// Make the crop's renditions (2048, 1200, 600 px; JPEG and WebP) and copy them to DIR.
    Renditions {
        id: i64,
        #[arg(long)]
        crop: String,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Widths to make, comma-separated.
        #[arg(long, value_delimiter = ',', default_value = "2048,1200,600")]
        widths: Vec<u32>,
    },
}

#[derive(Subcommand)]
pub enum CodesCmd {
    /// List the codes and what each expands to.
    List,
    /// Add a code, or change what it expands to.
    Add { code: String, expansion: String },
    /// Remove a code.
    Remove { code: String },
}

pub fn run(cmd: PhotoCmd, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    match cmd {
        PhotoCmd::Edit {
            ids,
            caption,
            creator,
            agency,
            distributor,
            copyright,
            alt_text,
            usage_terms,
        } => {
            let patch = FieldsPatch {
                caption,
                creator,
                agency,
                distributor,
                copyright,
                alt_text,
                usage_terms,
            };
            let photos = ws.apply_photo_fields(&ids, &patch)?;
            out.list(&photos, line);
        }
        PhotoCmd::Codes(CodesCmd::List) => {
            let codes = ws.code_replacements()?;
            out.list(&codes, |c| format!("{:<12} {}", c.code, c.expansion));
        }
        PhotoCmd::Codes(CodesCmd::Add { code, expansion }) => {
            let c = ws.set_code_replacement(&code, &expansion)?;
            out.value(&c, || format!("{} → {}", c.code, c.expansion));
        }
        PhotoCmd::Codes(CodesCmd::Remove { code }) => {
            ws.remove_code_replacement(&code)?;
            out.value(&serde_json::json!({ "removed": code.trim() }), || {
                format!("Removed {}", code.trim())
            });
        }
        PhotoCmd::Thumbnail { id, out: copy } => {
            let path = ws.thumbnail_job(id)?.make()?;
            if let Some(dest) = &copy {
                std::fs::copy(&path, dest).map_err(|e| Error::io(dest, e))?;
            }
            let shown = copy.unwrap_or(path);
            out.value(&serde_json::json!({ "photo": id, "path": shown }), || {
                shown.display().to_string()
            });
        }
        PhotoCmd::Import { files } => {
            let mut photos = Vec::new();
            for f in &files {
                photos.push(ws.import_photo(f)?);
            }
            out.value(&photos, || {
                photos.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        PhotoCmd::List => {
            let photos = ws.photos()?;
            out.value(&photos, || {
                photos.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        PhotoCmd::Show { id } => {
            let photo = ws.photo(id)?;
            let metadata = ws.photo_metadata(id)?;
            let crops = ws.crops(id)?;
            let all = serde_json::json!({ "photo": photo, "crops": crops, "metadata": metadata });
            out.value(&all, || {
                serde_json::to_string_pretty(&all).unwrap_or_else(|e| e.to_string())
            });
        }
        PhotoCmd::Crop {
            id,
            name,
            aspect,
            focus,
        } => {
            let focus = focus.map(|f| parse_focus(&f)).transpose()?;
            let c = ws.set_crop(
                id,
                CropRequest {
                    name,
                    aspect,
                    focus,
                    rect: None,
                },
            )?;
            out.value(&c, || {
                let mut s = format!(
                    "Crop “{}” of photo {id}: {} × {} at {},{} ({})",
                    c.crop.name,
                    c.pixels.width,
                    c.pixels.height,
                    c.pixels.x,
                    c.pixels.y,
                    c.crop.aspect
                );
                for w in &c.warnings {
                    s.push_str(&format!("\nwarning: {w}"));
                }
                s
            });
        }
        PhotoCmd::Renditions {
            id,
            crop,
            out: dir,
            widths,
        } => {
            let opts = RenditionOptions {
                widths,
                ..Default::default()
            };
            let cancel = AtomicBool::new(false);
            let set = ws.render_crop(id, &crop, &opts, &|_| {}, &cancel)?;
            std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
            let mut copied = Vec::new();
            for r in &set.outputs {
                let name = format!("photo{id}-{crop}-{}.{}", r.width, r.format.extension());
                let dest = dir.join(name);
                std::fs::copy(&r.path, &dest).map_err(|e| Error::io(&dest, e))?;
                copied.push(
                    serde_json::json!({ "path": dest, "width": r.width, "height": r.height,
                    "format": r.format, "bytes": r.bytes, "cached": r.cached }),
                );
            }
            let report = serde_json::json!({ "outputs": copied, "warnings": set.warnings });
            out.value(&report, || {
                let mut lines: Vec<String> = set
                    .outputs
                    .iter()
                    .map(|r| {
                        format!(
                            "{:>5} × {:<5} {:<4} {:>8} bytes{}",
                            r.width,
                            r.height,
                            r.format.extension(),
                            r.bytes,
                            if r.cached { "  (cached)" } else { "" }
                        )
                    })
                    .collect();
                lines.extend(set.warnings.iter().map(|w| format!("warning: {w}")));
                lines.join("\n")
            });
        }
    }
    Ok(())
}

fn line(p: &Photo) -> String {
    format!(
        "{:>5}  {:>5} × {:<5} {}  {}",
        p.id, p.width, p.height, p.original_name, p.credit_line
    )
}

fn parse_focus(s: &str) -> Result<Focus, Error> {
    let bad = || {
        Error::invalid(
            "focus",
            format!("“{s}” is not a focal point: use x,y such as 0.5,0.3."),
        )
    };
    let (x, y) = s.split_once(',').ok_or_else(bad)?;
    Ok(Focus {
        x: x.trim().parse().map_err(|_| bad())?,
        y: y.trim().parse().map_err(|_| bad())?,
    })
}
