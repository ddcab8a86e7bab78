//! When there is no network at all: a story's history, moves, notes and photos (hero and
//! body, with their originals) in one file that goes by email or USB stick, and bringing one in on any
//! desk with the same rules as a sync — by global id, so applying it twice changes nothing;
//! put together with the desk's own version (fast-forward, merge, or a conflict keeping both);
//! and checked by the newsroom at the applying desk's next sync (what it carries was never
//! acknowledged by the newsroom, so it is sent then, as the applying desk's).
//!
//! The file: a line `DATELINE-BUNDLE 1`, a line with the length of the JSON header in bytes,
//! the header, then each photo original's bytes in the header's order. Think `git bundle`.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::sync::{free_slug, from_wire, storage, to_wire, SyncReport};
use super::Desk;
use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::model::{Crop, Focus, PhotoFields, Status};
use crate::store::{DeskMove, DeskNote, DeskRevision, NewPhoto};

const MAGIC: &str = "DATELINE-BUNDLE 1";

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    story: String,
    slug: String,
    status: Status,
    created_at: DateTime<Utc>,
    head: String,
    revisions: Vec<Rev>,
    moves: Vec<Move>,
    notes: Vec<Note>,
    photos: Vec<BundledPhoto>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Rev {
    id: String,
    parents: Vec<String>,
    author: String,
    reason: String,
    created_at: DateTime<Utc>,
    snapshot: Value,
}

#[derive(Debug, Serialize, Deserialize)]
struct Move {
    id: String,
    from: Status,
    to: Status,
    at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Note {
    id: String,
    who: String,
    body: String,
    created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
struct BundledPhoto {
    id: String,
    sha256: String,
    original_name: String,
    mime: String,
    width: u32,
    height: u32,
    fields: PhotoFields,
    focus: Focus,
    crops: Vec<(String, String, f64, f64, f64, f64)>,
    imported_at: DateTime<Utc>,
    size: u64,
}

/// What a bundle held, and what applying it did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BundleReport {
    pub story: String,
    pub revisions: usize,
    pub photos: usize,
    pub bytes: u64,
    /// Applying: what putting it together with this desk's version did.
    pub sync: SyncReport,
}

fn bad(path: &Path, message: &str) -> Error {
    Error::BadImport {
        path: path.to_path_buf(),
        message: message.to_string().into(),
    }
}

impl Desk<'_> {
    /// Writes the story (by id or slug) into `out`: its whole history (so any desk can apply
    /// it, whatever it has seen), moves, notes, and its hero photos with their originals.
    pub fn newsroom_bundle(&mut self, key: &str, out: &Path) -> Result<BundleReport> {
        // Words autosave folded into no revision yet go into one first: the bundle carries
        // everything that was saved.
        self.checkpoint_unrecorded_words()?;
        let (header, originals) = self.db.read(|t| {
            let id = t.resolve_article(key)?;
            let a = t.article(id)?;
            let uuid = t.article_uuid(id)?;
            let head = t
                .article_head(id)?
                .ok_or_else(|| Error::not_found("revision", key))?;
            let mut revisions = Vec::new();
            for r in t.desk_revisions(id)? {
                let d: crate::model::ArticleDraft =
                    serde_json::from_str(&r.snapshot).map_err(storage)?;
                revisions.push(Rev {
                    id: r.uuid,
                    parents: r.parents,
                    author: r.author,
                    reason: r.reason,
                    created_at: r.created_at,
                    snapshot: to_wire(t, &d)?,
                });
            }
            let moves = t
                .desk_moves(id)?
                .into_iter()
                .map(|m| Move {
                    id: m.uuid,
                    from: m.from,
                    to: m.to,
                    at: m.at,
                })
                .collect();
            let notes = t
                .desk_notes(id)?
                .into_iter()
                .map(|n| Note {
                    id: n.uuid,
                    who: n.who,
                    body: n.body,
                    created_at: n.created_at,
                })
                .collect();
            let mut photos = Vec::new();
            let mut originals = Vec::new();
            let mut ids: Vec<i64> = a
                .hero
                .iter()
                .flat_map(|h| h.photos.iter().map(|p| p.photo_id))
                .collect();
            ids.extend(
                crate::markdown::photos::photo_refs(&a.body)
                    .iter()
                    .filter_map(|r| r.id),
            );
            ids.dedup();
            let mut seen = std::collections::BTreeSet::new();
            for photo_id in ids {
                if !seen.insert(photo_id) {
                    continue;
                }
                let Ok(p) = t.photo(photo_id) else {
                    continue;
                };
                let crops = t
                    .crops(p.id)?
                    .into_iter()
                    .map(|c| (c.name, c.aspect, c.x, c.y, c.w, c.h))
                    .collect();
                originals.push((p.sha256.clone(), p.mime.clone()));
                photos.push(BundledPhoto {
                    id: t.photo_uuid(p.id)?,
                    sha256: p.sha256,
                    original_name: p.original_name,
                    mime: p.mime,
                    width: p.width,
                    height: p.height,
                    fields: p.fields,
                    focus: p.focus,
                    crops,
                    imported_at: p.imported_at,
                    size: 0,
                });
            }
            Ok((
                Header {
                    story: uuid,
                    slug: a.slug,
                    status: a.status,
                    created_at: a.created_at,
                    head,
                    revisions,
                    moves,
                    notes,
                    photos,
                },
                originals,
            ))
        })?;
        let mut header = header;
        let mut blobs = Vec::new();
        for (i, (sha, mime)) in originals.iter().enumerate() {
            let path = self.original_path(sha, crate::photo::extension_for(mime));
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            header.photos[i].size = bytes.len() as u64;
            blobs.push(bytes);
        }
        let json = serde_json::to_vec(&header).map_err(storage)?;
        let mut file = Vec::new();
        writeln!(file, "{MAGIC}").map_err(|e| Error::io(out, e))?;
        writeln!(file, "{}", json.len()).map_err(|e| Error::io(out, e))?;
        file.extend_from_slice(&json);
        for b in &blobs {
            file.extend_from_slice(b);
        }
        crate::durable::write_atomically(out, &file)?;
        Ok(BundleReport {
            story: header.slug,
            revisions: header.revisions.len(),
            photos: header.photos.len(),
            bytes: file.len() as u64,
            sync: SyncReport::default(),
        })
    }

    /// Brings a bundle in: the story (made if the desk lacks it), every revision, move and
    /// note it lacks, the photos (each original checked against its SHA-256), then puts the
    /// bundle's version together with the desk's. Applying the same bundle again changes
    /// nothing. The newsroom checks it all at this desk's next sync.
    pub fn newsroom_apply(&mut self, path: &Path) -> Result<BundleReport> {
        let file = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let not_a_bundle =
            "this is not a Dateline bundle (`dateline newsroom bundle` writes them).";
        let rest = file
            .strip_prefix(format!("{MAGIC}\n").as_bytes())
            .ok_or_else(|| bad(path, not_a_bundle))?;
        let nl = rest
            .iter()
            .position(|b| *b == b'\n')
            .ok_or_else(|| bad(path, not_a_bundle))?;
        let len: usize = std::str::from_utf8(&rest[..nl])
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| bad(path, not_a_bundle))?;
        let body = &rest[nl + 1..];
        if body.len() < len {
            return Err(bad(path, "the bundle is cut short: copy it again."));
        }
        let header: Header = serde_json::from_slice(&body[..len])
            .map_err(|_| bad(path, "the bundle's contents cannot be read: copy it again."))?;
        let mut blobs = &body[len..];
        let mut originals = Vec::new();
        for p in &header.photos {
            let n = p.size as usize;
            if blobs.len() < n {
                return Err(bad(path, "the bundle is cut short: copy it again."));
            }
            let (bytes, more) = blobs.split_at(n);
            blobs = more;
            if crate::durable::sha256_hex(bytes) != p.sha256 {
                return Err(bad(
                    path,
                    "a photo in the bundle does not match its fingerprint: copy it again.",
                ));
            }
            originals.push(bytes.to_vec());
        }
        // Originals first, each whole or absent; then the rows, in one transaction.
        for (p, bytes) in header.photos.iter().zip(&originals) {
            let dest = self.original_path(&p.sha256, crate::photo::extension_for(&p.mime));
            if !dest.exists() {
                crate::durable::write_atomically(&dest, bytes)?;
            }
        }
        let now = Utc::now();
        let (local, added) = self.db.write(|t| {
            for p in &header.photos {
                let id = match t.photo_by_uuid(&p.id)? {
                    Some(id) => id,
                    None => match t.photo_by_sha(&p.sha256)? {
                        Some(id) => id,
                        None => {
                            let new = NewPhoto {
                                sha256: p.sha256.clone(),
                                original_name: p.original_name.clone(),
                                mime: p.mime.clone(),
                                width: p.width,
                                height: p.height,
                                fields: p.fields.clone(),
                                focus: p.focus,
                                embedded: "{}".into(),
                            };
                            let (id, _) = t.insert_photo(&new, p.imported_at)?;
                            t.update_photo(id, &p.fields, p.focus)?;
                            t.set_photo_uuid(id, &p.id)?;
                            id
                        }
                    },
                };
                for (name, aspect, x, y, w, h) in &p.crops {
                    if !t.crops(id)?.iter().any(|c| &c.name == name) {
                        t.put_crop(&Crop {
                            photo_id: id,
                            name: name.clone(),
                            aspect: aspect.clone(),
                            x: *x,
                            y: *y,
                            w: *w,
                            h: *h,
                        })?;
                    }
                }
            }
            let local = match t.article_by_uuid(&header.story)? {
                Some(id) => id,
                None => {
                    let head = header
                        .revisions
                        .iter()
                        .find(|r| r.id == header.head)
                        .ok_or_else(|| bad(path, "the bundle names no head revision."))?;
                    let mut draft = from_wire(t, head.snapshot.clone())?;
                    draft.status = Some(header.status);
                    draft.slug = Some(free_slug(t, &header.slug)?);
                    let valid = ValidArticle::new(draft, None)?;
                    let id = t.insert_article(&valid, header.created_at)?;
                    t.set_article_uuid(id, &header.story)?;
                    id
                }
            };
            let mut added = 0;
            for r in &header.revisions {
                if t.revision_by_uuid(&r.id)?.is_some() {
                    continue;
                }
                let draft = from_wire(t, r.snapshot.clone())?;
                t.insert_graph_revision(
                    local,
                    &DeskRevision {
                        id: 0,
                        uuid: r.id.clone(),
                        parents: r.parents.clone(),
                        author: r.author.clone(),
                        reason: r.reason.clone(),
                        created_at: r.created_at,
                        snapshot: serde_json::to_string(&draft).map_err(storage)?,
                    },
                )?;
                added += 1;
            }
            if t.article_head(local)?.is_none() {
                t.set_article_head(local, &header.head)?;
            }
            for m in &header.moves {
                let mv = DeskMove {
                    uuid: m.id.clone(),
                    from: m.from,
                    to: m.to,
                    at: m.at,
                };
                t.insert_move_from_newsroom(local, &mv, "")?;
            }
            for n in &header.notes {
                t.insert_note_from_newsroom(
                    local,
                    &DeskNote {
                        uuid: n.id.clone(),
                        who: n.who.clone(),
                        body: n.body.clone(),
                        created_at: n.created_at,
                    },
                )?;
            }
            let _ = now;
            Ok((local, added))
        })?;
        let mut sync = SyncReport::default();
        self.reconcile(local, header.status, Some(&header.head), false, &mut sync)?;
        Ok(BundleReport {
            story: self.article_by_id(local)?.slug,
            revisions: added,
            photos: header.photos.len(),
            bytes: file.len() as u64,
            sync,
        })
    }
}
