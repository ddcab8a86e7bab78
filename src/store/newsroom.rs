//! The desk's side of the newsroom: global ids, the revision graph, what the newsroom has
//! acknowledged, its refusals, and open conflicts. Plain reads and writes; what to send and
//! how to merge is the newsroom room's decision.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Tx};
use crate::error::{Error, Result};
use crate::model::{ArticleId, PhotoId, Status};

/// What kind of row the newsroom acknowledged (`newsroom_sent.kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentKind {
    Article,
    Revision,
    Move,
    Note,
    Photo,
    Crop,
    Original,
    Section,
    Author,
    Tag,
    /// The head the newsroom has for a story (`uuid` is the story's, `digest` the head's).
    Head,
    /// Whether the newsroom has the story in the trash (`digest` "1") or not ("0").
    Trash,
    /// A story deleted from the trash (emptied), told to the newsroom.
    Purge,
    /// A code replacement (`uuid` is the code, `digest` its expansion, or "" once removed).
    Code,
    /// A story's slug as agreed with the newsroom: `digest` is the newsroom's slug and the
    /// desk's at that moment, tab-separated (a desk may number a slug another story uses).
    Slug,
}

impl SentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SentKind::Article => "article",
            SentKind::Revision => "revision",
            SentKind::Move => "move",
            SentKind::Note => "note",
            SentKind::Photo => "photo",
            SentKind::Crop => "crop",
            SentKind::Original => "original",
            SentKind::Section => "section",
            SentKind::Author => "author",
            SentKind::Tag => "tag",
            SentKind::Head => "head",
            SentKind::Trash => "trash",
            SentKind::Purge => "purge",
            SentKind::Code => "code",
            SentKind::Slug => "slug",
        }
    }
}

/// A revision with its place in the graph and its snapshot as stored (JSON of
/// `ArticleDraft`, local photo ids).
#[derive(Debug, Clone, PartialEq)]
pub struct DeskRevision {
    pub id: i64,
    pub uuid: String,
    pub parents: Vec<String>,
    pub author: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub snapshot: String,
}

/// A story's slug to send: (id, uuid, slug now, agreement as recorded).
pub type SlugToSend = (ArticleId, String, String, Option<String>);

/// An author as it travels: the portrait by the photo's global id.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskAuthor {
    pub uuid: String,
    pub name: String,
    pub role: String,
    pub bio: String,
    pub portrait: Option<String>,
}

/// A move with its global id.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskMove {
    pub uuid: String,
    pub from: Status,
    pub to: Status,
    pub at: DateTime<Utc>,
}

/// A note with its global id.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskNote {
    pub uuid: String,
    pub who: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// An open conflict or a refusal, as `newsroom status` lists them.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskConflict {
    pub id: i64,
    pub article_id: Option<ArticleId>,
    pub photo_id: Option<PhotoId>,
    pub field: String,
    pub ours: String,
    pub theirs: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeskRefusal {
    pub article_id: Option<ArticleId>,
    pub kind: String,
    pub uuid: String,
    pub reason: String,
    pub at: DateTime<Utc>,
}

fn parents_of(json: &str, id: i64) -> Result<Vec<String>> {
    serde_json::from_str(json)
        .map_err(|e| Error::Storage(format!("revision {id} names unreadable parents: {e}")))
}

impl Tx<'_> {
    // ---- Global ids -----------------------------------------------------------------------

    pub fn article_uuid(&self, id: ArticleId) -> Result<String> {
        self.conn
            .query_row("SELECT uuid FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::not_found("article", id))
    }

    pub fn article_by_uuid(&self, uuid: &str) -> Result<Option<ArticleId>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE uuid = ?1", [uuid], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Gives an article the global id it has in the newsroom (an article pulled from it).
    pub fn set_article_uuid(&self, id: ArticleId, uuid: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET uuid = ?2 WHERE id = ?1",
            params![id, uuid],
        )?;
        Ok(())
    }

    /// The revision whose content the article's row is (its head on this desk).
    pub fn article_head(&self, id: ArticleId) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT head FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .flatten())
    }

    pub fn set_article_head(&self, id: ArticleId, uuid: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET head = ?2 WHERE id = ?1",
            params![id, uuid],
        )?;
        Ok(())
    }

    /// The articles that may have something to send: a head the newsroom has not
    /// acknowledged, or a move or note it has not (refused ones aside).
    pub fn articles_to_send(&self) -> Result<Vec<(ArticleId, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.uuid FROM articles a
             LEFT JOIN newsroom_sent h ON h.kind = 'head' AND h.uuid = a.uuid
             WHERE a.head IS NOT NULL AND (h.digest IS NULL OR h.digest <> a.head)
             UNION
             SELECT a.id, a.uuid FROM transitions t JOIN articles a ON a.id = t.article_id
             WHERE NOT EXISTS (SELECT 1 FROM newsroom_sent s WHERE s.kind = 'move'
                               AND s.uuid = t.uuid)
               AND NOT EXISTS (SELECT 1 FROM newsroom_refusals f WHERE f.kind = 'move'
                               AND f.uuid = t.uuid)
             UNION
             SELECT a.id, a.uuid FROM notes n JOIN articles a ON a.id = n.article_id
             WHERE NOT EXISTS (SELECT 1 FROM newsroom_sent s WHERE s.kind = 'note'
                               AND s.uuid = n.uuid)
             ORDER BY 1",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the story is in the desk's trash.
    pub fn article_trashed(&self, id: ArticleId) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT deleted_at IS NOT NULL FROM articles WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Stories whose trash state on the desk differs from what the newsroom last had.
    pub fn trash_to_send(&self) -> Result<Vec<(ArticleId, String, bool)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.uuid, a.deleted_at IS NOT NULL FROM articles a
             LEFT JOIN newsroom_sent s ON s.kind = 'trash' AND s.uuid = a.uuid
             WHERE (a.deleted_at IS NOT NULL) <> (coalesce(s.digest, '0') = '1')
               AND EXISTS (SELECT 1 FROM newsroom_sent h WHERE h.kind = 'article'
                           AND h.uuid = a.uuid)",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The articles changed at or after `since` (all of them for `None`).
    pub fn articles_changed_since(&self, since: Option<DateTime<Utc>>) -> Result<Vec<ArticleId>> {
        let since = since.map(|t| ts(&t)).unwrap_or_default();
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE updated_at >= ?1 ORDER BY id")?;
        let rows = st.query_map([since], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every article with its global id, in the trash or not, oldest first.
    pub fn article_uuids(&self) -> Result<Vec<(ArticleId, String)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, uuid FROM articles ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn photo_uuid(&self, id: PhotoId) -> Result<String> {
        self.conn
            .query_row("SELECT uuid FROM photos WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::not_found("photo", id))
    }

    pub fn photo_by_uuid(&self, uuid: &str) -> Result<Option<PhotoId>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM photos WHERE uuid = ?1", [uuid], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_photo_uuid(&self, id: PhotoId, uuid: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE photos SET uuid = ?2 WHERE id = ?1",
            params![id, uuid],
        )?;
        Ok(())
    }

    /// Every photo's local id, global id and SHA-256, oldest first.
    pub fn photo_uuids(&self) -> Result<Vec<(PhotoId, String, String)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, uuid, sha256 FROM photos ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The desk's sections with their global ids: (uuid, name, slug).
    pub fn section_uuids(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT uuid, name, slug FROM sections ORDER BY id")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The desk's authors with their global ids and their portrait's global id.
    pub fn author_uuids(&self) -> Result<Vec<DeskAuthor>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.uuid, a.name, a.role, a.bio, p.uuid FROM authors a
             LEFT JOIN photos p ON p.id = a.portrait_photo_id ORDER BY a.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(DeskAuthor {
                uuid: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                bio: r.get(3)?,
                portrait: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A section that came from the newsroom, under its global id: the desk's section of that
    /// id takes its name and slug (a rename); else one of the same name takes the newsroom's
    /// id (names are unique on both sides); else it is added.
    pub fn put_section_from_newsroom(&self, uuid: &str, name: &str, slug: &str) -> Result<()> {
        let mut n = self.conn.execute(
            "UPDATE OR IGNORE sections SET name = ?2, slug = ?3 WHERE uuid = ?1",
            params![uuid, name, slug],
        )?;
        if n == 0 {
            n = self.conn.execute(
                "UPDATE OR IGNORE sections SET uuid = ?1 WHERE name = ?2 COLLATE NOCASE",
                params![uuid, name],
            )?;
        }
        if n == 0 {
            self.conn.execute(
                "INSERT OR IGNORE INTO sections (name, slug, uuid) VALUES (?1, ?2, ?3)",
                params![name, slug, uuid],
            )?;
        }
        Ok(())
    }

    /// An author from the newsroom, as [`Tx::put_section_from_newsroom`]; the portrait is
    /// this desk's photo of the newsroom's portrait (none when the desk lacks it).
    pub fn put_author_from_newsroom(&self, a: &DeskAuthor) -> Result<()> {
        let portrait = match &a.portrait {
            Some(u) => self.photo_by_uuid(u)?,
            None => None,
        };
        let mut n = self.conn.execute(
            "UPDATE OR IGNORE authors SET name = ?2, role = ?3, bio = ?4, portrait_photo_id = ?5
             WHERE uuid = ?1",
            params![a.uuid, a.name, a.role, a.bio, portrait],
        )?;
        if n == 0 {
            n = self.conn.execute(
                "UPDATE OR IGNORE authors SET uuid = ?1, role = ?3, bio = ?4,
                     portrait_photo_id = ?5
                 WHERE name = ?2 COLLATE NOCASE",
                params![a.uuid, a.name, a.role, a.bio, portrait],
            )?;
        }
        if n == 0 {
            self.conn.execute(
                "INSERT OR IGNORE INTO authors (name, role, bio, uuid, portrait_photo_id)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![a.name, a.role, a.bio, a.uuid, portrait],
            )?;
        }
        Ok(())
    }

    /// A tag renamed on the newsroom: the desk's tag of an earlier name (`aliases`) takes the
    /// new one, on its stories too (a story holding both keeps one).
    pub fn rename_tag_from_newsroom(&self, name: &str, aliases: &[String]) -> Result<()> {
        for old in aliases {
            let here: bool = self.conn.query_row(
                "SELECT EXISTS(SELECT 1 FROM tags WHERE name = ?1 AND name <> ?2)",
                params![old, name],
                |r| r.get(0),
            )?;
            if here {
                self.rename_tag(old, name)?;
                // The newsroom's rename, not this desk's: nothing to send back.
                self.conn.execute(
                    "DELETE FROM newsroom_tag_renames WHERE old = ?1 AND new = ?2",
                    params![old, name],
                )?;
            }
        }
        Ok(())
    }

    /// Tag renames made on this desk, not yet sent: (old, new), in the order made.
    pub fn tag_renames_to_send(&self) -> Result<Vec<(String, String)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT old, new FROM newsroom_tag_renames ORDER BY rowid")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A tag rename the newsroom took (or refused, with the refusal recorded).
    pub fn forget_tag_rename(&self, old: &str, new: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM newsroom_tag_renames WHERE old = ?1 AND new = ?2",
            params![old, new],
        )?;
        Ok(())
    }

    /// Stories the desk sent and has since deleted from its trash, not yet told.
    pub fn purges_to_send(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT s.uuid FROM newsroom_sent s
             WHERE s.kind = 'article'
               AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.uuid = s.uuid)
               AND NOT EXISTS (SELECT 1 FROM newsroom_sent p WHERE p.kind = 'purge'
                               AND p.uuid = s.uuid)",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a story the newsroom deleted from its trash (with its history on this desk).
    pub fn purge_article_from_newsroom(&self, id: ArticleId) -> Result<()> {
        self.conn
            .execute("DELETE FROM articles WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Whether the story holds revisions the newsroom has neither taken nor refused.
    pub fn article_has_unsent(&self, id: ArticleId) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM revisions r WHERE r.article_id = ?1
                 AND NOT EXISTS (SELECT 1 FROM newsroom_sent s WHERE s.kind = 'revision'
                                 AND s.uuid = r.uuid)
                 AND NOT EXISTS (SELECT 1 FROM newsroom_refusals f WHERE f.kind = 'revision'
                                 AND f.uuid = r.uuid))",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Sent stories whose slug changed on the desk since it was agreed with the newsroom:
    /// (id, uuid, slug now, agreement as recorded).
    pub fn slugs_to_send(&self) -> Result<Vec<SlugToSend>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.uuid, a.slug, s.digest FROM articles a
             JOIN newsroom_sent h ON h.kind = 'article' AND h.uuid = a.uuid
             LEFT JOIN newsroom_sent s ON s.kind = 'slug' AND s.uuid = a.uuid
             WHERE s.digest IS NULL OR substr(s.digest, instr(s.digest, char(9)) + 1) <> a.slug",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A story's slug, set from the newsroom's.
    pub fn set_article_slug(&self, id: ArticleId, slug: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE articles SET slug = ?2 WHERE id = ?1",
            params![id, slug],
        )?;
        Ok(())
    }

    /// Code replacements the desk removed since the newsroom last heard of them.
    pub fn codes_removed(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT s.uuid FROM newsroom_sent s WHERE s.kind = 'code' AND s.digest <> ''
               AND NOT EXISTS (SELECT 1 FROM code_replacements c WHERE c.code = s.uuid)",
        )?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn tag_names(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT name FROM tags ORDER BY name")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn put_tag_from_newsroom(&self, name: &str) -> Result<()> {
        self.conn
            .execute("INSERT OR IGNORE INTO tags (name) VALUES (?1)", [name])?;
        Ok(())
    }

    // ---- The revision graph -------------------------------------------------------------

    /// The article's revisions with their parents, oldest first.
    pub fn desk_revisions(&self, article_id: ArticleId) -> Result<Vec<DeskRevision>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, uuid, parents, author, reason, created_at, snapshot FROM revisions
             WHERE article_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                parse_ts(&r.get::<_, String>(5)?)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, uuid, parents, author, reason, created_at, snapshot) = row?;
            out.push(DeskRevision {
                id,
                parents: parents_of(parents.as_deref().unwrap_or("[]"), id)?,
                uuid,
                author,
                reason,
                created_at,
                snapshot,
            });
        }
        Ok(out)
    }

    /// Records a revision with its global id and parents as given (one from the newsroom, or
    /// a merge); returns its local id. A revision already on the desk is left as it is.
    /// Makes revision `id` (just made on this desk, not yet sent) descend from `parents`.
    pub fn set_revision_parents(&self, id: i64, parents: &[String]) -> Result<()> {
        let parents = serde_json::to_string(parents)
            .map_err(|e| Error::Storage(format!("could not record a revision: {e}")))?;
        self.conn.execute(
            "UPDATE revisions SET parents = ?2 WHERE id = ?1",
            params![id, parents],
        )?;
        Ok(())
    }

    pub fn insert_graph_revision(&self, article_id: ArticleId, rev: &DeskRevision) -> Result<i64> {
        if let Some(id) = self
            .conn
            .query_row(
                "SELECT id FROM revisions WHERE uuid = ?1",
                [&rev.uuid],
                |r| r.get(0),
            )
            .optional()?
        {
            return Ok(id);
        }
        let parents = serde_json::to_string(&rev.parents)
            .map_err(|e| Error::Storage(format!("could not record a revision: {e}")))?;
        self.conn.execute(
            "INSERT INTO revisions (article_id, created_at, author, reason, snapshot, uuid,
                                    parents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                article_id,
                ts(&rev.created_at),
                rev.author,
                rev.reason,
                rev.snapshot,
                rev.uuid,
                parents
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The uuid the newest revision of the article got (the one just inserted, for a merge).
    pub fn revision_uuid(&self, revision_id: i64) -> Result<String> {
        self.conn
            .query_row(
                "SELECT uuid FROM revisions WHERE id = ?1",
                [revision_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::not_found("revision", revision_id))
    }

    pub fn revision_by_uuid(&self, uuid: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM revisions WHERE uuid = ?1", [uuid], |r| {
                r.get(0)
            })
            .optional()?)
    }

    // ---- Moves and notes ----------------------------------------------------------------

    pub fn desk_moves(&self, article_id: ArticleId) -> Result<Vec<DeskMove>> {
        let mut st = self.conn.prepare_cached(
            "SELECT uuid, from_status, to_status, at FROM transitions WHERE article_id = ?1
             ORDER BY id",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok(DeskMove {
                uuid: r.get(0)?,
                from: Status::parse(&r.get::<_, String>(1)?).unwrap_or_default(),
                to: Status::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                at: parse_ts(&r.get::<_, String>(3)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Story `article_id` changed on another desk: the change arrived `now`; `arrived` when
    /// the story itself came to this desk from the newsroom (new here).
    pub fn mark_changed_elsewhere(
        &self,
        article_id: ArticleId,
        now: DateTime<Utc>,
        arrived: bool,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO newsroom_seen (article_id, changed_at, arrived) VALUES (?1, ?2, ?3)
             ON CONFLICT (article_id) DO UPDATE
             SET changed_at = excluded.changed_at, arrived = max(arrived, excluded.arrived)",
            params![article_id, ts(&now), arrived],
        )?;
        Ok(())
    }

    /// The person opened story `article_id` on this desk (`now`): what arrived is seen.
    pub fn mark_opened(&self, article_id: ArticleId, now: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO newsroom_seen (article_id, opened_at) VALUES (?1, ?2)
             ON CONFLICT (article_id) DO UPDATE SET opened_at = excluded.opened_at",
            params![article_id, ts(&now)],
        )?;
        Ok(())
    }

    /// Stories on the desk changed elsewhere since the person last opened them, each with
    /// whether it was never opened here (new to this desk).
    pub fn unseen_articles(&self) -> Result<Vec<(ArticleId, bool)>> {
        let mut st = self.conn.prepare(
            "SELECT s.article_id, s.arrived AND s.opened_at IS NULL FROM newsroom_seen s
             JOIN articles a ON a.id = s.article_id
             WHERE a.deleted_at IS NULL AND s.changed_at IS NOT NULL
               AND (s.opened_at IS NULL OR s.changed_at > s.opened_at)
             ORDER BY s.article_id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A move made on another desk, as the newsroom recorded it (who is its login).
    pub fn insert_move_from_newsroom(
        &self,
        article_id: ArticleId,
        m: &DeskMove,
        who: &str,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO transitions (article_id, from_status, to_status, who, at, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                article_id,
                m.from.as_str(),
                m.to.as_str(),
                who,
                ts(&m.at),
                m.uuid
            ],
        )?;
        Ok(())
    }

    pub fn desk_notes(&self, article_id: ArticleId) -> Result<Vec<DeskNote>> {
        let mut st = self.conn.prepare_cached(
            "SELECT uuid, who, body, created_at FROM notes WHERE article_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok(DeskNote {
                uuid: r.get(0)?,
                who: r.get(1)?,
                body: r.get(2)?,
                created_at: parse_ts(&r.get::<_, String>(3)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn insert_note_from_newsroom(&self, article_id: ArticleId, n: &DeskNote) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO notes (article_id, who, body, created_at, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![article_id, n.who, n.body, ts(&n.created_at), n.uuid],
        )?;
        Ok(())
    }

    // ---- What the newsroom has ------------------------------------------------------------

    /// What the newsroom acknowledged of this row: `None` when never sent, else the digest
    /// sent ('' for rows that never change).
    pub fn sent(&self, kind: SentKind, uuid: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT digest FROM newsroom_sent WHERE kind = ?1 AND uuid = ?2",
                params![kind.as_str(), uuid],
                |r| r.get(0),
            )
            .optional()?)
    }

    pub fn mark_sent(&self, kind: SentKind, uuid: &str, digest: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO newsroom_sent (kind, uuid, digest) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, uuid) DO UPDATE SET digest = excluded.digest",
            params![kind.as_str(), uuid, digest],
        )?;
        Ok(())
    }

    /// How many rows of each kind the newsroom has acknowledged.
    pub fn sent_count(&self, kind: SentKind) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM newsroom_sent WHERE kind = ?1",
            [kind.as_str()],
            |r| r.get(0),
        )?)
    }

    // ---- Refusals and conflicts -----------------------------------------------------------

    pub fn record_refusal(
        &self,
        article_id: Option<ArticleId>,
        kind: SentKind,
        uuid: &str,
        reason: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO newsroom_refusals (article_id, kind, uuid, reason, at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (kind, uuid) DO UPDATE SET reason = excluded.reason",
            params![article_id, kind.as_str(), uuid, reason, ts(&now)],
        )?;
        Ok(())
    }

    pub fn is_refused(&self, kind: SentKind, uuid: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM newsroom_refusals WHERE kind = ?1 AND uuid = ?2",
                params![kind.as_str(), uuid],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    pub fn refusals(&self, article_id: Option<ArticleId>) -> Result<Vec<DeskRefusal>> {
        let mut st = self.conn.prepare_cached(
            "SELECT article_id, kind, uuid, reason, at FROM newsroom_refusals
             WHERE ?1 IS NULL OR article_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok(DeskRefusal {
                article_id: r.get(0)?,
                kind: r.get(1)?,
                uuid: r.get(2)?,
                reason: r.get(3)?,
                at: parse_ts(&r.get::<_, String>(4)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_conflict(
        &self,
        article_id: Option<ArticleId>,
        photo_id: Option<PhotoId>,
        field: &str,
        ours: &str,
        theirs: &str,
        now: DateTime<Utc>,
    ) -> Result<()> {
        // Each round of the sync meets an unsettled conflict again: the same one is not
        // recorded twice, and a newer one on the same field (another edit arrived) takes the
        // place of the one before, whose values it carries forward.
        let same = "article_id IS ?1 AND photo_id IS ?2 AND field = ?3 AND resolved_at IS NULL";
        let known: bool = self.conn.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM newsroom_conflicts
                                WHERE {same} AND ours = ?4 AND theirs = ?5)"
            ),
            params![article_id, photo_id, field, ours, theirs],
            |r| r.get(0),
        )?;
        if known {
            return Ok(());
        }
        self.conn.execute(
            &format!("UPDATE newsroom_conflicts SET resolved_at = ?4 WHERE {same}"),
            params![article_id, photo_id, field, ts(&now)],
        )?;
        self.conn.execute(
            "INSERT INTO newsroom_conflicts (article_id, photo_id, field, ours, theirs, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![article_id, photo_id, field, ours, theirs, ts(&now)],
        )?;
        Ok(())
    }

    /// Open conflicts: of one article, or of the whole desk.
    pub fn open_conflicts(&self, article_id: Option<ArticleId>) -> Result<Vec<DeskConflict>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, article_id, photo_id, field, ours, theirs, at FROM newsroom_conflicts
             WHERE resolved_at IS NULL AND (?1 IS NULL OR article_id = ?1) ORDER BY id",
        )?;
        let rows = st.query_map([article_id], |r| {
            Ok(DeskConflict {
                id: r.get(0)?,
                article_id: r.get(1)?,
                photo_id: r.get(2)?,
                field: r.get(3)?,
                ours: r.get(4)?,
                theirs: r.get(5)?,
                at: parse_ts(&r.get::<_, String>(6)?)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Open conflicts on a photo's fields, as (field, ours, theirs).
    pub fn photo_conflicts(&self, photo_id: PhotoId) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT field, ours, theirs FROM newsroom_conflicts
             WHERE resolved_at IS NULL AND photo_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([photo_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Someone chose the photo's fields: its conflicts are settled.
    pub fn resolve_photo_conflicts(&self, photo_id: PhotoId, now: DateTime<Utc>) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE newsroom_conflicts SET resolved_at = ?2
             WHERE photo_id = ?1 AND resolved_at IS NULL",
            params![photo_id, ts(&now)],
        )?)
    }

    pub fn resolve_conflicts(
        &self,
        article_id: ArticleId,
        field: &str,
        now: DateTime<Utc>,
    ) -> Result<usize> {
        Ok(self.conn.execute(
            "UPDATE newsroom_conflicts SET resolved_at = ?3
             WHERE article_id = ?1 AND field = ?2 AND resolved_at IS NULL",
            params![article_id, field, ts(&now)],
        )?)
    }
}
