//! The correspondent's desk: creating and saving stories (each save a revision, folded into
//! the newest autosave within [`REVISION_INTERVAL`]), the hero, checkpoints, the library,
//! rendering and search.

use chrono::{DateTime, Utc};

use crate::article::ValidArticle;
use crate::error::{Error, Result};
use crate::model::{
    Article, ArticleDraft, ArticleId, ArticleSummary, Hero, LibraryCounts, LibraryPage,
    LibraryPageRequest, LibraryQuery, Revision, SearchHit, Status,
};
use crate::slug::Slug;
use crate::{markdown, workflow};

use super::{Workspace, REVISION_INTERVAL, SEARCH_HITS};

/// The story as a form loaded or last saved it: its stored time and its fields then.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize, ts_rs::TS)]
pub struct SaveBase {
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
    pub draft: ArticleDraft,
}

/// How a save records its revision.
#[derive(Debug, Clone, Copy)]
enum Record<'a> {
    /// Folded into the newest autosave within [`REVISION_INTERVAL`].
    Autosave,
    /// A revision of its own: the form's words put together with others'.
    Merged,
    /// A revision of its own beside the version now stored (both changed the same words):
    /// it descends from the revision of `base` (what the form was typed over), and the two
    /// are recorded as a conflict.
    Beside(&'a ArticleDraft),
}

/// What [`Workspace::save_article_over`] stored.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct SavedOver {
    pub article: Article,
    /// The stored words are not only the form's: changes made elsewhere were put in.
    pub merged: bool,
    /// Both sides changed the same words or field: kept both, marked as a conflict.
    pub conflict: bool,
}

impl Workspace {
    pub fn create_article(&mut self, draft: ArticleDraft) -> Result<Article> {
        self.create_article_at(draft, Utc::now())
    }

    /// Like [`Workspace::create_article`], dated `now` (the demo desk's older stories, tests).
    #[doc(hidden)]
    pub fn create_article_at(
        &mut self,
        draft: ArticleDraft,
        now: DateTime<Utc>,
    ) -> Result<Article> {
        self.create_article_because(draft, now, "created")
    }

    /// Creates an article whose first revision says why it exists ("created", "duplicated
    /// from #3").
    pub(crate) fn create_article_because(
        &mut self,
        draft: ArticleDraft,
        now: DateTime<Utc>,
        reason: &str,
    ) -> Result<Article> {
        let mut valid = ValidArticle::new(draft, None)?;
        let who = self.identity()?;
        let id = self.store.write(|t| {
            if valid.slug_derived {
                let base = valid.slug.clone();
                let mut n = 1;
                while t.article_with_slug(valid.slug.as_str())?.is_some() {
                    n += 1;
                    valid.slug = base.with_suffix(n);
                }
            }
            let id = t.insert_article(&valid, now)?;
            t.insert_revision(id, &valid.to_draft(), &who, reason, now)?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }

    /// Saves the article's fields. Saves within [`REVISION_INTERVAL`] of the newest autosave
    /// revision refresh it; a later save, or a change of status, starts a new one.
    pub fn save_article(&mut self, id: ArticleId, draft: ArticleDraft) -> Result<Article> {
        self.save_article_at(id, draft, Utc::now())
    }

    #[doc(hidden)]
    pub fn save_article_at(
        &mut self,
        id: ArticleId,
        draft: ArticleDraft,
        now: DateTime<Utc>,
    ) -> Result<Article> {
        self.save_checked(id, draft, now, None, Record::Autosave)?
            .ok_or_else(|| Error::Storage("the story changed while it was being saved".into()))
    }

    /// Saves what a form typed over the story as it stood at `base` (when the form loaded or
    /// last saved it). When the story changed since — a sync brought another desk's words —
    /// the form's words are put together with the stored ones by the newsroom's merge rules:
    /// edits to different paragraphs both stay; when both changed the same words, the form's
    /// words are stored and the others' stay whole in the history, marked as a conflict.
    /// Nothing typed, and nothing another desk wrote, is overwritten.
    pub fn save_article_over(
        &mut self,
        id: ArticleId,
        draft: ArticleDraft,
        base: SaveBase,
    ) -> Result<SavedOver> {
        let now = Utc::now();
        // A sync may write the story between our read and our write: the write checks the
        // time it read, and the round starts again (a sync writes a story once per round).
        for _ in 0..8 {
            let current = self.article_by_id(id)?;
            if current.updated_at == base.updated_at {
                if let Some(article) = self.save_checked(
                    id,
                    draft.clone(),
                    now,
                    Some(current.updated_at),
                    Record::Autosave,
                )? {
                    return Ok(SavedOver {
                        article,
                        merged: false,
                        conflict: false,
                    });
                }
                continue;
            }
            let theirs = ArticleDraft::from(&current);
            let m = crate::newsroom::merge::merge(&base.draft, &draft, &theirs);
            let (words, conflict) = if m.body_conflict {
                // Both changed the same words: the form's are stored (the writer goes on
                // from them), the others' stay whole in the history as the other side.
                let mut ours = m.draft.clone();
                ours.body = draft.body.clone();
                (ours, true)
            } else {
                (m.draft.clone(), false)
            };
            // The form moves no story (moves flush it first): the stored status stands, and
            // so does the stored address unless the form changed it.
            let words = ArticleDraft {
                slug: if draft.slug == base.draft.slug {
                    Some(current.slug.clone())
                } else {
                    draft.slug.clone()
                },
                status: Some(current.status),
                ..words
            };
            let record = if conflict {
                Record::Beside(&base.draft)
            } else {
                Record::Merged
            };
            let Some(article) =
                self.save_checked(id, words, now, Some(current.updated_at), record)?
            else {
                continue;
            };
            self.store.write(|t| {
                for (field, o, th) in &m.field_conflicts {
                    t.add_conflict(Some(id), None, field, o, th, now)?;
                }
                Ok(())
            })?;
            let merged = article.body != draft.body
                || article.headline != draft.headline
                || article.dek != draft.dek;
            return Ok(SavedOver {
                article,
                merged,
                conflict: conflict || !m.field_conflicts.is_empty(),
            });
        }
        Err(Error::Storage(
            "the story kept changing while it was being saved; try again".into(),
        ))
    }

    /// The save itself. With `expect`, nothing is written (and `None` answered) when the
    /// story's stored time is no longer `expect`. `fresh_revision` starts a new revision
    /// whatever the autosave interval (a merge is a moment of the history of its own).
    fn save_checked(
        &mut self,
        id: ArticleId,
        draft: ArticleDraft,
        now: DateTime<Utc>,
        expect: Option<DateTime<Utc>>,
        record: Record<'_>,
    ) -> Result<Option<Article>> {
        // A move to Published passes preflight first (`set_status`); the words are saved
        // either way, so a refused move never loses them.
        if draft.status == Some(Status::Published) {
            let current = self.store.read(|t| t.article(id))?;
            if current.status != Status::Published {
                // A move the workflow does not allow refuses the whole save, as any other.
                workflow::check(current.status, Status::Published)?;
                let words = ArticleDraft {
                    status: Some(current.status),
                    ..draft
                };
                if self.save_checked(id, words, now, expect, record)?.is_none() {
                    return Ok(None);
                }
                return self
                    .set_status(&id.to_string(), Status::Published)
                    .map(Some);
            }
        }
        let who = self.identity()?;
        let written = self.store.write(|t| {
            let current = t.article(id)?;
            if expect.is_some_and(|at| at != current.updated_at) {
                return Ok(false);
            }
            let mut draft = draft;
            // A draft's slug follows its headline until someone types a slug or the story is
            // filed (a filed or published story keeps its address: links may point to it).
            let follows = current.status == Status::Draft
                && draft.status.is_none_or(|s| s == Status::Draft)
                && draft
                    .slug
                    .as_deref()
                    .map(str::trim)
                    .is_none_or(|s| s.is_empty() || s == current.slug)
                && Slug::parse(&current.slug).is_ok_and(|s| s.is_derived_from(&current.headline))
                && Slug::derive(&draft.headline)
                    .is_some_and(|s| !s.is_derived_from(&current.headline));
            if follows {
                draft.slug = None;
            }
            let mut valid = ValidArticle::new(draft, (!follows).then_some(current.slug.as_str()))?;
            if follows {
                let base = valid.slug.clone();
                let mut n = 1;
                while t
                    .article_with_slug(valid.slug.as_str())?
                    .is_some_and(|other| other != id)
                {
                    n += 1;
                    valid.slug = base.with_suffix(n);
                }
            }
            if let Some(other) = t.article_with_slug(valid.slug.as_str())? {
                if other != id {
                    return Err(Error::DuplicateSlug(valid.slug.to_string()));
                }
            }
            let reason = if valid.status != current.status {
                workflow::check(current.status, valid.status)?;
                t.insert_transition(id, current.status, valid.status, &who, now)?;
                workflow::status_reason(current.status, valid.status)
            } else {
                "autosave".to_string()
            };
            t.update_article(id, &valid, now)?;
            let fresh_revision = !matches!(record, Record::Autosave);
            let fresh = match t.latest_revision(id)? {
                _ if fresh_revision => true,
                Some((_, at, r)) if r == "autosave" && reason == "autosave" => {
                    (now - at).to_std().unwrap_or_default() >= REVISION_INTERVAL
                }
                _ => true,
            };
            if fresh {
                let reason = match record {
                    Record::Merged if reason == "autosave" => "merged with changes from elsewhere",
                    Record::Beside(_) => "typed while it changed elsewhere",
                    _ => &reason,
                };
                let theirs = t.article_head(id)?;
                let ours = t.insert_revision(id, &valid.to_draft(), &who, reason, now)?;
                if let Record::Beside(base) = record {
                    // Beside the other version, not after it: it descends from the version
                    // the form was typed over, so the two are two heads until someone settles
                    // them (the other desk keeps its words meanwhile).
                    let key = crate::newsroom::content_key(base);
                    let from = t.desk_revisions(id)?.into_iter().rev().find(|r| {
                        r.id != ours
                            && serde_json::from_str::<ArticleDraft>(&r.snapshot)
                                .is_ok_and(|d| crate::newsroom::content_key(&d) == key)
                    });
                    if let Some(from) = from {
                        t.set_revision_parents(ours, &[from.uuid])?;
                    }
                    if let (Some(theirs), Some(ours)) = (theirs, t.article_head(id)?) {
                        t.add_conflict(Some(id), None, "body", &ours, &theirs, now)?;
                    }
                }
            }
            Ok(true)
        })?;
        if !written {
            return Ok(None);
        }
        self.article_by_id(id).map(Some)
    }

    /// Sets the article's lead image: one photo, or a composite of two or three side by side
    /// (`None` removes it). Every photo must be of this desk. Saved like any edit, so the
    /// change is in the article's history.
    pub fn set_hero(&mut self, key: &str, hero: Option<Hero>) -> Result<Article> {
        let a = self.article(key)?;
        if let Some(h) = &hero {
            for p in &h.photos {
                self.store.read(|t| t.photo(p.photo_id))?;
            }
        }
        let mut draft = ArticleDraft::from(&a);
        draft.hero = hero;
        self.save_article(a.id, draft)
    }

    /// Records the current state as a revision of its own, whatever the interval.
    pub fn checkpoint(&mut self, key: &str) -> Result<Revision> {
        let who = self.identity()?;
        let now = Utc::now();
        self.store.write(|t| {
            let id = t.resolve_article(key)?;
            let a = t.article(id)?;
            t.insert_revision(id, &ArticleDraft::from(&a), &who, "checkpoint", now)?;
            Ok(())
        })?;
        let id = self.store.read(|t| t.resolve_article(key))?;
        self.revisions(id)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::not_found("revision", key))
    }

    /// Finds an article by id or slug.
    pub fn article(&self, key: &str) -> Result<Article> {
        self.store.read(|t| {
            let id = t.resolve_article(key)?;
            t.article(id)
        })
    }

    pub fn article_by_id(&self, id: ArticleId) -> Result<Article> {
        self.store.read(|t| t.article(id))
    }

    /// Every story on the desk (not the trash), last change first.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>> {
        self.library(&LibraryQuery::default())
    }

    /// The library: the stories matching every filter of `q`, sorted as asked.
    pub fn library(&self, q: &LibraryQuery) -> Result<Vec<ArticleSummary>> {
        self.store.read(|t| t.article_summaries(q))
    }

    /// One page of the library (issue 15): what the window's list shows, a screenful at a
    /// time, instead of every story at once.
    pub fn library_page(&self, r: &LibraryPageRequest) -> Result<LibraryPage> {
        self.store.read(|t| t.library_page(r))
    }

    /// How many stories the library's query selects, in all and per status.
    pub fn library_counts(&self, q: &LibraryQuery) -> Result<LibraryCounts> {
        self.store.read(|t| t.library_counts(q))
    }

    /// One story's row of the library (in the trash or not), as the window shows it.
    pub fn article_summary(&self, id: ArticleId) -> Result<ArticleSummary> {
        self.store
            .read(|t| t.article_summary(id))?
            .ok_or_else(|| Error::not_found("article", id))
    }

    pub fn revisions(&self, id: ArticleId) -> Result<Vec<Revision>> {
        self.store.read(|t| t.revisions(id))
    }

    /// The article as it was at `revision_id`.
    pub fn revision(&self, revision_id: i64) -> Result<ArticleDraft> {
        self.store
            .read(|t| t.revision_snapshot(revision_id))
            .map(|(_, d)| d)
    }

    /// Renders the article's body to sanitized HTML, as the preview and exports show it.
    pub fn render_article(&self, key: &str) -> Result<String> {
        let a = self.article(key)?;
        Ok(markdown::render(&a.body, &a.language))
    }

    /// Full-text search over headline, dek, body, and the captions and credits of each
    /// story's hero photos (the trash is not searched): the first [`SEARCH_HITS`] hits,
    /// headline matches first, then newest first.
    pub fn search(&self, query: &str) -> Result<Vec<SearchHit>> {
        self.store.read(|t| t.search(query, SEARCH_HITS))
    }
}
