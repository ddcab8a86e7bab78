//! The commands of an article's history (revisions, their diff, restore, checkpoint) and of
//! its way out of the building (preflight, export with progress and cancel).
//!
//! Like `commands`, each one is a few lines over one core call; the core decides what a
//! revision, a finding or a package is. The shell's own part is small and lives here: the
//! cancel flag of the running export, the progress channel to the window, and turning the
//! destination the user typed (`~/Dateline exports`) into a folder once, at the edge, and
//! showing the last package in the system's file manager.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use dateline::export::ExportOptions;
use dateline::model::{
    Article, ArticleId, ExportDestination, ExportProgress, ExportReport, Preflight,
};
use dateline::model::{Revision, RevisionDiff};
use dateline::{ErrorCode, ErrorDto};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::desk::Desk;
use crate::scope::Scope;

type Answer<T> = Result<T, ErrorDto>;

/// The shell's own export state, outside the desk's lock (which an export holds for its whole
/// run): the flag the running export polls, raised by `cancel_export`, and the last package
/// written, the only path `reveal_export` will show (the window never names one itself).
#[derive(Default)]
pub struct Exports {
    cancel: AtomicBool,
    last: Mutex<Option<PathBuf>>,
}

#[tauri::command]
pub async fn list_revisions(desk: State<'_, Desk>, id: ArticleId) -> Answer<Vec<Revision>> {
    desk.with(|ws| ws.revisions(id))
}

#[tauri::command]
pub async fn diff_revisions(desk: State<'_, Desk>, from: i64, to: i64) -> Answer<RevisionDiff> {
    desk.with(|ws| ws.diff_revisions(from, to))
}

#[tauri::command]
pub async fn restore_revision(desk: State<'_, Desk>, revision_id: i64) -> Answer<Article> {
    desk.with(|ws| ws.restore_revision(revision_id))
}

#[tauri::command]
pub async fn checkpoint(desk: State<'_, Desk>, id: ArticleId) -> Answer<Revision> {
    desk.with(|ws| ws.checkpoint(&id.to_string()))
}

#[tauri::command]
pub async fn preflight(desk: State<'_, Desk>, id: ArticleId) -> Answer<Preflight> {
    desk.with(|ws| ws.preflight(&id.to_string()))
        .map(|p| p.in_language(dateline::i18n::interface_language()))
}

/// Exports article `id` into the folder `destination`, telling `progress` each step. The
/// export runs on a blocking thread so that `cancel_export` and the window stay responsive.
/// Only a folder in the scope (`~/Dateline exports`, a picked folder, the desk's folder, or
/// under one of them) is written into.
#[tauri::command]
pub async fn export_article(
    app: AppHandle,
    id: ArticleId,
    destination: String,
    zip: bool,
    progress: Channel<ExportProgress>,
) -> Answer<ExportReport> {
    // The desk's own export folder (chosen in Settings through the folder picker) is in
    // reach in every session, not only the one it was picked in.
    if let Some(saved) = app.state::<Desk>().with(|ws| ws.settings())?.export_folder {
        app.state::<Scope>().add_folder(Path::new(&saved));
    }
    let out_dir = app
        .state::<Scope>()
        .check_write(&destination_dir(&destination)?)?;
    let run = move || {
        let exports = app.state::<Exports>();
        exports.cancel.store(false, Ordering::SeqCst);
        let tell = |p: &ExportProgress| drop(progress.send(p.clone()));
        let report = app.state::<Desk>().with(|ws| {
            let opts = ExportOptions { zip };
            ws.export(&id.to_string(), &out_dir, &opts, &tell, &exports.cancel)
        })?;
        if let Ok(mut last) = exports.last.lock() {
            *last = Some(report.path.clone());
        }
        Ok(report)
    };
    tauri::async_runtime::spawn_blocking(run)
        .await
        .map_err(|e| {
            ErrorDto::said(
                ErrorCode::Io,
                dateline::i18n::Text::new("app-export-stopped").arg("detail", e.to_string()),
            )
        })?
}

/// What exporting article `id` into `destination` would meet there: the package's path, and
/// an earlier package it would replace (or something else of that name, refused). Nothing
/// (`None`) for a folder out of the app's reach or not a full path: the export itself says
/// why it refuses those, and the window learns nothing of folders it may not write into.
#[tauri::command]
pub async fn export_destination(
    app: AppHandle,
    id: ArticleId,
    destination: String,
    zip: bool,
) -> Answer<Option<ExportDestination>> {
    if let Some(saved) = app.state::<Desk>().with(|ws| ws.settings())?.export_folder {
        app.state::<Scope>().add_folder(Path::new(&saved));
    }
    let Some(out_dir) = destination_dir(&destination)
        .ok()
        .and_then(|d| app.state::<Scope>().check_write(&d).ok())
    else {
        return Ok(None);
    };
    let opts = ExportOptions { zip };
    app.state::<Desk>()
        .with(|ws| ws.export_destination(&id.to_string(), &out_dir, &opts))
        .map(Some)
}

#[tauri::command]
pub async fn cancel_export(exports: State<'_, Exports>) -> Answer<()> {
    exports.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Shows the last package written in the system's file manager.
#[tauri::command]
pub async fn reveal_export(exports: State<'_, Exports>) -> Answer<()> {
    let last = exports.last.lock().ok().and_then(|l| l.clone());
    let path = last.ok_or_else(|| {
        ErrorDto::said(
            ErrorCode::NotFound,
            dateline::i18n::Text::new("app-nothing-exported"),
        )
    })?;
    reveal(&path).map_err(|e| {
        ErrorDto::said(
            ErrorCode::Io,
            dateline::i18n::Text::new("app-file-manager-failed")
                .arg("detail", e.to_string())
                .arg("path", &path),
        )
    })
}

/// Opens the file manager on `path`: selected in its folder where the platform can do that,
/// else the folder that holds it.
fn reveal(path: &Path) -> std::io::Result<()> {
    let mut cmd = if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg("-R").arg(path);
        c
    } else if cfg!(target_os = "windows") {
        let mut c = Command::new("explorer");
        c.arg(format!("/select,{}", path.display()));
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(path.parent().unwrap_or(path));
        c
    };
    let mut child = cmd.spawn()?;
    // Reap it when the file manager's launcher exits, so no zombie is left behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The folder the user typed, with a leading `~` meaning their home folder. A relative path
/// would land wherever the app happened to start, so it is refused with a hint.
fn destination_dir(raw: &str) -> Answer<PathBuf> {
    let raw = raw.trim();
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let path = match raw.strip_prefix('~') {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            home().map(|h| h.join(rest.trim_start_matches('/')))
        }
        _ => Some(PathBuf::from(raw)),
    };
    match path {
        Some(p) if p.is_absolute() => Ok(p),
        _ => Err(ErrorDto::said(
            ErrorCode::Invalid,
            dateline::i18n::Text::new("app-destination-not-full").arg("path", raw),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, expected: Option<&str>) {
        let got = destination_dir(raw).ok();
        assert_eq!(got, expected.map(PathBuf::from), "{raw:?}");
    }

    #[test]
    fn destinations() {
        let home = std::env::var("HOME").expect("HOME is set in tests");
        check("/tmp/out", Some("/tmp/out"));
        check("  /tmp/out  ", Some("/tmp/out"));
        check(
            "~/Dateline exports",
            Some(&format!("{home}/Dateline exports")),
        );
        check("~", Some(&home));
        check("exports", None);
        check("~other/x", None);
        check("", None);
    }
}
