//! Words the window has not stored yet. Autosave waits for a pause in typing (so a revision is
//! not made per keystroke); a crash inside that pause lost the last second of typing (issue
//! 11's tryout, with kill -9). So the window also hands the open story's form here a moment
//! after each change, and the desk keeps it in one small file per story under `.unsaved/`,
//! written atomically. Opening the story again gives it back when it is newer than what is
//! stored and differs from it; once a save has stored it, the window lets it go.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::durable;
use crate::error::{Error, Result};
use crate::model::{ArticleDraft, ArticleId};

use super::Workspace;

/// The folder of the desk that holds what was typed and not stored yet.
pub const UNSAVED_DIR: &str = ".unsaved";

/// A form as the window last handed it in, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Unsaved {
    pub draft: ArticleDraft,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
}

/// A desk's `.unsaved/` folder. It is written without the desk's lock, so keeping what was
/// typed never waits behind a save (which may wait on a busy database).
#[derive(Debug, Clone)]
pub struct UnsavedFiles {
    dir: PathBuf,
}

impl UnsavedFiles {
    /// The folder of the desk at `desk_dir`.
    pub fn of(desk_dir: &Path) -> UnsavedFiles {
        UnsavedFiles {
            dir: desk_dir.join(UNSAVED_DIR),
        }
    }

    fn path(&self, id: Option<ArticleId>) -> PathBuf {
        let name = match id {
            Some(id) => format!("{id}.json"),
            None => "new.json".to_string(),
        };
        self.dir.join(name)
    }

    /// Keeps `draft`, the form of story `id` (`None`: a story not stored yet, which has no
    /// headline), until [`UnsavedFiles::forget`].
    pub fn keep(&self, id: Option<ArticleId>, draft: &ArticleDraft) -> Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))?;
        let kept = Unsaved {
            draft: draft.clone(),
            at: Utc::now(),
        };
        let bytes = serde_json::to_vec(&kept).expect("a draft is plain data");
        durable::write_atomically(&self.path(id), &bytes)
    }

    /// Lets go of what was kept for story `id` (a save stored it).
    pub fn forget(&self, id: Option<ArticleId>) -> Result<()> {
        let path = self.path(id);
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// What is kept for story `id`, whatever its age.
    fn read(&self, id: Option<ArticleId>) -> Result<Option<Unsaved>> {
        let path = self.path(id);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, e)),
        };
        match serde_json::from_slice::<Unsaved>(&bytes) {
            Ok(kept) => Ok(Some(kept)),
            Err(_) => {
                // Half a file cannot be: it is written atomically. Something else wrote it; keep
                // it aside for a person to look at rather than delete it.
                let aside = path.with_extension("unreadable");
                std::fs::rename(&path, &aside).map_err(|e| Error::io(&path, e))?;
                Ok(None)
            }
        }
    }
}

impl Workspace {
    /// The desk's `.unsaved/` folder, for callers that must not wait on the desk's lock.
    pub fn unsaved_files(&self) -> UnsavedFiles {
        UnsavedFiles::of(&self.dir)
    }

    /// See [`UnsavedFiles::keep`].
    pub fn keep_unsaved(&self, id: Option<ArticleId>, draft: &ArticleDraft) -> Result<()> {
        self.unsaved_files().keep(id, draft)
    }

    /// See [`UnsavedFiles::forget`].
    pub fn forget_unsaved(&self, id: Option<ArticleId>) -> Result<()> {
        self.unsaved_files().forget(id)
    }

    /// What was typed into story `id` and never stored, when there is such a thing: newer
    /// than the stored story and different from it. A kept form that the store has caught up
    /// with is let go here.
    pub fn unsaved(&self, id: Option<ArticleId>) -> Result<Option<Unsaved>> {
        let files = self.unsaved_files();
        let Some(kept) = files.read(id)? else {
            return Ok(None);
        };
        let Some(id) = id else {
            return Ok(Some(kept));
        };
        let stored = match self.article_by_id(id) {
            Ok(a) => a,
            // The story is gone for good: nothing to give back to.
            Err(Error::NotFound { .. }) => {
                files.forget(Some(id))?;
                return Ok(None);
            }
            Err(e) => return Err(e),
        };
        let same = {
            let mut a = ArticleDraft::from(&stored);
            let mut b = kept.draft.clone();
            // The workflow moves a story, not the form; the slug may follow the headline.
            a.status = None;
            b.status = None;
            a.slug = None;
            b.slug = None;
            a == b
        };
        if same || kept.at <= stored.updated_at {
            files.forget(Some(id))?;
            return Ok(None);
        }
        Ok(Some(kept))
    }
}
