//! Revisions: whole-article snapshots, appended and never rewritten.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Tx};
use crate::error::{Error, Result};
use crate::model::{ArticleDraft, ArticleId, Revision};

impl Tx<'_> {
    pub fn insert_revision(
        &self,
        article_id: ArticleId,
        snapshot: &ArticleDraft,
        author: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let json = serde_json::to_string(snapshot)
            .map_err(|e| Error::Storage(format!("could not record a revision: {e}")))?;
        self.conn.execute(
            "INSERT INTO revisions (article_id, created_at, author, reason, snapshot)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![article_id, ts(&now), author, reason, json],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The article's history, newest first: by the time each revision was made (one pulled
    /// from the newsroom keeps its own time, so it takes its place among this desk's).
    pub fn revisions(&self, article_id: ArticleId) -> Result<Vec<Revision>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, article_id, created_at, author, reason, snapshot FROM revisions
             WHERE article_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                parse_ts(&r.get::<_, String>(2)?)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, article_id, created_at, author, reason, snapshot) = row?;
            let draft = decode(&snapshot, id)?;
            out.push(Revision {
                id,
                article_id,
                created_at,
                author,
                reason,
                headline: draft.headline.clone(),
                words: crate::markdown::word_count(&draft.body),
            });
        }
        Ok(out)
    }

    pub fn revision_snapshot(&self, revision_id: i64) -> Result<(ArticleId, ArticleDraft)> {
        let (article_id, json): (i64, String) = self
            .conn
            .query_row(
                "SELECT article_id, snapshot FROM revisions WHERE id = ?1",
                [revision_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("revision", revision_id))?;
        Ok((article_id, decode(&json, revision_id)?))
    }

    /// When the newest revision of the article was taken, and why.
    pub fn latest_revision(
        &self,
        article_id: ArticleId,
    ) -> Result<Option<(i64, DateTime<Utc>, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, created_at, reason FROM revisions WHERE article_id = ?1
                 ORDER BY id DESC LIMIT 1",
                [article_id],
                |r| Ok((r.get(0)?, parse_ts(&r.get::<_, String>(1)?)?, r.get(2)?)),
            )
            .optional()?)
    }
}

fn decode(json: &str, id: i64) -> Result<ArticleDraft> {
    serde_json::from_str(json)
        .map_err(|e| Error::Storage(format!("revision {id} cannot be read: {e}")))
}
