//! Issue 11's tryout: the last second of typing was lost when Dateline was killed (kill -9)
//! inside autosave's pause. The window now keeps the open story's form beside the desk
//! (`.unsaved/`) a moment after each change; the next start puts it back and saves it.
//!
//! To show that the words come back from that file and not from a save that happened to win
//! the race, the test holds the desk's database locked (another process's exclusive
//! transaction) while it types, so no autosave can store them, and checks with the command line
//! that they are not stored before the app is started again.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dateline_e2e::{app_pid, dateline, App, Result, WAIT};

const WORDS: &str = "Últimas palabras antes del corte";

/// Another process holding an exclusive transaction on the desk's database.
fn lock_database(ws: &Path) -> Result<Child> {
    let db = ws.join("dateline.sqlite");
    let script = "import sqlite3, sys, time\n\
                  c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)\n\
                  c.execute('BEGIN EXCLUSIVE')\n\
                  print('locked', flush=True)\n\
                  time.sleep(600)\n";
    let mut child = Command::new("python3")
        .args(["-c", script])
        .arg(&db)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("python3 (to lock the database): {e}"))?;
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().ok_or("stdout")?),
        &mut line,
    )?;
    if line.trim() != "locked" {
        return Err(format!("could not lock the database: {line:?}").into());
    }
    Ok(child)
}

#[tokio::test(flavor = "multi_thread")]
async fn issue11_words_typed_just_before_a_kill_are_back() -> Result<()> {
    let ws = tempfile::tempdir()?;
    let made = dateline(
        ws.path(),
        &[
            "article",
            "new",
            "--headline",
            "Cortes de luz en Oaxaca",
            "--language",
            "es",
            "--json",
        ],
    )?;
    let id = serde_json::from_str::<serde_json::Value>(&made)?["id"]
        .as_i64()
        .ok_or("the new story's id")?;

    let app = App::start_named(ws.path()).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Cortes de luz")
        .await?;
    let editor = app
        .wait_for(r#"[data-testid="body-editor"] .cm-content"#)
        .await?;
    editor.click().await?;

    // From here on no save can reach the database.
    let mut lock = lock_database(ws.path())?;
    editor.send_keys(WORDS).await?;

    // The words are kept beside the desk within a moment…
    let kept = ws.path().join(".unsaved").join(format!("{id}.json"));
    let deadline = Instant::now() + WAIT;
    while !std::fs::read_to_string(&kept).is_ok_and(|t| t.contains(WORDS)) {
        assert!(
            Instant::now() < deadline,
            "{} never held the typed words",
            kept.display()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // …and Dateline is killed, as a crash or a power cut would stop it.
    let pid = app_pid(ws.path()).ok_or("the app's process")?;
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()?;
    assert!(killed.success(), "kill -9 {pid}");
    drop(app);
    lock.kill()?;
    lock.wait()?;

    let stored = dateline(ws.path(), &["article", "show", &id.to_string(), "--json"])?;
    assert!(
        !stored.contains(WORDS),
        "the words were not stored before the kill (the test shows where they come back from)"
    );

    // The next start puts them back and saves them.
    let app = App::start_named(ws.path()).await?;
    app.click_containing(r#"[data-testid="library-item"]"#, "Cortes de luz")
        .await?;
    app.wait_for_text(r#"[data-testid="body-editor"] .cm-content"#, |t| {
        t.contains(WORDS)
    })
    .await?;
    app.wait_for_text(r#"[data-testid="toast"]"#, |t| t.contains("back"))
        .await?;
    let deadline = Instant::now() + WAIT;
    loop {
        let stored = dateline(ws.path(), &["article", "show", &id.to_string(), "--json"])?;
        if stored.contains(WORDS) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the recovered words were never saved: {stored}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.quit().await?;
    assert!(!kept.exists(), "once saved, the kept form is let go");
    Ok(())
}
