//! The commands of an article's history (revisions, their diff, restore, checkpoint) and of
//! its way out of the building (preflight, export with progress and cancel).
//!
//! Like `commands`, each one is a few lines over one core call; the core decides what a
//! revision, a finding or a package is. The shell's own part is small and lives here: the
//! cancel flag of the running export, the progress channel to the window, and turning the
//! destination the user typed (`~/Dateline exports`) into a folder once, at the edge.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use dateline::export::ExportOptions;
use dateline::model::{Article, ArticleId, ExportProgress, ExportReport, Preflight};
use dateline::model::{Revision, RevisionDiff};
use dateline::{ErrorCode, ErrorDto};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::desk::Desk;

type Answer<T> = Result<T, ErrorDto>;

/// The flag the running export polls; `cancel_export` raises it. It lives outside the desk's
/// lock, which the export holds for its whole run.
#[derive(Default)]
pub struct ExportCancel(AtomicBool);

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
}

/// Exports article `id` into the folder `destination`, telling `progress` each step. The
/// export runs on a blocking thread so that `cancel_export` and the window stay responsive.
#[tauri::command]
pub async fn export_article(
    app: AppHandle,
    id: ArticleId,
    destination: String,
    zip: bool,
    progress: Channel<ExportProgress>,
) -> Answer<ExportReport> {
    let out_dir = destination_dir(&destination)?;
    let run = move || {
        let cancel = &app.state::<ExportCancel>().0;
        cancel.store(false, Ordering::SeqCst);
        let tell = |p: &ExportProgress| drop(progress.send(p.clone()));
        app.state::<Desk>().with(|ws| {
            ws.export(
                &id.to_string(),
                &out_dir,
                &ExportOptions { zip },
                &tell,
                cancel,
            )
        })
    };
    tauri::async_runtime::spawn_blocking(run)
        .await
        .map_err(|e| ErrorDto {
            code: ErrorCode::Io,
            message: format!("The export stopped unexpectedly ({e}). Nothing was written."),
        })?
}

#[tauri::command]
pub async fn cancel_export(cancel: State<'_, ExportCancel>) -> Answer<()> {
    cancel.0.store(true, Ordering::SeqCst);
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
        _ => Err(ErrorDto {
            code: ErrorCode::Invalid,
            message: format!(
                "Destination: “{raw}” is not a full folder path. Type one such as \
                 ~/Dateline exports or /home/you/Exports."
            ),
        }),
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
