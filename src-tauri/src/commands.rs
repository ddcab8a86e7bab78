//! The IPC commands: each one translates a request from the web UI into one core call.
//!
//! Commands are `async` so Tauri runs them off the window's thread, and return the core's
//! types or its `{ code, message }` error, never a panic. Their argument and result types are
//! the core's (generated into `ui/src/lib/backend/types.ts`); nothing here adds a shape.

use dateline::model::{Article, ArticleDraft, ArticleId, ArticleSummary, Author, Photo, PhotoId};
use dateline::model::{LibraryCounts, LibraryPage, LibraryPageRequest, LibraryQuery};
use dateline::model::{SearchHit, Section};
use dateline::workspace::{DeskInfo, SaveBase, SavedOver, Unsaved};
use std::sync::Mutex;

use dateline::markdown::{BlockCache, PreviewRender};
use dateline::{markdown, ErrorDto};
use tauri::State;

use crate::desk::Desk;

type Answer<T> = Result<T, ErrorDto>;

#[tauri::command]
pub async fn desk_info(desk: State<'_, Desk>) -> Answer<DeskInfo> {
    crate::timeline::mark("app-desk-info-asked");
    desk.with(|ws| ws.info())
}

#[tauri::command]
pub async fn list_articles(desk: State<'_, Desk>) -> Answer<Vec<ArticleSummary>> {
    desk.with(|ws| ws.articles())
}

/// One page of the library: the rows the window's list shows, a screenful at a time.
#[tauri::command]
pub async fn library_page(
    desk: State<'_, Desk>,
    request: LibraryPageRequest,
) -> Answer<LibraryPage> {
    desk.with(|ws| ws.library_page(&request))
}

/// How many stories the library's query selects, in all and per status.
#[tauri::command]
pub async fn library_counts(desk: State<'_, Desk>, query: LibraryQuery) -> Answer<LibraryCounts> {
    desk.with(|ws| ws.library_counts(&query))
}

/// One story's library row, for the window to replace after a save.
#[tauri::command]
pub async fn article_summary(desk: State<'_, Desk>, id: ArticleId) -> Answer<ArticleSummary> {
    desk.with(|ws| ws.article_summary(id))
}

#[tauri::command]
pub async fn get_article(desk: State<'_, Desk>, id: ArticleId) -> Answer<Article> {
    desk.with(|ws| ws.article_by_id(id))
}

#[tauri::command]
pub async fn create_article(desk: State<'_, Desk>, draft: ArticleDraft) -> Answer<Article> {
    desk.with(|ws| ws.create_article(draft))
}

#[tauri::command]
pub async fn save_article(
    desk: State<'_, Desk>,
    id: ArticleId,
    draft: ArticleDraft,
) -> Answer<Article> {
    desk.with(|ws| ws.save_article(id, draft))
}

/// Saves the open story's form over the story as the form last saw it (`base`): changes
/// made elsewhere meanwhile (a sync) are merged in, or kept beside as a conflict, never
/// overwritten.
#[tauri::command]
pub async fn save_article_over(
    desk: State<'_, Desk>,
    id: ArticleId,
    draft: ArticleDraft,
    base: SaveBase,
) -> Answer<SavedOver> {
    desk.with(|ws| ws.save_article_over(id, draft, base))
}

/// Keeps the open story's form beside the desk a moment after each change, ahead of
/// autosave's pause, so a crash loses nothing typed (`id` null: a story not stored yet).
#[tauri::command]
pub async fn keep_unsaved(
    desk: State<'_, Desk>,
    id: Option<ArticleId>,
    draft: ArticleDraft,
) -> Answer<()> {
    desk.unsaved()?.keep(id, &draft).map_err(ErrorDto::from)
}

/// What was typed into story `id` and never stored, if anything (after a crash).
#[tauri::command]
pub async fn unsaved_draft(
    desk: State<'_, Desk>,
    id: Option<ArticleId>,
) -> Answer<Option<Unsaved>> {
    desk.with(|ws| ws.unsaved(id))
}

/// A save stored what was kept for story `id`.
#[tauri::command]
pub async fn forget_unsaved(desk: State<'_, Desk>, id: Option<ArticleId>) -> Answer<()> {
    desk.unsaved()?.forget(id).map_err(ErrorDto::from)
}

/// The page's library is painted: now the spellchecker is switched on. Loading its four
/// dictionaries takes ~150 ms of the main thread, which at start-up would delay the first
/// paint (issue 15's cold start); the writer needs it only once typing starts.
#[tauri::command]
pub async fn window_ready(window: tauri::WebviewWindow) -> Answer<()> {
    crate::webview::spellcheck(&window);
    Ok(())
}

/// The window's interface language ("en", "es", "es-MX"): from now on the core's errors,
/// preflight findings and refusals reach the window in it. The page calls it at start and
/// whenever the setting changes; until then the core speaks English.
#[tauri::command]
pub async fn set_interface_language(language: String) -> Answer<()> {
    dateline::i18n::set_interface_language(dateline::i18n::Lang::from_tag(&language));
    Ok(())
}

/// The preview's body in top-level blocks (issue 15): the same HTML as the export's render
/// (`markdown::render`, which the CLI and exports use), cut into blocks, with the HTML only of blocks the page does not hold since its render
/// `since`. One cache for the window's one preview; a page that names another render gets
/// every block again.
#[tauri::command]
pub async fn render_preview(
    markdown: String,
    language: String,
    since: Option<u32>,
) -> Answer<PreviewRender> {
    static CACHE: Mutex<Option<BlockCache>> = Mutex::new(None);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    Ok(cache
        .get_or_insert_with(BlockCache::new)
        .render(&markdown, &language, since))
}

/// A headline or dek with the story language's typography, as the page will show it.
#[tauri::command]
pub async fn typeset_text(text: String, language: String) -> Answer<String> {
    Ok(markdown::typeset_text(&text, &language))
}

#[tauri::command]
pub async fn list_photos(desk: State<'_, Desk>) -> Answer<Vec<Photo>> {
    desk.with(|ws| ws.photos())
}

#[tauri::command]
pub async fn hero_caption(desk: State<'_, Desk>, id: ArticleId) -> Answer<String> {
    desk.with(|ws| ws.hero_caption(&ws.article_by_id(id)?))
}

#[tauri::command]
pub async fn photo_caption_line(
    desk: State<'_, Desk>,
    id: PhotoId,
    language: String,
) -> Answer<String> {
    desk.with(|ws| ws.photo_caption_line(id, &language))
}

#[tauri::command]
pub async fn search(desk: State<'_, Desk>, query: String) -> Answer<Vec<SearchHit>> {
    desk.with(|ws| ws.search(&query))
}

#[tauri::command]
pub async fn list_sections(desk: State<'_, Desk>) -> Answer<Vec<Section>> {
    desk.with(|ws| ws.sections())
}

#[tauri::command]
pub async fn list_authors(desk: State<'_, Desk>) -> Answer<Vec<Author>> {
    desk.with(|ws| ws.authors())
}
