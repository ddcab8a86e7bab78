//! What the app's window needs of the newsroom beyond the CLI's actions (issue 14): the desk's
//! side of the newsroom read without a connection (so the top bar and the library never wait
//! on the network), a listener that waits for the server's wake-ups, everyone's holds in one
//! query, a story's conflicts with both texts side by side, and which moves the person's role
//! may make. The sync itself, the holds and the resolving are the other files' (`sync.rs`,
//! `holders.rs`); this file only reads and waits.

use std::collections::HashMap;
use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use serde::Serialize;
use ts_rs::TS;

use super::connect::{Prompt, Target};
use super::{Desk, HOLD_EXPIRY_MINUTES};
use crate::error::Result;
use crate::model::{ArticleId, Status};

/// The desk's side of the newsroom, read from the desk alone (no connection).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct DeskNewsroom {
    /// Whether this desk joined a newsroom; a desk that never did shows nothing of it.
    pub joined: bool,
    /// `user@host:port/database`.
    pub newsroom: Option<String>,
    pub login: Option<String>,
    /// The person's name in the newsroom (as bylines carry it).
    pub name: Option<String>,
    /// `correspondent`, `editor`, `photo` or `admin`.
    pub role: Option<String>,
    /// When the last sync finished (RFC 3339).
    pub last_sync: Option<String>,
    /// Revisions, moves and notes of this desk the newsroom does not have yet.
    pub to_send: u32,
    pub conflicts: Vec<StoryConflict>,
    pub refused: Vec<StoryRefusal>,
    /// Stories changed on other desks since the person last opened them here.
    pub unseen: Vec<UnseenStory>,
}

/// A story changed elsewhere since it was last opened on this desk (the library marks it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnseenStory {
    pub article_id: ArticleId,
    /// Never opened on this desk: it came from the newsroom.
    pub new: bool,
}

/// An open conflict, with the story's local id and headline so the window can open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoryConflict {
    pub article_id: Option<ArticleId>,
    pub headline: Option<String>,
    pub photo_id: Option<i64>,
    /// `body`, `headline`, … or `photo.credit`, `photo.caption`, `photo.alt_text`.
    pub field: String,
    /// For `body`: the two revisions' global ids; else the two values (the newsroom's won).
    pub ours: String,
    pub theirs: String,
}

/// A change the newsroom refused, with its reason, as the story shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoryRefusal {
    pub article_id: Option<ArticleId>,
    /// The story's headline on this desk (none for a photo, a list or a purged story).
    pub headline: Option<String>,
    /// `article`, `revision`, `move`, `note`, `photo`.
    pub kind: String,
    pub reason: String,
    pub at: String,
}

/// A story's conflict on its text, both sides whole, for the side-by-side view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BodyConflict {
    /// The local revision ids of this desk's version and of the newsroom's (what "Keep mine"
    /// and "Keep theirs" take).
    pub mine_revision: i64,
    pub theirs_revision: i64,
    pub mine: String,
    pub theirs: String,
    /// Who wrote the newsroom's version.
    pub theirs_author: String,
}

/// Someone else who has a story open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoryHolder {
    pub article_id: ArticleId,
    pub login: String,
    pub name: String,
}

/// A connection that waits for the newsroom's wake-ups (LISTEN/NOTIFY). A wake-up is a hint,
/// not a delivery: whoever holds one syncs after every (re)connect.
pub struct Listener {
    client: postgres::Client,
    target: Target,
}

impl Listener {
    /// Waits up to `timeout` for a change another desk committed; `true` when one came.
    /// Several close together count as one.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool> {
        let heard = {
            let mut n = self.client.notifications();
            let mut it = n.timeout_iter(timeout);
            it.next().map_err(|e| self.target.error(e))?.is_some()
        };
        if heard {
            let mut n = self.client.notifications();
            let mut it = n.timeout_iter(Duration::from_millis(20));
            while let Ok(Some(_)) = it.next() {}
        }
        Ok(heard)
    }
}

/// The moves a correspondent may make, read from the server's own table (migration 1's
/// `workflow_moves`), so the window offers exactly what the server will accept.
pub fn correspondent_moves() -> Vec<(Status, Status)> {
    const SQL: &str = include_str!("sql/0001_newsroom.sql");
    let Some(start) = SQL.find("INSERT INTO newsroom.workflow_moves") else {
        return Vec::new();
    };
    SQL[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.trim_start().starts_with('('))
        .filter(|l| l.contains("true"))
        .filter_map(|l| {
            let mut names = l.split('\'').skip(1).step_by(2);
            let from = serde_json::from_value(names.next()?.into()).ok()?;
            let to = serde_json::from_value(names.next()?.into()).ok()?;
            Some((from, to))
        })
        .collect()
}

impl Desk<'_> {
    /// The desk's side of the newsroom, without connecting.
    pub fn desk_newsroom(&self) -> Result<DeskNewsroom> {
        self.db.read(|t| {
            let conninfo = t.setting(super::KEY_CONNINFO)?.filter(|c| !c.is_empty());
            let Some(conninfo) = conninfo else {
                return Ok(DeskNewsroom::default());
            };
            let newsroom = Target::parse(&conninfo).ok().map(|t| t.to_string());
            // A story deleted from the desk since leaves its conflict or refusal without a
            // headline, never the whole status unreadable.
            let headline = |id: Option<ArticleId>| -> Result<Option<String>> {
                Ok(id.and_then(|id| t.article(id).ok()).map(|a| a.headline))
            };
            let conflicts = t
                .open_conflicts(None)?
                .into_iter()
                .map(|c| {
                    Ok(StoryConflict {
                        headline: headline(c.article_id)?,
                        article_id: c.article_id,
                        photo_id: c.photo_id,
                        field: c.field,
                        ours: c.ours,
                        theirs: c.theirs,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let refused = t
                .refusals(None)?
                .into_iter()
                .map(|r| {
                    Ok(StoryRefusal {
                        headline: headline(r.article_id)?,
                        article_id: r.article_id,
                        kind: r.kind,
                        reason: super::connect::refusal_text(&r.reason)
                            .render(crate::i18n::interface_language()),
                        at: r.at.to_rfc3339(),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(DeskNewsroom {
                joined: true,
                newsroom,
                login: t.setting("newsroom.login")?,
                name: t.setting("newsroom.name")?,
                role: t.setting("newsroom.role")?,
                last_sync: t.setting("newsroom.last_sync")?,
                to_send: u32::try_from(super::sync::count_unsent(t)?).unwrap_or(u32::MAX),
                conflicts,
                refused,
                unseen: t
                    .unseen_articles()?
                    .into_iter()
                    .map(|(article_id, new)| UnseenStory { article_id, new })
                    .collect(),
            })
        })
    }

    /// A story's open conflict on its text, both versions whole; `None` when it has none.
    pub fn body_conflict(&self, key: &str) -> Result<Option<BodyConflict>> {
        self.db.read(|t| {
            let id = t.resolve_article(key)?;
            let Some(c) = t
                .open_conflicts(Some(id))?
                .into_iter()
                .rev()
                .find(|c| c.field == "body")
            else {
                return Ok(None);
            };
            let (Some(mine_revision), Some(theirs_revision)) =
                (t.revision_by_uuid(&c.ours)?, t.revision_by_uuid(&c.theirs)?)
            else {
                return Ok(None);
            };
            let theirs_author = t
                .desk_revisions(id)?
                .into_iter()
                .find(|r| r.uuid == c.theirs)
                .map(|r| r.author)
                .unwrap_or_default();
            // The desk keeps showing its own words while a conflict is open: "mine" is the
            // story as it stands, which is the desk's revision plus anything typed since.
            let mine = t.article(id)?.body;
            let theirs = t.revision_snapshot(theirs_revision)?.1.body;
            Ok(Some(BodyConflict {
                mine_revision,
                theirs_revision,
                mine,
                theirs,
                theirs_author,
            }))
        })
    }

    /// Connects and listens for the newsroom's wake-ups.
    pub fn newsroom_listen(&self, prompt: Option<&Prompt<'_>>) -> Result<Listener> {
        let joined = self.joined()?;
        let mut client = joined.target.connect(prompt)?;
        client
            .batch_execute("LISTEN dateline_newsroom")
            .map_err(|e| joined.target.error(e))?;
        Ok(Listener {
            client,
            target: joined.target,
        })
    }

    /// Every live hold of someone else on a story this desk has, in one query.
    pub fn newsroom_all_holders(&self, prompt: Option<&Prompt<'_>>) -> Result<Vec<StoryHolder>> {
        let joined = self.joined()?;
        let mut client = joined.target.connect(prompt)?;
        let rows = client
            .query(
                "SELECT h.story_id::text, h.login::text, coalesce(m.display_name, h.login::text)
                 FROM newsroom.holders h LEFT JOIN newsroom.members m ON m.login = h.login
                 WHERE h.login <> session_user
                   AND h.refreshed_at > now() - make_interval(mins => $1)
                 ORDER BY h.since",
                &[&HOLD_EXPIRY_MINUTES],
            )
            .map_err(|e| joined.target.error(e))?;
        let local: HashMap<String, ArticleId> = self
            .db
            .read(|t| t.article_uuids())?
            .into_iter()
            .map(|(id, uuid)| (uuid, id))
            .collect();
        Ok(rows
            .iter()
            .filter_map(|r| {
                let story: String = r.get(0);
                Some(StoryHolder {
                    article_id: *local.get(&story)?,
                    login: r.get(1),
                    name: r.get(2),
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correspondent_files_and_spikes_their_own_drafts_only() {
        let moves = correspondent_moves();
        assert_eq!(
            moves,
            vec![
                (Status::Draft, Status::InEdit),
                (Status::Draft, Status::Spiked),
                (Status::InEdit, Status::Draft),
                (Status::Spiked, Status::Draft),
            ]
        );
    }
}
