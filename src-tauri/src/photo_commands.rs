//! The photo desk's IPC commands: list and open photos, import them from paths, save their
//! fields and focal point, and save named crops.
//!
//! Like `commands.rs`, each command is one call into [`dateline::Workspace`]; validation
//! (aspect names, crop boxes, focal points, code replacements) is the core's, once, so the
//! window and the CLI cannot disagree about what a valid crop is. The shell's own part is the
//! renditions' cancel flag and progress channel, as for exports. `set_hero` makes one photo
//! or a composite of two or three an article's lead image.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use dateline::model::{
    Article, ArticleId, CodeReplacement, Crop, Focus, Hero, Photo, PhotoFields, PhotoId, PhotoUse,
};
use dateline::photo::{
    CropOutcome, CropRequest, EmbeddedMetadata, FieldsPatch, Progress, RenditionOptions,
    RenditionSet,
};
use dateline::{ErrorCode, ErrorDto};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::desk::Desk;
use crate::scope::Scope;

type Answer<T> = Result<T, ErrorDto>;

/// Makes one photo, or a composite of two or three, the lead image of article `article_id`
/// (`None` removes it); answers the article as stored.
#[tauri::command]
pub async fn set_hero(
    desk: State<'_, Desk>,
    article_id: ArticleId,
    hero: Option<Hero>,
) -> Answer<Article> {
    desk.with(|ws| ws.set_hero(&article_id.to_string(), hero))
}

#[tauri::command]
pub async fn get_photo(desk: State<'_, Desk>, id: PhotoId) -> Answer<Photo> {
    desk.with(|ws| ws.photo(id))
}

/// What the photo's file said about itself at import (EXIF, IIM, XMP), shown read-only.
#[tauri::command]
pub async fn photo_metadata(desk: State<'_, Desk>, id: PhotoId) -> Answer<EmbeddedMetadata> {
    desk.with(|ws| ws.photo_metadata(id))
}

/// Imports one file; the window calls it once per file so one bad file names itself and
/// does not stop the others. Only a file in the scope (picked, dropped, or in the desk's
/// folder) is read.
#[tauri::command]
pub async fn import_photo(
    desk: State<'_, Desk>,
    scope: State<'_, Scope>,
    path: PathBuf,
) -> Answer<Photo> {
    let path = scope.check_read(&path)?;
    desk.with(|ws| ws.import_photo(&path))
}

#[tauri::command]
pub async fn save_photo(
    desk: State<'_, Desk>,
    id: PhotoId,
    fields: PhotoFields,
    focus: Focus,
) -> Answer<Photo> {
    desk.with(|ws| ws.update_photo(id, fields, focus))
}

#[tauri::command]
pub async fn set_crop(
    desk: State<'_, Desk>,
    id: PhotoId,
    request: CropRequest,
) -> Answer<CropOutcome> {
    desk.with(|ws| ws.set_crop(id, request))
}

#[tauri::command]
pub async fn list_crops(desk: State<'_, Desk>, id: PhotoId) -> Answer<Vec<Crop>> {
    desk.with(|ws| ws.crops(id))
}

/// The stories that show the photo: the photo desk says which (a published one above all)
/// before its words or crops are changed.
#[tauri::command]
pub async fn photo_uses(desk: State<'_, Desk>, id: PhotoId) -> Answer<Vec<PhotoUse>> {
    desk.with(|ws| ws.photo_uses(id))
}

#[tauri::command]
pub async fn code_replacements(desk: State<'_, Desk>) -> Answer<Vec<CodeReplacement>> {
    desk.with(|ws| ws.code_replacements())
}

#[tauri::command]
pub async fn set_code_replacement(
    desk: State<'_, Desk>,
    code: String,
    expansion: String,
) -> Answer<CodeReplacement> {
    desk.with(|ws| ws.set_code_replacement(&code, &expansion))
}

#[tauri::command]
pub async fn remove_code_replacement(desk: State<'_, Desk>, code: String) -> Answer<()> {
    desk.with(|ws| ws.remove_code_replacement(&code))
}

/// Sets the patch's fields on every photo of `ids` at once (all or none); answers the photos
/// with their new credit lines.
#[tauri::command]
pub async fn apply_photo_fields(
    desk: State<'_, Desk>,
    ids: Vec<PhotoId>,
    patch: FieldsPatch,
) -> Answer<Vec<Photo>> {
    desk.with(|ws| ws.apply_photo_fields(&ids, &patch))
}

/// The flag the running rendition job polls, raised by `cancel_renditions`. It lives outside
/// the desk's lock, which the job holds for its whole run.
#[derive(Default)]
pub struct Renditions {
    cancel: AtomicBool,
}

/// Makes the default renditions of photo `id`'s crop `crop`, telling `progress` after each
/// file. It runs on a blocking thread so that `cancel_renditions` and the window stay
/// responsive.
#[tauri::command]
pub async fn render_crop(
    app: AppHandle,
    id: PhotoId,
    crop: String,
    progress: Channel<Progress>,
) -> Answer<RenditionSet> {
    let run = move || {
        let jobs = app.state::<Renditions>();
        jobs.cancel.store(false, Ordering::SeqCst);
        let tell = |p: Progress| drop(progress.send(p));
        app.state::<Desk>()
            .with(|ws| ws.render_crop(id, &crop, &RenditionOptions::default(), &tell, &jobs.cancel))
    };
    tauri::async_runtime::spawn_blocking(run)
        .await
        .map_err(|e| {
            ErrorDto::said(
                ErrorCode::Io,
                dateline::i18n::Text::new("app-renditions-stopped").arg("detail", e.to_string()),
            )
        })?
}

#[tauri::command]
pub async fn cancel_renditions(jobs: State<'_, Renditions>) -> Answer<()> {
    jobs.cancel.store(true, Ordering::SeqCst);
    Ok(())
}
