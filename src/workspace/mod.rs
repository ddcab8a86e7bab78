//! The desk a person works in: a folder holding `dateline.sqlite` and the photo originals,
//! and every action a user can take on it.
//!
//! This is the core's front door: the Tauri commands and the CLI call these methods and
//! nothing deeper. The actions are grouped by who takes them, one file each: `articles`
//! (the correspondent), `workflow` (the editor), `photos` (the photo desk), `people`
//! (sections, authors, tags), `revisions`, `preflight`, `export`, `markdown_files`, `unsaved`
//! (what was typed and not stored yet, kept for a crash). The rooms
//! below (`frontmatter`, `revision`, `preflight`, `photo`, `export`, `markdown`, `credit`,
//! `durable`, `store`) never name `Workspace`: they are pure, or act on what they are handed. Each method validates its input once (through the room that owns it),
//! then does its effects through the store in one transaction. Photos' originals are written
//! to a temporary name and renamed into place before their row is committed, so the database
//! never names a file that is not there.

mod articles;
mod export;
mod generate;
mod markdown_files;
mod newsroom;
mod people;
mod photos;
mod preflight;
mod revisions;
mod unsaved;
mod workflow;

pub use articles::{SaveBase, SavedOver};
pub use unsaved::{Unsaved, UnsavedFiles, UNSAVED_DIR};

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use ts_rs::TS;

use crate::durable;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::settings::{self, Settings};
use crate::store::Store;

/// The database file inside a workspace folder.
pub const DB_FILE: &str = "dateline.sqlite";
/// The folder of photo originals inside a workspace folder.
pub const ORIGINALS_DIR: &str = "originals";
/// The folder of cached renditions (and `thumbs/`, `views/`) inside a workspace folder.
pub const RENDITIONS_DIR: &str = "renditions";
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
    /// Only the files of this folder use it; the rooms below are handed what they need.
    store: Store,
}

/// What the app shows about the desk it has open: where it is, whose it is, who is working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DeskInfo {
    /// The workspace folder, as the operating system spells it.
    pub dir: String,
    pub publication: String,
    pub identity: String,
    /// The name a new story is bylined to: the person's name in the newsroom once the desk
    /// joined one ("Ana Pérez", not the login "ana"), else the desk's identity.
    pub byline: String,
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
        durable::sweep_stale(&dir.join(ORIGINALS_DIR));
        durable::sweep_stale(&dir.join(RENDITIONS_DIR));
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
            byline: match self
                .store
                .read(|t| t.setting(crate::newsroom::KEY_NAME))?
                .filter(|n| !n.trim().is_empty())
            {
                Some(name) => name,
                None => self.identity()?,
            },
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
            return Err(Error::invalid("identity", Text::new("identity-empty")));
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
}

/// `s` on one line, runs of white space as one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
