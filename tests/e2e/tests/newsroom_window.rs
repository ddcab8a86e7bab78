//! The newsroom in the real window (issue 14), against a throwaway PostgreSQL this binary
//! starts (`tests/newsroom_pg/`, shared with the core's newsroom tests): joining through the
//! window, a story written while the server is down reaching another desk once it is back, a
//! conflict with another desk settled side by side, a correspondent who cannot publish and
//! is told why, and a move refused after being made offline that keeps every word. The other
//! desk is the `dateline` CLI on a workspace of its own. The window runs with no keyring (Xvfb
//! has no Secret Service), so it keeps the password only for its session, as it must.
//!
//! A desk "without network" sits behind a small TCP relay the test can cut, while the server
//! stays up for the other desk.

#[path = "../../newsroom_pg/mod.rs"]
mod newsroom_pg;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dateline_e2e::{App, Result, WAIT};
use fantoccini::elements::Element;
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};

const PASSWORD: &str = "correct horse battery";
const EDITOR: &str = r#"[data-testid="body-editor"] .cm-content"#;
const SAVED: &str = r#"[data-testid="save-state"][data-state="saved"]"#;
const STATUS: &str = r#"[data-testid="newsroom-status"]"#;

fn cli() -> PathBuf {
    dateline_e2e::app_path().with_file_name("dateline")
}

fn shots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots")
}

/// A newsroom of this test's own: a database in the binary's cluster, initialised, with people.
struct Room {
    db: String,
    admin: String,
    home: tempfile::TempDir,
}

impl Room {
    fn new(hint: &str) -> Room {
        let pg = newsroom_pg::cluster();
        // The blocking PostgreSQL client makes a runtime of its own: not on the test's.
        let db = tokio::task::block_in_place(|| pg.database(hint));
        let room = Room {
            admin: pg.admin(&db),
            db,
            home: tempfile::tempdir().expect("home"),
        };
        let scratch = tempfile::tempdir().expect("admin desk");
        room.dateline(
            scratch.path(),
            &["newsroom", "init", &room.admin.clone()],
            "",
        );
        room
    }

    /// A person's login (roles are cluster-wide, so each test's are its own).
    fn login(&self, name: &str) -> String {
        format!("{name}_{}", self.db)
    }

    fn add(&self, name: &str, role: &str, display: &str) -> String {
        let login = self.login(name);
        let scratch = tempfile::tempdir().expect("admin desk");
        self.dateline(
            scratch.path(),
            &[
                "newsroom",
                "user",
                "add",
                &login,
                "--role",
                role,
                "--name",
                display,
                "--url",
                &self.admin,
                "--password-stdin",
            ],
            &format!("{PASSWORD}\n"),
        );
        login
    }

    /// Runs the CLI on `desk` with the password in its environment; its JSON answer.
    fn dateline(&self, desk: &Path, args: &[&str], stdin: &str) -> Value {
        let mut child = Command::new(cli())
            .arg("--workspace")
            .arg(desk)
            .arg("--json")
            .args(args)
            .env("HOME", self.home.path())
            .env("PGPASSWORD", PASSWORD)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the dateline CLI (cargo build first)");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes())
            .expect("stdin");
        let out = child.wait_with_output().expect("dateline");
        assert!(
            out.status.success(),
            "dateline {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }

    /// A CLI desk joined as `login`.
    fn cli_desk(&self, login: &str) -> tempfile::TempDir {
        let desk = tempfile::tempdir().expect("cli desk");
        let url = format!(
            "postgresql://{login}@127.0.0.1:{}/{}",
            newsroom_pg::cluster().port,
            self.db
        );
        self.dateline(desk.path(), &["newsroom", "join", &url], "");
        desk
    }

    /// Syncs the CLI desk until `check` accepts one of its stories (as `article show` gives
    /// it); returns that story and how long it took.
    fn wait_on_cli(&self, desk: &Path, check: impl Fn(&Value) -> bool) -> (Value, Duration) {
        let t0 = Instant::now();
        loop {
            self.dateline(desk, &["sync"], "");
            let list = self.dateline(desk, &["article", "list"], "");
            for a in list.as_array().into_iter().flatten() {
                let id = a["id"].to_string();
                let full = self.dateline(desk, &["article", "show", &id], "");
                if check(&full) {
                    return (full, t0.elapsed());
                }
            }
            assert!(t0.elapsed() < WAIT, "the other desk never saw the change");
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

/// A TCP relay in front of the server: a desk behind it loses its network when it is cut
/// (every connection dropped, new ones refused), while the server stays up for the others.
struct Relay {
    port: u16,
    cut: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    async fn start(server_port: u16) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("relay");
        let port = listener.local_addr().expect("relay port").port();
        let cut = Arc::new(AtomicBool::new(false));
        let open: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>> = Arc::default();
        let (c, o) = (Arc::clone(&cut), Arc::clone(&open));
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                if c.load(Ordering::SeqCst) {
                    continue; // dropped: the desk sees a connection closed at once
                }
                let task = tokio::spawn(async move {
                    if let Ok(mut out) = TcpStream::connect(("127.0.0.1", server_port)).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                o.lock().expect("relay").push(task);
            }
        });
        Relay { port, cut, open }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for t in self.open.lock().expect("relay").drain(..) {
            t.abort();
        }
    }

    fn restore(&self) {
        self.cut.store(false, Ordering::SeqCst);
    }
}

async fn click(app: &App, css: &str) -> Result<()> {
    if let Err(e) = app.wait_for(css).await?.click().await {
        let _ = app.screenshot(Path::new("/tmp/n14-click-failed.png")).await;
        return Err(format!("clicking {css}: {e}").into());
    }
    Ok(())
}

/// Opens the newsroom's panel (the status in the top bar) and clicks one of its buttons.
async fn from_newsroom_menu(app: &App, testid: &str) -> Result<()> {
    click(app, r#"[data-testid="newsroom-menu-open"]"#).await?;
    click(
        app,
        &format!(r#"[data-testid="newsroom-menu"] [data-testid="{testid}"]"#),
    )
    .await
}

async fn type_into(app: &App, css: &str, text: &str) -> Result<()> {
    let field = app.wait_for(css).await?;
    if let Err(e) = field.click().await {
        let _ = app.screenshot(Path::new("/tmp/n14-click-failed.png")).await;
        return Err(format!("clicking {css}: {e}").into());
    }
    field.send_keys(text).await?;
    Ok(())
}

/// The story's text, scrolled to and clicked, as a person reaches it: it may start at the
/// window's bottom edge under the desk's notices, or be covered for a moment while the window
/// settles (after a network cut), so the click is tried again for up to 5 s.
async fn click_text(app: &App) -> Result<Element> {
    let editor = app.wait_for(EDITOR).await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    let scroll = format!(
        "document.querySelector({EDITOR:?})?.scrollIntoView({{ block: 'center' }}); return null;"
    );
    loop {
        app.js(&scroll).await?;
        match editor.click().await {
            Ok(()) => return Ok(editor),
            Err(e) if std::time::Instant::now() > deadline => {
                let _ = app.screenshot(Path::new("/tmp/n14-click-failed.png")).await;
                return Err(format!("clicking the text: {e}").into());
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Joins through the window's dialog, as a person types it; the top bar then says the desk
/// is up to date. `shot` names a screenshot of the filled dialog.
async fn join(app: &App, port: u16, db: &str, login: &str, shot: Option<&str>) -> Result<()> {
    click(app, r#"[data-testid="newsroom-join-open"]"#).await?;
    type_into(
        app,
        r#"[data-testid="newsroom-server"]"#,
        &format!("127.0.0.1:{port}"),
    )
    .await?;
    let name = app.wait_for(r#"[data-testid="newsroom-database"]"#).await?;
    name.clear().await?;
    name.send_keys(db).await?;
    type_into(app, r#"[data-testid="newsroom-user"]"#, login).await?;
    type_into(app, r#"[data-testid="newsroom-password"]"#, PASSWORD).await?;
    if let Some(shot) = shot {
        app.screenshot(&shots().join(shot)).await?;
    }
    click(app, r#"[data-testid="newsroom-join"]"#).await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    // No keyring under Xvfb: the window says the password is not kept; read, and dismissed.
    app.wait_for_text(r#"[data-testid="toast"]"#, |t| t.contains("no keyring"))
        .await?;
    click(app, r#"[data-testid="toast"] .close"#).await?;
    Ok(())
}

/// A new story through the window: headline, then the body; waits until it is saved.
async fn write_story(app: &App, headline: &str, body: &str) -> Result<()> {
    click(app, r#"[data-testid="new-article"]"#).await?;
    type_into(app, r#"[data-testid="headline-input"]"#, headline).await?;
    let editor = click_text(app).await?;
    editor.send_keys(body).await?;
    app.wait_for(SAVED).await?;
    Ok(())
}

async fn editor_text(app: &App) -> Result<String> {
    Ok(app.text(EDITOR).await?.unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_written_while_the_server_is_down_reaches_another_desk_issue_14() -> Result<()> {
    let room = Room::new("window_a");
    let pg = newsroom_pg::cluster();
    let eva = room.add("eva", "editor", "Eva Ruiz");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);

    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    // A desk that never joined shows only the way to join.
    assert!(app.text(STATUS).await?.is_none());
    join(&app, pg.port, &room.db, &eva, Some("newsroom-join.png")).await?;

    // The server goes down; a story is written all the same.
    pg.crash();
    let headline = "Written while the newsroom was down";
    write_story(
        &app,
        headline,
        "The ferry left Puerto Ángel at dawn without its cargo.",
    )
    .await?;
    from_newsroom_menu(&app, "newsroom-sync-now").await?;
    let offline = app
        .wait_for_text(STATUS, |t| {
            t.starts_with("Offline —") && t.contains("waiting")
        })
        .await?;
    println!("top bar while the server is down: {offline}");
    app.screenshot(&shots().join("newsroom-offline.png"))
        .await?;

    // The server comes back: the desk sends the story by itself, and the other desk sees it.
    pg.start();
    let back = Instant::now();
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    let sent = back.elapsed();
    app.screenshot(&shots().join("newsroom-status.png")).await?;
    // The newsroom's panel: who she is there, the last sync, and its two actions.
    click(&app, r#"[data-testid="newsroom-menu-open"]"#).await?;
    let who = app
        .wait_for_text(r#"[data-testid="newsroom-who"]"#, |t| !t.is_empty())
        .await?;
    assert!(who.contains("Eva Ruiz") && who.contains("editor"), "{who}");
    app.screenshot(&shots().join("newsroom-menu.png")).await?;
    click(&app, r#"[data-testid="newsroom-menu-open"]"#).await?;
    let (story, seen) = room.wait_on_cli(luis_desk.path(), |a| a["headline"] == headline);
    assert!(
        story["body"]
            .as_str()
            .is_some_and(|b| b.contains("without its cargo")),
        "{story}"
    );
    println!(
        "server back → this desk up to date in {:.1} s; the other desk saw the story {:.1} s later",
        sent.as_secs_f64(),
        seen.as_secs_f64()
    );

    // Started again on this keyring-less display, the window asks for the password (it was
    // never written to the desk) and then syncs.
    app.quit().await?;
    for file in ["dateline.sqlite", "dateline.sqlite-wal"] {
        let bytes = std::fs::read(ws.path().join(file)).unwrap_or_default();
        assert!(
            !bytes
                .windows(PASSWORD.len())
                .any(|w| w == PASSWORD.as_bytes()),
            "the password is in the desk's {file}"
        );
    }
    let app = App::start(ws.path()).await?;
    app.wait_for(r#"[data-testid="newsroom-password-dialog"][open]"#)
        .await?;
    type_into(&app, r#"[data-testid="newsroom-password-input"]"#, PASSWORD).await?;
    click(&app, r#"[data-testid="newsroom-connect"]"#).await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_conflict_with_another_desk_is_settled_side_by_side_issue_14() -> Result<()> {
    let room = Room::new("window_b");
    let pg = newsroom_pg::cluster();
    let relay = Relay::start(pg.port).await;
    let eva = room.add("eva", "editor", "Eva Ruiz");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);

    // Luis writes a story and sends it.
    let body_file = luis_desk.path().join("body.md");
    std::fs::write(
        &body_file,
        "The council met at nine.\n\nThe vote was postponed to Friday.\n",
    )?;
    let story = room.dateline(
        luis_desk.path(),
        &[
            "article",
            "new",
            "--headline",
            "Council postpones the vote",
            "--body-file",
            body_file.to_str().ok_or("path")?,
        ],
        "",
    );
    let slug = story["slug"].as_str().ok_or("slug")?.to_string();
    room.dateline(luis_desk.path(), &["sync"], "");

    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    join(&app, relay.port, &room.db, &eva, None).await?;
    // Luis's story is new on her desk, and marked so until she opens it.
    app.wait_for_text(r#"[data-testid="library-unseen"]"#, |t| t == "New")
        .await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Council postpones")
        .await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while app
        .js(r#"return document.querySelectorAll('[data-testid="library-unseen"]').length;"#)
        .await?
        != serde_json::json!(0)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "opened, and still marked New"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.wait_for_text(EDITOR, |t| t.contains("council met"))
        .await?;

    // Luis has it open: the library says so.
    room.dateline(luis_desk.path(), &["newsroom", "hold", &slug], "");
    from_newsroom_menu(&app, "newsroom-sync-now").await?;
    let held = app
        .wait_for_text(r#"[data-testid="library-holder"]"#, |t| {
            t.contains("Luis Gómez is editing")
        })
        .await?;
    assert!(held.contains("Luis"));
    app.wait_for_text(r#"[data-testid="story-holder"]"#, |t| {
        t.contains("Luis Gómez")
    })
    .await?;
    app.screenshot(&shots().join("newsroom-holders.png"))
        .await?;

    // The window loses its network; both desks change the first paragraph.
    relay.cut();
    let editor = click_text(&app).await?;
    editor.send_keys("\u{E009}\u{E011}").await?; // Ctrl+Home
    editor.send_keys("At last, ").await?;
    // And both change the headline: a field both values of which are offered.
    let headline = app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    headline.click().await?;
    headline.send_keys("\u{E010} again").await?; // End
    app.wait_for(SAVED).await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Offline"))
        .await?;
    std::fs::write(
        &body_file,
        "The city council met at nine sharp.\n\nThe vote was postponed to Friday.\n",
    )?;
    room.dateline(
        luis_desk.path(),
        &[
            "article",
            "edit",
            &slug,
            "--headline",
            "Council postpones the budget vote",
            "--body-file",
            body_file.to_str().ok_or("path")?,
        ],
        "",
    );
    room.dateline(luis_desk.path(), &["sync"], "");

    // Back online: the window shows the conflict and both versions side by side.
    relay.restore();
    app.wait_for(r#"[data-testid="story-conflict"]"#).await?;
    click(&app, r#"[data-testid="open-conflict"]"#).await?;
    let mine = app
        .wait_for_text(r#"[data-testid="conflict-mine"]"#, |t| {
            t.contains("At last")
        })
        .await?;
    let theirs = app
        .wait_for_text(r#"[data-testid="conflict-theirs"]"#, |t| {
            t.contains("nine sharp")
        })
        .await?;
    assert!(!mine.contains("nine sharp") && !theirs.contains("At last"));
    app.screenshot(&shots().join("newsroom-conflict.png"))
        .await?;

    // A merged text, written in the window, settles it and reaches the other desk.
    click(&app, r#"[data-testid="conflict-edit"]"#).await?;
    let merged = app.wait_for(r#"[data-testid="conflict-merged"]"#).await?;
    merged.clear().await?;
    merged
        .send_keys(
            "At last, the city council met at nine sharp.\n\nThe vote was postponed to Friday.\n",
        )
        .await?;
    click(&app, r#"[data-testid="conflict-save-merged"]"#).await?;
    app.wait_for_text(EDITOR, |t| t.contains("At last, the city council"))
        .await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while app
        .js(r#"return !!document.querySelector('[data-testid="story-conflict"]');"#)
        .await?
        == serde_json::json!(true)
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the text's conflict is still shown after it was settled"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    // (Found by its words: the headline changed on both desks, and with it the slug.)
    let (story, _) = room.wait_on_cli(luis_desk.path(), |a| {
        a["body"]
            .as_str()
            .is_some_and(|b| b.contains("At last, the city council met at nine sharp"))
    });
    assert!(story["body"].as_str().is_some_and(|b| b.contains("Friday")));

    // The headline: both values offered; she keeps hers, and it reaches Luis's desk.
    let choice = app
        .wait_for_text(
            r#"[data-testid="field-conflict"][data-field="headline"]"#,
            |t| {
                t.contains("Council postpones the vote again")
                    && t.contains("Council postpones the budget vote")
            },
        )
        .await?;
    println!("headline conflict: {choice}");
    app.screenshot(&shots().join("newsroom-field-conflict.png"))
        .await?;
    click(
        &app,
        r#"[data-testid="field-conflict"][data-field="headline"] [data-testid="field-take-mine"]"#,
    )
    .await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while app.value(r#"[data-testid="headline-input"]"#).await?
        != "Council postpones the vote again"
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the headline never became hers again"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let gone = app
        .js(r#"return !document.querySelector('[data-testid="field-conflict"]');"#)
        .await?;
    assert_eq!(gone, serde_json::json!(true));
    room.wait_on_cli(luis_desk.path(), |a| {
        a["headline"] == "Council postpones the vote again"
            && a["body"].as_str().is_some_and(|b| b.contains("At last"))
    });
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_correspondent_cannot_publish_and_is_told_why_issue_14() -> Result<()> {
    let room = Room::new("window_c");
    let pg = newsroom_pg::cluster();
    let ana = room.add("ana", "correspondent", "Ana Pérez");
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    join(&app, pg.port, &room.db, &ana, None).await?;

    write_story(
        &app,
        "Crónica desde Caracas",
        "Las colas empezaron antes del alba.",
    )
    .await?;
    app.wait_for_text(r#"[data-testid="role-hint"]"#, |t| {
        t.contains("sends it to the newsroom")
    })
    .await?;
    // Filing is hers to do: "File story".
    let file = app
        .wait_for_text(r#"[data-testid="move-in_edit"]"#, |t| !t.is_empty())
        .await?;
    assert_eq!(file, "File story");
    click(&app, r#"[data-testid="move-in_edit"]"#).await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "In edit")
        .await?;
    // Moving it on and publishing are an editor's: not offered, and she is told why.
    let why = app
        .wait_for_text(r#"[data-testid="role-hint"]"#, |t| t.contains("publishes"))
        .await?;
    assert!(
        why.contains("an editor moves them on and publishes them"),
        "{why}"
    );
    let offered = app
        .js(r#"return [...document.querySelectorAll('[data-testid^="move-"]')].map(b => b.dataset.testid);"#)
        .await?;
    assert_eq!(offered, serde_json::json!(["move-draft"]), "{offered}");
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    // Her name on this desk is the newsroom's, not one she types.
    app.wait_for_text(r#"[data-testid="identity"]"#, |t| t == "Ana Pérez")
        .await?;

    // Once an editor has moved it on, it is the editors' (the server refuses her changes,
    // so the window does not take them): she reads it, the fields and the text are locked,
    // and it cannot be trashed from her desk.
    let eva = room.add("eva", "editor", "Eva Ruiz");
    let eva_desk = room.cli_desk(&eva);
    let (story, _) = room.wait_on_cli(eva_desk.path(), |a| {
        a["headline"] == "Crónica desde Caracas"
    });
    let slug = story["slug"].as_str().ok_or("slug")?.to_string();
    room.dateline(
        eva_desk.path(),
        &["article", "status", &slug, "copy_desk"],
        "",
    );
    room.dateline(eva_desk.path(), &["sync"], "");
    from_newsroom_menu(&app, "newsroom-sync-now").await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Copy desk")
        .await?;
    let why = app
        .wait_for_text(r#"[data-testid="role-hint"]"#, |t| {
            t.contains("only an editor")
        })
        .await?;
    assert!(why.contains("Copy desk"), "{why}");
    let locked = app
        .js(r#"return [
            document.querySelector('[data-testid="article-fields"]').disabled,
            document.querySelector('[data-testid="headline-input"]').matches(':disabled'),
            document.querySelector('[data-testid="body-editor"] .cm-content').getAttribute('contenteditable'),
            !!document.querySelector('[data-testid="trash-article"]'),
        ];"#)
        .await?;
    assert_eq!(
        locked,
        serde_json::json!([true, true, "false", false]),
        "{locked}"
    );
    // WebDriver itself finds the text not focusable; whatever it does, no key lands.
    let editor = app.wait_for(EDITOR).await?;
    let _ = editor.click().await;
    let typed = editor.send_keys("ZZZ").await;
    println!("typing into the locked text: {typed:?}");
    let text = editor_text(&app).await?;
    assert!(
        !text.contains("ZZZ"),
        "typing changed a locked story: {text}"
    );
    app.screenshot(&shots().join("newsroom-correspondent-locked.png"))
        .await?;
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_move_refused_after_being_made_offline_keeps_every_word_issue_14() -> Result<()> {
    let room = Room::new("window_d");
    let pg = newsroom_pg::cluster();
    let relay = Relay::start(pg.port).await;
    let ana = room.add("ana", "correspondent", "Ana Pérez");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    join(&app, relay.port, &room.db, &ana, None).await?;

    let headline = "Flooding in the lower town";
    write_story(&app, headline, "The river rose two metres overnight.").await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    let (story, _) = room.wait_on_cli(luis_desk.path(), |a| a["headline"] == headline);
    let slug = story["slug"].as_str().ok_or("slug")?.to_string();

    // Ana loses her network; meanwhile the editor spikes the story.
    relay.cut();
    room.dateline(
        luis_desk.path(),
        &["article", "status", &slug, "spiked"],
        "",
    );
    room.dateline(luis_desk.path(), &["sync"], "");

    // Offline, she writes on and files it.
    // (The text may be covered for a moment while the window settles after the cut.)
    let editor = click_text(&app).await?;
    editor.send_keys("\u{E009}\u{E010}").await?; // Ctrl+End
    let words = " Two bridges were closed and the school became a shelter.";
    editor.send_keys(words).await?;
    app.wait_for(SAVED).await?;
    click(&app, r#"[data-testid="move-in_edit"]"#).await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "In edit")
        .await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Offline"))
        .await?;

    // Back online: the move is refused and she is told why; every word stays.
    relay.restore();
    let refusal = app
        .wait_for_text(r#"[data-testid="story-refusal"]"#, |t| {
            t.contains("refused")
        })
        .await?;
    println!("refusal shown: {refusal}");
    let text = editor_text(&app).await?;
    assert!(
        text.contains("rose two metres") && text.contains("school became a shelter"),
        "{text}"
    );
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| t == "Spiked")
        .await?;
    // The shot shows the refusal and its reason (the text was scrolled to for typing).
    app.js(r#"document.querySelector('[data-testid="story-refusal"]')?.scrollIntoView({ block: 'start' }); return null;"#)
        .await?;
    app.screenshot(&shots().join("newsroom-refused.png"))
        .await?;
    // Her words reached the newsroom all the same.
    room.wait_on_cli(luis_desk.path(), |a| {
        a["slug"] == slug.as_str()
            && a["body"]
                .as_str()
                .is_some_and(|b| b.contains("school became a shelter"))
    });
    app.quit().await
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Types a word at the end of the body and waits until the preview shows it.
async fn keystroke_to_preview(app: &App, word: &str) -> Result<Duration> {
    let editor = app.find(EDITOR).await?;
    let start = Instant::now();
    editor.send_keys(&format!("{word} ")).await?;
    loop {
        if app
            .text(r#"[data-testid="preview-body"]"#)
            .await?
            .is_some_and(|t| t.contains(word))
        {
            return Ok(start.elapsed());
        }
        if start.elapsed() > WAIT {
            return Err(format!("the preview never showed {word}").into());
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

/// A measurement, not an assertion (issue 14, "typing stays smooth while a large sync runs"):
/// keystroke-to-preview while the window's desk pulls 500 stories another desk wrote, and
/// the same once the desk is up to date. Run on demand:
///
/// ```sh
/// xvfb-run -a -s "-screen 0 1600x1000x24" cargo test -p dateline-e2e --test newsroom_window \
///   -- --ignored --nocapture keystroke
/// ```
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement: run with --ignored --nocapture"]
async fn keystroke_to_preview_while_500_stories_sync_issue_14() -> Result<()> {
    let room = Room::new("window_latency");
    let pg = newsroom_pg::cluster();
    let eva = room.add("eva", "editor", "Eva Ruiz");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/articles");
    room.dateline(
        luis_desk.path(),
        &[
            "generate",
            "--articles",
            "500",
            "--from",
            fixtures.to_str().ok_or("path")?,
            "--seed",
            "14",
        ],
        "",
    );
    let t0 = Instant::now();
    room.dateline(luis_desk.path(), &["sync"], "");
    println!(
        "the other desk sent 500 stories in {:.1} s",
        t0.elapsed().as_secs_f64()
    );

    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    click(&app, r#"[data-testid="newsroom-join-open"]"#).await?;
    type_into(
        &app,
        r#"[data-testid="newsroom-server"]"#,
        &format!("127.0.0.1:{}", pg.port),
    )
    .await?;
    let name = app.wait_for(r#"[data-testid="newsroom-database"]"#).await?;
    name.clear().await?;
    name.send_keys(&room.db).await?;
    type_into(&app, r#"[data-testid="newsroom-user"]"#, &eva).await?;
    type_into(&app, r#"[data-testid="newsroom-password"]"#, PASSWORD).await?;
    click(&app, r#"[data-testid="newsroom-join"]"#).await?;
    app.wait_for(r#"[data-testid="newsroom-bar"]"#).await?;
    let editor = click_text(&app).await?;
    editor.send_keys("\u{E009}\u{E010}\u{E007}\u{E007}").await?; // Ctrl+End, Enter Enter

    let sync_started = Instant::now();
    let mut during = Vec::new();
    let mut i = 0;
    loop {
        let before = app.text(STATUS).await?.unwrap_or_default();
        let d = keystroke_to_preview(&app, &format!("zq{i}x")).await?;
        let after = app.text(STATUS).await?.unwrap_or_default();
        i += 1;
        if before == "Syncing…" && after == "Syncing…" {
            during.push(d);
        } else if after.starts_with("Up to date") || i > 400 {
            break;
        }
    }
    let sync_took = sync_started.elapsed();
    app.wait_for_text(STATUS, |t| t.starts_with("Up to date"))
        .await?;
    let mut idle = Vec::new();
    for j in 0..30 {
        idle.push(keystroke_to_preview(&app, &format!("zr{j}x")).await?);
    }
    during.sort();
    idle.sort();
    if during.is_empty() {
        println!("the sync finished before a word could be typed ({sync_took:?})");
    } else {
        println!(
            "keystroke-to-preview during the sync of 500 stories ({} words, sync ~{:.1} s): \
             p50 {:?}, p95 {:?}, max {:?}",
            during.len(),
            sync_took.as_secs_f64(),
            percentile(&during, 0.5),
            percentile(&during, 0.95),
            during[during.len() - 1]
        );
    }
    println!(
        "keystroke-to-preview once up to date ({} words): p50 {:?}, p95 {:?}, max {:?}",
        idle.len(),
        percentile(&idle, 0.5),
        percentile(&idle, 0.95),
        idle[idle.len() - 1]
    );
    app.quit().await
}

#[tokio::test(flavor = "multi_thread")]
async fn typing_goes_on_while_another_desks_edit_arrives_and_both_stay_issue_14() -> Result<()> {
    let room = Room::new("window_e");
    let pg = newsroom_pg::cluster();
    let eva = room.add("eva", "editor", "Eva Ruiz");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);
    let body_file = luis_desk.path().join("body.md");
    std::fs::write(
        &body_file,
        "The council met at nine.\n\nThe mayor spoke first.\n\nThe vote was postponed to Friday.\n",
    )?;
    let story = room.dateline(
        luis_desk.path(),
        &[
            "article",
            "new",
            "--headline",
            "Council meets",
            "--body-file",
            body_file.to_str().ok_or("path")?,
        ],
        "",
    );
    let slug = story["slug"].as_str().ok_or("slug")?.to_string();
    room.dateline(luis_desk.path(), &["sync"], "");

    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    join(&app, pg.port, &room.db, &eva, None).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Council meets")
        .await?;
    app.wait_for_text(EDITOR, |t| t.contains("council met"))
        .await?;
    let editor = click_text(&app).await?;
    // Ctrl+Home, then End (a call of its own, so Ctrl is let go): the end of the first
    // paragraph.
    editor.send_keys("\u{E009}\u{E011}").await?;
    editor.send_keys("\u{E010}").await?;

    // Eva types on, a word at a time; meanwhile Luis changes the second paragraph and sends it.
    let mut typed = Vec::new();
    for i in 0..24 {
        let word = format!(" w{i}");
        editor.send_keys(&word).await?;
        typed.push(word);
        if i == 4 {
            std::fs::write(
                &body_file,
                "The council met at nine.\n\nThe mayor spoke first.\n\nThe vote was postponed to Friday at noon.\n",
            )?;
            room.dateline(
                luis_desk.path(),
                &[
                    "article",
                    "edit",
                    &slug,
                    "--body-file",
                    body_file.to_str().ok_or("path")?,
                ],
                "",
            );
            room.dateline(luis_desk.path(), &["sync"], "");
        }
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let all_typed = typed.concat();
    // Both edits are in the window, and the caret is still where Eva was typing.
    // (Seen once in a fresh-clone CI run, not reproduced in 7 runs here: the other desk's
    // words never reached the window. On a failure, say what this desk stored and synced.)
    let text = match app
        .wait_for_text(EDITOR, |t| t.contains("Friday at noon"))
        .await
    {
        Ok(t) => t,
        Err(e) => {
            let said = |args: &[&str]| {
                dateline_e2e::dateline(ws.path(), args).unwrap_or_else(|e| e.to_string())
            };
            return Err(format!(
                "{e}\nthis desk stored: {}\nits history: {}\nits newsroom: {}",
                said(&["article", "show", &slug]),
                said(&["article", "history", &slug]),
                said(&["newsroom", "status"]),
            )
            .into());
        }
    };
    assert!(
        text.contains(&format!("The council met at nine.{all_typed}")),
        "every word typed is there, in place: {text}"
    );
    editor.send_keys(" end").await?;
    app.wait_for_text(EDITOR, |t| t.contains(&format!("nine.{all_typed} end")))
        .await?;
    app.wait_for(SAVED).await?;
    // And the other desk gets both.
    room.wait_on_cli(luis_desk.path(), |a| {
        a["slug"] == slug.as_str()
            && a["body"].as_str().is_some_and(|b| {
                b.contains(&format!("nine.{all_typed} end")) && b.contains("Friday at noon")
            })
    });
    app.quit().await?;
    // Edits to different paragraphs are no conflict, whenever the other desk's edit arrived:
    // also while a save was on its way and Eva typed on (the next save used to be merged
    // over the older base, her new words and the saved ones looked like two edits of one
    // paragraph, and Luis's words were set aside as a conflict).
    let shown = dateline_e2e::dateline(ws.path(), &["article", "show", &slug])?;
    assert!(
        !shown.contains("Newsroom conflict"),
        "no conflict on Eva's desk: {shown}"
    );
    Ok(())
}

/// Fills the system's file dialog titled `title` (a GTK window of its own) with `path`, as a
/// person types a location, and confirms it.
fn fill_file_dialog(title: &str, path: &Path) -> Result<()> {
    let found = Command::new("xdotool")
        .args(["search", "--sync", "--onlyvisible", "--name", title])
        .output()?;
    let window = String::from_utf8_lossy(&found.stdout)
        .lines()
        .next()
        .map(str::to_string)
        .ok_or_else(|| format!("no “{title}” dialog appeared"))?;
    let run = |args: &[&str]| -> Result<()> {
        let status = Command::new("xdotool").args(args).status()?;
        if !status.success() {
            return Err(format!("xdotool {args:?} failed").into());
        }
        Ok(())
    };
    run(&["windowfocus", "--sync", &window])?;
    std::thread::sleep(Duration::from_millis(400));
    // Ctrl+L opens the location entry in GTK's file chooser (the save dialog's name entry
    // takes a whole path too); Ctrl+A replaces what is proposed there.
    run(&["key", "--window", &window, "ctrl+l"])?;
    run(&["key", "--window", &window, "ctrl+a"])?;
    run(&[
        "type",
        "--window",
        &window,
        "--delay",
        "15",
        &path.display().to_string(),
    ])?;
    std::thread::sleep(Duration::from_millis(300));
    run(&["key", "--window", &window, "Return"])?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_story_goes_as_a_bundle_when_there_is_no_network_issue_14() -> Result<()> {
    let room = Room::new("window_f");
    let pg = newsroom_pg::cluster();
    let relay = Relay::start(pg.port).await;
    let ana = room.add("ana", "correspondent", "Ana Pérez");
    let luis = room.add("luis", "editor", "Luis Gómez");
    let luis_desk = room.cli_desk(&luis);
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    join(&app, relay.port, &room.db, &ana, None).await?;

    // No network in the sierra: the story is saved as a bundle, through the system's dialog.
    relay.cut();
    let headline = "Desde la sierra, sin señal";
    write_story(&app, headline, "El camino quedó cortado el martes.").await?;
    app.wait_for_text(STATUS, |t| t.starts_with("Offline"))
        .await?;
    app.wait_for_text(r#"[data-testid="story-bundle"]"#, |t| {
        t.contains("No network")
    })
    .await?;
    let stick = tempfile::tempdir()?;
    let file = stick.path().join("sierra.dateline");
    click(&app, r#"[data-testid="save-bundle"]"#).await?;
    fill_file_dialog("Save as bundle", &file)?;
    let said = app
        .wait_for_text(r#"[data-testid="toast"]"#, |t| {
            t.contains("sierra.dateline")
        })
        .await?;
    assert!(said.contains(headline), "{said}");
    assert!(file.is_file(), "the bundle is written where she chose");

    // The editor brings it in from the stick; his own story comes back the same way.
    room.dateline(
        luis_desk.path(),
        &["newsroom", "apply", file.to_str().ok_or("path")?],
        "",
    );
    let list = room.dateline(luis_desk.path(), &["article", "list"], "");
    assert!(
        list.as_array()
            .into_iter()
            .flatten()
            .any(|a| a["headline"] == headline),
        "{list}"
    );
    let body_file = luis_desk.path().join("body.md");
    std::fs::write(&body_file, "Instrucciones para la cobertura del jueves.\n")?;
    let story = room.dateline(
        luis_desk.path(),
        &[
            "article",
            "new",
            "--headline",
            "Para Ana: el jueves",
            "--body-file",
            body_file.to_str().ok_or("path")?,
            // Bylined to her, so the newsroom lets her have it.
            "--byline",
            "Ana Pérez",
        ],
        "",
    );
    let slug = story["slug"].as_str().ok_or("slug")?.to_string();
    let back = stick.path().join("jueves.dateline");
    room.dateline(
        luis_desk.path(),
        &[
            "newsroom",
            "bundle",
            &slug,
            "--out",
            back.to_str().ok_or("path")?,
        ],
        "",
    );
    from_newsroom_menu(&app, "open-bundle").await?;
    fill_file_dialog("Open bundle", &back)?;
    app.wait_for_text(r#"[data-testid="toast"]"#, |t| {
        t.contains("Para Ana: el jueves")
    })
    .await?;
    app.wait_for_text(EDITOR, |t| t.contains("cobertura del jueves"))
        .await?;
    app.quit().await
}
