//! The newsroom's workflow: which status a story may move to from which, in one table, and
//! the templates a story can start from. The editor's desk acts on them in
//! `workspace::workflow` (moving a story, notes, duplicating, templates, the trash).
//!
//! Every transition is recorded with who and when (the desk's local identity) and also
//! appears in the article's revision history; a move the table does not allow is refused with
//! words an editor understands, and nothing changes.

use crate::error::{Error, Result};
use crate::i18n::{Arg, Text};
use crate::model::{Status, Template, WorkflowStep};

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

/// Every status with its label and where a story in it may move: the one table, as data for
/// the window.
pub fn steps() -> Vec<WorkflowStep> {
    Status::ALL
        .into_iter()
        .map(|s| WorkflowStep {
            status: s,
            label: s.label().to_string(),
            next: next_statuses(s),
        })
        .collect()
}

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
    let options: Vec<Text> = next_statuses(from).into_iter().map(status_text).collect();
    let options = if options.is_empty() {
        Arg::Text(Text::new("workflow-nowhere"))
    } else {
        Arg::Or(options)
    };
    Err(Error::invalid(
        "status",
        Text::new("workflow-refused")
            .arg("from", status_text(from))
            .arg("to", status_text(to))
            .arg("options", options),
    ))
}

/// A status's name as a message says it ("In edit", "En edición").
pub fn status_text(s: Status) -> Text {
    Text::new(match s {
        Status::Draft => "status-draft",
        Status::InEdit => "status-in-edit",
        Status::CopyDesk => "status-copy-desk",
        Status::Ready => "status-ready",
        Status::Published => "status-published",
        Status::Spiked => "status-spiked",
        Status::Archived => "status-archived",
    })
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
