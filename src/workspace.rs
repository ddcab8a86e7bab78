//! The desk a person works in: a folder holding `dateline.sqlite` and the photo originals,
//! and every action a user can take on it.
//!
//! This is the core's front door: the Tauri commands and the CLI call these methods and
//! nothing deeper. Each method validates its input once (through the room that owns it),
//! then does its effects through the store in one transaction. Photos' originals are written
//! to a temporary name and renamed into place before their row is committed, so the database
//! never names a file that is not there.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::model::{
    Article, ArticleDraft, ArticleId, ArticleSummary, Author, Focus, Hero, LibraryQuery, Photo,
    PhotoFields, PhotoId, Revision, SearchHit, Section, TagInfo,
};
use crate::settings::{self, Settings};
use crate::store::{NewPhoto, Store};
use crate::{credit, markdown, photo};

mod newsroom;

/// The database file inside a workspace folder.
pub const DB_FILE: &str = "dateline.sqlite";
/// The folder of photo originals inside a workspace folder.
pub const ORIGINALS_DIR: &str = "originals";
/// Environment variable that points Dateline at a workspace folder.
pub const ENV_WORKSPACE: &str = "DATELINE_WORKSPACE";

/// How many hits a search returns. Snippets are most of a search's cost (FTS5 re-reads each
/// hit's text to cut one), and a page of 30 is what an editor scans before refining the query.
pub const SEARCH_HITS: u32 = 30;

/// The settings key holding the publication's house rules (JSON of [`Settings`]).
const HOUSE_KEY: &str = "house";

/// Saves closer together than this are folded into the newest revision.
pub const REVISION_INTERVAL: Duration = Duration::from_secs(5 * 60);

pub struct Workspace {
    pub(crate) dir: PathBuf,
    /// Rooms that add actions in their own `impl Workspace` block (`revision`, `photo`) use it.
    pub(crate) store: Store,
}

/// What the app shows about the desk it has open: where it is, whose it is, who is working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeskInfo {
    /// The workspace folder, as the operating system spells it.
    pub dir: String,
    pub publication: String,
    pub identity: String,
}

/// Where the desk lives when nothing says otherwise: `$DATELINE_WORKSPACE`, else the OS data
/// folder (`~/.local/share/dateline` on Linux).
pub fn default_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os(ENV_WORKSPACE).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("", "", "dateline")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("dateline-desk"))
}

impl Workspace {
    /// Opens the workspace folder `dir`, creating it and its database when missing. Temporary
    /// files that a Dateline killed mid-write left behind are removed first.
    pub fn open(dir: &Path) -> Result<Workspace> {
        std::fs::create_dir_all(dir.join(ORIGINALS_DIR)).map_err(|e| Error::io(dir, e))?;
        remove_stale_temp_files(&dir.join(ORIGINALS_DIR));
        remove_stale_temp_files(&dir.join(photo::RENDITIONS_DIR));
        let store = Store::open(&dir.join(DB_FILE))?;
        Ok(Workspace {
            dir: dir.to_path_buf(),
            store,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The desk's folder, publication and local identity in one read, for the app's top bar.
    pub fn info(&self) -> Result<DeskInfo> {
        Ok(DeskInfo {
            dir: self.dir.display().to_string(),
            publication: self.publication()?,
            identity: self.identity()?,
        })
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.store.read(|t| t.article_count())? == 0)
    }

    /// The desk's local identity: the name stamped on revisions.
    pub fn identity(&self) -> Result<String> {
        Ok(self
            .store
            .read(|t| t.setting("identity"))?
            .unwrap_or_default())
    }

    pub fn set_identity(&mut self, name: &str) -> Result<()> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid(
                "identity",
                "Type your name: it is stamped on every revision and every move of a story.",
            ));
        }
        let name = name.as_str();
        self.store.write(|t| t.set_setting("identity", name))
    }

    /// Clears the identity, so the app asks for a name on its next start (the demo desk,
    /// once it has stamped its own history).
    pub(crate) fn forget_identity(&mut self) -> Result<()> {
        self.store.write(|t| t.set_setting("identity", ""))
    }

    /// The publication's name, as in "Edited by Sociedad Media" and the export's publisher.
    pub fn publication(&self) -> Result<String> {
        Ok(self
            .store
            .read(|t| t.setting("publication"))?
            .unwrap_or_default())
    }

    pub fn set_publication(&mut self, name: &str) -> Result<()> {
        let name = name.trim();
        self.store.write(|t| t.set_setting("publication", name))
    }

    /// The publication's house rules (today's values when the desk never set them), with the
    /// desk folder and the export folder the Export dialog proposes today.
    pub fn settings(&self) -> Result<Settings> {
        let (publication, house) = self
            .store
            .read(|t| Ok((t.setting("publication")?, t.setting(HOUSE_KEY)?)))?;
        // A value this Dateline cannot read (written by a newer one) falls back to the
        // defaults rather than locking the person out of their desk.
        let mut s: Settings = house
            .and_then(|h| serde_json::from_str(&h).ok())
            .unwrap_or_default();
        s.publication = publication.unwrap_or_default();
        s.desk_folder = self.dir.display().to_string();
        s.export_folder_now = match s.export_folder.as_deref().map(PathBuf::from) {
            Some(f) if f.is_dir() => f.display().to_string(),
            _ => settings::default_export_folder().display().to_string(),
        };
        Ok(s)
    }

    /// Saves the house rules after checking them; the read-only parts are ignored.
    pub fn save_settings(&mut self, s: Settings) -> Result<Settings> {
        let s = s.validated()?;
        let json = serde_json::to_string(&Settings {
            desk_folder: String::new(),
            export_folder_now: String::new(),
            ..s.clone()
        })
        .map_err(|e| Error::invalid("settings", format!("The settings could not be saved: {e}")))?;
        self.store.write(|t| {
            t.set_setting("publication", &s.publication)?;
            t.set_setting(HOUSE_KEY, &json)
        })?;
        self.settings()
    }

    // ---- Articles -------------------------------------------------------------------------

    pub fn create_article(&mut self, draft: ArticleDraft) -> Result<Article> {
        self.create_article_at(draft, Utc::now())
    }

    /// Like [`Workspace::create_article`], dated `now` (the demo desk's older stories, tests).
    #[doc(hidden)]
    pub fn create_article_at(
        &mut self,
        draft: ArticleDraft,
        now: DateTime<Utc>,
    ) -> Result<Article> {
        self.create_article_because(draft, now, "created")
    }

    /// Creates an article whose first revision says why it exists ("created", "duplicated
    /// from #3").
    pub(crate) fn create_article_because(
        &mut self,
        draft: ArticleDraft,
        now: DateTime<Utc>,
        reason: &str,
    ) -> Result<Article> {
        let mut valid = ValidArticle::new(draft, None)?;
        let who = self.identity()?;
        let id = self.store.write(|t| {
            if valid.slug_derived {
                let base = valid.slug.clone();
                let mut n = 1;
                while t.article_with_slug(valid.slug.as_str())?.is_some() {
                    n += 1;
                    valid.slug = base.with_suffix(n);
                }
            }
            let id = t.insert_article(&valid, now)?;
            t.insert_revision(id, &valid.to_draft(), &who, reason, now)?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }

    /// Saves the article's fields. Saves within [`REVISION_INTERVAL`] of the newest autosave
    /// revision refresh it; a later save, or a change of status, starts a new one.
    pub fn save_article(&mut self, id: ArticleId, draft: ArticleDraft) -> Result<Article> {
        self.save_article_at(id, draft, Utc::now())
    }

    #[doc(hidden)]
    pub fn save_article_at(
        &mut self,
        id: ArticleId,
        draft: ArticleDraft,
        now: DateTime<Utc>,
    ) -> Result<Article> {
        // A move to Published passes preflight first (`set_status`); the words are saved
        // either way, so a refused move never loses them.
        if draft.status == Some(crate::model::Status::Published) {
            let current = self.store.read(|t| t.article(id))?;
            if current.status != crate::model::Status::Published {
                // A move the workflow does not allow refuses the whole save, as any other.
                crate::workflow::check(current.status, crate::model::Status::Published)?;
                let words = ArticleDraft {
                    status: Some(current.status),
                    ..draft
                };
                self.save_article_at(id, words, now)?;
                return self.set_status(&id.to_string(), crate::model::Status::Published);
            }
        }
        let who = self.identity()?;
        self.store.write(|t| {
            let current = t.article(id)?;
            let valid = ValidArticle::new(draft, Some(&current.slug))?;
            if let Some(other) = t.article_with_slug(valid.slug.as_str())? {
                if other != id {
                    return Err(Error::DuplicateSlug(valid.slug.to_string()));
                }
            }
            let reason = if valid.status != current.status {
                crate::workflow::check(current.status, valid.status)?;
                t.insert_transition(id, current.status, valid.status, &who, now)?;
                crate::workflow::status_reason(current.status, valid.status)
            } else {
                "autosave".to_string()
            };
            t.update_article(id, &valid, now)?;
            let fresh = match t.latest_revision(id)? {
                Some((_, at, r)) if r == "autosave" && reason == "autosave" => {
                    (now - at).to_std().unwrap_or_default() >= REVISION_INTERVAL
                }
                _ => true,
            };
            if fresh {
                t.insert_revision(id, &valid.to_draft(), &who, &reason, now)?;
            }
            Ok(())
        })?;
        self.article_by_id(id)
    }

    /// Sets the article's lead image: one photo, or a composite of two or three side by side
    /// (`None` removes it). Every photo must be of this desk. Saved like any edit, so the
    /// change is in the article's history.
    pub fn set_hero(&mut self, key: &str, hero: Option<Hero>) -> Result<Article> {
        let a = self.article(key)?;
        if let Some(h) = &hero {
            for p in &h.photos {
                self.store.read(|t| t.photo(p.photo_id))?;
            }
        }
        let mut draft = ArticleDraft::from(&a);
        draft.hero = hero;
        self.save_article(a.id, draft)
    }

    /// Records the current state as a revision of its own, whatever the interval.
    pub fn checkpoint(&mut self, key: &str) -> Result<Revision> {
        let who = self.identity()?;
        let now = Utc::now();
        self.store.write(|t| {
            let id = t.resolve_article(key)?;
            let a = t.article(id)?;
            t.insert_revision(id, &ArticleDraft::from(&a), &who, "checkpoint", now)?;
            Ok(())
        })?;
        let id = self.store.read(|t| t.resolve_article(key))?;
        self.revisions(id)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found("revision", key))
    }

    /// Finds an article by id or slug.
    pub fn article(&self, key: &str) -> Result<Article> {
        self.store.read(|t| {
            let id = t.resolve_article(key)?;
            t.article(id)
        })
    }

    pub fn article_by_id(&self, id: ArticleId) -> Result<Article> {
        self.store.read(|t| t.article(id))
    }

    /// Every story on the desk (not the trash), last change first.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        self.library(&LibraryQuery::default())
    }

    /// The library: the stories matching every filter of `q`, sorted as asked.
    pub fn library(&self, q: &LibraryQuery) -> Result<Vec<ArticleSummary>> {
        self.store.read(|t| t.article_summaries(q))
    }

    pub fn revisions(&self, id: ArticleId) -> Result<Vec<Revision>> {
        self.store.read(|t| t.revisions(id))
    }

    /// The article as it was at `revision_id`.
    pub fn revision(&self, revision_id: i64) -> Result<ArticleDraft> {
        self.store
            .read(|t| t.revision_snapshot(revision_id))
            .map(|(_, d)| d)
    }

    /// Renders the article's body to sanitized HTML, as the preview and exports show it.
    pub fn render_article(&self, key: &str) -> Result<String> {
        let a = self.article(key)?;
        Ok(markdown::render(&a.body, &a.language))
    }

    /// Full-text search over headline, dek, body, and the captions and credits of each
    /// story's hero photos (the trash is not searched): the first [`SEARCH_HITS`] hits,
    /// headline matches first, then newest first.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        self.store.read(|t| t.search(query, SEARCH_HITS))
    }

    pub fn sections(&self) -> Result<Vec<Section>> {
        self.store.read(|t| t.sections())
    }

    pub fn add_section(&mut self, name: &str) -> Result<Section> {
        let name = one_line(name);
        self.store.write(|t| t.add_section(&name))
    }

    /// Renames a section; its stories follow.
    pub fn rename_section(&mut self, id: i64, name: &str) -> Result<Section> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", "A section needs a name."));
        }
        self.store.write(|t| t.rename_section(id, &name))
    }

    /// Deletes a section that no story uses; refused (`InUse`) while any does.
    pub fn delete_section(&mut self, id: i64) -> Result<()> {
        self.store.write(|t| t.delete_section(id))
    }

    pub fn authors(&self) -> Result<Vec<Author>> {
        self.store.read(|t| t.authors())
    }

    /// The author profile a person names: by its id, or by its name in any case.
    pub fn author(&self, key: &str) -> Result<Author> {
        let key = one_line(key);
        let id = key.parse::<i64>().ok();
        let authors = self.authors()?;
        let by_id = authors.iter().position(|a| Some(a.id) == id);
        let by_name = || {
            authors
                .iter()
                .position(|a| a.name.eq_ignore_ascii_case(&key))
        };
        match by_id.or_else(by_name) {
            Some(i) => Ok(authors[i].clone()),
            None => Err(Error::not_found("author", key)),
        }
    }

    pub fn upsert_author(&mut self, name: &str, role: &str, bio: &str) -> Result<Author> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", "An author needs a name."));
        }
        self.store
            .write(|t| t.upsert_author(&name, role.trim(), bio.trim()))
    }

    /// Changes an author's profile; the bylines linked to it take the new name.
    pub fn update_author(&mut self, author: &Author) -> Result<Author> {
        let name = one_line(&author.name);
        if name.is_empty() {
            return Err(Error::invalid("name", "An author needs a name."));
        }
        self.store.write(|t| {
            t.update_author(
                author.id,
                &name,
                author.role.trim(),
                author.bio.trim(),
                author.portrait_photo_id,
            )
        })
    }

    /// The managed tags with how many stories carry each.
    pub fn tags(&self) -> Result<Vec<TagInfo>> {
        self.store.read(|t| t.tags_list())
    }

    pub fn add_tag(&mut self, name: &str) -> Result<TagInfo> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", "A tag needs a name."));
        }
        self.store.write(|t| t.add_tag(&name))?;
        self.tags()?
            .into_iter()
            .find(|t| t.name.eq_ignore_ascii_case(&name))
            .ok_or_else(|| Error::not_found("tag", name))
    }

    /// Renames a tag on every story; onto an existing tag, the two merge. Returns how many
    /// stories changed.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> Result<usize> {
        let new = one_line(new);
        if new.is_empty() {
            return Err(Error::invalid("name", "A tag needs a name."));
        }
        self.store.write(|t| t.rename_tag(old.trim(), &new))
    }

    /// Deletes a tag that no story carries; refused (`InUse`) while any does.
    pub fn delete_tag(&mut self, name: &str) -> Result<()> {
        self.store.write(|t| t.delete_tag(name.trim()))
    }

    // ---- Photos ---------------------------------------------------------------------------

    /// Imports a photo from its bytes. The same bytes give the same photo; `fields` fill the
    /// editorial fields of a new photo.
    pub fn import_photo_bytes(
        &mut self,
        bytes: &[u8],
        source: &Path,
        fields: PhotoFields,
    ) -> Result<Photo> {
        // Every check happens before a byte is written, so a refused photo changes nothing.
        let examined = photo::examine(bytes, source)?;
        let info = &examined.info;
        if let Some(id) = self.store.read(|t| t.photo_by_sha(&info.sha256))? {
            return self.photo(id);
        }
        let dest = self.original_path(&info.sha256, info.extension);
        if !dest.exists() {
            write_atomically(&dest, bytes)?;
        }
        let original_name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let table = self.store.read(|t| t.code_replacements())?;
        let fields = photo::desk_prefer(fields, examined.fields.clone());
        let new = NewPhoto {
            sha256: info.sha256.clone(),
            original_name,
            mime: info.mime.to_string(),
            width: info.width,
            height: info.height,
            fields: credit::expand_fields(&fields, &table),
            focus: Default::default(),
            embedded: serde_json::to_string(&examined.metadata)
                .map_err(|e| Error::Storage(e.to_string()))?,
        };
        let (id, _) = self.store.write(|t| t.insert_photo(&new, Utc::now()))?;
        self.photo(id)
    }

    /// Saves a photo's editorial fields and focal point.
    pub fn update_photo(
        &mut self,
        id: PhotoId,
        fields: PhotoFields,
        focus: Focus,
    ) -> Result<Photo> {
        let focus = Focus {
            x: focus.x.clamp(0.0, 1.0),
            y: focus.y.clamp(0.0, 1.0),
        };
        if !focus.x.is_finite() || !focus.y.is_finite() {
            return Err(Error::invalid(
                "focus",
                "The focal point must lie inside the photo.",
            ));
        }
        let table = self.store.read(|t| t.code_replacements())?;
        let fields = credit::expand_fields(&fields, &table);
        self.store.write(|t| t.update_photo(id, &fields, focus))?;
        self.photo(id)
    }

    pub fn photo(&self, id: PhotoId) -> Result<Photo> {
        let mut p = self.store.read(|t| t.photo(id))?;
        p.credit_line = credit::credit_line(&p.fields);
        Ok(p)
    }

    pub fn photos(&self) -> Result<Vec<Photo>> {
        let mut ps = self.store.read(|t| t.photos())?;
        for p in &mut ps {
            p.credit_line = credit::credit_line(&p.fields);
        }
        Ok(ps)
    }

    /// The path of a photo's untouched original.
    pub fn photo_original(&self, id: PhotoId) -> Result<PathBuf> {
        let p = self.store.read(|t| t.photo(id))?;
        Ok(self.original_path(&p.sha256, crate::photo::extension_for(&p.mime)))
    }

    /// The composed caption line of the article's hero ("…Credit: …; … Edited by …").
    pub fn hero_caption(&self, a: &Article) -> Result<String> {
        let Some(hero) = &a.hero else {
            return Ok(String::new());
        };
        let photos = hero
            .photos
            .iter()
            .map(|h| self.photo(h.photo_id))
            .collect::<Result<Vec<_>>>()?;
        let fields: Vec<&PhotoFields> = photos.iter().map(|p| &p.fields).collect();
        let words = self.settings()?.words_for(&a.language);
        Ok(credit::caption_line(
            &fields,
            hero.edited_by.as_deref(),
            &words,
        ))
    }

    pub(crate) fn original_path(&self, sha256: &str, ext: &str) -> PathBuf {
        self.dir.join(ORIGINALS_DIR).join(format!("{sha256}.{ext}"))
    }

    /// `PRAGMA integrity_check` of the desk database.
    pub fn integrity_check(&self) -> Result<String> {
        self.store.integrity_check()
    }
}

/// `s` on one line, runs of white space as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `bytes` to a temporary file beside `dest`, syncs it and renames it into place, so a
/// crash leaves either no file or the whole file.
pub(crate) fn write_atomically(dest: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = dest.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        dest.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, dest)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(dest, e));
    }
    Ok(())
}

/// Removes the temporary files ([`write_atomically`]'s `.NAME.tmp-PID`) that a process killed
/// mid-write left in `dir`. They were never renamed into place, so nothing refers to them; a
/// file of a process that is still running (the CLI beside the app) is left alone.
fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if stale_temp(&e.path(), ".tmp-") && e.path().is_file() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Whether `path` is a hidden temporary name `.….{marker}PID` whose process is gone.
pub(crate) fn stale_temp(path: &Path, marker: &str) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(pid) = name
        .strip_prefix('.')
        .and_then(|n| n.rsplit_once(marker))
        .and_then(|(_, pid)| pid.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    // Linux says whether the writer still runs; elsewhere, and should the number have been
    // reused, an hour without a change is far longer than any write takes.
    let gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists();
    let old = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > Duration::from_secs(3600));
    gone || old
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_names_the_folder_publication_and_identity() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(tmp.path()).expect("open");
        ws.set_publication(" Sociedad Media ").expect("publication");
        ws.set_identity("Demo Desk").expect("identity");
        let info = ws.info().expect("info");
        assert_eq!(info.dir, tmp.path().display().to_string());
        assert_eq!(info.publication, "Sociedad Media");
        assert_eq!(info.identity, "Demo Desk");
    }
}
