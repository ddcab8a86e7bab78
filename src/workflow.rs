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

/// The genres a new story can start from, by id: their words live in the page catalogues
/// (`template-<id>-name`, `-description`, `-body`, `-tag`, `-headline`), so a template speaks
/// the language of the story it starts.
const TEMPLATE_IDS: [&str; 3] = ["news", "analysis", "photo_story"];

/// The article templates a new story can start from, in `language` (a story's language tag;
/// English when no catalogue has it): a headline placeholder is left to the writer; the body
/// gives the shape of the genre.
pub fn templates(language: &str) -> Vec<Template> {
    let words = crate::i18n::words(language);
    TEMPLATE_IDS
        .iter()
        .map(|id| {
            let key = id.replace('_', "-");
            let get = |part: &str| words.get(&format!("template-{key}-{part}"), &[]);
            Template {
                id: (*id).into(),
                name: get("name"),
                description: get("description"),
                // A catalogue's message loses its last line break; a story's body keeps one.
                body: format!("{}\n", get("body")),
                tags: vec![get("tag")],
                headline: get("headline"),
                language: words.language().into(),
            }
        })
        .collect()
}

/// The template a person names by id (`news`) or by name in any of Dateline's languages, in
/// any case (`Photo story`, `fotorreportaje`), in the words of `language`.
pub fn template(key: &str, language: &str) -> Result<Template> {
    let key = key.trim();
    let id = crate::i18n::Lang::ALL
        .iter()
        .flat_map(|l| templates(l.tag()))
        .find(|t| t.id == key || t.name.to_lowercase() == key.to_lowercase())
        .map(|t| t.id)
        .ok_or_else(|| Error::not_found("template", key))?;
    Ok(templates(language)
        .into_iter()
        .find(|t| t.id == id)
        .expect("every template is in every language"))
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
        assert_eq!(template("photo_story", "en").unwrap().name, "Photo story");
        assert_eq!(template(" photo story ", "en").unwrap().id, "photo_story");
        assert_eq!(template("NEWS", "en").unwrap().id, "news");
        let e = template("obituary", "en").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::NotFound);
        assert!(e.to_string().contains("obituary"), "{e}");
    }

    #[test]
    fn a_template_speaks_the_language_of_the_story_it_starts() {
        // Named in one language, written in another: the words follow the story.
        let t = template("Fotorreportaje", "en").unwrap();
        assert_eq!((t.id.as_str(), t.language.as_str()), ("photo_story", "en"));
        let es = template("analysis", "es-MX").unwrap();
        assert_eq!(es.language, "es");
        assert_eq!(es.name, "Análisis");
        assert!(
            es.body.contains("## Lo que sabemos\n\nLas pruebas.\n"),
            "{}",
            es.body
        );
        assert!(es.body.ends_with("Lo que viene.\n"), "{:?}", es.body);
        for lang in ["en", "es"] {
            for t in templates(lang) {
                for words in [&t.name, &t.description, &t.body, &t.headline, &t.tags[0]] {
                    assert!(!words.contains("template-"), "{lang} {}: {words}", t.id);
                }
                // The body is Markdown paragraphs: blank lines between them survive the
                // catalogue.
                assert!(t.body.contains("\n\n"), "{lang} {}: {:?}", t.id, t.body);
            }
        }
        let e = template("obituary", "es").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::NotFound);
        assert!(e.to_string().contains("obituary"), "{e}");
    }

    #[test]
    fn templates_have_distinct_ids() {
        let ts = templates("en");
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
