//! The editor's desk: moving a story through the workflow, notes, duplicating, starting from
//! a template, and the trash. Which moves the workflow allows is the `workflow` room's.

use chrono::Utc;

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{
    Article, ArticleDraft, ArticleSummary, Byline, Note, Status, Template, Transition,
};
use crate::workflow::{check, status_reason, template, templates};

use super::Workspace;

impl Workspace {
    /// The templates a new story in `language` can start from, in its words.
    pub fn templates(&self, language: &str) -> Vec<Template> {
        templates(language)
    }

    /// The template named `key` (its id or its name in any language), in the words of
    /// `language`; see [`template`].
    pub fn template(&self, key: &str, language: &str) -> Result<Template> {
        template(key, language)
    }

    /// Moves a story to `to`, if the workflow allows it from where it is. Records the
    /// transition (who, when) and a revision "status: From → To".
    pub fn set_status(&mut self, key: &str, to: Status) -> Result<Article> {
        let who = self.identity()?;
        // Nothing that preflight blocks is published: the same rule as the export's.
        if to == Status::Published {
            let a = self.article(key)?;
            if a.status != Status::Published {
                check(a.status, to)?;
                if let Some(refusal) = self
                    .preflight(key)?
                    .refusal(&a.headline, crate::preflight::Doing::Publish)
                {
                    return Err(refusal);
                }
            }
        }
        let now = Utc::now();
        let id = self.store.write(|t| {
            let id = t.resolve_article(key)?;
            let a = t.article(id)?;
            check(a.status, to)?;
            t.set_article_status(id, to, now)?;
            t.insert_transition(id, a.status, to, &who, now)?;
            t.ensure_author_profiles(id)?;
            let mut draft = ArticleDraft::from(&a);
            draft.status = Some(to);
            t.insert_revision(id, &draft, &who, &status_reason(a.status, to), now)?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }

    /// The article's workflow moves, oldest first.
    pub fn transitions(&self, key: &str) -> Result<Vec<Transition>> {
        self.store.read(|t| {
            let id = t.resolve_article(key)?;
            t.transitions(id)
        })
    }

    /// Adds an internal note to a story. Notes are for the desk: no export carries them.
    pub fn add_note(&mut self, key: &str, body: &str) -> Result<Note> {
        let body = body.trim();
        if body.is_empty() {
            return Err(Error::invalid("note", Text::new("note-empty")));
        }
        let who = self.identity()?;
        self.store.write(|t| {
            let id = t.resolve_article(key)?;
            t.insert_note(id, &who, body, Utc::now())
        })
    }

    pub fn notes(&self, key: &str) -> Result<Vec<Note>> {
        self.store.read(|t| {
            let id = t.resolve_article(key)?;
            t.notes(id)
        })
    }

    pub fn delete_note(&mut self, note_id: i64) -> Result<()> {
        self.store.write(|t| t.delete_note(note_id))
    }

    /// A copy of a story as a new Draft: same text, bylines, section, tags and hero; a slug of
    /// its own; its history starts with "duplicated from #N". Notes stay with the original.
    pub fn duplicate_article(&mut self, key: &str) -> Result<Article> {
        let a = self.article(key)?;
        let mut draft = ArticleDraft::from(&a);
        draft.slug = None;
        draft.status = Some(Status::Draft);
        // The copy says it is one, in the story's language, so two identical headlines never
        // sit side by side in the library.
        let mark = crate::i18n::words(&a.language).get("copy-mark", &[]);
        draft.headline = format!("{} {mark}", a.headline.trim());
        let reason = format!("duplicated from #{}", a.id);
        self.create_article_because(draft, Utc::now(), &reason)
    }

    /// Starts a new Draft in `language` from a template written in it, with the desk's identity
    /// as its first byline when there is one.
    pub fn create_from_template(
        &mut self,
        template: &str,
        headline: &str,
        language: &str,
    ) -> Result<Article> {
        let t = self::template(template, language)?;
        let who = self.identity()?;
        let headline = match headline.trim() {
            "" => t.headline,
            h => h.to_string(),
        };
        let draft = ArticleDraft {
            headline,
            body: t.body,
            tags: t.tags,
            language: Some(language.to_string()),
            bylines: if who.is_empty() {
                Vec::new()
            } else {
                vec![Byline {
                    name: who,
                    role: None,
                    author_id: None,
                }]
            },
            ..ArticleDraft::default()
        };
        self.create_article(draft)
    }

    /// Moves a story to the trash. Everything stays — revisions, notes, transitions, its
    /// photos' links — until the trash is emptied; [`Workspace::restore_article`] brings it back.
    pub fn trash_article(&mut self, key: &str) -> Result<()> {
        let who = self.identity()?;
        self.store
            .write(|t| t.trash_article(t.resolve_article(key)?, &who, Utc::now()))
    }

    /// Brings a story back from the trash, exactly as it was.
    pub fn restore_article(&mut self, key: &str) -> Result<Article> {
        let id = self.store.write(|t| {
            let id = t.resolve_any_article(key)?;
            t.untrash_article(id)?;
            Ok(id)
        })?;
        self.article_by_id(id)
    }

    /// The stories in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<ArticleSummary>> {
        self.store.read(|t| t.trashed_summaries())
    }

    /// Deletes for good every story in the trash (the app asks first). Returns how many.
    pub fn empty_trash(&mut self) -> Result<usize> {
        self.store.write(|t| t.empty_trash())
    }
}
