//! Usable by everyone (issue 15): axe-core, the accessibility engine browsers' own tools use,
//! injected into the real window through WebDriver, audits every screen and dialog of the app
//! — the desk with a story open, its history, the export dialog, the photo desk with a photo
//! open, People, Settings, the newsroom's join dialog, and the first-start question — and
//! finds no serious or critical violation (colour contrast included).

use std::path::Path;

use dateline_e2e::{App, Result};

/// axe-core as npm installs it for the UI (`ui/package.json`).
fn axe_source() -> Result<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "axe-core is not installed at {} (make test runs npm ci in ui/): {e}",
            path.display()
        )
        .into()
    })
}

/// Runs axe over the page as it is now; answers each serious or critical violation in words,
/// with the first few elements it was found on.
async fn audit(app: &App, screen: &str, axe: &str) -> Result<Vec<String>> {
    // Injected once per page; axe sets `window.axe`.
    let present = app.js("return typeof window.axe === 'object';").await?;
    if present != serde_json::Value::Bool(true) {
        app.js(&format!("{axe}\nreturn typeof window.axe;")).await?;
    }
    let found = app
        .js_await(
            r#"const r = await window.axe.run(document, { resultTypes: ["violations"] });
               return r.violations
                 .filter((v) => v.impact === "serious" || v.impact === "critical")
                 .map((v) => `${v.id} (${v.impact}): ${v.help} — ` +
                   v.nodes.slice(0, 4).map((n) => n.target.join(" ")).join(" | "));"#,
        )
        .await?;
    let list = found
        .as_array()
        .ok_or_else(|| format!("axe did not run on {screen}: {found}"))?;
    Ok(list
        .iter()
        .map(|v| format!("{screen}: {}", v.as_str().unwrap_or_default()))
        .collect())
}

async fn click(app: &App, css: &str) -> Result<()> {
    app.wait_for(css).await?.click().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_has_no_serious_accessibility_violation_issue_15() -> Result<()> {
    let axe = axe_source()?;
    let mut found = Vec::new();

    // A new desk's first start: the window asks for the person's name.
    let fresh = tempfile::tempdir()?;
    dateline_e2e::dateline(fresh.path(), &["init"])?;
    let app = App::start(fresh.path()).await?;
    app.wait_for(r#"[data-testid="identity-dialog"][open]"#)
        .await?;
    found.extend(audit(&app, "first start", &axe).await?);
    app.quit().await?;

    // The demo desk, screen by screen.
    let ws = tempfile::tempdir()?;
    let app = App::start_named(ws.path()).await?;
    app.wait_for(r#"[data-testid="body-editor"] .cm-content"#)
        .await?;
    found.extend(audit(&app, "desk", &axe).await?);

    click(&app, r#"[data-testid="history-button"]"#).await?;
    app.wait_for(r#"[data-testid="history-panel"]"#).await?;
    found.extend(audit(&app, "history", &axe).await?);
    click(&app, r#"[data-testid="history-button"]"#).await?;

    click(&app, r#"[data-testid="export-button"]"#).await?;
    app.wait_for(r#"[data-testid="export-dialog"]"#).await?;
    found.extend(audit(&app, "export dialog", &axe).await?);
    click(&app, r#"[data-testid="export-dialog"] .close"#).await?;

    click(&app, r#"[data-testid="newsroom-join-open"]"#).await?;
    app.wait_for(r#"[data-testid="newsroom-join-dialog"][open]"#)
        .await?;
    found.extend(audit(&app, "join dialog", &axe).await?);
    app.js(
        r#"document.querySelector('[data-testid="newsroom-join-dialog"]').dispatchEvent(new Event('cancel')); return null;"#,
    )
    .await?;

    click(&app, r#"[data-testid="photos-tab"]"#).await?;
    click(&app, r#"[data-testid="photo-tile"]"#).await?;
    app.wait_for(r#"[data-testid="photo-save-state"]"#).await?;
    found.extend(audit(&app, "photo desk", &axe).await?);

    click(&app, r#"[data-testid="people-tab"]"#).await?;
    app.wait_for(r#"[data-testid="people-screen"]"#).await?;
    found.extend(audit(&app, "people", &axe).await?);

    click(&app, r#"[data-testid="settings-tab"]"#).await?;
    app.wait_for(r#"[data-testid="settings-screen"]"#).await?;
    found.extend(audit(&app, "settings", &axe).await?);
    app.quit().await?;

    assert!(
        found.is_empty(),
        "{} serious or critical accessibility violations:\n{}",
        found.len(),
        found.join("\n")
    );
    Ok(())
}
