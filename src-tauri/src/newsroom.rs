//! The newsroom while the window is open (issue 14): the background sync task, the listener
//! for the server's wake-ups, and the password, which lives in the system keyring or only in
//! memory.
//!
//! The sync never takes the desk's lock (`desk.rs`): it works on a second `Workspace` of its
//! own over the same folder (SQLite in WAL mode lets both write, each in short transactions),
//! so typing and autosave never wait on the network. The task is a tokio task that wakes on a
//! save that settled (`newsroom_saved`), on the server's NOTIFY (a listener thread), on "Sync
//! now", and on a timer — soon again with a growing pause while the server cannot be reached.
//! After every round it tells the window (event `newsroom-status`) what the desk's side of
//! the newsroom looks like. A desk that never joined starts none of this and opens no
//! connection.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use dateline::model::Status;
use dateline::newsroom::app::{correspondent_moves, DeskNewsroom, StoryHolder};
use dateline::{ErrorCode, ErrorDto, Workspace};
use serde::Serialize;
use tauri::{AppHandle, Emitter};
use tokio::sync::Notify;
use ts_rs::TS;

/// What the window hears after every sync round (event `newsroom-status`).
#[derive(Debug, Clone, Serialize, TS)]
pub struct SyncState {
    /// `idle` (not joined), `password` (asks for it), `syncing`, `up_to_date`, `offline`.
    #[ts(type = "\"idle\" | \"password\" | \"syncing\" | \"up_to_date\" | \"offline\"")]
    pub state: &'static str,
    /// Why the newsroom could not be reached, in the core's words.
    pub message: Option<String>,
    pub desk: DeskNewsroom,
    /// Others' live holds on this desk's stories.
    pub holders: Vec<StoryHolder>,
    /// Stories that changed on this desk in the last round (pulled or merged).
    pub pulled: u32,
    /// Increases with every round, so the window knows a round finished.
    pub round: u64,
    /// The moves the person's role may make (`None`: every move the workflow allows).
    pub moves: Option<Vec<(Status, Status)>>,
}

/// The shell's newsroom state, outside the desk's lock.
pub struct Newsroom {
    dir: PathBuf,
    /// The password for this session: from the keyring, or typed in the window.
    password: Mutex<Option<String>>,
    wake: Notify,
    /// The sync task's own desk (opened on first use), never the window's.
    worker: Mutex<Option<Workspace>>,
    state: Mutex<SyncState>,
    started: AtomicBool,
    listening: AtomicBool,
}

const KEYRING_SERVICE: &str = "Dateline newsroom";

/// The keyring entry for a newsroom (its address without password).
fn keyring(conninfo: &str) -> Option<keyring::Entry> {
    keyring::Entry::new(KEYRING_SERVICE, conninfo).ok()
}

impl Newsroom {
    pub fn new(dir: &Path) -> Newsroom {
        Newsroom {
            dir: dir.to_path_buf(),
            password: Mutex::new(None),
            wake: Notify::new(),
            worker: Mutex::new(None),
            state: Mutex::new(SyncState {
                state: "idle",
                message: None,
                desk: DeskNewsroom::default(),
                holders: Vec::new(),
                pulled: 0,
                round: 0,
                moves: None,
            }),
            started: AtomicBool::new(false),
            listening: AtomicBool::new(false),
        }
    }

    /// Runs `f` on the sync task's own desk, on a blocking thread (network waits happen here).
    pub async fn on_worker<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Workspace, Option<String>) -> dateline::Result<T> + Send + 'static,
    ) -> Result<T, ErrorDto> {
        let me = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let password = me.password();
            let mut worker = me.worker.lock().map_err(|_| broken())?;
            if worker.is_none() {
                *worker = Some(Workspace::open(&me.dir).map_err(ErrorDto::from)?);
            }
            let ws = worker.as_mut().ok_or_else(broken)?;
            f(ws, password).map_err(ErrorDto::from)
        })
        .await
        .map_err(|_| broken())?
    }

    pub fn password(&self) -> Option<String> {
        self.password.lock().ok().and_then(|p| p.clone())
    }

    pub fn set_password(&self, password: Option<String>) {
        if let Ok(mut p) = self.password.lock() {
            *p = password;
        }
    }

    /// Keeps the password in the system keyring; `false` when there is none (then it is kept
    /// only in memory, and asked for at the next start).
    pub fn remember(&self, conninfo: &str, password: &str) -> bool {
        keyring(conninfo).is_some_and(|e| e.set_password(password).is_ok())
    }

    /// The password the keyring holds for this newsroom, if there is a keyring and it does.
    fn recall(&self, conninfo: &str) -> Option<String> {
        keyring(conninfo).and_then(|e| e.get_password().ok())
    }

    /// Wakes the sync task (a save settled, "Sync now", a move).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    pub fn current(&self) -> Option<SyncState> {
        self.state.lock().ok().map(|s| s.clone())
    }

    fn publish(&self, app: &AppHandle, change: impl FnOnce(&mut SyncState)) {
        let snapshot = match self.state.lock() {
            Ok(mut s) => {
                change(&mut s);
                s.moves = match s.desk.role.as_deref() {
                    Some("correspondent") => Some(correspondent_moves()),
                    Some("photo") | Some("admin") => Some(Vec::new()),
                    _ => None,
                };
                s.clone()
            }
            Err(_) => return,
        };
        let _ = app.emit("newsroom-status", snapshot);
    }

    /// Starts the sync task once (at start for a joined desk, or after joining).
    pub fn start(self: &Arc<Self>, app: &AppHandle) {
        if self.started.swap(true, Ordering::SeqCst) {
            return;
        }
        let me = Arc::clone(self);
        let app = app.clone();
        tauri::async_runtime::spawn(async move { me.run(app).await });
    }

    async fn run(self: Arc<Self>, app: AppHandle) {
        let mut pause = Duration::from_secs(0);
        let mut round = 0u64;
        loop {
            if !pause.is_zero() {
                tokio::select! {
                    _ = self.wake.notified() => {}
                    _ = tokio::time::sleep(pause) => {}
                }
            }
            let desk = match self.on_worker(|ws, _| ws.desk_newsroom()).await {
                Ok(d) => d,
                Err(e) => {
                    eprintln!(
                        "dateline-app: the newsroom's state could not be read: {}",
                        e.message
                    );
                    pause = Duration::from_secs(30);
                    continue;
                }
            };
            if !desk.joined {
                pause = Duration::from_secs(3600);
                continue;
            }
            if self.password().is_none() {
                let conninfo = self
                    .on_worker(|ws, _| ws.newsroom_conninfo())
                    .await
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let kept = {
                    let me = Arc::clone(&self);
                    tauri::async_runtime::spawn_blocking(move || me.recall(&conninfo))
                        .await
                        .ok()
                        .flatten()
                };
                match kept {
                    Some(p) => self.set_password(Some(p)),
                    None => {
                        self.publish(&app, |s| {
                            s.state = "password";
                            s.message = None;
                            s.desk = desk;
                        });
                        // Until the window gives it ("Connect" wakes this task).
                        self.wake.notified().await;
                        pause = Duration::ZERO;
                        continue;
                    }
                }
            }
            self.publish(&app, |s| {
                s.state = "syncing";
                s.desk = desk;
            });
            let started = std::time::Instant::now();
            let result = self
                .on_worker(|ws, password| {
                    let prompt = move |_: &str| password.clone();
                    let report = ws.sync(Some(&prompt))?;
                    let holders = ws.newsroom_all_holders(Some(&prompt)).unwrap_or_default();
                    Ok((report, holders))
                })
                .await;
            round += 1;
            if std::env::var_os("DATELINE_NEWSROOM_LOG").is_some() {
                eprintln!(
                    "dateline-app: newsroom round {round}: {:?} ({:?})",
                    result
                        .as_ref()
                        .map(|(r, _)| r.pulled_stories)
                        .map_err(|e| &e.message),
                    started.elapsed()
                );
            }
            let desk = self
                .on_worker(|ws, _| ws.desk_newsroom())
                .await
                .unwrap_or_default();
            match result {
                Ok((report, holders)) => {
                    pause = Duration::from_secs(60);
                    self.publish(&app, |s| {
                        s.state = "up_to_date";
                        s.message = None;
                        s.desk = desk;
                        s.holders = holders;
                        s.pulled = (report.pulled_stories + report.merged) as u32;
                        s.round = round;
                    });
                    self.listen(&app);
                }
                Err(e) if e.code == ErrorCode::Login => {
                    self.set_password(None);
                    self.publish(&app, |s| {
                        s.state = "password";
                        s.message = Some(e.message);
                        s.desk = desk;
                        s.round = round;
                    });
                    self.wake.notified().await;
                    pause = Duration::ZERO;
                }
                Err(e) => {
                    // Soon again, then less often while the server stays away (at most every
                    // 8 s, so a desk is back within seconds of the server).
                    pause = (pause * 2).clamp(Duration::from_secs(1), Duration::from_secs(8));
                    self.publish(&app, |s| {
                        s.state = "offline";
                        s.message = Some(e.message);
                        s.desk = desk;
                        s.round = round;
                    });
                }
            }
        }
    }

    /// Starts the listener thread once: it keeps a connection that waits for the server's
    /// wake-ups and wakes the sync task on each, reconnecting (and syncing) after a loss.
    fn listen(self: &Arc<Self>, app: &AppHandle) {
        if self.listening.swap(true, Ordering::SeqCst) {
            return;
        }
        let me = Arc::clone(self);
        let _ = app;
        std::thread::spawn(move || {
            let mut own: Option<Workspace> = None;
            loop {
                let ws = match own.as_mut() {
                    Some(ws) => ws,
                    None => match Workspace::open(&me.dir) {
                        Ok(ws) => own.insert(ws),
                        Err(_) => {
                            std::thread::sleep(Duration::from_secs(5));
                            continue;
                        }
                    },
                };
                let password = me.password();
                let prompt = move |_: &str| password.clone();
                match ws.newsroom_listen(Some(&prompt)) {
                    Ok(mut listener) => {
                        // A wake-up lost while disconnected costs nothing: pull after every
                        // (re)connect.
                        me.wake();
                        while let Ok(heard) = listener.wait(Duration::from_secs(30)) {
                            if heard {
                                me.wake();
                            }
                        }
                    }
                    Err(_) => std::thread::sleep(Duration::from_secs(2)),
                }
            }
        });
    }
}

fn broken() -> ErrorDto {
    ErrorDto::said(
        ErrorCode::Storage,
        dateline::i18n::Text::new("app-sync-stopped"),
    )
}
