//! Articles, their bylines, tags, sections and heroes; authors; full-text search.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};

use super::{parse_ts, ts, Tx};
use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{
    Article, ArticleId, ArticleSummary, Byline, FoundIn, Hero, HeroPhoto, LibraryCounts,
    LibraryCursor, LibraryPage, LibraryPageRequest, LibraryQuery, LibrarySort, SearchHit, Status,
    StatusCount,
};

const ARTICLE_COLUMNS: &str = "a.id, a.slug, a.headline, a.dek, a.body, a.dateline, s.name, \
     a.language, a.status, a.hero_edited_by, a.created_at, a.updated_at, a.front_matter_extra";

impl Tx<'_> {
    /// Finds an article on the desk by numeric id or by slug; one in the trash is refused
    /// with a message saying so.
    pub fn resolve_article(&self, key: &str) -> Result<ArticleId> {
        let id = self.resolve_any_article(key)?;
        let trashed: bool = self.conn.query_row(
            "SELECT deleted_at IS NOT NULL FROM articles WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if trashed {
            return Err(Error::invalid(
                "article",
                Text::new("trash-in-trash").arg("story", key),
            ));
        }
        Ok(id)
    }

    /// Finds an article by numeric id or by slug, in the trash or not.
    pub fn resolve_any_article(&self, key: &str) -> Result<ArticleId> {
        let key = key.trim();
        if let Ok(id) = key.parse::<i64>() {
            let found: Option<i64> = self
                .conn
                .query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            if let Some(id) = found {
                return Ok(id);
            }
        }
        self.conn
            .query_row("SELECT id FROM articles WHERE slug = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::not_found("article", key))
    }

    /// The article that holds `slug`, if any.
    pub fn article_with_slug(&self, slug: &str) -> Result<Option<ArticleId>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM articles WHERE slug = ?1", [slug], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn insert_article(&self, a: &ValidArticle, now: DateTime<Utc>) -> Result<ArticleId> {
        let section_id = self.ensure_section(a.section.as_deref())?;
        self.conn
            .execute(
                "INSERT INTO articles (slug, headline, dek, body, dateline, section_id, language,
                                       status, hero_edited_by, created_at, updated_at,
                                       front_matter_extra)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
                params![
                    a.slug.as_str(),
                    a.headline,
                    a.dek,
                    a.body,
                    a.dateline,
                    section_id,
                    a.language,
                    a.status.as_str(),
                    a.hero.as_ref().and_then(|h| h.edited_by.as_deref()),
                    ts(&now),
                    a.front_matter_extra,
                ],
            )
            .map_err(|e| unique_slug(e, a))?;
        let id = self.conn.last_insert_rowid();
        self.write_children(id, a)?;
        Ok(id)
    }

    pub fn update_article(
        &self,
        id: ArticleId,
        a: &ValidArticle,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let section_id = self.ensure_section(a.section.as_deref())?;
        let n = self
            .conn
            .execute(
                "UPDATE articles SET slug = ?2, headline = ?3, dek = ?4, body = ?5, dateline = ?6,
                        section_id = ?7, language = ?8, status = ?9, hero_edited_by = ?10,
                        updated_at = ?11, front_matter_extra = ?12
                 WHERE id = ?1",
                params![
                    id,
                    a.slug.as_str(),
                    a.headline,
                    a.dek,
                    a.body,
                    a.dateline,
                    section_id,
                    a.language,
                    a.status.as_str(),
                    a.hero.as_ref().and_then(|h| h.edited_by.as_deref()),
                    ts(&now),
                    a.front_matter_extra,
                ],
            )
            .map_err(|e| unique_slug(e, a))?;
        if n == 0 {
            return Err(Error::not_found("article", id));
        }
        self.conn
            .execute("DELETE FROM bylines WHERE article_id = ?1", [id])?;
        self.conn
            .execute("DELETE FROM article_tags WHERE article_id = ?1", [id])?;
        self.conn
            .execute("DELETE FROM hero_photos WHERE article_id = ?1", [id])?;
        self.write_children(id, a)
    }

    fn write_children(&self, id: ArticleId, a: &ValidArticle) -> Result<()> {
        for (pos, b) in a.bylines.iter().enumerate() {
            let author_id = match b.author_id {
                Some(aid) => Some(aid),
                None => self.author_id_by_name(&b.name)?,
            };
            self.conn.execute(
                "INSERT INTO bylines (article_id, position, author_id, name, role)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, pos as i64, author_id, b.name, b.role],
            )?;
        }
        for (pos, tag) in a.tags.iter().enumerate() {
            self.ensure_tag(tag)?;
            self.conn.execute(
                "INSERT INTO article_tags (article_id, position, tag) VALUES (?1, ?2, ?3)",
                params![id, pos as i64, tag],
            )?;
        }
        if let Some(hero) = &a.hero {
            for (pos, p) in hero.photos.iter().enumerate() {
                self.conn
                    .execute(
                        "INSERT INTO hero_photos (article_id, position, photo_id, crop)
                         VALUES (?1, ?2, ?3, ?4)",
                        params![id, pos as i64, p.photo_id, p.crop],
                    )
                    .map_err(|e| match e.sqlite_error_code() {
                        Some(rusqlite::ErrorCode::ConstraintViolation) => {
                            Error::not_found("photo", p.photo_id)
                        }
                        _ => e.into(),
                    })?;
            }
        }
        Ok(())
    }

    pub fn article(&self, id: ArticleId) -> Result<Article> {
        let sql = format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles a LEFT JOIN sections s ON s.id = a.section_id
             WHERE a.id = ?1"
        );
        let row = self
            .conn
            .query_row(&sql, [id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, String>(8)?,
                    r.get::<_, Option<String>>(9)?,
                    parse_ts(&r.get::<_, String>(10)?)?,
                    parse_ts(&r.get::<_, String>(11)?)?,
                    r.get::<_, Option<String>>(12)?,
                ))
            })
            .optional()?
            .ok_or_else(|| Error::not_found("article", id))?;
        let (
            id,
            slug,
            headline,
            dek,
            body,
            dateline,
            section,
            language,
            status,
            edited_by,
            c,
            u,
            fm,
        ) = row;
        let hero_photos = self.hero_photos(id)?;
        let hero = if hero_photos.is_empty() {
            None
        } else {
            Some(Hero {
                photos: hero_photos,
                edited_by,
            })
        };
        Ok(Article {
            id,
            slug,
            headline,
            dek,
            body,
            dateline,
            section,
            tags: self.tags(id)?,
            language,
            status: Status::parse(&status).unwrap_or_default(),
            bylines: self.bylines(id)?,
            hero,
            front_matter_extra: fm,
            created_at: c,
            updated_at: u,
        })
    }

    fn bylines(&self, id: ArticleId) -> Result<Vec<Byline>> {
        let mut st = self.conn.prepare_cached(
            "SELECT name, role, author_id FROM bylines WHERE article_id = ?1 ORDER BY position",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(Byline {
                name: r.get(0)?,
                role: r.get(1)?,
                author_id: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn tags(&self, id: ArticleId) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY position",
        )?;
        let rows = st.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn hero_photos(&self, id: ArticleId) -> Result<Vec<HeroPhoto>> {
        let mut st = self.conn.prepare_cached(
            "SELECT photo_id, crop FROM hero_photos WHERE article_id = ?1 ORDER BY position",
        )?;
        let rows = st.query_map([id], |r| {
            Ok(HeroPhoto {
                photo_id: r.get(0)?,
                crop: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The library list: the stories matching every filter of `q`, sorted as asked.
    pub fn article_summaries(&self, q: &LibraryQuery) -> Result<Vec<ArticleSummary>> {
        let (filter, args) = library_filter(q, true)?;
        let sort = SortKey::of(q);
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE {filter} ORDER BY {}",
            sort.order_by()
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), summary_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One page of the library (issue 15): up to `limit` stories after the request's cursor,
    /// or at its offset from the top. With a cursor, the page is one seek in the sort's index
    /// and costs the same at the first row as at the hundred-thousandth; an offset is first
    /// turned into the cursor of the row before it by counting index entries, never rows.
    pub fn library_page(&self, r: &LibraryPageRequest) -> Result<LibraryPage> {
        let limit = r.limit.clamp(1, MAX_PAGE);
        let after = match &r.after {
            Some(c) => Some(c.clone()),
            None if r.offset > 0 => match self.library_cursor_at(&r.query, r.offset - 1)? {
                Some(c) => Some(c),
                // The offset lies past the last story: an empty page.
                None => {
                    return Ok(LibraryPage {
                        rows: Vec::new(),
                        next: None,
                    })
                }
            },
            None => None,
        };
        // One row more than asked says whether a page follows.
        let mut rows = Vec::with_capacity(limit as usize + 1);
        for (sql, args) in page_sql(&r.query, after.as_ref(), limit + 1)? {
            let mut st = self.conn.prepare_cached(&sql)?;
            let mut q = st.query(rusqlite::params_from_iter(args.iter()))?;
            while let Some(row) = q.next()? {
                let cursor = LibraryCursor {
                    rank: row.get(SUMMARY_WIDTH)?,
                    key: row.get(SUMMARY_WIDTH + 1)?,
                    id: row.get(0)?,
                };
                rows.push((summary_row(row)?, cursor));
            }
            if rows.len() > limit as usize {
                break;
            }
        }
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next = if more {
            rows.last().map(|(_, c)| c.clone())
        } else {
            None
        };
        Ok(LibraryPage {
            rows: rows.into_iter().map(|(s, _)| s).collect(),
            next,
        })
    }

    /// The cursor of the row at `offset` (0-based) of the library, read from the sort's index
    /// alone; `None` past the end.
    fn library_cursor_at(&self, q: &LibraryQuery, offset: u32) -> Result<Option<LibraryCursor>> {
        let (filter, mut args) = library_filter(q, true)?;
        let sort = SortKey::of(q);
        args.push(Value::Integer(i64::from(offset)));
        let sql = format!(
            "SELECT {}, {}, a.id FROM articles a WHERE {filter}
             ORDER BY {} LIMIT 1 OFFSET ?{}",
            sort.rank.unwrap_or("0"),
            sort.key,
            sort.order_by(),
            args.len()
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(LibraryCursor {
                    rank: r.get(0)?,
                    key: r.get(1)?,
                    id: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// How many stories `q` selects, and per status how many its other filters leave, counted
    /// from the indexes (one grouped count; no story's row is read).
    pub fn library_counts(&self, q: &LibraryQuery) -> Result<LibraryCounts> {
        let (filter, args) = library_filter(q, false)?;
        let sql =
            format!("SELECT a.status, count(*) FROM articles a WHERE {filter} GROUP BY a.status");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
        })?;
        let mut by_status = Vec::new();
        let mut total: u32 = 0;
        for row in rows {
            let (status, count) = row?;
            let count = u32::try_from(count).unwrap_or(u32::MAX);
            let status = Status::parse(&status);
            // The list shows a story of a status this version does not know (the status filter
            // cannot choose it), so the total counts it too.
            if q.status.is_none() || status == q.status {
                total = total.saturating_add(count);
            }
            if let Some(status) = status {
                by_status.push(StatusCount { status, count });
            }
        }
        by_status.sort_by_key(|c| Status::ALL.iter().position(|s| *s == c.status));
        Ok(LibraryCounts { total, by_status })
    }

    /// One story's row of the library, in the trash or not (`None`: no such story): what the
    /// window replaces after a save instead of reading the list again.
    pub fn article_summary(&self, id: ArticleId) -> Result<Option<ArticleSummary>> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE a.id = ?1");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([id], summary_row)
            .optional()?)
    }

    /// Full-text search over headline, dek and body, and over the captions and credits of each
    /// story's hero photos: diacritic-insensitive, each word of two letters or more also
    /// matching as a prefix, every word required. Stories whose headline matches come first,
    /// then those matched by their dek or body, then those matched by a hero photo's caption or
    /// credit; within each group, newest first.
    ///
    /// Each group is an FTS5 query in rowid order with a limit, which FTS5 answers without
    /// ranking every match ("the" matches every story of a 10,000-story desk), and snippets
    /// are made only for the hits returned.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let limit = limit as usize;
        let mut hits: Vec<SearchHit> = Vec::new();
        let stages = [
            (format!("{{headline}} : ({fts})"), FoundIn::Text),
            (fts.clone(), FoundIn::Text),
            (fts, FoundIn::Photo),
        ];
        for (q, found_in) in stages {
            if hits.len() >= limit {
                break;
            }
            let sql = if found_in == FoundIn::Photo {
                "SELECT a.id, a.slug, a.headline,
                        snippet(photos_fts, -1, char(2), char(3), '…', 12), a.status, s.name
                 FROM photos_fts f JOIN hero_photos h ON h.photo_id = f.rowid
                      JOIN articles a ON a.id = h.article_id
                      LEFT JOIN sections s ON s.id = a.section_id
                 WHERE photos_fts MATCH ?1 AND a.deleted_at IS NULL
                 ORDER BY f.rowid DESC
                 LIMIT ?2"
            } else {
                "SELECT a.id, a.slug, a.headline,
                        snippet(articles_fts, -1, char(2), char(3), '…', 12), a.status, s.name
                 FROM articles_fts f JOIN articles a ON a.id = f.rowid
                      LEFT JOIN sections s ON s.id = a.section_id
                 WHERE articles_fts MATCH ?1 AND a.deleted_at IS NULL
                 ORDER BY f.rowid DESC
                 LIMIT ?2"
            };
            // Ask for enough to fill the page even when earlier groups found some of these.
            let want = (limit + hits.len()) as i64;
            let mut st = self.conn.prepare_cached(sql)?;
            let rows = st.query_map(params![q, want], |r| {
                let raw: String = r.get(3)?;
                Ok(SearchHit {
                    id: r.get(0)?,
                    slug: r.get(1)?,
                    headline: r.get(2)?,
                    snippet: highlight(&raw),
                    status: Status::parse(&r.get::<_, String>(4)?).unwrap_or_default(),
                    section: r.get(5)?,
                    found_in,
                })
            })?;
            for h in rows {
                let h = h?;
                if hits.len() >= limit {
                    break;
                }
                if !hits.iter().any(|x| x.id == h.id) {
                    hits.push(h);
                }
            }
        }
        Ok(hits)
    }

    /// How many stories the desk holds, the trash included.
    pub fn article_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }
}

/// The largest page the library hands out at once.
const MAX_PAGE: u32 = 1000;

/// A library row's columns, read by [`summary_row`]; a page adds its cursor after them.
const SUMMARY_COLUMNS: &str = "a.id, a.slug, a.headline, a.status, s.name, a.updated_at,
    (SELECT group_concat(name, char(31)) FROM
        (SELECT name FROM bylines b WHERE b.article_id = a.id ORDER BY position)),
    (SELECT group_concat(tag, char(31)) FROM
        (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY position)),
    a.language, a.created_at, a.deleted_at";
const SUMMARY_WIDTH: usize = 11;
const SUMMARY_FROM: &str = "articles a LEFT JOIN sections s ON s.id = a.section_id";

/// The workflow's rank, Draft highest, written as migration 0007's index has it (SQLite uses
/// an index on an expression only for the same expression).
const WORKFLOW_RANK: &str = "(CASE a.status WHEN 'draft' THEN 6 WHEN 'in_edit' THEN 5 \
    WHEN 'copy_desk' THEN 4 WHEN 'ready' THEN 3 WHEN 'published' THEN 2 WHEN 'spiked' THEN 1 \
    ELSE 0 END)";

fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let split = |v: Option<String>| -> Vec<String> {
        v.map(|n| n.split('\u{1f}').map(str::to_string).collect())
            .unwrap_or_default()
    };
    Ok(ArticleSummary {
        id: r.get(0)?,
        slug: r.get(1)?,
        headline: r.get(2)?,
        status: Status::parse(&r.get::<_, String>(3)?).unwrap_or_default(),
        section: r.get(4)?,
        updated_at: parse_ts(&r.get::<_, String>(5)?)?,
        bylines: split(r.get(6)?),
        tags: split(r.get(7)?),
        language: r.get(8)?,
        created_at: parse_ts(&r.get::<_, String>(9)?)?,
        deleted_at: r
            .get::<_, Option<String>>(10)?
            .map(|t| parse_ts(&t))
            .transpose()?,
    })
}

/// A page's queries, to run in turn until `limit` rows are in: the summaries matching `q`
/// after `after`, each followed by its cursor's rank and key. One query, except after a cursor
/// of a ranked sort: SQLite seeks with a row value only over plain columns, so the rest of the
/// cursor's rank (a seek on the rank, then on the row value) and the ranks below it (a seek on
/// the rank) are two queries.
fn page_sql(
    q: &LibraryQuery,
    after: Option<&LibraryCursor>,
    limit: u32,
) -> Result<Vec<(String, Vec<Value>)>> {
    let sort = SortKey::of(q);
    let query = |after: Option<(&LibraryCursor, After)>| -> Result<(String, Vec<Value>)> {
        let (mut filter, mut args) = library_filter(q, true)?;
        if let Some((c, part)) = after {
            sort.push_after(&mut filter, &mut args, c, part);
        }
        args.push(Value::Integer(i64::from(limit)));
        // Within one rank the rank is left out of the order, or SQLite would sort the page
        // again (it does not see that an expression held equal is constant).
        let order = match after {
            Some((_, After::Key)) => sort.order_by_key(),
            _ => sort.order_by(),
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, {}, {} FROM {SUMMARY_FROM} WHERE {filter}
             ORDER BY {order} LIMIT ?{}",
            sort.rank.unwrap_or("0"),
            sort.key,
            args.len()
        );
        Ok((sql, args))
    };
    match (after, sort.rank) {
        (None, _) => Ok(vec![query(None)?]),
        (Some(c), None) => Ok(vec![query(Some((c, After::Key)))?]),
        (Some(c), Some(_)) => Ok(vec![
            query(Some((c, After::Key)))?,
            query(Some((c, After::Rank)))?,
        ]),
    }
}

/// Which rows after a cursor a query asks for.
#[derive(Clone, Copy)]
enum After {
    /// Those of the cursor's rank (if the sort has ranks) after its key and id.
    Key,
    /// Those of the ranks after the cursor's.
    Rank,
}

/// The `WHERE` of a library query over `articles a` (no join: a section is matched by its
/// id, so the section's index serves), with its arguments numbered `?1`, `?2`… in order.
/// `with_status: false` leaves the status filter out (the per-status counts).
fn library_filter(q: &LibraryQuery, with_status: bool) -> Result<(String, Vec<Value>)> {
    let mut sql = String::from(if q.trashed {
        "a.deleted_at IS NOT NULL"
    } else {
        "a.deleted_at IS NULL"
    });
    let mut args: Vec<Value> = Vec::new();
    let mut arg = |sql: &mut String, clause: &str, value: String| {
        args.push(Value::Text(value));
        sql.push_str(&clause.replace('?', &format!("?{}", args.len())));
    };
    if let (Some(st), true) = (q.status, with_status) {
        arg(&mut sql, " AND a.status = ?", st.as_str().to_string());
    }
    if let Some(name) = nonblank(&q.section) {
        arg(
            &mut sql,
            // One section at most has the name in any case (their slugs, made from the name,
            // are unique); an equality keeps the section's index in the sort's order.
            " AND a.section_id = (SELECT id FROM sections WHERE name = ? COLLATE NOCASE LIMIT 1)",
            name,
        );
    }
    if let Some(name) = nonblank(&q.author) {
        arg(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM bylines b WHERE b.article_id = a.id
                          AND b.name = ? COLLATE NOCASE)",
            name,
        );
    }
    if let Some(tag) = nonblank(&q.tag) {
        arg(
            &mut sql,
            " AND EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id
                          AND t.tag = ? COLLATE NOCASE)",
            tag,
        );
    }
    if let Some(day) = nonblank(&q.from) {
        arg(&mut sql, " AND a.updated_at >= ?", day_start(&day)?);
    }
    if let Some(day) = nonblank(&q.to) {
        arg(&mut sql, " AND a.updated_at < ?", day_after(&day)?);
    }
    Ok((sql, args))
}

/// A library sort as SQL: an optional rank, a key, and the id last so that every row has one
/// place. Every sort but "Headline" runs newest first on all its columns.
struct SortKey {
    rank: Option<&'static str>,
    key: &'static str,
    collate: &'static str,
    descending: bool,
}

impl SortKey {
    fn of(q: &LibraryQuery) -> SortKey {
        let by = |key| SortKey {
            rank: None,
            key,
            collate: "",
            descending: true,
        };
        match (q.trashed, q.sort) {
            (true, _) => by("a.deleted_at"),
            (false, LibrarySort::Updated) => by("a.updated_at"),
            (false, LibrarySort::Created) => by("a.created_at"),
            (false, LibrarySort::Headline) => SortKey {
                rank: None,
                key: "a.headline",
                collate: " COLLATE NOCASE",
                descending: false,
            },
            (false, LibrarySort::Status) => SortKey {
                rank: Some(WORKFLOW_RANK),
                ..by("a.updated_at")
            },
        }
    }

    fn order_by(&self) -> String {
        let dir = if self.descending { " DESC" } else { "" };
        let rank = self.rank.map(|r| format!("{r}{dir}, ")).unwrap_or_default();
        format!("{rank}{}", self.order_by_key())
    }

    /// The order within one rank.
    fn order_by_key(&self) -> String {
        let dir = if self.descending { " DESC" } else { "" };
        format!("{}{}{dir}, a.id{dir}", self.key, self.collate)
    }

    /// Adds "after the cursor" (`part` of it, for a ranked sort) as comparisons SQLite turns
    /// into a seek in the index whose columns run the sort's way: the rank by equality or a
    /// range, the key and id as one row value. The collation goes on the cursor's side: SQLite
    /// seeks with a row value only when its left side's first value is a bare column.
    fn push_after(&self, sql: &mut String, args: &mut Vec<Value>, c: &LibraryCursor, part: After) {
        let op = if self.descending { "<" } else { ">" };
        if let Some(rank) = self.rank {
            args.push(Value::Integer(c.rank));
            if let After::Rank = part {
                sql.push_str(&format!(" AND {rank} {op} ?{}", args.len()));
                return;
            }
            sql.push_str(&format!(" AND {rank} = ?{}", args.len()));
        }
        args.push(Value::Text(c.key.clone()));
        args.push(Value::Integer(c.id));
        sql.push_str(&format!(
            " AND ({}, a.id) {op} (?{}{}, ?{})",
            self.key,
            args.len() - 1,
            self.collate,
            args.len()
        ));
    }
}

fn nonblank(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn parse_day(day: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", Text::new("library-bad-date").arg("day", day)))
}

/// The first instant of a `YYYY-MM-DD` day, as stored timestamps compare.
fn day_start(day: &str) -> Result<String> {
    Ok(ts(&parse_day(day)?
        .and_time(chrono::NaiveTime::MIN)
        .and_utc()))
}

/// The first instant of the day after a `YYYY-MM-DD` day.
fn day_after(day: &str) -> Result<String> {
    let next = parse_day(day)? + chrono::Duration::days(1);
    Ok(ts(&next.and_time(chrono::NaiveTime::MIN).and_utc()))
}

fn unique_slug(e: rusqlite::Error, a: &ValidArticle) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) if e.to_string().contains("slug") => {
            Error::DuplicateSlug(a.slug.to_string())
        }
        _ => e.into(),
    }
}

/// Turns what a person types into an FTS5 query: each word quoted (so punctuation and FTS
/// operators are plain text) and matched as a prefix; all words must match.
fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            // A one-letter prefix ("a*") would merge the lists of every word with that
            // letter; one letter is a word.
            if w.chars().nth(1).is_some() {
                format!("\"{w}\"*")
            } else {
                format!("\"{w}\"")
            }
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Escapes a snippet and turns the STX/ETX match markers into `<mark>`.
fn highlight(raw: &str) -> String {
    crate::markdown::escape(raw)
        .replace('\u{2}', "<mark>")
        .replace('\u{3}', "</mark>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_quoted_prefixes() {
        assert_eq!(fts_query("Pena  mex"), Some("\"Pena\"* \"mex\"*".into()));
        assert_eq!(fts_query("\"OR\" NEAR("), Some("\"OR\"* \"NEAR\"*".into()));
        assert_eq!(fts_query(" -- "), None);
        assert_eq!(fts_query("a b2"), Some("\"a\" \"b2\"*".into()));
    }

    /// What SQLite plans for a query: the detail lines of `EXPLAIN QUERY PLAN`.
    fn plan(sql: &str, args: &[Value]) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = super::super::Store::open(&dir.path().join("d.sqlite")).expect("store");
        store
            .read(|t| {
                let mut st = t.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let rows = st.query_map(rusqlite::params_from_iter(args.iter()), |r| {
                    r.get::<_, String>(3)
                })?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?.join("\n"))
            })
            .expect("plan")
    }

    /// Each sort's page after a cursor is a seek in an index in the sort's order: no sorting
    /// of every match, so the page at row 99,000 costs what the first one does.
    #[test]
    fn every_sorts_page_seeks_in_an_index_issue_15() {
        let cursor = LibraryCursor {
            rank: 3,
            key: "2025-01-01T00:00:00.000Z".into(),
            id: 500,
        };
        let check = |q: LibraryQuery, index: &str| {
            for (sql, args) in page_sql(&q, Some(&cursor), 100).expect("sql") {
                let plan = plan(&sql, &args);
                assert!(
                    !plan.contains("TEMP B-TREE"),
                    "{q:?} sorts its matches:\n{plan}"
                );
                assert!(
                    plan.contains(&format!("USING INDEX {index} ("))
                        || plan.contains(&format!("USING COVERING INDEX {index} (")),
                    "{q:?} does not seek in {index}:\n{plan}"
                );
            }
        };
        let sorted = |sort| LibraryQuery {
            sort,
            ..Default::default()
        };
        check(sorted(LibrarySort::Updated), "articles_library");
        check(sorted(LibrarySort::Created), "articles_desk_by_created");
        check(sorted(LibrarySort::Headline), "articles_desk_by_headline");
        check(sorted(LibrarySort::Status), "articles_desk_by_workflow");
        check(
            LibraryQuery {
                status: Some(Status::Draft),
                ..Default::default()
            },
            "articles_desk_by_status",
        );
        check(
            LibraryQuery {
                trashed: true,
                ..Default::default()
            },
            "articles_trash",
        );
        check(
            LibraryQuery {
                section: Some("Mundo".into()),
                ..Default::default()
            },
            "articles_desk_by_section",
        );
    }

    #[test]
    fn snippets_are_escaped_and_marked() {
        assert_eq!(
            highlight("a <b> \u{2}Peña\u{3}"),
            "a &lt;b&gt; <mark>Peña</mark>"
        );
    }
}
