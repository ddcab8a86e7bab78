//! The newsroom's commands (issue 14): join, the password at start, "Sync now" and "a save
//! settled", a story's conflict side by side and its resolution, and the holds on the open
//! story.
//!
//! What waits on the network (join, the password check, holds) runs on the sync task's own
//! desk (`newsroom.rs`), never under the window's desk lock; what only reads or writes the
//! desk (a conflict, its resolution) runs under the lock like every other command.

use std::path::Path;
use std::sync::Arc;

use dateline::i18n::Text;
use dateline::model::{Article, ArticleId};
use dateline::newsroom::app::{BodyConflict, DeskNewsroom};
use dateline::{ErrorCode, ErrorDto};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::desk::Desk;
use crate::newsroom::{Newsroom, SyncState};
use crate::pick_commands::stopped;
use crate::scope::Scope;

type Answer<T> = Result<T, ErrorDto>;

/// What joining did: the desk's side of the newsroom, and whether the password is kept in the
/// system keyring (else the window will ask for it at every start).
#[derive(Debug, Clone, Serialize, TS)]
pub struct Joined {
    pub desk: DeskNewsroom,
    pub kept: bool,
}

/// Someone who has a story open.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HolderDto {
    pub login: String,
    pub name: String,
    pub me: bool,
}

/// The newsroom address the person typed, as one connection string (validated once, here).
fn newsroom_url(server: &str, database: &str, user: &str) -> Answer<String> {
    let (server, database, user) = (server.trim(), database.trim(), user.trim());
    let missing = |id: &'static str| ErrorDto::said(ErrorCode::Invalid, Text::new(id));
    if server.is_empty() {
        return Err(missing("app-join-type-server"));
    }
    if database.is_empty() {
        return Err(missing("app-join-type-database"));
    }
    if user.is_empty() {
        return Err(missing("user name"));
    }
    if server.contains(['/', '@', '?']) || user.contains(['/', '@', ':', '?']) {
        return Err(ErrorDto::said(
            ErrorCode::Invalid,
            Text::new("app-join-server-form"),
        ));
    }
    Ok(format!("postgresql://{user}@{server}/{database}"))
}

/// The newsroom as the sync task last saw it (at start: before its first round).
#[tauri::command]
pub async fn newsroom_state(newsroom: State<'_, Arc<Newsroom>>) -> Answer<Option<SyncState>> {
    Ok(newsroom.current())
}

/// Joins the newsroom, keeps the password in the keyring when there is one (else only for
/// this session), and starts syncing.
#[tauri::command]
pub async fn newsroom_join(
    app: AppHandle,
    newsroom: State<'_, Arc<Newsroom>>,
    server: String,
    database: String,
    user: String,
    password: String,
) -> Answer<Joined> {
    let url = newsroom_url(&server, &database, &user)?;
    let typed = password.clone();
    let (desk, conninfo) = newsroom
        .on_worker(move |ws, _| {
            let prompt = move |_: &str| Some(typed.clone());
            ws.newsroom_join(&url, Some(&prompt))?;
            Ok((
                ws.desk_newsroom()?,
                ws.newsroom_conninfo()?.unwrap_or_default(),
            ))
        })
        .await?;
    newsroom.set_password(Some(password.clone()));
    let kept = newsroom.remember(&conninfo, &password);
    newsroom.start(&app);
    newsroom.wake();
    Ok(Joined { desk, kept })
}

/// The password for this session, asked at start when no keyring keeps it. Checked against
/// the server when it can be reached; kept for the session either way.
#[tauri::command]
pub async fn newsroom_unlock(newsroom: State<'_, Arc<Newsroom>>, password: String) -> Answer<()> {
    let typed = password.clone();
    let checked = newsroom
        .on_worker(move |ws, _| {
            let prompt = move |_: &str| Some(typed.clone());
            ws.newsroom_listen(Some(&prompt)).map(drop)
        })
        .await;
    match checked {
        Err(e) if matches!(e.code, ErrorCode::Refused | ErrorCode::Login) => Err(e),
        _ => {
            newsroom.set_password(Some(password));
            newsroom.wake();
            Ok(())
        }
    }
}

/// "Sync now", and "a save settled": wakes the sync task (several wakes make one round).
#[tauri::command]
pub async fn newsroom_wake(newsroom: State<'_, Arc<Newsroom>>) -> Answer<()> {
    newsroom.wake();
    Ok(())
}

/// The story's open conflict on its text, both versions whole.
#[tauri::command]
pub async fn body_conflict(desk: State<'_, Desk>, id: ArticleId) -> Answer<Option<BodyConflict>> {
    desk.with(|ws| ws.body_conflict(&id.to_string()))
}

/// Settles the story's conflict with revision `take` ("Keep mine", "Keep theirs") or with a
/// merged `text`; the next sync sends it.
#[tauri::command]
pub async fn resolve_conflict(
    desk: State<'_, Desk>,
    newsroom: State<'_, Arc<Newsroom>>,
    id: ArticleId,
    take: Option<i64>,
    text: Option<String>,
) -> Answer<Article> {
    let article = desk.with(|ws| ws.resolve_conflict(&id.to_string(), take, text))?;
    newsroom.wake();
    Ok(article)
}

/// The person chose a value for a field two desks changed apart (the form saved it first):
/// the conflict is settled; the next round says so in the top bar.
#[tauri::command]
pub async fn settle_field_conflict(
    desk: State<'_, Desk>,
    newsroom: State<'_, Arc<Newsroom>>,
    id: ArticleId,
    field: String,
) -> Answer<usize> {
    let n = desk.with(|ws| ws.settle_field_conflict(&id.to_string(), &field))?;
    newsroom.wake();
    Ok(n)
}

/// Says this desk has the story open (repeated while it stays open); returns who else has.
#[tauri::command]
pub async fn newsroom_hold(
    newsroom: State<'_, Arc<Newsroom>>,
    id: ArticleId,
    take_over: bool,
) -> Answer<Vec<HolderDto>> {
    let holders = newsroom
        .on_worker(move |ws, password| {
            let prompt = move |_: &str| password.clone();
            if take_over {
                ws.newsroom_take_over(&id.to_string(), Some(&prompt))
            } else {
                ws.newsroom_hold(&id.to_string(), Some(&prompt))
            }
        })
        .await?;
    Ok(holders
        .into_iter()
        .map(|h| HolderDto {
            login: h.login,
            name: h.name,
            me: h.me,
        })
        .collect())
}

/// What a bundle carried, as the window says it ("“Council meets”: 3 versions, 1 photo").
#[derive(Debug, Clone, Serialize, TS)]
pub struct BundleDone {
    /// The story's headline on this desk.
    pub headline: String,
    /// Its id on this desk, to open it.
    pub article_id: ArticleId,
    /// Where the bundle was written (saving) or read (opening).
    pub path: String,
    pub revisions: usize,
    pub photos: usize,
    /// Opening: its words were put together with this desk's.
    pub merged: bool,
    /// Opening: how many conflicts putting them together left to settle.
    pub conflicts: usize,
}

fn bundle_done(
    ws: &dateline::Workspace,
    r: dateline::newsroom::BundleReport,
    path: &Path,
) -> dateline::Result<BundleDone> {
    let a = ws.article(&r.story)?;
    Ok(BundleDone {
        headline: a.headline,
        article_id: a.id,
        path: path.display().to_string(),
        revisions: r.revisions,
        photos: r.photos,
        merged: r.sync.merged > 0,
        conflicts: r.sync.conflicts.len(),
    })
}

/// "Save as bundle…": story `id` as one `.dateline` file, to send by other means when there
/// is no network (a USB stick, a mail). Asks where with the system's dialog; `None` when the
/// person cancelled.
#[tauri::command]
pub async fn save_bundle(
    app: AppHandle,
    desk: State<'_, Desk>,
    id: ArticleId,
) -> Answer<Option<BundleDone>> {
    let slug = desk.with(|ws| ws.article_by_id(id))?.slug;
    let ask = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        let mut dialog = ask
            .dialog()
            .file()
            .set_title("Save as bundle")
            .set_file_name(format!("{slug}.dateline"))
            .add_filter("Dateline bundle", &["dateline"]);
        if let Some(home) = dirs_home() {
            dialog = dialog.set_directory(home);
        }
        dialog.blocking_save_file()?.into_path().ok()
    })
    .await
    .map_err(stopped)?;
    let Some(mut path) = chosen else {
        return Ok(None);
    };
    if path.extension().is_none() {
        path.set_extension("dateline");
    }
    desk.with(|ws| {
        let r = ws.newsroom_bundle(&id.to_string(), &path)?;
        bundle_done(ws, r, &path)
    })
    .map(Some)
}

/// "Open bundle…": asks for a `.dateline` file with the system's dialog and brings its story
/// in; `None` when the person cancelled.
#[tauri::command]
pub async fn open_bundle(
    app: AppHandle,
    desk: State<'_, Desk>,
    newsroom: State<'_, Arc<Newsroom>>,
) -> Answer<Option<BundleDone>> {
    let ask = app.clone();
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        ask.dialog()
            .file()
            .set_title("Open bundle")
            .add_filter("Dateline bundle", &["dateline"])
            .blocking_pick_file()?
            .into_path()
            .ok()
    })
    .await
    .map_err(stopped)?;
    let Some(path) = chosen else {
        return Ok(None);
    };
    let done = desk.with(|ws| {
        let r = ws.newsroom_apply(&path)?;
        bundle_done(ws, r, &path)
    })?;
    newsroom.wake();
    Ok(Some(done))
}

/// A bundle dropped on the window (recorded in the scope by the drop) is brought in.
#[tauri::command]
pub async fn apply_bundle(
    desk: State<'_, Desk>,
    scope: State<'_, Scope>,
    newsroom: State<'_, Arc<Newsroom>>,
    path: String,
) -> Answer<BundleDone> {
    let path = scope.check_read(Path::new(&path))?;
    let done = desk.with(|ws| {
        let r = ws.newsroom_apply(&path)?;
        bundle_done(ws, r, &path)
    })?;
    newsroom.wake();
    Ok(done)
}

fn dirs_home() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME")
        .map(std::path::PathBuf::from)
        .filter(|h| h.is_dir())
}

/// The person opened (or left) a story: what other desks changed in it is seen.
#[tauri::command]
pub async fn newsroom_seen(desk: State<'_, Desk>, id: ArticleId) -> Answer<()> {
    desk.with(|ws| ws.mark_opened(id))
}

/// This desk closed the story.
#[tauri::command]
pub async fn newsroom_release(newsroom: State<'_, Arc<Newsroom>>, id: ArticleId) -> Answer<()> {
    newsroom
        .on_worker(move |ws, password| {
            let prompt = move |_: &str| password.clone();
            ws.newsroom_release(&id.to_string(), Some(&prompt))
                .map(drop)
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline::newsroom::app::{StoryConflict, StoryHolder, StoryRefusal, UnseenStory};

    /// The newsroom's types as the window sees them, generated from these Rust types (never
    /// hand-copied); fails when the committed file is stale. `UPDATE_BINDINGS=1` rewrites it.
    #[test]
    fn the_windows_newsroom_types_are_generated() {
        fn decl<T: TS>(cfg: &ts_rs::Config) -> String {
            format!("{}export {}\n", T::docs().unwrap_or_default(), T::decl(cfg))
        }
        let cfg = ts_rs::Config::new().with_large_int("number");
        let text = [
            "// Generated by src-tauri/src/newsroom_commands.rs (UPDATE_BINDINGS=1 cargo test -p\n\
             // dateline-app); do not edit.\n\n\
             import type { Status } from \"../backend/types\";\n"
                .to_string(),
            decl::<StoryConflict>(&cfg),
            decl::<StoryRefusal>(&cfg),
            decl::<StoryHolder>(&cfg),
            decl::<UnseenStory>(&cfg),
            decl::<DeskNewsroom>(&cfg),
            decl::<BodyConflict>(&cfg),
            decl::<SyncState>(&cfg),
            decl::<Joined>(&cfg),
            decl::<HolderDto>(&cfg),
            decl::<BundleDone>(&cfg),
        ]
        .join("\n");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/lib/newsroom/types.ts");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &text).expect("write the types");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == text,
            "ui/src/lib/newsroom/types.ts is stale: run UPDATE_BINDINGS=1 cargo test -p dateline-app"
        );
    }

    #[test]
    fn the_address_is_put_together_once() {
        assert_eq!(
            newsroom_url(" news.example.org:5432 ", "newsroom", "ana").unwrap(),
            "postgresql://ana@news.example.org:5432/newsroom"
        );
        assert_eq!(
            newsroom_url("", "n", "ana").unwrap_err().code,
            ErrorCode::Invalid
        );
        assert_eq!(
            newsroom_url("h:1", "n", "ana@evil").unwrap_err().code,
            ErrorCode::Invalid
        );
    }
}
