//! The editor's desk commands: the library's filters, the workflow, notes, duplicates and
//! templates, the trash, and the managed lists (authors, sections, tags) and identity.
//!
//! Like every command, each is one core call returning the core's types or `{ code, message }`.

use std::path::Path;

use dateline::model::{
    Article, ArticleId, ArticleSummary, Author, LibraryQuery, Note, Section, Status, TagInfo,
    Template, Transition, WorkflowStep,
};
use dateline::settings::Settings;
use dateline::workspace::DeskInfo;
use dateline::{workflow, ErrorDto};
use tauri::State;

use crate::desk::Desk;
use crate::scope::Scope;

type Answer<T> = Result<T, ErrorDto>;

#[tauri::command]
pub async fn list_library(
    desk: State<'_, Desk>,
    query: LibraryQuery,
) -> Answer<Vec<ArticleSummary>> {
    desk.with(|ws| ws.library(&query))
}

/// Every status with its label and where a story in it may move: the one table, as data.
#[tauri::command]
pub async fn workflow_steps() -> Answer<Vec<WorkflowStep>> {
    Ok(workflow::steps())
}

#[tauri::command]
pub async fn set_status(desk: State<'_, Desk>, id: ArticleId, status: Status) -> Answer<Article> {
    desk.with(|ws| ws.set_status(&id.to_string(), status))
}

#[tauri::command]
pub async fn list_transitions(desk: State<'_, Desk>, id: ArticleId) -> Answer<Vec<Transition>> {
    desk.with(|ws| ws.transitions(&id.to_string()))
}

#[tauri::command]
pub async fn list_notes(desk: State<'_, Desk>, id: ArticleId) -> Answer<Vec<Note>> {
    desk.with(|ws| ws.notes(&id.to_string()))
}

#[tauri::command]
pub async fn add_note(desk: State<'_, Desk>, id: ArticleId, body: String) -> Answer<Note> {
    desk.with(|ws| ws.add_note(&id.to_string(), &body))
}

#[tauri::command]
pub async fn delete_note(desk: State<'_, Desk>, note_id: i64) -> Answer<()> {
    desk.with(|ws| ws.delete_note(note_id))
}

#[tauri::command]
pub async fn duplicate_article(desk: State<'_, Desk>, id: ArticleId) -> Answer<Article> {
    desk.with(|ws| ws.duplicate_article(&id.to_string()))
}

#[tauri::command]
pub async fn list_templates(language: String) -> Answer<Vec<Template>> {
    Ok(workflow::templates(&language))
}

#[tauri::command]
pub async fn create_from_template(
    desk: State<'_, Desk>,
    template: String,
    headline: String,
    language: String,
) -> Answer<Article> {
    desk.with(|ws| ws.create_from_template(&template, &headline, &language))
}

#[tauri::command]
pub async fn trash_article(desk: State<'_, Desk>, id: ArticleId) -> Answer<()> {
    desk.with(|ws| ws.trash_article(&id.to_string()))
}

#[tauri::command]
pub async fn restore_article(desk: State<'_, Desk>, id: ArticleId) -> Answer<Article> {
    desk.with(|ws| ws.restore_article(&id.to_string()))
}

/// Deletes the trash for good. The window asks the person first; this only does it.
#[tauri::command]
pub async fn empty_trash(desk: State<'_, Desk>) -> Answer<usize> {
    desk.with(|ws| ws.empty_trash())
}

#[tauri::command]
pub async fn list_tags(desk: State<'_, Desk>) -> Answer<Vec<TagInfo>> {
    desk.with(|ws| ws.tags())
}

#[tauri::command]
pub async fn add_tag(desk: State<'_, Desk>, name: String) -> Answer<TagInfo> {
    desk.with(|ws| ws.add_tag(&name))
}

#[tauri::command]
pub async fn rename_tag(desk: State<'_, Desk>, old: String, new: String) -> Answer<usize> {
    desk.with(|ws| ws.rename_tag(&old, &new))
}

#[tauri::command]
pub async fn add_section(desk: State<'_, Desk>, name: String) -> Answer<Section> {
    desk.with(|ws| ws.add_section(&name))
}

#[tauri::command]
pub async fn rename_section(desk: State<'_, Desk>, id: i64, name: String) -> Answer<Section> {
    desk.with(|ws| ws.rename_section(id, &name))
}

#[tauri::command]
pub async fn delete_section(desk: State<'_, Desk>, id: i64) -> Answer<()> {
    desk.with(|ws| ws.delete_section(id))
}

#[tauri::command]
pub async fn delete_tag(desk: State<'_, Desk>, name: String) -> Answer<()> {
    desk.with(|ws| ws.delete_tag(&name))
}

/// The publication's house rules, with the desk folder and today's export folder.
#[tauri::command]
pub async fn get_settings(desk: State<'_, Desk>) -> Answer<Settings> {
    desk.with(|ws| ws.settings())
}

/// Saves the house rules. A new default export folder must be one the app may write into
/// (picked with the folder dialog, or under `~/Dateline exports`), so the window cannot name
/// an arbitrary folder for later sessions.
#[tauri::command]
pub async fn save_settings(
    desk: State<'_, Desk>,
    scope: State<'_, Scope>,
    settings: Settings,
) -> Answer<Settings> {
    let stored = desk.with(|ws| ws.settings())?.export_folder;
    if let Some(folder) = settings
        .export_folder
        .as_deref()
        .map(str::trim)
        .filter(|f| !f.is_empty() && Some(*f) != stored.as_deref())
    {
        scope.check_write(Path::new(folder))?;
    }
    desk.with(|ws| ws.save_settings(settings))
}

/// Adds a profile (`id` 0) or changes one.
#[tauri::command]
pub async fn save_author(desk: State<'_, Desk>, author: Author) -> Answer<Author> {
    desk.with(|ws| ws.save_author(&author))
}

/// Sets the desk's local identity (asked on first start), stamped on revisions and moves.
#[tauri::command]
pub async fn set_identity(desk: State<'_, Desk>, name: String) -> Answer<DeskInfo> {
    desk.with(|ws| {
        ws.set_identity(&name)?;
        ws.info()
    })
}
