//! The desk's export: gathers what a package needs (preflight first, a revision for the
//! exported state), lets the `export` room assemble and write it, and answers the photos it
//! asks for ([`PhotoSource`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::Utc;

use crate::error::{Error, Result};
use crate::export::{self, sink, ExportOptions, Gathered, Package, PhotoSource, Sink};
use crate::markdown::photos::photo_refs;
use crate::model::{
    Article, ArticleDraft, Crop, ExportDestination, ExportProgress, ExportReport, HeroPhoto, Photo,
    PhotoId, Status,
};
use crate::photo::{Aspect, CompositeOutput};
use crate::preflight;

use super::Workspace;

impl PhotoSource for Workspace {
    fn photo(&self, id: PhotoId) -> Result<Photo> {
        Workspace::photo(self, id)
    }
    fn crops(&self, id: PhotoId) -> Result<Vec<Crop>> {
        Workspace::crops(self, id)
    }
    fn original(&self, id: PhotoId) -> Result<PathBuf> {
        self.photo_original(id)
    }
    fn renditions_dir(&self) -> PathBuf {
        Workspace::renditions_dir(self)
    }
    fn composite(
        &self,
        photos: &[HeroPhoto],
        width: u32,
        aspect: &str,
        edited_by: Option<&str>,
        words: &crate::credit::HouseWords,
        cancel: &AtomicBool,
    ) -> Result<CompositeOutput> {
        self.composite_hero(photos, width, aspect, edited_by, words, cancel)
    }
}
impl Workspace {
    /// Exports the article `key` as a package in the folder `out_dir` (created if missing):
    /// `out_dir/<slug>/`, or `out_dir/<slug>.zip` with [`ExportOptions::zip`]. `progress` is
    /// told each step; setting `cancel` stops the export, leaving nothing behind.
    pub fn export(
        &mut self,
        key: &str,
        out_dir: &Path,
        opts: &ExportOptions,
        progress: &dyn Fn(&ExportProgress),
        cancel: &AtomicBool,
    ) -> Result<ExportReport> {
        let dest_for = |slug: &str| {
            if opts.zip {
                out_dir.join(format!("{slug}.zip"))
            } else {
                out_dir.join(slug)
            }
        };
        let planned = self
            .article(key)
            .map(|a| dest_for(&a.slug))
            .unwrap_or_else(|_| out_dir.to_path_buf());
        self.export_inner(key, out_dir, opts, progress, cancel, &dest_for)
            .map_err(|e| match e {
                // Nothing reached the disk for these: say so, and where.
                e @ (Error::Cancelled | Error::Io { .. } | Error::DiskFull) => {
                    Error::ExportFailed {
                        path: planned,
                        cause: Box::new(e),
                    }
                }
                other => other,
            })
    }

    /// Where [`Workspace::export`] would write the package of `key` in `out_dir`, and what is
    /// there now: an earlier package (with when it was written), which the export replaces,
    /// or something else of that name, which it refuses to touch. Reads only.
    pub fn export_destination(
        &self,
        key: &str,
        out_dir: &Path,
        opts: &ExportOptions,
    ) -> Result<ExportDestination> {
        let slug = self.article(key)?.slug;
        let path = if opts.zip {
            out_dir.join(format!("{slug}.zip"))
        } else {
            out_dir.join(slug.as_str())
        };
        let written = |p: &Path| {
            std::fs::metadata(p)
                .and_then(|m| m.modified())
                .ok()
                .map(|t| {
                    chrono::DateTime::<Utc>::from(t)
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                })
        };
        let (replaces, occupied) = if opts.zip {
            match std::fs::symlink_metadata(&path) {
                Ok(m) if m.is_file() => (written(&path), false),
                Ok(_) => (None, true),
                Err(_) => (None, false),
            }
        } else {
            let manifest = path.join(export::manifest::FILE);
            match std::fs::symlink_metadata(&path) {
                Ok(m) if m.is_dir() && manifest.is_file() => (written(&manifest), false),
                Ok(_) => (None, true),
                Err(_) => (None, false),
            }
        };
        Ok(ExportDestination {
            path,
            replaces,
            occupied,
        })
    }

    fn export_inner(
        &mut self,
        key: &str,
        out_dir: &Path,
        opts: &ExportOptions,
        progress: &dyn Fn(&ExportProgress),
        cancel: &AtomicBool,
        dest_for: &dyn Fn(&str) -> PathBuf,
    ) -> Result<ExportReport> {
        let a = self.article(key)?;
        let hero_aspect = Aspect::parse(&self.settings()?.hero_aspect)?;
        let hero_steps = a
            .hero
            .as_ref()
            .filter(|h| !h.photos.is_empty())
            .map_or(0, |_| {
                1 + export::ALTERNATE_ASPECTS
                    .iter()
                    .filter(|x| **x != hero_aspect)
                    .count()
            });
        let mut seen = Vec::new();
        for r in photo_refs(&a.body) {
            if r.id.is_some() && !seen.contains(&(r.id, r.crop.clone())) {
                seen.push((r.id, r.crop));
            }
        }
        let exporters = export::exporters();
        let total = (1 + hero_steps + seen.len() + exporters.len() + 1) as u32;
        let mut done = 0u32;
        let mut step = |what: &'static str| -> Result<()> {
            done = (done + 1).min(total);
            progress(&ExportProgress {
                done,
                total,
                what: crate::i18n::Text::new(what).local(),
            });
            if cancel.load(Ordering::Relaxed) {
                Err(Error::Cancelled)
            } else {
                Ok(())
            }
        };
        progress(&ExportProgress {
            done: 0,
            total,
            what: crate::i18n::Text::new("export-step-starting").local(),
        });
        let gathered = self.gather(key)?;
        let package = Package::assemble(gathered, self, &mut step, cancel)?;
        let mut sink = Sink::default();
        for e in &exporters {
            e.write(&package, &mut sink)?;
            step(e.name())?;
        }
        std::fs::create_dir_all(out_dir).map_err(|e| Error::io(out_dir, e))?;
        let dest = dest_for(package.slug.as_str());
        let mut each = |_: &str| {};
        if opts.zip {
            sink::commit_zip(
                &sink,
                &dest,
                package.slug.as_str(),
                package.version_created(),
                cancel,
                &mut each,
            )?;
        } else {
            sink::commit_dir(&sink, &dest, cancel, &mut each)?;
        }
        step("export-step-written")?;
        Ok(ExportReport {
            path: dest,
            article_id: package.article.id,
            revision_id: package.revision_id,
            files: sink.files().map(|(p, _)| p.to_string()).collect(),
            bytes: sink.bytes(),
            warnings: package.warnings,
        })
    }

    /// What the package of `key` is made of, read from the desk: refused when preflight
    /// blocks the story; the exported state recorded as a revision when it is not one yet.
    fn gather(&mut self, key: &str) -> Result<Gathered> {
        // Every byline gets a profile before the page lists "More from …" by profile.
        let id = self.article(key)?.id;
        self.store.write(|t| t.ensure_author_profiles(id))?;
        let article = self.article(key)?;
        let settings = self.settings()?;
        let check = preflight::check(&article, &self.photo_facts(&article)?, &settings);
        if let Some(refusal) = check.refusal(&article.headline, crate::preflight::Doing::Export) {
            return Err(refusal);
        }
        let published_at = self
            .transitions(&article.id.to_string())?
            .into_iter()
            .find(|t| t.to == Status::Published)
            .map(|t| t.at);
        Ok(Gathered {
            warnings: check
                .findings
                .iter()
                .map(|f| f.text().render(crate::i18n::interface_language()))
                .collect(),
            revision_id: self.revision_for_export(&article)?,
            uuid: self.store.read(|t| t.article_uuid(article.id))?,
            published_at,
            others: self.articles()?,
            profiles: self.authors()?,
            settings,
            article,
        })
    }

    /// The revision that holds exactly the article's current state, recording one (reason
    /// "export") when the newest revision differs, so a package always names a revision that
    /// can be restored.
    fn revision_for_export(&mut self, a: &Article) -> Result<i64> {
        let now = ArticleDraft::from(a);
        let same = |d: &ArticleDraft| normalized(d) == normalized(&now);
        if let Some(latest) = self.revisions(a.id)?.into_iter().next() {
            if same(&self.revision(latest.id)?) {
                return Ok(latest.id);
            }
        }
        let who = self.identity()?;
        let id = a.id;
        self.store
            .write(|t| t.insert_revision(id, &now, &who, "export", Utc::now()))
    }
}

/// A draft without what a snapshot may legitimately lack (author profile links).
fn normalized(d: &ArticleDraft) -> ArticleDraft {
    let mut d = d.clone();
    for b in &mut d.bylines {
        b.author_id = None;
    }
    d
}
