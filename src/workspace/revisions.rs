//! The desk's actions on an article's history: compare two revisions, restore one.
//! What a diff is, and when two snapshots hold the same content, is the `revision` room's.

use chrono::Utc;

use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{Article, ArticleDraft, RevisionDiff};
use crate::revision::{diff_drafts, same_content};

use super::Workspace;

impl Workspace {
    /// Compares two revisions of the same article, the older first as given.
    pub fn diff_revisions(&self, from: i64, to: i64) -> Result<RevisionDiff> {
        let (a_id, old) = self.store.read(|t| t.revision_snapshot(from))?;
        let (b_id, new) = self.store.read(|t| t.revision_snapshot(to))?;
        if a_id != b_id {
            return Err(Error::invalid(
                "revision",
                Text::new("revisions-different-articles")
                    .arg("from", from.to_string())
                    .arg("to", to.to_string()),
            ));
        }
        Ok(diff_drafts(from, &old, to, &new))
    }

    /// Makes the article read as it did at `revision_id`, and records that as a new revision
    /// "restored #N". Every earlier revision stays as it was.
    ///
    /// The slug is the article's current one (links already given out keep working) and the
    /// hero is the current one when the revision's photos are gone.
    pub fn restore_revision(&mut self, revision_id: i64) -> Result<Article> {
        let who = self.identity()?;
        let now = Utc::now();
        let id = self.store.write(|t| {
            let (id, mut snapshot) = t.revision_snapshot(revision_id)?;
            let current = t.article(id)?;
            // Whatever was typed since the newest revision (words, tags, bylines, hero…) is kept
            // as a revision of its own first, so a restore can itself be undone.
            let now_draft = ArticleDraft::from(&current);
            let newest = t.latest_revision(id)?;
            if let Some((newest_id, _, _)) = newest {
                let (_, newest_draft) = t.revision_snapshot(newest_id)?;
                if !same_content(&newest_draft, &now_draft) {
                    t.insert_revision(id, &now_draft, &who, "before restore", now)?;
                }
            }
            // A restore brings back words, not a place in the workflow.
            snapshot.slug = Some(current.slug.clone());
            snapshot.status = Some(current.status);
            let valid = ValidArticle::new(snapshot, Some(&current.slug))?;
            let valid = match t.update_article(id, &valid, now) {
                Err(Error::NotFound { what: "photo", .. }) => {
                    let mut v = valid;
                    v.hero = current.hero.clone();
                    t.update_article(id, &v, now)?;
                    v
                }
                Err(e) => return Err(e),
                Ok(()) => valid,
            };
            t.insert_revision(
                id,
                &valid.to_draft(),
                &who,
                &format!("restored #{revision_id}"),
                now,
            )?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }
}
