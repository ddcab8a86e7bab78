//! Keyboard first (issue 15): a person who never touches the mouse can do the whole job, and
//! always sees where the keyboard is.
//!
//! From an empty desk (no demo) with data of its own — a photo with no metadata at all and a
//! Spanish story — every step is a key sent to whatever has focus: the name asked at first
//! start, Ctrl+N, the headline, the dek, the text, filing the story, the photo desk, importing
//! the photo by its path, its credit fields, the Export dialog opened and closed, Settings and
//! back. On each screen Tab goes round every control there is, and each one, when it has
//! focus, is drawn with a visible focus mark (the ring, or the editor's own mark).

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

use dateline_e2e::{App, Result};

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";
const CTRL: &str = "\u{E009}";
/// Releases the modifiers held since the last one was pressed (WebDriver's "null" key).
const RELEASE: &str = "\u{E000}";
const SHIFT: &str = "\u{E008}";

/// A photo with no IPTC, XMP or caption of any kind.
const BARE_PHOTO: &str = "../../../shared/fixtures/photos/orient3-landscape.jpg";

/// Keys to whatever has focus, as a keyboard sends them.
async fn keys(app: &App, text: &str) -> Result<()> {
    app.client.active_element().await?.send_keys(text).await?;
    Ok(())
}

/// What has focus: its test id (or label, or tag), and whether it is drawn as focused.
async fn focus(app: &App) -> Result<(String, bool)> {
    let (id, marked, _) = focus_numbered(app).await?;
    Ok((id, marked))
}

/// [`focus`], and the number [`round_trip`] gave the control.
async fn focus_numbered(app: &App) -> Result<(String, bool, String)> {
    let v = app
        .js(
            r#"const e = document.activeElement;
               if (!e || e === document.body) return ['body', false];
               const drawn = (el) => {
                 const cs = getComputedStyle(el);
                 return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0)
                   || (cs.boxShadow && cs.boxShadow !== 'none');
               };
               // The ring is on the control itself, or on the box that frames it (the slug's
               // field); the text shows its caret, and its column's rule turns to the accent.
               const body = e.closest('.body-editor');
               const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
               const probe = document.createElement('span');
               probe.style.color = accent;
               document.body.append(probe);
               const accentRgb = getComputedStyle(probe).color;
               probe.remove();
               const marked = drawn(e)
                 || (!!e.parentElement && e.parentElement.matches(':focus-within') && drawn(e.parentElement))
                 || (!!body && e.matches('.cm-content') && getComputedStyle(body).borderTopColor === accentRgb);
               const id = e.getAttribute('data-testid') || e.getAttribute('aria-label')
                 || e.tagName.toLowerCase();
               return [id, marked, e.getAttribute('data-kb') || id];"#,
        )
        .await?;
    let a = v.as_array().ok_or("focus: no answer")?;
    Ok((
        a[0].as_str().unwrap_or_default().to_string(),
        a[1].as_bool().unwrap_or(false),
        a[2].as_str().unwrap_or_default().to_string(),
    ))
}

/// Presses Tab until `testid` has focus; a stop on the way not drawn as focused goes into
/// `problems`.
async fn tab_to(app: &App, testid: &str, problems: &mut Vec<String>) -> Result<()> {
    for _ in 0..80 {
        if focus(app).await?.0 == testid {
            return Ok(());
        }
        keys(app, TAB).await?;
        let (now, marked) = focus(app).await?;
        if now != "body" && !marked {
            problems.push(format!("{now} has focus but nothing shows it"));
        }
    }
    Err(format!("Tab never reached {testid}").into())
}

/// Goes round the screen with Tab (inside `within`, a dialog, when given): every visible
/// control there gets focus at some point, and each is drawn as focused when it has it.
/// Answers the controls Tab never reached and the ones focused without a mark.
async fn round_trip(app: &App, screen: &str, within: &str) -> Result<Vec<String>> {
    // Number every control a person could use: visible, enabled, not taken out of the
    // tab order on purpose (a roving group keeps one member in it).
    let n = app
        .js(&format!(
            r#"for (const el of document.querySelectorAll('[data-kb]')) el.removeAttribute('data-kb');
               const root = document.querySelector({within:?}) || document;
               const all = root.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex], .cm-content');
               let n = 0;
               for (const el of all) {{
                 if (el.disabled || el.getAttribute('tabindex') === '-1') continue;
                 if (!el.getClientRects().length) continue;
                 const cs = getComputedStyle(el);
                 if (cs.visibility === 'hidden' || el.closest('[inert], [aria-hidden="true"]')) continue;
                 if (el.type === 'hidden') continue;
                 // What a closed <details> holds is not on screen (its summary is).
                 const folded = el.closest('details:not([open])');
                 if (folded && el.parentElement !== folded) continue;
                 // A radio group is one stop: only its checked member (or first) is in it.
                 if (el.type === 'radio' && el.name) {{
                   const g = root.querySelectorAll(`input[type=radio][name="${{el.name}}"]`);
                   const chosen = Array.from(g).find((r) => r.checked) || g[0];
                   if (chosen !== el) continue;
                 }}
                 el.setAttribute('data-kb', `${{(el.getAttribute('data-testid') || el.getAttribute('aria-label') || el.tagName.toLowerCase())}}#${{n}}`);
                 n += 1;
               }}
               return n;"#
        ))
        .await?
        .as_u64()
        .unwrap_or(0) as usize;
    if n == 0 {
        return Err(format!("{screen}: no control found").into());
    }
    let wanted: BTreeSet<String> = app
        .js(r#"return Array.from(document.querySelectorAll('[data-kb]')).map((e) => e.getAttribute('data-kb'));"#)
        .await?
        .as_array()
        .ok_or("no list")?
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    let mut seen = BTreeSet::new();
    let mut unmarked = Vec::new();
    for _ in 0..(n * 2 + 10) {
        keys(app, TAB).await?;
        let (now, marked, numbered) = focus_numbered(app).await?;
        // Focus nowhere ("body") counts too: Tab goes round the window, from its last control
        // to its first (a tryout's Tab went nowhere after the last one, nothing showing it).
        if !marked {
            unmarked.push(format!("{screen}: {now} has focus but nothing shows it"));
        }
        seen.insert(numbered);
        if wanted.iter().all(|w| seen.contains(w)) {
            break;
        }
    }
    let mut problems: Vec<String> = wanted
        .difference(&seen)
        .map(|w| format!("{screen}: Tab never reaches {w}"))
        .collect();
    unmarked.sort();
    unmarked.dedup();
    problems.extend(unmarked);
    Ok(problems)
}

fn shots() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/screenshots")
}

/// Whether the focus is inside the Export dialog.
async fn in_export_dialog(app: &App) -> Result<bool> {
    Ok(app
        .js(r#"return !!document.activeElement?.closest('[data-testid="export-dialog"]');"#)
        .await?
        == serde_json::Value::Bool(true))
}

/// Shift+Tab `presses` times in the Export dialog: focus never leaves it, and each stop is
/// drawn (one not drawn is a problem of `screen`).
async fn backwards_round_the_export_dialog(
    app: &App,
    presses: usize,
    screen: &str,
    problems: &mut Vec<String>,
) -> Result<()> {
    for i in 0..presses {
        keys(app, &format!("{SHIFT}{TAB}{RELEASE}")).await?;
        let (now, marked) = focus(app).await?;
        assert!(
            in_export_dialog(app).await?,
            "{screen}: Shift+Tab number {} left the dialog for {now:?}",
            i + 1,
        );
        if !marked {
            problems.push(format!(
                "{screen}, backwards: {now} has focus but nothing shows it"
            ));
        }
    }
    Ok(())
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(250)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_job_by_keyboard_alone_with_focus_always_shown_issue_15() -> Result<()> {
    let ws = tempfile::tempdir()?;
    dateline_e2e::empty_desk(ws.path())?;
    let photo = dateline_e2e::bare_photo(ws.path(), BARE_PHOTO, "jardin.jpg")?;

    let app = App::start(ws.path()).await?;
    let mut problems = Vec::new();

    // First start: the name, typed where the cursor already is.
    app.wait_for(r#"[data-testid="identity-dialog"][open]"#)
        .await?;
    assert_eq!(
        focus(&app).await?.0,
        "identity-input",
        "the name field has focus at once"
    );
    keys(&app, "Marta Ruiz").await?;
    keys(&app, ENTER).await?;
    app.wait_for_text(r#"[data-testid="identity"]"#, |t| t == "Marta Ruiz")
        .await?;

    // A new story with Ctrl+N: the cursor is in the headline.
    keys(&app, &format!("{CTRL}n{RELEASE}")).await?;
    app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    settle().await;
    assert_eq!(
        focus(&app).await?.0,
        "headline-input",
        "Ctrl+N puts the cursor in the headline"
    );
    keys(&app, "Vecinos de Tlalpan recuperan el jardín del mercado").await?;
    keys(&app, TAB).await?;
    assert_eq!(
        focus(&app).await?.0,
        "dek-input",
        "Tab goes from the headline to the dek"
    );
    keys(
        &app,
        "Tras dos años de abandono, el huerto vuelve a dar jitomates.",
    )
    .await?;
    // The text: the editor's content is the next stop after the form's fields.
    let mut reached = false;
    for _ in 0..30 {
        let on_editor = app
            .js("return document.activeElement?.classList.contains('cm-content') ?? false;")
            .await?;
        if on_editor == serde_json::Value::Bool(true) {
            reached = true;
            break;
        }
        keys(&app, TAB).await?;
        let (now, marked) = focus(&app).await?;
        if !marked {
            problems.push(format!("desk: {now} has focus but nothing shows it"));
        }
    }
    assert!(reached, "Tab reaches the text");
    keys(&app, "Los vecinos limpiaron el terreno cada sábado.").await?;
    app.wait_for_text(r#"[data-testid="preview"]"#, |t| t.contains("cada sábado"))
        .await?;
    app.wait_for(r#"[data-testid="save-state"][data-state="saved"]"#)
        .await?;

    // Its language, chosen from the list by typing, as in any list.
    tab_to(&app, "language-select", &mut problems).await?;
    keys(&app, "Es").await?;
    app.wait_for_text(r#"[data-testid="preview"] .bar"#, |t| t.contains("Spanish"))
        .await?;

    // Filing it: Tab to the workflow's button, Enter.
    tab_to(&app, "move-in_edit", &mut problems).await?;
    keys(&app, ENTER).await?;
    app.wait_for_text(r#"[data-testid="workflow-status"]"#, |t| {
        t.contains("In edit")
    })
    .await?;
    // The move's buttons changed under the focus: it stays in the workflow, drawn, so the
    // next Tab goes on from there (it used to fall to nowhere and Tab skipped a control).
    settle().await;
    let (now, marked) = focus(&app).await?;
    assert!(
        now.starts_with("move-") && marked,
        "after a move, focus is on a move button and shown: {now} ({marked})"
    );

    problems.extend(round_trip(&app, "desk", "body").await?);

    // The Export dialog: opened with its shortcut, Ctrl+E, from the text; focus inside it,
    // round it, Escape closes it and the keyboard is on its button.
    keys(&app, &format!("{CTRL}e{RELEASE}")).await?;
    app.wait_for(r#"[data-testid="export-dialog"]"#).await?;
    settle().await;
    assert!(in_export_dialog(&app).await?, "focus moves into the dialog");
    problems.extend(round_trip(&app, "export dialog", r#"[data-testid="export-dialog"]"#).await?);
    // Backwards too: Shift+Tab goes round the dialog, never behind it, and every stop shows.
    backwards_round_the_export_dialog(&app, 40, "export dialog", &mut problems).await?;
    tab_to(&app, "export-zip", &mut problems).await?;
    app.screenshot(&shots().join("keyboard-export.png")).await?;
    // A folder typed and Enter: the package is written, and the dialog's last state (where it
    // went, "Show in folder", "Export again") is as reachable, every stop drawn.
    tab_to(&app, "export-destination", &mut problems).await?;
    keys(&app, &format!("{CTRL}a{RELEASE}")).await?;
    keys(&app, &ws.path().join("paquetes").to_string_lossy()).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="export-done"]"#).await?;
    settle().await;
    backwards_round_the_export_dialog(&app, 30, "export dialog after the export", &mut problems)
        .await?;
    keys(&app, ESCAPE).await?;
    settle().await;
    let open = app
        .js(r#"return !!document.querySelector('[data-testid="export-dialog"]')?.closest('dialog[open]');"#)
        .await?;
    assert_eq!(
        open,
        serde_json::Value::Bool(false),
        "Escape closes the Export dialog"
    );
    assert_eq!(
        focus(&app).await?.0,
        "export-button",
        "focus returns to the Export button"
    );

    // The photo desk, from the story's "Choose one at the photo desk": the button goes away
    // with the desk, and focus lands on the photo desk (here, with no photo yet, its import
    // button), not nowhere.
    tab_to(&app, "hero-open-photos", &mut problems).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="import-path"]"#).await?;
    settle().await;
    let (now, marked) = focus(&app).await?;
    assert!(
        now == "import-dialog-button" && marked,
        "the photo desk takes focus: {now} ({marked})"
    );
    // The photo imported by its path, opened, credited.
    tab_to(&app, "import-path", &mut problems).await?;
    keys(&app, &photo.display().to_string()).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="photo-tile"]"#).await?;
    tab_to(&app, "photo-tile", &mut problems).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="field-caption"]"#).await?;
    tab_to(&app, "field-caption", &mut problems).await?;
    keys(&app, "Vecinas riegan el huerto del mercado de Tlalpan.").await?;
    keys(&app, TAB).await?;
    assert_eq!(
        focus(&app).await?.0,
        "field-creator",
        "Tab goes from caption to creator"
    );
    keys(&app, "Marta Ruiz").await?;
    keys(&app, TAB).await?;
    keys(&app, "Agencia Sur").await?;
    keys(&app, &format!("{CTRL}s{RELEASE}")).await?;
    app.wait_for_text(r#"[data-testid="credit-line"]"#, |t| {
        t.contains("Marta Ruiz/Agencia Sur")
    })
    .await?;
    problems.extend(round_trip(&app, "photo desk", "body").await?);

    // Ctrl+1: back to the writing desk, the cursor in the text (the photo desk's focused
    // control went away with it).
    tab_to(&app, "field-caption", &mut problems).await?;
    keys(&app, &format!("{CTRL}1{RELEASE}")).await?;
    app.wait_for(r#"[data-testid="headline-input"]"#).await?;
    settle().await;
    let on_text = app
        .js("return document.activeElement?.classList.contains('cm-content') ?? false;")
        .await?;
    assert_eq!(
        on_text,
        serde_json::Value::Bool(true),
        "Ctrl+1 puts the cursor in the text, not nowhere: {:?}",
        focus(&app).await?.0
    );

    // Settings, and back with Escape.
    tab_to(&app, "settings-tab", &mut problems).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="settings-screen"]"#).await?;
    problems.extend(round_trip(&app, "settings", "body").await?);
    tab_to(&app, "settings-ui-language", &mut problems).await?;
    app.screenshot(&shots().join("keyboard-settings.png"))
        .await?;
    keys(&app, ESCAPE).await?;
    settle().await;

    // People.
    tab_to(&app, "people-tab", &mut problems).await?;
    keys(&app, ENTER).await?;
    app.wait_for(r#"[data-testid="people-screen"]"#).await?;
    problems.extend(round_trip(&app, "people", "body").await?);
    keys(&app, ESCAPE).await?;
    settle().await;

    // Ctrl+4 from a field the desk then hides (the slug): the keyboard lands on Settings' way
    // back, and Tab goes on into its fields (a tryout's Tab reached nothing).
    app.js(r#"document.querySelector('.slug input').focus(); return null;"#)
        .await?;
    keys(&app, &format!("{CTRL}4{RELEASE}")).await?;
    app.wait_for(r#"[data-testid="settings-screen"]"#).await?;
    settle().await;
    assert_eq!(focus(&app).await?.0, "back-to-desk", "focus after Ctrl+4");
    tab_to(&app, "settings-ui-language", &mut problems).await?;
    keys(&app, ESCAPE).await?;

    // Everything typed is stored.
    app.wait_for(r#"[data-testid="save-state"][data-state="saved"]"#)
        .await?;
    app.quit().await?;
    let shown = dateline_e2e::dateline(ws.path(), &["article", "list"])?;
    assert!(shown.contains("Vecinos de Tlalpan"), "{shown}");
    assert!(
        !shown.contains("Sheinbaum"),
        "no demo story on this desk: {shown}"
    );
    let photos = dateline_e2e::dateline(ws.path(), &["photo", "list"])?;
    assert!(
        photos.contains("Credit: Marta Ruiz/Agencia Sur"),
        "{photos}"
    );

    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Ok(())
}
