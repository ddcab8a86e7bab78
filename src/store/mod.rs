//! The desk's SQLite file: opening it safely, migrating it, and every query.
//!
//! This is the only room that imports rusqlite. It hands the rest of the core two kinds of
//! handle, both [`Tx`]: [`Store::read`] for queries and [`Store::write`] for changes, the
//! latter always inside one transaction, so a crash leaves the previous state or the new one.
//! It knows nothing of Markdown, photos' pixels or the UI; it stores what it is given, already
//! validated by the room that owns it.

mod articles;
mod newsroom;
mod people;
mod photos;
mod replacements;
mod revisions;
mod workflow;

pub use newsroom::{
    DeskAuthor, DeskConflict, DeskMove, DeskNote, DeskRefusal, DeskRevision, SentKind,
};
pub use photos::NewPhoto;

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::error::{Error, Result};

/// Numbered migrations, by their file's number; `PRAGMA user_version` is the number of the
/// last one applied. Append only: a shipped migration is never edited, and numbers ascend
/// without gaps (a test checks).
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_init.sql")),
    (2, include_str!("migrations/0002_photo_desk.sql")),
    (3, include_str!("migrations/0003_front_matter.sql")),
    (4, include_str!("migrations/0004_editors_desk.sql")),
    (5, include_str!("migrations/0005_newsroom.sql")),
    (6, include_str!("migrations/0006_newsroom_renames.sql")),
    (7, include_str!("migrations/0007_library_pages.sql")),
    (8, include_str!("migrations/0008_newsroom_seen.sql")),
    (9, include_str!("migrations/0009_tag_counts.sql")),
];

/// The newest desk format this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A handle for queries and, inside [`Store::write`], changes.
pub struct Tx<'a> {
    conn: &'a Connection,
}

impl Store {
    /// Opens (creating if needed) the desk database at `path` and brings it to the current
    /// format. A file that is not SQLite, or was written by a newer Dateline, is refused before
    /// a single byte of it is written.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_at_version(path, SCHEMA_VERSION)
    }

    /// Like [`Store::open`] but migrates only up to `version`: for tests of the migrations.
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: i64) -> Result<Store> {
        check_before_open(path)?;
        let conn = Connection::open(path).map_err(|e| storage_error(path, e))?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store.configure()?;
        store.migrate(version)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn configure(&mut self) -> Result<()> {
        self.conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| storage_error(&self.path, e))?;
        // WAL keeps readers and the autosaving writer apart and survives power cuts; FULL sync
        // makes each committed save durable, which is what "never lose a word" asks for.
        self.conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .map_err(|e| storage_error(&self.path, e))?;
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
            .map_err(|e| storage_error(&self.path, e))?;
        Ok(())
    }

    fn migrate(&mut self, target: i64) -> Result<()> {
        let current = self.schema_version()?;
        for &(number, sql) in MIGRATIONS {
            if number <= current || number > target {
                continue;
            }
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", number)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Runs `f` over a read handle.
    pub fn read<T>(&self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        f(&Tx { conn: &self.conn })
    }

    /// Runs `f` in one transaction: all of its changes are saved, or none.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = f(&Tx { conn: &tx })?;
        tx.commit()?;
        Ok(out)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Refuses files that are not SQLite, and desks of a newer format, without writing to them.
fn check_before_open(path: &Path) -> Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    if len == 0 {
        return Ok(());
    }
    let mut head = [0u8; 16];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let n = f.read(&mut head).map_err(|e| Error::io(path, e))?;
        if n < 16 || &head != SQLITE_MAGIC {
            return Err(Error::NotADatabase {
                path: path.to_path_buf(),
            });
        }
    }
    let ro = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| Error::NotADatabase {
        path: path.to_path_buf(),
    })?;
    let found: i64 = ro
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| Error::NotADatabase {
            path: path.to_path_buf(),
        })?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            known: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn storage_error(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase {
            path: path.to_path_buf(),
        },
        _ => Error::from(e),
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => Error::DiskFull,
            _ => Error::Storage(e.to_string()),
        }
    }
}

impl Tx<'_> {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_ts(s: &str) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_numbers_ascend() {
        for (i, (n, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                *n,
                i as i64 + 1,
                "migrations are numbered 1, 2, 3… without gaps"
            );
        }
    }

    /// A desk written before a migration opens with its articles intact, from every earlier
    /// version (issue 3: the kept front matter is `None` for articles that had none).
    #[test]
    fn desks_of_every_earlier_version_migrate_issue_3() {
        for &(from, _) in MIGRATIONS {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("desk.sqlite");
            {
                let old = Store::open_at_version(&path, from).expect("old desk");
                old.conn
                    .execute(
                        "INSERT INTO articles (slug, headline, created_at, updated_at)
                         VALUES ('old', 'Old story', '2025-01-01T00:00:00.000Z',
                                 '2025-01-01T00:00:00.000Z')",
                        [],
                    )
                    .expect("old article");
            }
            let store = Store::open(&path).expect("migrated");
            assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
            let a = store
                .read(|t| {
                    let id = t.resolve_article("old")?;
                    t.article(id)
                })
                .expect("old article reads");
            assert_eq!(a.headline, "Old story", "from version {from}");
            assert_eq!(a.front_matter_extra, None);
        }
    }
}

#[cfg(test)]
mod upgrade_tests;
