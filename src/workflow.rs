//! The newsroom's workflow: which status a story may move to from which, in one table, and
//! the actions of the editor's desk on `Workspace` — moving a story, editor notes, duplicating,
//! starting from a template, and the trash.
//!
//! Every transition is recorded with who and when (the desk's local identity) and also
//! appears in the article's revision history; a move the table does not allow is refused with
//! words an editor understands, and nothing changes.

use chrono::Utc;

use crate::error::{Error, Result};
use crate::model::{
    Article, ArticleDraft, ArticleSummary, Byline, Note, Status, Template, Transition,
};
use crate::workspace::Workspace;

/// The allowed moves, from → to. The forward path is Draft → In edit → Copy desk → Ready →
/// Published; a story can be sent back one step, spiked from any working status, brought back
/// from the spike to Draft, reopened for a correction after publication, archived once
/// published, and republished or reused from the archive.
pub const TRANSITIONS: &[(Status, Status)] = &[
    (Status::Draft, Status::InEdit),
    (Status::Draft, Status::Spiked),
    (Status::InEdit, Status::Draft),
    (Status::InEdit, Status::CopyDesk),
    (Status::InEdit, Status::Spiked),
    (Status::CopyDesk, Status::InEdit),
    (Status::CopyDesk, Status::Ready),
    (Status::CopyDesk, Status::Spiked),
    (Status::Ready, Status::CopyDesk),
    (Status::Ready, Status::Published),
    (Status::Ready, Status::Spiked),
    (Status::Published, Status::InEdit),
    (Status::Published, Status::Archived),
    (Status::Spiked, Status::Draft),
    (Status::Archived, Status::Published),
    (Status::Archived, Status::Draft),
];

/// The statuses a story in `from` may move to, in the table's order.
pub fn next_statuses(from: Status) -> Vec<Status> {
    TRANSITIONS
        .iter()
        .filter(|(f, _)| *f == from)
        .map(|(_, t)| *t)
        .collect()
}

/// Whether the table allows `from` → `to`.
pub fn allowed(from: Status, to: Status) -> bool {
    TRANSITIONS.contains(&(from, to))
}

/// Refuses a move the table does not allow, naming the moves that are.
pub fn check(from: Status, to: Status) -> Result<()> {
    if allowed(from, to) {
        return Ok(());
    }
    let options: Vec<&str> = next_statuses(from).into_iter().map(Status::label).collect();
    let options = match options.as_slice() {
        [] => "nowhere".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    Err(Error::invalid(
        "status",
        format!(
            "A story in {} cannot move to {}; it can move to {options}.",
            from.label(),
            to.label()
        ),
    ))
}

/// The article templates a new story can start from: a headline placeholder is left to the
/// writer; the body gives the shape of the genre.
pub fn templates() -> Vec<Template> {
    vec![
        Template {
            id: "news".into(),
            name: "News".into(),
            description: "Inverted pyramid: the news first, then context and reaction.".into(),
            body: "Who did what, where and when — the news in one sentence.\n\n\
                   Why it matters.\n\n\
                   ## Background\n\n\
                   What led here.\n\n\
                   ## Reaction\n\n\
                   “A quote,” said Name, role.\n"
                .into(),
            tags: vec!["News".into()],
        },
        Template {
            id: "analysis".into(),
            name: "Analysis".into(),
            description: "An argument with evidence, for a byline with expertise.".into(),
            body: "The question this piece answers.\n\n\
                   ## What we know\n\n\
                   The evidence.\n\n\
                   ## What it means\n\n\
                   The argument.\n\n\
                   ## What to watch\n\n\
                   What comes next.\n"
                .into(),
            tags: vec!["Analysis".into()],
        },
        Template {
            id: "photo_story".into(),
            name: "Photo story".into(),
            description: "Pictures carry the story; short text between them.".into(),
            body: "A short introduction to the pictures.\n\n\
                   ![Describe the first photo](photo:0)\n\n\
                   A paragraph between the photos.\n\n\
                   ![Describe the second photo](photo:0)\n"
                .into(),
            tags: vec!["Photo story".into()],
        },
    ]
}

/// The template a person names by id (`news`) or by name, in any case (`Photo story`).
pub fn template(key: &str) -> Result<Template> {
    let key = key.trim();
    templates()
        .into_iter()
        .find(|t| t.id == key || t.name.eq_ignore_ascii_case(key))
        .ok_or_else(|| Error::not_found("template", key))
}

impl Workspace {
    /// The templates a new story can start from.
    pub fn templates(&self) -> Vec<Template> {
        templates()
    }

    /// The template named `key` (its id or its name); see [`template`].
    pub fn template(&self, key: &str) -> Result<Template> {
        template(key)
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
                if let Some(refusal) = self.preflight(key)?.refusal(&a.headline, "published") {
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
            return Err(Error::invalid("note", "The note is empty."));
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

    /// Starts a new Draft from a template, with the desk's identity as its first byline when
    /// there is one.
    pub fn create_from_template(&mut self, template: &str, headline: &str) -> Result<Article> {
        let t = self::template(template)?;
        let who = self.identity()?;
        let headline = match headline.trim() {
            "" => format!("New {}", t.name.to_lowercase()),
            h => h.to_string(),
        };
        let draft = ArticleDraft {
            headline,
            body: t.body,
            tags: t.tags,
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

pub(crate) fn status_reason(from: Status, to: Status) -> String {
    format!("status: {} → {}", from.label(), to.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forward_path_is_allowed_step_by_step() {
        let path = [
            Status::Draft,
            Status::InEdit,
            Status::CopyDesk,
            Status::Ready,
            Status::Published,
        ];
        for w in path.windows(2) {
            assert!(allowed(w[0], w[1]), "{:?} → {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn skipping_the_copy_desk_is_refused_with_the_options() {
        let err = check(Status::Draft, Status::Published)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Draft cannot move to Published"), "{err}");
        assert!(err.contains("In edit or Spiked"), "{err}");
        assert!(!allowed(Status::InEdit, Status::Ready));
        assert!(!allowed(Status::Spiked, Status::Published));
        assert!(!allowed(Status::Draft, Status::Draft));
    }

    #[test]
    fn every_status_can_go_somewhere_and_be_reached() {
        for s in Status::ALL {
            assert!(!next_statuses(s).is_empty(), "{s:?} is a dead end");
            if s != Status::Draft {
                assert!(
                    TRANSITIONS.iter().any(|(_, t)| *t == s),
                    "{s:?} cannot be reached"
                );
            }
        }
    }

    #[test]
    fn a_template_is_found_by_id_or_name() {
        assert_eq!(template("photo_story").unwrap().name, "Photo story");
        assert_eq!(template(" photo story ").unwrap().id, "photo_story");
        assert_eq!(template("NEWS").unwrap().id, "news");
        let e = template("obituary").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::NotFound);
        assert!(e.to_string().contains("obituary"), "{e}");
    }

    #[test]
    fn templates_have_distinct_ids() {
        let ts = templates();
        let mut ids: Vec<&str> = ts.iter().map(|t| t.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ts.len(), "two templates share an id");
        // An id is what `article new --template ID` types: one word, lowercase.
        for t in &ts {
            assert!(
                !t.id.is_empty() && t.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{:?} is not an id a person can type",
                t.id
            );
        }
    }
}
