//! The photo desk's IPC commands: list and open photos, import them from paths, save their
//! fields and focal point, and save named crops.
//!
//! Like `commands.rs`, each command is one call into [`dateline::Workspace`]; validation
//! (aspect names, crop boxes, focal points, code replacements) is the core's, once, so the
//! window and the CLI cannot disagree about what a valid crop is. Renditions and composites
//! are not offered here yet: they belong to a progress-reporting command of their own.

use std::path::PathBuf;

use dateline::model::{CodeReplacement, Crop, Focus, Photo, PhotoFields, PhotoId};
use dateline::photo::{CropOutcome, CropRequest, EmbeddedMetadata};
use dateline::ErrorDto;
use tauri::State;

use crate::desk::Desk;

type Answer<T> = Result<T, ErrorDto>;

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
/// does not stop the others.
#[tauri::command]
pub async fn import_photo(desk: State<'_, Desk>, path: PathBuf) -> Answer<Photo> {
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

#[tauri::command]
pub async fn code_replacements(desk: State<'_, Desk>) -> Answer<Vec<CodeReplacement>> {
    desk.with(|ws| ws.code_replacements())
}
