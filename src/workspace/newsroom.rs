//! The newsroom's actions on the desk (issue 13): each lends the desk's store and its folder
//! of photo originals to the `newsroom` room for one call (that room alone talks to
//! PostgreSQL), or reads the desk's side of the newsroom directly.

use std::path::Path;
use std::time::Duration;

use crate::error::Result;
use crate::model::{Article, ArticleId, PhotoId};
use crate::newsroom::{BundleReport, Conflict, Desk, Holder, NewsroomStatus, Prompt, SyncReport};

use super::{Workspace, ORIGINALS_DIR};

impl Workspace {
    fn newsroom_desk(&mut self) -> Desk<'_> {
        Desk {
            originals: self.dir.join(ORIGINALS_DIR),
            db: &mut self.store,
        }
    }

    /// Joins the newsroom at `url`: checks that the server speaks this Dateline's protocol and
    /// that the user is one of its people, then keeps the address (never the password) and
    /// makes the PostgreSQL user the desk's identity.
    pub fn newsroom_join(
        &mut self,
        url: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<NewsroomStatus> {
        self.newsroom_desk().newsroom_join(url, prompt)
    }

    /// What waits on each side, when the last sync was, and every open conflict and refusal.
    pub fn newsroom_status(&mut self, prompt: Option<&Prompt<'_>>) -> Result<NewsroomStatus> {
        self.newsroom_desk().newsroom_status(prompt)
    }

    /// Pulls what others changed, puts it together with this desk's work, and pushes this
    /// desk's changes. Safe to interrupt at any point and to run again.
    pub fn sync(&mut self, prompt: Option<&Prompt<'_>>) -> Result<SyncReport> {
        self.newsroom_desk().sync(prompt)
    }

    /// Syncs now and on every change another desk commits (LISTEN/NOTIFY).
    pub fn newsroom_watch(
        &mut self,
        prompt: Option<&Prompt<'_>>,
        rounds: usize,
        idle: Duration,
        each: impl FnMut(&SyncReport),
    ) -> Result<usize> {
        self.newsroom_desk()
            .newsroom_watch(prompt, rounds, idle, each)
    }

    /// The story's open conflicts (what `article show` and `newsroom status` list).
    pub fn newsroom_conflicts(&mut self, key: &str) -> Result<Vec<Conflict>> {
        self.newsroom_desk().newsroom_conflicts(key)
    }

    /// Settles a story's conflict on its text as a new revision with both versions as parents.
    pub fn resolve_conflict(
        &mut self,
        key: &str,
        take: Option<i64>,
        text: Option<String>,
    ) -> Result<Article> {
        self.newsroom_desk().resolve_conflict(key, take, text)
    }

    /// The person chose a value for a story's field in conflict: it is settled.
    pub fn settle_field_conflict(&mut self, key: &str, field: &str) -> Result<usize> {
        self.newsroom_desk().settle_field_conflict(key, field)
    }

    /// The photo desk chose a photo's fields: its newsroom conflicts are settled.
    pub fn settle_photo_conflicts(&mut self, photo_id: PhotoId) -> Result<usize> {
        self.newsroom_desk().settle_photo_conflicts(photo_id)
    }

    /// A story in one file, for a newsroom without network.
    pub fn newsroom_bundle(&mut self, key: &str, out: &Path) -> Result<BundleReport> {
        self.newsroom_desk().newsroom_bundle(key, out)
    }

    /// Brings a bundle in (idempotent; merged like a sync).
    pub fn newsroom_apply(&mut self, path: &Path) -> Result<BundleReport> {
        self.newsroom_desk().newsroom_apply(path)
    }

    /// Says this desk has the story open; returns every live hold on it.
    pub fn newsroom_hold(&mut self, key: &str, prompt: Option<&Prompt<'_>>) -> Result<Vec<Holder>> {
        self.newsroom_desk().newsroom_hold(key, prompt)
    }

    /// The live holds on the story.
    pub fn newsroom_holders(
        &mut self,
        key: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<Vec<Holder>> {
        self.newsroom_desk().newsroom_holders(key, prompt)
    }

    /// This desk closed the story.
    pub fn newsroom_release(
        &mut self,
        key: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<Vec<Holder>> {
        self.newsroom_desk().newsroom_release(key, prompt)
    }

    /// An editor takes the story over: the other holds on it go.
    pub fn newsroom_take_over(
        &mut self,
        key: &str,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<Vec<Holder>> {
        self.newsroom_desk().newsroom_take_over(key, prompt)
    }

    /// The newsroom this desk joined, as a connection string without password.
    pub fn newsroom_conninfo(&self) -> Result<Option<String>> {
        Ok(self
            .store
            .read(|t| t.setting(crate::newsroom::KEY_CONNINFO))?
            .filter(|c| !c.is_empty()))
    }

    /// The article's revisions as a graph: each one's global id and its parents' (oldest
    /// first).
    pub fn newsroom_revision_graph(&self, id: ArticleId) -> Result<Vec<(String, Vec<String>)>> {
        Ok(self
            .store
            .read(|t| t.desk_revisions(id))?
            .into_iter()
            .map(|r| (r.uuid, r.parents))
            .collect())
    }

    /// A revision's global id.
    pub fn newsroom_revision_uuid(&self, revision_id: i64) -> Result<String> {
        self.store.read(|t| t.revision_uuid(revision_id))
    }

    /// An article's global id.
    pub fn newsroom_article_uuid(&self, id: ArticleId) -> Result<String> {
        self.store.read(|t| t.article_uuid(id))
    }

    /// The global ids of the desk's stories and photos now (to tell, after seeding the
    /// demo, what the demo made).
    pub fn global_ids(&self) -> Result<std::collections::HashSet<String>> {
        self.store.read(|t| {
            let mut ids: std::collections::HashSet<String> =
                t.article_uuids()?.into_iter().map(|(_, u)| u).collect();
            ids.extend(t.photo_uuids()?.into_iter().map(|(_, u, _)| u));
            Ok(ids)
        })
    }

    /// What the desk holds now and did not hold `before` stays on it: never sent to a
    /// newsroom (the demo desk's examples, right after seeding them). What was there before
    /// (the person's own stories and photos) still travels.
    pub fn keep_local_only(&mut self, before: &std::collections::HashSet<String>) -> Result<()> {
        let now = self.global_ids()?;
        self.store.write(|t| {
            let mut kept = crate::newsroom::sync::local_only(t)?;
            kept.extend(now.difference(before).cloned());
            let mut ids: Vec<String> = kept.into_iter().collect();
            ids.sort();
            t.set_setting(crate::newsroom::sync::KEY_LOCAL_ONLY, &ids.join("\n"))
        })
    }

    /// The person opened (or left) story `id`: what arrived from other desks is seen.
    pub fn mark_opened(&mut self, id: ArticleId) -> Result<()> {
        self.store.write(|t| {
            t.article(id)?;
            t.mark_opened(id, chrono::Utc::now())
        })
    }

    /// The revision whose content the article's row is (its head on this desk).
    pub fn newsroom_article_head(&self, id: ArticleId) -> Result<Option<String>> {
        self.store.read(|t| t.article_head(id))
    }

    /// Open newsroom conflicts on a photo's credit, caption or alt text, as (field, this
    /// desk's value, the newsroom's value): preflight blocks a story showing the photo until
    /// someone chooses ([`Workspace::settle_photo_conflicts`]).
    pub fn photo_conflicts(&self, photo_id: PhotoId) -> Result<Vec<(String, String, String)>> {
        self.store.read(|t| t.photo_conflicts(photo_id))
    }

    // ---- The app's window (issue 14; `newsroom/app.rs`) --------------------------------

    /// The desk's side of the newsroom, read without connecting: joined or not, who, the
    /// last sync, what waits to be sent, open conflicts and refusals.
    pub fn desk_newsroom(&mut self) -> Result<crate::newsroom::app::DeskNewsroom> {
        self.newsroom_desk().desk_newsroom()
    }

    /// A story's open conflict on its text, both versions whole (`None` when it has none).
    pub fn body_conflict(
        &mut self,
        key: &str,
    ) -> Result<Option<crate::newsroom::app::BodyConflict>> {
        self.newsroom_desk().body_conflict(key)
    }

    /// A connection that waits for the newsroom's wake-ups (LISTEN/NOTIFY).
    pub fn newsroom_listen(
        &mut self,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<crate::newsroom::app::Listener> {
        self.newsroom_desk().newsroom_listen(prompt)
    }

    /// Everyone else's live holds on this desk's stories, in one query.
    pub fn newsroom_all_holders(
        &mut self,
        prompt: Option<&Prompt<'_>>,
    ) -> Result<Vec<crate::newsroom::app::StoryHolder>> {
        self.newsroom_desk().newsroom_all_holders(prompt)
    }
}
