//! Photos and their named crops.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::{parse_ts, ts, Tx};
use crate::error::{Error, Result};
use crate::model::{Crop, Focus, Photo, PhotoFields, PhotoId, PhotoUse, Status};

/// A photo about to be recorded: the original is already in the workspace under `sha256`.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub sha256: String,
    pub original_name: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub fields: PhotoFields,
    pub focus: Focus,
    /// What the file itself says (EXIF, IIM, XMP), as JSON.
    pub embedded: String,
}

const PHOTO_COLUMNS: &str = "id, sha256, original_name, mime, width, height, caption, creator, \
     agency, distributor, copyright, alt_text, usage_terms, credit_override, focus_x, focus_y, \
     imported_at";

fn photo_from_row(r: &Row<'_>) -> rusqlite::Result<Photo> {
    Ok(Photo {
        id: r.get(0)?,
        sha256: r.get(1)?,
        original_name: r.get(2)?,
        mime: r.get(3)?,
        width: r.get(4)?,
        height: r.get(5)?,
        fields: PhotoFields {
            caption: r.get(6)?,
            creator: r.get(7)?,
            agency: r.get(8)?,
            distributor: r.get(9)?,
            copyright: r.get(10)?,
            alt_text: r.get(11)?,
            usage_terms: r.get(12)?,
            credit_override: r.get(13)?,
        },
        focus: Focus {
            x: r.get(14)?,
            y: r.get(15)?,
        },
        // Composed by the credit room, which owns house style.
        credit_line: String::new(),
        imported_at: parse_ts(&r.get::<_, String>(16)?)?,
    })
}

impl Tx<'_> {
    /// Records a photo; a photo with the same bytes is the same photo, and its id is returned.
    pub fn insert_photo(&self, p: &NewPhoto, now: DateTime<Utc>) -> Result<(PhotoId, bool)> {
        if let Some(id) = self.photo_by_sha(&p.sha256)? {
            return Ok((id, false));
        }
        let f = &p.fields;
        self.conn.execute(
            "INSERT INTO photos (sha256, original_name, mime, width, height, caption, creator,
                                 agency, distributor, copyright, alt_text, usage_terms,
                                 credit_override, focus_x, focus_y, embedded, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                p.sha256,
                p.original_name,
                p.mime,
                p.width,
                p.height,
                f.caption,
                f.creator,
                f.agency,
                f.distributor,
                f.copyright,
                f.alt_text,
                f.usage_terms,
                f.credit_override,
                p.focus.x,
                p.focus.y,
                p.embedded,
                ts(&now),
            ],
        )?;
        Ok((self.conn.last_insert_rowid(), true))
    }

    pub fn photo_by_sha(&self, sha256: &str) -> Result<Option<PhotoId>> {
        Ok(self
            .conn
            .query_row("SELECT id FROM photos WHERE sha256 = ?1", [sha256], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn photo(&self, id: PhotoId) -> Result<Photo> {
        self.conn
            .query_row(
                &format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE id = ?1"),
                [id],
                photo_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found("photo", id))
    }

    /// What the photo's own file said when it was imported, as JSON.
    pub fn photo_embedded(&self, id: PhotoId) -> Result<String> {
        self.conn
            .query_row("SELECT embedded FROM photos WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::not_found("photo", id))
    }

    pub fn photos(&self) -> Result<Vec<Photo>> {
        let mut st = self
            .conn
            .prepare_cached(&format!("SELECT {PHOTO_COLUMNS} FROM photos ORDER BY id"))?;
        let rows = st.query_map([], photo_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn update_photo(&self, id: PhotoId, f: &PhotoFields, focus: Focus) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE photos SET caption = ?2, creator = ?3, agency = ?4, distributor = ?5,
                    copyright = ?6, alt_text = ?7, usage_terms = ?8, credit_override = ?9,
                    focus_x = ?10, focus_y = ?11
             WHERE id = ?1",
            params![
                id,
                f.caption,
                f.creator,
                f.agency,
                f.distributor,
                f.copyright,
                f.alt_text,
                f.usage_terms,
                f.credit_override,
                focus.x,
                focus.y,
            ],
        )?;
        if n == 0 {
            return Err(Error::not_found("photo", id));
        }
        Ok(())
    }

    /// Saves a named crop, replacing the one of that name.
    pub fn put_crop(&self, c: &Crop) -> Result<()> {
        self.conn.execute(
            "INSERT INTO crops (photo_id, name, aspect, x, y, w, h)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT(photo_id, name) DO UPDATE SET aspect = excluded.aspect,
                 x = excluded.x, y = excluded.y, w = excluded.w, h = excluded.h",
            params![c.photo_id, c.name, c.aspect, c.x, c.y, c.w, c.h],
        )?;
        Ok(())
    }

    pub fn crops(&self, photo_id: PhotoId) -> Result<Vec<Crop>> {
        let mut st = self.conn.prepare_cached(
            "SELECT photo_id, name, aspect, x, y, w, h FROM crops WHERE photo_id = ?1 ORDER BY name",
        )?;
        let rows = st.query_map([photo_id], |r| {
            Ok(Crop {
                photo_id: r.get(0)?,
                name: r.get(1)?,
                aspect: r.get(2)?,
                x: r.get(3)?,
                y: r.get(4)?,
                w: r.get(5)?,
                h: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The stories (not in the trash) that may show photo `photo_id`, newest first, each with
    /// its Markdown: those whose hero shows it (`in_hero`), and those whose text the full-text
    /// index finds it in (`photo:12` is the words "photo" "12" side by side). `in_body` is left
    /// false: whether the text really shows it is the Markdown's to say (`Workspace::photo_uses`
    /// reads it), not the index's — "see photo 12" in words is no reference.
    pub fn photo_use_candidates(&self, photo_id: PhotoId) -> Result<Vec<(PhotoUse, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.headline, a.status, \
                    EXISTS(SELECT 1 FROM hero_photos h WHERE h.article_id = a.id AND h.photo_id = ?1), \
                    a.body \
             FROM articles a \
             WHERE a.deleted_at IS NULL AND (\
                 a.id IN (SELECT article_id FROM hero_photos WHERE photo_id = ?1) \
                 OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?2)) \
             ORDER BY a.updated_at DESC, a.id DESC",
        )?;
        let phrase = format!("body : \"photo {photo_id}\"");
        let rows = st.query_map(params![photo_id, phrase], |r| {
            let use_ = PhotoUse {
                article_id: r.get(0)?,
                headline: r.get(1)?,
                status: Status::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                in_hero: r.get(3)?,
                in_body: false,
            };
            Ok((use_, r.get::<_, String>(4)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
