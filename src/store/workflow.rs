//! Workflow transitions, editor notes and the trash.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Tx};
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{ArticleId, ArticleSummary, LibraryQuery, Note, Status, Transition};

impl Tx<'_> {
    pub fn set_article_status(
        &self,
        id: ArticleId,
        status: Status,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE articles SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status.as_str(), ts(&now)],
        )?;
        if n == 0 {
            return Err(Error::not_found("article", id));
        }
        Ok(())
    }

    pub fn insert_transition(
        &self,
        id: ArticleId,
        from: Status,
        to: Status,
        who: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO transitions (article_id, from_status, to_status, who, at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, from.as_str(), to.as_str(), who, ts(&now)],
        )?;
        Ok(())
    }

    /// The article's moves along the workflow, oldest first.
    pub fn transitions(&self, id: ArticleId) -> Result<Vec<Transition>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, article_id, from_status, to_status, who, at FROM transitions
             WHERE article_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(Transition {
                id: r.get(0)?,
                article_id: r.get(1)?,
                from: Status::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                to: Status::parse(&r.get::<_, String>(3)?).unwrap_or_default(),
                who: r.get(4)?,
                at: parse_ts(&r.get::<_, String>(5)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_note(
        &self,
        id: ArticleId,
        who: &str,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Note> {
        self.conn.execute(
            "INSERT INTO notes (article_id, who, body, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, who, body, ts(&now)],
        )?;
        Ok(Note {
            id: self.conn.last_insert_rowid(),
            article_id: id,
            who: who.to_string(),
            body: body.to_string(),
            created_at: now,
            in_newsroom: false,
        })
    }

    /// The article's notes, oldest first (a conversation reads top to bottom).
    pub fn notes(&self, id: ArticleId) -> Result<Vec<Note>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, article_id, who, body, created_at,
                    EXISTS (SELECT 1 FROM newsroom_sent s WHERE s.kind = 'note' AND s.uuid = notes.uuid)
             FROM notes WHERE article_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(Note {
                id: r.get(0)?,
                article_id: r.get(1)?,
                who: r.get(2)?,
                body: r.get(3)?,
                created_at: parse_ts(&r.get::<_, String>(4)?)?,
                in_newsroom: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a note this desk alone holds. A note already in the newsroom is part of the
    /// story's shared history there (append-only, as on every other desk), so deleting it
    /// here alone would make this desk differ from all the others: it is refused.
    pub fn delete_note(&self, note_id: i64) -> Result<()> {
        let shared: Option<bool> = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM newsroom_sent s WHERE s.kind = 'note' AND s.uuid = notes.uuid)
                 FROM notes WHERE id = ?1",
                [note_id],
                |r| r.get(0),
            )
            .optional()?;
        if shared == Some(true) {
            return Err(Error::InUse(Text::new("note-in-newsroom")));
        }
        let n = self
            .conn
            .execute("DELETE FROM notes WHERE id = ?1", [note_id])?;
        if n == 0 {
            return Err(Error::not_found("note", note_id));
        }
        Ok(())
    }

    /// Marks the story as in the trash; every row of it stays.
    pub fn trash_article(&self, id: ArticleId, who: &str, now: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET deleted_at = ?2, deleted_by = ?3 WHERE id = ?1",
            params![id, ts(&now), who],
        )?;
        Ok(())
    }

    pub fn untrash_article(&self, id: ArticleId) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE articles SET deleted_at = NULL, deleted_by = NULL
             WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id],
        )?;
        if n == 0 {
            return Err(Error::invalid(
                "article",
                Text::new("trash-not-in-trash").arg("story", id.to_string()),
            ));
        }
        Ok(())
    }

    pub fn trashed_summaries(&self) -> Result<Vec<ArticleSummary>> {
        self.article_summaries(&LibraryQuery {
            trashed: true,
            ..LibraryQuery::default()
        })
    }

    /// Deletes for good the stories in the trash, with their revisions, notes and transitions
    /// (photos stay on the photo desk). Returns how many stories went.
    pub fn empty_trash(&self) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM articles WHERE deleted_at IS NOT NULL", [])?)
    }
}
