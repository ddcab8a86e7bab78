//! Joining a newsroom, and `sync`: pull what others changed, put it together with what this
//! desk changed (fast-forward, merge, or a conflict that keeps both versions), then push.
//!
//! Rules this file keeps (docs/NEWSROOM.md says why):
//! - Everything is keyed by global id; the server takes a row it already has as a no-op
//!   (`ON CONFLICT DO NOTHING`), and the desk records a row as sent only after the server's
//!   commit returned. A sync killed at any point is finished by the next one.
//! - The pull cursor is the server's change number, handed out in commit order; it moves only
//!   after the pulled rows are committed to the desk. A story the desk sees for the first time
//!   comes with its whole history, whatever the cursor.
//! - A story's fields on the server move only forward along the revision graph: a push sets
//!   them to the desk's head only if the server's head is an ancestor of it.
//! - A refusal (a permission, a move the rules forbid) never loses words: the revision stays
//!   in the desk's history, the refusal is recorded with the server's reason, and the story's
//!   status becomes the server's.
//! - Local photo ids never travel: heroes travel as photo global ids, bylines by name.
//! - A sync starts with one question (`newsroom.hello()`): who the connection is, the
//!   server's format, and its change counter; it pulls only when the counter passed the
//!   cursor. The connection is kept for the next sync in the same process.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, Utc};
use postgres::fallible_iterator::FallibleIterator;
use postgres::Client;
use serde::Serialize;
use serde_json::{json, Value};

use super::connect::{Prompt, Target};
use super::schema;
use super::Desk;
use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{ArticleDraft, ArticleId, Crop, Focus, PhotoFields, Status};
use crate::store::{DeskRevision, NewPhoto, SentKind, Tx};

pub(crate) const KEY_CONNINFO: &str = "newsroom.conninfo";
const KEY_LOGIN: &str = "newsroom.login";
const KEY_ROLE: &str = "newsroom.role";
const KEY_CURSOR: &str = "newsroom.cursor";
const KEY_LAST_SYNC: &str = "newsroom.last_sync";
pub(crate) const KEY_NAME: &str = "newsroom.name";
const KEY_CHECKED: &str = "newsroom.checked_at";
/// Global ids of what stays on this desk and never travels: the demo desk's example stories
/// and photos (a newsroom joined from a demo desk must not receive them), one per line.
pub(crate) const KEY_LOCAL_ONLY: &str = "newsroom.local_only";

/// What never travels from this desk ([`KEY_LOCAL_ONLY`]).
pub(crate) fn local_only(t: &Tx<'_>) -> Result<HashSet<String>> {
    Ok(t.setting(KEY_LOCAL_ONLY)?
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect())
}

/// Originals travel in chunks of this many bytes (the server refuses bigger ones).
pub const CHUNK: usize = 1024 * 1024;

/// A change the newsroom refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// The story's slug, when it is about a story.
    pub article: Option<String>,
    /// `article`, `revision`, `move`, `note`, `photo`.
    pub kind: String,
    /// The global id of what was refused.
    pub id: String,
    pub reason: String,
}

/// Two versions that sync could not put together, both kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    pub article: Option<String>,
    pub photo_id: Option<i64>,
    /// `body`, `headline`, `dek`, … or `photo.credit`, `photo.caption`, `photo.alt_text`.
    pub field: String,
    /// For `body`: the two revisions' global ids; else the two values (the newsroom's won).
    pub ours: String,
    pub theirs: String,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    pub pulled_stories: usize,
    pub pulled_revisions: usize,
    pub pushed_revisions: usize,
    pub pushed_moves: usize,
    pub pushed_notes: usize,
    pub pushed_photos: usize,
    pub merged: usize,
    pub refused: Vec<Refusal>,
    pub conflicts: Vec<Conflict>,
}

/// What `dateline newsroom status` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsroomStatus {
    /// `user@host:port/database`, or `None` for a desk that has not joined.
    pub newsroom: Option<String>,
    pub login: Option<String>,
    pub role: Option<String>,
    #[serde(with = "opt_ts")]
    pub last_sync: Option<DateTime<Utc>>,
    /// Revisions, moves and notes of this desk the newsroom does not have yet.
    pub to_send: usize,
    /// Changes on the newsroom this desk has not pulled yet; `None` when offline.
    pub to_receive: Option<usize>,
    pub conflicts: Vec<Conflict>,
    pub refused: Vec<Refusal>,
    /// Why the newsroom could not be asked, when it could not.
    pub offline: Option<String>,
}

mod opt_ts {
    use chrono::{DateTime, Utc};
    use serde::Serializer;
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&t.to_rfc3339()),
            None => s.serialize_none(),
        }
    }
}

/// What a desk knows of the newsroom it joined.
pub(super) struct Joined {
    pub(super) target: Target,
    pub(super) login: String,
}

pub(super) fn storage(e: impl std::fmt::Display) -> Error {
    Error::Storage(e.to_string())
}

impl Desk<'_> {
    /// Joins the newsroom at `url`: checks that the server speaks this Dateline's protocol and
    /// that the user is one of its people, then keeps the address (never the password) and
    /// makes the PostgreSQL user the desk's identity.
    pub fn newsroom_join(
        &mut self,
        url: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<NewsroomStatus> {
        let target = Target::parse(url)?;
        let mut client = target.connect(prompt)?;
        schema::check_compatible(&mut client, &target)?;
        let row = client
            .query_opt(
                "SELECT session_user::text, m.display_name, m.role FROM newsroom.members m
                 WHERE m.login = session_user",
                &[],
            )
            .map_err(|e| target.error(e))?;
        let Some(row) = row else {
            return Err(Error::Refused(
                Text::new("newsroom-not-a-member")
                    .arg("user", target.user())
                    .arg("newsroom", target.to_string()),
            ));
        };
        let (login, name, role): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        if let Some(old) = self.db.read(|t| t.setting(KEY_CONNINFO))? {
            if !old.is_empty() && old != target.to_conninfo() {
                return Err(Error::invalid(
                    "newsroom",
                    Text::new("newsroom-other-newsroom"),
                ));
            }
        }
        let conninfo = target.to_conninfo();
        self.db.write(|t| {
            t.set_setting(KEY_CONNINFO, &conninfo)?;
            t.set_setting(KEY_LOGIN, &login)?;
            t.set_setting(KEY_ROLE, &role)?;
            t.set_setting(KEY_NAME, &name)?;
            t.set_setting("identity", &login)
        })?;
        self.newsroom_status(prompt)
    }

    pub(super) fn joined(&self) -> Result<Joined> {
        let (conninfo, login) = self
            .db
            .read(|t| Ok((t.setting(KEY_CONNINFO)?, t.setting(KEY_LOGIN)?)))?;
        match (conninfo.filter(|c| !c.is_empty()), login) {
            (Some(c), Some(login)) => Ok(Joined {
                target: Target::parse(&c)?,
                login,
            }),
            _ => Err(Error::Newsroom(Text::new("newsroom-not-joined"))),
        }
    }

    /// What waits on each side, when the last sync was, and every open conflict and refusal.
    /// Asks the newsroom what this desk has not pulled yet when it can be reached; says why
    /// not otherwise (never an error for being offline).
    pub fn newsroom_status(&self, prompt: Option<&Prompt<'_>>) -> Result<NewsroomStatus> {
        let (conflicts, refused) = self.db.read(|t| {
            Ok((
                conflicts_of(t, None)?,
                t.refusals(None)?
                    .into_iter()
                    .map(|r| refusal(t, r))
                    .collect::<Result<Vec<_>>>()?,
            ))
        })?;
        let Ok(joined) = self.joined() else {
            return Ok(NewsroomStatus {
                newsroom: None,
                login: None,
                role: None,
                last_sync: None,
                to_send: 0,
                to_receive: None,
                conflicts,
                refused,
                offline: None,
            });
        };
        let (role, last_sync, cursor) = self.db.read(|t| {
            Ok((
                t.setting(KEY_ROLE)?,
                t.setting(KEY_LAST_SYNC)?
                    .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
                    .map(|t| t.with_timezone(&Utc)),
                cursor(t)?,
            ))
        })?;
        let to_send = self.db.read(count_unsent)?;
        let asked = open_session(&joined.target, prompt).and_then(|(mut c, hello)| {
            let n = if hello.counter > cursor {
                waiting_on_server(&mut c, &joined.target, cursor)?
            } else {
                0
            };
            joined.target.keep(c);
            Ok(n)
        });
        let (to_receive, offline) = match asked {
            Ok(n) => (Some(n), None),
            Err(e) => (None, Some(e.to_string())),
        };
        Ok(NewsroomStatus {
            newsroom: Some(joined.target.to_string()),
            login: Some(joined.login),
            role,
            last_sync,
            to_send,
            to_receive,
            conflicts,
            refused,
            offline,
        })
    }

    /// Stays connected to the newsroom and syncs whenever another desk's change is committed
    /// (PostgreSQL's LISTEN/NOTIFY), once at the start and once per wake-up; a wake-up lost
    /// while disconnected costs nothing, since every (re)connect starts with a sync. Returns
    /// after `rounds` syncs, or when no change arrives within `idle`. `each` sees every
    /// report (the CLI prints them).
    pub fn newsroom_watch(
        &mut self,
        prompt: Option<&Prompt<'_>>,
        rounds: usize,
        idle: std::time::Duration,
        mut each: impl FnMut(&SyncReport),
    ) -> Result<usize> {
        let joined = self.joined()?;
        let mut listener = joined.target.connect(prompt)?;
        listener
            .batch_execute("LISTEN dateline_newsroom")
            .map_err(|e| joined.target.error(e))?;
        let mut done = 0;
        while done < rounds {
            let report = self.sync(prompt)?;
            each(&report);
            done += 1;
            if done == rounds {
                break;
            }
            let heard = {
                let mut n = listener.notifications();
                let mut it = n.timeout_iter(idle);
                match it.next() {
                    Ok(Some(_)) => true,
                    Ok(None) => false,
                    Err(e) => return Err(joined.target.error(e)),
                }
            };
            if !heard {
                break;
            }
            // Several commits close together wake the desk once.
            let mut n = listener.notifications();
            let mut it = n.timeout_iter(std::time::Duration::from_millis(20));
            while let Ok(Some(_)) = it.next() {}
        }
        Ok(done)
    }

    /// Pulls what others changed, puts it together with this desk's work, and pushes this
    /// desk's changes. Safe to interrupt at any point and to run again.
    pub fn sync(&mut self, prompt: Option<&Prompt<'_>>) -> Result<SyncReport> {
        let joined = self.joined()?;
        let target = joined.target.clone();
        let (mut client, hello) = open_session(&target, prompt)?;
        if hello.login != joined.login {
            return Err(Error::Refused(
                Text::new("newsroom-other-login")
                    .arg("joined", &joined.login)
                    .arg("login", &hello.login),
            ));
        }
        let mut report = SyncReport::default();
        self.checkpoint_unrecorded_words()?;
        // Pull first: a photo both sides changed is noticed before this desk's fields would
        // overwrite the newsroom's, and a story both sides changed is merged before it goes up.
        // Nothing was committed after the cursor when the counter is not past it.
        if hello.counter > self.db.read(cursor)? {
            self.pull(&mut client, &target, &mut report)?;
        }
        self.push_tag_renames(&mut client, &target, &mut report)?;
        self.push_lists(&mut client, &target, &mut report)?;
        self.push_codes(&mut client, &target, &mut report)?;
        self.push_photos(&mut client, &target, &mut report)?;
        self.push_stories(&mut client, &target, &mut report)?;
        self.push_trash(&mut client, &target, &mut report)?;
        self.push_purges(&mut client, &target, &mut report)?;
        self.push_slugs(&mut client, &target, &mut report)?;
        let now = Utc::now().to_rfc3339();
        self.db.write(|t| t.set_setting(KEY_LAST_SYNC, &now))?;
        target.keep(client);
        Ok(report)
    }

    /// Words that autosave folded into no revision yet become one ("before sync"), so what
    /// travels is always a revision.
    pub(super) fn checkpoint_unrecorded_words(&mut self) -> Result<()> {
        let who = self.identity()?;
        let now = Utc::now();
        // Only stories changed since the last checkpoint (a second early, for a clock that
        // ticks between the read and the write) can hold unrecorded words.
        let since = self
            .db
            .read(|t| t.setting(KEY_CHECKED))?
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|t| t.with_timezone(&Utc) - chrono::Duration::seconds(1));
        self.db.write(|t| {
            for id in t.articles_changed_since(since)? {
                let a = t.article(id)?;
                let now_draft = ArticleDraft::from(&a);
                // Compared with the head: after a conflict the newest revision may be the
                // newsroom's, while the row holds this desk's words.
                let head = match t.article_head(id)? {
                    Some(h) => t.revision_by_uuid(&h)?,
                    None => t.latest_revision(id)?.map(|(rid, _, _)| rid),
                };
                let differs = match head {
                    Some(rid) => {
                        let (_, d) = t.revision_snapshot(rid)?;
                        content_key(&d) != content_key(&now_draft)
                    }
                    None => true,
                };
                if differs {
                    t.insert_revision(id, &now_draft, &who, "before sync", now)?;
                }
            }
            t.set_setting(KEY_CHECKED, &now.to_rfc3339())
        })
    }

    /// The photo desk chose the photo's fields (as they are now, after any edit): its
    /// conflicts are settled. Returns how many were open.
    pub fn settle_photo_conflicts(&mut self, photo_id: crate::model::PhotoId) -> Result<usize> {
        self.db.read(|t| t.photo(photo_id))?;
        self.db
            .write(|t| t.resolve_photo_conflicts(photo_id, Utc::now()))
    }

    /// The person chose a value for a story's field that two desks changed apart (the
    /// headline, the dateline…): its conflict is settled. The value chosen is the story's
    /// as saved (the newsroom's, which the merge took, or the person's own, typed back).
    pub fn settle_field_conflict(&mut self, key: &str, field: &str) -> Result<usize> {
        if field == "body" {
            return Err(Error::invalid(
                "field",
                Text::new("newsroom-text-conflict-how"),
            ));
        }
        self.db.write(|t| {
            let id = t.resolve_article(key)?;
            t.resolve_conflicts(id, field, Utc::now())
        })
    }

    /// The story's open conflicts (what `article show` and `newsroom status` list).
    pub fn newsroom_conflicts(&self, key: &str) -> Result<Vec<Conflict>> {
        self.db.read(|t| {
            let id = t.resolve_article(key)?;
            conflicts_of(t, Some(id))
        })
    }

    /// Settles a story's conflict on its text as a new revision whose parents are both
    /// versions: its text becomes that of revision `take` (a local revision id, either side's
    /// or any other of the story), or `text`. The next sync sends it, and the newsroom's story
    /// moves forward to it.
    pub fn resolve_conflict(
        &mut self,
        key: &str,
        take: Option<i64>,
        text: Option<String>,
    ) -> Result<crate::model::Article> {
        let who = self.identity()?;
        let now = Utc::now();
        let id = self.db.write(|t| {
            let id = t.resolve_article(key)?;
            let open: Vec<_> = t
                .open_conflicts(Some(id))?
                .into_iter()
                .filter(|c| c.field == "body")
                .collect();
            let Some(c) = open.last() else {
                return Err(Error::invalid(
                    "article",
                    Text::new("newsroom-no-text-conflict").arg("story", key),
                ));
            };
            let current = t.article(id)?;
            let mut d = ArticleDraft::from(&current);
            d.body = match (take, text) {
                (Some(rev), None) => {
                    let (of, snap) = t.revision_snapshot(rev)?;
                    if of != id {
                        return Err(Error::invalid(
                            "revision",
                            Text::new("newsroom-revision-of-another")
                                .arg("revision", rev.to_string())
                                .arg("story", key),
                        ));
                    }
                    snap.body
                }
                (None, Some(body)) => body,
                _ => {
                    return Err(Error::invalid(
                        "resolve",
                        Text::new("newsroom-say-how-to-resolve"),
                    ))
                }
            };
            let valid = ValidArticle::new(d, Some(&current.slug))?;
            t.update_article(id, &valid, now)?;
            let uuid = new_uuid(now);
            let mut parents = vec![c.ours.clone()];
            if c.theirs != c.ours {
                parents.push(c.theirs.clone());
            }
            // Any later heads that came in meanwhile are parents too.
            for other in &open[..open.len() - 1] {
                for p in [&other.ours, &other.theirs] {
                    if !parents.contains(p) {
                        parents.push(p.clone());
                    }
                }
            }
            t.insert_graph_revision(
                id,
                &DeskRevision {
                    id: 0,
                    uuid: uuid.clone(),
                    parents,
                    author: who.clone(),
                    reason: "resolved".into(),
                    created_at: now,
                    snapshot: serde_json::to_string(&valid.to_draft()).map_err(storage)?,
                },
            )?;
            t.set_article_head(id, &uuid)?;
            t.resolve_conflicts(id, "body", now)?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }

    // ---- Push: managed lists and photos -------------------------------------------------

    /// Sections, authors and tags the newsroom lacks, and renames (a section's or an
    /// author's fields changed since they were last agreed: the digest is what was agreed).
    /// Renaming is an editor's: a refused rename is recorded and the desk takes the
    /// newsroom's name back at the next pull.
    fn push_lists(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let (sections, authors, tags) = self
            .db
            .read(|t| Ok((t.section_uuids()?, t.author_uuids()?, t.tag_names()?)))?;
        // (kind, key, digest, insert, update, values): a row the newsroom lacks is inserted
        // (anyone who writes may add a name); one whose fields changed since they were agreed
        // is updated (an editor's). Separate statements: `ON CONFLICT DO UPDATE` would need
        // the right to update for every insert.
        type Row = (
            SentKind,
            String,
            String,
            &'static str,
            &'static str,
            Vec<Option<String>>,
        );
        let mut rows: Vec<Row> = Vec::new();
        for (uuid, name, slug) in sections {
            rows.push((
                SentKind::Section,
                uuid,
                json!([name, slug]).to_string(),
                "INSERT INTO newsroom.sections (id, name, slug) VALUES ($1::text::uuid, $2, $3)
                 ON CONFLICT DO NOTHING",
                "UPDATE newsroom.sections SET name = $2, slug = $3 WHERE id = $1::text::uuid",
                vec![Some(name), Some(slug)],
            ));
        }
        for a in authors {
            rows.push((
                SentKind::Author,
                a.uuid,
                json!([a.name, a.role, a.bio, a.portrait]).to_string(),
                "INSERT INTO newsroom.authors (id, name, role, bio, portrait)
                 VALUES ($1::text::uuid, $2, $3, $4, $5::text::uuid) ON CONFLICT DO NOTHING",
                "UPDATE newsroom.authors SET name = $2, role = $3, bio = $4,
                        portrait = $5::text::uuid
                 WHERE id = $1::text::uuid",
                vec![Some(a.name), Some(a.role), Some(a.bio), a.portrait],
            ));
        }
        for name in tags {
            rows.push((
                SentKind::Tag,
                name,
                String::new(),
                "INSERT INTO newsroom.tags (name) VALUES ($1) ON CONFLICT DO NOTHING",
                "",
                Vec::new(),
            ));
        }
        for (kind, key, digest, insert, update, values) in rows {
            let sent = self.db.read(|t| t.sent(kind, &key))?;
            if sent.as_deref() == Some(digest.as_str()) || (kind == SentKind::Tag && sent.is_some())
            {
                continue;
            }
            // A digest of '' is what the newsroom sent this desk (or an older desk's record):
            // the fields are the newsroom's.
            if sent.as_deref() == Some("") {
                self.db.write(|t| t.mark_sent(kind, &key, &digest))?;
                continue;
            }
            let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> = vec![&key];
            for v in &values {
                params.push(v);
            }
            let sql = if sent.is_none() { insert } else { update };
            match client.execute(sql, &params) {
                Ok(_) => self.db.write(|t| t.mark_sent(kind, &key, &digest))?,
                Err(e) => {
                    let reason = refusal_reason(target, e)?;
                    self.refuse(report, None, kind, &key, reason)?;
                    self.db.write(|t| {
                        t.mark_sent(kind, &key, &digest)?;
                        // The newsroom's fields come back at the next pull.
                        t.set_setting(KEY_CURSOR, "0")
                    })?;
                }
            }
        }
        Ok(())
    }

    /// Tag renames made on this desk: the newsroom's tag takes the new name and keeps the
    /// old one as an alias (so desks that missed it still find their tag); when the new name
    /// is already a tag there, the old name becomes its alias. An editor's to make.
    fn push_tag_renames(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        for (old, new) in self.db.read(|t| t.tag_renames_to_send())? {
            let res = client.execute(
                "WITH renamed AS (
                     UPDATE newsroom.tags SET name = $2 WHERE name = $1
                         AND NOT EXISTS (SELECT 1 FROM newsroom.tags WHERE name = $2)
                     RETURNING name)
                 UPDATE newsroom.tags SET aliases = array_append(array_remove(aliases, $1), $1)
                 WHERE name = $2 AND NOT EXISTS (SELECT 1 FROM renamed)",
                &[&old, &new],
            );
            if let Err(e) = res {
                let reason = refusal_reason(target, e)?;
                let key = format!("{old} → {new}");
                self.refuse(report, None, SentKind::Tag, &key, reason)?;
            }
            self.db.write(|t| t.forget_tag_rename(&old, &new))?;
        }
        Ok(())
    }

    /// Code replacements added, changed or removed since the newsroom last heard (the photo
    /// desk's and editors'; a correspondent's are refused and stay on the desk).
    fn push_codes(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let (codes, removed) = self
            .db
            .read(|t| Ok((t.code_replacements()?, t.codes_removed()?)))?;
        let mut out: Vec<(String, String, bool)> = Vec::new();
        for c in codes {
            if self
                .db
                .read(|t| t.sent(SentKind::Code, &c.code))?
                .as_deref()
                != Some(c.expansion.as_str())
            {
                out.push((c.code, c.expansion, false));
            }
        }
        out.extend(removed.into_iter().map(|c| (c, String::new(), true)));
        for (code, expansion, removed) in out {
            let res = client.execute(
                "INSERT INTO newsroom.code_replacements (code, expansion, removed)
                 VALUES ($1, $2, $3)
                 ON CONFLICT (code) DO UPDATE SET expansion = excluded.expansion,
                     removed = excluded.removed",
                &[&code, &expansion, &removed],
            );
            if let Err(e) = res {
                let reason = refusal_reason(target, e)?;
                self.refuse(report, None, SentKind::Code, &code, reason)?;
            }
            self.db
                .write(|t| t.mark_sent(SentKind::Code, &code, &expansion))?;
        }
        Ok(())
    }

    fn push_photos(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let photos = self.db.read(|t| t.photo_uuids())?;
        let local = self.db.read(local_only)?;
        for (id, uuid, sha) in photos {
            if local.contains(&uuid) {
                continue;
            }
            let p = self.db.read(|t| t.photo(id))?;
            let crops = self.db.read(|t| t.crops(id))?;
            let digest = photo_digest(&p.fields, p.focus, &crops);
            let sent = self.db.read(|t| t.sent(SentKind::Photo, &uuid))?;
            if sent.as_deref() == Some(digest.as_str()) {
                continue;
            }
            if self
                .db
                .read(|t| t.sent(SentKind::Original, &sha))?
                .is_none()
            {
                let path = self.original_path(&sha, crate::photo::extension_for(&p.mime));
                upload_original(client, target, &sha, &path)?;
                self.db
                    .write(|t| t.mark_sent(SentKind::Original, &sha, ""))?;
            }
            let embedded = self.db.read(|t| t.photo_embedded(id))?;
            let f = &p.fields;
            let mut tx = client.transaction().map_err(|e| target.error(e))?;
            // A photo of the same bytes another desk sent first is the same photo: this desk
            // takes its id at the next pull, and sends its fields then.
            let other: Option<String> = tx
                .query_opt(
                    "SELECT id::text FROM newsroom.photos WHERE sha256 = $1",
                    &[&sha],
                )
                .map_err(|e| target.error(e))?
                .map(|r| r.get(0));
            if other.as_deref().is_some_and(|o| o != uuid) {
                continue;
            }
            let width = p.width as i32;
            let height = p.height as i32;
            let result = tx.execute(
                "INSERT INTO newsroom.photos (id, sha256, original_name, mime, width, height,
                     caption, creator, agency, distributor, copyright, alt_text, usage_terms,
                     credit_override, focus_x, focus_y, embedded, imported_at)
                 VALUES ($1::text::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
                         $14, $15, $16, $17, $18)
                 ON CONFLICT (id) DO UPDATE SET caption = excluded.caption,
                     creator = excluded.creator, agency = excluded.agency,
                     distributor = excluded.distributor, copyright = excluded.copyright,
                     alt_text = excluded.alt_text, usage_terms = excluded.usage_terms,
                     credit_override = excluded.credit_override, focus_x = excluded.focus_x,
                     focus_y = excluded.focus_y",
                &[
                    &uuid,
                    &sha,
                    &p.original_name,
                    &p.mime,
                    &width,
                    &height,
                    &f.caption,
                    &f.creator,
                    &f.agency,
                    &f.distributor,
                    &f.copyright,
                    &f.alt_text,
                    &f.usage_terms,
                    &f.credit_override,
                    &p.focus.x,
                    &p.focus.y,
                    &embedded,
                    &p.imported_at,
                ],
            );
            let result = result.and_then(|_| {
                for c in &crops {
                    tx.execute(
                        "INSERT INTO newsroom.crops (photo_id, name, aspect, x, y, w, h)
                         VALUES ($1::text::uuid, $2, $3, $4, $5, $6, $7)
                         ON CONFLICT (photo_id, name) DO UPDATE SET aspect = excluded.aspect,
                             x = excluded.x, y = excluded.y, w = excluded.w, h = excluded.h",
                        &[&uuid, &c.name, &c.aspect, &c.x, &c.y, &c.w, &c.h],
                    )?;
                }
                Ok(())
            });
            match result.and_then(|_| tx.commit()) {
                Ok(()) => {
                    self.db
                        .write(|t| t.mark_sent(SentKind::Photo, &uuid, &digest))?;
                    report.pushed_photos += 1;
                }
                Err(e) => {
                    let reason = refusal_reason(target, e)?;
                    // The fields stay on the desk, and are sent again if they change.
                    self.refuse(report, None, SentKind::Photo, &uuid, reason)?;
                    self.db
                        .write(|t| t.mark_sent(SentKind::Photo, &uuid, &digest))?;
                }
            }
        }
        Ok(())
    }

    // ---- Pull ---------------------------------------------------------------------------

    fn pull(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let since = self.db.read(cursor)?;
        let known: HashSet<String> = self
            .db
            .read(|t| t.article_uuids())?
            .into_iter()
            .map(|(_, u)| u)
            .collect();
        let err = |e| target.error(e);
        // Once the change lock is held shared (writers hold it exclusively from taking a
        // number to committing), every number up to the counter is committed; a snapshot
        // started after that holds them all, so the cursor may move to the counter even past
        // changes this desk may not see. Two transactions, so that no writer waits for the
        // pull, and so that it holds through a transaction pooler.
        let counter: i64 = {
            let mut t = client.transaction().map_err(err)?;
            let row = t
                .query_one(
                    "SELECT h.counter FROM pg_advisory_xact_lock_shared(2026113013) AS l, \
                     newsroom.hello() AS h",
                    &[],
                )
                .map_err(err)?;
            t.commit().map_err(err)?;
            row.get(0)
        };
        let mut tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(err)?;
        let mut top = since.max(counter);
        let mut since_query = |sql: &str| tx.query(sql, &[&since]).map_err(err);
        let sections =
            since_query("SELECT id::text, name, slug, seq FROM newsroom.sections WHERE seq > $1")?;
        let authors = since_query(
            "SELECT id::text, name, role, bio, portrait::text, seq FROM newsroom.authors
             WHERE seq > $1",
        )?;
        let tags = since_query("SELECT name, aliases, seq FROM newsroom.tags WHERE seq > $1")?;
        let codes = since_query(
            "SELECT code, expansion, removed, seq FROM newsroom.code_replacements WHERE seq > $1",
        )?;
        let photos = since_query(
            "SELECT id::text, sha256, original_name, mime, width, height, caption, creator,
                    agency, distributor, copyright, alt_text, usage_terms, credit_override,
                    focus_x, focus_y, embedded, imported_at, seq
             FROM newsroom.photos WHERE seq > $1 ORDER BY seq",
        )?;
        let crops = since_query(
            "SELECT photo_id::text, name, aspect, x, y, w, h, seq FROM newsroom.crops
             WHERE seq > $1 ORDER BY seq",
        )?;
        let stories = since_query(
            "SELECT id::text, slug, status, head::text, created_at, trashed_at IS NOT NULL,
                    purged_at IS NOT NULL, seq
             FROM newsroom.stories WHERE seq > $1 ORDER BY seq",
        )?;
        // A story deleted from the newsroom's trash is never new to a desk.
        let new_ids: Vec<String> = stories
            .iter()
            .filter(|r| !r.get::<_, bool>(6))
            .map(|r| r.get::<_, String>(0))
            .filter(|id| !known.contains(id))
            .collect();
        let revisions = tx
            .query(
                "SELECT id::text, story_id::text, parents::text[],
                        coalesce(written_by, author::text), reason, created_at, snapshot, seq
                 FROM newsroom.revisions
                 WHERE seq > $1 OR story_id::text = ANY($2) ORDER BY seq",
                &[&since, &new_ids],
            )
            .map_err(err)?;
        let moves = tx
            .query(
                "SELECT id::text, story_id::text, from_status, to_status, who::text, at, seq
                 FROM newsroom.moves WHERE seq > $1 OR story_id::text = ANY($2) ORDER BY seq",
                &[&since, &new_ids],
            )
            .map_err(err)?;
        let notes = tx
            .query(
                "SELECT id::text, story_id::text, who::text, body, created_at, seq
                 FROM newsroom.notes WHERE seq > $1 OR story_id::text = ANY($2) ORDER BY seq",
                &[&since, &new_ids],
            )
            .map_err(err)?;
        for rows in [
            &sections, &authors, &tags, &codes, &photos, &crops, &stories,
        ] {
            for r in rows.iter() {
                top = top.max(r.get::<_, i64>(r.len() - 1));
            }
        }
        for r in revisions.iter() {
            top = top.max(r.get::<_, i64>(7));
        }
        for r in moves.iter() {
            top = top.max(r.get::<_, i64>(6));
        }
        for r in notes.iter() {
            top = top.max(r.get::<_, i64>(5));
        }
        // Originals of new photos, fetched before the desk's transaction (a big file on a
        // bad line must not hold the desk's lock).
        let mut fetched: HashMap<String, Vec<u8>> = HashMap::new();
        for p in &photos {
            let sha: String = p.get(1);
            let have = self.db.read(|t| t.photo_by_sha(&sha))?.is_some();
            if !have {
                let bytes = download_original(&mut tx, target, &sha)?;
                fetched.insert(sha, bytes);
            }
        }
        tx.commit().map_err(err)?;

        for (sha, bytes) in &fetched {
            let mime = photos
                .iter()
                .find(|p| p.get::<_, String>(1) == *sha)
                .map(|p| p.get::<_, String>(3))
                .unwrap_or_default();
            let dest = self.original_path(sha, crate::photo::extension_for(&mime));
            if !dest.exists() {
                crate::durable::write_atomically(&dest, bytes)?;
            }
        }

        // Rows of the lists this desk changed since it last agreed with the newsroom: the
        // desk's change goes up at push, and its own older row coming back must not undo it.
        let changed_here: HashSet<String> = self.db.read(|t| {
            let mut out = HashSet::new();
            let mut check = |kind, key: String, digest: String| -> Result<()> {
                match t.sent(kind, &key)? {
                    Some(d) if !d.is_empty() && d != digest => {
                        out.insert(key);
                    }
                    _ => {}
                }
                Ok(())
            };
            for (uuid, name, slug) in t.section_uuids()? {
                check(SentKind::Section, uuid, json!([name, slug]).to_string())?;
            }
            for a in t.author_uuids()? {
                let digest = json!([a.name, a.role, a.bio, a.portrait]).to_string();
                check(SentKind::Author, a.uuid, digest)?;
            }
            for c in t.code_replacements()? {
                check(SentKind::Code, c.code, c.expansion)?;
            }
            for code in t.codes_removed()? {
                out.insert(code);
            }
            Ok(out)
        })?;
        let now = Utc::now();
        // What others changed is marked for the library ("Changed", "New"); this person's own
        // changes coming back from the newsroom are not.
        let me = self
            .db
            .read(|t| t.setting("newsroom.login"))?
            .unwrap_or_default();
        let mut touched: Vec<(ArticleId, String, Status, Option<String>)> = Vec::new();
        let (pulled_stories, pulled_revisions) = self.db.write(|t| {
            for r in &sections {
                let (uuid, name, slug): (String, String, String) = (r.get(0), r.get(1), r.get(2));
                if changed_here.contains(&uuid) {
                    continue;
                }
                t.put_section_from_newsroom(&uuid, &name, &slug)?;
                t.mark_sent(SentKind::Section, &uuid, "")?;
            }
            for r in &tags {
                let name: String = r.get(0);
                t.put_tag_from_newsroom(&name)?;
                t.rename_tag_from_newsroom(&name, &r.get::<_, Vec<String>>(1))?;
                t.mark_sent(SentKind::Tag, &name, "")?;
            }
            for r in &codes {
                let code: String = r.get(0);
                if changed_here.contains(&code) {
                    continue;
                }
                let removed: bool = r.get(2);
                if removed {
                    let _ = t.delete_code_replacement(&code);
                    t.mark_sent(SentKind::Code, &code, "")?;
                } else {
                    let c = crate::model::CodeReplacement {
                        code: code.clone(),
                        expansion: r.get(1),
                    };
                    t.put_code_replacement(&c)?;
                    t.mark_sent(SentKind::Code, &code, &c.expansion)?;
                }
            }
            for r in &photos {
                pull_photo(t, r, now)?;
            }
            // After the photos, so a portrait the desk just received is found.
            for r in &authors {
                let a = crate::store::DeskAuthor {
                    uuid: r.get(0),
                    name: r.get(1),
                    role: r.get(2),
                    bio: r.get(3),
                    portrait: r.get(4),
                };
                if changed_here.contains(&a.uuid) {
                    continue;
                }
                t.put_author_from_newsroom(&a)?;
                t.mark_sent(SentKind::Author, &a.uuid, "")?;
            }
            for r in &crops {
                let photo: String = r.get(0);
                if let Some(pid) = t.photo_by_uuid(&photo)? {
                    t.put_crop(&Crop {
                        photo_id: pid,
                        name: r.get(1),
                        aspect: r.get(2),
                        x: r.get(3),
                        y: r.get(4),
                        w: r.get(5),
                        h: r.get(6),
                    })?;
                }
            }
            // Mark photos' fields as what the newsroom has, so they are not sent back.
            for r in &photos {
                let uuid: String = r.get(0);
                if let Some(pid) = t.photo_by_uuid(&uuid)? {
                    let p = t.photo(pid)?;
                    let crops = t.crops(pid)?;
                    t.mark_sent(
                        SentKind::Photo,
                        &uuid,
                        &photo_digest(&p.fields, p.focus, &crops),
                    )?;
                }
            }

            // Revisions by story, and the stories pulled, looked up rather than searched (a
            // desk back from a long absence pulls thousands of each).
            let mut by_story: HashMap<&str, Vec<&postgres::Row>> = HashMap::new();
            for r in &revisions {
                by_story.entry(r.get::<_, &str>(1)).or_default().push(r);
            }
            let stories_pulled: HashSet<&str> =
                stories.iter().map(|s| s.get::<_, &str>(0)).collect();
            let mut n_stories = 0;
            let mut n_revs = 0;
            let mut new_here = Vec::new();
            for s in &stories {
                let uuid: String = s.get(0);
                let status = Status::parse(s.get::<_, &str>(2)).unwrap_or_default();
                let head: Option<String> = s.get(3);
                let mine: &[&postgres::Row] = by_story.get(uuid.as_str()).map_or(&[], |v| v);
                let purged: bool = s.get(6);
                let found = t.article_by_uuid(&uuid)?;
                if purged {
                    // Deleted from the newsroom's trash: deleted here too, unless this desk
                    // holds words the newsroom never had (they stay, and the refusal of
                    // the next push says why).
                    if let Some(id) = found {
                        if t.article_trashed(id)? || !t.article_has_unsent(id)? {
                            t.purge_article_from_newsroom(id)?;
                        }
                    }
                    t.mark_sent(SentKind::Purge, &uuid, "")?;
                    continue;
                }
                let local = match found {
                    Some(id) => id,
                    None => {
                        // A story new to this desk: made from its head revision.
                        let Some(head_rev) = head
                            .as_ref()
                            .and_then(|h| mine.iter().find(|r| &r.get::<_, String>(0) == h))
                        else {
                            continue;
                        };
                        let mut draft = from_wire(t, head_rev.get::<_, Value>(6))?;
                        draft.status = Some(status);
                        draft.slug = Some(free_slug(t, s.get::<_, &str>(1))?);
                        let valid = ValidArticle::new(draft, None)?;
                        let created: DateTime<Utc> = s.get(4);
                        let id = t.insert_article(&valid, created)?;
                        t.set_article_uuid(id, &uuid)?;
                        t.mark_sent(SentKind::Article, &uuid, "")?;
                        t.mark_sent(
                            SentKind::Slug,
                            &uuid,
                            &format!("{}\t{}", s.get::<_, &str>(1), valid.slug),
                        )?;
                        n_stories += 1;
                        new_here.push(id);
                        t.mark_changed_elsewhere(id, now, true)?;
                        id
                    }
                };
                for r in mine {
                    let rev_uuid: String = r.get(0);
                    if t.revision_by_uuid(&rev_uuid)?.is_some() {
                        t.mark_sent(SentKind::Revision, &rev_uuid, "")?;
                        continue;
                    }
                    let draft = from_wire(t, r.get::<_, Value>(6))?;
                    let rev = DeskRevision {
                        id: 0,
                        uuid: rev_uuid.clone(),
                        parents: r.get::<_, Vec<String>>(2),
                        author: r.get(3),
                        reason: r.get(4),
                        created_at: r.get(5),
                        snapshot: serde_json::to_string(&draft).map_err(storage)?,
                    };
                    if rev.author != me {
                        t.mark_changed_elsewhere(local, now, false)?;
                    }
                    t.insert_graph_revision(local, &rev)?;
                    t.mark_sent(SentKind::Revision, &rev_uuid, "")?;
                    n_revs += 1;
                }
                take_newsroom_slug(t, local, &uuid, s.get(1))?;
                // The trash travels as a state: the newsroom's, unless this desk changed it
                // since it last heard (then this desk's goes up at push).
                let server_trashed: bool = s.get(5);
                let known = t.sent(SentKind::Trash, &uuid)?.as_deref() == Some("1");
                let here = t.article_trashed(local)?;
                if here == known && here != server_trashed {
                    if server_trashed {
                        t.trash_article(local, "", now)?;
                    } else {
                        t.untrash_article(local)?;
                    }
                }
                if here == known || new_here.contains(&local) {
                    t.mark_sent(
                        SentKind::Trash,
                        &uuid,
                        if server_trashed { "1" } else { "0" },
                    )?;
                }
                if new_here.contains(&local) {
                    if let Some(h) = &head {
                        t.set_article_head(local, h)?;
                        t.mark_sent(SentKind::Head, &uuid, h)?;
                    }
                } else {
                    touched.push((local, uuid, status, head));
                }
            }
            // Revisions of stories whose row did not change (a refused push, say) still
            // arrive; they belong to stories the desk has.
            for r in &revisions {
                let story: String = r.get(1);
                if stories_pulled.contains(story.as_str()) {
                    continue;
                }
                let Some(local) = t.article_by_uuid(&story)? else {
                    continue;
                };
                let rev_uuid: String = r.get(0);
                if t.revision_by_uuid(&rev_uuid)?.is_none() {
                    let draft = from_wire(t, r.get::<_, Value>(6))?;
                    if r.get::<_, String>(3) != me {
                        t.mark_changed_elsewhere(local, now, false)?;
                    }
                    t.insert_graph_revision(
                        local,
                        &DeskRevision {
                            id: 0,
                            uuid: rev_uuid.clone(),
                            parents: r.get::<_, Vec<String>>(2),
                            author: r.get(3),
                            reason: r.get(4),
                            created_at: r.get(5),
                            snapshot: serde_json::to_string(&draft).map_err(storage)?,
                        },
                    )?;
                    n_revs += 1;
                }
                t.mark_sent(SentKind::Revision, &rev_uuid, "")?;
            }
            for m in &moves {
                let story: String = m.get(1);
                let Some(local) = t.article_by_uuid(&story)? else {
                    continue;
                };
                let mv = crate::store::DeskMove {
                    uuid: m.get(0),
                    from: Status::parse(m.get::<_, &str>(2)).unwrap_or_default(),
                    to: Status::parse(m.get::<_, &str>(3)).unwrap_or_default(),
                    at: m.get(5),
                };
                let who: String = m.get(4);
                if who != me && t.sent(SentKind::Move, &mv.uuid)?.is_none() {
                    t.mark_changed_elsewhere(local, now, false)?;
                }
                t.insert_move_from_newsroom(local, &mv, &who)?;
                t.mark_sent(SentKind::Move, &mv.uuid, "")?;
            }
            for n in &notes {
                let story: String = n.get(1);
                let Some(local) = t.article_by_uuid(&story)? else {
                    continue;
                };
                let note = crate::store::DeskNote {
                    uuid: n.get(0),
                    who: n.get(2),
                    body: n.get(3),
                    created_at: n.get(4),
                };
                if note.who != me && t.sent(SentKind::Note, &note.uuid)?.is_none() {
                    t.mark_changed_elsewhere(local, now, false)?;
                }
                t.insert_note_from_newsroom(local, &note)?;
                t.mark_sent(SentKind::Note, &note.uuid, "")?;
            }
            Ok((n_stories, n_revs))
        })?;
        report.pulled_stories += pulled_stories;
        report.pulled_revisions += pulled_revisions;

        for (local, _uuid, status, head) in touched {
            self.reconcile(local, status, head.as_deref(), true, report)?;
        }
        // The cursor moves only once everything pulled is on the desk.
        self.db
            .write(|t| t.set_setting(KEY_CURSOR, &top.to_string()))?;
        Ok(())
    }

    /// Puts the newsroom's head of a story together with the desk's: nothing to do, a
    /// fast-forward, or a merge (a merge revision with both parents, or a conflict).
    pub(super) fn reconcile(
        &mut self,
        id: ArticleId,
        server_status: Status,
        server_head: Option<&str>,
        from_newsroom: bool,
        report: &mut SyncReport,
    ) -> Result<()> {
        // The window may save the story while this runs: a write that finds words in the row
        // that are not its head's records them as a revision first, and the round starts again
        // (then they are merged like any other of this desk's words).
        for _ in 0..8 {
            if self.reconcile_once(id, server_status, server_head, from_newsroom, report)? {
                return Ok(());
            }
        }
        Err(Error::Storage(
            "the story kept changing on this desk while it was being synced".into(),
        ))
    }

    /// One attempt of [`Self::reconcile`]; `false` when the row held words newer than its head
    /// (now recorded as a revision) and nothing was written.
    fn reconcile_once(
        &mut self,
        id: ArticleId,
        server_status: Status,
        server_head: Option<&str>,
        from_newsroom: bool,
        report: &mut SyncReport,
    ) -> Result<bool> {
        let Some(server_head) = server_head else {
            return Ok(true);
        };
        let revs = self.db.read(|t| t.desk_revisions(id))?;
        let graph = Graph::new(&revs);
        let Some(desk_head) = self.db.read(|t| t.article_head(id))? else {
            return Ok(true);
        };
        let unsent_moves = self.db.read(|t| {
            let mut n = 0;
            for m in t.desk_moves(id)? {
                if t.sent(SentKind::Move, &m.uuid)?.is_none()
                    && !t.is_refused(SentKind::Move, &m.uuid)?
                {
                    n += 1;
                }
            }
            Ok(n)
        })?;
        let now = Utc::now();
        if graph.is_ancestor(server_head, &desk_head) {
            // The desk is ahead (or level): its words go up at push.
            if desk_head == server_head && from_newsroom {
                let uuid = self.db.read(|t| t.article_uuid(id))?;
                self.db
                    .write(|t| t.mark_sent(SentKind::Head, &uuid, server_head))?;
            }
            return Ok(true);
        }
        let snapshot = |uuid: &str| -> Result<ArticleDraft> {
            let r = revs
                .iter()
                .find(|r| r.uuid == uuid)
                .ok_or_else(|| Error::not_found("revision", uuid))?;
            serde_json::from_str(&r.snapshot).map_err(storage)
        };
        let theirs = snapshot(server_head)?;
        let status = if unsent_moves > 0 {
            None
        } else {
            Some(server_status)
        };
        let refused_head = self
            .db
            .read(|t| t.is_refused(SentKind::Revision, &desk_head))?;
        if refused_head || graph.is_ancestor(&desk_head, server_head) {
            // Fast-forward: the desk had nothing the newsroom lacks (or only words the
            // newsroom refused, which stay in the desk's history with the refusal).
            let who = self.identity()?;
            let unrecorded = self.db.write(|t| {
                let current = t.article(id)?;
                if record_unrecorded(t, id, &current, &desk_head, &who, now)? {
                    return Ok(true);
                }
                let mut d = theirs.clone();
                d.slug = Some(current.slug.clone());
                d.status = Some(status.unwrap_or(current.status));
                let valid = ValidArticle::new(d, Some(&current.slug))?;
                t.update_article(id, &valid, now)?;
                t.set_article_head(id, server_head)?;
                if from_newsroom {
                    let uuid = t.article_uuid(id)?;
                    t.mark_sent(SentKind::Head, &uuid, server_head)?;
                }
                Ok(false)
            })?;
            return Ok(!unrecorded);
        }
        // Both moved: a three-way merge against their newest common ancestor.
        let ours = snapshot(&desk_head)?;
        let base = match graph.common_ancestor(&desk_head, server_head) {
            Some(b) => snapshot(&b)?,
            None => ArticleDraft::default(),
        };
        let merged = super::merge::merge(&base, &ours, &theirs);
        let slug = self.db.read(|t| t.article(id))?.slug;
        let who = self.identity()?;
        let unrecorded = self.db.write(|t| {
            let current = t.article(id)?;
            if record_unrecorded(t, id, &current, &desk_head, &who, now)? {
                return Ok(true);
            }
            for (field, o, th) in &merged.field_conflicts {
                t.add_conflict(Some(id), None, field, o, th, now)?;
            }
            if merged.body_conflict {
                t.add_conflict(Some(id), None, "body", &desk_head, server_head, now)?;
                // The desk keeps showing its own words; both revisions stay whole in the
                // history until someone resolves.
                return Ok(false);
            }
            let mut d = merged.draft.clone();
            d.slug = Some(current.slug.clone());
            d.status = Some(status.unwrap_or(current.status));
            let valid = ValidArticle::new(d, Some(&current.slug))?;
            t.update_article(id, &valid, now)?;
            let snapshot = serde_json::to_string(&valid.to_draft()).map_err(storage)?;
            let merge_uuid = new_uuid(now);
            t.set_article_head(id, &merge_uuid)?;
            t.insert_graph_revision(
                id,
                &DeskRevision {
                    id: 0,
                    uuid: merge_uuid.clone(),
                    parents: vec![desk_head.clone(), server_head.to_string()],
                    author: who.clone(),
                    reason: "merged".into(),
                    created_at: now,
                    snapshot,
                },
            )?;
            Ok(false)
        })?;
        if unrecorded {
            return Ok(false);
        }
        if merged.body_conflict {
            report.conflicts.push(Conflict {
                article: Some(slug.clone()),
                photo_id: None,
                field: "body".into(),
                ours: desk_head.clone(),
                theirs: server_head.to_string(),
            });
        } else {
            report.merged += 1;
        }
        for (field, o, th) in merged.field_conflicts {
            report.conflicts.push(Conflict {
                article: Some(slug.clone()),
                photo_id: None,
                field,
                ours: o,
                theirs: th,
            });
        }
        Ok(true)
    }

    /// Makes the story read as the newsroom has it (its head, fields and status), when the
    /// newsroom refused this desk's version. Nothing when the newsroom does not have it.
    fn take_newsroom_version(
        &mut self,
        client: &mut Client,
        target: &Target,
        id: ArticleId,
        uuid: &str,
    ) -> Result<()> {
        let row = client
            .query_opt(
                "SELECT head::text, status FROM newsroom.stories WHERE id = $1::text::uuid",
                &[&uuid],
            )
            .map_err(|e| target.error(e))?;
        let Some(row) = row else {
            return Ok(());
        };
        let (head, status): (Option<String>, String) = (row.get(0), row.get(1));
        let Some(head) = head else {
            return Ok(());
        };
        let now = Utc::now();
        self.db.write(|t| {
            let Some(rev) = t.revision_by_uuid(&head)? else {
                return Ok(());
            };
            let (_, mut d) = t.revision_snapshot(rev)?;
            let current = t.article(id)?;
            d.slug = Some(current.slug.clone());
            d.status = Some(Status::parse(&status).unwrap_or(current.status));
            let valid = ValidArticle::new(d, Some(&current.slug))?;
            t.update_article(id, &valid, now)?;
            t.set_article_head(id, &head)?;
            t.mark_sent(SentKind::Head, uuid, &head)
        })
    }

    /// Stories moved to or out of the trash on this desk since the newsroom last heard.
    fn push_trash(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let local = self.db.read(local_only)?;
        for (id, uuid, trashed) in self.db.read(|t| t.trash_to_send())? {
            if local.contains(&uuid) {
                continue;
            }
            let res = client.execute(
                "UPDATE newsroom.stories
                 SET trashed_at = CASE WHEN $2 THEN coalesce(trashed_at, now()) END
                 WHERE id = $1::text::uuid",
                &[&uuid, &trashed],
            );
            let digest = if trashed { "1" } else { "0" };
            match res {
                Ok(_) => self
                    .db
                    .write(|t| t.mark_sent(SentKind::Trash, &uuid, digest))?,
                Err(e) => {
                    let reason = refusal_reason(target, e)?;
                    self.refuse(report, Some(id), SentKind::Trash, &uuid, reason)?;
                    self.db
                        .write(|t| t.mark_sent(SentKind::Trash, &uuid, digest))?;
                }
            }
        }
        Ok(())
    }

    /// Stories this desk deleted from its trash since the newsroom last heard: the newsroom
    /// deletes them too (from its trash; its history keeps every row).
    fn push_purges(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let local = self.db.read(local_only)?;
        for uuid in self.db.read(|t| t.purges_to_send())? {
            if local.contains(&uuid) {
                continue;
            }
            let mut tx = client.transaction().map_err(|e| target.error(e))?;
            let res = tx
                .execute(
                    "UPDATE newsroom.stories SET trashed_at = now()
                     WHERE id = $1::text::uuid AND trashed_at IS NULL AND purged_at IS NULL",
                    &[&uuid],
                )
                .and_then(|_| {
                    tx.execute(
                        "UPDATE newsroom.stories SET purged_at = now()
                         WHERE id = $1::text::uuid AND purged_at IS NULL",
                        &[&uuid],
                    )
                })
                .and_then(|_| tx.commit());
            if let Err(e) = res {
                let reason = refusal_reason(target, e)?;
                self.refuse(report, None, SentKind::Purge, &uuid, reason)?;
            }
            self.db.write(|t| t.mark_sent(SentKind::Purge, &uuid, ""))?;
        }
        Ok(())
    }

    /// Slugs changed on this desk since they were agreed with the newsroom.
    fn push_slugs(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let local = self.db.read(local_only)?;
        for (id, uuid, slug, agreed) in self.db.read(|t| t.slugs_to_send())? {
            if local.contains(&uuid) {
                continue;
            }
            let res = match agreed {
                // A story sent before slugs travelled: what the newsroom has is agreed now.
                None => client
                    .query_opt(
                        "SELECT slug FROM newsroom.stories WHERE id = $1::text::uuid",
                        &[&uuid],
                    )
                    .map(|r| r.map(|r| r.get::<_, String>(0))),
                Some(_) => client
                    .execute(
                        "UPDATE newsroom.stories SET slug = $2
                         WHERE id = $1::text::uuid AND slug <> $2",
                        &[&uuid, &slug],
                    )
                    .map(|_| Some(slug.clone())),
            };
            match res {
                Ok(server) => {
                    let digest = format!("{}\t{slug}", server.unwrap_or_else(|| slug.clone()));
                    self.db
                        .write(|t| t.mark_sent(SentKind::Slug, &uuid, &digest))?;
                }
                Err(e) => {
                    let reason = refusal_reason(target, e)?;
                    let digest = format!("\t{slug}");
                    self.refuse(report, Some(id), SentKind::Slug, &uuid, reason)?;
                    self.db
                        .write(|t| t.mark_sent(SentKind::Slug, &uuid, &digest))?;
                }
            }
        }
        Ok(())
    }

    /// Records a refusal on the desk (shown by `newsroom status`; not tried again) and in the
    /// sync's report.
    fn refuse(
        &mut self,
        report: &mut SyncReport,
        article: Option<ArticleId>,
        kind: SentKind,
        key: &str,
        reason: String,
    ) -> Result<()> {
        let slug = match article {
            Some(id) => self.db.read(|t| t.article(id).map(|a| a.slug)).ok(),
            None => None,
        };
        self.db
            .write(|t| t.record_refusal(article, kind, key, &reason, Utc::now()))?;
        report.refused.push(Refusal {
            article: slug,
            kind: kind.as_str().into(),
            id: key.to_string(),
            reason: super::connect::refusal_text(&reason).render(crate::i18n::interface_language()),
        });
        Ok(())
    }

    // ---- Push: stories ------------------------------------------------------------------

    fn push_stories(
        &mut self,
        client: &mut Client,
        target: &Target,
        report: &mut SyncReport,
    ) -> Result<()> {
        let articles = self.db.read(|t| t.articles_to_send())?;
        let local = self.db.read(local_only)?;
        for (id, uuid) in articles {
            if local.contains(&uuid) {
                continue;
            }
            self.push_story(client, target, id, &uuid, report)?;
        }
        Ok(())
    }

    fn push_story(
        &mut self,
        client: &mut Client,
        target: &Target,
        id: ArticleId,
        uuid: &str,
        report: &mut SyncReport,
    ) -> Result<()> {
        struct Out {
            story_new: bool,
            revisions: Vec<DeskRevision>,
            moves: Vec<crate::store::DeskMove>,
            notes: Vec<crate::store::DeskNote>,
        }
        let all_revs = self.db.read(|t| t.desk_revisions(id))?;
        let out = self.db.read(|t| {
            let mut o = Out {
                story_new: t.sent(SentKind::Article, uuid)?.is_none()
                    && !t.is_refused(SentKind::Article, uuid)?,
                revisions: Vec::new(),
                moves: Vec::new(),
                notes: Vec::new(),
            };
            for r in &all_revs {
                if t.sent(SentKind::Revision, &r.uuid)?.is_none()
                    && !t.is_refused(SentKind::Revision, &r.uuid)?
                {
                    o.revisions.push(r.clone());
                }
            }
            for m in t.desk_moves(id)? {
                if t.sent(SentKind::Move, &m.uuid)?.is_none()
                    && !t.is_refused(SentKind::Move, &m.uuid)?
                {
                    o.moves.push(m);
                }
            }
            for n in t.desk_notes(id)? {
                if t.sent(SentKind::Note, &n.uuid)?.is_none() {
                    o.notes.push(n);
                }
            }
            Ok(o)
        })?;
        if !out.story_new
            && out.revisions.is_empty()
            && out.moves.is_empty()
            && out.notes.is_empty()
        {
            return Ok(());
        }
        if self.db.read(|t| t.is_refused(SentKind::Article, uuid))? {
            return Ok(());
        }
        let article = self.db.read(|t| t.article(id))?;
        let graph = Graph::new(&all_revs);
        let Some(head) = self.db.read(|t| t.article_head(id))? else {
            return Ok(());
        };
        let head_wire = {
            let r = all_revs
                .iter()
                .find(|r| r.uuid == head)
                .ok_or_else(|| Error::not_found("revision", &head))?;
            let d: ArticleDraft = serde_json::from_str(&r.snapshot).map_err(storage)?;
            self.db.read(|t| to_wire(t, &d))?
        };
        let now = Utc::now();
        let err = |e| target.error(e);

        // Story row and revisions, in one transaction: all of them or none.
        let mut tx = client.transaction().map_err(err)?;
        let step = (|| -> std::result::Result<(), postgres::Error> {
            if out.story_new {
                // A new story goes up in the status it had before its first move that the
                // newsroom has not seen; the moves follow, each checked by the server.
                let initial = out.moves.first().map(|m| m.from).unwrap_or(article.status);
                tx.execute(
                    "INSERT INTO newsroom.stories (id, slug, headline, status, created_at)
                     VALUES ($1::text::uuid, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
                    &[
                        &uuid,
                        &article.slug,
                        &article.headline,
                        &initial.as_str(),
                        &article.created_at,
                    ],
                )?;
            }
            for r in &out.revisions {
                let d: ArticleDraft = match serde_json::from_str(&r.snapshot) {
                    Ok(d) => d,
                    Err(_) => continue,
                };
                let wire = to_wire_lossy(self.db, &d);
                tx.execute(
                    "INSERT INTO newsroom.revisions (id, story_id, parents, reason, created_at,
                                                     snapshot, written_by)
                     VALUES ($1::text::uuid, $2::text::uuid, $3::text[]::uuid[], $4, $5, $6, $7)
                     ON CONFLICT (id) DO NOTHING",
                    &[
                        &r.uuid,
                        &uuid,
                        &r.parents,
                        &r.reason,
                        &r.created_at,
                        &wire,
                        &r.author,
                    ],
                )?;
            }
            Ok(())
        })();
        if let Err(e) = step.and_then(|_| tx.commit()) {
            let e = err(e);
            if !matches!(e, Error::Refused(_)) {
                return Err(e);
            }
            let reason = super::connect::kept_reason(&e);
            self.db.write(|t| {
                if out.story_new {
                    t.record_refusal(Some(id), SentKind::Article, uuid, &reason, now)?;
                }
                for r in &out.revisions {
                    t.record_refusal(Some(id), SentKind::Revision, &r.uuid, &reason, now)?;
                }
                Ok(())
            })?;
            report.refused.push(Refusal {
                article: Some(article.slug.clone()),
                kind: if out.story_new { "article" } else { "revision" }.into(),
                id: out
                    .revisions
                    .last()
                    .map(|r| r.uuid.clone())
                    .unwrap_or_else(|| uuid.to_string()),
                reason,
            });
            // The story stays where the newsroom has it; the refused words stay in the
            // history.
            self.take_newsroom_version(client, target, id, uuid)?;
            return Ok(());
        }
        self.db.write(|t| {
            t.mark_sent(SentKind::Article, uuid, "")?;
            if out.story_new && t.sent(SentKind::Slug, uuid)?.is_none() {
                let slug = &article.slug;
                t.mark_sent(SentKind::Slug, uuid, &format!("{slug}\t{slug}"))?;
            }
            for r in &out.revisions {
                t.mark_sent(SentKind::Revision, &r.uuid, "")?;
            }
            Ok(())
        })?;
        report.pushed_revisions += out.revisions.len();

        // The story's fields follow the desk's head, if the newsroom's head is behind it.
        // Compare-and-set: the update applies only if the newsroom's head is still the one
        // read here (someone who pushed meanwhile is merged at the next sync).
        let server_head: Option<String> = client
            .query_one(
                "SELECT head::text FROM newsroom.stories WHERE id = $1::text::uuid",
                &[&uuid],
            )
            .map_err(err)?
            .get(0);
        let forward = match &server_head {
            None => true,
            Some(h) => graph.is_ancestor(h, &head),
        };
        if forward && server_head.as_deref() != Some(head.as_str()) {
            let w = &head_wire;
            let tags: Vec<String> = serde_json::from_value(w["tags"].clone()).unwrap_or_default();
            let res = client.execute(
                "UPDATE newsroom.stories SET headline = $2, dek = $3, body = $4, dateline = $5,
                        section = $6, language = $7, tags = $8, bylines = $9, hero = $10,
                        front_matter_extra = $11, head = $12::text::uuid
                 WHERE id = $1::text::uuid AND head IS NOT DISTINCT FROM $13::text::uuid",
                &[
                    &uuid,
                    &w["headline"].as_str().unwrap_or_default(),
                    &w["dek"].as_str().unwrap_or_default(),
                    &w["body"].as_str().unwrap_or_default(),
                    &w["dateline"].as_str().unwrap_or_default(),
                    &w["section"].as_str(),
                    &w["language"].as_str().unwrap_or("en"),
                    &tags,
                    &w["bylines"],
                    &(if w["hero"].is_null() {
                        None
                    } else {
                        Some(w["hero"].clone())
                    }),
                    &w["front_matter_extra"].as_str(),
                    &head,
                    &server_head,
                ],
            );
            match res {
                // Someone pushed meanwhile: the next sync merges, then sends again.
                Ok(0) => {}
                Ok(_) => self
                    .db
                    .write(|t| t.mark_sent(SentKind::Head, uuid, &head))?,
                Err(e) => {
                    // Not this person's to change (a correspondent on an editor's story): the
                    // revisions are in, the story's fields stay as the newsroom has them.
                    let e = err(e);
                    if !matches!(e, Error::Refused(_)) {
                        return Err(e);
                    }
                    self.db
                        .write(|t| t.mark_sent(SentKind::Head, uuid, &head))?;
                }
            }
        } else if server_head.as_deref() == Some(head.as_str()) {
            self.db
                .write(|t| t.mark_sent(SentKind::Head, uuid, &head))?;
        }

        // Moves, one by one: each is checked against the story as the newsroom has it.
        let mut refusals = Vec::new();
        let mut sent_moves = Vec::new();
        for m in &out.moves {
            let res = client.execute(
                "INSERT INTO newsroom.moves (id, story_id, from_status, to_status, at)
                 VALUES ($1::text::uuid, $2::text::uuid, $3, $4, $5)
                 ON CONFLICT (id) DO NOTHING",
                &[&m.uuid, &uuid, &m.from.as_str(), &m.to.as_str(), &m.at],
            );
            match res {
                Ok(_) => sent_moves.push(m.uuid.clone()),
                Err(e) => {
                    let e = err(e);
                    if !matches!(e, Error::Refused(_)) {
                        return Err(e);
                    }
                    refusals.push((
                        m.uuid.clone(),
                        m.from,
                        m.to,
                        super::connect::kept_reason(&e),
                    ));
                }
            }
        }
        // Notes.
        let mut sent_notes = Vec::new();
        for n in &out.notes {
            match client.execute(
                "INSERT INTO newsroom.notes (id, story_id, body, created_at)
                 VALUES ($1::text::uuid, $2::text::uuid, $3, $4) ON CONFLICT (id) DO NOTHING",
                &[&n.uuid, &uuid, &n.body, &n.created_at],
            ) {
                Ok(_) => sent_notes.push(n.uuid.clone()),
                Err(e) => {
                    let e = err(e);
                    if !matches!(e, Error::Refused(_)) {
                        return Err(e);
                    }
                    let reason = super::connect::kept_reason(&e);
                    self.db.write(|t| {
                        t.record_refusal(Some(id), SentKind::Note, &n.uuid, &reason, now)
                    })?;
                    sent_notes.push(n.uuid.clone());
                }
            }
        }
        // The story stays where the newsroom has it.
        let server_status: Option<String> = client
            .query_opt(
                "SELECT status FROM newsroom.stories WHERE id = $1::text::uuid",
                &[&uuid],
            )
            .map_err(err)?
            .map(|r| r.get(0));
        self.db.write(|t| {
            for m in &sent_moves {
                t.mark_sent(SentKind::Move, m, "")?;
            }
            for n in &sent_notes {
                t.mark_sent(SentKind::Note, n, "")?;
            }
            for (m, from, to, reason) in &refusals {
                let reason = format!("@move {} {} {reason}", from.as_str(), to.as_str());
                t.record_refusal(Some(id), SentKind::Move, m, &reason, now)?;
            }
            if let Some(s) = server_status.as_deref().and_then(Status::parse) {
                let a = t.article(id)?;
                if a.status != s {
                    t.set_article_status(id, s, now)?;
                }
            }
            Ok(())
        })?;
        report.pushed_moves += sent_moves.len();
        report.pushed_notes += out.notes.len();
        for (move_id, from, to, reason) in refusals {
            report.refused.push(Refusal {
                article: Some(article.slug.clone()),
                kind: "move".into(),
                id: move_id,
                reason: super::connect::refusal_text(&format!(
                    "@move {} {} {reason}",
                    from.as_str(),
                    to.as_str()
                ))
                .render(crate::i18n::interface_language()),
            });
        }
        Ok(())
    }
}

// ---- The revision graph ---------------------------------------------------------------

/// The desk's revisions of one story as a graph of global ids.
struct Graph<'a> {
    revs: &'a [DeskRevision],
    parents: HashMap<&'a str, &'a [String]>,
}

impl<'a> Graph<'a> {
    fn new(revs: &'a [DeskRevision]) -> Graph<'a> {
        Graph {
            revs,
            parents: revs
                .iter()
                .map(|r| (r.uuid.as_str(), r.parents.as_slice()))
                .collect(),
        }
    }

    /// `uuid` and everything it descends from.
    fn ancestors(&self, uuid: &str) -> HashSet<String> {
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from([uuid.to_string()]);
        while let Some(u) = queue.pop_front() {
            if !seen.insert(u.clone()) {
                continue;
            }
            if let Some(ps) = self.parents.get(u.as_str()) {
                queue.extend(ps.iter().cloned());
            }
        }
        seen
    }

    fn is_ancestor(&self, older: &str, newer: &str) -> bool {
        self.ancestors(newer).contains(older)
    }

    /// The newest revision both descend from.
    fn common_ancestor(&self, a: &str, b: &str) -> Option<String> {
        let left = self.ancestors(a);
        let right = self.ancestors(b);
        self.revs
            .iter()
            .rev()
            .find(|r| left.contains(&r.uuid) && right.contains(&r.uuid))
            .map(|r| r.uuid.clone())
    }
}

// ---- Helpers ----------------------------------------------------------------------------

/// The newsroom's refusal in words; any other error (the network, the server) stops the
/// sync.
fn refusal_reason(target: &Target, e: postgres::Error) -> Result<String> {
    if let Some(db) = e.as_db_error() {
        use postgres::error::SqlState;
        if *db.code() == SqlState::INSUFFICIENT_PRIVILEGE || *db.code() == SqlState::CHECK_VIOLATION
        {
            return Ok(super::connect::refusal_key(db.message()));
        }
    }
    match target.error(e) {
        e @ Error::Refused(_) => Ok(super::connect::kept_reason(&e)),
        e => Err(e),
    }
}

/// A connection for a sync and what the newsroom said in its one question
/// ([`schema::hello`]). A connection kept from an earlier sync that died meanwhile (the
/// server restarted, the network changed) is replaced by a new one, once.
fn open_session(target: &Target, prompt: Option<&Prompt<'_>>) -> Result<(Client, schema::Hello)> {
    let (mut client, kept) = target.connect_kept(prompt)?;
    match schema::hello(&mut client, target) {
        Ok(h) => Ok((client, h)),
        Err(_) if kept => {
            let mut client = target.connect(prompt)?;
            let h = schema::hello(&mut client, target)?;
            Ok((client, h))
        }
        Err(e) => Err(e),
    }
}

/// The newsroom's slug for a story, taken when this desk did not change its own since they
/// last agreed (numbered when another story of the desk has it).
fn take_newsroom_slug(t: &Tx<'_>, id: ArticleId, uuid: &str, server: &str) -> Result<()> {
    let here = t.article(id)?.slug;
    let agreed = t.sent(SentKind::Slug, uuid)?;
    let (agreed_server, agreed_here) = match agreed.as_deref().and_then(|d| d.split_once('\t')) {
        Some((s, h)) => (s.to_string(), h.to_string()),
        // Never agreed (a desk from before slugs travelled): the desk's own stays.
        None => {
            t.mark_sent(SentKind::Slug, uuid, &format!("{server}\t{here}"))?;
            return Ok(());
        }
    };
    if agreed_server == server || agreed_here != here {
        return Ok(());
    }
    let taken = match t.article_with_slug(server)? {
        Some(other) if other != id => free_slug(t, server)?,
        _ => server.to_string(),
    };
    t.set_article_slug(id, &taken)?;
    t.mark_sent(SentKind::Slug, uuid, &format!("{server}\t{taken}"))
}

fn cursor(t: &Tx<'_>) -> Result<i64> {
    Ok(t.setting(KEY_CURSOR)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0))
}

/// What `newsroom status` counts as waiting to be sent, counted on the desk (the window's
/// status reads it too, `app.rs`).
pub(super) fn count_unsent(t: &Tx<'_>) -> Result<usize> {
    let mut n = 0;
    // Words saved since the last revision (autosave folds them into the next one) are a
    // change waiting too: a one-word edit made offline is never "nothing waiting".
    let since = t
        .setting(KEY_CHECKED)?
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|at| at.with_timezone(&Utc) - chrono::Duration::seconds(1));
    for id in t.articles_changed_since(since)? {
        if let Some(head) = t.article_head(id)? {
            if words_unrecorded(t, &t.article(id)?, &head)? {
                n += 1;
            }
        }
    }
    let local = local_only(t)?;
    for (id, uuid) in t.article_uuids()? {
        if local.contains(&uuid) {
            continue;
        }
        for r in t.desk_revisions(id)? {
            if t.sent(SentKind::Revision, &r.uuid)?.is_none()
                && !t.is_refused(SentKind::Revision, &r.uuid)?
            {
                n += 1;
            }
        }
        for m in t.desk_moves(id)? {
            if t.sent(SentKind::Move, &m.uuid)?.is_none()
                && !t.is_refused(SentKind::Move, &m.uuid)?
            {
                n += 1;
            }
        }
        for m in t.desk_notes(id)? {
            if t.sent(SentKind::Note, &m.uuid)?.is_none() {
                n += 1;
            }
        }
    }
    Ok(n)
}

fn waiting_on_server(client: &mut Client, target: &Target, since: i64) -> Result<usize> {
    let row = client
        .query_one(
            "SELECT (SELECT count(*) FROM newsroom.stories WHERE seq > $1)
                  + (SELECT count(*) FROM newsroom.revisions WHERE seq > $1)
                  + (SELECT count(*) FROM newsroom.moves WHERE seq > $1)
                  + (SELECT count(*) FROM newsroom.notes WHERE seq > $1)
                  + (SELECT count(*) FROM newsroom.photos WHERE seq > $1)",
            &[&since],
        )
        .map_err(|e| target.error(e))?;
    Ok(row.get::<_, i64>(0).max(0) as usize)
}

fn conflicts_of(t: &Tx<'_>, article: Option<ArticleId>) -> Result<Vec<Conflict>> {
    t.open_conflicts(article)?
        .into_iter()
        .map(|c| {
            Ok(Conflict {
                article: match c.article_id {
                    Some(id) => Some(t.article(id)?.slug),
                    None => None,
                },
                photo_id: c.photo_id,
                field: c.field,
                ours: c.ours,
                theirs: c.theirs,
            })
        })
        .collect()
}

fn refusal(t: &Tx<'_>, r: crate::store::DeskRefusal) -> Result<Refusal> {
    let (article, kind, id, reason) = (r.article_id, r.kind, r.uuid, r.reason);
    Ok(Refusal {
        article: match article {
            Some(id) => Some(t.article(id)?.slug),
            None => None,
        },
        kind,
        id,
        reason: super::connect::refusal_text(&reason).render(crate::i18n::interface_language()),
    })
}

/// What a revision holds that travels, for "is this already a revision?" (the status and the
/// slug are the workflow's and the desk's; a byline's profile link is the desk's doing).
/// When the story's row holds words its head revision does not (the window saved between
/// this sync's checkpoint and its write), records them as a revision ("before sync", on top
/// of the head) and answers `true`: the caller starts again from the new head.
fn record_unrecorded(
    t: &Tx<'_>,
    id: ArticleId,
    row: &crate::model::Article,
    head: &str,
    who: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let unrecorded = words_unrecorded(t, row, head)?;
    if unrecorded {
        t.insert_revision(id, &ArticleDraft::from(row), who, "before sync", now)?;
    }
    Ok(unrecorded)
}

/// Whether the story's row holds words that its head revision `head` does not.
fn words_unrecorded(t: &Tx<'_>, row: &crate::model::Article, head: &str) -> Result<bool> {
    Ok(match t.revision_by_uuid(head)? {
        Some(rid) => {
            content_key(&t.revision_snapshot(rid)?.1) != content_key(&ArticleDraft::from(row))
        }
        None => false,
    })
}

pub(crate) fn content_key(d: &ArticleDraft) -> String {
    let mut d = d.clone();
    d.status = None;
    d.slug = None;
    for b in &mut d.bylines {
        b.author_id = None;
    }
    serde_json::to_string(&d).unwrap_or_default()
}

/// A snapshot as it travels: hero photos by global id, bylines without the desk's profile ids.
pub(super) fn to_wire(t: &Tx<'_>, d: &ArticleDraft) -> Result<Value> {
    let mut v = serde_json::to_value(d).map_err(storage)?;
    if let Some(bylines) = v["bylines"].as_array_mut() {
        for b in bylines {
            if let Some(o) = b.as_object_mut() {
                o.remove("author_id");
            }
        }
    }
    // `photo:12` in the body is this desk's photo 12: it travels as the photo's global id.
    let body = crate::markdown::photos::rewrite_photo_targets(&d.body, |target| {
        let rest = target.strip_prefix("photo:")?;
        let (number, crop) = match rest.split_once('#') {
            Some((n, c)) => (n, Some(c)),
            None => (rest, None),
        };
        let uuid = t.photo_uuid(number.trim().parse().ok()?).ok()?;
        Some(match crop {
            Some(c) => format!("photo:{uuid}#{c}"),
            None => format!("photo:{uuid}"),
        })
    });
    v["body"] = Value::String(body);
    if let Some(hero) = &d.hero {
        let photos = hero
            .photos
            .iter()
            .map(|p| Ok(json!({ "photo": t.photo_uuid(p.photo_id)?, "crop": p.crop })))
            .collect::<Result<Vec<_>>>()?;
        v["hero"] = json!({ "photos": photos, "edited_by": hero.edited_by });
    }
    v.as_object_mut().map(|o| {
        o.remove("status");
        o.remove("slug")
    });
    Ok(v)
}

fn to_wire_lossy(store: &crate::store::Store, d: &ArticleDraft) -> Value {
    store
        .read(|t| to_wire(t, d))
        .unwrap_or_else(|_| serde_json::to_value(d).unwrap_or(Value::Null))
}

/// A snapshot as it arrives: hero photos back to this desk's ids (a photo the desk does not
/// have drops out of the hero).
pub(super) fn from_wire(t: &Tx<'_>, mut v: Value) -> Result<ArticleDraft> {
    let hero = v.get("hero").cloned().unwrap_or(Value::Null);
    if let Some(o) = v.as_object_mut() {
        o.remove("hero");
    }
    let mut d: ArticleDraft = serde_json::from_value(v).map_err(storage)?;
    // Back from global ids to this desk's photos; a photo the desk lacks keeps its global id
    // (preflight names it as missing).
    d.body = crate::markdown::photos::rewrite_photo_targets(&d.body, |target| {
        let rest = target.strip_prefix("photo:")?;
        let (uuid, crop) = match rest.split_once('#') {
            Some((u, c)) => (u, Some(c)),
            None => (rest, None),
        };
        if uuid.len() != 36 {
            return None;
        }
        let id = t.photo_by_uuid(uuid).ok()??;
        Some(match crop {
            Some(c) => format!("photo:{id}#{c}"),
            None => format!("photo:{id}"),
        })
    });
    if let Some(photos) = hero["photos"].as_array() {
        let mut list = Vec::new();
        for p in photos {
            let id = match (p["photo"].as_str(), p["photo_id"].as_i64()) {
                (Some(u), _) => t.photo_by_uuid(u)?,
                (None, Some(id)) => Some(id),
                _ => None,
            };
            if let Some(photo_id) = id {
                list.push(crate::model::HeroPhoto {
                    photo_id,
                    crop: p["crop"].as_str().map(str::to_string),
                });
            }
        }
        if !list.is_empty() {
            d.hero = Some(crate::model::Hero {
                photos: list,
                edited_by: hero["edited_by"].as_str().map(str::to_string),
            });
        }
    }
    Ok(d)
}

/// The slug a pulled story takes on this desk: its own, or with a number when the desk
/// already uses it for another story.
pub(super) fn free_slug(t: &Tx<'_>, slug: &str) -> Result<String> {
    let mut candidate = slug.to_string();
    let mut n = 1;
    while t.article_with_slug(&candidate)?.is_some() {
        n += 1;
        candidate = format!("{slug}-{n}");
    }
    Ok(candidate)
}

fn photo_digest(f: &PhotoFields, focus: Focus, crops: &[Crop]) -> String {
    let v = json!({ "fields": f, "focus": focus, "crops": crops.iter().map(|c| json!([c.name, c.aspect, c.x, c.y, c.w, c.h])).collect::<Vec<_>>() });
    crate::durable::sha256_hex(v.to_string().as_bytes())
}

/// A UUID version 7 made on the desk (for a merge revision).
pub(super) fn new_uuid(_now: DateTime<Utc>) -> String {
    uuid::Uuid::now_v7().to_string()
}

fn pull_photo(t: &Tx<'_>, r: &postgres::Row, now: DateTime<Utc>) -> Result<()> {
    let uuid: String = r.get(0);
    let sha: String = r.get(1);
    let fields = PhotoFields {
        caption: r.get(6),
        creator: r.get(7),
        agency: r.get(8),
        distributor: r.get(9),
        copyright: r.get(10),
        alt_text: r.get(11),
        usage_terms: r.get(12),
        credit_override: r.get(13),
    };
    let focus = Focus {
        x: r.get(14),
        y: r.get(15),
    };
    let local = match t.photo_by_uuid(&uuid)? {
        Some(id) => Some(id),
        None => match t.photo_by_sha(&sha)? {
            Some(id) => {
                t.set_photo_uuid(id, &uuid)?;
                Some(id)
            }
            None => None,
        },
    };
    match local {
        Some(id) => {
            let mine = t.photo(id)?;
            let sent = t.sent(SentKind::Photo, &uuid)?;
            let crops = t.crops(id)?;
            let changed_here =
                sent.as_deref() != Some(photo_digest(&mine.fields, mine.focus, &crops).as_str());
            if changed_here && sent.is_some() {
                // Both sides changed the photo: the newsroom's fields win, and a credit,
                // caption or alt text that differs is a recorded conflict (preflight blocks
                // the export until someone chooses).
                for (field, o, th) in [
                    (
                        "photo.credit",
                        crate::credit::credit_line(&mine.fields),
                        crate::credit::credit_line(&fields),
                    ),
                    (
                        "photo.caption",
                        mine.fields.caption.clone(),
                        fields.caption.clone(),
                    ),
                    (
                        "photo.alt_text",
                        mine.fields.alt_text.clone(),
                        fields.alt_text.clone(),
                    ),
                ] {
                    if o != th {
                        t.add_conflict(None, Some(id), field, &o, &th, now)?;
                    }
                }
            }
            t.update_photo(id, &fields, focus)?;
        }
        None => {
            let width: i32 = r.get(4);
            let height: i32 = r.get(5);
            let new = NewPhoto {
                sha256: sha.clone(),
                original_name: r.get(2),
                mime: r.get(3),
                width: width.max(0) as u32,
                height: height.max(0) as u32,
                fields,
                focus,
                embedded: r.get(16),
            };
            let imported: DateTime<Utc> = r.get(17);
            let (id, _) = t.insert_photo(&new, imported)?;
            t.update_photo(id, &new.fields, focus)?;
            t.set_photo_uuid(id, &uuid)?;
            t.mark_sent(SentKind::Original, &sha, "")?;
        }
    }
    Ok(())
}

/// Sends an original in chunks, skipping the chunks the newsroom already has (an upload cut
/// short resumes), then asks the server to check the whole against its SHA-256.
fn upload_original(
    client: &mut Client,
    target: &Target,
    sha: &str,
    path: &std::path::Path,
) -> Result<()> {
    let err = |e| target.error(e);
    let done: Option<bool> = client
        .query_opt(
            "SELECT complete FROM newsroom.originals WHERE sha256 = $1",
            &[&sha],
        )
        .map_err(err)?
        .map(|r| r.get(0));
    if done == Some(true) {
        return Ok(());
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let chunks = bytes.len().div_ceil(CHUNK) as i32;
    let size = bytes.len() as i64;
    client
        .execute(
            "INSERT INTO newsroom.originals (sha256, size, chunks) VALUES ($1, $2, $3)
             ON CONFLICT (sha256) DO NOTHING",
            &[&sha, &size, &chunks],
        )
        .map_err(err)?;
    let have: HashSet<i32> = client
        .query(
            "SELECT n FROM newsroom.original_chunks WHERE sha256 = $1",
            &[&sha],
        )
        .map_err(err)?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for (n, chunk) in bytes.chunks(CHUNK).enumerate() {
        let n = n as i32;
        if have.contains(&n) {
            continue;
        }
        client
            .execute(
                "INSERT INTO newsroom.original_chunks (sha256, n, data) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&sha, &n, &chunk],
            )
            .map_err(err)?;
    }
    let complete = |client: &mut Client| {
        client.execute(
            "UPDATE newsroom.originals SET complete = true WHERE sha256 = $1 AND NOT complete",
            &[&sha],
        )
    };
    if let Err(e) = complete(client) {
        let e = err(e);
        if !matches!(e, Error::Refused(_)) {
            return Err(e);
        }
        // A chunk that arrived damaged (or was sent by someone else wrongly): send every
        // chunk again over the stored ones, then ask once more.
        for (n, chunk) in bytes.chunks(CHUNK).enumerate() {
            let n = n as i32;
            client
                .execute(
                    "INSERT INTO newsroom.original_chunks (sha256, n, data) VALUES ($1, $2, $3)
                     ON CONFLICT (sha256, n) DO UPDATE SET data = excluded.data",
                    &[&sha, &n, &chunk],
                )
                .map_err(err)?;
        }
        complete(client).map_err(err)?;
    }
    Ok(())
}

/// An original's bytes, checked against its SHA-256.
fn download_original(
    tx: &mut postgres::Transaction<'_>,
    target: &Target,
    sha: &str,
) -> Result<Vec<u8>> {
    let rows = tx
        .query(
            "SELECT c.data FROM newsroom.original_chunks c
             JOIN newsroom.originals o ON o.sha256 = c.sha256 AND o.complete
             WHERE c.sha256 = $1 ORDER BY c.n",
            &[&sha],
        )
        .map_err(|e| target.error(e))?;
    let mut bytes = Vec::new();
    for r in rows {
        bytes.extend_from_slice(r.get::<_, &[u8]>(0));
    }
    let got = crate::durable::sha256_hex(&bytes);
    if got != sha {
        return Err(Error::Newsroom(
            Text::new("newsroom-photo-incomplete").arg("sha", sha),
        ));
    }
    Ok(bytes)
}
