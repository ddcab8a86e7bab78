//! Who is working on a story, for desks that are online: a soft hold, refreshed while the
//! story is open and expired after [`HOLD_EXPIRY`] without a refresh. It warns; it never
//! stops anyone from writing (an offline desk cannot even know). An editor can take a story
//! over, which removes the other holds on it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::connect::Prompt;
use super::Desk;
use crate::error::{Error, Result};
use crate::i18n::Text;

/// A hold not refreshed for this long has expired.
pub const HOLD_EXPIRY_MINUTES: i32 = 5;

/// Someone who has a story open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holder {
    pub login: String,
    /// Their newsroom name (as bylines carry it).
    pub name: String,
    pub since: String,
    pub refreshed_at: String,
    /// Whether it is this desk's own hold.
    pub me: bool,
}

fn rfc(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

impl Desk<'_> {
    /// Says (or repeats, to keep it alive) that this desk has the story open; returns every
    /// live hold on it, this desk's included.
    pub fn newsroom_hold(&self, key: &str, prompt: Option<&Prompt<'_>>) -> Result<Vec<Holder>> {
        self.holds(key, prompt, Action::Hold)
    }

    /// The live holds on the story.
    pub fn newsroom_holders(&self, key: &str, prompt: Option<&Prompt<'_>>) -> Result<Vec<Holder>> {
        self.holds(key, prompt, Action::Look)
    }

    /// This desk closed the story.
    pub fn newsroom_release(&self, key: &str, prompt: Option<&Prompt<'_>>) -> Result<Vec<Holder>> {
        self.holds(key, prompt, Action::Release)
    }

    /// An editor takes the story over: the other holds go, this desk's stays.
    pub fn newsroom_take_over(
        &self,
        key: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<Vec<Holder>> {
        self.holds(key, prompt, Action::TakeOver)
    }

    fn holds(&self, key: &str, prompt: Option<&Prompt<'_>>, action: Action) -> Result<Vec<Holder>> {
        let joined = self.joined()?;
        let target = &joined.target;
        let (uuid, slug) = self.db.read(|t| {
            let id = t.resolve_article(key)?;
            Ok((t.article_uuid(id)?, t.article(id)?.slug))
        })?;
        let mut client = target.connect(prompt)?;
        let err = |e| target.error(e);
        let on_server = client
            .query_opt(
                "SELECT 1 FROM newsroom.stories WHERE id = $1::text::uuid",
                &[&uuid],
            )
            .map_err(err)?
            .is_some();
        if !on_server {
            return Err(Error::Newsroom(
                Text::new("newsroom-story-not-there").arg("story", slug),
            ));
        }
        match action {
            Action::Look => {}
            Action::Hold | Action::TakeOver => {
                client
                    .execute(
                        "INSERT INTO newsroom.holders (story_id) VALUES ($1::text::uuid)
                         ON CONFLICT (story_id, login) DO UPDATE SET refreshed_at = now()",
                        &[&uuid],
                    )
                    .map_err(err)?;
            }
            Action::Release => {
                client
                    .execute(
                        "DELETE FROM newsroom.holders
                         WHERE story_id = $1::text::uuid AND login = session_user",
                        &[&uuid],
                    )
                    .map_err(err)?;
            }
        }
        if action == Action::TakeOver {
            client
                .execute(
                    "DELETE FROM newsroom.holders
                     WHERE story_id = $1::text::uuid AND login <> session_user",
                    &[&uuid],
                )
                .map_err(err)?;
        }
        let rows = client
            .query(
                "SELECT h.login::text, coalesce(m.display_name, h.login::text), h.since,
                        h.refreshed_at, h.login = session_user
                 FROM newsroom.holders h LEFT JOIN newsroom.members m ON m.login = h.login
                 WHERE h.story_id = $1::text::uuid
                   AND h.refreshed_at > now() - make_interval(mins => $2)
                 ORDER BY h.since",
                &[&uuid, &HOLD_EXPIRY_MINUTES],
            )
            .map_err(err)?;
        let holders: Vec<Holder> = rows
            .iter()
            .map(|r| Holder {
                login: r.get(0),
                name: r.get(1),
                since: rfc(r.get(2)),
                refreshed_at: rfc(r.get(3)),
                me: r.get(4),
            })
            .collect();
        if action == Action::TakeOver && holders.iter().any(|h| !h.me) {
            return Err(Error::Refused(
                Text::new("newsroom-only-editor-takes-over").arg("story", slug),
            ));
        }
        Ok(holders)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Look,
    Hold,
    Release,
    TakeOver,
}
