//! The native file dialog, opened from the Rust side so the app knows what the user chose:
//! photos to import (`pick_photos`) and a folder to export into (`pick_folder`). Each pick is
//! recorded in the file-access [`Scope`] before its paths go back to the window; the window
//! has no dialog permission of its own.
//!
//! Files dropped on the window are recorded the same way, by [`record_drop`], from the
//! window's drag-and-drop event.

use std::path::PathBuf;

use dateline::i18n::Text;
use dateline::{ErrorCode, ErrorDto};
use tauri::{AppHandle, DragDropEvent, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::scope::{default_export_dir, Scope};

type Answer<T> = Result<T, ErrorDto>;

/// The native dialog's thread ended without an answer.
pub(crate) fn stopped(e: impl std::fmt::Display) -> ErrorDto {
    ErrorDto::said(
        ErrorCode::Io,
        Text::new("app-dialog-closed").arg("detail", e.to_string()),
    )
}

/// Gives the keyboard back to the window once the system's dialog has closed: GTK leaves it
/// nowhere, and the page's focus (which the window sets on the next control) was not drawn
/// until a key or two had been pressed into the void.
fn focus_back(app: &AppHandle) {
    for (_, w) in app.webview_windows() {
        let _ = w.set_focus();
    }
}

/// Asks the user for photos to import; answers their paths (empty when cancelled).
#[tauri::command]
pub async fn pick_photos(app: AppHandle) -> Answer<Vec<String>> {
    let pick = move || {
        let chosen = app
            .dialog()
            .file()
            .set_title(Text::new("app-pick-photos-title").local())
            .add_filter(
                Text::new("app-pick-photos-filter").local(),
                &["jpg", "jpeg", "png", "webp", "tif", "tiff", "heic", "heif"],
            )
            .blocking_pick_files()
            .unwrap_or_default();
        let paths: Vec<PathBuf> = chosen
            .into_iter()
            .filter_map(|f| f.into_path().ok())
            .collect();
        app.state::<Scope>().add_files(&paths);
        focus_back(&app);
        paths
    };
    let paths = tauri::async_runtime::spawn_blocking(pick)
        .await
        .map_err(stopped)?;
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Asks the user for a folder to export into; answers it (`None` when cancelled).
#[tauri::command]
pub async fn pick_folder(app: AppHandle) -> Answer<Option<String>> {
    let pick = move || {
        let mut dialog = app
            .dialog()
            .file()
            .set_title(Text::new("app-pick-folder-title").local());
        if let Some(d) = default_export_dir().filter(|d| d.is_dir()) {
            dialog = dialog.set_directory(d);
        }
        let picked = dialog.blocking_pick_folder();
        focus_back(&app);
        let folder = picked?.into_path().ok()?;
        app.state::<Scope>().add_folder(&folder);
        Some(folder)
    };
    let folder = tauri::async_runtime::spawn_blocking(pick)
        .await
        .map_err(stopped)?;
    Ok(folder.map(|f| f.display().to_string()))
}

/// Records the files of a drop on the window, before the window hears of it.
pub fn record_drop<R: Runtime>(app: &AppHandle<R>, event: &DragDropEvent) {
    if let DragDropEvent::Drop { paths, .. } = event {
        app.state::<Scope>().add_files(paths);
    }
}
